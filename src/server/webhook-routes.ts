import type { WebhookIngress } from '../webhooks/webhook-ingress';
import type { HttpServer } from './http-server';
import type { AroundRequest } from './request-observer';

const WEBHOOK_PROVIDER_ROUTES = ['meta', 'whapi', 'ycloud'] as const;

/**
 * Binds the webhook ingress to HTTP: `GET /webhooks/meta` (Meta's handshake) and `POST /webhooks/<provider>`.
 * The handlers get the exact bytes received, because signatures are computed over them; bodies over the limit are
 * answered 413 before they are read in full.
 */
export function registerWebhookRoutes(
  server: Pick<HttpServer, 'registerRawBodyRoute'>,
  ingress: WebhookIngress,
  options: {
    bodyLimitBytes: number;
    /** Tracing: each delivery runs inside it (an incoming `traceparent` honoured). @default none */
    around?: AroundRequest;
    /** Metrics: a body over the limit, answered 413 before the ingress sees it. @default none */
    onBodyTooLarge?: (provider: string) => void;
  },
): void {
  const { around, onBodyTooLarge } = options;
  const routeOptions = (provider: string) => ({
    bodyLimitBytes: options.bodyLimitBytes,
    onBodyTooLarge: () => {
      ingress.stats.rejected['413']++;
      onBodyTooLarge?.(provider);
    },
  });
  server.registerRawBodyRoute('GET', '/webhooks/meta', async (request) => ingress.handshake('meta', request.query), routeOptions('meta'));
  for (const provider of WEBHOOK_PROVIDER_ROUTES) {
    const path = `/webhooks/${provider}`;
    server.registerRawBodyRoute(
      'POST',
      path,
      (request) => {
        const deliver = () =>
          ingress.deliver({
            provider,
            rawBody: request.rawBody,
            headers: request.headers,
            receivedAt: request.receivedAt,
            requestId: request.requestId,
          });
        return around === undefined ? deliver() : around({ name: `POST ${path}`, headers: request.headers }, deliver);
      },
      routeOptions(provider),
    );
  }
}
