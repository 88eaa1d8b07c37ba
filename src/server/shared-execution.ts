import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import { createSourceEventStream, execute } from 'graphql';

export interface SharedExecutionOptions {
  /**
   * Which subscribers may share one execution of an event: those whose contexts give the same key (and whose
   * document, operation name and variables are equal). null: this context never shares.
   */
  shareKey(contextValue: unknown): string | null;
  /** Sees each result with the event it was executed for (SSE takes the event's cursor as the message id). */
  onResult?(result: ExecutionResult, payload: unknown): void;
  /** Per subscriber and event: whether an equal subscription's execution was reused (metrics). */
  onExecution?(shared: boolean): void;
}

export interface SharedExecution {
  /** graphql-js `subscribe`, but an event object seen by many equal subscriptions is executed once for all of them. */
  subscribe(args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
  /** Which operations are equal (same caller key, document, operation name and variables); null: never shared. */
  keyOf(args: ExecutionArgs): string | null;
  /** What subscribe() answers, for a source already created (createSourceEventStream) for `args`. */
  map(args: ExecutionArgs, source: AsyncIterable<unknown>): AsyncGenerator<ExecutionResult>;
}

/**
 * Fan-out without re-executing: graphql-js executes the operation once per subscriber per event. When an event
 * object (the instance's shared decoder hands every local subscriber the same object) reaches N subscriptions with
 * the same document, variables and caller, the first one executes it and the others reuse that result (and, with
 * the shared frames, its serialised bytes). The tenancy guard has already vetted the event for each subscriber
 * before it gets here, and resolvers below the root read only the event and per-emission loaders, so the result
 * depends on nothing else. Results are kept per event object (WeakMap): they go when the event is collected.
 */
export function createSharedExecution(options: SharedExecutionOptions): SharedExecution {
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();

  function operationKey(args: ExecutionArgs): string | null {
    const caller = options.shareKey(args.contextValue);
    if (caller === null) return null;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) {
      documentId = nextDocumentId++;
      documentIds.set(args.document, documentId);
    }
    return `${documentId}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${caller}`;
  }

  const { onExecution } = options;
  function executeFor(args: ExecutionArgs, key: string | null, payload: unknown): Promise<ExecutionResult> | ExecutionResult {
    const run = (): Promise<ExecutionResult> | ExecutionResult => {
      onExecution?.(false);
      return execute({ ...args, rootValue: payload });
    };
    if (key === null || typeof payload !== 'object' || payload === null) return run();
    let results = resultsByEvent.get(payload);
    if (results === undefined) {
      results = new Map();
      resultsByEvent.set(payload, results);
    }
    const shared = results.get(key);
    if (shared !== undefined) {
      onExecution?.(true);
      return shared;
    }
    const result = run();
    results.set(key, result);
    return result;
  }

  function map(args: ExecutionArgs, source: AsyncIterable<unknown>): AsyncGenerator<ExecutionResult> {
    const key = operationKey(args);
    const { onResult } = options;
    if (onResult === undefined) return mapEvents(source, (payload) => executeFor(args, key, payload));
    return mapEvents(source, async (payload) => {
      const result = await executeFor(args, key, payload);
      onResult(result, payload);
      return result;
    });
  }

  return {
    keyOf: operationKey,
    map,
    async subscribe(args) {
      const source = await createSourceEventStream(args);
      if (!isAsyncIterable(source)) return source;
      return map(args, source);
    },
  };
}

/** Like graphql-js' mapAsyncIterator: each event mapped in turn; return() and throw() reach the source. */
function mapEvents(source: AsyncIterable<unknown>, map: (payload: unknown) => Promise<ExecutionResult> | ExecutionResult): AsyncGenerator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const mapResult = async (result: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => {
    if (result.done === true) return { value: undefined, done: true };
    try {
      return { value: await map(result.value), done: false };
    } catch (error) {
      // As graphql-js: a failing mapper closes the source, then the error propagates.
      await iterator.return?.().catch(() => undefined);
      throw error;
    }
  };
  const mapped = {
    async next(): Promise<IteratorResult<ExecutionResult>> {
      return mapResult(await iterator.next());
    },
    async return(): Promise<IteratorResult<ExecutionResult>> {
      return iterator.return === undefined ? { value: undefined, done: true } : mapResult(await iterator.return());
    },
    async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
      if (iterator.throw !== undefined) return mapResult(await iterator.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
    async [Symbol.asyncDispose](): Promise<void> {
      await mapped.return();
    },
  };
  return mapped as AsyncGenerator<ExecutionResult>;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
