import pino from 'pino';

export type Logger = pino.Logger;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'json' | 'pretty';

/**
 * Structured JSON logs. Secrets and auth headers are redacted wherever they appear. `pretty` renders the same
 * records as coloured lines through pino-pretty (a development dependency, in a worker thread); configuration
 * refuses it in production.
 */
export function createLogger(options: { level: LogLevel; name?: string; format?: LogFormat; mixin?: () => object }): Logger {
  return pino({
    name: options.name ?? 'gateway',
    level: options.level,
    // Fields added to every line, e.g. the active span's traceId/spanId when tracing is on.
    ...(options.mixin === undefined ? {} : { mixin: options.mixin }),
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.accessToken', '*.secret', '*.secrets', 'authorization'],
      censor: '[redacted]',
    },
    ...(options.format === 'pretty' ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  });
}

/** A logger that writes nothing, for unit tests and library defaults. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
