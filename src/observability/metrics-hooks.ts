import type { EventServicesObserver } from '../events/event-services';
import type { LoaderHooks } from '../loaders/group.loader';
import type { UpstreamHooks } from '../upstream/types';
import type { IngressObserver } from '../webhooks/webhook-ingress';
import type { GatewayMetrics } from './gateway-metrics';
import { readUsageHeaders } from './graph-api-usage';
import { createOperationNameLabels } from './operation-name-labels';

/** Distinct GraphQL operation names that get a series of their own; later names count as `other`. */
export const OPERATION_NAME_LIMIT = 100;

/** How one GraphQL request (HTTP) or operation (WebSocket, SSE) ended (the server's GraphQLRequestOutcome). */
export interface GraphQLRequestMetrics {
  transport: string;
  operationType: string | null;
  operationName: string | null;
  outcome: string;
  durationSeconds: number | null;
}

/** The hooks each part takes, counting into the gateway's metrics. Every one is a counter or an observation: cheap. */
export interface MetricsHooks {
  upstream: UpstreamHooks;
  ingress: IngressObserver;
  webhookBodyTooLarge(provider: string): void;
  events: EventServicesObserver;
  loaders: LoaderHooks;
  graphqlCompleted(request: GraphQLRequestMetrics): void;
  /** A subscription result handed to a connection: its lag since the webhook's receipt. */
  delivered(delivery: { transport: string; receivedAt: string | null }): void;
  executed(shared: boolean): void;
  groupCacheInvalidated(groups: number): void;
}

export function createMetricsHooks(metrics: GatewayMetrics, options: { now?: () => number } = {}): MetricsHooks {
  const now = options.now ?? Date.now;
  const operationNames = createOperationNameLabels(OPERATION_NAME_LIMIT);
  const { tallies } = metrics;
  const lastReceipt = { text: '', at: Number.NaN };
  /** Live streams, for the deepest queue at scrape time; each stream added and removed once, never per event. */
  const streams = new Set<{ readonly queued: number }>();
  metrics.live.queueDepthMax = () => {
    let deepest = 0;
    for (const stream of streams) deepest = Math.max(deepest, stream.queued);
    return deepest;
  };

  return {
    upstream: {
      onAttempt({ call }) {
        const started = performance.now();
        return {
          end({ status, headers, timedOut }) {
            metrics.upstreamRequests.inc({ call, status: status === null ? (timedOut ? 'timeout' : 'network') : String(status) });
            metrics.upstreamDuration.observe({ call }, (performance.now() - started) / 1000);
            if (headers === null) return;
            for (const reading of readUsageHeaders(headers)) {
              if (reading.header === 'app') metrics.upstreamAppUsage.set({ metric: reading.metric }, reading.value);
              else metrics.upstreamBusinessUsage.set({ type: reading.type ?? 'unknown', metric: reading.metric }, reading.value);
            }
          },
        };
      },
      onRetry: ({ call }) => metrics.upstreamRetries.inc({ call }),
      onRateLimited: (error) => metrics.upstreamRateLimited.inc({ code: String(error.code ?? error.httpStatus ?? 'unknown') }),
    },
    ingress: {
      onDelivered({ provider, status, stored, duplicates, ignored, appendSeconds }) {
        tallies.webhookDeliveries.inc([provider, String(status)]);
        for (const event of stored) tallies.webhookEvents.inc([provider, event.type, 'stored']);
        for (const event of duplicates) tallies.webhookEvents.inc([provider, event.type, 'duplicate']);
        // Ignored items are kinds the gateway does not model: their names come from the sender, so they share one label.
        if (ignored > 0) tallies.webhookEvents.inc([provider, 'unknown', 'ignored'], ignored);
        if (appendSeconds !== null) metrics.webhookAppendDuration.observe([provider], appendSeconds);
        if (stored.length > 0) metrics.busEventsPublished.inc(stored.length);
      },
    },
    webhookBodyTooLarge: (provider) => metrics.webhookDeliveries.inc({ provider, status: '413' }),
    events: {
      received: () => metrics.busEventsReceived.inc(),
      started(stream) {
        streams.add(stream);
        metrics.subscriptionsStarted.inc();
      },
      ended(stream, reason) {
        streams.delete(stream);
        metrics.subscriptionsEnded.inc({ reason });
      },
    },
    loaders: {
      onCacheRead({ hits, misses }) {
        if (hits > 0) metrics.groupCacheRequests.inc({ result: 'hit' }, hits);
        if (misses > 0) metrics.groupCacheRequests.inc({ result: 'miss' }, misses);
      },
    },
    graphqlCompleted({ transport, operationType, operationName, outcome, durationSeconds }) {
      const type = operationType ?? 'unknown';
      const name = operationNames.of(operationName);
      tallies.graphqlRequests.inc([transport, type, name, outcome]);
      if (durationSeconds !== null) metrics.graphqlDuration.observe([transport, type, name], durationSeconds);
    },
    delivered({ transport, receivedAt }) {
      if (receivedAt === null) return;
      // Every subscriber of an event is handed the same receipt time: parsed once per event, not once per frame.
      if (receivedAt !== lastReceipt.text) {
        lastReceipt.text = receivedAt;
        lastReceipt.at = Date.parse(receivedAt);
      }
      if (Number.isFinite(lastReceipt.at)) metrics.deliveryLag.observe([transport], Math.max(0, now() - lastReceipt.at) / 1000);
    },
    executed: (shared) => metrics.subscriptionExecutions.inc({ shared: shared ? 'true' : 'false' }),
    groupCacheInvalidated: (groups) => metrics.groupCacheInvalidations.inc(groups),
  };
}
