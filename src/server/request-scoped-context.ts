import type { Logger } from '../lib/logger';

/** What the server's plugins need of a GraphQL context; the gateway's context carries more. */
export interface RequestScopedContext {
  requestId: string;
  logger: Logger;
}
