import WebSocket from 'ws';

const PROTOCOL = 'graphql-transport-ws';
/** Connections opened at once; more only fills the listen backlog. */
const OPEN_CONCURRENCY = 200;

/**
 * Many WebSocket clients kept cheap: raw `ws`, no JSON parsing of `next` frames (the caller gets the raw Buffer),
 * so the client process spends its time receiving, not decoding. `graphql: true` speaks graphql-transport-ws
 * (connection_init → ack, subscribe, complete); otherwise the sockets only receive (the raw broadcast baseline).
 */
export async function openClients({ url, count, graphql, onFrame }) {
  const sockets = [];
  let opened = 0;
  const openOne = () =>
    new Promise((resolve, reject) => {
      // No UTF-8 validation of received text: the bench reads only ASCII digits from each frame (same for both servers).
      const options = { perMessageDeflate: false, skipUTF8Validation: true };
      const socket = graphql ? new WebSocket(url, PROTOCOL, options) : new WebSocket(url, options);
      const fail = (error) => reject(error instanceof Error ? error : new Error(String(error)));
      socket.once('error', fail);
      socket.once('unexpected-response', (_request, response) => fail(new Error(`WebSocket upgrade answered ${response.statusCode}`)));
      socket.once('open', () => {
        if (!graphql) {
          socket.off('error', fail);
          socket.on('message', onFrame);
          return resolve(socket);
        }
        socket.send('{"type":"connection_init","payload":{}}');
        socket.once('message', (data) => {
          const message = JSON.parse(data.toString('utf8'));
          if (message.type !== 'connection_ack') return fail(new Error(`expected connection_ack, got ${data.toString('utf8').slice(0, 200)}`));
          socket.off('error', fail);
          socket.on('message', (frame) => {
            // The server's graphql-transport-ws ping (if any) must be answered; everything else is the caller's.
            if (frame.length < 32 && frame.toString('latin1').includes('"ping"')) socket.send('{"type":"pong"}');
            else onFrame(frame, socket);
          });
          resolve(socket);
        });
      });
    });
  const workers = Array.from({ length: Math.min(OPEN_CONCURRENCY, count) }, async () => {
    while (opened < count) {
      opened++;
      sockets.push(await openOne());
    }
  });
  await Promise.all(workers);
  return {
    sockets,
    subscribe(id, query, variables) {
      const message = JSON.stringify({ id, type: 'subscribe', payload: { query, variables } });
      for (const socket of sockets) socket.send(message);
    },
    complete(id) {
      const message = JSON.stringify({ id, type: 'complete' });
      for (const socket of sockets) socket.send(message);
    },
    /** Closes every socket and waits until each has closed. */
    async close() {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise((resolve) => {
              if (socket.readyState === WebSocket.CLOSED) return resolve();
              socket.once('close', resolve);
              socket.close(1000, 'bench done');
            }),
        ),
      );
    },
  };
}
