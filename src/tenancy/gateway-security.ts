import type { GraphQLSchema } from 'graphql';
import type { RedisClient } from '../events/redis-client';
import type { ApiKeyRecord, Principal } from '../auth/api-key';
import { loadApiKeyRecords, watchApiKeyFile } from '../auth/api-key-source';
import { createApiKeyStore } from '../auth/api-key-store';
import type { Authenticator } from '../auth/authenticator';
import { createAuthenticator } from '../auth/authenticator';
import type { Config } from '../config/config';
import { DEFAULTS } from '../config/defaults';
import type { Disposable } from '../lib/disposable';
import type { Logger } from '../lib/logger';
import type { ConnectionInitAdmission } from '../limits/connection-init-admission';
import { createConnectionInitAdmission } from '../limits/connection-init-admission';
import { createInMemoryRateLimiter } from '../limits/in-memory-rate-limiter';
import type { DocumentLimits } from '../limits/document-limits';
import { createDocumentLimits } from '../limits/document-limits';
import { createRedisRateLimiter } from '../limits/redis-rate-limiter';
import { createRequestAdmission } from '../limits/request-admission';
import { createRedisSubscriptionSlots } from '../limits/redis-subscription-slots';
import { createInMemorySubscriptionSlots } from '../limits/subscription-slots';
import { createUpstreamRateLimitFeedback } from '../limits/upstream-rate-limit-feedback';
import type { GroupsApi, GroupsApiClient } from '../upstream/types';
import type { IngressHooks } from '../webhooks/webhook-ingress';
import { createGroupOwnership } from './group-ownership';
import { guardSchema } from './guard-schema';
import { createInMemoryGroupOwnerRegistry } from './in-memory-group-owner-registry';
import { learnOwnershipFrom, ownershipLearningHook } from './ownership-learning';
import { throttleByPhoneNumber } from './phone-number-throttle';
import { createRedisGroupOwnerRegistry } from './redis-group-owner-registry';
import { withRememberedGroupOwners } from './remembered-group-owners';
import type { RequestSecurity } from './request-security';
import { createRequestSecurity } from './request-security';

/** Reads the API keys; with authentication on and none configured, the gateway refuses to start. */
export async function loadGatewayApiKeys(auth: Config['auth'], logger: Logger): Promise<ApiKeyRecord[]> {
  const records = await loadApiKeyRecords({ file: auth.apiKeysFile, inline: auth.apiKeys });
  if (auth.enabled && records.length === 0) {
    throw new Error(
      'GATEWAY_AUTH is on but no API key is configured: set GATEWAY_API_KEYS_FILE (or GATEWAY_API_KEYS) to key records made with `npm run api-key:create`, or set GATEWAY_AUTH=off for local development.',
    );
  }
  if (!auth.enabled && records.length > 0) logger.warn({ keys: records.length }, 'API keys are configured but GATEWAY_AUTH is off: they are not checked');
  return records;
}

export interface GatewaySecurityOptions {
  config: Pick<Config, 'auth' | 'limits'> & { subscriptions: Pick<Config['subscriptions'], 'connectionInitRate'> };
  records: readonly ApiKeyRecord[];
  /** The commands connection when Redis is configured (limits and ownership are then shared by instances). Borrowed. */
  redis: { commands: RedisClient; keyPrefix: string } | null;
  /** The Groups API client. Requests use views of it that charge Meta's throttles to their key and teach the ownership registry. */
  upstream: GroupsApiClient;
  configuredDefaultPhoneNumberId: string | null;
  logger: Logger;
}

export interface GatewaySecurity extends Disposable {
  readonly authenticator: Authenticator;
  /** For the context factory: authentication, rate limit, tenant access and the Groups API view, per request. */
  readonly requestSecurity: RequestSecurity;
  readonly documentLimits: DocumentLimits;
  /** The rate of WebSocket `connection_init` per key (or per address, unauthenticated), on the same limiter as requests. */
  readonly connectionInits: ConnectionInitAdmission;
  /** For the ingress: webhook metadata records group ownership. Put it before hooks that complete operations. */
  readonly ingressHook: IngressHooks;
  /** Wraps the schema's root fields with the key and tenant rules (in place). */
  guard(schema: GraphQLSchema): GraphQLSchema;
}

/** Everything of issue "Protect the gateway", composed once: the composition root only wires it in. */
export function createGatewaySecurity(options: GatewaySecurityOptions): GatewaySecurity {
  const { config, redis, logger } = options;
  const store = createApiKeyStore({ records: options.records });
  const authenticator = createAuthenticator({ enabled: config.auth.enabled, store });
  const limiter = redis === null ? createInMemoryRateLimiter() : createRedisRateLimiter({ redis: redis.commands, keyPrefix: redis.keyPrefix });
  const registry =
    redis === null
      ? createInMemoryGroupOwnerRegistry()
      : withRememberedGroupOwners(createRedisGroupOwnerRegistry({ redis: redis.commands, keyPrefix: redis.keyPrefix }));
  const feedback = createUpstreamRateLimitFeedback({ limiter, fallbackSeconds: DEFAULTS.upstreamRateLimitBackoffSeconds, logger });
  // Authentication off: no key to charge, so every request shares one view of the client.
  const byNumber = (api: GroupsApi): GroupsApi => throttleByPhoneNumber(api, { limiter, registry, fallbackSeconds: DEFAULTS.upstreamRateLimitBackoffSeconds, logger });
  // Like the per-key limits, the per-number throttle charges keys: with authentication off nothing is limited.
  const openUpstream = learnOwnershipFrom(options.upstream, registry, logger);
  const viewFor = (principal: Principal, signal?: AbortSignal): GroupsApi => {
    if (principal.anonymous) return signal === undefined ? openUpstream : learnOwnershipFrom(options.upstream.withHooks({}, { signal }), registry, logger);
    return byNumber(learnOwnershipFrom(options.upstream.withHooks(feedback.hooksFor(`key:${principal.id}`), { signal }), registry, logger));
  };
  // A view holds nothing of one request: the requests of a key that share a deadline signal (deadline-signals.ts)
  // share its view, instead of each building the three layers of wrappers. Forgotten with the signal.
  const sharedViews = new WeakMap<AbortSignal, Map<string, GroupsApi>>();
  const upstreamFor = (principal: Principal, signal?: AbortSignal): GroupsApi => {
    if (signal === undefined) return viewFor(principal);
    const subject = principal.anonymous ? 'anonymous' : `key:${principal.id}`;
    let views = sharedViews.get(signal);
    if (views === undefined) sharedViews.set(signal, (views = new Map()));
    let view = views.get(subject);
    if (view === undefined) views.set(subject, (view = viewFor(principal, signal)));
    return view;
  };
  const ownership = createGroupOwnership({ registry, listCooldownMs: DEFAULTS.tenancyListCooldownSeconds * 1000, maxPagesPerNumber: DEFAULTS.tenancyMaxListPages });
  const admission = createRequestAdmission({ limiter, policy: { perMinute: config.limits.rateLimitPerMinute, burst: config.limits.rateLimitBurst }, logger });
  const requestSecurity = createRequestSecurity({ authenticator, admission, ownership, upstreamFor, configuredDefaultPhoneNumberId: options.configuredDefaultPhoneNumberId });
  const maxPerSubject = config.limits.maxSubscriptionsPerKey;
  const slots =
    redis === null
      ? createInMemorySubscriptionSlots({ maxPerSubject })
      : createRedisSubscriptionSlots({ redis: redis.commands, keyPrefix: redis.keyPrefix, maxPerSubject, logger });
  const documentLimits = createDocumentLimits({
    maxDepth: config.limits.maxQueryDepth,
    maxAliases: config.limits.maxAliases,
    maxCost: config.limits.maxQueryCost,
    maxDocumentBytes: config.limits.maxQueryBytes,
    maxListArgumentItems: DEFAULTS.maxListArgumentItems,
    defaultListSize: DEFAULTS.queryCostDefaultListSize,
    defaultPageSize: DEFAULTS.queryCostDefaultPageSize,
  });
  const watcher =
    config.auth.enabled && config.auth.apiKeysFile !== null
      ? watchApiKeyFile({
          file: config.auth.apiKeysFile,
          inline: config.auth.apiKeys,
          intervalMs: config.auth.reloadIntervalMs,
          logger,
          onReload: (records) => store.replace(records),
        })
      : null;

  const connectionInits = createConnectionInitAdmission({ limiter, policy: config.subscriptions.connectionInitRate, logger });

  return {
    authenticator,
    requestSecurity,
    documentLimits,
    connectionInits,
    ingressHook: ownershipLearningHook({ registry }),
    guard: (schema) => guardSchema(schema, { slots }),
    async dispose() {
      await watcher?.dispose();
      await slots.dispose();
      await limiter.dispose();
      await registry.dispose();
    },
  };
}
