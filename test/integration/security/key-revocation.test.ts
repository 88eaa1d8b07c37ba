import type { TestGateway } from '../../helpers/test-gateway';
import type { KeyFileGateway } from '../../helpers/secure-gateway';
import { bearer, groupsOf, startKeyFileGateway } from '../../helpers/secure-gateway';
import { SANDBOX_PHONE_A as PHONE_A } from '../../helpers/constants';
import { openWsClient } from '../../helpers/ws-client';

jest.setTimeout(20_000);

describe('revoking a key that holds a quiet subscription', () => {
  let keys: KeyFileGateway;
  let t: TestGateway;
  beforeAll(async () => {
    keys = await startKeyFileGateway(['admin', 'tenantA'], { MAX_SUBSCRIPTIONS_PER_KEY: '1' });
    t = keys.t;
  });
  afterAll(() => keys.dispose());
  const reloaded = (count: number): Promise<void> => keys.reloaded(count);

  it('closes its socket with 4403 without waiting for an event, and frees its subscription slot', async () => {
    const [groupId] = groupsOf(t, PHONE_A);
    t.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'stored 1' });
    t.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'stored 2' });
    await t.sandbox.webhooksIdle();
    const page = await t.query<{ groupEvents: { edges: { cursor: string }[] } }, Record<string, unknown>>('query($groupId: ID) { groupEvents(groupId: $groupId, first: 1) { edges { cursor } } }', { groupId }, { headers: bearer('admin') });
    const after = page.body.data!.groupEvents.edges[0]!.cursor;
    // Replaying from after the first stored event answers at once when the subscription is accepted.
    const replaying = 'subscription($groupId: ID, $after: String) { groupEvents(groupId: $groupId, after: $after) { id } }';

    const client = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('tenantA'), eager: true });
    const held = client.run(replaying, { groupId, after });
    expect(await held.message(0)).toMatchObject({ kind: 'next', result: { data: { groupEvents: { id: expect.any(String) } } } });

    keys.writeKeys(['admin']);
    expect(await client.closed()).toMatchObject({ code: 4403, reason: 'Forbidden: the API key was revoked or has expired' });

    // Given back, the key's one slot is free again: the revoked socket's subscription was returned.
    keys.writeKeys(['admin', 'tenantA']);
    await reloaded(2);
    const again = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('tenantA'), eager: true });
    expect(await again.run(replaying, { groupId, after }).message(0)).toMatchObject({ kind: 'next', result: { data: { groupEvents: { id: expect.any(String) } } } });
    await Promise.all([client.dispose(), again.dispose()]);
  });
});
