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
