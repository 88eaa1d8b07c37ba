import type { GraphQLField, GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { defaultFieldResolver } from 'graphql';
import type { ApiKeyScope } from '../auth/api-key';
import type { CatchUpFeed, DetachableFeed } from '../lib/detachable-feed';
import { canReportCatchUp, DETACH_FEED, FEED_CAUGHT_UP } from '../lib/detachable-feed';
import { RateLimitedError } from '../errors/gateway-errors';
import type { SubscriptionSlots } from '../limits/subscription-slots';
import { StreamFailure } from '../schema/events/stream-failure';
import { toGraphQLError } from '../errors/to-graphql-error';
import { checkIdArguments } from '../schema/validation/id-arguments';
import type { EmissionVerdict, FieldArgs, RootFieldPolicy } from './root-field-policies';
import { fallbackPolicy, ROOT_FIELD_POLICIES } from './root-field-policies';
import { securityOf } from './security-context';
import type { TenantAccess } from './tenant-access';

export interface GuardSchemaOptions {
  /** Concurrent subscriptions per API key (the anonymous caller of an open gateway is not counted). */
  slots: SubscriptionSlots;
  /** @default ROOT_FIELD_POLICIES */
  policies?: Readonly<Record<string, RootFieldPolicy>>;
}

const GUARDED = Symbol('wgg.guarded');
const ROOTS: readonly [ApiKeyScope, (schema: GraphQLSchema) => GraphQLObjectType | null | undefined][] = [
  ['read', (schema) => schema.getQueryType()],
  ['write', (schema) => schema.getMutationType()],
  ['subscribe', (schema) => schema.getSubscriptionType()],
];

/**
 * Puts the API key rules in front of every root field, for HTTP and WebSocket alike: the key's scope, then its
 * tenant (which phone numbers, hence which groups and events), then, for subscriptions, a per-key slot and a
 * re-check of every payload. Resolvers stay unaware. The schema's root fields are wrapped in place (like Apollo's
 * own instrumentation), once; the schema is returned for chaining.
 */
export function guardSchema(schema: GraphQLSchema, options: GuardSchemaOptions): GraphQLSchema {
  const policies = options.policies ?? ROOT_FIELD_POLICIES;
  for (const [scope, rootOf] of ROOTS) {
    const root = rootOf(schema);
    if (root === null || root === undefined) continue;
    for (const field of Object.values(root.getFields())) {
      const marked = field as GraphQLField<unknown, unknown> & { [GUARDED]?: true };
      if (marked[GUARDED] === true) continue;
      const coordinate = `${root.name}.${field.name}`;
      const policy = policies[coordinate] ?? fallbackPolicy(scope, coordinate);
      if (scope === 'subscribe') field.subscribe = guardSubscribe(field.subscribe, policy, options.slots, field);
      else field.resolve = guardResolve(field.resolve ?? defaultFieldResolver, policy, field);
      marked[GUARDED] = true;
    }
  }
  return schema;
}

/** Names of the root fields as the guard sees them (`Query.group`, ...), for the completeness test. */
export function rootFieldCoordinates(schema: GraphQLSchema): string[] {
  return ROOTS.flatMap(([, rootOf]) => {
    const root = rootOf(schema);
    return root === null || root === undefined ? [] : Object.keys(root.getFields()).map((name) => `${root.name}.${name}`);
  });
}

function guardResolve(resolve: GraphQLFieldResolver<unknown, unknown>, policy: RootFieldPolicy, field: GraphQLField<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return async function guardedResolve(source, rawArgs, context, info) {
    const security = securityOf(context);
    security.access.requireScope(policy.scope);
    // Ids first: the tenant checks below may already build registry keys or list groups from them.
    const args = checkIdArguments(field.args, rawArgs);
    const checked = (await policy.before?.(args, security)) ?? args;
    const result: unknown = await resolve(source, checked as typeof args, context, info);
    return policy.after === undefined ? result : policy.after(result, security);
  };
}

function guardSubscribe(
  subscribe: GraphQLFieldResolver<unknown, unknown> | undefined,
  policy: RootFieldPolicy,
  slots: SubscriptionSlots,
  field: GraphQLField<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  const inner = subscribe ?? defaultFieldResolver;
  return async function guardedSubscribe(source, rawArgs, context, info) {
    const security = securityOf(context);
    const { access } = security;
    access.requireScope(policy.scope);
    const args = checkIdArguments(field.args, rawArgs);
    const checked = (await policy.before?.(args, security)) ?? args;
    const release = access.principal.anonymous ? () => undefined : await slots.acquire(access.principal.id);
    if (release === null) {
      throw new RateLimitedError(`This API key already holds ${slots.maxPerSubject} live subscriptions; end one before starting another`, { limit: 'subscriptions', maximum: slots.maxPerSubject });
    }
    try {
      const stream: unknown = await inner(source, checked as FieldArgs as typeof args, context, info);
      if (!isAsyncIterable(stream)) {
        release();
        return stream;
      }
      return filterEmissions(stream, access, policy, release);
    } catch (error) {
      release();
      throw error;
    }
  };
}

/**
 * The source stream, each payload re-checked before graphql-js executes it: foreign ones are skipped, and a
 * refusal ends the stream with one StreamFailure payload (the resolver throws it, the client gets the code).
 * The slot is released once the stream ends, whichever way.
 */
function filterEmissions(stream: AsyncIterable<unknown>, access: TenantAccess, policy: RootFieldPolicy, release: () => void): AsyncIterableIterator<unknown> {
  const source = stream[Symbol.asyncIterator]();
  const check = policy.emission ?? (async (): Promise<EmissionVerdict> => ({ deliver: true }));
  let finished = false;
  let detached = false;
  const done: IteratorResult<unknown> = { value: undefined, done: true };
  const finish = async (): Promise<void> => {
    finished = true;
    release();
    if (!detached) await source.return?.();
  };
  const iterator: AsyncIterableIterator<unknown> & DetachableFeed & CatchUpFeed = {
    async next() {
      while (!finished) {
        let result: IteratorResult<unknown>;
        try {
          result = await source.next();
        } catch (error) {
          finished = true;
          release();
          throw error;
        }
        if (result.done === true) {
          finished = true;
          release();
          return done;
        }
        let verdict: EmissionVerdict;
        try {
          verdict = await check(result.value, access);
        } catch (error) {
          // The check itself failed (e.g. the registry is unreachable): end rather than deliver unchecked.
          verdict = { deliver: false, error: toGraphQLError(error) };
        }
        if (verdict.deliver) return result;
        if (verdict.error !== null) {
          await finish();
          return { value: new StreamFailure(verdict.error), done: false };
        }
      }
      return done;
    },
    async return() {
      if (!finished) await finish();
      return done;
    },
    async throw(error?: unknown) {
      if (!finished) await finish();
      throw error;
    },
    // The broadcast's other members: the group's source checks each event once for the key; the slot stays held.
    async [DETACH_FEED]() {
      if (finished || detached) return false;
      detached = true;
      await source.return?.();
      return true;
    },
    // Between two next() calls nothing is being checked: caught up is the stream's own answer.
    [FEED_CAUGHT_UP]: () => (finished || detached || !canReportCatchUp(source) ? null : source[FEED_CAUGHT_UP]()),
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
