import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiKeyScope } from '../../src/auth/api-key';
import { hashApiKey } from '../../src/auth/api-key-hash';
import type { StartTestGatewayOptions, TestGateway } from './test-gateway';
import { startTestGateway } from './test-gateway';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from './constants';

interface TestKey {
  key: string;
  scopes: ApiKeyScope[];
  phoneNumberIds: string[];
}

const ALL: ApiKeyScope[] = ['read', 'write', 'subscribe'];

/** One key per role the tests need; each key value is what a client sends, the gateway only sees its hash. */
export const KEYS = {
  admin: { key: 'wgg_test-admin-0000000000000000000000000000', scopes: ALL, phoneNumberIds: ['*'] },
  tenantA: { key: 'wgg_test-tenant-a-00000000000000000000000000', scopes: ALL, phoneNumberIds: [SANDBOX_PHONE_A] },
  tenantAB: { key: 'wgg_test-tenant-ab-0000000000000000000000000', scopes: ALL, phoneNumberIds: [SANDBOX_PHONE_A, SANDBOX_PHONE_B] },
  reader: { key: 'wgg_test-reader-000000000000000000000000000', scopes: ['read'], phoneNumberIds: ['*'] },
  noSubscribe: { key: 'wgg_test-nosub-0000000000000000000000000000', scopes: ['read', 'write'], phoneNumberIds: ['*'] },
} satisfies Record<string, TestKey>;

export type KeyName = keyof typeof KEYS;

/** The key records as GATEWAY_API_KEYS takes them (JSON Lines). */
export function apiKeyLines(names: readonly KeyName[] = Object.keys(KEYS) as KeyName[]): string {
  return names.map((name) => JSON.stringify({ id: name, sha256: hashApiKey(KEYS[name].key), scopes: KEYS[name].scopes, phoneNumberIds: KEYS[name].phoneNumberIds })).join('\n');
}

export function bearer(name: KeyName): { authorization: string } {
  return { authorization: `Bearer ${KEYS[name].key}` };
}

/** The real gateway in sandbox mode with authentication on and the test keys configured inline. */
export function startSecureGateway(env: Record<string, string> = {}, options: Omit<StartTestGatewayOptions, 'env'> = {}): Promise<TestGateway> {
  return startTestGateway({ ...options, env: { GATEWAY_AUTH: 'on', GATEWAY_API_KEYS: apiKeyLines(), ...env } });
}

/** The sandbox's groups of a number, in creation order. */
export function groupsOf(t: TestGateway, phoneNumberId: string): string[] {
  return t.sandbox.control
    .state()
    .groups.filter((group) => group.phoneNumberId === phoneNumberId)
    .map((group) => group.id);
}

/** A gateway reading its keys from a file it reloads every 100 ms, and the means to rewrite that file. */
export interface KeyFileGateway {
  t: TestGateway;
  /** The key file, for tests that write something else into it. */
  file: string;
  /** Replaces the file's keys with these. */
  writeKeys(names: readonly KeyName[]): void;
  /** Resolves once the gateway has read the file again for the count-th time since start-up. */
  reloaded(count: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function startKeyFileGateway(names: readonly KeyName[], env: Record<string, string> = {}): Promise<KeyFileGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'wgg-keys-'));
  const file = join(dir, 'api-keys.jsonl');
  const writeKeys = (keys: readonly KeyName[]): void => writeFileSync(file, `# test keys\n${apiKeyLines(keys)}\n`);
  writeKeys(names);
  const t = await startTestGateway({ env: { GATEWAY_AUTH: 'on', GATEWAY_API_KEYS_FILE: file, GATEWAY_API_KEYS_RELOAD_MS: '100', ...env } });
  return {
    t,
    file,
    writeKeys,
    async reloaded(count) {
      let seen = 0;
      await t.waitForLog((line) => line.msg === 'API keys reloaded' && ++seen === count);
    },
    async dispose() {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
