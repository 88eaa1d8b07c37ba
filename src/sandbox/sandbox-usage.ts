/** The business object id the sandbox's usage header is keyed by (Meta keys it by the business the app acts for). */
export const SANDBOX_BUSINESS_ID = '102290129340398';

/** The use case the Groups API's calls count against (WhatsApp Business Management). */
const USE_CASE = 'whatsapp_business_management';

/**
 * The sandbox's hourly allowance. Calls: Meta's default for WABA management endpoints (200 per hour per app per
 * WABA; groups/reference). CPU and total time: Meta publishes no absolute figure, so these are the sandbox's own.
 * The sandbox reports usage against them and never throttles on it (throttling is injected with failNext).
 */
export const SANDBOX_USAGE_ALLOWANCE = { callsPerHour: 200, cpuMsPerHour: 60_000, timeMsPerHour: 600_000 } as const;

const MINUTE_MS = 60_000;
const WINDOW_MINUTES = 60;

/** The three percentages both headers carry. */
export interface UsagePercentages {
  call_count: number;
  total_cputime: number;
  total_time: number;
}

export interface UsageMeter {
  /** One Graph call (each sub-request of a batch is one, as Meta counts them). */
  countCall(): void;
  /** Time spent answering one HTTP request: `cpuMs` handling it, `totalMs` from arrival to answer. */
  addTime(cpuMs: number, totalMs: number): void;
  /** Percentages of the allowance used over the last hour. */
  usage(): UsagePercentages;
  /**
   * The throttling headers of Meta's Graph API for the usage now: `X-App-Usage` and `X-Business-Use-Case-Usage`
   * (estimated_time_to_regain_access 0: the sandbox does not throttle on usage).
   */
  headers(): { 'x-app-usage': string; 'x-business-use-case-usage': string };
}

/** Usage over a sliding hour, kept in one bucket per minute (at most 60 buckets, whatever the traffic). */
export function createUsageMeter(options: { now?: () => number } = {}): UsageMeter {
  const now = options.now ?? Date.now;
  const buckets = new Map<number, { calls: number; cpuMs: number; totalMs: number }>();
  const current = () => {
    const minute = Math.floor(now() / MINUTE_MS);
    let bucket = buckets.get(minute);
    if (bucket === undefined) {
      for (const key of buckets.keys()) if (key <= minute - WINDOW_MINUTES) buckets.delete(key);
      bucket = { calls: 0, cpuMs: 0, totalMs: 0 };
      buckets.set(minute, bucket);
    }
    return bucket;
  };
  const percent = (used: number, allowance: number): number => Math.round((100 * used) / allowance);

  const meter: UsageMeter = {
    countCall() {
      current().calls += 1;
    },
    addTime(cpuMs, totalMs) {
      const bucket = current();
      bucket.cpuMs += cpuMs;
      bucket.totalMs += totalMs;
    },
    usage() {
      const oldest = Math.floor(now() / MINUTE_MS) - WINDOW_MINUTES;
      let calls = 0;
      let cpuMs = 0;
      let totalMs = 0;
      for (const [minute, bucket] of buckets) {
        if (minute <= oldest) continue;
        calls += bucket.calls;
        cpuMs += bucket.cpuMs;
        totalMs += bucket.totalMs;
      }
      return {
        call_count: percent(calls, SANDBOX_USAGE_ALLOWANCE.callsPerHour),
        total_cputime: percent(cpuMs, SANDBOX_USAGE_ALLOWANCE.cpuMsPerHour),
        total_time: percent(totalMs, SANDBOX_USAGE_ALLOWANCE.timeMsPerHour),
      };
    },
    headers() {
      const usage = meter.usage();
      return {
        'x-app-usage': JSON.stringify(usage),
        'x-business-use-case-usage': JSON.stringify({ [SANDBOX_BUSINESS_ID]: [{ type: USE_CASE, ...usage, estimated_time_to_regain_access: 0 }] }),
      };
    },
  };
  return meter;
}
