/**
 * Every `extensions.code` a GraphQL client can see from this gateway (Apollo's own codes such as
 * GRAPHQL_VALIDATION_FAILED pass through unchanged). Clients branch on these, never on messages.
 */
export enum GatewayErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  CONFLICT = 'CONFLICT',
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  CURSOR_EXPIRED = 'CURSOR_EXPIRED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  SUBSCRIBER_TOO_SLOW = 'SUBSCRIBER_TOO_SLOW',
}
