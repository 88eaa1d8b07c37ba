import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createSilentLogger } from '../../../src/lib/logger';
import type { WsConnectionInfo, WsServer, WsServerOptions } from '../../../src/server/ws-server';
import { createWsServer } from '../../../src/server/ws-server';
import { makeEvent } from '../../helpers/events';
import type { GraphHarness, TestContext } from '../../helpers/events-schema-harness';
import { createGraphHarness, RETENTION_SECONDS } from '../../helpers/events-schema-harness';
import type { ProtocolMessage } from '../../helpers/raw-ws-client';
import { connectAcked, connectRaw } from '../../helpers/raw-ws-client';

const LIVE = 'subscription Live($after: String) { groupEvents(groupId: "g1", after: $after) { id __typename } }';

describe('createWsServer (graphql-transport-ws over a real HTTP server)', () => {
  let h: GraphHarness;
  let http: Server;
  let ws: WsServer;
  let url: string;
  let connections: WsConnectionInfo[];
  let contextOverrides: Partial<TestContext>;

  async function start(options: Partial<WsServerOptions<TestContext>> = {}, queueLimit = 100): Promise<void> {
    h = await createGraphHarness({ queueLimit });
    http = createServer((_request, response) => response.writeHead(404).end());
    connections = [];
    contextOverrides = {};
    ws = createWsServer<TestContext>({
      httpServer: http,
      path: '/graphql',
      schema: h.schema,
      createContext: async (connection) => {
        connections.push(connection);
        return h.context(contextOverrides);
      },
      logger: createSilentLogger(),
      connectionInitWaitTimeoutMs: 3_000,
      keepAliveMs: 60_000,
      ...options,
    });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  }

  afterEach(async () => {
    await ws.dispose();
    http.close();
    await once(http, 'close');
    await h.dispose();
  });

  it('streams subscription events and passes the connection_init payload to the context', async () => {
    await start();
    const client = await connectAcked(url, { authorization: 'Bearer k1' });
    expect(client.socket.protocol).toBe('graphql-transport-ws');
    client.send({ id: '1', type: 'subscribe', payload: { query: LIVE } });
    await h.tracked.whenListeners(1);
    const stored = await h.append(makeEvent({ groupId: 'g1' }), makeEvent({ groupId: 'g1', type: 'GROUP_DELETED' }));

    expect(await client.next()).toEqual({ id: '1', type: 'next', payload: { data: { groupEvents: { id: stored[0].id, __typename: 'ParticipantsAddedEvent' } } } });
    expect(await client.next()).toEqual({ id: '1', type: 'next', payload: { data: { groupEvents: { id: stored[1].id, __typename: 'GroupDeletedEvent' } } } });
    expect(connections).toHaveLength(1);
    expect(connections[0].connectionParams).toEqual({ authorization: 'Bearer k1' });
    expect(connections[0].request.url).toBe('/graphql');
    expect(ws.stats()).toMatchObject({ sockets: 1, subscriptions: 1, starting: 0 });

    client.send({ id: '1', type: 'complete' });
    await h.tracked.whenListeners(0);
    client.close();
    await client.closed;
  });

  it('ends a subscriber that falls behind with a next carrying SUBSCRIBER_TOO_SLOW, then complete', async () => {
    await start({}, 1);
    const client = await connectAcked(url);
    client.send({ id: 's', type: 'subscribe', payload: { query: LIVE } });
    await h.tracked.whenListeners(1);
    // One append delivers all three messages to the stream in one go: more than the queue limit of 1 waits.
    const stored = await h.append(makeEvent({ groupId: 'g1' }), makeEvent({ groupId: 'g1' }), makeEvent({ groupId: 'g1' }));

    const messages: ProtocolMessage[] = [];
    for (let message = await client.next(); ; message = await client.next()) {
      messages.push(message);
      if (message.type === 'complete' || message.type === 'error') break;
    }

    // Whether the first event was pulled before the others arrived depends on timing; the shape never does:
    // data messages in order, then one `next` with the error naming the last delivered cursor, then `complete`.
    const data = messages.slice(0, -2);
    const [failure, complete] = messages.slice(-2);
    expect(data.map((m) => m.payload)).toEqual(stored.slice(0, data.length).map((e) => ({ data: { groupEvents: { id: e.id, __typename: 'ParticipantsAddedEvent' } } })));
    expect(data.length).toBeLessThan(2);
    expect(failure).toMatchObject({
      id: 's',
      type: 'next',
      payload: {
        data: null,
        errors: [{ path: ['groupEvents'], extensions: { code: 'SUBSCRIBER_TOO_SLOW', resumeAfter: data.length === 0 ? null : stored[0].cursor, queueLimit: 1 } }],
      },
    });
    expect(complete).toEqual({ id: 's', type: 'complete' });
    await h.tracked.whenListeners(0);
    client.close();
  });

  it('answers a cursor past retention with a next carrying CURSOR_EXPIRED, then complete', async () => {
    await start();
    const [old] = await h.append(makeEvent({ groupId: 'g1' }));
    h.clock.advance(RETENTION_SECONDS * 1000 + 1);
    const client = await connectAcked(url);
    client.send({ id: 'e', type: 'subscribe', payload: { query: LIVE, variables: { after: old.cursor } } });

    const first = await client.next();
    const second = await client.next();

    expect(first).toMatchObject({ id: 'e', type: 'next', payload: { errors: [{ extensions: { code: 'CURSOR_EXPIRED', argumentName: 'after' } }] } });
    expect(second).toEqual({ id: 'e', type: 'complete' });
    expect(h.tracked.activeListeners()).toBe(0);
    client.close();
  });

  it('reports invalid documents with an error message and the Apollo codes', async () => {
    await start();
    const client = await connectAcked(url);
    client.send({ id: 'p', type: 'subscribe', payload: { query: 'subscription {' } });
    client.send({ id: 'v', type: 'subscribe', payload: { query: 'subscription { groupEvents { nope } }' } });

    const replies = [await client.next(), await client.next()];

    expect(replies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'p', type: 'error', payload: [expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] }),
        expect.objectContaining({ id: 'v', type: 'error', payload: [expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] }),
      ]),
    );
    client.close();
  });

  it('runs queries over the socket too, masking unexpected errors like the HTTP endpoint', async () => {
    await start();
    const stored = await h.append(makeEvent({ groupId: 'g1' }));
    const client = await connectAcked(url);
    client.send({ id: 'q', type: 'subscribe', payload: { query: '{ groupEvents(first: 5) { nodes { id } pageInfo { hasNextPage } } }' } });
    expect(await client.next()).toEqual({ id: 'q', type: 'next', payload: { data: { groupEvents: { nodes: [{ id: stored[0].id }], pageInfo: { hasNextPage: false } } } } });
    expect(await client.next()).toEqual({ id: 'q', type: 'complete' });

    const { loaders } = await h.context();
    contextOverrides = {
      loaders: {
        group: { ...loaders.group, load: async () => Promise.reject(new Error('secret connection string')) },
        groupPages: loaders.groupPages,
        inviteLink: loaders.inviteLink,
        joinRequests: loaders.joinRequests,
        phoneNumbers: loaders.phoneNumbers,
      },
    };
    client.send({ id: 'm', type: 'subscribe', payload: { query: '{ groupEvents { nodes { group { subject } } } }' } });
    const masked = await client.next();

    expect(masked).toMatchObject({ id: 'm', type: 'next', payload: { data: { groupEvents: { nodes: [{ group: null }] } } } });
    expect((masked.payload as { errors: unknown[] }).errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 25 }], path: ['groupEvents', 'nodes', 0, 'group'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    client.close();
  });

  it('refuses the connection when onConnect says no (4403), and answers other paths 404', async () => {
    const seen: Record<string, unknown>[] = [];
    await start({
      onConnect: async (params) => {
        seen.push({ ...params });
        return params.apiKey === 'good' ? { welcome: true } : false;
      },
    });
    const refused = await connectRaw(url);
    refused.send({ type: 'connection_init', payload: { apiKey: 'bad' } });
    expect(await refused.closed).toEqual({ code: 4403, reason: 'Forbidden' });

    const accepted = await connectRaw(url);
    accepted.send({ type: 'connection_init', payload: { apiKey: 'good' } });
    expect(await accepted.next()).toEqual({ type: 'connection_ack', payload: { welcome: true } });
    expect(seen).toEqual([{ apiKey: 'bad' }, { apiKey: 'good' }]);
    accepted.close();

    await expect(connectRaw(url.replace('/graphql', '/elsewhere'))).rejects.toThrow(/404/);
  });

  it('answers an upgrade that admitUpgrade refuses with its status, before any socket opens', async () => {
    const origins: (string | undefined)[] = [];
    await start({
      admitUpgrade: (request) => {
        origins.push(request.headers.origin);
        return request.headers.origin === 'https://app.example' ? null : { status: 403, reason: 'Forbidden' };
      },
    });

    await expect(connectRaw(url, 'graphql-transport-ws', { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    expect(ws.stats()).toMatchObject({ sockets: 0 });
    const admitted = await connectRaw(url, 'graphql-transport-ws', { origin: 'https://app.example' });
    admitted.send({ type: 'connection_init' });
    expect(await admitted.next()).toEqual({ type: 'connection_ack' });
    expect(origins).toEqual(['https://evil.example', 'https://app.example']);
    admitted.close();
    await admitted.closed;
  });

  it('logs a socket error (a message over maxPayloadBytes) to the gateway log, not the console, and closes the socket', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const consoleError = jest.spyOn(console, 'error');
    try {
      await start({ logger: pino({ level: 'warn' }, sink), maxPayloadBytes: 1024 });
      const client = await connectAcked(url);
      client.socket.send('x'.repeat(2048));

      expect(await client.closed).toEqual({ code: 1009, reason: '' });
      expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'WebSocket error; closing the connection', err: expect.objectContaining({ message: 'Max payload size exceeded' }) })]);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });

  it('pings sockets and cuts the ones that stop answering, keeping the live ones', async () => {
    await start({ keepAliveMs: 40 });
    const silent = await connectAcked(url);
    const healthy = await connectAcked(url);
    // A paused socket reads nothing, so it never answers a ping: a half-open connection.
    silent.socket.pause();

    // Tick 1 pings both; tick 2 finds the silent one unanswered, cuts it, and pings the healthy one again.
    await once(healthy.socket, 'ping');
    await once(healthy.socket, 'ping');
    silent.socket.resume();

    expect((await silent.closed).code).toBe(1006);
    expect(healthy.socket.readyState).toBe(healthy.socket.OPEN);
    healthy.close();
    await healthy.closed;
  });

  it('dispose() closes every socket with 1001 and resolves after their subscriptions were returned', async () => {
    await start();
    const clients = await Promise.all([connectAcked(url), connectAcked(url)]);
    clients.forEach((client, i) => client.send({ id: `d${i}`, type: 'subscribe', payload: { query: LIVE } }));
    await h.tracked.whenListeners(2);

    await ws.dispose();

    expect(await Promise.all(clients.map((client) => client.closed))).toEqual([
      { code: 1001, reason: 'Going away' },
      { code: 1001, reason: 'Going away' },
    ]);
    expect(ws.stats()).toMatchObject({ sockets: 0, subscriptions: 0, starting: 0 });
    expect(h.tracked.activeListeners()).toBe(0);
    await expect(connectRaw(url)).rejects.toThrow();
    await ws.dispose(); // idempotent
  });
});
