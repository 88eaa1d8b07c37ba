import Redis from 'ioredis';
import { SANDBOX_PHONE_A } from '../../helpers/constants';
import { executionsOf, readCachesOf } from '../../helpers/read-caches';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { callSandboxGraphApi } from '../../helpers/sandbox-graph-api';
import { groupsOf } from '../../helpers/secure-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

/** Every command Redis receives whose arguments mention `needle`, between start() and the marker stop() sends. */
async function watchRedisCommands(needle: string): Promise<{ stop(): Promise<string[][]> }> {
  // monitor() opens a connection of its own: the client it came from is closed with it.
  const base = new Redis(testRedisUrl());
  const monitor = await base.monitor();
  const seen: string[][] = [];
  const marker = `l1-test-marker-${needle}`;
  let markerSeen: () => void = () => undefined;
  const markerArrived = new Promise<void>((resolve) => (markerSeen = resolve));
  monitor.on('monitor', (_time: string, args: string[]) => {
    if (args.includes(marker)) markerSeen();
    else if (args.some((arg) => arg.includes(needle))) seen.push(args);
  });
  return {
    async stop() {
      const client = new Redis(testRedisUrl());
      await client.echo(marker);
      await markerArrived;
      await client.quit();
      monitor.disconnect();
      base.disconnect();
      return seen;
    },
  };
}

describe('group metadata L1: a warm group needs no Redis round trip', () => {
  const prefix = uniquePrefix('group-l1');
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix } });
  });
  afterAll(async () => {
    await t.dispose();
    await createTestRedis(prefix).dispose();
  });

  it('a response cache miss for a group this instance read lately reads it from memory: no Redis command, no upstream call', async () => {
    const groupId = groupsOf(t, SANDBOX_PHONE_A)[0]!;
    await t.query('query Full($id: ID!) { group(id: $id) { id subject participants { waId } } }', { id: groupId });
    const l1 = readCachesOf(t.gateway).groupL1!;
    const hits = l1.stats.hits;
    const executions = executionsOf(t.gateway);
    t.sandbox.stats.reset();

    const watch = await watchRedisCommands(`${prefix}group-cache`);
    const other = await t.query<{ group: { subject: string } }, { id: string }>('query Subject($id: ID!) { group(id: $id) { subject } }', { id: groupId });
    const commands = await watch.stop();

    expect(other.body.data?.group.subject).toBe(t.sandbox.control.group(groupId)!.subject);
    expect(executionsOf(t.gateway)).toBe(executions + 1); // another document: the response cache missed
    expect(l1.stats.hits).toBe(hits + 1);
    expect(commands).toEqual([]);
    expect(t.sandbox.stats.requests).toEqual([]);
  });

  it('a webhook drops the group from the L1 before its 200: the next read goes to Redis and the Groups API, and is fresh', async () => {
    const groupId = groupsOf(t, SANDBOX_PHONE_A)[1]!;
    await t.query('query Full($id: ID!) { group(id: $id) { id subject participants { waId } } }', { id: groupId });
    await callSandboxGraphApi(t.sandbox, 'POST', `/${groupId}`, { subject: 'Renamed under the L1' });
    await t.sandbox.webhooksIdle();
    const watch = await watchRedisCommands(`${prefix}group-cache`);
    const after = await t.query<{ group: { subject: string } }, { id: string }>('query Subject($id: ID!) { group(id: $id) { subject } }', { id: groupId });
    const commands = await watch.stop();
    expect(after.body.data?.group.subject).toBe('Renamed under the L1');
    expect(commands.map((args) => args[0]?.toLowerCase())).toContain('mget');
  });
});
