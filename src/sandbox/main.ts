import { loadConfig } from '../config/config';
import { ConfigError } from '../config/config-error';
import { createLogger } from '../lib/logger';
import { createSandbox } from './sandbox';

/** `npm run sandbox`: the Groups API emulator alone, for integrators' own tests (src/sandbox/README.md). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { program: 'sandbox' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel, name: 'sandbox', format: config.logFormat });
  for (const warning of config.warnings) logger.warn({ configuration: 'warning' }, warning);
  const settings = config.sandbox;
  const sandbox = createSandbox({
    host: settings.host,
    port: settings.port,
    apiVersion: config.upstream.apiVersion,
    accessToken: settings.accessToken,
    appSecret: settings.appSecret,
    phoneNumberIds: settings.phoneNumberIds,
    webhookUrl: settings.webhookUrl,
    logger,
  });
  const { url } = await sandbox.start();
  // Dev-only values, printed on purpose so that integrators can copy them.
  logger.info(
    {
      url,
      graphBase: `${url}/${config.upstream.apiVersion}`,
      phoneNumberIds: settings.phoneNumberIds,
      webhookUrl: settings.webhookUrl,
    },
    `Groups API sandbox on ${url} — bearer token "${settings.accessToken}", webhook app secret "${settings.appSecret}". ` +
      `Try: curl -H "Authorization: Bearer ${settings.accessToken}" ${url}/${config.upstream.apiVersion}/${settings.phoneNumberIds[0]}/groups`,
  );
  if (settings.webhookUrl === null) {
    // Loud on purpose: without a receiver every write's outcome (createGroup's group id, ...) is lost.
    logger.warn(
      { webhookUrl: null },
      'SANDBOX_WEBHOOK_URL is not set: the sandbox records its webhooks but delivers none, so a gateway using it never learns the outcome of a write (createGroup stays PENDING). ' +
        `Set SANDBOX_WEBHOOK_URL=http://127.0.0.1:4000/webhooks/meta (the gateway's Meta route), or PUT ${url}/sandbox/webhook-url`,
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'sandbox stopping');
    sandbox.dispose().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'sandbox failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
