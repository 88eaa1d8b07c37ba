import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Validates a factory's secret list (programmer misuse: thrown at construction, with the fix).
 * Returns a copy, so a caller mutating its array later cannot change what the provider accepts.
 */
export function requireSecrets(factory: string, option: string, secrets: readonly string[] | undefined, envVar: string): string[] {
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw new TypeError(
      `${factory}: expected ${option} to hold at least one secret, got ${JSON.stringify(secrets ?? null)}; ` +
        `set ${envVar}, or leave the provider out (createWebhookProviders only creates enabled providers).`,
    );
  }
  const blank = secrets.findIndex((secret) => typeof secret !== 'string' || secret.length === 0);
  if (blank !== -1) {
    throw new TypeError(`${factory}: expected ${option}[${blank}] to be a non-empty string; remove empty entries from ${envVar}.`);
  }
  return [...secrets];
}

/**
 * Compares two secrets in constant time. Both sides are hashed first so that neither the content nor the
 * length of the expected value leaks through timing (timingSafeEqual itself needs equal lengths).
 */
export function constantTimeEqual(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
