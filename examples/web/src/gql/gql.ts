/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query WebGroupsPage($phoneNumberId: ID, $first: Int!, $after: String) {\n    groups(phoneNumberId: $phoneNumberId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          subject\n          joinApprovalMode\n          totalParticipantCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebGroupsPageDocument,
    "\n  query WebGroupDetail($id: ID!) {\n    group(id: $id) {\n      ...WebGroupDetail\n    }\n  }\n\n  fragment WebGroupDetail on Group {\n    id\n    subject\n    description\n    suspended\n    joinApprovalMode\n    totalParticipantCount\n    inviteLink\n    participants {\n      waId\n      userId\n      username\n    }\n    joinRequests(first: 50) {\n      edges {\n        node {\n          id\n          waId\n          userId\n          username\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.WebGroupDetailDocument,
    "\n  mutation WebApproveJoinRequest($input: JoinRequestsInput!) {\n    approveJoinRequests(input: $input) {\n      succeededJoinRequestIds\n      failedJoinRequests {\n        joinRequestId\n        errors {\n          code\n          message\n        }\n      }\n      group {\n        ...WebGroupDetail\n      }\n    }\n  }\n": typeof types.WebApproveJoinRequestDocument,
    "\n  mutation WebRejectJoinRequest($input: JoinRequestsInput!) {\n    rejectJoinRequests(input: $input) {\n      succeededJoinRequestIds\n      failedJoinRequests {\n        joinRequestId\n        errors {\n          code\n          message\n        }\n      }\n      group {\n        ...WebGroupDetail\n      }\n    }\n  }\n": typeof types.WebRejectJoinRequestDocument,
    "\n  fragment WebGroupEvent on GroupEvent {\n    __typename\n    id\n    cursor\n    type\n    occurredAt\n    ... on ParticipantsAddedEvent {\n      reason\n      participants {\n        waId\n        username\n      }\n    }\n    ... on ParticipantsRemovedEvent {\n      initiatedBy\n      participants {\n        waId\n        username\n      }\n    }\n    ... on JoinRequestCreatedEvent {\n      joinRequestId\n      participant {\n        waId\n        username\n      }\n    }\n    ... on MessageReceivedEvent {\n      text\n      from {\n        waId\n        username\n      }\n    }\n  }\n": typeof types.WebGroupEventFragmentDoc,
    "\n  query WebGroupEventHistory($groupId: ID!, $first: Int!, $after: String) {\n    groupEvents(groupId: $groupId, first: $first, after: $after) {\n      edges {\n        node {\n          ...WebGroupEvent\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebGroupEventHistoryDocument,
    "\n  subscription WebGroupEvents($groupId: ID!, $after: String) {\n    groupEvents(groupId: $groupId, after: $after) {\n      ...WebGroupEvent\n    }\n  }\n": typeof types.WebGroupEventsDocument,
};
const documents: Documents = {
    "\n  query WebGroupsPage($phoneNumberId: ID, $first: Int!, $after: String) {\n    groups(phoneNumberId: $phoneNumberId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          subject\n          joinApprovalMode\n          totalParticipantCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebGroupsPageDocument,
    "\n  query WebGroupDetail($id: ID!) {\n    group(id: $id) {\n      ...WebGroupDetail\n    }\n  }\n\n  fragment WebGroupDetail on Group {\n    id\n    subject\n    description\n    suspended\n    joinApprovalMode\n    totalParticipantCount\n    inviteLink\n    participants {\n      waId\n      userId\n      username\n    }\n    joinRequests(first: 50) {\n      edges {\n        node {\n          id\n          waId\n          userId\n          username\n          createdAt\n        }\n      }\n    }\n  }\n": types.WebGroupDetailDocument,
    "\n  mutation WebApproveJoinRequest($input: JoinRequestsInput!) {\n    approveJoinRequests(input: $input) {\n      succeededJoinRequestIds\n      failedJoinRequests {\n        joinRequestId\n        errors {\n          code\n          message\n        }\n      }\n      group {\n        ...WebGroupDetail\n      }\n    }\n  }\n": types.WebApproveJoinRequestDocument,
    "\n  mutation WebRejectJoinRequest($input: JoinRequestsInput!) {\n    rejectJoinRequests(input: $input) {\n      succeededJoinRequestIds\n      failedJoinRequests {\n        joinRequestId\n        errors {\n          code\n          message\n        }\n      }\n      group {\n        ...WebGroupDetail\n      }\n    }\n  }\n": types.WebRejectJoinRequestDocument,
    "\n  fragment WebGroupEvent on GroupEvent {\n    __typename\n    id\n    cursor\n    type\n    occurredAt\n    ... on ParticipantsAddedEvent {\n      reason\n      participants {\n        waId\n        username\n      }\n    }\n    ... on ParticipantsRemovedEvent {\n      initiatedBy\n      participants {\n        waId\n        username\n      }\n    }\n    ... on JoinRequestCreatedEvent {\n      joinRequestId\n      participant {\n        waId\n        username\n      }\n    }\n    ... on MessageReceivedEvent {\n      text\n      from {\n        waId\n        username\n      }\n    }\n  }\n": types.WebGroupEventFragmentDoc,
    "\n  query WebGroupEventHistory($groupId: ID!, $first: Int!, $after: String) {\n    groupEvents(groupId: $groupId, first: $first, after: $after) {\n      edges {\n        node {\n          ...WebGroupEvent\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebGroupEventHistoryDocument,
    "\n  subscription WebGroupEvents($groupId: ID!, $after: String) {\n    groupEvents(groupId: $groupId, after: $after) {\n      ...WebGroupEvent\n    }\n  }\n": types.WebGroupEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebGroupsPage($phoneNumberId: ID, $first: Int!, $after: String) {\n    groups(phoneNumberId: $phoneNumberId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          subject\n          joinApprovalMode\n          totalParticipantCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebGroupsPage($phoneNumberId: ID, $first: Int!, $after: String) {\n    groups(phoneNumberId: $phoneNumberId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          subject\n          joinApprovalMode\n          totalParticipantCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebGroupDetail($id: ID!) {\n    group(id: $id) {\n      ...WebGroupDetail\n    }\n  }\n\n  fragment WebGroupDetail on Group {\n    id\n    subject\n    description\n    suspended\n    joinApprovalMode\n    totalParticipantCount\n    inviteLink\n    participants {\n      waId\n      userId\n      username\n    }\n    joinRequests(first: 50) {\n      edges {\n        node {\n          id\n          waId\n          userId\n          username\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebGroupDetail($id: ID!) {\n    group(id: $id) {\n      ...WebGroupDetail\n    }\n  }\n\n  fragment WebGroupDetail on Group {\n    id\n    subject\n    description\n    suspended\n    joinApprovalMode\n    totalParticipantCount\n    inviteLink\n    participants {\n      waId\n      userId\n      username\n    }\n    joinRequests(first: 50) {\n      edges {\n        node {\n          id\n          waId\n          userId\n          username\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebApproveJoinRequest($input: JoinRequestsInput!) {\n    approveJoinRequests(input: $input) {\n      succeededJoinRequestIds\n      failedJoinRequests {\n        joinRequestId\n        errors {\n          code\n          message\n        }\n      }\n      group {\n        ...WebGroupDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebApproveJoinRequest($input: JoinRequestsInput!) {\n    approveJoinRequests(input: $input) {\n      succeededJoinRequestIds\n      failedJoinRequests {\n        joinRequestId\n        errors {\n          code\n          message\n        }\n      }\n      group {\n        ...WebGroupDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRejectJoinRequest($input: JoinRequestsInput!) {\n    rejectJoinRequests(input: $input) {\n      succeededJoinRequestIds\n      failedJoinRequests {\n        joinRequestId\n        errors {\n          code\n          message\n        }\n      }\n      group {\n        ...WebGroupDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebRejectJoinRequest($input: JoinRequestsInput!) {\n    rejectJoinRequests(input: $input) {\n      succeededJoinRequestIds\n      failedJoinRequests {\n        joinRequestId\n        errors {\n          code\n          message\n        }\n      }\n      group {\n        ...WebGroupDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebGroupEvent on GroupEvent {\n    __typename\n    id\n    cursor\n    type\n    occurredAt\n    ... on ParticipantsAddedEvent {\n      reason\n      participants {\n        waId\n        username\n      }\n    }\n    ... on ParticipantsRemovedEvent {\n      initiatedBy\n      participants {\n        waId\n        username\n      }\n    }\n    ... on JoinRequestCreatedEvent {\n      joinRequestId\n      participant {\n        waId\n        username\n      }\n    }\n    ... on MessageReceivedEvent {\n      text\n      from {\n        waId\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WebGroupEvent on GroupEvent {\n    __typename\n    id\n    cursor\n    type\n    occurredAt\n    ... on ParticipantsAddedEvent {\n      reason\n      participants {\n        waId\n        username\n      }\n    }\n    ... on ParticipantsRemovedEvent {\n      initiatedBy\n      participants {\n        waId\n        username\n      }\n    }\n    ... on JoinRequestCreatedEvent {\n      joinRequestId\n      participant {\n        waId\n        username\n      }\n    }\n    ... on MessageReceivedEvent {\n      text\n      from {\n        waId\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebGroupEventHistory($groupId: ID!, $first: Int!, $after: String) {\n    groupEvents(groupId: $groupId, first: $first, after: $after) {\n      edges {\n        node {\n          ...WebGroupEvent\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebGroupEventHistory($groupId: ID!, $first: Int!, $after: String) {\n    groupEvents(groupId: $groupId, first: $first, after: $after) {\n      edges {\n        node {\n          ...WebGroupEvent\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebGroupEvents($groupId: ID!, $after: String) {\n    groupEvents(groupId: $groupId, after: $after) {\n      ...WebGroupEvent\n    }\n  }\n"): (typeof documents)["\n  subscription WebGroupEvents($groupId: ID!, $after: String) {\n    groupEvents(groupId: $groupId, after: $after) {\n      ...WebGroupEvent\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;