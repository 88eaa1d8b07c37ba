import { SANDBOX_PHONE_A } from '../../helpers/constants';
import { callSandboxGraphApi } from '../../helpers/sandbox-graph-api';
import { groupsOf } from '../../helpers/secure-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const GROUP = 'query Group($id: ID!) { group(id: $id) { id subject participants { waId } } }';

/** A Graph batch request: `POST /<version>/`. */
const BATCH_CALL = /^POST \/v\d+\.\d+\/$/;

/** What the sandbox was asked since the last reset, as `METHOD path`. */
const upstreamCalls = (t: TestGateway): string[] => t.sandbox.stats.requests.map((request) => `${request.method} ${request.path}`);

describe('read caches off (GROUP_CACHE_TTL_SECONDS=0)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { GROUP_CACHE_TTL_SECONDS: '0' } });
  });
  afterAll(() => t.dispose());

  it('has no response cache in front of Apollo, and every query reads the upstream: a change is seen by the next query, webhook or not', async () => {
    expect(t.gateway.http?.responseCache).toBeNull();
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    await t.query(GROUP, { id: groupId! });

    t.sandbox.stats.reset();
    const first = await t.query<{ group: { subject: string } }, { id: string }>(GROUP, { id: groupId! });
    const second = await t.query<{ group: { subject: string } }, { id: string }>(GROUP, { id: groupId! });
    expect(second.body).toEqual(first.body);
    // One Graph batch per query: nothing answered from a cache.
    expect(upstreamCalls(t)).toEqual([expect.stringMatching(BATCH_CALL), expect.stringMatching(BATCH_CALL)]);

    // Changed behind the gateway's back (the sandbox's own API, no webhook awaited): the next query sees it.
    await callSandboxGraphApi(t.sandbox, 'POST', `/${groupId}`, { subject: 'Seen at once' });
    const changed = await t.query<{ group: { subject: string } }, { id: string }>(GROUP, { id: groupId! });
    expect(changed.body.data?.group.subject).toBe('Seen at once');
  });
});
