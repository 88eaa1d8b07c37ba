import type { ExecutionArgs, ExecutionResult, GraphQLError } from 'graphql';
import type { HandlerOptions as SseHandlerOptions, OperationContext } from 'graphql-sse';
import type { ConnectionInitMessage, ServerOptions as WsServerOptions } from 'graphql-ws';
import { getOperationAST } from 'graphql';
import type { GraphQLRequestOutcome } from './request-observer';

/** Told once per GraphQL operation over WebSocket or SSE, as an HTTP request is counted (metrics). Must not throw. */
export type OperationOutcomeObserver = (outcome: GraphQLRequestOutcome) => void;

/**
 * Counts the operations of a streaming transport (graphql-ws, graphql-sse) the way Apollo's plugin counts HTTP
 * requests: once each, when it is answered. A query or mutation is answered by its result; a subscription by its
 * stream starting (what follows are events, not requests) or by its first result when it could not start; an
 * operation refused before it ran (a bad document, limits, no key) by that refusal, with no type or name, as HTTP's.
 * The duration runs from admission to that answer.
 */
export interface OperationCounter {
  /** The operation passed every check and runs with these arguments. */
  admitted(args: ExecutionArgs): void;
  /** The operation was refused before it ran, with this error code. */
  refused(code: string): void;
  /** graphql-ws / graphql-sse onOperation: the result of execute(), or the stream of subscribe(). */
  answered(args: ExecutionArgs, result: ExecutionResult | AsyncIterable<unknown>): void;
}

export function createOperationCounter(transport: 'ws' | 'sse', observe: OperationOutcomeObserver): OperationCounter {
  const admittedAt = new WeakMap<ExecutionArgs, number>();
  return {
    admitted(args) {
      admittedAt.set(args, performance.now());
    },
    refused(code) {
      observe({ transport, operationType: null, operationName: null, outcome: code, durationSeconds: null });
    },
    answered(args, result) {
      const operation = getOperationAST(args.document, args.operationName);
      const admitted = admittedAt.get(args);
      const errors = Symbol.asyncIterator in result ? undefined : (result as ExecutionResult).errors;
      const code = errors?.[0]?.extensions?.code;
      observe({
        transport,
        operationType: operation?.operation ?? null,
        operationName: operation?.name?.value ?? null,
        outcome: errors === undefined || errors.length === 0 ? 'ok' : typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
        durationSeconds: admitted === undefined ? null : (performance.now() - admitted) / 1000,
      });
    },
  };
}

/**
 * graphql-ws server options that count each operation: onSubscribe's refusals (a list of errors) and admissions,
 * and onOperation's answers (graphql-ws awaits execute() and subscribe() before it). The options must not have an
 * onOperation of their own.
 */
export function countWsOperations<P extends ConnectionInitMessage['payload'], E>(serverOptions: WsServerOptions<P, E>, counter: OperationCounter): WsServerOptions<P, E> {
  const { onSubscribe } = serverOptions;
  if (onSubscribe === undefined || serverOptions.onOperation !== undefined) {
    throw new Error('countWsOperations: expected server options with onSubscribe (returning the execution arguments) and without onOperation; got otherwise. Count in the existing onOperation instead.');
  }
  return {
    ...serverOptions,
    async onSubscribe(ctx, id, payload) {
      const answer = await onSubscribe(ctx, id, payload);
      if (Array.isArray(answer)) counter.refused(codeOf((answer as readonly GraphQLError[])[0]?.extensions.code));
      else if (answer !== undefined) counter.admitted(answer as ExecutionArgs);
      return answer;
    },
    onOperation(_ctx, _id, _payload, args, result) {
      counter.answered(args, result as ExecutionResult | AsyncIterable<unknown>);
    },
  };
}

/**
 * graphql-sse handler options that count each operation: onSubscribe's refusals (a Response, `[body, init]` with
 * the body `{ errors }`) and admissions, and onOperation's answers. The options must not have an onOperation of
 * their own.
 */
export function countSseOperations<R, C, X extends OperationContext>(handlerOptions: SseHandlerOptions<R, C, X>, counter: OperationCounter): SseHandlerOptions<R, C, X> {
  const { onSubscribe } = handlerOptions;
  if (onSubscribe === undefined || handlerOptions.onOperation !== undefined) {
    throw new Error('countSseOperations: expected handler options with onSubscribe (returning the execution arguments) and without onOperation; got otherwise. Count in the existing onOperation instead.');
  }
  return {
    ...handlerOptions,
    async onSubscribe(req, params) {
      const answer = await onSubscribe(req, params);
      if (Array.isArray(answer)) counter.refused(codeOfResponseBody(answer[0]));
      else if (answer !== undefined && isExecutionArgs(answer)) counter.admitted(answer);
      return answer;
    },
    onOperation(_ctx, _req, args, result) {
      counter.answered(args, result as ExecutionResult | AsyncIterable<unknown>);
    },
  };
}

function isExecutionArgs(value: object): value is ExecutionArgs {
  return 'schema' in value && 'document' in value;
}

function codeOf(code: unknown): string {
  return typeof code === 'string' ? code : 'BAD_REQUEST';
}

function codeOfResponseBody(body: unknown): string {
  if (typeof body !== 'string') return 'BAD_REQUEST';
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return codeOf(parsed.errors?.[0]?.extensions?.code);
  } catch {
    return 'BAD_REQUEST';
  }
}
