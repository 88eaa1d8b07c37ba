import type { Disposable } from '../lib/disposable';
import type { Logger } from '../lib/logger';
import type { RecordedWebhook } from './webhook-dispatcher';

export type { RecordedWebhook, WebhookDeliveryStatus } from './webhook-dispatcher';

/** The Graph operations of the sandbox; the names match GroupsApi's methods. */
export const SANDBOX_OPERATIONS = [
  'createGroup',
  'listGroups',
  'getGroup',
  'updateGroupSettings',
  'deleteGroup',
  'removeParticipants',
  'getInviteLink',
  'resetInviteLink',
  'deleteInviteLink',
  'listJoinRequests',
  'approveJoinRequests',
  'rejectJoinRequests',
  'sendGroupMessage',
  'sendGroupInviteTemplate',
  'uploadMedia',
  'batch',
] as const;
export type SandboxOperation = (typeof SANDBOX_OPERATIONS)[number];

/** Operations whose outcome Meta reports in a webhook, so a failure can be injected there (`async: true`). */
export const ASYNC_FAILABLE_OPERATIONS: readonly SandboxOperation[] = ['createGroup', 'deleteGroup', 'updateGroupSettings', 'removeParticipants'];

export interface SandboxOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Informational: any `vNN.N` segment is accepted in paths. @default 'v23.0' */
  apiVersion?: string;
  accessToken: string;
  appSecret: string;
  /** Business phone numbers emulated; the first gets most demo groups. */
  phoneNumberIds: readonly string[];
  /** Where signed webhooks are POSTed; null records them without delivering. @default null */
  webhookUrl?: string | null;
  /** Demo groups on start. @default true */
  seed?: boolean;
  logger?: Logger;
  /** @default { attempts: 8, baseDelayMs: 250 } // doubled after each failure */
  webhookRetry?: { attempts: number; baseDelayMs: number };
  /** Artificial delay before each Graph answer, to make concurrency observable in tests. @default 0 */
  latencyMs?: number;
  /** Largest request body read; a larger one is answered 413. @default 101 MiB (a 100 MB document upload and its framing) */
  bodyLimitBytes?: number;
}

export interface RecordedRequest {
  method: string;
  /** Without the query string, e.g. `/v23.0/106540352242922/groups`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON/form body; a multipart file is summarised as `{filename, mimeType, size}`. */
  body?: unknown;
  /** The W3C `traceparent` header the caller sent (a traced gateway's upstream call span), when it sent one. */
  traceparent?: string;
  at: Date;
}

export interface SandboxStats {
  /** Graph API requests (not `/sandbox/*` control calls), in arrival order. A batch counts once. */
  readonly requests: readonly RecordedRequest[];
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Every webhook the sandbox produced, with its delivery outcome. */
  readonly webhooks: readonly RecordedWebhook[];
  /** The `x-app-usage` and `x-business-use-case-usage` headers of the latest Graph answer; null before the first. */
  readonly usageHeaders: Readonly<Record<string, string>> | null;
  reset(): void;
}

export interface FailNextRule {
  operation: SandboxOperation;
  /** A Graph error code, e.g. 131041, 130429, 131211, or 1/2 with a 5xx httpStatus. */
  code: number;
  /** @default the code's usual status (130429 → 429, 131207 → 403, others 400) */
  httpStatus?: number;
  /** Answer the write normally and report the failure in its webhook's `errors` instead. @default false */
  async?: boolean;
  /** How many matching requests fail. @default 1 */
  times?: number;
  /** Sent as `Retry-After` (seconds); null sends none, as Meta may. @default 1 for rate-limit codes and HTTP 429, else none */
  retryAfterSeconds?: number | null;
  /** Sent as `estimated_time_to_regain_access` (minutes) in an `X-Business-Use-Case-Usage` header. @default no header */
  regainAccessMinutes?: number;
  /** Replaces the default `error_data.details`. */
  details?: string;
}

export interface SandboxParticipantSnapshot {
  waId: string;
  userId: string;
  username: string | null;
}

export interface SandboxJoinRequestSnapshot extends SandboxParticipantSnapshot {
  joinRequestId: string;
  createdAt: number;
}

export interface SandboxGroupSnapshot {
  id: string;
  phoneNumberId: string;
  subject: string;
  description: string | null;
  joinApprovalMode: 'auto_approve' | 'approval_required';
  suspended: boolean;
  /** Unix seconds. */
  createdAt: number;
  inviteLink: string | null;
  participants: SandboxParticipantSnapshot[];
  removedWaIds: string[];
  joinRequests: SandboxJoinRequestSnapshot[];
  pictureSha256: string | null;
  pinnedMessageIds: string[];
}

export interface SandboxStateSnapshot {
  phoneNumbers: { phoneNumberId: string; displayPhoneNumber: string; wabaId: string; groupCount: number }[];
  groups: SandboxGroupSnapshot[];
}

export type JoinOutcome = { status: 'joined'; groupId: string } | { status: 'requested'; groupId: string; joinRequestId: string };

/** What WhatsApp users (and WhatsApp itself) do to groups; each action sends the webhook Meta would. */
export interface SandboxControl {
  /** The user opens the group's current invite link: joins, or creates a join request in approval_required groups. */
  joinByInviteLink(input: { inviteLink: string; waId: string; username?: string }): JoinOutcome;
  /** A join request in an approval_required group, by invite link or group id. */
  requestToJoin(input: { inviteLink?: string; groupId?: string; waId: string; username?: string }): { groupId: string; joinRequestId: string };
  /** The user withdraws a pending request (`group_join_request_revoked`). */
  cancelJoinRequest(input: { groupId: string; joinRequestId: string }): void;
  /** The user leaves (`group_participants_remove`, initiated_by participant); unlike a removal, they may rejoin. */
  leaveGroup(input: { groupId: string; waId: string }): void;
  /** A participant writes to the group (inbound `messages` webhook with group_id). */
  sendText(input: { groupId: string; waId: string; text: string; name?: string }): { messageId: string };
  suspendGroup(groupId: string): void;
  clearSuspension(groupId: string): void;
  /** Adds `count` groups at once (no webhooks), for paging and limit tests. Returns their ids in order. */
  seedGroups(phoneNumberId: string, count: number, options?: { subjectPrefix?: string; participants?: number }): string[];
  state(): SandboxStateSnapshot;
  group(groupId: string): SandboxGroupSnapshot | null;
}

export interface Sandbox extends Disposable {
  /** Listens; answers e.g. `{ url: 'http://127.0.0.1:53211' }` (no version segment). */
  start(): Promise<{ url: string }>;
  /** Throws before start(). */
  readonly url: string;
  setWebhookUrl(url: string | null): void;
  readonly stats: SandboxStats;
  webhooksIdle(): Promise<void>;
  readonly control: SandboxControl;
  failNext(rule: FailNextRule): void;
}

/** A user action the sandbox refuses (unknown group, stale invite link, full group, ...). */
export class SandboxControlError extends Error {
  constructor(
    message: string,
    readonly reason: 'not_found' | 'conflict' | 'forbidden' | 'bad_request',
  ) {
    super(message);
    this.name = 'SandboxControlError';
  }

  get httpStatus(): number {
    return { not_found: 404, conflict: 409, forbidden: 403, bad_request: 400 }[this.reason];
  }
}
