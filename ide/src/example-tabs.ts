import approveJoinRequests from '../operations/approve-join-requests.graphql';
import createGroup from '../operations/create-group.graphql';
import group from '../operations/group.graphql';
import groups from '../operations/groups.graphql';
import liveGroupEvents from '../operations/live-group-events.graphql';

/** A tab GraphiQL opens with (its `defaultTabs` prop): the document, and the variables and headers as JSON text. */
export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

/** The README's example operations, one tab each; the first one runs as is. */
export const EXAMPLE_TABS: readonly ExampleTab[] = [
  { query: groups },
  { query: liveGroupEvents, variables: json({ groupId: null, after: null }) },
  { query: group, variables: json({ id: '<a group id from the Groups tab>' }) },
  { query: createGroup, variables: json({ input: { subject: 'Book Club', joinApprovalMode: 'APPROVAL_REQUIRED', idempotencyKey: 'book-club-1', awaitCompletion: true } }) },
  { query: approveJoinRequests, variables: json({ input: { groupId: '<group id>', joinRequestIds: ['<join request id>'] } }) },
];

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
