import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { print } from 'graphql';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config/config';
import type { Gateway, GatewayOptions } from '../../src/gateway';
import { createGateway } from '../../src/gateway';
import { createTracing } from '../../src/observability/tracing';
import type { Sandbox } from '../../src/sandbox/sandbox-types';
import { SANDBOX_APP_SECRET, SANDBOX_PHONE_A } from './constants';
import type { LogLine, LogWatch } from './logs';
import { createCapturingLogger, createLogWatch } from './logs';

export interface GraphQLHttpResponse<TData> {
  status: number;
  headers: Headers;
  body: { data?: TData | null; errors?: GraphQLFormattedError[] };
}

/** What a started gateway offers a test, wherever it runs. */
interface StartedGateway {
  readonly url: string;
  readonly graphqlUrl: string;
  /** Prometheus' `GET /metrics` on the gateway's metrics listener; null with METRICS_PORT=off. */
  readonly metricsUrl: string | null;
  /** Every log line the gateway wrote, parsed (level ≥ the LOG_LEVEL given, default 'info'). */
  readonly logs: readonly LogLine[];
  /** Resolves with the first log line (already written or still to come) that matches. */
  waitForLog: LogWatch['waitFor'];
  /** POSTs an operation as a GraphQL-over-HTTP client would and returns the parsed answer. */
  query<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode | string,
    variables?: TVariables,
    options?: { headers?: Record<string, string> },
  ): Promise<GraphQLHttpResponse<TData>>;
}

/** The gateway in this process: its parts can be inspected and its embedded sandbox driven. */
export interface TestGateway extends StartedGateway {
  readonly gateway: Gateway;
  readonly sandbox: Sandbox;
  dispose(): Promise<void>;
}

/** The real entry point (src/main.ts, transpiled on the fly by tsx) in its own process, as production runs it. */
export interface GatewayProcess extends StartedGateway {
  readonly pid: number;
  /** Settles when the process exited: its exit code, or the signal that ended it. */
  readonly exited: Promise<ProcessExit>;
  /** Sends the signal and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<ProcessExit>;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartTestGatewayOptions {
  /** Environment on top of the test defaults (NODE_ENV=test, PORT=0, METRICS_PORT=0, HOST=127.0.0.1, LOG_LEVEL=info, sandbox mode). */
  env?: Record<string, string>;
  groupCache?: GatewayOptions['groupCache'];
  sandbox?: GatewayOptions['sandbox'];
  responseCacheAnswerAt?: GatewayOptions['responseCacheAnswerAt'];
}

export interface StartGatewayProcessOptions {
  /** Environment on top of the test defaults; the process inherits nothing else but PATH and HOME. */
  env?: Record<string, string>;
  /** Run `node --import tsx src/main.ts` in a child process (signals, exit codes, several processes on one Redis). */
  ownProcess: true;
}

const REPO_ROOT = join(__dirname, '..', '..');
const READY_MESSAGE = 'GraphQL endpoint ready at ';
const leftovers = new Set<() => Promise<unknown>>();

// Whatever a test forgets to stop is stopped here, so no server or process outlives its file.
afterAll(async () => {
  await Promise.all([...leftovers].map((stop) => stop()));
});

/**
 * The real gateway in sandbox mode (the embedded emulator over real HTTP) on a free port, from a real config: in this
 * process by default, or in its own with `ownProcess: true`. Resolves once it serves GraphQL.
 */
export function startTestGateway(options?: StartTestGatewayOptions): Promise<TestGateway>;
export function startTestGateway(options: StartGatewayProcessOptions): Promise<GatewayProcess>;
export function startTestGateway(options: StartTestGatewayOptions | StartGatewayProcessOptions = {}): Promise<TestGateway | GatewayProcess> {
  return 'ownProcess' in options ? startGatewayProcess(options.env ?? {}) : startInProcess(options);
}

function testEnv(env: Record<string, string> = {}): Record<string, string> {
  // METRICS_PORT=0: every gateway of a test process gets a metrics listener of its own, none collides on 9464.
  return { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', METRICS_PORT: '0', ...env };
}

async function startInProcess(options: StartTestGatewayOptions): Promise<TestGateway> {
  const config = loadConfig(testEnv(options.env));
  // As main.ts does: with tracing on, log lines inside a span carry its traceId and spanId.
  const tracing = createTracing(config.tracing);
  const capture = createCapturingLogger(config.logLevel, tracing === null ? {} : { mixin: tracing.logFields });
  const gateway = createGateway({
    config,
    logger: capture.logger,
    tracing,
    ...(options.groupCache === undefined ? {} : { groupCache: options.groupCache }),
    ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
    ...(options.responseCacheAnswerAt === undefined ? {} : { responseCacheAnswerAt: options.responseCacheAnswerAt }),
  });
  const { url, graphqlUrl, metricsUrl } = await gateway.start();
  const sandbox = gateway.sandbox;
  if (sandbox === null) throw new Error('startTestGateway: expected sandbox mode; do not set GRAPH_API_URL or WHATSAPP_ACCESS_TOKEN');
  const stop = (): Promise<void> => gateway.stop();
  leftovers.add(stop);
  return {
    url,
    graphqlUrl,
    metricsUrl,
    gateway,
    sandbox,
    logs: capture.lines(),
    waitForLog: capture.waitFor,
    query: (document, variables, queryOptions) => postQuery(graphqlUrl, document, variables, queryOptions),
    async dispose() {
      leftovers.delete(stop);
      await stop();
    },
  };
}

/**
 * Another instance in this process whose Groups API is `of`'s sandbox (upstream mode over real HTTP, authentication
 * off unless `env` says otherwise): with the same REDIS_URL and prefix, two instances of one deployment. The
 * sandbox's webhooks keep going where they went (to `of` unless redirected with setWebhookUrl).
 */
export async function startPeerGateway(of: TestGateway, options: { env?: Record<string, string> } = {}): Promise<TestGateway> {
  const config = loadConfig(
    testEnv({
      GRAPH_API_URL: of.sandbox.url,
      WHATSAPP_ACCESS_TOKEN: 'sandbox-access-token',
      WHATSAPP_PHONE_NUMBER_ID: SANDBOX_PHONE_A,
      META_APP_SECRET: SANDBOX_APP_SECRET,
      GATEWAY_AUTH: 'off',
      ...options.env,
    }),
  );
  const capture = createCapturingLogger(config.logLevel);
  const gateway = createGateway({ config, logger: capture.logger });
  const { url, graphqlUrl, metricsUrl } = await gateway.start();
  const stop = (): Promise<void> => gateway.stop();
  leftovers.add(stop);
  return {
    url,
    graphqlUrl,
    metricsUrl,
    gateway,
    sandbox: of.sandbox,
    logs: capture.lines(),
    waitForLog: capture.waitFor,
    query: (document, variables, queryOptions) => postQuery(graphqlUrl, document, variables, queryOptions),
    async dispose() {
      leftovers.delete(stop);
      await stop();
    },
  };
}

function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...testEnv(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watch = createLogWatch();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<ProcessExit>((resolve) => {
    // 'close', not 'exit': by then stdout was read to the end, so `logs` holds the last lines too.
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const kill = (signal: NodeJS.Signals): Promise<ProcessExit> => {
    child.kill(signal);
    return exited;
  };
  const killHard = (): Promise<ProcessExit> => kill('SIGKILL');
  leftovers.add(killHard);
  void exited.then(() => leftovers.delete(killHard));

  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      watch.push(JSON.parse(line) as LogLine);
    } catch {
      // not a log line (a library printing to stdout): not ours to assert on
    }
  });
  const ready = watch.waitFor((entry) => typeof entry.msg === 'string' && entry.msg.startsWith(READY_MESSAGE));
  const failed = exited.then(({ code, signal }) => {
    throw new Error(`gateway process exited (code ${code}, signal ${signal}) before it was ready:\n${stderr}\n${JSON.stringify(watch.lines.slice(-5))}`);
  });
  return Promise.race([ready, failed]).then((entry) => {
    const graphqlUrl = String(entry.graphqlUrl);
    return {
      pid: child.pid!,
      url: graphqlUrl.replace(/\/graphql$/, ''),
      graphqlUrl,
      metricsUrl: typeof entry.metricsUrl === 'string' ? entry.metricsUrl : null,
      logs: watch.lines,
      waitForLog: watch.waitFor,
      query: (document, variables, queryOptions) => postQuery(graphqlUrl, document, variables, queryOptions),
      exited,
      kill,
    };
  });
}

async function postQuery<TData>(
  graphqlUrl: string,
  document: TypedDocumentNode<TData, never> | DocumentNode | string,
  variables: Record<string, unknown> | undefined,
  options: { headers?: Record<string, string> } | undefined,
): Promise<GraphQLHttpResponse<TData>> {
  const query = typeof document === 'string' ? document : print(document);
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options?.headers },
    body: JSON.stringify({ query, variables: variables ?? {} }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLHttpResponse<TData>['body'] };
}
