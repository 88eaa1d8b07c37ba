import type { EventServices } from './events/event-services';
import type { MutationServices } from './graph/mutations/mutation-services';
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
  /** Fresh loaders with this request's options: subscriptions take a new set per emitted event, never one for their whole life. */
  createLoaders(): Loaders;
  /** Used where an operation omits `phoneNumberId`; null when none is configured. */
  defaultPhoneNumberId: string | null;
  /** Event log, bus and topics for history queries and subscriptions (borrowed; nothing here is closed). */
  events: EventServices;
  /** Operation and idempotency stores of the write path (borrowed); absent where a context only serves reads. */
  mutations?: MutationServices;
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
  events: EventServices;
  mutations?: MutationServices;
}

export type ContextFactory = (request: RequestInfo) => Promise<GatewayContext>;

/** The per-request context factory handed to the transport(s): fresh loaders for every request. */
export function createContextFactory(options: ContextFactoryOptions): ContextFactory {
  const { upstream, cache, batchMode, concurrency, defaultPhoneNumberId, events, mutations } = options;
  return async function createGatewayContext(request) {
    const freshLoaders = (): Loaders => createLoaders({ upstream, batchMode, concurrency, logger: request.logger, ...(cache === undefined ? {} : { cache }) });
    return {
      requestId: request.requestId,
      logger: request.logger,
      upstream,
      loaders: freshLoaders(),
      createLoaders: freshLoaders,
      defaultPhoneNumberId,
      events,
      ...(mutations === undefined ? {} : { mutations }),
    };
  };
}
