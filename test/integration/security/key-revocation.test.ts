import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { apiKeyLines, bearer, groupsOf } from '../../helpers/secure-gateway';
import { SANDBOX_PHONE_A as PHONE_A } from '../../helpers/constants';
import { openWsClient } from '../../helpers/ws-client';

jest.setTimeout(20_000);

describe('revoking a key that holds a quiet subscription', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wgg-revoke-'));
  const file = join(dir, 'api-keys.jsonl');
  let t: TestGateway;
  beforeAll(async () => {
    writeFileSync(file, `${apiKeyLines(['admin', 'tenantA'])}\n`);
    t = await startTestGateway({ env: { GATEWAY_AUTH: 'on', GATEWAY_API_KEYS_FILE: file, GATEWAY_API_KEYS_RELOAD_MS: '100', MAX_SUBSCRIPTIONS_PER_KEY: '1' } });
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function reloaded(count: number): Promise<void> {
    let seen = 0;
    await t.waitForLog((line) => line.msg === 'API keys reloaded' && ++seen === count);
  }

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

    writeFileSync(file, `${apiKeyLines(['admin'])}\n`);
    expect(await client.closed()).toMatchObject({ code: 4403, reason: 'Forbidden: the API key was revoked or has expired' });

    // Given back, the key's one slot is free again: the revoked socket's subscription was returned.
    writeFileSync(file, `${apiKeyLines(['admin', 'tenantA'])}\n`);
    await reloaded(2);
    const again = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('tenantA'), eager: true });
    expect(await again.run(replaying, { groupId, after }).message(0)).toMatchObject({ kind: 'next', result: { data: { groupEvents: { id: expect.any(String) } } } });
    await Promise.all([client.dispose(), again.dispose()]);
  });
});
