import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { print } from 'graphql';
import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '../../../src/config/config';
import type { Gateway, GatewayOptions } from '../../../src/gateway';
import { createGateway } from '../../../src/gateway';
import type { Logger } from '../../../src/lib/logger';
import type { Sandbox } from '../../../src/sandbox/sandbox-types';

export interface GraphQLHttpResponse<TData> {
  status: number;
  headers: Headers;
  body: { data?: TData | null; errors?: GraphQLFormattedError[] };
}

export interface TestGateway {
  url: string;
  graphqlUrl: string;
  gateway: Gateway;
  sandbox: Sandbox;
  /** Every log line the gateway wrote, parsed (level ≥ the LOG_LEVEL given, default 'info'). */
  logs: Record<string, unknown>[];
  /** Resolves with the first log line (already written or still to come) that matches. */
  waitForLog(matches: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** POSTs an operation as a GraphQL-over-HTTP client would and returns the parsed answer. */
  query<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode | string,
    variables?: TVariables,
    options?: { headers?: Record<string, string> },
  ): Promise<GraphQLHttpResponse<TData>>;
  dispose(): Promise<void>;
}

export interface StartTestGatewayOptions {
  /** Environment on top of the test defaults (NODE_ENV=test, PORT=0, HOST=127.0.0.1, sandbox mode). */
  env?: Record<string, string>;
  groupCache?: GatewayOptions['groupCache'];
  sandbox?: GatewayOptions['sandbox'];
}

const leftovers = new Set<TestGateway>();

// Whatever a test forgets to dispose is disposed here, so no server outlives its file.
afterAll(async () => {
  await Promise.all([...leftovers].map((gateway) => gateway.dispose()));
});

/** The real gateway (sandbox mode: embedded emulator over real HTTP) on a free port, from a real config. */
export async function startTestGateway(options: StartTestGatewayOptions = {}): Promise<TestGateway> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...options.env });
  const logs: Record<string, unknown>[] = [];
  const logWaiters = new Set<(line: Record<string, unknown>) => boolean>();
  const logger = captureLogger(config.logLevel, (line) => {
    logs.push(line);
    for (const waiter of [...logWaiters]) if (waiter(line)) logWaiters.delete(waiter);
  });
  const gateway = createGateway({
    config,
    logger,
    ...(options.groupCache === undefined ? {} : { groupCache: options.groupCache }),
    ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
  });
  const { url, graphqlUrl } = await gateway.start();
  const sandbox = gateway.sandbox;
  if (sandbox === null) throw new Error('startTestGateway: expected sandbox mode; do not set GRAPH_API_URL or WHATSAPP_ACCESS_TOKEN');

  const testGateway: TestGateway = {
    url,
    graphqlUrl,
    gateway,
    sandbox,
    logs,
    waitForLog(matches) {
      const written = logs.find(matches);
      if (written !== undefined) return Promise.resolve(written);
      return new Promise((resolve) => {
        logWaiters.add((line) => {
          if (!matches(line)) return false;
          resolve(line);
          return true;
        });
      });
    },
    async query(document, variables, queryOptions) {
      const query = typeof document === 'string' ? document : print(document);
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...queryOptions?.headers },
        body: JSON.stringify({ query, variables: variables ?? {} }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLHttpResponse<never>['body'] };
    },
    async dispose() {
      leftovers.delete(testGateway);
      await gateway.stop();
    },
  };
  leftovers.add(testGateway);
  return testGateway;
}

function captureLogger(level: string, onLine: (line: Record<string, unknown>) => void): Logger {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') onLine(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level }, sink);
}
