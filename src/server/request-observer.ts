import type { IncomingHttpHeaders } from 'node:http';

/**
 * Runs the handling of one HTTP request (GraphQL or a webhook) inside whatever the observer sets up around it: a
 * tracing span that honours an incoming `traceparent`. Absent when tracing is off, so nothing runs per request.
 */
export type AroundRequest = <T>(request: { name: string; headers: IncomingHttpHeaders }, run: () => Promise<T>) => Promise<T>;

/** How one GraphQL request (HTTP) or operation (WebSocket, SSE) ended, for metrics. */
export interface GraphQLRequestOutcome {
  transport: 'http' | 'ws' | 'sse';
  /** query, mutation or subscription; null when no operation was resolved (parse or validation error, no key). */
  operationType: string | null;
  /** The resolved operation's name; null for anonymous operations and requests that never got one. */
  operationName: string | null;
  /** `ok`, or the first error's `extensions.code`. */
  outcome: string;
  /**
   * From the start of Apollo's request pipeline to the response (HTTP), or from admission to the result or the
   * subscription's start (WebSocket, SSE); null when the request was refused before that (no context, bad document).
   */
  durationSeconds: number | null;
}

/** Told about GraphQL requests over HTTP. Must not throw. */
export interface GraphQLRequestObserver {
  /** The operation is known (tracing names the request's span after it). */
  onOperation?(operation: { type: string; name: string | null }): void;
  onCompleted?(outcome: GraphQLRequestOutcome): void;
}
