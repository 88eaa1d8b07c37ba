import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { loadConfig } from '../../../src/config/config';
import { createSilentLogger } from '../../../src/lib/logger';
import { createObservability } from '../../../src/observability/observability';
import { createTracing, tracingOver } from '../../../src/observability/tracing';

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
  });

  it('with metrics on, hands the parts counting hooks only: none wraps a request, a batch or an ingress step', () => {
    const observability = createObservability({ config: loadConfig({ NODE_ENV: 'test', METRICS_PORT: '0' }), logger: createSilentLogger() });
    const { hooks } = observability;
    expect(hooks.around).toBeUndefined();
    expect(hooks.loaders?.aroundBatch).toBeUndefined();
    expect(hooks.ingress?.step).toBeUndefined();
    expect(hooks.graphql?.onOperation).toBeUndefined();
    expect(hooks.upstream?.onAttempt?.({ call: 'getGroup', method: 'GET', attempt: 1 })?.headers).toBeUndefined();
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
