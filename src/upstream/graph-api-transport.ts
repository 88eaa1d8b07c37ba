import { setMaxListeners } from 'node:events';
import type { Disposable } from '../lib/disposable';
import type { Logger } from '../lib/logger';
import { abortableSleep } from './abortable-sleep';
import type { CircuitBreaker } from './circuit-breaker';
import { parseGraphError } from './graph-api-error-parser';
import { deadlinePassedError, startDeadline } from './request-deadline';
import { isRetryableError, retryDelayMs } from './retry-policy';
import { UpstreamError } from './upstream-error';
import type { UpstreamAttemptObserver, UpstreamHooks } from './types';
import type { WireObject } from './wire-values';

export type GraphMethod = 'GET' | 'POST' | 'DELETE';

export type GraphBody = { kind: 'json'; value: WireObject } | { kind: 'form-data'; value: FormData };

export interface GraphRequest {
  /** The GroupsApi method, for logs and error messages. */
  call: string;
  method: GraphMethod;
  /** Below the version segment, starting with '/': `/${groupId}/invite_link`. */
  path: string;
  query?: Readonly<Record<string, string>>;
  body?: GraphBody;
  /** Only idempotent requests are retried. */
  idempotent: boolean;
  timeoutMs?: number;
  /** Readiness pings: outside the breaker (they must see the upstream as it is, open or not). */
  unguarded?: boolean;
}

export interface GraphAnswer {
  status: number;
  /** Parsed JSON; the raw text when it is not JSON; undefined for an empty body. */
  body: unknown;
}

export interface GraphTransportOptions {
  baseUrl: string;
  apiVersion: string;
  accessToken: string;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  logger: Logger;
  fetch: typeof fetch;
  random?: () => number;
  /** Time one call may take across its attempts and backoff waits. */
  deadlineMs: number;
  /** The upstream's breaker: attempts it refuses fail fast; timeouts, connection failures and 5xx trip it. */
  breaker: CircuitBreaker;
  /** The client's own hooks: they hear each attempt and retry. */
  hooks?: UpstreamHooks;
}

export interface GraphTransport extends Disposable {
  /**
   * `onRateLimited` hears every rate-limit answer of this request, retried or not. It must not throw. `signal` is the
   * deadline of the GraphQL request the call serves: once it aborts, the attempt in flight and any backoff wait end,
   * and no attempt starts (the call fails with `deadlinePassedError`).
   */
  send(request: GraphRequest, onRateLimited: (error: UpstreamError) => void, signal?: AbortSignal): Promise<GraphAnswer>;
}

/**
 * HTTP to the Graph API: bearer auth, version segment, a timeout per attempt (covering the body too), and
 * retries with backoff for idempotent requests only. `dispose` aborts what is in flight and any backoff wait.
 */
export function createGraphTransport(options: GraphTransportOptions): GraphTransport {
  const root = new AbortController();
  // Every request in flight (and every backoff wait) listens on the root signal and stops listening when it ends;
  // a burst of parallel requests is not a leak, so Node's warning past 10 listeners would only be noise.
  setMaxListeners(0, root.signal);
  const base = `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}`;

  function disposedError(request: GraphRequest): UpstreamError {
    return new UpstreamError({
      message: `Graph API request ${request.method} ${request.path} was abandoned: the client is disposed`,
      httpStatus: null,
      isTransient: false,
    });
  }

  function breakerOpenError(request: GraphRequest, retryAfterMs: number): UpstreamError {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return new UpstreamError({
      message: `Graph API calls are suspended after repeated failures (circuit open); ${request.method} ${request.path} was not sent, retry after ${retryAfterSeconds} s`,
      httpStatus: null,
      isTransient: true,
      retryAfterSeconds,
    });
  }

  async function attempt(request: GraphRequest, attemptNumber: number, timeoutMs: number, deadline: AbortSignal | undefined): Promise<GraphAnswer> {
    const controller = new AbortController();
    const onRootAbort = (): void => controller.abort(root.signal.reason);
    const onDeadline = (): void => controller.abort(deadline?.reason);
    root.signal.addEventListener('abort', onRootAbort, { once: true });
    deadline?.addEventListener('abort', onDeadline, { once: true });
    let timedOut = false;
    const timer = setTimeout(function graphRequestTimedOut() {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const started = performance.now();
    const observer = observeAttempt(request, attemptNumber);
    let answered: Response | null = null;
    try {
      const headers = buildHeaders(options.accessToken, request.body);
      if (observer?.headers !== undefined) Object.assign(headers, observer.headers);
      const response = await options.fetch(buildUrl(base, request), {
        method: request.method,
        headers,
        body: encodeBody(request.body),
        signal: controller.signal,
      });
      const text = await response.text();
      answered = response;
      options.logger.debug(
        { call: request.call, method: request.method, path: request.path, status: response.status, attempt: attemptNumber, durationMs: Math.round(performance.now() - started) },
        'graph api answer',
      );
      if (!response.ok) throw parseGraphError({ httpStatus: response.status, bodyText: text, headers: response.headers });
      return { status: response.status, body: parseBody(text) };
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      if (root.signal.aborted) throw disposedError(request);
      if (deadline?.aborted === true) throw deadlinePassedError(request, error);
      if (timedOut) {
        throw new UpstreamError({ message: `Graph API did not answer ${request.method} ${request.path} within ${timeoutMs} ms`, httpStatus: null, isTransient: true, cause: error });
      }
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new UpstreamError({ message: `Graph API request ${request.method} ${request.path} failed: ${reason}`, httpStatus: null, isTransient: true, cause: error });
    } finally {
      clearTimeout(timer);
      root.signal.removeEventListener('abort', onRootAbort);
      deadline?.removeEventListener('abort', onDeadline);
      if (observer !== undefined) endAttempt(observer, answered, timedOut);
    }
  }

  /** Hooks must not throw (UpstreamHooks); one that does is logged, and the call goes on without it. */
  function observeAttempt(request: GraphRequest, attemptNumber: number): UpstreamAttemptObserver | undefined {
    if (options.hooks?.onAttempt === undefined) return undefined;
    try {
      return options.hooks.onAttempt({ call: request.call, method: request.method, attempt: attemptNumber });
    } catch (error) {
      options.logger.error({ err: error }, 'onAttempt hook threw; ignored');
      return undefined;
    }
  }

  function endAttempt(observer: UpstreamAttemptObserver, response: Response | null, timedOut: boolean): void {
    try {
      observer.end({ status: response?.status ?? null, headers: response?.headers ?? null, timedOut });
    } catch (error) {
      options.logger.error({ err: error }, 'onAttempt observer threw; ignored');
    }
  }

  return {
    async send(request, onRateLimited, signal) {
      if (root.signal.aborted) throw disposedError(request);
      const deadline = startDeadline(options.deadlineMs);
      const breaker = request.unguarded === true ? null : options.breaker;
      const stopped = signal === undefined ? root.signal : AbortSignal.any([root.signal, signal]);
      for (let retry = 0; ; retry++) {
        // The request's deadline is spent: no attempt starts (a later read of the same request fails at once).
        if (isAborted(signal)) throw deadlinePassedError(request);
        const admission = breaker?.admit() ?? { allowed: true };
        if (!admission.allowed) throw breakerOpenError(request, admission.retryAfterMs);
        const timeoutMs = Math.max(1, Math.min(request.timeoutMs ?? options.timeoutMs, Math.floor(deadline.remainingMs())));
        try {
          const answer = await attempt(request, retry + 1, timeoutMs, signal);
          breaker?.succeeded();
          return answer;
        } catch (error) {
          if (!(error instanceof UpstreamError)) throw error;
          if (error.isUnavailable && !root.signal.aborted) breaker?.failed();
          else breaker?.succeeded(); // any other answer proves the upstream is there
          if (error.httpStatus !== null && error.isRateLimited) onRateLimited(error);
          // A Retry-After beyond the longest wait this client allows is not shortened into an early retry that Meta
          // would throttle again (and hold against the number for longer): the caller gets the throttle at once.
          const waitsTooLong = error.retryAfterSeconds !== null && error.retryAfterSeconds * 1000 > options.maxRetryDelayMs;
          const final = root.signal.aborted || isAborted(signal) || !request.idempotent || retry >= options.maxRetries || !isRetryableError(error) || waitsTooLong;
          if (final) throw error;
          const delayMs = retryDelayMs({
            retry,
            baseDelayMs: options.retryBaseDelayMs,
            maxDelayMs: options.maxRetryDelayMs,
            retryAfterSeconds: error.retryAfterSeconds,
            ...(options.random ? { random: options.random } : {}),
          });
          // No attempt would have time left after the wait: the deadline ends the call with what it has.
          if (delayMs >= deadline.remainingMs()) throw error;
          options.logger.warn({ call: request.call, path: request.path, code: error.code, httpStatus: error.httpStatus, retry: retry + 1, delayMs }, 'retrying graph api request');
          try {
            options.hooks?.onRetry?.({ call: request.call, delayMs });
          } catch (hookError) {
            options.logger.error({ err: hookError }, 'onRetry hook threw; ignored');
          }
          try {
            await abortableSleep(delayMs, stopped);
          } catch {
            throw root.signal.aborted ? disposedError(request) : deadlinePassedError(request);
          }
        }
      }
    },
    async dispose() {
      if (!root.signal.aborted) root.abort();
    },
  };
}

/** A function, so TypeScript does not keep a narrowing of `aborted` across awaits. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function buildUrl(base: string, request: GraphRequest): string {
  const query = request.query && Object.keys(request.query).length > 0 ? `?${new URLSearchParams(request.query).toString()}` : '';
  return `${base}${request.path}${query}`;
}

function buildHeaders(accessToken: string, body: GraphBody | undefined): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
  // FormData sets its own multipart boundary header.
  if (body?.kind === 'json') headers['content-type'] = 'application/json';
  return headers;
}

function encodeBody(body: GraphBody | undefined): string | FormData | undefined {
  if (body === undefined) return undefined;
  return body.kind === 'json' ? JSON.stringify(body.value) : body.value;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
