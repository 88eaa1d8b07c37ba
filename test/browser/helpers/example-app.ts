import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExampleWeb } from '../../../examples/web/build';
import type { ExampleWebServer, GatewaySettings } from '../../../examples/web/server';
import { startExampleWebServer } from '../../../examples/web/server';

export interface ExampleApp {
  /** Serves the bundle on another free port: one more origin. */
  serve(gateway: () => GatewaySettings): Promise<ExampleWebServer>;
  dispose(): Promise<void>;
}

/** examples/web bundled into a temporary folder (as `npm run example:web` does), served by its own static server. */
export async function buildExampleApp(): Promise<ExampleApp> {
  const outdir = mkdtempSync(join(tmpdir(), 'wgg-example-web-'));
  await buildExampleWeb({ outdir });
  const servers: ExampleWebServer[] = [];
  return {
    async serve(gateway) {
      const server = await startExampleWebServer({ root: outdir, host: '127.0.0.1', port: 0, gateway });
      servers.push(server);
      return server;
    },
    async dispose() {
      await Promise.all(servers.map((server) => server.close()));
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}

/** The app's settings for a gateway reached at `baseUrl` (http://host:port). */
export function gatewaySettings(baseUrl: string): GatewaySettings {
  return { httpUrl: `${baseUrl}/graphql`, wsUrl: `${baseUrl.replace(/^http/, 'ws')}/graphql`, apiKey: null };
}
