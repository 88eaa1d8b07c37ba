import { ForbiddenError } from '../errors/gateway-errors';
import type { ApiKeyScope, Principal } from './api-key';

const WHAT: Record<ApiKeyScope, string> = { read: 'queries', write: 'mutations', subscribe: 'subscriptions' };

/** Throws FORBIDDEN (extensions.requiredScope) unless the key has the scope. */
export function requireScope(principal: Principal, scope: ApiKeyScope): void {
  if (principal.scopes.has(scope)) return;
  throw new ForbiddenError(`This API key may not run ${WHAT[scope]}: it lacks the "${scope}" scope`, { requiredScope: scope });
}
