import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { loadConfig } from '../../../src/config/config';
import type { EventInfrastructure } from '../../../src/events/event-infrastructure';
import { createSilentLogger } from '../../../src/lib/logger';
import { createObservability } from '../../../src/observability/observability';
import { createTracing, tracingOver } from '../../../src/observability/tracing';
import { traceResolvers } from '../../../src/server/resolver-spans';

const subscriptionResolve = (value: unknown): unknown => value;

function schemaWithResolvers(): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        later: { type: GraphQLString, resolve: async () => 'later' },
        now: { type: GraphQLString, resolve: () => 'now' },
      },
    }),
    subscription: new GraphQLObjectType({ name: 'Subscription', fields: { ticks: { type: GraphQLString, resolve: subscriptionResolve } } }),
  });
}

function inMemoryTracing() {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, tracing: tracingOver(provider.getTracer('test'), () => provider.shutdown()) };
}

describe('tracing off', () => {
  it('is off without an endpoint or exporter: no tracer is created and no tracing hook is handed to any part', () => {
    const config = loadConfig({ NODE_ENV: 'test', METRICS_PORT: 'off' });
    expect(config.tracing).toEqual({ enabled: false, otel: {} });
    expect(createTracing(config.tracing)).toBeNull();
    const observability = createObservability({ config, logger: createSilentLogger() });
    expect(observability.tracing).toBeNull();
    expect(observability.metrics).toBeNull();
    // With metrics off as well, every part runs exactly as without observability.
    expect(observability.hooks).toEqual({});
    // No resolver span (the schema's resolvers are left as they are); the event log and bus are left as they are.
    const infrastructure = { kind: 'redis', redis: {} } as unknown as EventInfrastructure;
    expect(observability.observeEvents(infrastructure)).toBe(infrastructure);
  });

  it('with metrics on, hands the parts counting hooks only: none wraps a request, a batch or an ingress step', () => {
    const observability = createObservability({ config: loadConfig({ NODE_ENV: 'test', METRICS_PORT: '0' }), logger: createSilentLogger() });
    const { hooks } = observability;
    expect(hooks.around).toBeUndefined();
    expect(hooks.loaders?.aroundBatch).toBeUndefined();
    expect(hooks.ingress?.step).toBeUndefined();
    expect(hooks.graphql?.onOperation).toBeUndefined();
    expect(hooks.upstream?.onAttempt?.({ call: 'getGroup', method: 'GET', attempt: 1 })?.headers).toBeUndefined();
    expect(hooks.resolverSpan).toBeUndefined();
    const infrastructure = { kind: 'redis', redis: {} } as unknown as EventInfrastructure;
    expect(observability.observeEvents(infrastructure)).toBe(infrastructure);
  });

  it('is on with an OTLP endpoint, or with OTEL_TRACES_EXPORTER=console; other protocols are refused at start', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.enabled).toBe(true);
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'console' }).tracing.enabled).toBe(true);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing.enabled).toBe(false);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow('set it to http/json');
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' })).toThrow('OTEL_TRACES_EXPORTER=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT');
  });
});

describe('tracingOver', () => {
  it('opens a span for work under inSpanIfAsync only when it answers a promise or starts a span, and none outside a trace', async () => {
    const { exporter, tracing } = inMemoryTracing();
    expect(tracing.inSpanIfAsync('outside', () => ({}), () => 1)).toBe(1);
    let attributesAsked = 0;
    const attributes = () => {
      attributesAsked += 1;
      return { 'graphql.field.name': 'x' };
    };
    await tracing.inSpan('request', {}, async () => {
      expect(tracing.inSpanIfAsync('sync', attributes, () => 'value')).toBe('value');
      expect(attributesAsked).toBe(0); // a synchronous answer opened nothing, not even its attributes
      tracing.inSpanIfAsync('sync with a child', attributes, () => tracing.inSpan('child', {}, () => undefined));
      await tracing.inSpanIfAsync('async', attributes, async () => {
        await Promise.resolve();
        await tracing.inSpan('loader batch', {}, async () => undefined);
      });
      await expect(tracing.inSpanIfAsync('rejected', attributes, () => Promise.reject(new Error('upstream down')))).rejects.toThrow('upstream down');
    });
    const spans = exporter.getFinishedSpans();
    const byName = new Map(spans.map((span) => [span.name, span]));
    expect([...byName.keys()].sort()).toEqual(['async', 'child', 'loader batch', 'rejected', 'request', 'sync with a child']);
    const request = byName.get('request')!.spanContext().spanId;
    expect(byName.get('async')!.parentSpanContext?.spanId).toBe(request);
    expect(byName.get('loader batch')!.parentSpanContext?.spanId).toBe(byName.get('async')!.spanContext().spanId);
    expect(byName.get('child')!.parentSpanContext?.spanId).toBe(byName.get('sync with a child')!.spanContext().spanId);
    expect(byName.get('async')!.attributes).toEqual({ 'graphql.field.name': 'x' });
    expect(byName.get('rejected')!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'upstream down' });
    expect(attributesAsked).toBe(3);
  });

  it('wraps the resolvers of the schema with traceResolvers, except the Subscription root, once', async () => {
    const { exporter, tracing } = inMemoryTracing();
    const schema = schemaWithResolvers();
    const observed = traceResolvers(traceResolvers(schema, tracing.inSpanIfAsync), tracing.inSpanIfAsync);
    const answer = await tracing.inSpan('request', {}, () => graphql({ schema: observed, source: '{ later now }' }));
    expect(answer).toEqual({ data: { later: 'later', now: 'now' } });
    expect(exporter.getFinishedSpans().map((span) => span.name).sort()).toEqual(['request', 'resolve Query.later']);
    expect(schema.getSubscriptionType()!.getFields().ticks!.resolve).toBe(subscriptionResolve);
  });

  it('nests spans by async context, honours an incoming traceparent and gives log lines the active ids', async () => {
    const { exporter, tracing } = inMemoryTracing();
    const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    let logged: object = {};
    await tracing.aroundRequest({ name: 'POST /graphql', headers: { traceparent: incoming } }, async () => {
      await tracing.inSpan('loader group batch', {}, async () => {
        await Promise.resolve();
        logged = tracing.logFields();
        const { span, headers } = tracing.startClientSpan('graph api batch', { 'graph_api.call': 'batch' });
        expect(headers.traceparent).toBe(`00-0af7651916cd43dd8448eb211c80319c-${span.spanContext().spanId}-01`);
        span.end();
      });
    });
    expect(tracing.logFields()).toEqual({});
    const spans = exporter.getFinishedSpans();
    const byName = new Map(spans.map((span) => [span.name, span]));
    const request = byName.get('POST /graphql')!;
    const batch = byName.get('loader group batch')!;
    const call = byName.get('graph api batch')!;
    expect(spans.every((span) => span.spanContext().traceId === '0af7651916cd43dd8448eb211c80319c')).toBe(true);
    expect(request.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(request.kind).toBe(SpanKind.SERVER);
    expect(batch.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(call.parentSpanContext?.spanId).toBe(batch.spanContext().spanId);
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(logged).toEqual({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: batch.spanContext().spanId });
  });

  it('marks a span whose work throws or rejects as an error, and passes the error on', async () => {
    const { exporter, tracing } = inMemoryTracing();
    expect(() => tracing.inSpan('webhook verify', {}, () => { throw new Error('bad signature'); })).toThrow('bad signature');
    await expect(tracing.inSpan('webhook append', {}, () => Promise.reject(new Error('redis down')))).rejects.toThrow('redis down');
    expect(exporter.getFinishedSpans().map((span) => [span.name, span.status.code, span.status.message])).toEqual([
      ['webhook verify', SpanStatusCode.ERROR, 'bad signature'],
      ['webhook append', SpanStatusCode.ERROR, 'redis down'],
    ]);
  });

  it('remembers where events came from, the most recent 10,000', () => {
    const { tracing } = inMemoryTracing();
    expect(tracing.originOf('e1')).toBeUndefined();
    tracing.rememberOrigin(['outside any span']);
    expect(tracing.originOf('outside any span')).toBeUndefined();
    const spanId = tracing.inSpan('POST /webhooks/meta', {}, (span) => {
      tracing.rememberOrigin(['e1', 'e2']);
      return span.spanContext().spanId;
    });
    expect(tracing.originOf('e2')?.spanId).toBe(spanId);
    tracing.inSpan('many', {}, () => tracing.rememberOrigin(Array.from({ length: 10_000 }, (_, index) => `n${index}`)));
    expect(tracing.originOf('e1')).toBeUndefined();
    expect(tracing.originOf('n0')).toBeDefined();
  });
});
