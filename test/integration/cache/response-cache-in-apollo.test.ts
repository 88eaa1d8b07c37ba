import { SANDBOX_PHONE_A } from '../../helpers/constants';
import { executionsOf, invalidatesGroup, nextResponseCacheChange } from '../../helpers/read-caches';
import { callSandboxGraphApi } from '../../helpers/sandbox-graph-api';
import { groupsOf } from '../../helpers/secure-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const GROUP = 'query Group($id: ID!) { group(id: $id) { id subject } }';

/**
 * The bench-only variant (BENCHMARKS.md, issue 14): hits answered from an Apollo plugin's responseForOperation
 * instead of before Apollo. It must answer what the fast path answers, run nothing for a hit, and stay fresh.
 */
describe('response cache answered in Apollo (responseForOperation)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ responseCacheAnswerAt: 'in-apollo' });
  });
  afterAll(() => t.dispose());

  it('a hit runs no execution and answers the stored data; an event drops it', async () => {
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    const first = await t.query(GROUP, { id: groupId! });
    const executions = executionsOf(t.gateway);
    const upstreamCalls = t.sandbox.stats.requests.length;
    const again = await t.query(GROUP, { id: groupId! });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect(executionsOf(t.gateway)).toBe(executions);
    expect(t.sandbox.stats.requests.length).toBe(upstreamCalls);

    const invalidated = nextResponseCacheChange(t.gateway, invalidatesGroup(groupId!));
    await callSandboxGraphApi(t.sandbox, 'POST', `/${groupId}`, { subject: 'Renamed in Apollo' });
    await invalidated;
    expect((await t.query(GROUP, { id: groupId! })).body).toMatchObject({ data: { group: { subject: 'Renamed in Apollo' } } });
    expect(executionsOf(t.gateway)).toBe(executions + 1);
    // The refilled answer is a hit again, not stored without tags.
    await t.query(GROUP, { id: groupId! });
    expect(executionsOf(t.gateway)).toBe(executions + 1);
  });
});
