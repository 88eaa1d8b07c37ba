import type { Attributes, Context, Link, Span, SpanContext, Tracer } from '@opentelemetry/api';
import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';
import type { Disposable } from '../lib/disposable';
import { createTracerProvider } from './tracer-provider';

export const DEFAULT_SERVICE_NAME = 'whatsapp-groups-gateway';

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent; @default the active span (none: a new trace). */
  parent?: Context;
  links?: Link[];
}

/** The gateway's traces: spans in its own async context (no global context manager or tracer provider). */
export interface Tracing extends Disposable {
  /** Where spans go and how they are sampled, for the start-up log line. */
  readonly description: { endpoint: string; sampler: string; serviceName: string };
  /** Runs `run` inside a new span (ended when `run` returns or its promise settles; a throw marks it as an error). */
  inSpan<T>(name: string, options: SpanOptions, run: (span: Span) => T): T;
  /**
   * Runs `run` under a span that is only opened if it is needed: when `run` answers a promise (the span then ends
   * when it settles), or when something inside starts a span or writes a log line. Synchronous work that starts
   * nothing opens no span at all. Outside any span (no trace to join) `run` runs as is. `attributes` is called
   * only when the span opens.
   */
  inSpanIfAsync<T>(name: string, attributes: () => Attributes, run: () => T): T;
  /** A server span for an incoming HTTP request, child of its `traceparent` when it has one. */
  aroundRequest<T>(request: { name: string; headers: IncomingHttpHeaders }, run: () => Promise<T>): Promise<T>;
  /** The span `run`s of this request are in, e.g. to name it after the GraphQL operation; undefined outside any. */
  activeSpan(): Span | undefined;
  /** Starts a client span under the active one; `headers` carry its `traceparent`. */
  startClientSpan(name: string, attributes: Attributes): { span: Span; headers: Record<string, string> };
  /** Remembers the active span as where these events came from, so their deliveries join its trace. */
  rememberOrigin(eventIds: readonly string[]): void;
  /** Where an event came from (rememberOrigin), while remembered. */
  originOf(eventId: string): SpanContext | undefined;
  /** `{ traceId, spanId }` of the active span for log lines (pino mixin); `{}` outside any span. */
  logFields(): { traceId?: string; spanId?: string };
  /** Exports what is buffered and stops the exporter. */
  dispose(): Promise<void>;
}

/** Origins kept for linking deliveries: a live subscriber gets its frame within seconds, so recent ones suffice. */
const REMEMBERED_ORIGINS = 10_000;

/**
 * Tracing as configured, or null when it is off: then the gateway passes no tracing hook to any part, so no
 * tracing code runs on any request. Spans are exported with OTLP over HTTP (JSON), batched.
 */
export function createTracing(options: { enabled: boolean; otel: Readonly<Record<string, string>> }): Tracing | null {
  if (!options.enabled) return null;
  const setup = createTracerProvider({ otel: options.otel, serviceName: options.otel.OTEL_SERVICE_NAME ?? DEFAULT_SERVICE_NAME });
  return tracingOver(setup.provider.getTracer(DEFAULT_SERVICE_NAME), () => setup.provider.shutdown(), { endpoint: setup.endpoint, sampler: setup.sampler, serviceName: setup.serviceName });
}

/** The Tracing over a tracer (tests give one over an in-memory exporter). */
export function tracingOver(tracer: Tracer, shutdown: () => Promise<void>, description: Tracing['description'] = { endpoint: 'in-memory', sampler: 'always_on', serviceName: DEFAULT_SERVICE_NAME }): Tracing {
  const storage = new AsyncLocalStorage<Context | DeferredSpan>();
  const propagator = new W3CTraceContextPropagator();
  const origins = new Map<string, SpanContext>();
  /** The context of the store: a deferred span opens here, the first time something needs it as a parent. */
  const contextOf = (store: Context | DeferredSpan): Context => {
    if (!(store instanceof DeferredSpan)) return store;
    if (store.span === null) {
      const parent = contextOf(store.parent);
      store.span = tracer.startSpan(store.name, { kind: SpanKind.INTERNAL, attributes: store.attributes(), startTime: store.startTime }, parent);
      store.context = trace.setSpan(parent, store.span);
    }
    return store.context!;
  };
  const active = (): Context => {
    const store = storage.getStore();
    return store === undefined ? ROOT_CONTEXT : contextOf(store);
  };

  function inSpan<T>(name: string, options: SpanOptions, run: (span: Span) => T): T {
    const parent = options.parent ?? active();
    const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}), ...(options.links ? { links: options.links } : {}) }, parent);
    return storage.run(trace.setSpan(parent, span), () => {
      let result: T;
      try {
        result = run(span);
      } catch (error) {
        failSpan(span, error);
        throw error;
      }
      return isThenable(result) ? (endWhenSettled(span, result) as T) : (span.end(), result);
    });
  }

  function inSpanIfAsync<T>(name: string, attributes: () => Attributes, run: () => T): T {
    const parent = storage.getStore();
    if (parent === undefined) return run();
    const deferred = new DeferredSpan(parent, name, attributes, performance.now());
    let result: T;
    try {
      result = storage.run(deferred, run);
    } catch (error) {
      if (deferred.span !== null) failSpan(deferred.span, error);
      throw error;
    }
    if (isThenable(result)) {
      contextOf(deferred);
      return endWhenSettled(deferred.span!, result) as T;
    }
    deferred.span?.end();
    return result;
  }

  return {
    description,
    inSpan,
    inSpanIfAsync,
    aroundRequest(request, run) {
      const parent = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
      return inSpan(request.name, { kind: SpanKind.SERVER, parent }, () => run());
    },
    activeSpan: () => trace.getSpan(active()),
    startClientSpan(name, attributes) {
      const parent = active();
      const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
      const headers: Record<string, string> = {};
      propagator.inject(trace.setSpan(parent, span), headers, defaultTextMapSetter);
      return { span, headers };
    },
    rememberOrigin(eventIds) {
      const span = trace.getSpan(active());
      if (span === undefined) return;
      const context = span.spanContext();
      for (const id of eventIds) {
        origins.delete(id);
        origins.set(id, context);
      }
      // Oldest first (a Map keeps insertion order).
      for (const id of origins.keys()) {
        if (origins.size <= REMEMBERED_ORIGINS) break;
        origins.delete(id);
      }
    },
    originOf: (eventId) => origins.get(eventId),
    logFields() {
      const context = trace.getSpan(active())?.spanContext();
      return context === undefined ? {} : { traceId: context.traceId, spanId: context.spanId };
    },
    dispose: shutdown,
  };
}

/**
 * A span not started yet: its parent, name and start time are kept so that it can be started as if it had been
 * (OTel takes an explicit start time), by whoever first needs it as a parent.
 */
class DeferredSpan {
  span: Span | null = null;
  context: Context | null = null;
  constructor(
    readonly parent: Context | DeferredSpan,
    readonly name: string,
    readonly attributes: () => Attributes,
    /** performance.now(): OTel reads a number below the time origin as relative to it. */
    readonly startTime: number,
  ) {}
}

function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  span.end();
}

function endWhenSettled(span: Span, result: PromiseLike<unknown>): PromiseLike<unknown> {
  return result.then(
    (value) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      failSpan(span, error);
      throw error;
    },
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
