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
};

/** A WhatsApp group of a business phone number. Each field is fetched from the Groups API only when selected. */
export type Group = {
  __typename?: 'Group';
  /** When the group was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The group description (at most 2048 characters), when set. */
  description?: Maybe<Scalars['String']['output']>;
  /** The Groups API id of the group (opaque). */
  id: Scalars['ID']['output'];
  /** The current invite link (https://chat.whatsapp.com/...). Costs one upstream call per group, made only when selected. */
  inviteLink?: Maybe<Scalars['String']['output']>;
  /** Whether joining through the invite link needs the business's approval. */
  joinApprovalMode?: Maybe<JoinApprovalMode>;
  /** Pending join requests (groups with APPROVAL_REQUIRED), paged forwards. Fetched only when selected. */
  joinRequests: JoinRequestConnection;
  /** The participants (at most 8), not counting the business. */
  participants: Array<Participant>;
  /** The business phone number id the group belongs to; null when this request could not learn it (the Groups API has no such field). */
  phoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** The group name (at most 128 characters). */
  subject?: Maybe<Scalars['String']['output']>;
  /** True while WhatsApp has suspended the group. */
  suspended?: Maybe<Scalars['Boolean']['output']>;
  /** Number of participants, not counting the business. */
  totalParticipantCount?: Maybe<Scalars['Int']['output']>;
};


/** A WhatsApp group of a business phone number. Each field is fetched from the Groups API only when selected. */
export type GroupJoinRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** A group in a page of groups. */
export type GroupEdge = {
  __typename?: 'GroupEdge';
  /** Opaque cursor of this edge, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The group. */
  node: Group;
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

/** A join request in a page of join requests. */
export type JoinRequestEdge = {
  __typename?: 'JoinRequestEdge';
  /** Opaque cursor of this edge, for `after`. */
  cursor: Scalars['String']['output'];
  /** The join request. */
  node: JoinRequest;
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

export type Query = {
  __typename?: 'Query';
  /** A group by id; null when it does not exist or the business is not a member. */
  group?: Maybe<Group>;
  /** The active groups of a business phone number, paged the Relay way (`first`/`after` forwards, `last`/`before` backwards). */
  groups: GroupConnection;
  /** Groups by id, in the order asked: one entry per id (repeats included), null where a group does not exist. */
  groupsByIds: Array<Maybe<Group>>;
};


export type QueryGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryGroupsByIdsArgs = {
  ids: Array<Scalars['ID']['input']>;
};

export type GroupInviteLinkQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GroupInviteLinkQuery = { __typename?: 'Query', group?: { __typename?: 'Group', id: string, inviteLink?: string | null } | null };

export type GroupJoinRequestsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type GroupJoinRequestsQuery = { __typename?: 'Query', group?: { __typename?: 'Group', id: string, joinApprovalMode?: JoinApprovalMode | null, joinRequests: { __typename?: 'JoinRequestConnection', edges: Array<{ __typename?: 'JoinRequestEdge', cursor: string, node: { __typename?: 'JoinRequest', id: string, waId?: string | null, userId?: string | null, username?: string | null, createdAt?: string | null, group: { __typename?: 'Group', id: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };

export type GroupSummaryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GroupSummaryQuery = { __typename?: 'Query', group?: { __typename?: 'Group', id: string, subject?: string | null } | null };

export type GroupQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GroupQuery = { __typename?: 'Query', group?: { __typename?: 'Group', id: string, phoneNumberId?: string | null, subject?: string | null, description?: string | null, suspended?: boolean | null, createdAt?: string | null, joinApprovalMode?: JoinApprovalMode | null, totalParticipantCount?: number | null, participants: Array<{ __typename?: 'Participant', waId?: string | null, userId?: string | null, parentUserId?: string | null, username?: string | null }> } | null };

export type GroupDetailsFragment = { __typename?: 'Group', id: string, phoneNumberId?: string | null, subject?: string | null, description?: string | null, suspended?: boolean | null, createdAt?: string | null, joinApprovalMode?: JoinApprovalMode | null, totalParticipantCount?: number | null, participants: Array<{ __typename?: 'Participant', waId?: string | null, userId?: string | null, parentUserId?: string | null, username?: string | null }> };

export type GroupsByIdsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type GroupsByIdsQuery = { __typename?: 'Query', groupsByIds: Array<{ __typename?: 'Group', id: string, subject?: string | null, totalParticipantCount?: number | null } | null> };

export type GroupsPageQueryVariables = Exact<{
  phoneNumberId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type GroupsPageQuery = { __typename?: 'Query', groups: { __typename?: 'GroupConnection', edges: Array<{ __typename?: 'GroupEdge', cursor: string, node: { __typename?: 'Group', id: string, subject?: string | null, createdAt?: string | null, phoneNumberId?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export const GroupDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUserId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<GroupDetailsFragment, unknown>;
export const GroupInviteLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupInviteLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLink"}}]}}]}}]} as unknown as DocumentNode<GroupInviteLinkQuery, GroupInviteLinkQueryVariables>;
export const GroupJoinRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupJoinRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"joinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupJoinRequestsQuery, GroupJoinRequestsQueryVariables>;
export const GroupSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}}]}}]} as unknown as DocumentNode<GroupSummaryQuery, GroupSummaryQueryVariables>;
export const GroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Group"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupDetails"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"joinApprovalMode"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUserId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<GroupQuery, GroupQueryVariables>;
export const GroupsByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupsByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupsByIds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"totalParticipantCount"}}]}}]}}]} as unknown as DocumentNode<GroupsByIdsQuery, GroupsByIdsQueryVariables>;
export const GroupsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumberId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"phoneNumberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumberId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<GroupsPageQuery, GroupsPageQueryVariables>;