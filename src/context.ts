import { DEFAULTS } from './config/defaults';
import type { EventServices } from './events/event-services';
import type { Logger } from './lib/logger';
import type { GroupCacheLike } from './loaders/group-cache';
import type { BatchMode, LoaderHooks } from './loaders/group.loader';
import type { Loaders } from './loaders/create-loaders';
import type { LoaderCaches } from './loaders/loader-caches';
import { createLoaders } from './loaders/create-loaders';
import type { WriteService } from './operations/write-service';
import type { ReadTags } from './response-cache/read-tags';
import { createReadTags, IGNORED_READS } from './response-cache/read-tags';
import type { DeadlineSignals } from './upstream/deadline-signals';
import type { RequestSecurity, SecuredRequest, Transport } from './tenancy/request-security';
import type { TenantAccess } from './tenancy/tenant-access';
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
  /** Used where an operation omits `phoneNumberId` (access.defaultPhoneNumberId); null when there is none. */
  defaultPhoneNumberId: string | null;
  /** Event log, bus and topics for history queries and subscriptions (borrowed; nothing here is closed). */
  events: EventServices;
  /** The write path: one entry per mutation, operations and idempotency (borrowed). */
  mutations: WriteService;
  /** The API key's scopes and tenant (phone numbers); with authentication off, the open access (openTenantAccess). */
  access: TenantAccess;
  /** What this request read (groups, lists): the response cache stores its answer with these tags. */
  reads: ReadTags;
}

/** What the transport knows about a request when it asks for a context. */
export interface RequestInfo {
  requestId: string;
  logger: Logger;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Errors over HTTP carry their status (401, 429); over WebSocket they cannot. @default 'http' */
  transport?: Transport;
  /** The request was already authenticated and admitted (the response cache's fast path did it): not again. */
  admitted?: SecuredRequest;
}

export interface ContextFactoryOptions {
  /** Authentication, per-key rate limit, tenant access and the Groups API view for each request. */
  security: RequestSecurity;
  cache?: GroupCacheLike;
  /** The instance's caches of list pages, invite links and join-request pages. @default none */
  loaderCaches?: LoaderCaches;
  batchMode: BatchMode;
  concurrency: number;
  events: EventServices;
  mutations: WriteService;
  /**
   * Time the upstream calls of one GraphQL request (or of one subscription event) may take together, retries and
   * waits included. @default DEFAULTS.graphApiRequestDeadlineMs
   */
  upstreamDeadlineMs?: number;
  /**
   * Where the deadline signals come from: requests starting within the same few milliseconds share one (the
   * gateway's, which it closes). @default an `AbortSignal.timeout(upstreamDeadlineMs)` per request
   */
  deadlines?: DeadlineSignals;
  /** Record what each request reads (the response cache's tags). Off when nothing stores answers. @default true */
  recordReads?: boolean;
  /** Metrics and tracing of loader batches. @default none */
  loaderHooks?: LoaderHooks;
}

export type ContextFactory = (request: RequestInfo) => Promise<GatewayContext>;

/** The per-request context factory handed to the transport(s): fresh loaders for every request. */
export function createContextFactory(options: ContextFactoryOptions): ContextFactory {
  const { cache, loaderCaches, batchMode, concurrency, events, mutations, security, loaderHooks } = options;
  const deadlineMs = options.upstreamDeadlineMs ?? DEFAULTS.graphApiRequestDeadlineMs;
  const { deadlines } = options;
  const recordReads = options.recordReads ?? true;
  const deadline = deadlines === undefined ? (): AbortSignal => AbortSignal.timeout(deadlineMs) : (): AbortSignal => deadlines.signal();
  return async function createGatewayContext(request) {
    // Throws UNAUTHENTICATED / RATE_LIMITED before anything else is built for the request (unless the response
    // cache's fast path already admitted it).
    const { access, upstreamWithin } = request.admitted ?? (await security.begin({ authorization: request.headers.authorization, transport: request.transport ?? 'http' }));
    // One deadline for the whole request (its timer is unref'd, and the gateway clears what is left when it stops).
    const upstream = upstreamWithin(deadline());
    const reads = recordReads ? createReadTags() : IGNORED_READS;
    const loadersOver = (api: GroupsApi): Loaders =>
      createLoaders({
        upstream: api,
        batchMode,
        concurrency,
        logger: request.logger,
        ...(recordReads ? { reads } : {}),
        ...(cache === undefined ? {} : { cache }),
        ...(loaderCaches === undefined ? {} : { caches: loaderCaches }),
        ...(loaderHooks === undefined ? {} : { hooks: loaderHooks }),
      });
    // A subscription lives longer than any deadline: each emitted event's loaders get a deadline of their own.
    const freshLoaders = (): Loaders => loadersOver(upstreamWithin(deadline()));
    return {
      requestId: request.requestId,
      logger: request.logger,
      upstream,
      loaders: loadersOver(upstream),
      createLoaders: freshLoaders,
      // A restricted key never falls back to a configured number it may not use.
      defaultPhoneNumberId: access.defaultPhoneNumberId,
      events,
      mutations,
      access,
      reads,
    };
  };
}
