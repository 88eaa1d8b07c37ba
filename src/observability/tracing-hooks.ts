import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';
import type { LoaderHooks } from '../loaders/group.loader';
import type { UpstreamHooks } from '../upstream/types';
import type { IngressObserver } from '../webhooks/webhook-ingress';
import type { Tracing } from './tracing';

/** The hooks each part takes, making spans. Built only when tracing is on. */
export interface TracingHooks {
  around<T>(request: { name: string; headers: IncomingHttpHeaders }, run: () => Promise<T>): Promise<T>;
  graphqlOperation(operation: { type: string; name: string | null }): void;
  upstream: UpstreamHooks;
  ingress: IngressObserver;
  loaders: LoaderHooks;
  /** A subscription result handed to a connection: a span in the trace of the webhook that brought its event. */
  delivered(delivery: { transport: string; eventId: string | null }): void;
}

export function createTracingHooks(tracing: Tracing): TracingHooks {
  return {
    around: (request, run) => tracing.aroundRequest(request, run),
    graphqlOperation({ type, name }) {
      const span = tracing.activeSpan();
      if (span === undefined) return;
      // The semantic conventions' GraphQL span name: "<type> <name>", the type alone for anonymous operations.
      span.updateName(name === null ? type : `${type} ${name}`);
      span.setAttributes({ 'graphql.operation.type': type, ...(name === null ? {} : { 'graphql.operation.name': name }) });
    },
    upstream: {
      onAttempt({ call, method, attempt }) {
        const { span, headers } = tracing.startClientSpan(`graph api ${call}`, { 'http.request.method': method, 'graph_api.call': call, 'graph_api.attempt': attempt });
        return {
          headers,
          end({ status, timedOut }) {
            if (status !== null) span.setAttribute('http.response.status_code', status);
            if (status === null || status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: status === null ? (timedOut ? 'timeout' : 'no answer') : `HTTP ${status}` });
            span.end();
          },
        };
      },
      onRetry({ delayMs }) {
        tracing.activeSpan()?.addEvent('graph api retry', { 'retry.delay_ms': delayMs });
      },
    },
    ingress: {
      step: (name, run) => tracing.inSpan(`webhook ${name}`, {}, () => run()),
      onDelivered({ provider, status, stored, duplicates }) {
        tracing.activeSpan()?.setAttributes({ 'webhook.provider': provider, 'http.response.status_code': status, 'webhook.events.stored': stored.length, 'webhook.events.duplicate': duplicates.length });
      },
      // Before the append: it publishes, and a subscriber here may get the event before the append's reply.
      onParsed: (events) => tracing.rememberOrigin(events.map((event) => event.id)),
    },
    loaders: {
      aroundBatch: ({ loader, keys }, run) => tracing.inSpan(`loader ${loader} batch`, { attributes: { 'loader.keys': keys } }, () => run()),
    },
    delivered({ transport, eventId }) {
      if (eventId === null) return;
      const origin = tracing.originOf(eventId);
      if (origin === undefined) return;
      // A child of the webhook's span (one trace from Meta's POST to the frame) and linked to it, as OTel's messaging conventions link consumers.
      tracing.inSpan('subscription delivery', { kind: SpanKind.PRODUCER, parent: trace.setSpanContext(ROOT_CONTEXT, origin), links: [{ context: origin }], attributes: { 'subscription.transport': transport, 'event.id': eventId } }, () => undefined);
    },
  };
}
