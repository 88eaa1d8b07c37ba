import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from './gateway-error-code';

/** The Graph API's identifiers of an upstream failure, kept so support can trace it at Meta. */
export interface UpstreamErrorExtension {
  code: number | null;
  subcode: number | null;
  fbtraceId: string | null;
}

/** Extensions every gateway error may carry; `code` is always set. */
export interface GatewayErrorExtensions {
  [key: string]: unknown;
  code: GatewayErrorCode;
  argumentName?: string;
  retryAfterSeconds?: number;
  upstream?: UpstreamErrorExtension;
}

/**
 * A deliberate, client-facing error: its message is safe to show and `extensions.code` is one of
 * GatewayErrorCode. Anything thrown that is not a GatewayError is masked as INTERNAL_SERVER_ERROR.
 */
export class GatewayError extends GraphQLError {
  declare readonly extensions: GatewayErrorExtensions;

  constructor(message: string, extensions: GatewayErrorExtensions, options: { cause?: unknown } = {}) {
    super(message, { extensions, originalError: options.cause instanceof Error ? options.cause : undefined });
    this.name = 'GatewayError';
  }

  get code(): GatewayErrorCode {
    return this.extensions.code;
  }
}

/** An argument failed validation; the message names the argument and the offending value. */
export class BadUserInputError extends GatewayError {
  constructor(message: string, options: { argumentName?: string } = {}) {
    super(message, {
      code: GatewayErrorCode.BAD_USER_INPUT,
      ...(options.argumentName === undefined ? {} : { argumentName: options.argumentName }),
    });
    this.name = 'BadUserInputError';
  }
}

export class ForbiddenError extends GatewayError {
  constructor(message: string, extensions: Omit<GatewayErrorExtensions, 'code'> = {}, options: { cause?: unknown } = {}) {
    super(message, { ...extensions, code: GatewayErrorCode.FORBIDDEN }, options);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends GatewayError {
  constructor(message: string, extensions: Omit<GatewayErrorExtensions, 'code'> = {}, options: { cause?: unknown } = {}) {
    super(message, { ...extensions, code: GatewayErrorCode.NOT_FOUND }, options);
    this.name = 'NotFoundError';
  }
}

export class RateLimitedError extends GatewayError {
  constructor(message: string, extensions: Omit<GatewayErrorExtensions, 'code'> = {}, options: { cause?: unknown } = {}) {
    super(message, { ...extensions, code: GatewayErrorCode.RATE_LIMITED }, options);
    this.name = 'RateLimitedError';
  }
}

/** The request collides with another one still running (e.g. the same idempotency key); retry shortly. */
export class ConflictError extends GatewayError {
  constructor(message: string, extensions: Omit<GatewayErrorExtensions, 'code'> = {}) {
    super(message, { ...extensions, code: GatewayErrorCode.CONFLICT });
    this.name = 'ConflictError';
  }
}

/** The upstream answered with an error that is not the client's input and not a transient outage. */
export class UpstreamGraphQLError extends GatewayError {
  constructor(message: string, extensions: Omit<GatewayErrorExtensions, 'code'> = {}, options: { cause?: unknown } = {}) {
    super(message, { ...extensions, code: GatewayErrorCode.UPSTREAM_ERROR }, options);
    this.name = 'UpstreamGraphQLError';
  }
}

/** The upstream could not be reached, timed out, or kept answering 5xx after the client's retries. */
export class UpstreamUnavailableError extends GatewayError {
  constructor(message: string, extensions: Omit<GatewayErrorExtensions, 'code'> = {}, options: { cause?: unknown } = {}) {
    super(message, { ...extensions, code: GatewayErrorCode.UPSTREAM_UNAVAILABLE }, options);
    this.name = 'UpstreamUnavailableError';
  }
}

/** What clients see for anything unexpected; the original is logged, never shown outside development. */
export class InternalServerError extends GatewayError {
  constructor(message = 'Internal server error', options: { cause?: unknown } = {}) {
    super(message, { code: GatewayErrorCode.INTERNAL_SERVER_ERROR }, options);
    this.name = 'InternalServerError';
  }
}
