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
  const storage = new AsyncLocalStorage<Context>();
  const propagator = new W3CTraceContextPropagator();
  const origins = new Map<string, SpanContext>();
  const active = (): Context => storage.getStore() ?? ROOT_CONTEXT;

  function inSpan<T>(name: string, options: SpanOptions, run: (span: Span) => T): T {
    const parent = options.parent ?? active();
    const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}), ...(options.links ? { links: options.links } : {}) }, parent);
    const failed = (error: unknown): void => {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      span.end();
    };
    return storage.run(trace.setSpan(parent, span), () => {
      let result: T;
      try {
        result = run(span);
      } catch (error) {
        failed(error);
        throw error;
      }
      if (isThenable(result)) {
        return result.then(
          (value) => {
            span.end();
            return value;
          },
          (error: unknown) => {
            failed(error);
            throw error;
          },
        ) as unknown as T;
      }
      span.end();
      return result;
    });
  }

  return {
    description,
    inSpan,
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

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
