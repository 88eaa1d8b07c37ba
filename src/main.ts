import 'reflect-metadata';
import { loadConfig } from './config/config';
import type { Config } from './config/config';
import { ConfigError } from './config/config-error';
import { redactConfig } from './config/config';
import { createGateway } from './gateway';
import { ensureError } from './lib/errors';
import { createLogger } from './lib/logger';
import { createTracing } from './observability/tracing';

/** Process entry: config → gateway → start; SIGINT/SIGTERM stop it (Apollo's own signal handling is off). */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Before the logger: with tracing on, every log line written inside a span carries its traceId and spanId.
  const tracing = createTracing(config.tracing);
  const logger = createLogger({ level: config.logLevel, format: config.logFormat, ...(tracing === null ? {} : { mixin: tracing.logFields }) });
  for (const warning of config.warnings) logger.warn({ configuration: 'warning' }, warning);
  logger.info({ config: redactConfig(config) }, 'starting gateway');
  const gateway = createGateway({ config, logger, tracing });

  const shutdown = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'stopping gateway');
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: ensureError(error) }, 'gateway did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  try {
    await gateway.start();
  } catch (error) {
    logger.fatal({ err: ensureError(error) }, 'gateway failed to start');
    process.exit(1);
  }
}

void main();
