import { buildExampleWeb } from './build';
import { startExampleWebServer } from './server';

/**
 * `npm run example:web`: bundles the app and serves it on its own port, against a running gateway.
 *   GATEWAY_URL        the gateway (default http://localhost:4000; `npm start` in sandbox mode allows any local page)
 *   GATEWAY_API_KEY    an API key when the gateway runs with GATEWAY_AUTH=on (development only: it is sent to the page)
 *   EXAMPLE_WEB_PORT   default 5180;  EXAMPLE_WEB_HOST  default 127.0.0.1
 */
async function main(): Promise<void> {
  const gatewayUrl = new URL(process.env.GATEWAY_URL ?? 'http://localhost:4000');
  const httpUrl = new URL('/graphql', gatewayUrl).href;
  const settings = { httpUrl, wsUrl: httpUrl.replace(/^http/, 'ws'), apiKey: process.env.GATEWAY_API_KEY ?? null };
  const { outdir } = await buildExampleWeb();
  const server = await startExampleWebServer({
    root: outdir,
    host: process.env.EXAMPLE_WEB_HOST ?? '127.0.0.1',
    port: Number(process.env.EXAMPLE_WEB_PORT ?? 5180),
    gateway: () => settings,
  });
  process.stdout.write(`Example app: ${server.url}  (gateway ${httpUrl}; start it with \`npm start\`)\n`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
