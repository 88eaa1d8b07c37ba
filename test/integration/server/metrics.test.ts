import { GroupSummaryDocument, UpdateGroupDocument } from '../../generated/graphql';
import { META_DISPLAY_PHONE_NUMBER, META_WABA_ID, SANDBOX_PHONE_A } from '../../helpers/constants';
import { freshGroupId, participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';
import type { Scrape } from '../../helpers/prometheus';
import { scrape } from '../../helpers/prometheus';
import { testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { storedEvents } from '../../helpers/stored-events';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import type { WsClient } from '../../helpers/ws-client';
import { openWsClient, subscribe } from '../../helpers/ws-client';

jest.setTimeout(30_000);

const P = 'whatsapp_gateway_';
const LIVE = 'subscription Live($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after) { id cursor type } }';

/** A Meta delivery of a field the gateway does not model: verified, then ignored. */
function unknownFieldDelivery(): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: META_WABA_ID, changes: [{ field: 'account_review_update', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: META_DISPLAY_PHONE_NUMBER, phone_number_id: SANDBOX_PHONE_A }, decision: 'APPROVED' } }] }],
  });
}

/** What changed between two scrapes of a counter or histogram count. */
const delta = (before: Scrape, after: Scrape, name: string, labels?: Record<string, string>): number => after.value(name, labels) - before.value(name, labels);

describe('Prometheus metrics on their own listener, after real traffic', () => {
  let t: TestGateway;
  let ws: WsClient;

  beforeAll(async () => {
    t = await startTestGateway({ env: { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix('metrics') } });
    ws = openWsClient({ url: t.graphqlUrl });
  });
  afterAll(async () => {
    await ws.dispose();
    await t.dispose();
  });

  it('serves GET /metrics on the metrics port, not on the GraphQL port, with the default process metrics', async () => {
    expect(t.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(t.metricsUrl!).port).not.toBe(new URL(t.url).port);
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    expect((await fetch(t.metricsUrl!.replace('/metrics', '/other'))).status).toBe(404);
    const metrics = await scrape(t.metricsUrl!);
    expect(metrics.types.get(`${P}process_cpu_user_seconds_total`)).toBe('counter');
    expect(metrics.types.get(`${P}nodejs_eventloop_lag_seconds`)).toBe('gauge');
    expect(metrics.find(`${P}redis_connection_up`).map((sample) => sample.labels.role).sort()).toEqual(['command', 'subscriber']);
    expect(metrics.types.get(`${P}redis_errors_total`)).toBe('counter');
  });

  it('counts queries by operation and outcome, their upstream calls, retries, rate limits and usage, and cache hits and misses', async () => {
    const [first, second] = t.sandbox.control.state().groups.filter((group) => group.phoneNumberId === SANDBOX_PHONE_A);
    const before = await scrape(t.metricsUrl!);

    expect((await t.query(GroupSummaryDocument, { id: first!.id })).body.errors).toBeUndefined(); // cold: a miss and a batch call
    expect((await t.query(GroupSummaryDocument, { id: first!.id })).body.errors).toBeUndefined(); // a response-cache hit: no execution
    expect((await t.query(`{ group(id: "${first!.id}") { id } }`)).body.errors).toBeUndefined(); // anonymous
    const invalid = await t.query('query Broken { group(id: "1") { noSuchField } }');
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Meta throttles the first attempt (with the business use-case usage header); the retry after 1 s succeeds.
    t.sandbox.failNext({ operation: 'batch', code: 130429, httpStatus: 429, retryAfterSeconds: 1, regainAccessMinutes: 7, times: 1 });
    expect((await t.query(GroupSummaryDocument, { id: second!.id })).body.errors).toBeUndefined();

    const after = await scrape(t.metricsUrl!);
    const requests = `${P}graphql_requests_total`;
    expect(delta(before, after, requests, { operation_type: 'query', operation_name: 'GroupSummary', outcome: 'ok' })).toBe(3);
    expect(delta(before, after, requests, { operation_type: 'query', operation_name: 'anonymous', outcome: 'ok' })).toBe(1);
    // Validation fails before an operation is chosen: no type, and no name to trust.
    expect(delta(before, after, requests, { operation_type: 'unknown', operation_name: 'anonymous', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(delta(before, after, `${P}graphql_request_duration_seconds_count`, { operation_type: 'query', operation_name: 'GroupSummary' })).toBe(3);
    expect(after.types.get(`${P}graphql_request_duration_seconds`)).toBe('histogram');

    expect(delta(before, after, `${P}upstream_requests_total`, { call: 'batch', status: '200' })).toBe(2);
    expect(delta(before, after, `${P}upstream_requests_total`, { call: 'batch', status: '429' })).toBe(1);
    expect(delta(before, after, `${P}upstream_request_duration_seconds_count`, { call: 'batch' })).toBe(3);
    expect(delta(before, after, `${P}upstream_retries_total`, { call: 'batch' })).toBe(1);
    expect(delta(before, after, `${P}upstream_rate_limited_total`, { code: '130429' })).toBe(1);
    // The gauges hold the usage headers of the latest answer (the successful retry), as the sandbox sent them: its
    // X-App-Usage and its use case's X-Business-Use-Case-Usage, the throttle of the answer before it lifted.
    const sent = t.sandbox.stats.usageHeaders!;
    const appUsage = JSON.parse(sent['x-app-usage']!) as Record<string, number>;
    const [[businessUsage]] = Object.values(JSON.parse(sent['x-business-use-case-usage']!) as Record<string, Record<string, number | string>[]>);
    expect(appUsage.call_count).toBeGreaterThan(0);
    for (const metric of ['call_count', 'total_cputime', 'total_time']) {
      expect(after.value(`${P}upstream_app_usage_percent`, { metric })).toBe(appUsage[metric]);
      expect(after.value(`${P}upstream_business_usage_percent`, { type: 'whatsapp_business_management', metric })).toBe(businessUsage![metric]);
    }
    expect(after.value(`${P}upstream_business_usage_percent`, { type: 'whatsapp_business_management', metric: 'estimated_time_to_regain_access' })).toBe(0);

    expect(delta(before, after, `${P}group_cache_requests_total`, { result: 'miss' })).toBe(2);
    // The anonymous query (another document, so a response-cache miss) finds the group in the group cache; the second
    // GroupSummary never reaches it (the response cache answered), yet counts as a request above.
    expect(delta(before, after, `${P}group_cache_requests_total`, { result: 'hit' })).toBe(1);
  });

  it('counts webhook deliveries and events by outcome, the bus, a live subscriber, its delivery lag and the cache invalidations', async () => {
    const groupId = freshGroupId('metrics');
    const marker = participantJoinedDelivery({ groupId, waId: '15550000000', timestamp: 1_755_549_000 });
    expect((await postMeta(t.url, marker.body)).status).toBe(200);
    const [{ cursor: now }] = await storedEvents(t.graphqlUrl, groupId);
    const live = subscribe<{ id: string; type: string }>(ws, { query: LIVE, variables: { groupId, after: now }, field: 'groupEvents' });
    // Once the probe arrived (replayed or live), the stream is on the bus: what follows comes through it.
    const probe = participantJoinedDelivery({ groupId, waId: '15550000009', timestamp: 1_755_548_000 });
    expect((await postMeta(t.url, probe.body)).status).toBe(200);
    await live.take(1);
    const before = await scrape(t.metricsUrl!);

    const joins = [1, 2, 3].map((index) => participantJoinedDelivery({ groupId, waId: String(15_550_000_000 + index), timestamp: 1_755_549_000 + index }));
    for (const join of joins) expect((await postMeta(t.url, join.body)).status).toBe(200);
    const received = (await live.take(4)).slice(1);
    expect((await postMeta(t.url, joins[0]!.body)).status).toBe(200); // a retry: a duplicate
    expect((await postMeta(t.url, unknownFieldDelivery())).status).toBe(200); // ignored
    expect((await postMeta(t.url, joins[1]!.body, { secret: 'wrong secret' })).status).toBe(401);

    const during = await scrape(t.metricsUrl!);
    const type = received[0]!.type;
    expect(received.map((event) => event.type)).toEqual([type, type, type]);
    expect(delta(before, during, `${P}webhook_deliveries_total`, { provider: 'meta', status: '200' })).toBe(5);
    expect(delta(before, during, `${P}webhook_deliveries_total`, { provider: 'meta', status: '401' })).toBe(1);
    expect(delta(before, during, `${P}webhook_events_total`, { provider: 'meta', type, outcome: 'stored' })).toBe(3);
    expect(delta(before, during, `${P}webhook_events_total`, { provider: 'meta', type, outcome: 'duplicate' })).toBe(1);
    expect(delta(before, during, `${P}webhook_events_total`, { provider: 'meta', type: 'unknown', outcome: 'ignored' })).toBe(1);
    expect(delta(before, during, `${P}webhook_append_duration_seconds_count`, { provider: 'meta' })).toBe(4);
    expect(delta(before, during, `${P}bus_events_published_total`)).toBe(3);
    expect(delta(before, during, `${P}bus_events_received_total`)).toBe(3);
    expect(delta(before, during, `${P}group_cache_invalidations_total`)).toBe(4); // the group, once per delivery of a join
    expect(delta(before, during, `${P}subscription_delivery_lag_seconds_count`, { transport: 'ws' })).toBe(3);
    expect(during.value(`${P}subscription_delivery_lag_seconds_sum`, { transport: 'ws' })).toBeGreaterThan(0);
    expect(delta(before, during, `${P}subscription_executions_total`, { shared: 'false' })).toBe(3);
    expect(during.value(`${P}subscriptions_active`, { transport: 'ws' })).toBe(1);
    expect(during.value(`${P}subscriptions_active`, { transport: 'sse' })).toBe(0);
    expect(during.value(`${P}subscriptions_started_total`)).toBeGreaterThanOrEqual(1);
    expect(during.find(`${P}subscription_queue_depth_max`)).toHaveLength(1);
    // Both connections in use: the commands stored the events, the subscriber confirmed the subscription.
    expect(during.value(`${P}redis_connection_up`, { role: 'command' })).toBe(1);
    expect(during.value(`${P}redis_connection_up`, { role: 'subscriber' })).toBe(1);
  });

  it('counts a mutation, its operation while pending, and the operationUpdated subscription the completing webhook ends', async () => {
    const group = t.sandbox.control.state().groups.find((candidate) => candidate.phoneNumberId === SANDBOX_PHONE_A)!;
    const before = await scrape(t.metricsUrl!);
    t.sandbox.setWebhookUrl(null); // Meta's completion is held back: recorded, not sent
    const update = await t.query(UpdateGroupDocument, { input: { groupId: group.id, subject: 'Metrics Watchers' } });
    expect(update.body.errors).toBeUndefined();
    await t.sandbox.webhooksIdle();
    t.sandbox.setWebhookUrl(`${t.url}/webhooks/meta`);
    const operationId = update.body.data!.updateGroup.operation!.id;
    const completion = t.sandbox.stats.webhooks.filter((webhook) => webhook.status === 'dropped').at(-1)!;
    const updates = subscribe<{ status: string }>(ws, { query: 'subscription Op($id: ID!) { operationUpdated(id: $id) { id status } }', variables: { id: operationId }, field: 'operationUpdated' });
    expect((await updates.take(1))[0]!.status).toBe('PENDING');

    const pending = await scrape(t.metricsUrl!);
    expect(delta(before, pending, `${P}graphql_requests_total`, { operation_type: 'mutation', operation_name: 'UpdateGroup', outcome: 'ok' })).toBe(1);
    expect(delta(before, pending, `${P}upstream_requests_total`, { call: 'updateGroupSettings', status: '200' })).toBe(1);
    expect(pending.value(`${P}operations_pending`, { kind: 'UPDATE_GROUP' })).toBe(1);

    // Meta's retry of the held-back webhook completes the operation, which ends the subscription.
    expect((await postMeta(t.url, completion.rawBody)).status).toBe(200);
    expect(await updates.ended).toEqual({ kind: 'complete' });
    expect(updates.items.at(-1)!.status).toBe('SUCCEEDED');
    const completed = await scrape(t.metricsUrl!);
    expect(completed.value(`${P}operations_pending`, { kind: 'UPDATE_GROUP' })).toBe(0);
    expect(delta(pending, completed, `${P}subscriptions_ended_total`, { reason: 'returned' })).toBe(1);
  });

  it('counts GraphQL over WebSocket and SSE by transport, once per operation: a result, a started subscription or a refusal', async () => {
    const group = t.sandbox.control.state().groups.find((candidate) => candidate.phoneNumberId === SANDBOX_PHONE_A)!;
    const query = `query Probe { group(id: "${group.id}") { id } }`;
    const before = await scrape(t.metricsUrl!);

    const overWs = ws.run(query);
    expect(await overWs.message(0)).toMatchObject({ kind: 'next', result: { data: { group: { id: group.id } } } });
    expect(await overWs.message(1)).toEqual({ kind: 'complete' });
    expect((await ws.run('query Probe { nope }').message(0)).kind).toBe('error');
    const groupId = freshGroupId('counted');
    expect((await postMeta(t.url, participantJoinedDelivery({ groupId, waId: '15550000000', timestamp: 1_755_549_000 }).body)).status).toBe(200);
    const [{ cursor: now }] = await storedEvents(t.graphqlUrl, groupId);
    const live = subscribe<{ id: string }>(ws, { query: LIVE, variables: { groupId, after: now }, field: 'groupEvents' });
    const overSse = await fetch(`${t.url}/graphql/stream`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query }) });
    expect(await overSse.text()).toContain('event: complete');
    const refusedSse = await fetch(`${t.url}/graphql/stream`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query: 'query Probe { nope }' }) });
    expect(refusedSse.status).toBe(400);
    await refusedSse.text();
    // An event that reaches the subscriber shows it started (it was counted then); its events count nothing more.
    expect((await postMeta(t.url, participantJoinedDelivery({ groupId, waId: '15550000001', timestamp: 1_755_549_001 }).body)).status).toBe(200);
    await live.take(1);

    const after = await scrape(t.metricsUrl!);
    const requests = `${P}graphql_requests_total`;
    expect(delta(before, after, requests, { transport: 'ws', operation_type: 'query', operation_name: 'Probe', outcome: 'ok' })).toBe(1);
    expect(delta(before, after, requests, { transport: 'ws', operation_type: 'unknown', operation_name: 'anonymous', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(delta(before, after, requests, { transport: 'ws', operation_type: 'subscription', operation_name: 'Live', outcome: 'ok' })).toBe(1);
    expect(delta(before, after, requests, { transport: 'sse', operation_type: 'query', operation_name: 'Probe', outcome: 'ok' })).toBe(1);
    expect(delta(before, after, requests, { transport: 'sse', operation_type: 'unknown', operation_name: 'anonymous', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(delta(before, after, `${P}graphql_request_duration_seconds_count`, { transport: 'ws', operation_type: 'query', operation_name: 'Probe' })).toBe(1);
    // Not counted twice: none of these went through the HTTP GraphQL route.
    expect(delta(before, after, requests, { transport: 'http', operation_name: 'Probe' })).toBe(0);
    live.stop();
  });
});
