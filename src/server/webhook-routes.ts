import type { WebhookIngress } from '../webhooks/webhook-ingress';
import type { HttpServer } from './http-server';

const WEBHOOK_PROVIDER_ROUTES = ['meta', 'whapi', 'ycloud'] as const;

/**
 * Binds the webhook ingress to HTTP: `GET /webhooks/meta` (Meta's handshake) and `POST /webhooks/<provider>`.
 * The handlers get the exact bytes received, because signatures are computed over them; bodies over the limit are
 * answered 413 before they are read in full.
 */
export function registerWebhookRoutes(server: Pick<HttpServer, 'registerRawBodyRoute'>, ingress: WebhookIngress, options: { bodyLimitBytes: number }): void {
  const routeOptions = {
    bodyLimitBytes: options.bodyLimitBytes,
    onBodyTooLarge: () => {
      ingress.stats.rejected['413']++;
    },
  };
  server.registerRawBodyRoute('GET', '/webhooks/meta', async (request) => ingress.handshake('meta', request.query), routeOptions);
  for (const provider of WEBHOOK_PROVIDER_ROUTES) {
    server.registerRawBodyRoute(
      'POST',
      `/webhooks/${provider}`,
      (request) =>
        ingress.deliver({
          provider,
          rawBody: request.rawBody,
          headers: request.headers,
          receivedAt: request.receivedAt,
          requestId: request.requestId,
        }),
      routeOptions,
    );
  }
}
