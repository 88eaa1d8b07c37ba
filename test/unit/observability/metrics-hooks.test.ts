import type { StoredEvent } from '../../../src/events/event-model';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import { createGatewayMetrics } from '../../../src/observability/gateway-metrics';
import { createMetricsHooks, OPERATION_NAME_LIMIT } from '../../../src/observability/metrics-hooks';

/** The value of one series of a family, read from the registry as Prometheus would. */
async function valueOf(metrics: ReturnType<typeof createGatewayMetrics>, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const familyName = `whatsapp_gateway_${name}`.replace(/_(count|sum|bucket)$/, '');
  const family = (await metrics.registry.getMetricsAsJSON()).find((metric) => metric.name === familyName);
  const values = (family?.values ?? []) as { value: number; labels: Record<string, string | number>; metricName?: string }[];
  return values.find((value) => (value.metricName ?? family!.name) === `whatsapp_gateway_${name}` && Object.entries(labels).every(([key, wanted]) => String(value.labels[key]) === wanted))?.value;
}

describe('createMetricsHooks', () => {
  it('counts upstream attempts by status (timeout and network without one), retries, rate limits by code, and keeps the latest usage', async () => {
    const metrics = createGatewayMetrics();
    const { upstream } = createMetricsHooks(metrics);
    upstream.onAttempt!({ call: 'batch', method: 'POST', attempt: 1 })!.end({ status: 429, headers: new Headers({ 'x-app-usage': '{"call_count":40}' }), timedOut: false });
    upstream.onAttempt!({ call: 'batch', method: 'POST', attempt: 2 })!.end({ status: 200, headers: new Headers({ 'x-app-usage': '{"call_count":41}' }), timedOut: false });
    upstream.onAttempt!({ call: 'getGroup', method: 'GET', attempt: 1 })!.end({ status: null, headers: null, timedOut: true });
    upstream.onAttempt!({ call: 'getGroup', method: 'GET', attempt: 2 })!.end({ status: null, headers: null, timedOut: false });
    upstream.onRetry!({ call: 'batch', delayMs: 100 });
    upstream.onRateLimited!(new UpstreamError({ message: 'throttled', httpStatus: 429, code: 130429, isTransient: true }));
    expect(await valueOf(metrics, 'upstream_requests_total', { call: 'batch', status: '429' })).toBe(1);
    expect(await valueOf(metrics, 'upstream_requests_total', { call: 'getGroup', status: 'timeout' })).toBe(1);
    expect(await valueOf(metrics, 'upstream_requests_total', { call: 'getGroup', status: 'network' })).toBe(1);
    expect(await valueOf(metrics, 'upstream_request_duration_seconds_count', { call: 'batch' })).toBe(2);
    expect(await valueOf(metrics, 'upstream_retries_total', { call: 'batch' })).toBe(1);
    expect(await valueOf(metrics, 'upstream_rate_limited_total', { code: '130429' })).toBe(1);
    expect(await valueOf(metrics, 'upstream_app_usage_percent', { metric: 'call_count' })).toBe(41);
  });

  it('observes the delivery lag from the event receipt, and nothing for a result of no event', async () => {
    const metrics = createGatewayMetrics();
    const hooks = createMetricsHooks(metrics, { now: () => Date.parse('2026-01-01T00:00:01.250Z') });
    hooks.delivered({ transport: 'ws', receivedAt: '2026-01-01T00:00:01.000Z' });
    hooks.delivered({ transport: 'sse', receivedAt: null });
    expect(await valueOf(metrics, 'subscription_delivery_lag_seconds_sum', { transport: 'ws' })).toBeCloseTo(0.25);
    expect(await valueOf(metrics, 'subscription_delivery_lag_seconds_count', { transport: 'sse' })).toBeUndefined();
  });

  it('counts GraphQL requests with capped operation names, and reads the deepest live queue at scrape time', async () => {
    const metrics = createGatewayMetrics();
    const hooks = createMetricsHooks(metrics);
    for (let index = 0; index <= OPERATION_NAME_LIMIT; index++) hooks.graphqlCompleted({ transport: 'http', operationType: 'query', operationName: `Op${index}`, outcome: 'ok', durationSeconds: 0.01 });
    hooks.graphqlCompleted({ transport: 'http', operationType: null, operationName: null, outcome: 'UNAUTHENTICATED', durationSeconds: null });
    hooks.graphqlCompleted({ transport: 'ws', operationType: 'subscription', operationName: 'Op0', outcome: 'ok', durationSeconds: 0.002 });
    expect(await valueOf(metrics, 'graphql_requests_total', { transport: 'http', operation_name: 'Op0' })).toBe(1);
    expect(await valueOf(metrics, 'graphql_requests_total', { transport: 'ws', operation_type: 'subscription', operation_name: 'Op0' })).toBe(1);
    expect(await valueOf(metrics, 'graphql_request_duration_seconds_count', { transport: 'ws', operation_type: 'subscription', operation_name: 'Op0' })).toBe(1);
    expect(await valueOf(metrics, 'graphql_requests_total', { operation_name: 'other' })).toBe(1);
    expect(await valueOf(metrics, 'graphql_requests_total', { operation_type: 'unknown', operation_name: 'anonymous', outcome: 'UNAUTHENTICATED' })).toBe(1);

    const deep = { queued: 7 };
    hooks.events.started({ queued: 2 });
    hooks.events.started(deep);
    expect(await valueOf(metrics, 'subscription_queue_depth_max')).toBe(7);
    hooks.events.ended(deep, 'too_slow');
    expect(await valueOf(metrics, 'subscription_queue_depth_max')).toBe(2);
    expect(await valueOf(metrics, 'subscriptions_ended_total', { reason: 'too_slow' })).toBe(1);
  });

  it('counts a delivery by status and its events by type and outcome', async () => {
    const metrics = createGatewayMetrics();
    const { ingress } = createMetricsHooks(metrics);
    const stored = [{ id: 'e1', type: 'MESSAGE_RECEIVED' }, { id: 'e2', type: 'MESSAGE_RECEIVED' }] as StoredEvent[];
    ingress.onDelivered!({ provider: 'whapi', status: 200, stored, duplicates: [stored[0]!], ignored: 2, appendSeconds: 0.004 });
    expect(await valueOf(metrics, 'webhook_deliveries_total', { provider: 'whapi', status: '200' })).toBe(1);
    expect(await valueOf(metrics, 'webhook_events_total', { type: 'MESSAGE_RECEIVED', outcome: 'stored' })).toBe(2);
    expect(await valueOf(metrics, 'webhook_events_total', { type: 'MESSAGE_RECEIVED', outcome: 'duplicate' })).toBe(1);
    expect(await valueOf(metrics, 'webhook_events_total', { type: 'unknown', outcome: 'ignored' })).toBe(2);
    expect(await valueOf(metrics, 'bus_events_published_total')).toBe(2);
  });

  it('keeps two gateways apart: each registry counts only its own', async () => {
    const first = createGatewayMetrics();
    const second = createGatewayMetrics();
    createMetricsHooks(first).executed(true);
    expect(await valueOf(first, 'subscription_executions_total', { shared: 'true' })).toBe(1);
    expect(await valueOf(second, 'subscription_executions_total', { shared: 'true' })).toBeUndefined();
  });
});
