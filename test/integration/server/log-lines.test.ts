import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '../../../src/config/config';
import type { Gateway } from '../../../src/gateway';
import { createGateway } from '../../../src/gateway';
import { testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { TcpProxy } from '../../helpers/tcp-proxy';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const completed = (t: TestGateway, requestId: string): Promise<Record<string, unknown>> =>
  t.waitForLog((line) => line.msg === 'request completed' && line.requestId === requestId);

describe('the "request completed" line', () => {
  let t: TestGateway;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    groupId = t.sandbox.control.state().groups[0]!.id;
  });
  afterAll(() => t.dispose());

  it('carries the operation name and type of queries and mutations', async () => {
    await t.query('query GroupSubject($id: ID!) { group(id: $id) { subject } }', { id: groupId }, { headers: { 'x-request-id': 'log-query' } });
    expect(await completed(t, 'log-query')).toMatchObject({ method: 'POST', url: '/graphql', operationName: 'GroupSubject', operationType: 'query', statusCode: 200 });

    const mutation = 'mutation Reset($i: ResetInviteLinkInput!) { resetInviteLink(input: $i) { inviteLink } }';
    await t.query(mutation, { i: { groupId } }, { headers: { 'x-request-id': 'log-mutation' } });
    expect(await completed(t, 'log-mutation')).toMatchObject({ operationName: 'Reset', operationType: 'mutation', statusCode: 200 });
  });

  it('has the type but no name for an anonymous operation, and the requested name of a document that does not parse', async () => {
    await t.query('{ groups(first: 1) { edges { cursor } } }', {}, { headers: { 'x-request-id': 'log-anonymous' } });
    const anonymous = await completed(t, 'log-anonymous');
    expect(anonymous).toMatchObject({ operationType: 'query', statusCode: 200 });
    expect(anonymous).not.toHaveProperty('operationName');

    const response = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-broken' },
      body: JSON.stringify({ query: 'query Broken { group(', operationName: 'Broken' }),
    });
    expect(response.status).toBe(400);
    const broken = await completed(t, 'log-broken');
    expect(broken).toMatchObject({ operationName: 'Broken', statusCode: 400 });
    expect(broken).not.toHaveProperty('operationType');
  });

  it('has neither for routes that are not GraphQL', async () => {
    const response = await fetch(`${t.url}/webhooks/meta`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'log-webhook' }, body: '{}' });
    expect(response.status).toBe(401);
    const line = await completed(t, 'log-webhook');
    expect(line).not.toHaveProperty('operationName');
    expect(line).not.toHaveProperty('operationType');
  });
});

describe('Redis warnings', () => {
  let proxy: TcpProxy;
  let gateway: Gateway;
  const lines: string[] = [];
  const waiters = new Set<(line: string) => boolean>();

  beforeAll(async () => {
    const target = new URL(testRedisUrl());
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    // The raw lines: a parsed line (JSON.parse keeps the last of two equal keys) would hide a repeated key.
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter((text) => text !== '')) {
          lines.push(line);
          for (const waiter of [...waiters]) if (waiter(line)) waiters.delete(waiter);
        }
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SANDBOX_PORT: '0', REDIS_URL: proxy.url, REDIS_KEY_PREFIX: uniquePrefix('log-lines') });
    gateway = createGateway({ config, logger: pino({ level: 'info' }, sink) });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway.stop();
    await proxy.dispose();
  }, 30_000);

  it('name their part once', async () => {
    const warned = new Promise<string>((resolve) => {
      const match = (line: string): boolean => (line.includes('"msg":"Redis connection error"') ? (resolve(line), true) : false);
      const written = lines.find(match);
      if (written === undefined) waiters.add(match);
    });
    await proxy.cut();
    const line = await warned;
    expect(line.match(/"part":/g)).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ level: 40, part: 'redis', connection: expect.any(String) });
    proxy.restore();
  });
});
