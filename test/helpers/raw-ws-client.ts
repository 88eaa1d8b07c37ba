import WebSocket from 'ws';

export interface ProtocolMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A graphql-transport-ws client at the message level: tests assert the exact messages the server sends. */
export interface RawWsClient {
  socket: WebSocket;
  send(message: ProtocolMessage): void;
  /** The next message from the server (in order). */
  next(): Promise<ProtocolMessage>;
  /** Resolves with the close code and reason once the socket closed. */
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function connectRaw(url: string, protocol = 'graphql-transport-ws', headers: Record<string, string> = {}): Promise<RawWsClient> {
  const socket = new WebSocket(url, protocol, { headers });
  const inbox: ProtocolMessage[] = [];
  const waiting: ((message: ProtocolMessage) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ProtocolMessage;
    const waiter = waiting.shift();
    if (waiter === undefined) inbox.push(message);
    else waiter(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) }));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    send: (message) => socket.send(JSON.stringify(message)),
    next: () =>
      new Promise((resolve) => {
        const message = inbox.shift();
        if (message === undefined) waiting.push(resolve);
        else resolve(message);
      }),
    closed,
    close: () => socket.close(),
  };
}

/** Connects and completes connection_init / connection_ack. */
export async function connectAcked(url: string, payload: Record<string, unknown> = {}): Promise<RawWsClient> {
  const client = await connectRaw(url);
  client.send({ type: 'connection_init', payload });
  const ack = await client.next();
  if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  return client;
}
