import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** A file sent with the GraphQL multipart request spec (`multipart/form-data` with `operations`, `map` and the file parts; add the header `apollo-require-preflight: true`). */
  Upload: { input: null; output: null; }
};

/** An audio message: an uploaded media id or a public link (exactly one). Audio has no caption. */
export type AudioMessageInput = {
  /** An http(s) URL WhatsApp fetches the audio from. */
  link?: InputMaybe<Scalars['String']['input']>;
  /** A media id from uploadMedia (or another WhatsApp media upload of this phone number). */
  mediaId?: InputMaybe<Scalars['ID']['input']>;
};

/** A new group. The Groups API creates it asynchronously: the payload has a PENDING operation until the outcome arrives. */
export type CreateGroupInput = {
  /** Wait (bounded) for the outcome and answer it in this response: `operation` SUCCEEDED with the group and its invite link, or FAILED. */
  awaitCompletion?: InputMaybe<Scalars['Boolean']['input']>;
  /** With awaitCompletion: the longest wait in seconds (1 to 30, default 10). Past it the operation is answered PENDING. */
  awaitTimeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** At most 2048 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Makes retries safe: a later call with the same key and the same input (on any gateway instance, for 24 h) answers the first result without creating another group. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Whether joining through the invite link needs approval. Upstream default: AUTO_APPROVE. */
  joinApprovalMode?: InputMaybe<JoinApprovalMode>;
  /** The business phone number to create the group for; defaults to the configured one (WHATSAPP_PHONE_NUMBER_ID). */
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
  /** The group name: not empty after trimming, at most 128 characters. */
  subject: Scalars['String']['input'];
};

/** The outcome of createGroup. */
export type CreateGroupPayload = {
  __typename?: 'CreateGroupPayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The new group once the operation SUCCEEDED (with awaitCompletion, or on a retried idempotent call); null while PENDING. */
  group?: Maybe<Group>;
  /** Tracks the creation: its id is the upstream request_id; follow it with operation(id) or operationUpdated(id). */
  operation: GroupOperation;
};

/** A group to delete: it is removed with every participant, including the business. */
export type DeleteGroupInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The group to delete. */
  groupId: Scalars['ID']['input'];
};

/** The outcome of deleteGroup: accepted; `operation` completes when the webhook confirms it. */
export type DeleteGroupPayload = {
  __typename?: 'DeleteGroupPayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The id of the group being deleted. */
  deletedGroupId: Scalars['ID']['output'];
  /** SUCCEEDED once the group is gone, FAILED with the upstream errors otherwise. */
  operation: GroupOperation;
};

/** A group whose invite link is to be deleted: the link stops working and none replaces it until resetInviteLink. */
export type DeleteInviteLinkInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The group. */
  groupId: Scalars['ID']['input'];
};

/** The outcome of deleteInviteLink (synchronous upstream; no webhook follows). */
export type DeleteInviteLinkPayload = {
  __typename?: 'DeleteInviteLinkPayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** True when the Groups API confirmed the deletion (`success: "true"`). */
  deleted: Scalars['Boolean']['output'];
  /** The group, read after the write. */
  group: Group;
};

/** A document: an uploaded media id or a public link (exactly one), with an optional caption and file name. */
export type DocumentMessageInput = {
  /** At most 1024 characters. */
  caption?: InputMaybe<Scalars['String']['input']>;
  /** The file name shown to participants. */
  filename?: InputMaybe<Scalars['String']['input']>;
  /** An http(s) URL WhatsApp fetches the media from. */
  link?: InputMaybe<Scalars['String']['input']>;
  /** A media id from uploadMedia (or another WhatsApp media upload of this phone number). */
  mediaId?: InputMaybe<Scalars['ID']['input']>;
};

/** An error the upstream reported as data: inside an event, in an operation's outcome, or for one item of a request (e.g. a join request that could not be approved). Meta's shape: `{code, title, message, error_data.details}`. */
export type EventError = {
  __typename?: 'EventError';
  /** The provider's numeric error code (Graph API codes for Meta, e.g. 131000; 131213: the join request does not exist). */
  code?: Maybe<Scalars['Int']['output']>;
  /** Further details, when the provider sent them. */
  details?: Maybe<Scalars['String']['output']>;
  /** The error message. */
  message?: Maybe<Scalars['String']['output']>;
  /** Short title of the error. */
  title?: Maybe<Scalars['String']['output']>;
};

/** A person named in an event. Any identifier may be missing, depending on the provider and the user. */
export type EventParticipant = {
  __typename?: 'EventParticipant';
  /** What the business sent when it acted on this person (e.g. the phone number given to removeParticipants). */
  input?: Maybe<Scalars['String']['output']>;
  /** Profile name, when the provider sent one. */
  name?: Maybe<Scalars['String']['output']>;
  /** Parent business-scoped user id, when the user id belongs to a parent business. */
  parentUserId?: Maybe<Scalars['String']['output']>;
  /** The person's role in the group, when the provider reports roles (Whapi, on a new group's members); null for Meta and YCloud, which have none. */
  rank?: Maybe<ParticipantRank>;
  /** Business-scoped user id (BSUID), e.g. `US.13491208655302741918`. */
  userId?: Maybe<Scalars['String']['output']>;
  /** WhatsApp username, when the user has one. */
  username?: Maybe<Scalars['String']['output']>;
  /** Phone-number-based WhatsApp id; absent for username users. */
  waId?: Maybe<Scalars['String']['output']>;
};

/** Where an event came from. */
export type EventSource =
  /** Meta's WhatsApp Cloud API webhooks. */
  | 'META'
  /** The gateway's embedded Groups API emulator. */
  | 'SANDBOX'
  /** Whapi.Cloud webhooks. */
  | 'WHAPI'
  /** YCloud webhooks. */
  | 'YCLOUD';

/** A join request that could not be approved or rejected, and why. */
export type FailedJoinRequest = {
  __typename?: 'FailedJoinRequest';
  /** Why it failed (e.g. 131213: it no longer exists; 131204: the group is full). */
  errors: Array<EventError>;
  /** The join request id. */
  joinRequestId: Scalars['ID']['output'];
};

/** A participant an action could not be applied to, with the reasons. */
export type FailedParticipant = {
  __typename?: 'FailedParticipant';
  /** Why it failed. */
  errors: Array<EventError>;
  /** Who the action failed for. */
  participant: EventParticipant;
};

/** A WhatsApp group of a business phone number. Each field is fetched from the Groups API only when selected. */
export type Group = {
  __typename?: 'Group';
  /** When the group was created. Every group has a creation time: an upstream answer without it fails the field with UPSTREAM_ERROR. */
  createdAt: Scalars['DateTime']['output'];
  /** The group description (at most 2048 characters), when set. */
  description?: Maybe<Scalars['String']['output']>;
  /** The Groups API id of the group (opaque). */
  id: Scalars['ID']['output'];
  /** The current invite link (https://chat.whatsapp.com/...). Costs one upstream call per group, made only when selected. */
  inviteLink?: Maybe<Scalars['String']['output']>;
  /** Whether joining through the invite link needs the business's approval. */
  joinApprovalMode?: Maybe<JoinApprovalMode>;
  /** Pending join requests (groups with APPROVAL_REQUIRED), paged the Relay way (`first`/`after` forwards, `last`/`before` backwards). Fetched only when selected. */
  joinRequests: JoinRequestConnection;
  /** The participants (at most 8), not counting the business. */
  participants: Array<Participant>;
  /** The business phone number id the group belongs to; null when this request could not learn it (the Groups API has no such field). */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The group name (1 to 128 characters). Every group has one: an upstream answer without it fails the field with UPSTREAM_ERROR. */
  subject: Scalars['String']['output'];
  /** True while WhatsApp has suspended the group. */
  suspended?: Maybe<Scalars['Boolean']['output']>;
  /** Number of participants, not counting the business. */
  totalParticipantCount?: Maybe<Scalars['Int']['output']>;
};


/** A WhatsApp group of a business phone number. Each field is fetched from the Groups API only when selected. */
export type GroupJoinRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of the active groups of a business phone number (Relay connection). */
export type GroupConnection = {
  __typename?: 'GroupConnection';
  /** The groups of this page with their cursors. */
  edges: Array<GroupEdge>;
  /** The groups of this page, without cursors. */
  nodes: Array<Group>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** Creating a group failed. */
export type GroupCreateFailedEvent = GroupEvent & {
  __typename?: 'GroupCreateFailedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The description of the group that could not be created. */
  description?: Maybe<Scalars['String']['output']>;
  /** Why it failed. */
  errors: Array<EventError>;
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The upstream request id of the write this event completes (the `operation.id` of the mutation that caused it), when the provider sent one. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** Which provider reported it. */
  source: EventSource;
  /** The subject of the group that could not be created. */
  subject?: Maybe<Scalars['String']['output']>;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** A group was created: the outcome of createGroup. */
export type GroupCreatedEvent = GroupEvent & {
  __typename?: 'GroupCreatedEvent';
  /** Who created the group, when the provider names them (Whapi `created_by`); null for Meta and YCloud, where the business did. */
  createdBy?: Maybe<EventParticipant>;
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The description the group was created with. */
  description?: Maybe<Scalars['String']['output']>;
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** The invite link of the new group, when the provider sent it. */
  inviteLink?: Maybe<Scalars['String']['output']>;
  /** The join approval mode of the new group, when the provider sent it. */
  joinApprovalMode?: Maybe<JoinApprovalMode>;
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The group's members with their `rank`, when the provider lists them (Whapi); empty for Meta and YCloud, whose create webhook lists none. */
  participants: Array<EventParticipant>;
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The upstream request id of the write this event completes (the `operation.id` of the mutation that caused it), when the provider sent one. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** Which provider reported it. */
  source: EventSource;
  /** The subject the group was created with. */
  subject?: Maybe<Scalars['String']['output']>;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** Deleting a group failed. */
export type GroupDeleteFailedEvent = GroupEvent & {
  __typename?: 'GroupDeleteFailedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** Why it failed. */
  errors: Array<EventError>;
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The upstream request id of the write this event completes (the `operation.id` of the mutation that caused it), when the provider sent one. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** A group was deleted. */
export type GroupDeletedEvent = GroupEvent & {
  __typename?: 'GroupDeletedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The upstream request id of the write this event completes (the `operation.id` of the mutation that caused it), when the provider sent one. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** A group in a page of groups. */
export type GroupEdge = {
  __typename?: 'GroupEdge';
  /** Opaque cursor of this edge, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The group. */
  node: Group;
};

/** Something that happened to a group, from any provider, in one canonical shape. Resolve the concrete type for its details. */
export type GroupEvent = {
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** A page of the event log, oldest first (Relay connection). */
export type GroupEventConnection = {
  __typename?: 'GroupEventConnection';
  /** The events of this page with their cursors. */
  edges: Array<GroupEventEdge>;
  /** The events of this page. */
  nodes: Array<GroupEvent>;
  /** `hasNextPage` says more matching events are stored after this page. */
  pageInfo: PageInfo;
};

/** An event in a page of the event log. */
export type GroupEventEdge = {
  __typename?: 'GroupEventEdge';
  /** The event's cursor: `after` it to continue (the same value as `node.cursor`). */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: GroupEvent;
};

/** The kind of a group event. */
export type GroupEventType =
  /** A group was created (the outcome of createGroup). */
  | 'GROUP_CREATED'
  /** Creating a group failed; `errors` says why. */
  | 'GROUP_CREATE_FAILED'
  /** A group was deleted. */
  | 'GROUP_DELETED'
  /** Deleting a group failed; `errors` says why. */
  | 'GROUP_DELETE_FAILED'
  /** WhatsApp suspended the group. */
  | 'GROUP_SUSPENDED'
  /** WhatsApp lifted the suspension of the group. */
  | 'GROUP_SUSPENSION_CLEARED'
  /** Someone asked to join a group whose join approval mode is APPROVAL_REQUIRED. */
  | 'JOIN_REQUEST_CREATED'
  /** A pending join request was withdrawn. */
  | 'JOIN_REQUEST_REVOKED'
  /** A message was sent to the group by a participant. */
  | 'MESSAGE_RECEIVED'
  /** A message the business sent to the group changed status (sent, delivered, read, failed, ...). */
  | 'MESSAGE_STATUS_UPDATED'
  /** People joined the group (through the invite link or an approved join request). */
  | 'PARTICIPANTS_ADDED'
  /** Participants stopped being admins. */
  | 'PARTICIPANTS_DEMOTED'
  /** Participants became admins. */
  | 'PARTICIPANTS_PROMOTED'
  /** Participants were removed by the business or left, including failed removals with their errors. */
  | 'PARTICIPANTS_REMOVED'
  /** Group settings (subject, description, picture, ...) changed, or failed to change. */
  | 'SETTINGS_UPDATED';

/** An approved copy of Meta's "group invite link" library template (unmodified, so it keeps utility pricing). */
export type GroupInviteTemplateInput = {
  /** URL_BUTTON only: the position of the URL button, from 0 (default 0). */
  buttonIndex?: InputMaybe<Scalars['Int']['input']>;
  /** Which component carries the group id parameter. */
  groupIdIn?: GroupInviteTemplateSlot;
  /** The template language, e.g. `en` or `en_US`. */
  languageCode: Scalars['String']['input'];
  /** The template name as approved: lowercase letters, digits and underscores. */
  name: Scalars['String']['input'];
};

/** The component of the invite-link template that carries the group id, which WhatsApp turns into the invite link. */
export type GroupInviteTemplateSlot =
  /** The template's body. */
  | 'BODY'
  /** The template's URL button (Meta's library template "group invite link" has one): `buttonIndex` says which. */
  | 'URL_BUTTON';

/** An asynchronous write (createGroup, updateGroup, deleteGroup, removeParticipants) and its outcome, which arrives by webhook. */
export type GroupOperation = {
  __typename?: 'GroupOperation';
  /** When the gateway accepted the write. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the write failed, or partly failed, with the upstream codes (empty while PENDING and on full success). */
  errors: Array<EventError>;
  /** removeParticipants: who could not be removed, and why (empty for other kinds). */
  failedParticipants: Array<FailedParticipant>;
  /** The group written to; for createGroup, the new group once SUCCEEDED (null before). Null when the group no longer exists and fields beyond `id` are selected. */
  group?: Maybe<Group>;
  /** The group written to; for createGroup, the new group once it SUCCEEDED. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** The upstream `request_id` when the Groups API answered with one (createGroup), else an id of the gateway's. */
  id: Scalars['ID']['output'];
  /** createGroup: the invite link of the new group once it SUCCEEDED. */
  inviteLink?: Maybe<Scalars['String']['output']>;
  /** Which write this is. */
  kind: GroupOperationKind;
  /** The business phone number the write was made for, when known. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** removeParticipants: who was removed, once the outcome arrived (empty for other kinds). */
  removedParticipants: Array<EventParticipant>;
  /** PENDING until the outcome arrives, then SUCCEEDED or FAILED. */
  status: GroupOperationStatus;
  /** When the operation last changed (its completion, once it completed). */
  updatedAt: Scalars['DateTime']['output'];
};

/** Which asynchronous write an operation tracks. */
export type GroupOperationKind =
  /** createGroup: the group id and invite link arrive with the outcome. */
  | 'CREATE_GROUP'
  /** deleteGroup. */
  | 'DELETE_GROUP'
  /** removeParticipants: the outcome lists who was removed and who could not be. */
  | 'REMOVE_PARTICIPANTS'
  /** updateGroup: subject, description and/or profile picture. */
  | 'UPDATE_GROUP';

/** Where an asynchronous write stands. */
export type GroupOperationStatus =
  /** Not done; `errors` says why (upstream codes kept). */
  | 'FAILED'
  /** Accepted by the Groups API; its outcome has not arrived yet. */
  | 'PENDING'
  /** Done. A removal that worked for some participants only is SUCCEEDED with `failedParticipants` and `errors` set. */
  | 'SUCCEEDED';

/** WhatsApp suspended the group. */
export type GroupSuspendedEvent = GroupEvent & {
  __typename?: 'GroupSuspendedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** WhatsApp lifted the suspension of the group. */
export type GroupSuspensionClearedEvent = GroupEvent & {
  __typename?: 'GroupSuspensionClearedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** Who decides whether someone holding the invite link may join the group. */
export type JoinApprovalMode =
  /** Joining creates a join request that the business approves or rejects. */
  | 'APPROVAL_REQUIRED'
  /** Anyone with the invite link joins at once. */
  | 'AUTO_APPROVE';

/** A pending request to join a group whose join approval mode is APPROVAL_REQUIRED. */
export type JoinRequest = {
  __typename?: 'JoinRequest';
  /** When the request was made. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The group the requester wants to join. */
  group: Group;
  /** The join request id, used to approve or reject it. */
  id: Scalars['ID']['output'];
  /** Parent business-scoped user id of the requester, when there is one. */
  parentUserId?: Maybe<Scalars['String']['output']>;
  /** Business-scoped user id (BSUID) of the requester. */
  userId?: Maybe<Scalars['String']['output']>;
  /** WhatsApp username of the requester, when there is one. */
  username?: Maybe<Scalars['String']['output']>;
  /** Phone-number-based WhatsApp id of the requester; may be absent once business-scoped user ids are in use. */
  waId?: Maybe<Scalars['String']['output']>;
};

/** A page of the pending join requests of a group (Relay connection). */
export type JoinRequestConnection = {
  __typename?: 'JoinRequestConnection';
  /** The join requests of this page with their cursors. */
  edges: Array<JoinRequestEdge>;
  /** The join requests of this page, without cursors. */
  nodes: Array<JoinRequest>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** Someone asked to join the group (join approval mode APPROVAL_REQUIRED). */
export type JoinRequestCreatedEvent = GroupEvent & {
  __typename?: 'JoinRequestCreatedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** The join request id, for approveJoinRequests/rejectJoinRequests, when the provider sent it. */
  joinRequestId?: Maybe<Scalars['ID']['output']>;
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** Who asked to join. */
  participant: EventParticipant;
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** The reason the provider gave, if any. */
  reason?: Maybe<Scalars['String']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** A join request in a page of join requests. */
export type JoinRequestEdge = {
  __typename?: 'JoinRequestEdge';
  /** Opaque cursor of this edge, for `after`. */
  cursor: Scalars['String']['output'];
  /** The join request. */
  node: JoinRequest;
};

/** A pending join request was withdrawn. */
export type JoinRequestRevokedEvent = GroupEvent & {
  __typename?: 'JoinRequestRevokedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** The join request id, when the provider sent it. */
  joinRequestId?: Maybe<Scalars['ID']['output']>;
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** Whose request was withdrawn. */
  participant: EventParticipant;
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** The reason the provider gave, if any. */
  reason?: Maybe<Scalars['String']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** Pending join requests of a group (join approval mode APPROVAL_REQUIRED) to approve or reject. */
export type JoinRequestsInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The group. */
  groupId: Scalars['ID']['input'];
  /** The join requests (JoinRequest.id): at least one, no id twice. */
  joinRequestIds: Array<Scalars['ID']['input']>;
};

/** The outcome of approveJoinRequests / rejectJoinRequests. A partial failure is data, not a GraphQL error. */
export type JoinRequestsPayload = {
  __typename?: 'JoinRequestsPayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Errors about the request as a whole, when the upstream sent any. */
  errors: Array<EventError>;
  /** The join requests that failed, each with its upstream errors. */
  failedJoinRequests: Array<FailedJoinRequest>;
  /** The group, read after the write. */
  group: Group;
  /** The join requests approved (or rejected). */
  succeededJoinRequestIds: Array<Scalars['ID']['output']>;
};

/** What an uploaded file can be sent as, decided by its type. */
export type MediaKind =
  /** AAC, AMR, MP3, MP4 audio or OGG (Opus), at most 16 MB: send it as `audio`. */
  | 'AUDIO'
  /** Plain text, PDF or a Microsoft Office file, at most 100 MB: send it as `document`. */
  | 'DOCUMENT'
  /** JPEG or PNG, at most 5 MB: send it as `image`. */
  | 'IMAGE'
  /** WebP, at most 100 KB static or 500 KB animated: send it as `sticker`. */
  | 'STICKER'
  /** MP4 or 3GPP (H.264 video, AAC audio), at most 16 MB: send it as `video`. */
  | 'VIDEO';

/** An image or video: an uploaded media id or a public link (exactly one), with an optional caption. */
export type MediaMessageInput = {
  /** At most 1024 characters. */
  caption?: InputMaybe<Scalars['String']['input']>;
  /** An http(s) URL WhatsApp fetches the media from. */
  link?: InputMaybe<Scalars['String']['input']>;
  /** A media id from uploadMedia (or another WhatsApp media upload of this phone number). */
  mediaId?: InputMaybe<Scalars['ID']['input']>;
};

/** The conversation WhatsApp counted a message in, as reported with its status (Meta's `conversation`). Since Graph API v24.0 Meta sends it only in free-entry-point windows. */
export type MessageConversation = {
  __typename?: 'MessageConversation';
  /** When the conversation window ends; sent only with the status that opened the conversation. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The conversation id. */
  id?: Maybe<Scalars['ID']['output']>;
  /** The conversation category (`origin.type`), e.g. `marketing`, `utility`, `service`, `referral_conversion`. */
  originType?: Maybe<Scalars['String']['output']>;
};

/** Where a message the business sent stands. */
export type MessageDeliveryStatus =
  /** The message was deleted. */
  | 'DELETED'
  /** The message reached the participant's device. */
  | 'DELIVERED'
  /** The message could not be sent; `errors` says why. */
  | 'FAILED'
  /** The message is waiting to be sent. */
  | 'PENDING'
  /** The participant played the voice message. */
  | 'PLAYED'
  /** The participant read the message. */
  | 'READ'
  /** WhatsApp accepted the message for the group. */
  | 'SENT';

/** How WhatsApp prices a message, as reported with its status. */
export type MessagePricing = {
  __typename?: 'MessagePricing';
  /** Whether the message is billable. */
  billable?: Maybe<Scalars['Boolean']['output']>;
  /** Pricing category; for group messages `group_marketing`, `group_utility` or `group_service`. */
  category?: Maybe<Scalars['String']['output']>;
  /** Pricing model, e.g. `PMP`. */
  model?: Maybe<Scalars['String']['output']>;
  /** Pricing type; for group messages `regular` or `free_group_customer_service`. */
  type?: Maybe<Scalars['String']['output']>;
};

/** A participant sent a message to the group. */
export type MessageReceivedEvent = GroupEvent & {
  __typename?: 'MessageReceivedEvent';
  /** The provider's message object, verbatim, for types this API does not flatten. */
  content?: Maybe<Scalars['JSON']['output']>;
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** Errors WhatsApp attached (e.g. for unsupported messages). */
  errors: Array<EventError>;
  /** Who sent it. */
  from: EventParticipant;
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** The WhatsApp message id (wamid). */
  messageId: Scalars['ID']['output'];
  /** The message type as WhatsApp names it: `text`, `image`, ..., `unsupported`. */
  messageType: Scalars['String']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Which provider reported it. */
  source: EventSource;
  /** The text, or the caption of a media message. */
  text?: Maybe<Scalars['String']['output']>;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** A message the business sent to the group changed status. */
export type MessageStatusUpdatedEvent = GroupEvent & {
  __typename?: 'MessageStatusUpdatedEvent';
  /** The business's own tracking string, echoed from the send (Meta's `biz_opaque_callback_data`), when the message was sent with one. */
  bizOpaqueCallbackData?: Maybe<Scalars['String']['output']>;
  /** The conversation the message was counted in, when WhatsApp sent it (Meta only; since v24.0 only in free-entry-point windows). */
  conversation?: Maybe<MessageConversation>;
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** Why the message failed, for FAILED. */
  errors: Array<EventError>;
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** The WhatsApp message id (wamid). */
  messageId: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** Pricing information, when WhatsApp sent it. */
  pricing?: Maybe<MessagePricing>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The participant a per-participant status (delivered, read) is about; null for per-group statuses (sent, failed). */
  recipient?: Maybe<EventParticipant>;
  /** Which provider reported it. */
  source: EventSource;
  /** The new status. */
  status: MessageDeliveryStatus;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Approves join requests; approved users become participants. Ids that fail are listed with their errors. */
  approveJoinRequests: JoinRequestsPayload;
  /** Creates a group. Answers at once with a PENDING operation (id = upstream request_id), completed by the webhook; `awaitCompletion` waits for it. */
  createGroup: CreateGroupPayload;
  /** Deletes a group and removes every participant. The operation completes when the webhook confirms it. */
  deleteGroup: DeleteGroupPayload;
  /** Deletes the invite link: it stops working, and no one can join until resetInviteLink makes a new one. */
  deleteInviteLink: DeleteInviteLinkPayload;
  /** Pins a message for 1 to 30 days (at most 3 pins per group: a 4th unpins the oldest). */
  pinGroupMessage: PinGroupMessagePayload;
  /** Rejects join requests (the users may ask again). Ids that fail are listed with their errors. */
  rejectJoinRequests: JoinRequestsPayload;
  /** Removes 1 to 8 participants. The operation completes when the webhook arrives, listing who was removed and who was not. */
  removeParticipants: RemoveParticipantsPayload;
  /** Replaces the invite link; every earlier link stops working. */
  resetInviteLink: ResetInviteLinkPayload;
  /** Sends a group's invite link 1:1 to a user as an approved invite-link template, the way WhatsApp lets a business invite people. Answers once WhatsApp accepts the message; a join arrives as an event. */
  sendGroupInviteTemplate: SendGroupInviteTemplatePayload;
  /** Sends a text, media (image, video, audio, document, sticker) or template message to a group, optionally as a reply. Statuses follow as events. */
  sendGroupMessage: SendGroupMessagePayload;
  /** Unpins a pinned message. */
  unpinGroupMessage: UnpinGroupMessagePayload;
  /** Changes the subject, description and/or profile picture (multipart upload). The operation completes when the webhook confirms each change. */
  updateGroup: UpdateGroupPayload;
  /** Uploads a media file (multipart upload) for later image, video, audio, document or sticker messages of a phone number; answers its media id. */
  uploadMedia: UploadMediaPayload;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationApproveJoinRequestsArgs = {
  input: JoinRequestsInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationDeleteGroupArgs = {
  input: DeleteGroupInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationDeleteInviteLinkArgs = {
  input: DeleteInviteLinkInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationPinGroupMessageArgs = {
  input: PinGroupMessageInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationRejectJoinRequestsArgs = {
  input: JoinRequestsInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationRemoveParticipantsArgs = {
  input: RemoveParticipantsInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationResetInviteLinkArgs = {
  input: ResetInviteLinkInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationSendGroupInviteTemplateArgs = {
  input: SendGroupInviteTemplateInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationSendGroupMessageArgs = {
  input: SendGroupMessageInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationUnpinGroupMessageArgs = {
  input: UnpinGroupMessageInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationUpdateGroupArgs = {
  input: UpdateGroupInput;
};


/** Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes. */
export type MutationUploadMediaArgs = {
  input: UploadMediaInput;
};

/** Relay page information of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow the last edge (continue with `after: endCursor`). */
  hasNextPage: Scalars['Boolean']['output'];
  /** More items precede the first edge (continue with `before: startCursor`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A member of a group (the business itself is not listed). */
export type Participant = {
  __typename?: 'Participant';
  /** Parent business-scoped user id, when the user id belongs to a parent business. */
  parentUserId?: Maybe<Scalars['String']['output']>;
  /** Business-scoped user id (BSUID), e.g. `US.13491208655302741918`. */
  userId?: Maybe<Scalars['String']['output']>;
  /** WhatsApp username, when the user has one. */
  username?: Maybe<Scalars['String']['output']>;
  /** Phone-number-based WhatsApp id; may be absent once business-scoped user ids are in use. */
  waId?: Maybe<Scalars['String']['output']>;
};

/** Who caused a participant change. */
export type ParticipantChangeInitiator =
  /** The business (a removeParticipants call). */
  | 'BUSINESS'
  /** The participant themselves (for example, they left). */
  | 'PARTICIPANT'
  /** The provider did not say. */
  | 'UNKNOWN';

/** A person's role in a group, as a provider that knows roles reports it (Whapi). */
export type ParticipantRank =
  /** An admin of the group. */
  | 'ADMIN'
  /** The creator of the group (also an admin). */
  | 'CREATOR'
  /** A member without admin rights. */
  | 'MEMBER';

/** People joined the group. */
export type ParticipantsAddedEvent = GroupEvent & {
  __typename?: 'ParticipantsAddedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** Who joined. */
  participants: Array<EventParticipant>;
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** How they joined, as the provider puts it (e.g. `invite_link`, `join_request_approved`). */
  reason?: Maybe<Scalars['String']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The upstream request id of the write this event completes (the `operation.id` of the mutation that caused it), when the provider sent one. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** Participants stopped being admins. */
export type ParticipantsDemotedEvent = GroupEvent & {
  __typename?: 'ParticipantsDemotedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** Who is no longer an admin. */
  participants: Array<EventParticipant>;
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** Participants became admins. */
export type ParticipantsPromotedEvent = GroupEvent & {
  __typename?: 'ParticipantsPromotedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** Who became an admin. */
  participants: Array<EventParticipant>;
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** Participants were removed by the business or left. A removal that failed for some participants lists them in `failedParticipants`. */
export type ParticipantsRemovedEvent = GroupEvent & {
  __typename?: 'ParticipantsRemovedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** Errors of the removal as a whole (a total failure). */
  errors: Array<EventError>;
  /** Who could not be removed, and why. */
  failedParticipants: Array<FailedParticipant>;
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** Whether the business removed them or they left. */
  initiatedBy: ParticipantChangeInitiator;
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** Who is no longer in the group. */
  participants: Array<EventParticipant>;
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The upstream request id of the write this event completes (the `operation.id` of the mutation that caused it), when the provider sent one. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** Which provider reported it. */
  source: EventSource;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** A message of the group to pin (at most 3 pins per group: a 4th unpins the oldest). */
export type PinGroupMessageInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** How long the pin lasts: 1 to 30 days. */
  expirationDays: Scalars['Int']['input'];
  /** The group. */
  groupId: Scalars['ID']['input'];
  /** The message to pin (its wamid). */
  messageId: Scalars['ID']['input'];
  /** The business phone number the group belongs to; defaults to the configured one. */
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
};

/** The outcome of pinGroupMessage. */
export type PinGroupMessagePayload = {
  __typename?: 'PinGroupMessagePayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The group. */
  group: Group;
  /** The id (wamid) of the pin action itself, as its statuses refer to it. */
  messageId: Scalars['ID']['output'];
  /** The message that is now pinned. */
  pinnedMessageId: Scalars['ID']['output'];
};

/** A change of the group picture and whether it was applied. */
export type ProfilePictureChange = {
  __typename?: 'ProfilePictureChange';
  /** Who changed the picture, when the provider names them (Whapi); null for Meta and YCloud. */
  changedBy?: Maybe<EventParticipant>;
  /** Why the change was not applied (empty when it was). */
  errors: Array<EventError>;
  /** MIME type of the new picture, when the provider sent it. */
  mimeType?: Maybe<Scalars['String']['output']>;
  /** URL of the picture before the change, when Whapi sent one; null otherwise. */
  previousUrl?: Maybe<Scalars['String']['output']>;
  /** SHA-256 of the new picture, as Meta (and YCloud) report it; always null for Whapi. */
  sha256?: Maybe<Scalars['String']['output']>;
  /** True when WhatsApp applied the change. */
  succeeded: Scalars['Boolean']['output'];
  /** URL of the new picture, as Whapi reports it (the full-size one when sent); always null for Meta and YCloud. */
  url?: Maybe<Scalars['String']['output']>;
};

/** Reads: groups of a business phone number, one group or many by id, the event log of groups, and operations (asynchronous writes). */
export type Query = {
  __typename?: 'Query';
  /** A group by id; null when it does not exist or the business is not a member. */
  group?: Maybe<Group>;
  /** Stored events, oldest first, paged forwards with `first`/`after`. Resume where a subscription or an earlier page stopped by passing its last cursor as `after`. A cursor past the log's retention fails with CURSOR_EXPIRED. */
  groupEvents: GroupEventConnection;
  /** The active groups of a business phone number, paged the Relay way (`first`/`after` forwards, `last`/`before` backwards). */
  groups: GroupConnection;
  /** Groups by id, in the order asked: one entry per id (repeats included), null where a group does not exist. */
  groupsByIds: Array<Maybe<Group>>;
  /** An asynchronous write by its id (createGroup: the upstream request id); null when unknown or expired. */
  operation?: Maybe<GroupOperation>;
};


/** Reads: groups of a business phone number, one group or many by id, the event log of groups, and operations (asynchronous writes). */
export type QueryGroupArgs = {
  id: Scalars['ID']['input'];
};


/** Reads: groups of a business phone number, one group or many by id, the event log of groups, and operations (asynchronous writes). */
export type QueryGroupEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<GroupEventType>>;
};


/** Reads: groups of a business phone number, one group or many by id, the event log of groups, and operations (asynchronous writes). */
export type QueryGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads: groups of a business phone number, one group or many by id, the event log of groups, and operations (asynchronous writes). */
export type QueryGroupsByIdsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads: groups of a business phone number, one group or many by id, the event log of groups, and operations (asynchronous writes). */
export type QueryOperationArgs = {
  id: Scalars['ID']['input'];
};

/** Participants to remove from a group. Removed users can no longer join through the invite link. */
export type RemoveParticipantsInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The group. */
  groupId: Scalars['ID']['input'];
  /** 1 to 8 participants, each a phone number in international format, a WhatsApp id or a business-scoped user id; no one twice. */
  participants: Array<Scalars['String']['input']>;
};

/** The outcome of removeParticipants: accepted; `operation` lists who was removed and who was not once the webhook arrives. */
export type RemoveParticipantsPayload = {
  __typename?: 'RemoveParticipantsPayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The group, read after the write. */
  group: Group;
  /** Its removedParticipants and failedParticipants fill in with the outcome (a partial failure is SUCCEEDED with both lists). */
  operation: GroupOperation;
};

/** A group whose invite link is to be replaced; every earlier link stops working. */
export type ResetInviteLinkInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The group. */
  groupId: Scalars['ID']['input'];
};

/** The outcome of resetInviteLink. */
export type ResetInviteLinkPayload = {
  __typename?: 'ResetInviteLinkPayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The group, read after the write (its inviteLink is the new one). */
  group: Group;
  /** The new invite link (https://chat.whatsapp.com/...). */
  inviteLink: Scalars['String']['output'];
};

/** A group's invite link sent 1:1 to a user as a template message; the user joins (or asks to) through it. */
export type SendGroupInviteTemplateInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The group to invite to. */
  groupId: Scalars['ID']['input'];
  /** Makes retries safe: a later call with the same key and the same input (on any gateway instance, for 24 h) answers the first messageId without sending again. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The business phone number that owns the group and sends the template; defaults to the configured one. */
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
  /** The approved invite-link template. */
  template: GroupInviteTemplateInput;
  /** The user: a phone number in international format, a WhatsApp id or a business-scoped user id (e.g. US.13491208655302741918). */
  to: Scalars['String']['input'];
};

/** The outcome of sendGroupInviteTemplate: the template was accepted for delivery. A join shows as a PARTICIPANTS_ADDED (or JOIN_REQUEST_CREATED) event. */
export type SendGroupInviteTemplatePayload = {
  __typename?: 'SendGroupInviteTemplatePayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The group the user is invited to. */
  group: Group;
  /** The id (wamid) of the template message sent to the user. */
  messageId: Scalars['ID']['output'];
  /** The user the template went to, as sent upstream (digits of a phone number, or the business-scoped user id). */
  to: Scalars['String']['output'];
};

/** A message to a group: exactly one of text, image, video, audio, document, sticker and template (the kinds WhatsApp supports in groups; reactions, locations, contacts and interactive messages are not). */
export type SendGroupMessageInput = {
  /** An audio file (AAC, AMR, MP3, MP4 audio or OGG/Opus, at most 16 MB). */
  audio?: InputMaybe<AudioMessageInput>;
  /** Up to 512 characters of the caller's own tracking data, sent as `biz_opaque_callback_data`; WhatsApp echoes it in this message's statuses. */
  bizOpaqueCallbackData?: InputMaybe<Scalars['String']['input']>;
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** A document (at most 100 MB). */
  document?: InputMaybe<DocumentMessageInput>;
  /** The group. */
  groupId: Scalars['ID']['input'];
  /** Makes retries safe: a later call with the same key and the same input (on any gateway instance, for 24 h) answers the first messageId without sending again. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** An image (JPEG or PNG, at most 5 MB). */
  image?: InputMaybe<MediaMessageInput>;
  /** The business phone number the group belongs to; defaults to the configured one. */
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
  /** Send as a reply to this message (its wamid). */
  replyToMessageId?: InputMaybe<Scalars['ID']['input']>;
  /** A WebP sticker (static at most 100 KB, animated at most 500 KB). */
  sticker?: InputMaybe<StickerMessageInput>;
  /** An approved text- or media-based template. */
  template?: InputMaybe<TemplateMessageInput>;
  /** A text message. */
  text?: InputMaybe<TextMessageInput>;
  /** A video (MP4 or 3GPP, at most 16 MB). */
  video?: InputMaybe<MediaMessageInput>;
};

/** The outcome of sendGroupMessage. Delivery statuses follow as MESSAGE_STATUS_UPDATED events. */
export type SendGroupMessagePayload = {
  __typename?: 'SendGroupMessagePayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The group. */
  group: Group;
  /** The message id (wamid), as statuses and replies refer to it. */
  messageId: Scalars['ID']['output'];
};

/** One changed setting of a group: its new value and whether it was applied. */
export type SettingChange = {
  __typename?: 'SettingChange';
  /** Who made the change, when the provider names them (Whapi); null for Meta and YCloud (the business, through the API). */
  changedBy?: Maybe<EventParticipant>;
  /** Why the change was not applied (empty when it was). */
  errors: Array<EventError>;
  /** The text before the change, when the provider sends it (Whapi); null for Meta and YCloud. */
  previousValue?: Maybe<Scalars['String']['output']>;
  /** True when WhatsApp applied the change. */
  succeeded: Scalars['Boolean']['output'];
  /** The new text (subject or description); null when the provider did not send it. */
  value?: Maybe<Scalars['String']['output']>;
};

/** Group settings changed, or failed to: each changed setting says whether it was applied. Null means the setting was not part of the change. */
export type SettingsUpdatedEvent = GroupEvent & {
  __typename?: 'SettingsUpdatedEvent';
  /** Resume token: `groupEvents(after: cursor)` (query or subscription) continues right after this event. */
  cursor: Scalars['String']['output'];
  /** The description change, when the description was changed. */
  descriptionChange?: Maybe<SettingChange>;
  /** Errors of the update as a whole. */
  errors: Array<EventError>;
  /** The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member. */
  group?: Maybe<Group>;
  /** The group the event is about. Null only on a GroupCreateFailedEvent whose create was refused before a group existed: that event reaches subscribers filtered by phone number (or unfiltered), never those filtered by group, and its `requestId` ties it to its createGroup operation. Every other event always has a group; the field is nullable on every event type because GraphQL requires one type for a field that one selection reads from several event types. */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** Stable id: the same upstream event, delivered twice or to two instances, has the same id. */
  id: Scalars['ID']['output'];
  /** When it happened, per the provider. */
  occurredAt: Scalars['DateTime']['output'];
  /** Other settings the provider reports by name only (e.g. `announcements`). */
  otherChanges: Array<Scalars['String']['output']>;
  /** The business phone number that received the event, when the provider says. */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The picture change, when the picture was changed. */
  profilePictureChange?: Maybe<ProfilePictureChange>;
  /** The provider's payload fragment this event was built from, for debugging. Its shape is the provider's, not part of this API. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** When the gateway received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The upstream request id of the write this event completes (the `operation.id` of the mutation that caused it), when the provider sent one. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** Which provider reported it. */
  source: EventSource;
  /** The subject change, when the subject was changed. */
  subjectChange?: Maybe<SettingChange>;
  /** The kind of event; the concrete type carries its details. */
  type: GroupEventType;
};

/** A sticker: an uploaded media id or a public link (exactly one) to a WebP image (static at most 100 KB, animated at most 500 KB). Stickers have no caption. */
export type StickerMessageInput = {
  /** An http(s) URL WhatsApp fetches the WebP sticker from. */
  link?: InputMaybe<Scalars['String']['input']>;
  /** A media id from uploadMedia (a WebP file). */
  mediaId?: InputMaybe<Scalars['ID']['input']>;
};

/** Live streams: group events (resumable with `after`, no gap or duplicate) and the progress of one operation. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Events as they are stored, in log order per group. With `after`, first replays every stored event after that cursor, then continues live with no gap and no duplicate. Ends with SUBSCRIBER_TOO_SLOW (extensions.resumeAfter) when the client falls too far behind, CURSOR_EXPIRED for a cursor past retention. */
  groupEvents: GroupEvent;
  /** Follows an asynchronous write (createGroup, ...): sends its current state, then every change, and completes after the final status (SUCCEEDED or FAILED). */
  operationUpdated: GroupOperation;
};


/** Live streams: group events (resumable with `after`, no gap or duplicate) and the progress of one operation. */
export type SubscriptionGroupEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<GroupEventType>>;
};


/** Live streams: group events (resumable with `after`, no gap or duplicate) and the progress of one operation. */
export type SubscriptionOperationUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** The parameters of one template component. */
export type TemplateComponentInput = {
  /** BUTTON only: the button position, from 0. */
  index?: InputMaybe<Scalars['Int']['input']>;
  /** The values, in order. */
  parameters: Array<TemplateParameterInput>;
  /** BUTTON only: the button kind, e.g. `quick_reply` or `url`. */
  subType?: InputMaybe<Scalars['String']['input']>;
  /** HEADER, BODY or BUTTON. */
  type: TemplateComponentType;
};

/** The part of a template a set of parameters fills. */
export type TemplateComponentType =
  /** The body text: its {{n}} parameters, in order. */
  | 'BODY'
  /** One button (`subType` and `index` say which): its URL suffix (TEXT) or quick-reply payload (PAYLOAD). */
  | 'BUTTON'
  /** The header: a text, image, video or document parameter. */
  | 'HEADER';

/** An approved message template (text- or media-based; authentication templates are not allowed in groups). */
export type TemplateMessageInput = {
  /** Parameters per component, when the template has any. */
  components?: InputMaybe<Array<TemplateComponentInput>>;
  /** The template language, e.g. `en` or `en_US`. */
  languageCode: Scalars['String']['input'];
  /** The template name. */
  name: Scalars['String']['input'];
};

/** One template parameter. */
export type TemplateParameterInput = {
  /** IMAGE / VIDEO / DOCUMENT: an http(s) URL (or give `mediaId`). */
  link?: InputMaybe<Scalars['String']['input']>;
  /** IMAGE / VIDEO / DOCUMENT: a media id (or give `link`). */
  mediaId?: InputMaybe<Scalars['ID']['input']>;
  /** For templates with named parameters: the parameter name. */
  parameterName?: InputMaybe<Scalars['String']['input']>;
  /** PAYLOAD: what a quick-reply button sends back. */
  payload?: InputMaybe<Scalars['String']['input']>;
  /** TEXT: the value. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Which of the other fields is set. */
  type: TemplateParameterType;
};

/** What a template parameter carries. */
export type TemplateParameterType =
  /** `mediaId` or `link` (header). */
  | 'DOCUMENT'
  /** `mediaId` or `link` (header). */
  | 'IMAGE'
  /** `payload` of a quick-reply button. */
  | 'PAYLOAD'
  /** `text`. */
  | 'TEXT'
  /** `mediaId` or `link` (header). */
  | 'VIDEO';

/** A text message. */
export type TextMessageInput = {
  /** The text: not empty, at most 4096 characters. */
  body: Scalars['String']['input'];
  /** Render a preview of the first URL in the body. */
  previewUrl?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A pinned message of the group to unpin. */
export type UnpinGroupMessageInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The group. */
  groupId: Scalars['ID']['input'];
  /** The pinned message (its wamid). */
  messageId: Scalars['ID']['input'];
  /** The business phone number the group belongs to; defaults to the configured one. */
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
};

/** The outcome of unpinGroupMessage. */
export type UnpinGroupMessagePayload = {
  __typename?: 'UnpinGroupMessagePayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The group. */
  group: Group;
  /** The id (wamid) of the unpin action itself, as its statuses refer to it. */
  messageId: Scalars['ID']['output'];
  /** The message that is no longer pinned. */
  unpinnedMessageId: Scalars['ID']['output'];
};

/** Changes to a group: any of subject, description and profile picture (at least one). */
export type UpdateGroupInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** New description: at most 2048 characters; an empty string clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The group to change. */
  groupId: Scalars['ID']['input'];
  /** New picture (multipart upload): a square JPEG, at least 192x192, at most 5 MB. */
  profilePicture?: InputMaybe<Scalars['Upload']['input']>;
  /** New name: not empty after trimming, at most 128 characters. */
  subject?: InputMaybe<Scalars['String']['input']>;
};

/** The outcome of updateGroup: accepted; `operation` completes when the webhook confirms each change. */
export type UpdateGroupPayload = {
  __typename?: 'UpdateGroupPayload';
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The group, read after the write. */
  group: Group;
  /** SUCCEEDED once every change is confirmed, FAILED with the upstream errors otherwise. */
  operation: GroupOperation;
};

/** A media file to upload to WhatsApp for later messages of a phone number (multipart upload). */
export type UploadMediaInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The file (GraphQL multipart request spec). Its type is judged by its bytes where the format allows (JPEG, PNG, WebP, MP4/3GPP), else by the declared type; the kind's size limit applies. */
  file: Scalars['Upload']['input'];
  /** The business phone number whose messages will use the media; defaults to the configured one. */
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
};

/** The outcome of uploadMedia: a media id for image, video, audio, document or sticker messages of this phone number. */
export type UploadMediaPayload = {
  __typename?: 'UploadMediaPayload';
  /** The size of the file, in bytes. */
  bytes: Scalars['Int']['output'];
  /** The input's clientMutationId, unchanged. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The file name as uploaded. */
  filename: Scalars['String']['output'];
  /** The message kind the file can be sent as. */
  kind: MediaKind;
  /** The media id: pass it as `mediaId` in sendGroupMessage (WhatsApp keeps uploaded media for 30 days). */
  mediaId: Scalars['ID']['output'];
  /** The MIME type sent upstream, e.g. `image/jpeg`. */
  mimeType: Scalars['String']['output'];
  /** The phone number the media was uploaded for. */
  phoneNumberId: Scalars['ID']['output'];
};

export type CreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CreateGroupMutation = { __typename?: 'Mutation', createGroup: { __typename?: 'CreateGroupPayload', clientMutationId?: string | null, operation: { __typename?: 'GroupOperation', id: string, kind: GroupOperationKind, status: GroupOperationStatus, groupId?: string | null, phoneNumberId?: string | null, inviteLink?: string | null, createdAt: string, updatedAt: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }>, removedParticipants: Array<{ __typename?: 'EventParticipant', waId?: string | null, userId?: string | null, input?: string | null }>, failedParticipants: Array<{ __typename?: 'FailedParticipant', participant: { __typename?: 'EventParticipant', waId?: string | null, input?: string | null }, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> }>, group?: { __typename?: 'Group', id: string } | null }, group?: { __typename?: 'Group', id: string, subject: string, description?: string | null, joinApprovalMode?: JoinApprovalMode | null, inviteLink?: string | null } | null } };

export type DeleteGroupMutationVariables = Exact<{
  input: DeleteGroupInput;
}>;


export type DeleteGroupMutation = { __typename?: 'Mutation', deleteGroup: { __typename?: 'DeleteGroupPayload', clientMutationId?: string | null, deletedGroupId: string, operation: { __typename?: 'GroupOperation', id: string, kind: GroupOperationKind, status: GroupOperationStatus, groupId?: string | null, phoneNumberId?: string | null, inviteLink?: string | null, createdAt: string, updatedAt: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }>, removedParticipants: Array<{ __typename?: 'EventParticipant', waId?: string | null, userId?: string | null, input?: string | null }>, failedParticipants: Array<{ __typename?: 'FailedParticipant', participant: { __typename?: 'EventParticipant', waId?: string | null, input?: string | null }, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> }>, group?: { __typename?: 'Group', id: string } | null } } };

export type DeleteInviteLinkMutationVariables = Exact<{
  input: DeleteInviteLinkInput;
}>;


export type DeleteInviteLinkMutation = { __typename?: 'Mutation', deleteInviteLink: { __typename?: 'DeleteInviteLinkPayload', clientMutationId?: string | null, deleted: boolean, group: { __typename?: 'Group', id: string, phoneNumberId?: string | null } } };

export type GroupInviteLinkQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GroupInviteLinkQuery = { __typename?: 'Query', group?: { __typename?: 'Group', id: string, inviteLink?: string | null } | null };

export type GroupJoinRequestsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type GroupJoinRequestsQuery = { __typename?: 'Query', group?: { __typename?: 'Group', id: string, joinApprovalMode?: JoinApprovalMode | null, joinRequests: { __typename?: 'JoinRequestConnection', edges: Array<{ __typename?: 'JoinRequestEdge', cursor: string, node: { __typename?: 'JoinRequest', id: string, waId?: string | null, userId?: string | null, username?: string | null, createdAt?: string | null, group: { __typename?: 'Group', id: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } | null };

export type SendGroupMessageMutationVariables = Exact<{
  input: SendGroupMessageInput;
}>;


export type SendGroupMessageMutation = { __typename?: 'Mutation', sendGroupMessage: { __typename?: 'SendGroupMessagePayload', clientMutationId?: string | null, messageId: string, group: { __typename?: 'Group', id: string, phoneNumberId?: string | null } } };

export type PinGroupMessageMutationVariables = Exact<{
  input: PinGroupMessageInput;
}>;


export type PinGroupMessageMutation = { __typename?: 'Mutation', pinGroupMessage: { __typename?: 'PinGroupMessagePayload', clientMutationId?: string | null, pinnedMessageId: string, messageId: string, group: { __typename?: 'Group', id: string } } };

export type UnpinGroupMessageMutationVariables = Exact<{
  input: UnpinGroupMessageInput;
}>;


export type UnpinGroupMessageMutation = { __typename?: 'Mutation', unpinGroupMessage: { __typename?: 'UnpinGroupMessagePayload', clientMutationId?: string | null, unpinnedMessageId: string, messageId: string, group: { __typename?: 'Group', id: string } } };

export type SendGroupInviteTemplateMutationVariables = Exact<{
  input: SendGroupInviteTemplateInput;
}>;


export type SendGroupInviteTemplateMutation = { __typename?: 'Mutation', sendGroupInviteTemplate: { __typename?: 'SendGroupInviteTemplatePayload', clientMutationId?: string | null, messageId: string, to: string, group: { __typename?: 'Group', id: string, phoneNumberId?: string | null } } };

export type GroupSummaryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GroupSummaryQuery = { __typename?: 'Query', group?: { __typename?: 'Group', id: string, subject: string } | null };

export type GroupQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GroupQuery = { __typename?: 'Query', group?: { __typename?: 'Group', id: string, phoneNumberId?: string | null, subject: string, description?: string | null, suspended?: boolean | null, createdAt: string, joinApprovalMode?: JoinApprovalMode | null, totalParticipantCount?: number | null, participants: Array<{ __typename?: 'Participant', waId?: string | null, userId?: string | null, parentUserId?: string | null, username?: string | null }> } | null };

export type GroupDetailsFragment = { __typename?: 'Group', id: string, phoneNumberId?: string | null, subject: string, description?: string | null, suspended?: boolean | null, createdAt: string, joinApprovalMode?: JoinApprovalMode | null, totalParticipantCount?: number | null, participants: Array<{ __typename?: 'Participant', waId?: string | null, userId?: string | null, parentUserId?: string | null, username?: string | null }> };

export type GroupsByIdsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type GroupsByIdsQuery = { __typename?: 'Query', groupsByIds: Array<{ __typename?: 'Group', id: string, subject: string, totalParticipantCount?: number | null } | null> };

export type GroupsPageQueryVariables = Exact<{
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type GroupsPageQuery = { __typename?: 'Query', groups: { __typename?: 'GroupConnection', edges: Array<{ __typename?: 'GroupEdge', cursor: string, node: { __typename?: 'Group', id: string, subject: string, createdAt: string, phoneNumberId?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type ApproveJoinRequestsMutationVariables = Exact<{
  input: JoinRequestsInput;
}>;


export type ApproveJoinRequestsMutation = { __typename?: 'Mutation', approveJoinRequests: { __typename?: 'JoinRequestsPayload', clientMutationId?: string | null, succeededJoinRequestIds: Array<string>, group: { __typename?: 'Group', id: string }, failedJoinRequests: Array<{ __typename?: 'FailedJoinRequest', joinRequestId: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }> }>, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> } };

export type RejectJoinRequestsMutationVariables = Exact<{
  input: JoinRequestsInput;
}>;


export type RejectJoinRequestsMutation = { __typename?: 'Mutation', rejectJoinRequests: { __typename?: 'JoinRequestsPayload', clientMutationId?: string | null, succeededJoinRequestIds: Array<string>, group: { __typename?: 'Group', id: string }, failedJoinRequests: Array<{ __typename?: 'FailedJoinRequest', joinRequestId: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }> }>, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> } };

export type JoinRequestsOutcomeFragment = { __typename?: 'JoinRequestsPayload', clientMutationId?: string | null, succeededJoinRequestIds: Array<string>, group: { __typename?: 'Group', id: string }, failedJoinRequests: Array<{ __typename?: 'FailedJoinRequest', joinRequestId: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }> }>, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> };

export type OperationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OperationQuery = { __typename?: 'Query', operation?: { __typename?: 'GroupOperation', id: string, kind: GroupOperationKind, status: GroupOperationStatus, groupId?: string | null, phoneNumberId?: string | null, inviteLink?: string | null, createdAt: string, updatedAt: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }>, removedParticipants: Array<{ __typename?: 'EventParticipant', waId?: string | null, userId?: string | null, input?: string | null }>, failedParticipants: Array<{ __typename?: 'FailedParticipant', participant: { __typename?: 'EventParticipant', waId?: string | null, input?: string | null }, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> }>, group?: { __typename?: 'Group', id: string } | null } | null };

export type OperationDetailsFragment = { __typename?: 'GroupOperation', id: string, kind: GroupOperationKind, status: GroupOperationStatus, groupId?: string | null, phoneNumberId?: string | null, inviteLink?: string | null, createdAt: string, updatedAt: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }>, removedParticipants: Array<{ __typename?: 'EventParticipant', waId?: string | null, userId?: string | null, input?: string | null }>, failedParticipants: Array<{ __typename?: 'FailedParticipant', participant: { __typename?: 'EventParticipant', waId?: string | null, input?: string | null }, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> }>, group?: { __typename?: 'Group', id: string } | null };

export type RemoveParticipantsMutationVariables = Exact<{
  input: RemoveParticipantsInput;
}>;


export type RemoveParticipantsMutation = { __typename?: 'Mutation', removeParticipants: { __typename?: 'RemoveParticipantsPayload', clientMutationId?: string | null, group: { __typename?: 'Group', id: string }, operation: { __typename?: 'GroupOperation', id: string, kind: GroupOperationKind, status: GroupOperationStatus, groupId?: string | null, phoneNumberId?: string | null, inviteLink?: string | null, createdAt: string, updatedAt: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }>, removedParticipants: Array<{ __typename?: 'EventParticipant', waId?: string | null, userId?: string | null, input?: string | null }>, failedParticipants: Array<{ __typename?: 'FailedParticipant', participant: { __typename?: 'EventParticipant', waId?: string | null, input?: string | null }, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> }>, group?: { __typename?: 'Group', id: string } | null } } };

export type ResetInviteLinkMutationVariables = Exact<{
  input: ResetInviteLinkInput;
}>;


export type ResetInviteLinkMutation = { __typename?: 'Mutation', resetInviteLink: { __typename?: 'ResetInviteLinkPayload', clientMutationId?: string | null, inviteLink: string, group: { __typename?: 'Group', id: string, inviteLink?: string | null } } };

export type UpdateGroupMutationVariables = Exact<{
  input: UpdateGroupInput;
}>;


export type UpdateGroupMutation = { __typename?: 'Mutation', updateGroup: { __typename?: 'UpdateGroupPayload', clientMutationId?: string | null, group: { __typename?: 'Group', id: string, subject: string, description?: string | null }, operation: { __typename?: 'GroupOperation', id: string, kind: GroupOperationKind, status: GroupOperationStatus, groupId?: string | null, phoneNumberId?: string | null, inviteLink?: string | null, createdAt: string, updatedAt: string, errors: Array<{ __typename?: 'EventError', code?: number | null, title?: string | null, message?: string | null, details?: string | null }>, removedParticipants: Array<{ __typename?: 'EventParticipant', waId?: string | null, userId?: string | null, input?: string | null }>, failedParticipants: Array<{ __typename?: 'FailedParticipant', participant: { __typename?: 'EventParticipant', waId?: string | null, input?: string | null }, errors: Array<{ __typename?: 'EventError', code?: number | null, message?: string | null }> }>, group?: { __typename?: 'Group', id: string } | null } } };

export type UploadMediaMutationVariables = Exact<{
  input: UploadMediaInput;
}>;


export type UploadMediaMutation = { __typename?: 'Mutation', uploadMedia: { __typename?: 'UploadMediaPayload', clientMutationId?: string | null, mediaId: string, phoneNumberId: string, kind: MediaKind, mimeType: string, bytes: number, filename: string } };

export const GroupDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUserId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<GroupDetailsFragment, unknown>;
export const JoinRequestsOutcomeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JoinRequestsOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"succeededJoinRequestIds"}},{"kind":"Field","name":{"kind":"Name","value":"failedJoinRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<JoinRequestsOutcomeFragment, unknown>;
export const OperationDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OperationDetailsFragment, unknown>;
export const CreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationDetails"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateGroupMutation, CreateGroupMutationVariables>;
export const DeleteGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedGroupId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationDetails"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeleteGroupMutation, DeleteGroupMutationVariables>;
export const DeleteInviteLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteInviteLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteInviteLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteInviteLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteInviteLinkMutation, DeleteInviteLinkMutationVariables>;
export const GroupInviteLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupInviteLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}}]}}]}}]} as unknown as DocumentNode<GroupInviteLinkQuery, GroupInviteLinkQueryVariables>;
export const GroupJoinRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupJoinRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"joinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupJoinRequestsQuery, GroupJoinRequestsQueryVariables>;
export const SendGroupMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendGroupMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendGroupMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendGroupMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}}]}}]}}]}}]} as unknown as DocumentNode<SendGroupMessageMutation, SendGroupMessageMutationVariables>;
export const PinGroupMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PinGroupMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PinGroupMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pinGroupMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedMessageId"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<PinGroupMessageMutation, PinGroupMessageMutationVariables>;
export const UnpinGroupMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnpinGroupMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnpinGroupMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unpinGroupMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"unpinnedMessageId"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UnpinGroupMessageMutation, UnpinGroupMessageMutationVariables>;
export const SendGroupInviteTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendGroupInviteTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendGroupInviteTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendGroupInviteTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}}]}}]}}]}}]} as unknown as DocumentNode<SendGroupInviteTemplateMutation, SendGroupInviteTemplateMutationVariables>;
export const GroupSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}}]}}]} as unknown as DocumentNode<GroupSummaryQuery, GroupSummaryQueryVariables>;
export const GroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Group"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupDetails"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUserId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<GroupQuery, GroupQueryVariables>;
export const GroupsByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupsByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupsByIds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}}]}}]}}]} as unknown as DocumentNode<GroupsByIdsQuery, GroupsByIdsQueryVariables>;
export const GroupsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumberId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"phoneNumberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumberId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<GroupsPageQuery, GroupsPageQueryVariables>;
export const ApproveJoinRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveJoinRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveJoinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JoinRequestsOutcome"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JoinRequestsOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"succeededJoinRequestIds"}},{"kind":"Field","name":{"kind":"Name","value":"failedJoinRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ApproveJoinRequestsMutation, ApproveJoinRequestsMutationVariables>;
export const RejectJoinRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectJoinRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectJoinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JoinRequestsOutcome"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JoinRequestsOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"succeededJoinRequestIds"}},{"kind":"Field","name":{"kind":"Name","value":"failedJoinRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<RejectJoinRequestsMutation, RejectJoinRequestsMutationVariables>;
export const OperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Operation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationDetails"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OperationQuery, OperationQueryVariables>;
export const RemoveParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveParticipantsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeParticipants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationDetails"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RemoveParticipantsMutation, RemoveParticipantsMutationVariables>;
export const ResetInviteLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetInviteLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetInviteLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetInviteLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}}]}}]}}]}}]} as unknown as DocumentNode<ResetInviteLinkMutation, ResetInviteLinkMutationVariables>;
export const UpdateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationDetails"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"input"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateGroupMutation, UpdateGroupMutationVariables>;
export const UploadMediaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadMedia"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadMediaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadMedia"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}},{"kind":"Field","name":{"kind":"Name","value":"mediaId"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}}]} as unknown as DocumentNode<UploadMediaMutation, UploadMediaMutationVariables>;