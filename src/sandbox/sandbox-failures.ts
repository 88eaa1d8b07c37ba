import { RATE_LIMIT_CODES } from '../upstream/upstream-error';
import { GraphApiError, httpStatusOf } from './sandbox-graph-api-error';
import { ASYNC_FAILABLE_OPERATIONS, SANDBOX_OPERATIONS } from './sandbox-types';
import type { FailNextRule, SandboxOperation } from './sandbox-types';

interface ActiveRule {
  rule: FailNextRule;
  remaining: number;
}

export interface FailureInjector {
  add(rule: FailNextRule): void;
  /** Consumes the first rule for this operation, if any. */
  take(operation: SandboxOperation): FailNextRule | null;
  clear(): void;
}

export function createFailureInjector(): FailureInjector {
  let rules: ActiveRule[] = [];
  return {
    add(rule) {
      assertRule(rule);
      rules.push({ rule, remaining: rule.times ?? 1 });
    },
    take(operation) {
      const active = rules.find((r) => r.rule.operation === operation);
      if (active === undefined) return null;
      active.remaining -= 1;
      if (active.remaining <= 0) rules = rules.filter((r) => r !== active);
      return active.rule;
    },
    clear() {
      rules = [];
    },
  };
}

/** The sync answer of an injected failure: Meta's envelope, its status, Retry-After for throttling. */
export function injectedError(rule: FailNextRule): GraphApiError {
  const httpStatus = rule.httpStatus ?? httpStatusOf(rule.code);
  const throttled = httpStatus === 429 || RATE_LIMIT_CODES.has(rule.code);
  return new GraphApiError({
    code: rule.code,
    httpStatus,
    ...(rule.details === undefined ? {} : { details: rule.details }),
    retryAfterSeconds: rule.retryAfterSeconds === undefined ? (throttled ? 1 : null) : rule.retryAfterSeconds,
    ...(rule.regainAccessMinutes === undefined ? {} : { regainAccessMinutes: rule.regainAccessMinutes }),
  });
}

function assertRule(rule: FailNextRule): void {
  if (!(SANDBOX_OPERATIONS as readonly string[]).includes(rule.operation)) {
    throw new TypeError(`Sandbox.failNext: expected operation to be one of ${SANDBOX_OPERATIONS.join(', ')}, got ${JSON.stringify(rule.operation)}`);
  }
  if (!Number.isInteger(rule.code) || rule.code <= 0) {
    throw new TypeError(`Sandbox.failNext: expected code to be a positive integer Graph error code, got ${JSON.stringify(rule.code)}`);
  }
  if (rule.httpStatus !== undefined && (!Number.isInteger(rule.httpStatus) || rule.httpStatus < 400 || rule.httpStatus > 599)) {
    throw new TypeError(`Sandbox.failNext: expected httpStatus to be an integer from 400 to 599, got ${JSON.stringify(rule.httpStatus)}`);
  }
  if (rule.retryAfterSeconds !== undefined && rule.retryAfterSeconds !== null && (!Number.isInteger(rule.retryAfterSeconds) || rule.retryAfterSeconds < 0)) {
    throw new TypeError(`Sandbox.failNext: expected retryAfterSeconds to be an integer >= 0 or null, got ${JSON.stringify(rule.retryAfterSeconds)}`);
  }
  if (rule.regainAccessMinutes !== undefined && (typeof rule.regainAccessMinutes !== 'number' || !(rule.regainAccessMinutes > 0))) {
    throw new TypeError(`Sandbox.failNext: expected regainAccessMinutes to be a number > 0, got ${JSON.stringify(rule.regainAccessMinutes)}`);
  }
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
    throw new TypeError(`Sandbox.failNext: expected times to be an integer >= 1, got ${JSON.stringify(rule.times)}`);
  }
  if (rule.async === true && !ASYNC_FAILABLE_OPERATIONS.includes(rule.operation)) {
    throw new TypeError(
      `Sandbox.failNext: expected an operation whose outcome arrives by webhook (${ASYNC_FAILABLE_OPERATIONS.join(', ')}) for async: true, got ${rule.operation}; drop async to fail it synchronously`,
    );
  }
}
