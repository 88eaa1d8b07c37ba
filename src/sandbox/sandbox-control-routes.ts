import type { RawRequest, RawResponse } from './sandbox-http-listener';
import { SandboxControlError } from './sandbox-types';
import type { FailNextRule, SandboxControl, SandboxStats } from './sandbox-types';

export interface ControlRouteDeps {
  control: SandboxControl;
  stats: SandboxStats;
  failNext(rule: FailNextRule): void;
  setWebhookUrl(url: string | null): void;
  webhookUrl(): string | null;
  webhooksIdle(): Promise<void>;
}

type Body = Record<string, unknown>;
type Route = (deps: ControlRouteDeps, body: Body, params: string[]) => unknown;

/** `/sandbox/...`: the control API over HTTP (src/sandbox/README.md). No bearer token: it is a test tool. */
const ROUTES: [method: string, pattern: RegExp, route: Route][] = [
  ['GET', /^\/sandbox\/state$/, (d) => d.control.state()],
  ['GET', /^\/sandbox\/groups\/([^/]+)$/, (d, _b, [id]) => d.control.group(id!) ?? notFound(`No group with id ${id}`)],
  ['GET', /^\/sandbox\/stats$/, (d) => ({ requests: d.stats.requests, inFlight: d.stats.inFlight, maxInFlight: d.stats.maxInFlight, webhooks: d.stats.webhooks })],
  ['POST', /^\/sandbox\/stats\/reset$/, (d) => (d.stats.reset(), { reset: true })],
  ['POST', /^\/sandbox\/join$/, (d, b) => d.control.joinByInviteLink({ inviteLink: str(b, 'inviteLink'), waId: str(b, 'waId'), ...opt(b, 'username') })],
  ['POST', /^\/sandbox\/join-requests$/, (d, b) => d.control.requestToJoin({ ...opt(b, 'inviteLink'), ...opt(b, 'groupId'), waId: str(b, 'waId'), ...opt(b, 'username') })],
  ['DELETE', /^\/sandbox\/groups\/([^/]+)\/join-requests\/([^/]+)$/, (d, _b, [groupId, joinRequestId]) => (d.control.cancelJoinRequest({ groupId: groupId!, joinRequestId: joinRequestId! }), { cancelled: true })],
  ['POST', /^\/sandbox\/groups\/([^/]+)\/leave$/, (d, b, [groupId]) => (d.control.leaveGroup({ groupId: groupId!, waId: str(b, 'waId') }), { left: true })],
  ['POST', /^\/sandbox\/groups\/([^/]+)\/messages$/, (d, b, [groupId]) => d.control.sendText({ groupId: groupId!, waId: str(b, 'waId'), text: str(b, 'text'), ...opt(b, 'name') })],
  ['POST', /^\/sandbox\/groups\/([^/]+)\/suspend$/, (d, _b, [groupId]) => (d.control.suspendGroup(groupId!), { suspended: true })],
  ['POST', /^\/sandbox\/groups\/([^/]+)\/clear-suspension$/, (d, _b, [groupId]) => (d.control.clearSuspension(groupId!), { suspended: false })],
  [
    'POST',
    /^\/sandbox\/seed$/,
    (d, b) => ({ groupIds: d.control.seedGroups(str(b, 'phoneNumberId'), num(b, 'count'), { ...opt(b, 'subjectPrefix'), ...(b.participants === undefined ? {} : { participants: num(b, 'participants') }) }) }),
  ],
  ['POST', /^\/sandbox\/fail-next$/, (d, b) => (d.failNext(b as unknown as FailNextRule), { armed: b })],
  ['PUT', /^\/sandbox\/webhook-url$/, (d, b) => (d.setWebhookUrl(b.url === null ? null : str(b, 'url')), { webhookUrl: d.webhookUrl() })],
  ['GET', /^\/sandbox\/webhook-url$/, (d) => ({ webhookUrl: d.webhookUrl() })],
];

const IDLE_ROUTE = /^\/sandbox\/webhooks\/idle$/;

export async function handleControlRequest(request: RawRequest, deps: ControlRouteDeps): Promise<RawResponse> {
  const path = request.url.pathname.replace(/\/+$/, '');
  try {
    if (request.method === 'GET' && IDLE_ROUTE.test(path)) {
      await deps.webhooksIdle();
      return json(200, { idle: true });
    }
    const body = parseBody(request.body);
    for (const [method, pattern, route] of ROUTES) {
      const match = pattern.exec(path);
      if (match === null || method !== request.method) continue;
      const params = match.slice(1).map((p) => decodeURIComponent(p));
      return json(200, route(deps, body, params));
    }
    return json(404, { error: { message: `No sandbox control route ${request.method} ${path}; see src/sandbox/README.md`, reason: 'not_found' } });
  } catch (error) {
    if (error instanceof SandboxControlError) return json(error.httpStatus, { error: { message: error.message, reason: error.reason } });
    if (error instanceof TypeError) return json(400, { error: { message: error.message, reason: 'bad_request' } });
    throw error;
  }
}

function json(status: number, body: unknown): RawResponse {
  return { status, body: JSON.stringify(body) };
}

function parseBody(raw: Buffer): Body {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new SandboxControlError('The body must be JSON', 'bad_request');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SandboxControlError('The body must be a JSON object', 'bad_request');
  return parsed as Body;
}

function str(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new SandboxControlError(`"${name}" must be a non-empty string`, 'bad_request');
  return value;
}

function num(body: Body, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new SandboxControlError(`"${name}" must be an integer`, 'bad_request');
  return value;
}

function opt(body: Body, name: string): Record<string, string> {
  const value = body[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'string') throw new SandboxControlError(`"${name}" must be a string`, 'bad_request');
  return { [name]: value };
}

function notFound(message: string): never {
  throw new SandboxControlError(message, 'not_found');
}
