// Child process: the baselines, each the least a server can do for the same request, measured in the same run.
import Fastify from 'fastify';
import { WebSocketServer } from 'ws';
import { createProfiler, measureProcess, serveParent } from './child-process.mjs';
import { createLoopMonitor } from './loop-monitor.mjs';

const fastify = Fastify({ logger: false });
let answer = { bytes: Buffer.from('{}'), contentType: 'application/json; charset=utf-8' };

// Same request (JSON body parsed by Fastify), same answer bytes as the gateway, nothing in between.
fastify.post('/graphql', async (_request, reply) => reply.type(answer.contentType).send(answer.bytes));
// Reads the raw body and answers 200, as a webhook receiver that does nothing with it would (own context, like
// the gateway's raw-body route, so /graphql keeps Fastify's JSON parser).
void fastify.register(async (scope) => {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 4 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  scope.post('/webhook', async (_request, reply) => reply.code(200).type('application/json; charset=utf-8').send('{"received":1,"stored":1,"duplicates":0}'));
  // The exact message to send to every socket.
  scope.post('/broadcast', async (request, reply) => {
    const message = request.body.toString('utf8');
    for (const ws of wss.clients) ws.send(message);
    return reply.code(200).type('application/json; charset=utf-8').send(`{"sent":${wss.clients.size}}`);
  });
});

// Raw `ws` broadcast target.
const wss = new WebSocketServer({ noServer: true, clientTracking: true });
fastify.server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => ws.on('error', () => ws.terminate())));

const url = await fastify.listen({ host: '127.0.0.1', port: 0 });
const loop = createLoopMonitor();
const profiler = createProfiler('baseline');
serveParent({
  ready: { url },
  methods: {
    setAnswer: ({ body, contentType }) => {
      answer = { bytes: Buffer.from(body, 'utf8'), contentType };
      return true;
    },
    sockets: () => wss.clients.size,
    measure: () => measureProcess(),
    // Event-loop lag, GC pauses and CPU over a measured window (the fan-out scenarios print them with each latency).
    loopStart: () => loop.start(),
    loopStop: () => loop.stop(),
    startProfile: (params) => profiler.start(params),
    stopProfile: () => profiler.stop(),
    cpuUsage: () => process.cpuUsage(),
  },
  onStop: async () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    await fastify.close();
  },
});
