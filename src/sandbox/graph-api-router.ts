import type { GraphCall, GraphDeps, GraphHandler, GraphResult } from './graph-api-call';
import { batch } from './graph-api-batch-handler';
import { createGroup, deleteGroup, getGroup, listGroups, updateGroupSettings } from './graph-api-group-handlers';
import {
  approveJoinRequests,
  deleteInviteLink,
  getInviteLink,
  listJoinRequests,
  rejectJoinRequests,
  removeParticipants,
  resetInviteLink,
} from './graph-api-membership-handlers';
import { isGroupSend, sendGroupInviteTemplate } from './graph-api-invite-template-handler';
import { uploadMedia } from './graph-api-media-handlers';
import { sendGroupMessage } from './graph-api-message-handlers';
import { injectedError } from './sandbox-failures';
import { badRequest, errorEnvelope, GraphApiError } from './sandbox-graph-api-error';
import type { SandboxOperation } from './sandbox-types';
import { SANDBOX_BUSINESS_ID } from './sandbox-usage';

type MethodTable = Partial<Record<string, [SandboxOperation, GraphHandler]>>;

const ROOT: MethodTable = { POST: ['batch', batch] };
const PHONE_GROUPS: MethodTable = { GET: ['listGroups', listGroups], POST: ['createGroup', createGroup] };
const PHONE_MESSAGES: MethodTable = { POST: ['sendGroupMessage', sendGroupMessage] };
/** The one 1:1 send the sandbox emulates: the group invite-link template. */
const INVITE_TEMPLATE: [SandboxOperation, GraphHandler] = ['sendGroupInviteTemplate', sendGroupInviteTemplate];
const PHONE_MEDIA: MethodTable = { POST: ['uploadMedia', uploadMedia] };
const GROUP: MethodTable = { GET: ['getGroup', getGroup], POST: ['updateGroupSettings', updateGroupSettings], DELETE: ['deleteGroup', deleteGroup] };
const PARTICIPANTS: MethodTable = { DELETE: ['removeParticipants', removeParticipants] };
const INVITE_LINK: MethodTable = { GET: ['getInviteLink', getInviteLink], POST: ['resetInviteLink', resetInviteLink], DELETE: ['deleteInviteLink', deleteInviteLink] };
const JOIN_REQUESTS: MethodTable = { GET: ['listJoinRequests', listJoinRequests], POST: ['approveJoinRequests', approveJoinRequests], DELETE: ['rejectJoinRequests', rejectJoinRequests] };

const EDGES: Readonly<Record<string, MethodTable>> = {
  groups: PHONE_GROUPS,
  messages: PHONE_MESSAGES,
  media: PHONE_MEDIA,
  participants: PARTICIPANTS,
  invite_link: INVITE_LINK,
  join_requests: JOIN_REQUESTS,
};

/** Which operation a method and path are, or Graph's code 100 saying why there is none. */
function resolveRoute(call: GraphCall, deps: GraphDeps): [SandboxOperation, GraphHandler] {
  const { method, segments } = call;
  if (segments.length === 2 && segments[1] === 'messages' && method === 'POST' && !isGroupSend(call, (id) => deps.state.group(id) !== undefined)) return INVITE_TEMPLATE;
  const path = `/${segments.join('/')}`;
  let table: MethodTable | undefined;
  if (segments.length === 0) table = ROOT;
  else if (segments.length === 1) table = GROUP;
  else if (segments.length === 2) table = EDGES[segments[1]!];
  if (table === undefined) throw badRequest(`Unknown path components: ${path}`);
  const route = table[method];
  if (route !== undefined) return route;
  if (segments[1] === 'participants' && method === 'POST') {
    throw badRequest('Adding participants is not supported: users join through the invite link (POST /<GROUP_ID>/participants exists only in the OpenAPI spec)');
  }
  if (segments.length === 0) throw badRequest('Unsupported get request. Use POST / for batch requests, or a node path such as /<GROUP_ID>');
  throw badRequest(`Unsupported ${method.toLowerCase()} request on ${path}; supported: ${Object.keys(table).join(', ')}`);
}

/** Routing, failure injection, the handler, and Graph's error envelope for anything it refuses. */
export function dispatchGraphCall(call: GraphCall, deps: GraphDeps): GraphResult {
  try {
    const [operation, handler] = resolveRoute(call, deps);
    const rule = deps.failures.take(operation);
    if (rule !== null && rule.async !== true) throw injectedError(rule);
    return handler(call, deps, rule);
  } catch (error) {
    if (error instanceof GraphApiError) return errorResult(error);
    throw error;
  }
}

export function errorResult(error: GraphApiError): GraphResult {
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== null) headers['retry-after'] = String(error.retryAfterSeconds);
  if (error.regainAccessMinutes !== null) {
    // A throttled use case: its usage is spent, and the header says when it comes back.
    const usage = { type: 'whatsapp_business_management', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: error.regainAccessMinutes };
    headers['x-business-use-case-usage'] = JSON.stringify({ [SANDBOX_BUSINESS_ID]: [usage] });
  }
  if (error.code === 190) headers['www-authenticate'] = `OAuth "Facebook Platform" "invalid_token" "${error.details}"`;
  return { status: error.httpStatus, body: errorEnvelope(error), headers };
}
