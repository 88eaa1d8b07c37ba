import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FastHistogram } from './fast-histogram';
import { createFastHistogram } from './fast-histogram';
import type { Tally } from './tally';
import { createTally } from './tally';

/** Every metric of the gateway starts with this; the README's metrics table lists them all. */
export const METRIC_PREFIX = 'whatsapp_gateway_';

/** Latencies from a cache hit (~1 ms) to an upstream call at its deadline (10 s). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Webhook receipt to frame: sub-millisecond in process, seconds behind a backlog. */
const LAG_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Gauges of live state are read at scrape time from whoever owns the state, once it exists. */
export interface LiveReaders {
  /** Live subscriptions by transport. */
  subscriptions?: () => Readonly<Record<string, number>>;
  /** The deepest subscriber queue. */
  queueDepthMax?: () => number;
  /** 1 (ready) or 0, by Redis connection role. */
  redis?: () => Readonly<Record<string, number>>;
  /** Pending operations by kind. */
  operationsPending?: () => Readonly<Record<string, number>>;
}

/** The metric families, each registered in the gateway's own registry (never prom-client's global one). */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** Set the readers of live state as its owners start; unset readers leave their gauge empty. */
  readonly live: LiveReaders;
  readonly graphqlRequests: Counter<'transport' | 'operation_type' | 'operation_name' | 'outcome'>;
  /** Labels: transport, operation_type, operation_name. */
  readonly graphqlDuration: FastHistogram;
  readonly upstreamRequests: Counter<'call' | 'status'>;
  readonly upstreamDuration: Histogram<'call'>;
  readonly upstreamRetries: Counter<'call'>;
  readonly upstreamRateLimited: Counter<'code'>;
  readonly upstreamAppUsage: Gauge<'metric'>;
  readonly upstreamBusinessUsage: Gauge<'type' | 'metric'>;
  readonly webhookDeliveries: Counter<'provider' | 'status'>;
  readonly webhookEvents: Counter<'provider' | 'type' | 'outcome'>;
  /** Labels: provider. */
  readonly webhookAppendDuration: FastHistogram;
  /** Labels: transport. */
  readonly deliveryLag: FastHistogram;
  readonly busEventsPublished: Counter;
  readonly busEventsReceived: Counter;
  readonly subscriptionsActive: Gauge<'transport'>;
  readonly subscriptionsStarted: Counter;
  readonly subscriptionsEnded: Counter<'reason'>;
  readonly subscriptionQueueDepthMax: Gauge;
  readonly subscriptionExecutions: Counter<'shared'>;
  readonly groupCacheRequests: Counter<'result'>;
  readonly groupCacheInvalidations: Counter;
  readonly operationsPending: Gauge<'kind'>;
  readonly redisConnectionUp: Gauge<'role'>;
  readonly redisErrors: Counter<'role'>;
  /**
   * The counters counted on every request or delivery, as tallies (label values in `labelNames` order) that reach
   * the counter at scrape time.
   */
  readonly tallies: { readonly graphqlRequests: Tally; readonly webhookDeliveries: Tally; readonly webhookEvents: Tally };
}

/**
 * A fresh registry with the default process metrics and every gateway family. One per gateway: two gateways in one
 * process (tests) never share a counter. Gauges that read live state (subscriptions, Redis, pending operations) get
 * their `collect` from whoever owns that state (see metrics-wiring.ts).
 */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const name = (suffix: string): string => `${METRIC_PREFIX}${suffix}`;
  const registers = [registry];
  const live: LiveReaders = {};
  /** A gauge's collect(): reset, then set from the reader's answer by label value. */
  const fromReader = (label: string, read: () => (() => Readonly<Record<string, number>>) | undefined) =>
    function collect(this: Gauge<string>): void {
      const reader = read();
      if (reader === undefined) return;
      this.reset();
      for (const [value, count] of Object.entries(reader())) this.set({ [label]: value }, count);
    };
  /** A counter whose collect() first adds its tally's counts: a scrape reads every increment made before it. */
  const tallied = <L extends string>(config: { name: string; help: string; labelNames: readonly L[] }): [Counter<L>, Tally] => {
    let tally: Tally | null = null;
    const counter: Counter<L> = new Counter({ ...config, registers, collect: () => tally?.flush() });
    tally = createTally(counter as Counter<string>, config.labelNames);
    return [counter, tally];
  };
  const [graphqlRequests, graphqlTally] = tallied({ name: name('graphql_requests_total'), help: 'GraphQL requests (HTTP) and operations (WebSocket, SSE) by transport (http, ws, sse), operation type, operation name (named operations, capped; the rest "other") and outcome (ok or the first error code); a subscription counts once, when it starts', labelNames: ['transport', 'operation_type', 'operation_name', 'outcome'] });
  const [webhookDeliveries, webhookDeliveriesTally] = tallied({ name: name('webhook_deliveries_total'), help: 'Webhook POSTs by provider and the HTTP status answered', labelNames: ['provider', 'status'] });
  const [webhookEvents, webhookEventsTally] = tallied({ name: name('webhook_events_total'), help: 'Events of verified webhook deliveries by provider, event type and outcome (stored, duplicate, ignored)', labelNames: ['provider', 'type', 'outcome'] });
  return {
    registry,
    live,
    tallies: { graphqlRequests: graphqlTally, webhookDeliveries: webhookDeliveriesTally, webhookEvents: webhookEventsTally },
    graphqlRequests,
    webhookDeliveries,
    webhookEvents,
    graphqlDuration: createFastHistogram({ name: name('graphql_request_duration_seconds'), help: 'GraphQL request duration: HTTP from receipt to response; WebSocket and SSE from admission to the result (a subscription: to its start)', labelNames: ['transport', 'operation_type', 'operation_name'], buckets: LATENCY_BUCKETS, registers }),
    upstreamRequests: new Counter({ name: name('upstream_requests_total'), help: 'Graph API HTTP attempts by call (endpoint kind) and HTTP status ("network" or "timeout" without an answer)', labelNames: ['call', 'status'], registers }),
    upstreamDuration: new Histogram({ name: name('upstream_request_duration_seconds'), help: 'Duration of one Graph API HTTP attempt, body included', labelNames: ['call'], buckets: LATENCY_BUCKETS, registers }),
    upstreamRetries: new Counter({ name: name('upstream_retries_total'), help: 'Graph API attempts retried after a transient failure or a rate limit', labelNames: ['call'], registers }),
    upstreamRateLimited: new Counter({ name: name('upstream_rate_limited_total'), help: 'Graph API rate-limit answers by Graph error code (4, 80007, 130429, 131056, ...)', labelNames: ['code'], registers }),
    upstreamAppUsage: new Gauge({ name: name('upstream_app_usage_percent'), help: 'Latest X-App-Usage percentage the Graph API reported (call_count, total_cputime, total_time)', labelNames: ['metric'], registers }),
    upstreamBusinessUsage: new Gauge({ name: name('upstream_business_usage_percent'), help: 'Latest X-Business-Use-Case-Usage percentage by use-case type and metric (estimated_time_to_regain_access in minutes)', labelNames: ['type', 'metric'], registers }),
    webhookAppendDuration: createFastHistogram({ name: name('webhook_append_duration_seconds'), help: 'Time to de-duplicate, append and publish the events of one delivery', labelNames: ['provider'], buckets: LATENCY_BUCKETS, registers }),
    deliveryLag: createFastHistogram({ name: name('subscription_delivery_lag_seconds'), help: "Time from a webhook's receipt to a subscriber's frame being handed to its connection, by transport", labelNames: ['transport'], buckets: LAG_BUCKETS, registers }),
    busEventsPublished: new Counter({ name: name('bus_events_published_total'), help: 'Events this instance stored and published on the event bus', registers }),
    busEventsReceived: new Counter({ name: name('bus_events_received_total'), help: "Events this instance's subscriptions received from the event bus (each event once, however many subscribers)", registers }),
    subscriptionsActive: new Gauge({ name: name('subscriptions_active'), help: 'Live subscriptions by transport (ws: operations; sse: streams)', labelNames: ['transport'], registers, collect: fromReader('transport', () => live.subscriptions) }),
    subscriptionsStarted: new Counter({ name: name('subscriptions_started_total'), help: 'Subscription streams started (groupEvents, operationUpdated)', registers }),
    subscriptionsEnded: new Counter({ name: name('subscriptions_ended_total'), help: 'Subscription streams ended, by reason (returned, too_slow, failed)', labelNames: ['reason'], registers }),
    subscriptionQueueDepthMax: new Gauge({ name: name('subscription_queue_depth_max'), help: 'Largest number of events waiting for one live subscriber right now (SUBSCRIBER_QUEUE_LIMIT ends it)', registers, collect() {
      if (live.queueDepthMax !== undefined) this.set(live.queueDepthMax());
    } }),
    subscriptionExecutions: new Counter({ name: name('subscription_executions_total'), help: 'Subscription results delivered, by whether an equal subscription already executed the event (shared="true")', labelNames: ['shared'], registers }),
    groupCacheRequests: new Counter({ name: name('group_cache_requests_total'), help: 'Group metadata lookups of the loaders by result (hit: cached with every field needed; miss)', labelNames: ['result'], registers }),
    groupCacheInvalidations: new Counter({ name: name('group_cache_invalidations_total'), help: 'Groups invalidated in the group cache by webhook events', registers }),
    operationsPending: new Gauge({ name: name('operations_pending'), help: 'Asynchronous operations this instance started that no webhook has completed yet, by kind', labelNames: ['kind'], registers, collect: fromReader('kind', () => live.operationsPending) }),
    redisConnectionUp: new Gauge({ name: name('redis_connection_up'), help: 'Redis connection ready (1) or not (0), by role (command, subscriber)', labelNames: ['role'], registers, collect: fromReader('role', () => live.redis) }),
    redisErrors: new Counter({ name: name('redis_errors_total'), help: "Errors a Redis connection reported (ioredis 'error' events: refused, lost or timed-out connections), by role", labelNames: ['role'], registers }),
  };
}
