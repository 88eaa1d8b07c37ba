import { Agent, request } from 'node:http';

/** Streams opened at once; more only fills the listen backlog. */
const OPEN_CONCURRENCY = 200;

/**
 * Many GraphQL-over-SSE subscribers (distinct connections mode: one GET per subscription), kept cheap like the
 * WebSocket clients: each message goes to `onFrame` as a Buffer, split on the blank line, no SSE or JSON parsing.
 */
export async function openSseClients({ url, count, onFrame }) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const responses = [];
  let opened = 0;
  const openOne = () =>
    new Promise((resolve, reject) => {
      const req = request(url, { agent, headers: { accept: 'text/event-stream' } }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return reject(new Error(`SSE stream answered ${response.statusCode}`));
        }
        // One message per onFrame call: a chunk may hold several, or part of one.
        let carry = '';
        response.setEncoding('latin1');
        response.on('data', (chunk) => {
          carry += chunk;
          let end = carry.indexOf('\n\n');
          while (end !== -1) {
            if (end > 1) onFrame(Buffer.from(carry.slice(0, end), 'latin1'));
            carry = carry.slice(end + 2);
            end = carry.indexOf('\n\n');
          }
        });
        resolve(response);
      });
      req.once('error', reject);
      req.end();
    });
  const workers = Array.from({ length: Math.min(OPEN_CONCURRENCY, count) }, async () => {
    while (opened < count) {
      opened++;
      responses.push(await openOne());
    }
  });
  await Promise.all(workers);
  return {
    sockets: responses,
    async close() {
      await Promise.all(
        responses.map(
          (response) =>
            new Promise((resolve) => {
              if (response.destroyed) return resolve();
              response.once('close', resolve);
              response.destroy();
            }),
        ),
      );
      agent.destroy();
    },
  };
}
