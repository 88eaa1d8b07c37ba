/** Rate-limit codes of the Graph/Cloud API (docs/groups-api.md#rate-limits). */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 80007, 130429, 131056, 131208, 131048]);
const GROUP_NOT_FOUND_CODE = 131041;

/**
 * One typed error for everything the Graph API can answer with (the `{error:{...}}` envelope), plus
 * transport failures (`code: null`, `httpStatus: null`: timeout, connection refused).
 */
export class UpstreamError extends Error {
  readonly httpStatus: number | null;
  readonly code: number | null;
  readonly subcode: number | null;
  readonly type: string | null;
  readonly fbtraceId: string | null;
  readonly details: string | null;
  readonly userTitle: string | null;
  readonly userMessage: string | null;
  /** Meta's `is_transient`, or our judgement for transport failures and 5xx. */
  readonly isTransient: boolean;
  /** From Retry-After or X-Business-Use-Case-Usage `estimated_time_to_regain_access`, when known. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    message: string;
    httpStatus: number | null;
    code?: number | null;
    subcode?: number | null;
    type?: string | null;
    fbtraceId?: string | null;
    details?: string | null;
    userTitle?: string | null;
    userMessage?: string | null;
    isTransient?: boolean;
    retryAfterSeconds?: number | null;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'UpstreamError';
    this.httpStatus = init.httpStatus;
    this.code = init.code ?? null;
    this.subcode = init.subcode ?? null;
    this.type = init.type ?? null;
    this.fbtraceId = init.fbtraceId ?? null;
    this.details = init.details ?? null;
    this.userTitle = init.userTitle ?? null;
    this.userMessage = init.userMessage ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.isTransient =
      init.isTransient ?? (init.httpStatus === null || init.httpStatus >= 500 || this.isRateLimited);
  }

  get isRateLimited(): boolean {
    return this.httpStatus === 429 || (this.code !== null && RATE_LIMIT_CODES.has(this.code));
  }

  get isNotFound(): boolean {
    return this.code === GROUP_NOT_FOUND_CODE;
  }

  /** A failure to reach the upstream at all (timeout, DNS, refused), or a 5xx. */
  get isUnavailable(): boolean {
    return this.httpStatus === null || this.httpStatus >= 500;
  }
}
