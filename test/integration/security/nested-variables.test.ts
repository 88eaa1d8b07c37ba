import type { TestGateway } from '../../helpers/test-gateway';
import type { ProtocolMessage, RawWsClient } from '../../helpers/raw-ws-client';
import { connectAcked } from '../../helpers/raw-ws-client';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import { SANDBOX_PHONE_A as PHONE_A } from '../../helpers/constants';

jest.setTimeout(20_000);

/**
 * The request body with `ids` as `["g"]` wrapped in `levels` more lists, written as text: JSON.stringify itself
 * overflows the stack on such a value, so a client sends it as bytes.
 */
function nestedIdsRequest(levels: number, extra: Record<string, unknown> = {}): string {
  const body = JSON.stringify({ ...extra, query: BY_IDS, variables: { ids: null } });
  return body.replace('"ids":null', `"ids":${'['.repeat(levels + 1)}"g"${']'.repeat(levels + 1)}`);
}

/** The next message for operation `id`, skipping others (bounded by the test's timeout). */
async function nextFor(client: RawWsClient, id: string): Promise<ProtocolMessage> {
  for (;;) {
    const message = await client.next();
    if (message.id === id) return message;
  }
}

const BY_IDS: string = 'query($ids: [ID!]!) { groupsByIds(ids: $ids) { id } }';
const refusal = expect.objectContaining({
  message: 'Variable `$ids` nests deeper than 32 levels of lists and objects',
  extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', limit: 'variableDepth', maximum: 32 }),
});

describe('a list variable nested 100,000 deep', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway();
  });
  afterAll(() => t.dispose());

  it('answers HTTP 400 BAD_USER_INPUT without calling the upstream', async () => {
    const requests = t.sandbox.stats.requests.length;
    const response = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer('admin') }, body: nestedIdsRequest(100_000) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([refusal]);
    expect(t.sandbox.stats.requests.length).toBe(requests);
  });

  it('over WebSocket refuses that operation only: the socket and its live subscription stay open', async () => {
    const [groupId] = groupsOf(t, PHONE_A);
    t.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'before 1' });
    t.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'before 2' });
    await t.sandbox.webhooksIdle();
    const page = await t.query<{ groupEvents: { edges: { cursor: string }[] } }, Record<string, unknown>>('query($groupId: ID) { groupEvents(groupId: $groupId, first: 1) { edges { cursor } } }', { groupId }, { headers: bearer('admin') });
    const after = page.body.data!.groupEvents.edges[0]!.cursor;

    const client = await connectAcked(t.graphqlUrl.replace(/^http/, 'ws'), bearer('admin'));
    const live = { query: 'subscription($groupId: ID, $after: String) { groupEvents(groupId: $groupId, after: $after) { id } }', variables: { groupId, after } };
    client.send({ type: 'subscribe', id: 'live', payload: live });
    // The replayed event says the subscription is running.
    expect(await nextFor(client, 'live')).toMatchObject({ type: 'next', payload: { data: { groupEvents: { id: expect.any(String) } } } });

    client.socket.send(`{"type":"subscribe","id":"deep","payload":${nestedIdsRequest(100_000)}}`);
    expect(await nextFor(client, 'deep')).toEqual({ type: 'error', id: 'deep', payload: [refusal] });

    t.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'after the refusal' });
    const next = await Promise.race([nextFor(client, 'live'), client.closed]);
    expect(next).toMatchObject({ type: 'next', payload: { data: { groupEvents: { id: expect.any(String) } } } });
    client.close();
    await client.closed;
  });

  it('lets a list nested within the bound reach validation as usual', async () => {
    const response = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer('admin') }, body: nestedIdsRequest(3) });
    const { errors } = (await response.json()) as { errors: { extensions?: Record<string, unknown> }[] };
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(errors[0]?.extensions).not.toHaveProperty('limit');
  });
});
