import { resourceFromAttributes } from '@opentelemetry/resources';
import type { Sampler, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ConsoleSpanExporter, ParentBasedSampler, SimpleSpanProcessor, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { createOtlpJsonExporter } from './otlp-json-exporter';

export interface TracerProviderSetup {
  provider: NodeTracerProvider;
  /** Where spans go (`console` for the console exporter). */
  endpoint: string;
  sampler: string;
  serviceName: string;
}

/**
 * A tracer provider from the standard OTEL_* variables (config.tracing.otel): OTEL_TRACES_EXPORTER (otlp, console),
 * OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, _HEADERS and _TIMEOUT, OTEL_TRACES_SAMPLER and _ARG, OTEL_SERVICE_NAME,
 * OTEL_RESOURCE_ATTRIBUTES, OTEL_BSP_SCHEDULE_DELAY and OTEL_BSP_MAX_EXPORT_BATCH_SIZE. Never registered globally:
 * the gateway asks it for its tracer, so two gateways in one process keep their own.
 */
export function createTracerProvider(options: { otel: Readonly<Record<string, string>>; serviceName: string }): TracerProviderSetup {
  const { otel, serviceName } = options;
  const samplerName = (otel.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on').toLowerCase();
  const console = otel.OTEL_TRACES_EXPORTER?.toLowerCase() === 'console';
  const endpoint = console ? 'console' : tracesEndpoint(otel);
  const processor: SpanProcessor = console
    ? new SimpleSpanProcessor(new ConsoleSpanExporter())
    : new BatchSpanProcessor(createOtlpJsonExporter({ url: endpoint, headers: parseKeyValues(otel.OTEL_EXPORTER_OTLP_TRACES_HEADERS ?? otel.OTEL_EXPORTER_OTLP_HEADERS), ...positive('timeoutMs', otel.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? otel.OTEL_EXPORTER_OTLP_TIMEOUT) }), {
        ...positive('scheduledDelayMillis', otel.OTEL_BSP_SCHEDULE_DELAY),
        ...positive('maxExportBatchSize', otel.OTEL_BSP_MAX_EXPORT_BATCH_SIZE),
      });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ ...parseKeyValues(otel.OTEL_RESOURCE_ATTRIBUTES), 'service.name': serviceName }),
    sampler: samplerFor(samplerName, otel.OTEL_TRACES_SAMPLER_ARG),
    spanProcessors: [processor],
  });
  return { provider, endpoint, sampler: samplerName, serviceName };
}

/** The traces URL: the signal-specific endpoint as given, else the base endpoint + `/v1/traces` (the OTLP spec's rule). */
function tracesEndpoint(otel: Readonly<Record<string, string>>): string {
  if (otel.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined) return otel.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = otel.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318';
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

function samplerFor(name: string, arg: string | undefined): Sampler {
  const ratio = arg === undefined || !Number.isFinite(Number(arg)) ? 1 : Math.min(1, Math.max(0, Number(arg)));
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/** `key1=value1,key2=value2` (OTEL_EXPORTER_OTLP_HEADERS, OTEL_RESOURCE_ATTRIBUTES), values URL-decoded. */
function parseKeyValues(text: string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of (text ?? '').split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    pairs[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return pairs;
}

function positive<K extends string>(key: K, text: string | undefined): Partial<Record<K, number>> {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? ({ [key]: value } as Partial<Record<K, number>>) : {};
}
