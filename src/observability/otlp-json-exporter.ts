import type { ExportResult } from '@opentelemetry/core';
import { ExportResultCode } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * OTLP over HTTP with JSON bodies, sent with `fetch`. The serialisation is OpenTelemetry's own; the transport is
 * ours because @opentelemetry/exporter-trace-otlp-http loads `http` with a dynamic import(), which CommonJS test
 * runners (jest without --experimental-vm-modules) refuse, so the tests could not run the exporter production runs.
 */
export function createOtlpJsonExporter(options: { url: string; headers: Readonly<Record<string, string>>; timeoutMs?: number }): SpanExporter {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const send = async (spans: ReadableSpan[]): Promise<ExportResult> => {
    const body = JsonTraceSerializer.serializeRequest(spans);
    if (body === undefined) return { code: ExportResultCode.FAILED, error: new Error('OTLP JSON serialisation gave no body') };
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { ...options.headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer(); // the connection goes back to the pool
      return response.ok ? { code: ExportResultCode.SUCCESS } : { code: ExportResultCode.FAILED, error: new Error(`OTLP receiver at ${options.url} answered ${response.status}`) };
    } catch (error) {
      return { code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) };
    }
  };

  const settled = async (): Promise<void> => {
    await Promise.all([...inFlight]);
  };

  return {
    export(spans, resultCallback) {
      if (stopped) {
        resultCallback({ code: ExportResultCode.FAILED, error: new Error('the OTLP exporter is shut down') });
        return;
      }
      const done = send(spans).then(resultCallback);
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    },
    forceFlush: settled,
    async shutdown() {
      stopped = true;
      await settled();
    },
  };
}
