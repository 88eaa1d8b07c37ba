// Child process: the Groups API sandbox alone (as `npm run sandbox` runs it), so that a gateway in upstream mode over
// it is measured without the emulator's CPU time in its own process. Same build as the gateway (BENCH_DIST).
import { pathToFileURL } from 'node:url';
import { measureProcess, serveParent } from './child-process.mjs';

const dist = process.env.BENCH_DIST ? pathToFileURL(`${process.env.BENCH_DIST.replace(/\/+$/, '')}/`) : new URL('../../dist/', import.meta.url);
const { loadConfig } = await import(new URL('config/config.js', dist).href);
const { createSandbox } = await import(new URL('sandbox/sandbox.js', dist).href);

const config = loadConfig(process.env, { program: 'sandbox' });
const settings = config.sandbox;
const sandbox = createSandbox({
  host: '127.0.0.1',
  port: 0,
  apiVersion: config.upstream.apiVersion,
  accessToken: settings.accessToken,
  appSecret: settings.appSecret,
  phoneNumberIds: settings.phoneNumberIds,
  webhookUrl: null,
});
const { url } = await sandbox.start();

serveParent({
  ready: { sandboxUrl: url, phoneNumberIds: settings.phoneNumberIds, accessToken: settings.accessToken, appSecret: settings.appSecret },
  methods: {
    upstreamRequests: () => sandbox.stats.requests.length,
    upstreamPaths: () => sandbox.stats.requests.map((request) => `${request.method} ${request.path}`),
    resetUpstreamStats: () => (sandbox.stats.reset(), true),
    seedGroups: ({ phoneNumberId, count, participants }) => sandbox.control.seedGroups(phoneNumberId, count, { participants, subjectPrefix: 'Bench group' }),
    setWebhookUrl: ({ url: target }) => (sandbox.setWebhookUrl(target), true),
    measure: () => measureProcess(),
    cpuUsage: () => process.cpuUsage(),
  },
  onStop: () => sandbox.dispose(),
});
