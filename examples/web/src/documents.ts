import { graphql } from './gql';

/*
 * Every operation the app sends, typed by GraphQL Code Generator's client preset (`npm run codegen` writes ./gql from
 * schema/schema.graphql and these documents; a unit test fails while it is stale).
 */

export const GROUPS_PAGE = graphql(`
  query WebGroupsPage($phoneNumberId: ID, $first: Int!, $after: String) {
    groups(phoneNumberId: $phoneNumberId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          subject
          joinApprovalMode
          totalParticipantCount
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const GROUP_DETAIL = graphql(`
  query WebGroupDetail($id: ID!) {
    group(id: $id) {
      ...WebGroupDetail
    }
  }

  fragment WebGroupDetail on Group {
    id
    subject
    description
    suspended
    joinApprovalMode
    totalParticipantCount
    inviteLink
    participants {
      waId
      userId
      username
    }
    joinRequests(first: 50) {
      edges {
        node {
          id
          waId
          userId
          username
          createdAt
        }
      }
    }
  }
`);

/** The payload's `group` is read after the write: Apollo's cache updates the open group's view from it. */
export const APPROVE_JOIN_REQUEST = graphql(`
  mutation WebApproveJoinRequest($input: JoinRequestsInput!) {
    approveJoinRequests(input: $input) {
      succeededJoinRequestIds
      failedJoinRequests {
        joinRequestId
        errors {
          code
          message
        }
      }
      group {
        ...WebGroupDetail
      }
    }
  }
`);

export const REJECT_JOIN_REQUEST = graphql(`
  mutation WebRejectJoinRequest($input: JoinRequestsInput!) {
    rejectJoinRequests(input: $input) {
      succeededJoinRequestIds
      failedJoinRequests {
        joinRequestId
        errors {
          code
          message
        }
      }
      group {
        ...WebGroupDetail
      }
    }
  }
`);

export const GROUP_EVENT_FIELDS = graphql(`
  fragment WebGroupEvent on GroupEvent {
    __typename
    id
    cursor
    type
    occurredAt
    ... on ParticipantsAddedEvent {
      reason
      participants {
        waId
        username
      }
    }
    ... on ParticipantsRemovedEvent {
      initiatedBy
      participants {
        waId
        username
      }
    }
    ... on JoinRequestCreatedEvent {
      joinRequestId
      participant {
        waId
        username
      }
    }
    ... on MessageReceivedEvent {
      text
      from {
        waId
        username
      }
    }
  }
`);

/** The stored events, oldest first: read to the end once, so the subscription can start from a cursor. */
export const GROUP_EVENT_HISTORY = graphql(`
  query WebGroupEventHistory($groupId: ID!, $first: Int!, $after: String) {
    groupEvents(groupId: $groupId, first: $first, after: $after) {
      edges {
        node {
          ...WebGroupEvent
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const GROUP_EVENTS_LIVE = graphql(`
  subscription WebGroupEvents($groupId: ID!, $after: String) {
    groupEvents(groupId: $groupId, after: $after) {
      ...WebGroupEvent
    }
  }
`);
