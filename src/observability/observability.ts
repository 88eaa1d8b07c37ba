import type { IncomingHttpHeaders } from 'node:http';
import type { GroupCache } from '../cache/group-cache';
import type { Config } from '../config/config';
import type { EventInfrastructure } from '../events/event-infrastructure';
import type { EventServicesObserver } from '../events/event-services';
import type { Logger } from '../lib/logger';
import type { LoaderHooks } from '../loaders/group.loader';
import type { OperationStore } from '../operations/operation-store';
import type { UpstreamAttemptObserver, UpstreamHooks } from '../upstream/types';
import type { IngressObserver } from '../webhooks/webhook-ingress';
import type { GatewayMetrics } from './gateway-metrics';
import { createGatewayMetrics } from './gateway-metrics';
import type { GraphQLRequestMetrics } from './metrics-hooks';
import { createMetricsHooks } from './metrics-hooks';
import type { MetricsListener } from './metrics-listener';
import { startMetricsListener } from './metrics-listener';
import { countGroupInvalidations, trackPendingOperations } from './observed-stores';
import type { WatchedRedis } from './redis-metrics';
import { watchRedisConnections } from './redis-metrics';
import { traceRedisRoundTrips } from './redis-spans';
import type { Tracing } from './tracing';
import { createTracing } from './tracing';
import { createTracingHooks } from './tracing-hooks';

/**
 * The hooks the gateway passes to its parts. A hook is absent when nothing observes it: with metrics and tracing
 * off, every part runs exactly as without observability.
 */
export interface ObservabilityHooks {
  upstream?: UpstreamHooks;
  ingress?: IngressObserver;
  webhookBodyTooLarge?: (provider: string) => void;
  events?: EventServicesObserver;
  loaders?: LoaderHooks;
  graphql?: { onOperation?(operation: { type: string; name: string | null }): void; onCompleted?(outcome: GraphQLRequestMetrics): void };
  around?: <T>(request: { name: string; headers: IncomingHttpHeaders }, run: () => Promise<T>) => Promise<T>;
  /** Tracing's span for a resolver call, opened only if the call answers a promise (the server wraps the schema's resolvers with it). */
  resolverSpan?: <T>(name: string, attributes: () => Record<string, string>, run: () => T) => T;
  onDelivery?: (delivery: Delivered) => void;
  onExecution?: (shared: boolean) => void;
}

type Delivered = { transport: 'ws' | 'sse'; receivedAt: string | null; eventId: string | null };

export interface Observability {
  /** The gateway's registry and families; null with METRICS_PORT=off. */
  readonly metrics: GatewayMetrics | null;
  /** null unless an OTLP endpoint (or OTEL_TRACES_EXPORTER) is configured. */
  readonly tracing: Tracing | null;
  readonly hooks: ObservabilityHooks;
  /** The event log and bus, their Redis round trips (append, publish) given spans when tracing is on. */
  observeEvents(infrastructure: EventInfrastructure): EventInfrastructure;
  /** The group cache, its invalidations counted (the cache itself without metrics). */
  observeGroupCache(cache: GroupCache): GroupCache;
  /** The operation store, its pending operations counted (the store itself without metrics). */
  observeOperations(store: OperationStore, ttlSeconds: number): OperationStore;
  /** Redis connection state and errors; returns the function that stops watching. */
  watchRedis(connections: { commands: WatchedRedis; subscriber: WatchedRedis }): () => void;
  /** Live subscriptions by transport, read at scrape time. */
  watchSubscriptions(read: () => Readonly<Record<string, number>>): void;
  /** Starts the metrics listener (METRICS_PORT); null when metrics are off. */
  listen(): Promise<MetricsListener | null>;
  /** Closes the listener and flushes the traces. Idempotent. */
  dispose(): Promise<void>;
}

/** Metrics and tracing as configured (config.metrics, config.tracing). Built once per gateway: no global state. */
export function createObservability(options: { config: Pick<Config, 'metrics' | 'tracing'>; logger: Logger; tracing?: Tracing | null }): Observability {
  const { config, logger } = options;
  const metrics = config.metrics.port === null ? null : createGatewayMetrics();
  const tracing = options.tracing !== undefined ? options.tracing : createTracing(config.tracing);
  if (tracing !== null) logger.info(tracing.description, 'OpenTelemetry tracing on');
  const counting = metrics === null ? null : createMetricsHooks(metrics);
  const tracingHooks = tracing === null ? null : createTracingHooks(tracing);
  let listener: MetricsListener | null = null;
  let disposed: Promise<void> | null = null;

  const hooks: ObservabilityHooks = {
    ...maybe('upstream', combineUpstreamHooks(counting?.upstream, tracingHooks?.upstream)),
    ...maybe('ingress', combineIngress(counting?.ingress, tracingHooks?.ingress)),
    ...maybe('webhookBodyTooLarge', counting?.webhookBodyTooLarge),
    ...maybe('events', counting?.events),
    ...maybe('loaders', counting === null && tracingHooks === null ? undefined : { ...counting?.loaders, ...tracingHooks?.loaders }),
    ...maybe(
      'graphql',
      counting === null && tracingHooks === null
        ? undefined
        : { ...(tracingHooks === null ? {} : { onOperation: tracingHooks.graphqlOperation }), ...(counting === null ? {} : { onCompleted: counting.graphqlCompleted }) },
    ),
    ...maybe('around', tracingHooks?.around),
    ...maybe('resolverSpan', tracing?.inSpanIfAsync),
    ...maybe('onDelivery', both<Delivered>(counting?.delivered, tracingHooks?.delivered)),
    ...maybe('onExecution', counting?.executed),
  };

  return {
    metrics,
    tracing,
    hooks,
    observeEvents: (infrastructure) => (tracing === null ? infrastructure : traceRedisRoundTrips(infrastructure, tracing)),
    observeGroupCache: (cache) => (counting === null ? cache : countGroupInvalidations(cache, counting.groupCacheInvalidated)),
    observeOperations(store, ttlSeconds) {
      if (metrics === null) return store;
      const tracked = trackPendingOperations(store, { ttlSeconds });
      metrics.live.operationsPending = () => tracked.pending.byKind();
      return tracked.store;
    },
    watchRedis(connections) {
      if (metrics === null) return () => undefined;
      return watchRedisConnections(
        { command: connections.commands, subscriber: connections.subscriber },
        { setReader: (read) => void (metrics.live.redis = read), onError: (role) => metrics.redisErrors.inc({ role }) },
      );
    },
    watchSubscriptions(read) {
      if (metrics !== null) metrics.live.subscriptions = read;
    },
    async listen() {
      if (metrics === null || config.metrics.port === null) return null;
      listener = await startMetricsListener({ registry: metrics.registry, host: config.metrics.host, port: config.metrics.port, logger });
      logger.info({ metricsUrl: listener.url }, `Prometheus metrics at ${listener.url}`);
      return listener;
    },
    dispose() {
      disposed ??= (async () => {
        try {
          await listener?.close();
        } finally {
          await tracing?.dispose();
        }
      })();
      return disposed;
    },
  };
}

function maybe<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function both<A>(first: ((value: A) => void) | undefined, second: ((value: A) => void) | undefined): ((value: A) => void) | undefined {
  if (first === undefined || second === undefined) return first ?? second;
  return (value) => {
    first(value);
    second(value);
  };
}

function combineUpstreamHooks(first: UpstreamHooks | undefined, second: UpstreamHooks | undefined): UpstreamHooks | undefined {
  if (first === undefined || second === undefined) return first ?? second;
  return {
    onRateLimited: both(first.onRateLimited?.bind(first), second.onRateLimited?.bind(second)),
    onRetry: both(first.onRetry?.bind(first), second.onRetry?.bind(second)),
    onAttempt(attempt) {
      const observers = [first.onAttempt?.(attempt), second.onAttempt?.(attempt)].filter((observer): observer is UpstreamAttemptObserver => observer !== undefined);
      const headers = Object.assign({}, ...observers.map((observer) => observer.headers ?? {})) as Record<string, string>;
      return {
        headers,
        end(outcome) {
          for (const observer of observers) observer.end(outcome);
        },
      };
    },
  };
}

function combineIngress(counting: IngressObserver | undefined, tracing: IngressObserver | undefined): IngressObserver | undefined {
  if (counting === undefined || tracing === undefined) return counting ?? tracing;
  return {
    ...(tracing.step === undefined ? {} : { step: tracing.step }),
    onParsed: both(counting.onParsed?.bind(counting), tracing.onParsed?.bind(tracing)),
    onDelivered: both(counting.onDelivered?.bind(counting), tracing.onDelivered?.bind(tracing)),
  };
}
