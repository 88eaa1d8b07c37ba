import { randomUUID } from 'node:crypto';
import type { GroupCache } from '../cache/group-cache';
import type { EventBus } from '../events/event-bus';
import type { DomainEvent, EventError, StoredEvent } from '../events/event-model';
import type { Topics } from '../events/topics';
import { NotFoundError } from '../errors/gateway-errors';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type {
  CreateGroupRequest,
  GroupInviteTemplateRequest,
  GroupsApi,
  JoinRequestsResult,
  MediaUploadRequest,
  OutboundGroupMessage,
  UpdateGroupSettingsRequest,
} from '../upstream/types';
import { UpstreamError } from '../upstream/upstream-error';
import type { IdempotencyScope, IdempotencyStore } from './idempotency';
import { runIdempotent } from './idempotency';
import type { OperationKind, OperationRecord } from './operation';
import { createOperationCompleter } from './operation-completion';
import type { OperationStore } from './operation-store';
import { awaitOperation, publishOperation } from './operation-updates';

export interface WriteServiceOptions {
  /** Async operations by id: Redis when configured (shared by instances), else in memory. Borrowed. */
  operations: OperationStore;
  /** `idempotencyKey` claims of createGroup and sendGroupMessage, shared the same way. Borrowed. */
  idempotency: IdempotencyStore;
  /** Operation changes travel on topics.operation(id), from whichever instance completed the operation. */
  bus: Pick<EventBus, 'subscribe' | 'publish'>;
  topics: Pick<Topics, 'operation'>;
  /** Told after each successful write (the webhook invalidates again when the change lands); null without a cache. */
  groupCache: Pick<GroupCache, 'invalidate'> | null;
  /** How long an idempotency key answers with its first result. */
  idempotencyTtlSeconds: number;
  /** awaitCompletion's wait when the call gives none, and the most a call may ask for. */
  awaitCompletionDefaultMs: number;
  awaitCompletionMaxMs: number;
  /** For completions from webhooks; a write logs with its own request's logger. */
  logger: Logger;
}

/** The request a write is made for (a GatewayContext is one). */
export interface WriteContext {
  /** The request's Groups API: its calls count against the caller's key. */
  upstream: GroupsApi;
  logger: Logger;
  /** Who calls; absent or anonymous when authentication is off. Idempotency keys are the caller's own. */
  access?: { principal: { id: string; anonymous: boolean } };
}

/** What an uploaded profile picture was, recorded on the operation (its bytes never are). */
export interface PictureSummary {
  filename: string;
  bytes: number;
  width: number;
  height: number;
}

/**
 * The write path: one entry per mutation, each taking input the resolver has validated. Writes whose outcome
 * arrives by webhook answer their operation; completeFromWebhook is the other half, run by the webhook ingress.
 */
export interface WriteService {
  /** For awaitWindowMs: awaitCompletion's default wait and the longest a call may ask for. */
  readonly awaitLimits: { defaultMs: number; maxMs: number };
  /** The create, once per idempotency key; waits up to `waitMs` (when given) for the webhook's outcome. */
  createGroup(ctx: WriteContext, write: { phoneNumberId: string; request: CreateGroupRequest; idempotencyKey: string | null; waitMs: number | null }): Promise<OperationRecord>;
  updateGroup(ctx: WriteContext, write: { groupId: string; phoneNumberId: string | null; request: UpdateGroupSettingsRequest; picture: PictureSummary | null }): Promise<OperationRecord>;
  deleteGroup(ctx: WriteContext, write: { groupId: string; phoneNumberId: string | null }): Promise<OperationRecord>;
  removeParticipants(ctx: WriteContext, write: { groupId: string; phoneNumberId: string | null; participants: string[] }): Promise<OperationRecord>;
  /** The new invite link (synchronous upstream). */
  resetInviteLink(ctx: WriteContext, write: { groupId: string }): Promise<string>;
  /** Whether the Groups API confirmed the deletion (synchronous upstream, no webhook). */
  deleteInviteLink(ctx: WriteContext, write: { groupId: string }): Promise<boolean>;
  approveJoinRequests(ctx: WriteContext, write: { groupId: string; joinRequestIds: string[] }): Promise<JoinRequestsResult>;
  rejectJoinRequests(ctx: WriteContext, write: { groupId: string; joinRequestIds: string[] }): Promise<JoinRequestsResult>;
  /** The message id (wamid), once per idempotency key. */
  sendGroupMessage(ctx: WriteContext, write: { phoneNumberId: string; groupId: string; message: OutboundGroupMessage; idempotencyKey: string | null }): Promise<string>;
  /** The wamid of the invite-link template sent 1:1, once per idempotency key (synchronous upstream). */
  sendGroupInviteTemplate(ctx: WriteContext, write: { phoneNumberId: string; request: GroupInviteTemplateRequest; idempotencyKey: string | null }): Promise<string>;
  /** The media id (synchronous upstream). Not idempotent: a retried upload makes a second media id, which is harmless. */
  uploadMedia(ctx: WriteContext, write: { phoneNumberId: string; media: MediaUploadRequest }): Promise<string>;
  /** The id of the pin message. */
  pinGroupMessage(ctx: WriteContext, write: { phoneNumberId: string; groupId: string; messageId: string; expirationDays: number }): Promise<string>;
  unpinGroupMessage(ctx: WriteContext, write: { phoneNumberId: string; groupId: string; messageId: string }): Promise<string>;
  /** An operation as stored; null when unknown or expired. */
  getOperation(id: string): Promise<OperationRecord | null>;
  /** The webhook ingress' step after storing a delivery: completes the operations its events answer (operation-completion.ts). */
  completeFromWebhook(events: readonly DomainEvent[], stored: readonly StoredEvent[]): Promise<void>;
}

export function createWriteService(options: WriteServiceOptions): WriteService {
  const { operations, idempotency, bus, topics, groupCache } = options;
  const completer = createOperationCompleter({ operations, bus, topics, logger: options.logger });

  const scopeOf = (ctx: WriteContext, mutation: string, phoneNumberId: string): IdempotencyScope => ({
    mutation,
    callerId: ctx.access === undefined || ctx.access.principal.anonymous ? null : ctx.access.principal.id,
    phoneNumberId,
  });

  /** Drops the group's cached metadata after a write; a cache failure is logged, never the mutation's failure. */
  async function invalidateGroup(ctx: WriteContext, groupId: string): Promise<void> {
    if (groupCache === null) return;
    try {
      await groupCache.invalidate([groupId]);
    } catch (error) {
      ctx.logger.warn({ err: ensureError(error), groupId }, 'group cache invalidation after a write failed; the webhook invalidates again');
    }
  }

  /**
   * A write answered without a request_id (update, delete, removal): the PENDING operation is stored BEFORE the
   * upstream call, because the webhook can outrun the HTTP answer and correlation only finds operations that
   * exist. A synchronous refusal completes it FAILED (so it leaves the pending index) and is rethrown for
   * toGraphQLError. Answers the operation as it is after the call (a fast webhook may have completed it already).
   */
  async function trackedWrite(
    ctx: WriteContext,
    tracked: { kind: OperationKind; groupId: string; phoneNumberId: string | null; input: unknown; write(): Promise<unknown> },
  ): Promise<OperationRecord> {
    const { kind, groupId, phoneNumberId, input } = tracked;
    const created = await operations.create({ id: newOperationId(), kind, groupId, phoneNumberId, input });
    try {
      await tracked.write();
    } catch (error) {
      await operations.complete(created.id, { status: 'FAILED', errors: [toEventError(error)] }).catch((storeError: unknown) => {
        ctx.logger.warn({ err: ensureError(storeError), operationId: created.id }, 'could not mark a refused write FAILED; it expires with the operation TTL');
      });
      throw error;
    }
    await invalidateGroup(ctx, groupId);
    return (await operations.get(created.id)) ?? created;
  }

  /**
   * The create itself: Meta answers with only a request_id, which becomes the operation's id. A variant that
   * already answers the group id completes the operation at once.
   */
  async function startCreate(ctx: WriteContext, phoneNumberId: string, request: CreateGroupRequest): Promise<string> {
    const answer = await ctx.upstream.createGroup(phoneNumberId, request);
    const created = await operations.create({ id: answer.requestId, kind: 'CREATE_GROUP', phoneNumberId, groupId: null, input: request, inviteLink: answer.inviteLink });
    if (answer.groupId !== null && created.status === 'PENDING') {
      const { changed, record } = await operations.complete(answer.requestId, { status: 'SUCCEEDED', groupId: answer.groupId, inviteLink: answer.inviteLink });
      if (changed && record !== null) await publishOperation(bus, topics, record);
    }
    return answer.requestId;
  }

  async function answerJoinRequests(ctx: WriteContext, groupId: string, result: JoinRequestsResult): Promise<JoinRequestsResult> {
    if (result.succeeded.length > 0) await invalidateGroup(ctx, groupId);
    return result;
  }

  return {
    awaitLimits: { defaultMs: options.awaitCompletionDefaultMs, maxMs: options.awaitCompletionMaxMs },

    async createGroup(ctx, { phoneNumberId, request, idempotencyKey, waitMs }) {
      const operationId = await runIdempotent<string>({
        store: idempotency,
        scope: scopeOf(ctx, 'createGroup', phoneNumberId),
        key: idempotencyKey,
        input: { phoneNumberId, ...request },
        ttlSeconds: options.idempotencyTtlSeconds,
        run: () => startCreate(ctx, phoneNumberId, request),
        remember: (id) => ({ operationId: id }),
        replay: async (remembered) => (remembered as { operationId: string }).operationId,
      });
      const record = await operations.get(operationId);
      if (record === null) throw new NotFoundError(`The operation ${operationId} of the first call with this idempotencyKey has expired; use a new key`);
      if (waitMs === null || record.status !== 'PENDING') return record;
      return (await awaitOperation({ operations, bus, topics, id: operationId, timeoutMs: waitMs })) ?? record;
    },

    updateGroup: (ctx, { groupId, phoneNumberId, request, picture }) =>
      trackedWrite(ctx, {
        kind: 'UPDATE_GROUP',
        groupId,
        phoneNumberId,
        input: { subject: request.subject ?? null, description: request.description ?? null, profilePicture: picture },
        write: () => ctx.upstream.updateGroupSettings(groupId, request),
      }),

    deleteGroup: (ctx, { groupId, phoneNumberId }) =>
      trackedWrite(ctx, { kind: 'DELETE_GROUP', groupId, phoneNumberId, input: { groupId }, write: () => ctx.upstream.deleteGroup(groupId) }),

    removeParticipants: (ctx, { groupId, phoneNumberId, participants }) =>
      trackedWrite(ctx, { kind: 'REMOVE_PARTICIPANTS', groupId, phoneNumberId, input: { participants }, write: () => ctx.upstream.removeParticipants(groupId, participants) }),

    resetInviteLink: async (ctx, { groupId }) => {
      const inviteLink = await ctx.upstream.resetInviteLink(groupId);
      await invalidateGroup(ctx, groupId);
      return inviteLink;
    },

    deleteInviteLink: async (ctx, { groupId }) => {
      const { success } = await ctx.upstream.deleteInviteLink(groupId);
      // The deleted link may be cached on every instance: the group's change drops it everywhere.
      await invalidateGroup(ctx, groupId);
      return success;
    },

    approveJoinRequests: async (ctx, { groupId, joinRequestIds }) => answerJoinRequests(ctx, groupId, await ctx.upstream.approveJoinRequests(groupId, joinRequestIds)),

    rejectJoinRequests: async (ctx, { groupId, joinRequestIds }) => answerJoinRequests(ctx, groupId, await ctx.upstream.rejectJoinRequests(groupId, joinRequestIds)),

    sendGroupMessage: (ctx, { phoneNumberId, groupId, message, idempotencyKey }) =>
      runIdempotent<string>({
        store: idempotency,
        scope: scopeOf(ctx, 'sendGroupMessage', phoneNumberId),
        key: idempotencyKey,
        input: { phoneNumberId, groupId, message },
        ttlSeconds: options.idempotencyTtlSeconds,
        run: async () => (await ctx.upstream.sendGroupMessage(phoneNumberId, groupId, message)).messageId,
        remember: (id) => ({ messageId: id }),
        replay: async (remembered) => (remembered as { messageId: string }).messageId,
      }),

    sendGroupInviteTemplate: (ctx, { phoneNumberId, request, idempotencyKey }) =>
      runIdempotent<string>({
        store: idempotency,
        scope: scopeOf(ctx, 'sendGroupInviteTemplate', phoneNumberId),
        key: idempotencyKey,
        input: { phoneNumberId, ...request },
        ttlSeconds: options.idempotencyTtlSeconds,
        run: async () => (await ctx.upstream.sendGroupInviteTemplate(phoneNumberId, request)).messageId,
        remember: (id) => ({ messageId: id }),
        replay: async (remembered) => (remembered as { messageId: string }).messageId,
      }),

    uploadMedia: async (ctx, { phoneNumberId, media }) => (await ctx.upstream.uploadMedia(phoneNumberId, media)).mediaId,

    pinGroupMessage: async (ctx, { phoneNumberId, groupId, messageId, expirationDays }) =>
      (await ctx.upstream.sendGroupMessage(phoneNumberId, groupId, { type: 'pin', pin: { type: 'pin', message_id: messageId, expiration_days: expirationDays } })).messageId,

    unpinGroupMessage: async (ctx, { phoneNumberId, groupId, messageId }) =>
      (await ctx.upstream.sendGroupMessage(phoneNumberId, groupId, { type: 'pin', pin: { type: 'unpin', message_id: messageId } })).messageId,

    getOperation: (id) => operations.get(id),

    completeFromWebhook: (events, stored) => completer.afterStore(events, stored),
  };
}

/** Ids of operations the upstream gave no request_id for: prefixed, so they never collide with Meta's. */
function newOperationId(): string {
  return `op_${randomUUID()}`;
}

/** An upstream refusal in the shape operations record errors in. */
function toEventError(error: unknown): EventError {
  if (error instanceof UpstreamError) {
    return { code: error.code, title: error.userTitle, message: error.userMessage ?? error.message, details: error.details };
  }
  return { code: null, title: null, message: 'The write failed before the Groups API answered', details: null };
}
