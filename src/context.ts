import type { Logger } from './lib/logger';
import type { GroupCacheLike } from './loaders/group-cache';
import type { BatchMode } from './loaders/group.loader';
import type { Loaders } from './loaders/create-loaders';
import { createLoaders } from './loaders/create-loaders';
import type { GroupsApi } from './upstream/types';

/** What every resolver receives. Built per GraphQL request (and, later, per subscription event). */
export interface GatewayContext {
  requestId: string;
  /** Child logger carrying the request id. */
  logger: Logger;
  upstream: GroupsApi;
  loaders: Loaders;
  /** Used where an operation omits `phoneNumberId`; null when none is configured. */
  defaultPhoneNumberId: string | null;
}

/** What the transport knows about a request when it asks for a context. */
export interface RequestInfo {
  requestId: string;
  logger: Logger;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface ContextFactoryOptions {
  upstream: GroupsApi;
  cache?: GroupCacheLike;
  batchMode: BatchMode;
  concurrency: number;
  defaultPhoneNumberId: string | null;
}

export type ContextFactory = (request: RequestInfo) => Promise<GatewayContext>;

/** The per-request context factory handed to the transport(s): fresh loaders for every request. */
export function createContextFactory(options: ContextFactoryOptions): ContextFactory {
  const { upstream, cache, batchMode, concurrency, defaultPhoneNumberId } = options;
  return async function createGatewayContext(request) {
    return {
      requestId: request.requestId,
      logger: request.logger,
      upstream,
      loaders: createLoaders({ upstream, batchMode, concurrency, logger: request.logger, ...(cache === undefined ? {} : { cache }) }),
      defaultPhoneNumberId,
    };
  };
}
