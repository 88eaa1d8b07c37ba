/** One percentage the Graph API reported in a usage header. */
export interface UsageReading {
  header: 'app' | 'business';
  /** The business use case (`whatsapp_business_management`, ...) for business usage; null for app usage. */
  type: string | null;
  /** call_count, total_cputime, total_time, or estimated_time_to_regain_access (minutes). */
  metric: string;
  value: number;
}

const APP_METRICS = ['call_count', 'total_cputime', 'total_time'] as const;
const BUSINESS_METRICS = [...APP_METRICS, 'estimated_time_to_regain_access'] as const;

/**
 * The readings of `X-App-Usage` (`{"call_count":28,"total_cputime":25,"total_time":25}`, percentages of the app's
 * limit) and `X-Business-Use-Case-Usage` (`{"<business id>":[{"type":...,"call_count":...,...}]}`). A header that
 * is absent or not in that shape gives nothing: Meta does not promise either on every answer.
 */
export function readUsageHeaders(headers: Pick<Headers, 'get'>): UsageReading[] {
  const readings: UsageReading[] = [];
  const app = parseJson(headers.get('x-app-usage'));
  if (isRecord(app)) {
    for (const metric of APP_METRICS) {
      if (typeof app[metric] === 'number') readings.push({ header: 'app', type: null, metric, value: app[metric] });
    }
  }
  const business = parseJson(headers.get('x-business-use-case-usage'));
  if (isRecord(business)) {
    for (const entries of Object.values(business)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries as unknown[]) {
        if (!isRecord(entry) || typeof entry.type !== 'string') continue;
        for (const metric of BUSINESS_METRICS) {
          if (typeof entry[metric] === 'number') readings.push({ header: 'business', type: entry.type, metric, value: entry[metric] });
        }
      }
    }
  }
  return readings;
}

function parseJson(text: string | null): unknown {
  if (text === null || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
