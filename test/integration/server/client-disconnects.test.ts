import type { Socket } from 'node:net';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { SANDBOX_PHONE_A } from '../../helpers/constants';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const LIVE_TEXTS = 'subscription($after: String) { groupEvents(after: $after) { id ... on MessageReceivedEvent { text } } }';

/** Writes `request` raw, then resets the connection (RST: the server's next write fails) once `resetAfterBytes` came back. */
function resetMidResponse(url: string, request: string | Buffer, resetAfterBytes: number): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let received = 0;
    const socket: Socket = connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= resetAfterBytes && !socket.destroyed) socket.resetAndDestroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

/** Sends the headers and part of a body, then resets the connection (the client dies mid-write). */
function resetMidRequest(url: string, head: string, partialBody: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: hostname, port: Number(port) }, () => socket.write(`${head}${partialBody}`, () => socket.resetAndDestroy()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

/** A graphql-ws subscription whose TCP connection is reset after `messages` events arrived. */
function resetWebSocketMidStream(graphqlUrl: string, after: string, messages: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    let events = 0;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: LIVE_TEXTS, variables: { after } } }));
      if (message.type === 'next' && ++events === messages) (socket as unknown as { _socket: Socket })._socket.resetAndDestroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

/**
 * Clients that vanish mid-write, either way (their request half sent, or our response half written, over HTTP, SSE
 * and WebSocket), are ordinary: the gateway logs nothing at error level and no "unexpected error", and goes on serving.
 */
describe('clients that disconnect mid-write', () => {
  let t: TestGateway;
  /** The cursor of the first stored event: subscriptions after it replay the ~300 KB of history behind it. */
  let oldest: string;
  beforeAll(async () => {
    t = await startTestGateway({ env: { LOG_LEVEL: 'debug' } });
    // Enough history that a replaying subscription is still writing when its client resets.
    const group = t.sandbox.control.state().groups.find((candidate) => candidate.phoneNumberId === SANDBOX_PHONE_A)!.id;
    for (let i = 0; i < 300; i++) t.sandbox.control.sendText({ groupId: group, waId: '16505551234', text: `${i} ${'x'.repeat(1_000)}` });
    await t.sandbox.webhooksIdle();
    // Of the all-events stream: the stream the unfiltered subscriptions below resume.
    const first = await t.query<{ groupEvents: { edges: { cursor: string }[] } }>('{ groupEvents(first: 1) { edges { cursor } } }');
    oldest = first.body.data!.groupEvents.edges[0]!.cursor;
  });
  afterAll(() => t.dispose());

  it('logs no error and no "unexpected error"', async () => {
    expect(oldest).toEqual(expect.any(String));
    const big = JSON.stringify({ query: '{ groups(first: 50) { edges { node { id subject description participants { waId userId username } inviteLink } } } }' });
    const sseQuery = `${encodeURIComponent(LIVE_TEXTS)}&variables=${encodeURIComponent(JSON.stringify({ after: oldest }))}`;
    const webhookHead = 'POST /webhooks/meta HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nX-Hub-Signature-256: sha256=00\r\nContent-Length: 100000\r\n\r\n';
    const uploadHead = 'POST /graphql HTTP/1.1\r\nHost: gateway\r\napollo-require-preflight: true\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n';
    const uploadStart =
      '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"mutation($f: Upload!) { updateGroup(input: {groupId: \\"g1\\", profilePicture: $f}) { clientMutationId } }","variables":{"f":null}}\r\n' +
      '--b\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"]}\r\n--b\r\nContent-Disposition: form-data; name="0"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff';
    await Promise.all([
      ...Array.from({ length: 10 }, () => resetMidResponse(t.url, `POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n${big}`, 1)),
      ...Array.from({ length: 10 }, () => resetMidResponse(t.url, `GET /graphql/stream?query=${sseQuery} HTTP/1.1\r\nHost: gateway\r\nAccept: text/event-stream\r\n\r\n`, 50_000)),
      ...Array.from({ length: 10 }, () => resetWebSocketMidStream(t.graphqlUrl, oldest, 20)),
      ...Array.from({ length: 5 }, () => resetMidRequest(t.url, webhookHead, '{"object":"whatsapp_business_account","entry":[')),
      ...Array.from({ length: 5 }, () => resetMidRequest(t.url, uploadHead, uploadStart)),
    ]);
    // Still serving.
    const after = await t.query<{ __typename: string }>('{ __typename }');
    expect(after.body).toEqual({ data: { __typename: 'Query' } });
    const serious = t.logs.filter((line) => (line.level as number) >= 50 || /unexpected error/.test(String(line.msg)));
    expect(serious).toEqual([]);
  });
});
