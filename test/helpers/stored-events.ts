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
