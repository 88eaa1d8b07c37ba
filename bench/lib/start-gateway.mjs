// Child process: the gateway as built for production (dist/), configured from the environment like dist/main.js.
// BENCH_DIST points at another build (e.g. of an earlier commit) to measure before/after with the same bench.
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { createProfiler, measureProcess, serveParent } from './child-process.mjs';
import { createLoopMonitor } from './loop-monitor.mjs';

const dist = process.env.BENCH_DIST ? pathToFileURL(`${process.env.BENCH_DIST.replace(/\/+$/, '')}/`) : new URL('../../dist/', import.meta.url);
const { loadConfig } = await import(new URL('config/config.js', dist).href);
const { createGateway } = await import(new URL('gateway.js', dist).href);
const { createLogger } = await import(new URL('lib/logger.js', dist).href);

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, name: 'bench-gateway' });
// BENCH_RESPONSE_CACHE_AT=in-apollo: hits answered from an Apollo plugin instead of before Apollo (scenario 1 compares them).
const answerAt = process.env.BENCH_RESPONSE_CACHE_AT;
const gateway = createGateway({ config, logger, ...(answerAt ? { responseCacheAnswerAt: answerAt } : {}) });
const { url, graphqlUrl } = await gateway.start();
// Sandbox mode unless BENCH_PEER says this is a second instance in upstream mode over another one's sandbox.
const sandbox = gateway.sandbox;
// Scenario 10 points the gateway at an upstream of its own (BENCH_EXPECT_UPSTREAM=on), and scenario 12's second
// instance at the first one's sandbox (BENCH_PEER=on); every other one at its embedded sandbox.
const expectUpstream = process.env.BENCH_EXPECT_UPSTREAM === 'on' || process.env.BENCH_PEER === 'on';
if (sandbox === null && !expectUpstream) throw new Error('bench: the gateway must run in sandbox mode (unset GRAPH_API_URL and WHATSAPP_ACCESS_TOKEN)');
const needSandbox = () => {
  if (sandbox === null) throw new Error('bench: this instance has no sandbox (BENCH_PEER=on or BENCH_EXPECT_UPSTREAM=on)');
  return sandbox;
};

const profiler = createProfiler();
const loop = createLoopMonitor();
serveParent({
  ready: { url, graphqlUrl, sandboxUrl: sandbox?.url ?? null, phoneNumberIds: config.sandbox.phoneNumberIds, events: gateway.events.kind, batch: config.upstream.batch },
  methods: {
    upstreamRequests: () => needSandbox().stats.requests.length,
    upstreamPaths: () => needSandbox().stats.requests.map((request) => `${request.method} ${request.path}`),
    resetUpstreamStats: () => (needSandbox().stats.reset(), true),
    seedGroups: ({ phoneNumberId, count, participants }) => needSandbox().control.seedGroups(phoneNumberId, count, { participants, subjectPrefix: 'Bench group' }),
    setWebhookUrl: ({ url: target }) => (needSandbox().setWebhookUrl(target), true),
    executions: () => gateway.http?.responseCache?.stats.executions ?? null,
    ingressStats: () => gateway.ingress.stats,
    wsStats: () => gateway.ws.stats(),
    sseStats: () => gateway.sse?.stats() ?? null,
    redisStatus: () => ({ commands: gateway.events.redis?.commands.status ?? null, subscriber: gateway.events.redis?.subscriber.status ?? null }),
    measure: () => measureProcess(),
    // Event-loop lag, GC pauses and CPU over a measured window (the fan-out scenarios print them with each latency).
    loopStart: () => loop.start(),
    loopStop: () => loop.stop(),
    cpuUsage: () => process.cpuUsage(),
    startProfile: (params) => profiler.start(params),
    stopProfile: () => profiler.stop(),
  },
  onStop: () => gateway.stop(),
});
