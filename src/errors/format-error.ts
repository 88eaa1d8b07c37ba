import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { UpstreamError } from '../upstream/upstream-error';
import { GatewayErrorCode } from './gateway-error-code';
import { toGraphQLError } from './to-graphql-error';

export interface FormatErrorOptions {
  /** Development only: keep unexpected errors' messages and stack traces in responses. */
  exposeInternals: boolean;
  /**
   * Production: drop graphql-js' "Did you mean …?" suggestions from messages (unknown fields, arguments, types and
   * enum values), which would spell out the schema that disabled introspection keeps to itself. @default false
   */
  hideSuggestions?: boolean;
}

/** graphql-js ends a message with its suggestions: `… Did you mean "subject"?`, `… Did you mean the enum value "A" or "B"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?$/;

/** The message without graphql-js' trailing suggestion. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** Graph-js wraps what a resolver throws in a located GraphQLError; the thrown value is `originalError`. */
export function unwrapThrown(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError !== undefined ? error.originalError : error;
}

/** True for errors nobody meant a client to see: bugs, not GraphQLErrors and not upstream answers. */
export function isUnexpectedError(error: unknown): boolean {
  const thrown = unwrapThrown(error);
  return !(thrown instanceof GraphQLError) && !(thrown instanceof UpstreamError);
}

/**
 * Apollo's `formatError`: upstream failures get their typed code and Graph numbers; deliberate GraphQLErrors
 * (ours and Apollo's request errors) pass through; anything else is masked as INTERNAL_SERVER_ERROR unless
 * `exposeInternals`. Logging the original is the error-logging plugin's job, which knows the request id.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown, options: FormatErrorOptions): GraphQLFormattedError {
  if (options.hideSuggestions === true && SUGGESTION.test(formatted.message)) {
    return formatGatewayError({ ...formatted, message: withoutSuggestions(formatted.message) }, error, { ...options, hideSuggestions: false });
  }
  const thrown = unwrapThrown(error);
  if (thrown instanceof UpstreamError) {
    const mapped = toGraphQLError(thrown);
    return withExtensions(formatted, mapped.message, { ...formatted.extensions, ...mapped.extensions });
  }
  if (!isUnexpectedError(error)) return formatted;
  if (options.exposeInternals) return withExtensions(formatted, formatted.message, { ...formatted.extensions, code: GatewayErrorCode.INTERNAL_SERVER_ERROR });
  return withExtensions(formatted, 'Internal server error', { code: GatewayErrorCode.INTERNAL_SERVER_ERROR });
}

function withExtensions(formatted: GraphQLFormattedError, message: string, extensions: Record<string, unknown>): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    extensions,
  };
}
