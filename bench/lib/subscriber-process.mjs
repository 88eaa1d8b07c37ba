// Child process: the fan-out's subscribers (WebSocket or SSE clients). Receiving 10,000+ frames/s is the heaviest
// part of the load; here it has an event loop (and, on 2 cores, a core) of its own, apart from the server and from
// the parent that paces the webhooks, and the gateway and raw `ws` are received by exactly this code.
import { createReceiver, sharedNow } from './fan-out-receiver.mjs';
import { serveParent } from './child-process.mjs';
import { createLoopMonitor } from './loop-monitor.mjs';
import { openSseClients } from './sse-clients.mjs';
import { openClients } from './ws-clients.mjs';

let clients = null;
let receiver = null;
const monitor = createLoopMonitor();

serveParent({
  ready: { pid: process.pid },
  methods: {
    /** Opens `count` connections (kind 'ws' with or without graphql-transport-ws, or 'sse'), room for `capacity` timed frames. */
    async open({ kind, url, count, graphql, capacity }) {
      if (clients !== null) throw new Error('subscriber process: open() twice');
      receiver = createReceiver(capacity);
      const onFrame = receiver.onFrame;
      clients = kind === 'sse' ? await openSseClients({ url, count, onFrame }) : await openClients({ url, count, graphql, onFrame });
      return clients.sockets.length;
    },
    subscribe({ id, query, variables }) {
      clients.subscribe(id, query, variables);
      return true;
    },
    clock: () => sharedNow(),
    countOf: ({ sequence }) => receiver.countOf(sequence),
    startMeasuring: ({ from }) => (receiver.startMeasuring(from), monitor.start()),
    progress: () => receiver.progress(),
    sample: () => receiver.sample(),
    /** Ends the measured window: latencies against the sender's times, and this process' own loop and CPU. */
    finish: ({ sentAt }) => ({ ...receiver.latencies(sentAt), loop: monitor.stop() }),
    async close() {
      await clients?.close();
      clients = null;
      return true;
    },
  },
  onStop: async () => {
    await clients?.close();
  },
});
