import { participantJoinedDelivery, postMeta } from './meta-deliveries';

/** Reads a group's stored events over HTTP (Query.groupEvents, every page of 100: pages of large events stay small), oldest first. */
export async function storedEvents(graphqlUrl: string, groupId: string, after: string | null = null): Promise<{ id: string; cursor: string }[]> {
  const events: { id: string; cursor: string }[] = [];
  for (let cursor = after; ; ) {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query Log($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after, first: 100) { nodes { id cursor } pageInfo { hasNextPage endCursor } } }',
        variables: { groupId, after: cursor },
      }),
    });
    type Page = { nodes: { id: string; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const body = (await response.json()) as { data?: { groupEvents: Page }; errors?: unknown };
    if (body.data === undefined || body.errors !== undefined) throw new Error(`Query.groupEvents failed: ${JSON.stringify(body)}`);
    events.push(...body.data.groupEvents.nodes);
    if (!body.data.groupEvents.pageInfo.hasNextPage) return events;
    cursor = body.data.groupEvents.pageInfo.endCursor;
  }
}

let markers = 0;

/**
 * A cursor for starting a group's subscription "now" without a race: stores a marker event (a join by a made-up
 * number) in the group and returns its cursor. A cursor continues its own stream only, so each group needs its own.
 */
export async function markerCursor(gateway: { url: string; graphqlUrl: string }, groupId: string): Promise<string> {
  const marker = participantJoinedDelivery({ groupId, waId: String(15_559_000_000 + ++markers), timestamp: 1_755_540_000 + markers });
  const response = await postMeta(gateway.url, marker.body);
  if (response.status !== 200) throw new Error(`markerCursor: the marker delivery was answered ${response.status}`);
  const events = await storedEvents(gateway.graphqlUrl, groupId);
  const last = events[events.length - 1];
  if (last === undefined) throw new Error(`markerCursor: group ${groupId} has no stored event after its marker`);
  return last.cursor;
}
