import { loadConfig } from '../config/config';
import { createLogger } from '../lib/logger';
import { createSandbox } from './sandbox';

/** `npm run sandbox`: the Groups API emulator alone, for integrators' own tests (src/sandbox/README.md). */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: 'sandbox' });
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
