/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Who decides whether someone holding the invite link may join the group. */
export type JoinApprovalMode =
  /** Joining creates a join request that the business approves or rejects. */
  | 'APPROVAL_REQUIRED'
  /** Anyone with the invite link joins at once. */
  | 'AUTO_APPROVE';

/** Pending join requests of a group (join approval mode APPROVAL_REQUIRED) to approve or reject. */
export type JoinRequestsInput = {
  /** Any string; echoed in the payload to match the answer to this call (Relay). */
  clientMutationId?: string | null | undefined;
  /** The group. */
  groupId: string | number;
  /** The join requests (JoinRequest.id): at least one, no id twice. */
  joinRequestIds: Array<string | number>;
};

/** Who caused a participant change. */
export type ParticipantChangeInitiator =
  /** The business (a removeParticipants call). */
  | 'BUSINESS'
  /** The participant themselves (for example, they left). */
  | 'PARTICIPANT'
  /** The provider did not say. */
  | 'UNKNOWN';

export type WebGroupsPageQueryVariables = Exact<{
  phoneNumberId?: string | number | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type WebGroupsPageQuery = { groups: { edges: Array<{ cursor: string, node: { id: string, subject: string, joinApprovalMode: JoinApprovalMode | null, totalParticipantCount: number | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebGroupDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type WebGroupDetailQuery = { group: { id: string, subject: string, description: string | null, suspended: boolean | null, joinApprovalMode: JoinApprovalMode | null, totalParticipantCount: number | null, inviteLink: string | null, participants: Array<{ waId: string | null, userId: string | null, username: string | null }>, joinRequests: { edges: Array<{ node: { id: string, waId: string | null, userId: string | null, username: string | null, createdAt: string | null } }> } } | null };

export type WebGroupDetailFragment = { id: string, subject: string, description: string | null, suspended: boolean | null, joinApprovalMode: JoinApprovalMode | null, totalParticipantCount: number | null, inviteLink: string | null, participants: Array<{ waId: string | null, userId: string | null, username: string | null }>, joinRequests: { edges: Array<{ node: { id: string, waId: string | null, userId: string | null, username: string | null, createdAt: string | null } }> } };

export type WebApproveJoinRequestMutationVariables = Exact<{
  input: JoinRequestsInput;
}>;


export type WebApproveJoinRequestMutation = { approveJoinRequests: { succeededJoinRequestIds: Array<string>, failedJoinRequests: Array<{ joinRequestId: string, errors: Array<{ code: number | null, message: string | null }> }>, group: { id: string, subject: string, description: string | null, suspended: boolean | null, joinApprovalMode: JoinApprovalMode | null, totalParticipantCount: number | null, inviteLink: string | null, participants: Array<{ waId: string | null, userId: string | null, username: string | null }>, joinRequests: { edges: Array<{ node: { id: string, waId: string | null, userId: string | null, username: string | null, createdAt: string | null } }> } } } };

export type WebRejectJoinRequestMutationVariables = Exact<{
  input: JoinRequestsInput;
}>;


export type WebRejectJoinRequestMutation = { rejectJoinRequests: { succeededJoinRequestIds: Array<string>, failedJoinRequests: Array<{ joinRequestId: string, errors: Array<{ code: number | null, message: string | null }> }>, group: { id: string, subject: string, description: string | null, suspended: boolean | null, joinApprovalMode: JoinApprovalMode | null, totalParticipantCount: number | null, inviteLink: string | null, participants: Array<{ waId: string | null, userId: string | null, username: string | null }>, joinRequests: { edges: Array<{ node: { id: string, waId: string | null, userId: string | null, username: string | null, createdAt: string | null } }> } } } };

type WebGroupEvent_GroupCreateFailedEvent_Fragment = { __typename: 'GroupCreateFailedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_GroupCreatedEvent_Fragment = { __typename: 'GroupCreatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_GroupDeleteFailedEvent_Fragment = { __typename: 'GroupDeleteFailedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_GroupDeletedEvent_Fragment = { __typename: 'GroupDeletedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_GroupSuspendedEvent_Fragment = { __typename: 'GroupSuspendedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_GroupSuspensionClearedEvent_Fragment = { __typename: 'GroupSuspensionClearedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_JoinRequestCreatedEvent_Fragment = { __typename: 'JoinRequestCreatedEvent', joinRequestId: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, participant: { waId: string | null, username: string | null } };

type WebGroupEvent_JoinRequestRevokedEvent_Fragment = { __typename: 'JoinRequestRevokedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_MessageReceivedEvent_Fragment = { __typename: 'MessageReceivedEvent', text: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, from: { waId: string | null, username: string | null } };

type WebGroupEvent_MessageStatusUpdatedEvent_Fragment = { __typename: 'MessageStatusUpdatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_ParticipantsAddedEvent_Fragment = { __typename: 'ParticipantsAddedEvent', reason: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, participants: Array<{ waId: string | null, username: string | null }> };

type WebGroupEvent_ParticipantsDemotedEvent_Fragment = { __typename: 'ParticipantsDemotedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_ParticipantsPromotedEvent_Fragment = { __typename: 'ParticipantsPromotedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

type WebGroupEvent_ParticipantsRemovedEvent_Fragment = { __typename: 'ParticipantsRemovedEvent', initiatedBy: ParticipantChangeInitiator, id: string, cursor: string, type: GroupEventType, occurredAt: string, participants: Array<{ waId: string | null, username: string | null }> };

type WebGroupEvent_SettingsUpdatedEvent_Fragment = { __typename: 'SettingsUpdatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string };

export type WebGroupEventFragment =
  | WebGroupEvent_GroupCreateFailedEvent_Fragment
  | WebGroupEvent_GroupCreatedEvent_Fragment
  | WebGroupEvent_GroupDeleteFailedEvent_Fragment
  | WebGroupEvent_GroupDeletedEvent_Fragment
  | WebGroupEvent_GroupSuspendedEvent_Fragment
  | WebGroupEvent_GroupSuspensionClearedEvent_Fragment
  | WebGroupEvent_JoinRequestCreatedEvent_Fragment
  | WebGroupEvent_JoinRequestRevokedEvent_Fragment
  | WebGroupEvent_MessageReceivedEvent_Fragment
  | WebGroupEvent_MessageStatusUpdatedEvent_Fragment
  | WebGroupEvent_ParticipantsAddedEvent_Fragment
  | WebGroupEvent_ParticipantsDemotedEvent_Fragment
  | WebGroupEvent_ParticipantsPromotedEvent_Fragment
  | WebGroupEvent_ParticipantsRemovedEvent_Fragment
  | WebGroupEvent_SettingsUpdatedEvent_Fragment
;

export type WebGroupEventHistoryQueryVariables = Exact<{
  groupId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type WebGroupEventHistoryQuery = { groupEvents: { edges: Array<{ node:
        | { __typename: 'GroupCreateFailedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'GroupCreatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'GroupDeleteFailedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'GroupDeletedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'GroupSuspendedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'GroupSuspensionClearedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'JoinRequestCreatedEvent', joinRequestId: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, participant: { waId: string | null, username: string | null } }
        | { __typename: 'JoinRequestRevokedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'MessageReceivedEvent', text: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, from: { waId: string | null, username: string | null } }
        | { __typename: 'MessageStatusUpdatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'ParticipantsAddedEvent', reason: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, participants: Array<{ waId: string | null, username: string | null }> }
        | { __typename: 'ParticipantsDemotedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'ParticipantsPromotedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
        | { __typename: 'ParticipantsRemovedEvent', initiatedBy: ParticipantChangeInitiator, id: string, cursor: string, type: GroupEventType, occurredAt: string, participants: Array<{ waId: string | null, username: string | null }> }
        | { __typename: 'SettingsUpdatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
       }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebGroupEventsSubscriptionVariables = Exact<{
  groupId: string | number;
  after?: string | null | undefined;
}>;


export type WebGroupEventsSubscription = { groupEvents:
    | { __typename: 'GroupCreateFailedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'GroupCreatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'GroupDeleteFailedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'GroupDeletedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'GroupSuspendedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'GroupSuspensionClearedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'JoinRequestCreatedEvent', joinRequestId: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, participant: { waId: string | null, username: string | null } }
    | { __typename: 'JoinRequestRevokedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'MessageReceivedEvent', text: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, from: { waId: string | null, username: string | null } }
    | { __typename: 'MessageStatusUpdatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'ParticipantsAddedEvent', reason: string | null, id: string, cursor: string, type: GroupEventType, occurredAt: string, participants: Array<{ waId: string | null, username: string | null }> }
    | { __typename: 'ParticipantsDemotedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'ParticipantsPromotedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
    | { __typename: 'ParticipantsRemovedEvent', initiatedBy: ParticipantChangeInitiator, id: string, cursor: string, type: GroupEventType, occurredAt: string, participants: Array<{ waId: string | null, username: string | null }> }
    | { __typename: 'SettingsUpdatedEvent', id: string, cursor: string, type: GroupEventType, occurredAt: string }
   };

export const WebGroupDetailFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebGroupDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"joinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebGroupDetailFragment, unknown>;
export const WebGroupEventFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebGroupEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantsAddedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantsRemovedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestCreatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReceivedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<WebGroupEventFragment, unknown>;
export const WebGroupsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebGroupsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumberId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"phoneNumberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumberId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebGroupsPageQuery, WebGroupsPageQueryVariables>;
export const WebGroupDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebGroupDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebGroupDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebGroupDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"joinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebGroupDetailQuery, WebGroupDetailQueryVariables>;
export const WebApproveJoinRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebApproveJoinRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveJoinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"succeededJoinRequestIds"}},{"kind":"Field","name":{"kind":"Name","value":"failedJoinRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebGroupDetail"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebGroupDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"joinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebApproveJoinRequestMutation, WebApproveJoinRequestMutationVariables>;
export const WebRejectJoinRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRejectJoinRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectJoinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"succeededJoinRequestIds"}},{"kind":"Field","name":{"kind":"Name","value":"failedJoinRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebGroupDetail"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebGroupDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"joinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebRejectJoinRequestMutation, WebRejectJoinRequestMutationVariables>;
export const WebGroupEventHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebGroupEventHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebGroupEvent"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebGroupEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantsAddedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantsRemovedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestCreatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReceivedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<WebGroupEventHistoryQuery, WebGroupEventHistoryQueryVariables>;
export const WebGroupEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebGroupEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebGroupEvent"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebGroupEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantsAddedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantsRemovedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JoinRequestCreatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReceivedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<WebGroupEventsSubscription, WebGroupEventsSubscriptionVariables>;