import pino from 'pino';

export type Logger = pino.Logger;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Structured JSON logs. Secrets and auth headers are redacted wherever they appear. */
export function createLogger(options: { level: LogLevel; name?: string }): Logger {
  return pino({
    name: options.name ?? 'gateway',
    level: options.level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.accessToken', '*.secret', '*.secrets', 'authorization'],
      censor: '[redacted]',
    },
  });
}

/** A logger that writes nothing, for unit tests and library defaults. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
