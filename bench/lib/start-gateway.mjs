// Child process: the gateway as built for production (dist/), configured from the environment like dist/main.js.
import 'reflect-metadata';
import { loadConfig } from '../../dist/config/config.js';
import { createGateway } from '../../dist/gateway.js';
import { createLogger } from '../../dist/lib/logger.js';
import { createProfiler, measureProcess, serveParent } from './child-process.mjs';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, name: 'bench-gateway' });
const gateway = createGateway({ config, logger });
const { url, graphqlUrl } = await gateway.start();
const sandbox = gateway.sandbox;
if (sandbox === null) throw new Error('bench: the gateway must run in sandbox mode (unset GRAPH_API_URL and WHATSAPP_ACCESS_TOKEN)');

const profiler = createProfiler();
serveParent({
  ready: { url, graphqlUrl, sandboxUrl: sandbox.url, phoneNumberIds: config.sandbox.phoneNumberIds, events: gateway.events.kind, batch: config.upstream.batch },
  methods: {
    upstreamRequests: () => sandbox.stats.requests.length,
    upstreamPaths: () => sandbox.stats.requests.map((request) => `${request.method} ${request.path}`),
    resetUpstreamStats: () => (sandbox.stats.reset(), true),
    seedGroups: ({ phoneNumberId, count, participants }) => sandbox.control.seedGroups(phoneNumberId, count, { participants, subjectPrefix: 'Bench group' }),
    ingressStats: () => gateway.ingress.stats,
    measure: () => measureProcess(),
    startProfile: (params) => profiler.start(params),
    stopProfile: () => profiler.stop(),
  },
  onStop: () => gateway.stop(),
});
