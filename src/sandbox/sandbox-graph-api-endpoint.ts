import type { Logger } from '../lib/logger';
import { abortableSleep } from '../upstream/abortable-sleep';
import type { GraphCall, GraphDeps } from './graph-api-call';
import { splitGraphPath } from './graph-api-path';
import { errorResult } from './graph-api-router';
import { GraphApiError } from './sandbox-graph-api-error';
import type { RawRequest, RawResponse } from './sandbox-http-listener';
import { parseRequestBody } from './sandbox-request-body';
import type { ParsedBody } from './sandbox-request-body';
import type { StatsRecorder } from './sandbox-stats';
import type { UsageMeter } from './sandbox-usage';
import type { WebhookOut } from './sandbox-webhook-payloads';

export interface GraphEndpointOptions {
  accessToken: string;
  defaultVersion: string;
  latencyMs: number;
  baseUrl: () => string;
  deps: GraphDeps;
  stats: StatsRecorder;
  /** Every answer carries the usage headers Meta's Graph API sends (X-App-Usage, X-Business-Use-Case-Usage). */
  usage: UsageMeter;
  enqueue: (out: WebhookOut) => void;
  signal: AbortSignal;
  logger: Logger;
}

/** The Graph side of the sandbox: record, authenticate, parse, dispatch; webhooks leave after the answer. */
export function createGraphEndpoint(options: GraphEndpointOptions): (request: RawRequest) => Promise<RawResponse> {
  /** The answer with the usage headers, this request's own time counted: the headers of a throttle answer win. */
  const withUsage = (response: RawResponse, arrived: number, cpuMs: number): RawResponse => {
    options.usage.addTime(cpuMs, performance.now() - arrived);
    const usage = options.usage.headers();
    options.stats.usageSent(usage);
    return { ...response, headers: { ...usage, ...response.headers } };
  };

  return async function graphEndpoint(request) {
    const arrived = performance.now();
    const query = Object.fromEntries(request.url.searchParams);
    delete query.access_token;
    let body: ParsedBody | null = null;
    try {
      try {
        body = await parseRequestBody(request.body, request.headers['content-type']);
      } finally {
        const traceparent = request.headers.traceparent;
        options.stats.record({
          method: request.method,
          path: request.url.pathname,
          query,
          ...(body?.recorded === undefined ? {} : { body: redactToken(body.recorded) }),
          ...(typeof traceparent === 'string' ? { traceparent } : {}),
          at: new Date(),
        });
      }
      const { version, segments } = splitGraphPath(request.url.pathname);
      const params: Record<string, unknown> = { ...Object.fromEntries(request.url.searchParams), ...body.params };
      authenticate(request, params, options.accessToken);
      delete params.access_token;
      if (options.latencyMs > 0) await abortableSleep(options.latencyMs, options.signal);
      const call: GraphCall = { method: request.method, segments, params, file: body.file, version: version ?? options.defaultVersion, baseUrl: options.baseUrl(), outbox: [] };
      const handling = performance.now();
      const result = options.deps.dispatch(call);
      const cpuMs = performance.now() - handling;
      options.logger.debug({ method: request.method, path: request.url.pathname, status: result.status }, 'sandbox graph answer');
      return withUsage(
        {
          status: result.status,
          headers: { ...result.headers },
          body: JSON.stringify(result.body),
          afterSend: () => call.outbox.forEach(options.enqueue),
        },
        arrived,
        cpuMs,
      );
    } catch (error) {
      if (error instanceof GraphApiError) {
        const result = errorResult(error);
        return withUsage({ status: result.status, headers: { ...result.headers }, body: JSON.stringify(result.body) }, arrived, 0);
      }
      throw error;
    }
  };
}

/** Bearer header, or Graph's `access_token` parameter; anything else is code 190 with HTTP 401. */
function authenticate(request: RawRequest, params: Record<string, unknown>, expected: string): void {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  const token = match?.[1] ?? (typeof params.access_token === 'string' ? params.access_token : null);
  if (token === null) throw new GraphApiError({ code: 190, httpStatus: 401, details: 'An access token is required to request this resource' });
  if (token !== expected) throw new GraphApiError({ code: 190, httpStatus: 401, details: 'Invalid OAuth access token - Cannot parse access token' });
}

function redactToken(recorded: unknown): unknown {
  if (typeof recorded !== 'object' || recorded === null || !('access_token' in recorded)) return recorded;
  const { access_token: _token, ...rest } = recorded as Record<string, unknown>;
  return rest;
}
