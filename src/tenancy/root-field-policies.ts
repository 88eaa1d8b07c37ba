import type { GraphQLError } from 'graphql';
import type { ApiKeyScope } from '../auth/api-key';
import { ForbiddenError } from '../errors/gateway-errors';
import { decodeCursor } from '../schema/relay/cursor';
import { validateIds } from '../schema/validation/ids.validation';
import type { SecurityContext } from './security-context';
import type { TenantAccess } from './tenant-access';

export type FieldArgs = Readonly<Record<string, unknown>>;

/** A subscription payload's fate: delivered, silently skipped (not the key's), or the error that ends the subscription. */
export type EmissionVerdict = { deliver: true } | { deliver: false; error: GraphQLError | null };

/**
 * How one root field is protected. `before` runs ahead of the resolver (or the subscription's source) and may
 * narrow the arguments; `after` checks or filters a query's result; `emission` re-checks each subscription payload.
 */
export interface RootFieldPolicy {
  scope: ApiKeyScope;
  before?(args: FieldArgs, security: SecurityContext): Promise<FieldArgs | void>;
  after?(result: unknown, security: SecurityContext): Promise<unknown>;
  emission?(payload: unknown, access: TenantAccess): Promise<EmissionVerdict>;
}

const DELIVER: EmissionVerdict = { deliver: true };

const stringArg = (args: FieldArgs, name: string): string | null => (typeof args[name] === 'string' ? (args[name] as string) : null);

/** `groupEvents` (history and live): a group or number filter the key may use; a key with one number gets it as the filter. */
async function narrowEventFilter(args: FieldArgs, { access }: SecurityContext): Promise<FieldArgs | void> {
  if (!access.restricted) return;
  const groupId = stringArg(args, 'groupId');
  const phoneNumberId = stringArg(args, 'phoneNumberId');
  if (phoneNumberId !== null) access.assertPhoneNumber(phoneNumberId);
  if (groupId !== null) await access.assertGroups([groupId]);
  if (groupId !== null || phoneNumberId !== null) return;
  const numbers = [...(access.principal.phoneNumberIds ?? [])];
  if (numbers.length === 1) return { ...args, phoneNumberId: numbers[0] };
  throw new ForbiddenError('This API key acts for several phone numbers: pass `groupId` or `phoneNumberId` to choose whose events to read');
}

interface Visible {
  groupId: string | null;
  phoneNumberId: string | null;
}

function isVisibleShape(value: unknown): value is Visible {
  return typeof value === 'object' && value !== null && 'groupId' in value && 'phoneNumberId' in value;
}

/** Subscriptions hold their access for hours: each payload is checked against the key as it is now. */
function recheck(onForeign: 'skip' | 'end'): (payload: unknown, access: TenantAccess) => Promise<EmissionVerdict> {
  return async (payload, access) => {
    if (!isVisibleShape(payload)) return DELIVER; // a StreamFailure or other control payload
    const current = access.refreshed();
    if (current === null) return { deliver: false, error: new ForbiddenError('The API key of this subscription was revoked or has expired') };
    if (await current.canSee(payload)) return DELIVER;
    return { deliver: false, error: onForeign === 'skip' ? null : new ForbiddenError('This API key may not follow this operation') };
  };
}

/** Groups of a phone number through a cursor: the cursor names its list's number, and it is the client's to forge. */
function groupsPhoneNumber(args: FieldArgs): string | null {
  const explicit = stringArg(args, 'phoneNumberId');
  if (explicit !== null) return explicit;
  for (const name of ['after', 'before']) {
    const cursor = stringArg(args, name);
    if (cursor !== null) return decodeCursor(cursor, { argumentName: name, kind: 'groups' }).scope;
  }
  return null; // the resolver uses context.defaultPhoneNumberId, which is one of the key's numbers
}

async function assertMutationInput(args: FieldArgs, { access }: SecurityContext, phoneDefaulted: boolean): Promise<void> {
  if (!access.restricted) return;
  const input = (typeof args.input === 'object' && args.input !== null ? args.input : {}) as FieldArgs;
  const groupId = stringArg(input, 'groupId');
  const phoneNumberId = stringArg(input, 'phoneNumberId');
  if (phoneNumberId !== null) access.assertPhoneNumber(phoneNumberId);
  if (groupId !== null) await access.assertGroups([groupId]);
  // Fail closed: a mutation naming neither a group nor a number cannot be placed in a tenant.
  if (groupId === null && phoneNumberId === null && !phoneDefaulted) throw new ForbiddenError('This mutation is not available to API keys limited to phone numbers');
}

/**
 * Every root field of the contract. A field missing here is still guarded (scope by operation type; refused to
 * keys limited to phone numbers), and a unit test fails until it is added.
 */
export const ROOT_FIELD_POLICIES: Readonly<Record<string, RootFieldPolicy>> = {
  'Query.group': { scope: 'read', before: async (args, { access }) => void (await access.assertGroups([String(args.id)])) },
  'Query.groupsByIds': {
    scope: 'read',
    before: async (args, { access }) => {
      if (!access.restricted) return;
      await access.assertGroups(validateIds('ids', (args.ids ?? []) as string[]));
    },
  },
  'Query.groups': {
    scope: 'read',
    before: async (args, { access }) => {
      if (!access.restricted) return;
      const phoneNumberId = groupsPhoneNumber(args);
      if (phoneNumberId !== null) access.assertPhoneNumber(phoneNumberId);
    },
  },
  'Query.groupEvents': {
    scope: 'read',
    before: narrowEventFilter,
    // The filter already limits the page to the key's events; this is the second lock.
    after: async (result, { access }) => {
      if (!access.restricted || typeof result !== 'object' || result === null) return result;
      const page = result as { edges?: { node: unknown }[]; nodes?: unknown[] };
      if (!Array.isArray(page.edges)) return result;
      const visible = await Promise.all(page.edges.map((edge) => (isVisibleShape(edge.node) ? access.canSee(edge.node) : Promise.resolve(false))));
      const edges = page.edges.filter((_, index) => visible[index]);
      return { ...page, edges, nodes: edges.map((edge) => edge.node) };
    },
  },
  'Query.operation': {
    scope: 'read',
    // Another tenant's operation answers exactly as an unknown id does (null, no error): its existence is not told.
    after: async (result, { access }) => {
      if (!access.restricted || result === null || result === undefined) return result;
      if (isVisibleShape(result) && (await access.canSee(result))) return result;
      return null;
    },
  },
  'Mutation.createGroup': { scope: 'write', before: (args, security) => assertMutationInput(args, security, true) },
  'Mutation.updateGroup': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.deleteGroup': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.removeParticipants': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.resetInviteLink': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.deleteInviteLink': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.approveJoinRequests': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.rejectJoinRequests': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.sendGroupMessage': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.pinGroupMessage': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  'Mutation.unpinGroupMessage': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  // The group must be the key's, and so must the number that sends (the default one when omitted is the key's own).
  'Mutation.sendGroupInviteTemplate': { scope: 'write', before: (args, security) => assertMutationInput(args, security, false) },
  // No group: the number is the tenant; omitted, the resolver uses the configured default, which is one of the key's numbers.
  'Mutation.uploadMedia': { scope: 'write', before: (args, security) => assertMutationInput(args, security, true) },
  'Subscription.groupEvents': { scope: 'subscribe', before: narrowEventFilter, emission: recheck('skip') },
  'Subscription.operationUpdated': { scope: 'subscribe', emission: recheck('end') },
};

/** The policy of a root field nobody listed: its operation type's scope, and nothing for restricted keys. */
export function fallbackPolicy(scope: ApiKeyScope, coordinate: string): RootFieldPolicy {
  return {
    scope,
    before: async (_args, { access }) => {
      if (access.restricted) throw new ForbiddenError(`${coordinate} is not available to API keys limited to phone numbers`);
    },
    emission: recheck('skip'),
  };
}
