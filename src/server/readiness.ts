import { ensureError } from '../lib/errors';

/** Throws (or rejects) with a reason when the dependency is not usable. */
export type ReadinessCheck = () => Promise<void>;

export interface ReadinessReport {
  ready: boolean;
  /** `ok`, or why the check failed. */
  checks: Record<string, string>;
}

export interface Readiness {
  add(name: string, check: ReadinessCheck): void;
  evaluate(): Promise<ReadinessReport>;
}

/** A check that has not answered by then counts as failed, so a hung dependency cannot hang the probe. */
const CHECK_TIMEOUT_MS = 2_000; // 2 s, well under the usual 5 s probe timeout

/** Named readiness checks, run in parallel on every probe. */
export function createReadiness(options: { timeoutMs?: number } = {}): Readiness {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const checks = new Map<string, ReadinessCheck>();
  return {
    add(name, check) {
      if (checks.has(name)) throw new Error(`Readiness check "${name}" is already registered; give each check its own name`);
      checks.set(name, check);
    },
    async evaluate() {
      const entries = await Promise.all([...checks].map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const));
      return { ready: entries.every(([, result]) => result === 'ok'), checks: Object.fromEntries(entries) };
    },
  };
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([check().then(() => 'ok'), timeout]);
  } catch (error) {
    return ensureError(error).message;
  } finally {
    clearTimeout(timer);
  }
}
