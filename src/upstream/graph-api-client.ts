import { parseCreateGroupResult, parseInviteLink, parseMediaUpload, parseSendMessageResult, parseWriteAck } from './answer-parsers';
import { assertClientOptions } from './graph-api-client-options';
import type { GraphApiClientOptions } from './graph-api-client-options';
import { assertBatchSize, parseBatchAnswer, toBatchBody } from './graph-api-batch';
import { createCircuitBreaker } from './circuit-breaker';
import { createGraphTransport } from './graph-api-transport';
import type { GraphAnswer, GraphBody, GraphRequest } from './graph-api-transport';
import { fetchGroups } from './group-fetcher';
import { parseGroup, parseGroupSummaryPage } from './group-parsers';
import { parseJoinRequestPage, parseJoinRequestsResult } from './join-request-parsers';
import { deadlinePassedError } from './request-deadline';
import { createSingleFlight } from './single-flight';
import type { BatchItemResult, GroupInviteTemplateRequest, GroupsApi, GroupsApiClient, PageRequest, UpdateGroupSettingsRequest, UpstreamCallScope, UpstreamGroup, UpstreamHooks } from './types';
import { UpstreamError } from './upstream-error';

export type { GraphApiClientOptions } from './graph-api-client-options';

const MESSAGING_PRODUCT = { messaging_product: 'whatsapp' } as const;

/**
 * The Groups API over real HTTP (docs/groups-api.md#calls). Reads retry on transient failures; writes never do,
 * because a timed-out create may still have created a group. Every failure is an UpstreamError.
 */
export function createGraphApiClient(options: GraphApiClientOptions): GroupsApiClient {
  assertClientOptions(options);
  const transport = createGraphTransport({
    baseUrl: options.baseUrl,
    apiVersion: options.apiVersion,
    accessToken: options.accessToken,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 200,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
    logger: options.logger,
    fetch: options.fetch ?? globalThis.fetch,
    ...(options.random ? { random: options.random } : {}),
    deadlineMs: options.deadlineMs ?? 10_000,
    breaker: createCircuitBreaker({ failureThreshold: options.breakerFailureThreshold ?? 5, openMs: options.breakerOpenMs ?? 10_000 }),
    ...(options.hooks === undefined ? {} : { hooks: options.hooks }),
  });
  // Shared by every view: a stampede of equal reads from many requests (and keys) makes one call.
  const flights = createSingleFlight();
  // What the callers sharing one flight get is one answer object: its batch items and groups are parsed once, for all.
  const parsed: ParsedAnswers = { batches: new WeakMap(), groups: new WeakMap() };
  const pingTimeoutMs = options.pingTimeoutMs ?? Math.min(options.timeoutMs, 3_000);
  const clientHooks = options.hooks === undefined ? [] : [options.hooks];

  /** The methods over the shared transport, telling `hooks` (and no one else) about their calls. */
  const view = (hooks: readonly UpstreamHooks[], scope: UpstreamCallScope = {}): GroupsApi => {
    const { signal } = scope;
    const onRateLimited = (error: UpstreamError): void => {
      for (const hook of hooks) {
        try {
          hook.onRateLimited?.(error);
        } catch (hookError) {
          options.logger.error({ err: hookError }, 'onRateLimited hook threw; ignored');
        }
      }
    };
    // A read joining another's flight is not told that call's throttle (the caller's own answer still carries it).
    // A shared read runs under the flight's signal, not this request's deadline: this request only stops waiting for
    // it, and the call is aborted once every request waiting for it has stopped.
    const send = (request: GraphRequest): Promise<GraphAnswer> => {
      const key = flightKey(request);
      if (key === null) return transport.send(request, onRateLimited, signal);
      const waiter = signal === undefined ? undefined : { signal, left: () => deadlinePassedError(request) };
      return flights.run(key, (flightSignal) => transport.send(request, onRateLimited, flightSignal), waiter);
    };
    return groupsApiOver(send, { pingTimeoutMs, onRateLimited, parsed });
  };

  return {
    ...view(clientHooks),
    withHooks: (hooks, scope) => view([...clientHooks, hooks], scope),
    dispose: () => transport.dispose(),
  };
}

/** Parses of answers that several callers share (single flight); answers and items are never changed once parsed. */
interface ParsedAnswers {
  batches: WeakMap<GraphAnswer, BatchItemResult[]>;
  groups: WeakMap<BatchItemResult, UpstreamGroup>;
}

function groupsApiOver(
  send: (request: GraphRequest) => Promise<GraphAnswer>,
  options: { pingTimeoutMs: number; onRateLimited: (error: UpstreamError) => void; parsed: ParsedAnswers },
): GroupsApi {
  const { parsed } = options;
  const json = (value: Record<string, unknown>): GraphBody => ({ kind: 'json', value: { ...MESSAGING_PRODUCT, ...value } });
  const seg = (id: string): string => `/${encodeURIComponent(id)}`;

  const api: GroupsApi = {
    async createGroup(phoneNumberId, request) {
      const body = json({
        subject: request.subject,
        ...(request.description === undefined ? {} : { description: request.description }),
        ...(request.joinApprovalMode === undefined ? {} : { join_approval_mode: request.joinApprovalMode }),
      });
      const answer = await send({ call: 'createGroup', method: 'POST', path: `${seg(phoneNumberId)}/groups`, body, idempotent: false });
      return parseCreateGroupResult(answer.body);
    },

    async listGroups(phoneNumberId, page) {
      const answer = await send({ call: 'listGroups', method: 'GET', path: `${seg(phoneNumberId)}/groups`, query: pageQuery(page, 'listGroups'), idempotent: true });
      return parseGroupSummaryPage(answer.body);
    },

    async getGroup(groupId, fields) {
      const query: Record<string, string> = fields.length > 0 ? { fields: [...new Set(fields)].join(',') } : {};
      const answer = await send({ call: 'getGroup', method: 'GET', path: seg(groupId), query, idempotent: true });
      return parseGroup(answer.body, fields);
    },

    getGroups(groupIds, fields, fetchOptions) {
      return fetchGroups({ getGroup: api.getGroup, batch: api.batch, parsedGroups: parsed.groups }, groupIds, fields, fetchOptions);
    },

    async updateGroupSettings(groupId, request) {
      const answer = await send({ call: 'updateGroupSettings', method: 'POST', path: seg(groupId), body: settingsBody(request), idempotent: false });
      return parseWriteAck(answer.body);
    },

    async deleteGroup(groupId) {
      const answer = await send({ call: 'deleteGroup', method: 'DELETE', path: seg(groupId), idempotent: false });
      return parseWriteAck(answer.body);
    },

    async removeParticipants(groupId, users) {
      const body = json({ participants: users.map((user) => ({ user })) });
      const answer = await send({ call: 'removeParticipants', method: 'DELETE', path: `${seg(groupId)}/participants`, body, idempotent: false });
      return parseWriteAck(answer.body);
    },

    async getInviteLink(groupId) {
      const answer = await send({ call: 'getInviteLink', method: 'GET', path: `${seg(groupId)}/invite_link`, idempotent: true });
      return parseInviteLink(answer.body, 'getInviteLink');
    },

    async resetInviteLink(groupId) {
      const answer = await send({ call: 'resetInviteLink', method: 'POST', path: `${seg(groupId)}/invite_link`, body: json({}), idempotent: false });
      return parseInviteLink(answer.body, 'resetInviteLink');
    },

    async deleteInviteLink(groupId) {
      const answer = await send({ call: 'deleteInviteLink', method: 'DELETE', path: `${seg(groupId)}/invite_link`, body: json({}), idempotent: false });
      return parseWriteAck(answer.body);
    },

    async listJoinRequests(groupId, page) {
      const answer = await send({ call: 'listJoinRequests', method: 'GET', path: `${seg(groupId)}/join_requests`, query: pageQuery(page, 'listJoinRequests'), idempotent: true });
      return parseJoinRequestPage(answer.body);
    },

    async approveJoinRequests(groupId, joinRequestIds) {
      const body = json({ join_requests: [...joinRequestIds] });
      const answer = await send({ call: 'approveJoinRequests', method: 'POST', path: `${seg(groupId)}/join_requests`, body, idempotent: false });
      return parseJoinRequestsResult(answer.body, 'approveJoinRequests');
    },

    async rejectJoinRequests(groupId, joinRequestIds) {
      const body = json({ join_requests: [...joinRequestIds] });
      const answer = await send({ call: 'rejectJoinRequests', method: 'DELETE', path: `${seg(groupId)}/join_requests`, body, idempotent: false });
      return parseJoinRequestsResult(answer.body, 'rejectJoinRequests');
    },

    async sendGroupMessage(phoneNumberId, groupId, message) {
      // The addressing fields come last so a message object cannot redirect the send.
      const body = json({ ...message, ...MESSAGING_PRODUCT, recipient_type: 'group', to: groupId });
      const answer = await send({ call: 'sendGroupMessage', method: 'POST', path: `${seg(phoneNumberId)}/messages`, body, idempotent: false });
      return parseSendMessageResult(answer.body);
    },

    async sendGroupInviteTemplate(phoneNumberId, request) {
      const body = json({ recipient_type: 'individual', to: request.to, type: 'template', template: inviteTemplate(request) });
      const answer = await send({ call: 'sendGroupInviteTemplate', method: 'POST', path: `${seg(phoneNumberId)}/messages`, body, idempotent: false });
      return parseSendMessageResult(answer.body, 'sendGroupInviteTemplate');
    },

    async uploadMedia(phoneNumberId, media) {
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('type', media.mimeType);
      form.append('file', new Blob([media.bytes], { type: media.mimeType }), media.filename);
      const answer = await send({ call: 'uploadMedia', method: 'POST', path: `${seg(phoneNumberId)}/media`, body: { kind: 'form-data', value: form }, idempotent: false });
      return parseMediaUpload(answer.body);
    },

    async batch(requests) {
      assertBatchSize(requests);
      if (requests.length === 0) return [];
      const idempotent = requests.every((request) => request.method === 'GET');
      const answer = await send({ call: 'batch', method: 'POST', path: '/', body: { kind: 'json', value: toBatchBody(requests) }, idempotent });
      // Callers of one flight sent equal requests (the flight's key), so one parse serves them all.
      let items = parsed.batches.get(answer);
      if (items === undefined) {
        items = parseBatchAnswer(answer.body, requests);
        parsed.batches.set(answer, items);
      }
      for (const item of items) {
        if (!item.ok && item.error.isRateLimited) options.onRateLimited(item.error);
      }
      return items;
    },

    async ping() {
      try {
        await send({ call: 'ping', method: 'GET', path: '/', idempotent: false, timeoutMs: options.pingTimeoutMs, unguarded: true });
      } catch (error) {
        // Any HTTP answer, even an error envelope, proves the upstream is reachable.
        if (error instanceof UpstreamError && error.httpStatus !== null) return;
        throw error;
      }
    },
  };
  return api;
}

/** Equal idempotent reads share a key; writes and readiness pings never share a call. */
function flightKey(request: GraphRequest): string | null {
  if (!request.idempotent || request.unguarded === true) return null;
  const query = request.query === undefined ? '' : new URLSearchParams(Object.entries(request.query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
  const body = request.body === undefined ? '' : request.body.kind === 'json' ? JSON.stringify(request.body.value) : null;
  return body === null ? null : `${request.method} ${request.path}?${query} ${body}`;
}

function pageQuery(page: PageRequest, operation: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (page.limit !== undefined) {
    if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > 1024) {
      throw new TypeError(`GroupsApi.${operation}: expected limit to be an integer from 1 to 1024, got ${String(page.limit)}`);
    }
    query.limit = String(page.limit);
  }
  if (page.after !== undefined && page.before !== undefined) {
    throw new TypeError(`GroupsApi.${operation}: expected at most one of after/before, got both; page in one direction at a time`);
  }
  if (page.after !== undefined) query.after = page.after;
  if (page.before !== undefined) query.before = page.before;
  return query;
}

/** JSON for subject/description; multipart `file` as soon as a picture is part of it (docs/groups-api.md#update-settings). */
function settingsBody(request: UpdateGroupSettingsRequest): GraphBody {
  if (request.subject === undefined && request.description === undefined && request.profilePicture === undefined) {
    throw new TypeError('GroupsApi.updateGroupSettings: expected at least one of subject, description or profilePicture, got none');
  }
  const fields: Record<string, string> = { messaging_product: 'whatsapp' };
  if (request.subject !== undefined) fields.subject = request.subject;
  if (request.description !== undefined) fields.description = request.description;
  if (request.profilePicture === undefined) return { kind: 'json', value: fields };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const picture = request.profilePicture;
  form.append('file', new Blob([picture.bytes], { type: picture.mimeType }), picture.filename);
  return { kind: 'form-data', value: form };
}

/** The template object of the invite-link template: its one `group_id` parameter in the URL button or the body. */
function inviteTemplate(request: GroupInviteTemplateRequest): Record<string, unknown> {
  const parameters = [{ type: 'group_id', group_id: request.groupId }];
  const component =
    request.slot.component === 'button' ? { type: 'button', sub_type: 'url', index: String(request.slot.index), parameters } : { type: 'body', parameters };
  return { name: request.name, language: { code: request.languageCode }, components: [component] };
}
