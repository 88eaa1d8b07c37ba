import { GroupSummaryDocument, UpdateGroupDocument } from '../../generated/graphql';
import { signMetaPayload } from '../../../src/webhooks/providers/meta/meta.verify';
import { SANDBOX_APP_SECRET, SANDBOX_PHONE_A } from '../../helpers/constants';
import { freshGroupId, participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';
import type { OtlpReceiver, ReceivedSpan } from '../../helpers/otlp-receiver';
import { startOtlpReceiver } from '../../helpers/otlp-receiver';
import { testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { storedEvents } from '../../helpers/stored-events';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import type { WsClient } from '../../helpers/ws-client';
import { openWsClient, subscribe } from '../../helpers/ws-client';

jest.setTimeout(30_000);

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const LIVE = 'subscription Live($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after) { id cursor type } }';

const inTrace = (spans: readonly ReceivedSpan[], traceId: string): ReceivedSpan[] => spans.filter((span) => span.traceId === traceId);
const named = (spans: readonly ReceivedSpan[], name: string): ReceivedSpan[] => spans.filter((span) => span.name === name);
const childrenOf = (spans: readonly ReceivedSpan[], parent: ReceivedSpan): ReceivedSpan[] => spans.filter((span) => span.parentSpanId === parent.spanId);

describe('OpenTelemetry traces, exported over OTLP/HTTP (JSON) to a receiver the test runs', () => {
  let receiver: OtlpReceiver;
  let t: TestGateway;
  let ws: WsClient;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // On Redis: its round trips (the append script, the publishes) are spans too.
    t = await startTestGateway({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '20', LOG_LEVEL: 'debug', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix('tracing') } });
    ws = openWsClient({ url: t.graphqlUrl });
  });
  afterAll(async () => {
    await ws.dispose();
    await t.dispose();
    await receiver.close();
  });

  it('gives a cold group(id) one trace, under the caller\'s traceparent: request → resolver → loader batch → upstream call, the call sending that trace upstream', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    const group = t.sandbox.control.state().groups.find((candidate) => candidate.phoneNumberId === SANDBOX_PHONE_A)!;
    t.sandbox.stats.reset();
    const response = await t.query(GroupSummaryDocument, { id: group.id }, { headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } });
    expect(response.body.errors).toBeUndefined();

    await receiver.until((spans) => named(inTrace(spans, traceId), 'query GroupSummary').length === 1);
    const spans = inTrace(receiver.spans, traceId);
    const [request] = named(spans, 'query GroupSummary');
    expect(request).toMatchObject({ kind: SERVER, parentSpanId: callerSpanId, serviceName: 'whatsapp-groups-gateway', attributes: { 'graphql.operation.type': 'query', 'graphql.operation.name': 'GroupSummary' } });
    expect(Object.keys(request!.attributes)).not.toContain('graphql.document'); // no variables, no document
    const [resolver] = named(spans, 'resolve Query.group');
    expect(resolver).toMatchObject({ parentSpanId: request!.spanId, attributes: { 'graphql.field.name': 'group', 'graphql.field.path': 'group', 'graphql.parent.name': 'Query', 'graphql.field.type': 'Group' } });
    expect(Object.keys(resolver!.attributes).filter((key) => key.includes('arg'))).toEqual([]); // no arguments
    const [batch] = named(spans, 'loader group batch');
    expect(batch).toMatchObject({ parentSpanId: resolver!.spanId, attributes: { 'loader.keys': 1 } });
    const [call] = named(spans, 'graph api batch');
    expect(call).toMatchObject({ kind: CLIENT, parentSpanId: batch!.spanId, attributes: { 'graph_api.call': 'batch', 'http.request.method': 'POST', 'http.response.status_code': 200 } });

    // The sandbox (standing in for Meta) received the call span as the parent of its work.
    const upstream = t.sandbox.stats.requests.filter((recorded) => recorded.method === 'POST');
    expect(upstream.map((recorded) => recorded.traceparent)).toEqual([`00-${traceId}-${call!.spanId}-01`]);
    // Resolvers that read properties synchronously open no span; the group's own fields await its loader, each a span.
    expect(named(spans, 'resolve Group.id')).toEqual([]);
    expect(named(spans, 'resolve Group.subject').map((span) => span.parentSpanId)).toEqual([request!.spanId]);
    // Log lines written inside the request carry its trace.
    expect(t.logs.filter((line) => line.msg === 'graph api answer' && line.traceId === traceId).length).toBe(1);
  });

  it('gives a webhook delivery a trace that holds its verify, parse and append, and the delivery of its event to a live subscriber', async () => {
    const groupId = freshGroupId('traced');
    const marker = participantJoinedDelivery({ groupId, waId: '15550000000', timestamp: 1_755_549_000 });
    expect((await postMeta(t.url, marker.body)).status).toBe(200);
    const [{ cursor: now }] = await storedEvents(t.graphqlUrl, groupId);
    const live = subscribe<{ id: string }>(ws, { query: LIVE, variables: { groupId, after: now }, field: 'groupEvents' });
    const probe = participantJoinedDelivery({ groupId, waId: '15550000001', timestamp: 1_755_549_001 });
    expect((await postMeta(t.url, probe.body)).status).toBe(200);
    await live.take(1); // from here on the subscription is live

    const traceId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const metaSpanId = '1234567890abcdef';
    const join = participantJoinedDelivery({ groupId, waId: '15550000002', timestamp: 1_755_549_002 });
    const posted = await postMeta(t.url, join.body, {
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(join.body, SANDBOX_APP_SECRET), traceparent: `00-${traceId}-${metaSpanId}-01` },
    });
    expect(posted.status).toBe(200);
    const [event] = (await live.take(2)).slice(1);

    await receiver.until((spans) => named(inTrace(spans, traceId), 'subscription delivery').length === 1 && named(inTrace(spans, traceId), 'POST /webhooks/meta').length === 1);
    const spans = inTrace(receiver.spans, traceId);
    const [webhook] = named(spans, 'POST /webhooks/meta');
    expect(webhook).toMatchObject({ kind: SERVER, parentSpanId: metaSpanId, attributes: { 'webhook.provider': 'meta', 'http.response.status_code': 200, 'webhook.events.stored': 1 } });
    for (const step of ['webhook verify', 'webhook parse', 'webhook append']) expect(named(spans, step).map((span) => span.parentSpanId)).toEqual([webhook!.spanId]);
    const [delivery] = named(spans, 'subscription delivery');
    expect(delivery).toMatchObject({
      kind: PRODUCER,
      parentSpanId: webhook!.spanId,
      links: [{ traceId, spanId: webhook!.spanId }],
      attributes: { 'subscription.transport': 'ws', 'event.id': event!.id },
    });
    live.stop();
  });

  it('gives a mutation its resolver span, parent of its upstream call and of the publish that invalidates the read caches; the completing webhook its append and its publish', async () => {
    const group = t.sandbox.control.state().groups.find((candidate) => candidate.phoneNumberId === SANDBOX_PHONE_A)!;
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    t.sandbox.setWebhookUrl(null); // Meta's completion is held back, to be posted under a traceparent of the test's
    const update = await t.query(UpdateGroupDocument, { input: { groupId: group.id, subject: 'Traced Watchers' } }, { headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` } });
    expect(update.body.errors).toBeUndefined();
    await t.sandbox.webhooksIdle();
    t.sandbox.setWebhookUrl(`${t.url}/webhooks/meta`);
    const operationId = update.body.data!.updateGroup.operation!.id;
    const completion = t.sandbox.stats.webhooks.filter((webhook) => webhook.status === 'dropped').at(-1)!;

    await receiver.until((spans) => named(inTrace(spans, traceId), 'mutation UpdateGroup').length === 1 && named(inTrace(spans, traceId), 'redis publish').length >= 1);
    const spans = inTrace(receiver.spans, traceId);
    const [request] = named(spans, 'mutation UpdateGroup');
    const [resolver] = named(spans, 'resolve Mutation.updateGroup');
    expect(resolver).toMatchObject({ parentSpanId: request!.spanId, attributes: { 'graphql.field.path': 'updateGroup', 'graphql.parent.name': 'Mutation' } });
    expect(named(childrenOf(spans, resolver!), 'graph api updateGroupSettings')).toHaveLength(1);
    const publishes = named(spans, 'redis publish');
    const invalidation = publishes.find((span) => String(span.attributes['messaging.destination.name']).endsWith('read-changes'));
    expect(invalidation).toMatchObject({ parentSpanId: resolver!.spanId, attributes: { 'db.system.name': 'redis', 'db.operation.name': 'PUBLISH', 'messaging.operation.type': 'publish' } });

    // Meta's delivery of the completion, under its own traceparent: the append script and the operation's update.
    const webhookTrace = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    const posted = await postMeta(t.url, completion.rawBody, {
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(completion.rawBody, SANDBOX_APP_SECRET), traceparent: `00-${webhookTrace}-1234567890abcdef-01` },
    });
    expect(posted.status).toBe(200);
    await receiver.until((received) => named(inTrace(received, webhookTrace), 'POST /webhooks/meta').length === 1 && named(inTrace(received, webhookTrace), 'redis publish').length >= 1);
    const webhookSpans = inTrace(receiver.spans, webhookTrace);
    const [append] = named(webhookSpans, 'webhook append');
    const [script] = named(webhookSpans, 'redis append');
    expect(script).toMatchObject({ parentSpanId: append!.spanId, attributes: { 'db.system.name': 'redis', 'redis.append.publishes_in_script': true, 'redis.append.stored': 1, 'redis.append.duplicates': 0 } });
    const channels = named(webhookSpans, 'redis publish').map((span) => String(span.attributes['messaging.destination.name']));
    expect(channels.some((channel) => channel.endsWith(`operation:${operationId}`))).toBe(true);
  });
});
