import type { ContextFactory, ContextFactoryOptions, GatewayContext } from '../../src/context';
import { createContextFactory } from '../../src/context';
import type { Clock } from '../../src/events/clock';
import type { EventBus } from '../../src/events/event-bus';
import type { Topics } from '../../src/events/topics';
import { createSilentLogger } from '../../src/lib/logger';
import { createInMemoryIdempotencyStore } from '../../src/operations/in-memory-idempotency-store';
import type { OperationStore } from '../../src/operations/operation-store';
import type { WriteService } from '../../src/operations/write-service';
import { createWriteService } from '../../src/operations/write-service';
import { openTenantAccess } from '../../src/tenancy/tenant-access';
import { ANONYMOUS_PRINCIPAL } from '../../src/auth/api-key';
import type { GroupsApi } from '../../src/upstream/types';

export interface OpenContextOptions extends Omit<ContextFactoryOptions, 'security'> {
  /** The Groups API every request uses. */
  upstream: GroupsApi;
  /** The configured number (the open access's default). */
  defaultPhoneNumberId: string | null;
}

/**
 * The gateway's own context factory with authentication off: every request gets the open access and `upstream`,
 * as a gateway started with GATEWAY_AUTH=off gives them. For tests that execute the schema without a server.
 */
export function createOpenContextFactory(options: OpenContextOptions): ContextFactory {
  const { upstream, defaultPhoneNumberId, ...rest } = options;
  return createContextFactory({ ...rest, security: { begin: async () => ({ principal: ANONYMOUS_PRINCIPAL, access: openTenantAccess(defaultPhoneNumberId), upstream, upstreamWithin: () => upstream }) } });
}

/** One request's context from `factory`. */
export function openContext(factory: ContextFactory, requestId = 'req-1'): Promise<GatewayContext> {
  return factory({ requestId, logger: createSilentLogger(), headers: {} });
}

/** The write path on in-memory stores, with completion waits off. */
export function inMemoryMutationServices(options: { bus: EventBus; topics: Topics; operations: OperationStore; clock?: Clock }): WriteService {
  return createWriteService({
    operations: options.operations,
    idempotency: createInMemoryIdempotencyStore(options.clock === undefined ? {} : { clock: options.clock }),
    bus: options.bus,
    topics: options.topics,
    groupCache: null,
    idempotencyTtlSeconds: 60,
    awaitCompletionDefaultMs: 0,
    awaitCompletionMaxMs: 0,
    logger: createSilentLogger(),
  });
}
