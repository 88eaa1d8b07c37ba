import type { Disposable } from '../lib/disposable';
import type { UpstreamError } from './upstream-error';

/**
 * The Groups API as the gateway sees it: normalised (camelCase, numbers as numbers, documented variants
 * folded into one shape). Knows nothing about GraphQL. Wire shapes: docs/groups-api.md#calls.
 */

export type UpstreamJoinApprovalMode = 'auto_approve' | 'approval_required';

export interface UpstreamParticipant {
  waId: string | null;
  userId: string | null;
  parentUserId: string | null;
  username: string | null;
}

/** Fields of `GET /<GROUP_ID>?fields=`. */
export const GROUP_FIELDS = [
  'subject',
  'description',
  'join_approval_mode',
  'suspended',
  'creation_timestamp',
  'participants',
  'total_participant_count',
] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/**
 * A group as `GET /<GROUP_ID>` returns it. Fields not requested are undefined; requested but absent are null, except
 * `subject` and `createdAt`: every group has both (a subject is required and never empty, and creation time is
 * fixed), so an answer without them is refused (docs/groups-api.md#what-meta-always-returns).
 */
export interface UpstreamGroup {
  id: string;
  subject?: string;
  description?: string | null;
  joinApprovalMode?: UpstreamJoinApprovalMode | null;
  suspended?: boolean | null;
  createdAt?: Date; // from creation_timestamp (unix seconds, number or string)
  participants?: UpstreamParticipant[] | null;
  totalParticipantCount?: number | null;
}

/** An item of `GET /<PHONE_NUMBER_ID>/groups` (fixed fields: id, subject, created_at; all three always sent). */
export interface UpstreamGroupSummary {
  id: string;
  subject: string;
  createdAt: Date;
}

export interface UpstreamPaging {
  after: string | null;
  before: string | null;
  /** Meta's `paging.next` is present: more items after this page. */
  hasNext: boolean;
  /** Meta's `paging.previous` is present: more items before this page. */
  hasPrevious: boolean;
}

export interface Page<T> {
  items: T[];
  paging: UpstreamPaging;
}

export interface PageRequest {
  limit?: number; // 1..1024
  after?: string;
  before?: string;
}

export interface UpstreamJoinRequest {
  joinRequestId: string;
  waId: string | null;
  userId: string | null;
  parentUserId: string | null;
  username: string | null;
  createdAt: Date | null;
}

/** An error item inside a successful answer (per-item failures) or a webhook. */
export interface UpstreamErrorItem {
  code: number | null;
  title: string | null;
  message: string | null;
  details: string | null;
}

export interface JoinRequestsResult {
  succeeded: string[]; // approved_join_requests / rejected_join_requests
  failed: { joinRequestId: string; errors: UpstreamErrorItem[] }[];
  errors: UpstreamErrorItem[];
}

export interface CreateGroupRequest {
  subject: string;
  description?: string;
  joinApprovalMode?: UpstreamJoinApprovalMode;
}

/** Meta answers a create with only `request_id`; `groupId`/`inviteLink` are accepted if a variant sends them. */
export interface CreateGroupResult {
  requestId: string;
  groupId: string | null;
  inviteLink: string | null;
}

export interface UpdateGroupSettingsRequest {
  subject?: string;
  description?: string;
  /** A JPEG, sent as multipart `file`. */
  profilePicture?: { bytes: Buffer; filename: string; mimeType: 'image/jpeg' };
}

/** Answer of writes whose body Meta does not document: kept loose, with a request id when one is sent. */
export interface WriteAck {
  success: boolean;
  requestId: string | null;
}

/** The body of `POST /<PHONE_NUMBER_ID>/messages` minus messaging_product/recipient_type/to, e.g. `{ type: 'text', text: {...} }`. */
export type OutboundGroupMessage = Record<string, unknown> & { type: string };

export interface SendMessageResult {
  messageId: string;
}

/**
 * The invite-link template sent 1:1 (`POST /<PHONE_NUMBER_ID>/messages`, `type: "template"`): an approved copy of
 * Meta's "group invite link" library template, whose one `group_id` parameter Meta turns into the group's link.
 * `slot` says which component carries that parameter: the template's URL button (at `index`) or its body.
 */
export interface GroupInviteTemplateRequest {
  /** The user: a phone number in international format (digits), a WhatsApp id or a business-scoped user id. */
  to: string;
  groupId: string;
  name: string;
  languageCode: string;
  slot: { component: 'button'; index: number } | { component: 'body' };
}

/** A file for `POST /<PHONE_NUMBER_ID>/media` (multipart `file`, with its MIME type as `type`). */
export interface MediaUploadRequest {
  bytes: Buffer;
  filename: string;
  /** One of the MIME types WhatsApp accepts, e.g. `image/jpeg`, `video/mp4`, `application/pdf`, `image/webp`. */
  mimeType: string;
}

export interface MediaUploadResult {
  /** The id to send the media by (`{ "image": { "id": ... } }`), valid for the phone number that uploaded it. */
  mediaId: string;
}

/** One sub-request of a Graph batch (`POST /` with `batch=[...]`). */
export interface BatchRequest {
  method: 'GET' | 'POST' | 'DELETE';
  relativeUrl: string; // e.g. "<GROUP_ID>?fields=subject,participants" (no version segment)
  body?: string; // form-encoded, for POST
}

/** One sub-response, in request order: the parsed JSON body, or the Graph error for that item. */
export type BatchItemResult = { ok: true; status: number; body: unknown } | { ok: false; status: number; error: UpstreamError };

/** Everything the gateway can ask of the Groups API. Implemented by createGraphApiClient (real HTTP). */
export interface GroupsApi {
  createGroup(phoneNumberId: string, request: CreateGroupRequest): Promise<CreateGroupResult>;
  listGroups(phoneNumberId: string, page: PageRequest): Promise<Page<UpstreamGroupSummary>>;
  /** Throws UpstreamError (code 131041 when the group is unknown). With no fields, only `id` comes back. */
  getGroup(groupId: string, fields: readonly GroupField[]): Promise<UpstreamGroup>;
  /**
   * Many groups at once, aligned to `groupIds`: the group, or the UpstreamError for that id (a missing group
   * is a per-item error, not a failed call). `mode: 'batch'` sends Graph batch requests of at most 50;
   * `mode: 'parallel'` sends single GETs with at most `concurrency` in flight.
   */
  getGroups(groupIds: readonly string[], fields: readonly GroupField[], options: { mode: 'batch' | 'parallel'; concurrency: number }): Promise<(UpstreamGroup | UpstreamError)[]>;
  updateGroupSettings(groupId: string, request: UpdateGroupSettingsRequest): Promise<WriteAck>;
  deleteGroup(groupId: string): Promise<WriteAck>;
  removeParticipants(groupId: string, users: readonly string[]): Promise<WriteAck>;
  getInviteLink(groupId: string): Promise<string>;
  resetInviteLink(groupId: string): Promise<string>;
  deleteInviteLink(groupId: string): Promise<WriteAck>;
  listJoinRequests(groupId: string, page: PageRequest): Promise<Page<UpstreamJoinRequest>>;
  approveJoinRequests(groupId: string, joinRequestIds: readonly string[]): Promise<JoinRequestsResult>;
  rejectJoinRequests(groupId: string, joinRequestIds: readonly string[]): Promise<JoinRequestsResult>;
  sendGroupMessage(phoneNumberId: string, groupId: string, message: OutboundGroupMessage): Promise<SendMessageResult>;
  /** The invite-link template to one user (not to the group): the standard send answer. */
  sendGroupInviteTemplate(phoneNumberId: string, request: GroupInviteTemplateRequest): Promise<SendMessageResult>;
  /** Uploads a media file for later messages of this phone number (synchronous: the id comes back at once). */
  uploadMedia(phoneNumberId: string, media: MediaUploadRequest): Promise<MediaUploadResult>;
  /** Raw Graph batch: at most 50 sub-requests per call (throws a TypeError beyond that). */
  batch(requests: readonly BatchRequest[]): Promise<BatchItemResult[]>;
  /** Cheap reachability check for /readyz. */
  ping(): Promise<void>;
}

/** What a client tells about its calls. A hook must not throw: a throw is logged and ignored, the call goes on. */
export interface UpstreamHooks {
  /** Every rate-limit answer, retried or not, a throttled batch item included. */
  onRateLimited?(error: UpstreamError): void;
  /**
   * One HTTP attempt is about to be sent (metrics, tracing). What it returns may add headers (e.g. `traceparent`)
   * and is told how the attempt ended. Only the client's own hooks (construction options) hear attempts.
   */
  onAttempt?(attempt: UpstreamAttempt): UpstreamAttemptObserver | undefined;
  /** A failed attempt will be retried after `delayMs`. Only the client's own hooks hear retries. */
  onRetry?(retry: { call: string; delayMs: number }): void;
}

export interface UpstreamAttempt {
  /** The GroupsApi method (`getGroup`, `batch`, ...): the endpoint kind. */
  call: string;
  method: string;
  /** 1 for the first attempt. */
  attempt: number;
}

export interface UpstreamAttemptObserver {
  /** Added to the request's headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The answer's status and headers, or null for both when none came (timeout, no connection, client disposed). */
  end(outcome: { status: number | null; headers: Headers | null; timedOut: boolean }): void;
}

/** What bounds the calls of one view. */
export interface UpstreamCallScope {
  /**
   * The deadline of the GraphQL request (or subscription event) the view serves: once it aborts, its calls stop
   * (the attempt in flight is aborted, no retry or new call starts) and fail as UPSTREAM_UNAVAILABLE. Reads shared
   * with other requests (single-flight) are only left, never aborted while another request still waits for them.
   */
  signal?: AbortSignal;
}

/** The Groups API client: one connection pool, and views of it for one caller whose hooks hear that caller's calls only. */
export interface GroupsApiClient extends GroupsApi, Disposable {
  /** The same client (same connections, retries and dispose) whose calls also tell `hooks`, e.g. to charge a throttle to the key that caused it. */
  withHooks(hooks: UpstreamHooks, scope?: UpstreamCallScope): GroupsApi;
}
