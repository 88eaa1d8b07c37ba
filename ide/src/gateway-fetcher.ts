import type { DocumentNode } from 'graphql';
import { getOperationAST, parse } from 'graphql';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import { createClient } from 'graphql-ws';

/** What GraphiQL passes its fetcher: the request, and the headers editor's JSON as an object. */
export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
}
export interface FetcherOptions {
  headers?: Readonly<Record<string, unknown>>;
  documentAST?: DocumentNode;
}
export type Fetcher = (params: FetcherParams, options?: FetcherOptions) => Promise<unknown> | AsyncIterable<FormattedExecutionResult>;

export interface GatewayEndpoint {
  /** The GraphQL endpoint over HTTP (queries, mutations, introspection). */
  httpUrl: string;
  /** The same endpoint over graphql-ws (subscriptions). */
  wsUrl: string;
}

/**
 * GraphiQL's fetcher for this gateway: subscriptions over graphql-ws, the rest as JSON POSTs. The headers editor
 * applies to both: over HTTP as headers, over the WebSocket its `authorization` goes into `connection_init` (browsers
 * cannot set headers on a WebSocket), on a new connection whenever it changes.
 */
export function createGatewayFetcher(endpoint: GatewayEndpoint): Fetcher {
  let socket: { authorization: string | null; client: Client } | null = null;

  const wsClientFor = (authorization: string | null): Client => {
    if (socket !== null && socket.authorization === authorization) return socket.client;
    void socket?.client.dispose();
    const client = createClient({ url: endpoint.wsUrl, connectionParams: authorization === null ? {} : { authorization }, lazy: true });
    socket = { authorization, client };
    return client;
  };

  return (params, options) => {
    const headers = stringHeaders(options?.headers ?? {});
    const request = { query: params.query, operationName: params.operationName ?? null, variables: params.variables ?? null };
    if (isSubscription(params, options?.documentAST)) {
      const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? null;
      return wsClientFor(authorization).iterate({ ...request, operationName: request.operationName ?? undefined, variables: request.variables ?? undefined });
    }
    return postJson(endpoint.httpUrl, request, headers);
  };
}

async function postJson(url: string, body: unknown, headers: Readonly<Record<string, string>>): Promise<unknown> {
  // application/json is not a "simple" content type: the request passes Apollo's CSRF prevention as it is.
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { errors: [{ message: `HTTP ${response.status} ${response.statusText}: the answer is not JSON`, extensions: { body: text.slice(0, 500) } }] };
  }
}

function isSubscription(params: FetcherParams, documentAST: DocumentNode | undefined): boolean {
  let document = documentAST;
  if (document === undefined) {
    try {
      document = parse(params.query);
    } catch {
      return false; // the server answers the syntax error
    }
  }
  return getOperationAST(document, params.operationName ?? undefined)?.operation === 'subscription';
}

/** The headers editor holds JSON: numbers and booleans become their text, null and nested values are dropped. */
function stringHeaders(headers: Readonly<Record<string, unknown>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') result[name] = String(value);
  }
  return result;
}
