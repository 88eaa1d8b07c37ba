import { createSilentLogger } from '../lib/logger';
import type { GraphDeps } from './graph-api-call';
import { dispatchGraphCall } from './graph-api-router';
import { createSandboxControl } from './sandbox-control';
import { handleControlRequest } from './sandbox-control-routes';
import { createFailureInjector } from './sandbox-failures';
import { createGraphEndpoint } from './sandbox-graph-api-endpoint';
import { createHttpListener } from './sandbox-http-listener';
import { seedDemoGroups } from './sandbox-seed';
import { createSandboxState } from './sandbox-state';
import { createStatsRecorder } from './sandbox-stats';
import { createUsageMeter } from './sandbox-usage';
import type { Sandbox, SandboxOptions } from './sandbox-types';
import { createWebhookDispatcher } from './webhook-dispatcher';

export * from './sandbox-types';

/** Room for Meta's largest upload (a 100 MB document) plus multipart framing, so an oversized file gets Meta's own error. */
const BODY_LIMIT_BYTES = 101 * 1024 * 1024;

type Phase = 'created' | 'starting' | 'started' | 'disposed';

/**
 * An emulator of Meta's Groups API over real HTTP: the same paths, bodies, answers, limits and error
 * envelopes (docs/groups-api.md#calls, #errors), and the signed webhooks Meta would send (#webhook-payloads). In memory.
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  assertOptions(options);
  const logger = options.logger ?? createSilentLogger();
  const state = createSandboxState({ phoneNumberIds: options.phoneNumberIds });
  if (options.seed !== false) seedDemoGroups(state, options.phoneNumberIds);

  let webhookUrl = options.webhookUrl ?? null;
  let phase: Phase = 'created';
  let url: string | null = null;
  const lifetime = new AbortController();
  const dispatcher = createWebhookDispatcher({
    appSecret: options.appSecret,
    url: () => webhookUrl,
    retry: options.webhookRetry ?? { attempts: 8, baseDelayMs: 250 },
    logger,
  });
  const failures = createFailureInjector();
  const stats = createStatsRecorder(dispatcher);
  const control = createSandboxControl({ state, emit: (out) => dispatcher.enqueue(out) });
  const usage = createUsageMeter();
  // Each call counts against the usage, each sub-request of a batch too (as Meta counts them); the batch itself does not.
  const deps: GraphDeps = {
    state,
    failures,
    dispatch(call) {
      if (call.segments.length > 0) usage.countCall();
      return dispatchGraphCall(call, deps);
    },
  };

  const graphEndpoint = createGraphEndpoint({
    accessToken: options.accessToken,
    defaultVersion: options.apiVersion ?? 'v23.0',
    latencyMs: options.latencyMs ?? 0,
    baseUrl: () => sandbox.url,
    deps,
    stats,
    usage,
    enqueue: (out) => dispatcher.enqueue(out),
    signal: lifetime.signal,
    logger,
  });

  const sandbox: Sandbox = {
    control,
    stats,
    get url(): string {
      if (url === null) throw new Error('Sandbox.url: expected a started sandbox, got one that is not listening; await sandbox.start() first');
      return url;
    },
    async start() {
      if (phase !== 'created') throw new Error(`Sandbox.start: expected a new sandbox, got one that is ${phase}; create another sandbox instead`);
      phase = 'starting';
      const { port } = await listener.start();
      const host = options.host ?? '127.0.0.1';
      url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      phase = 'started';
      logger.info({ url }, 'sandbox listening');
      return { url };
    },
    setWebhookUrl(next) {
      if (next !== null && !/^https?:\/\/./.test(next)) throw new TypeError(`Sandbox.setWebhookUrl: expected an http(s) URL or null, got ${JSON.stringify(next)}`);
      webhookUrl = next;
    },
    webhooksIdle: () => dispatcher.idle(),
    failNext: (rule) => failures.add(rule),
    async dispose() {
      if (phase === 'disposed') return;
      phase = 'disposed';
      lifetime.abort();
      await listener.dispose();
      await dispatcher.dispose();
    },
  };

  const listener = createHttpListener({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    bodyLimitBytes: options.bodyLimitBytes ?? BODY_LIMIT_BYTES,
    logger,
    track: (requestUrl) => (isControlPath(requestUrl.pathname) ? null : stats.begin()),
    handle: (request) =>
      isControlPath(request.url.pathname)
        ? handleControlRequest(request, { control, stats, failNext: sandbox.failNext, setWebhookUrl: sandbox.setWebhookUrl, webhookUrl: () => webhookUrl, webhooksIdle: sandbox.webhooksIdle })
        : graphEndpoint(request),
  });

  return sandbox;
}

function isControlPath(pathname: string): boolean {
  return pathname === '/sandbox' || pathname.startsWith('/sandbox/');
}

function assertOptions(options: SandboxOptions): void {
  const problems: string[] = [];
  if (typeof options.accessToken !== 'string' || options.accessToken === '') problems.push('accessToken: expected a non-empty string');
  if (typeof options.appSecret !== 'string' || options.appSecret === '') problems.push('appSecret: expected a non-empty string (it signs the webhooks)');
  const ids = options.phoneNumberIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || !/^\d{5,20}$/.test(id))) {
    problems.push(`phoneNumberIds: expected at least one numeric phone number id, got ${JSON.stringify(ids)}`);
  } else if (new Set(ids).size !== ids.length) {
    problems.push(`phoneNumberIds: expected unique ids, got ${JSON.stringify(ids)}`);
  }
  if (options.apiVersion !== undefined && !/^v\d+\.\d+$/.test(options.apiVersion)) problems.push(`apiVersion: expected a version like v23.0, got ${JSON.stringify(options.apiVersion)}`);
  if (options.port !== undefined && (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)) problems.push(`port: expected 0..65535, got ${String(options.port)}`);
  if (options.bodyLimitBytes !== undefined && (!Number.isInteger(options.bodyLimitBytes) || options.bodyLimitBytes < 1)) {
    problems.push(`bodyLimitBytes: expected a positive integer, got ${String(options.bodyLimitBytes)}`);
  }
  const retry = options.webhookRetry;
  if (retry !== undefined && (!Number.isInteger(retry.attempts) || retry.attempts < 1 || !Number.isInteger(retry.baseDelayMs) || retry.baseDelayMs < 0)) {
    problems.push(`webhookRetry: expected { attempts >= 1, baseDelayMs >= 0 } integers, got ${JSON.stringify(retry)}`);
  }
  if (options.webhookUrl !== undefined && options.webhookUrl !== null && !/^https?:\/\/./.test(options.webhookUrl)) {
    problems.push(`webhookUrl: expected an http(s) URL or null, got ${JSON.stringify(options.webhookUrl)}`);
  }
  if (problems.length > 0) throw new TypeError(`createSandbox: invalid options:\n- ${problems.join('\n- ')}`);
}
