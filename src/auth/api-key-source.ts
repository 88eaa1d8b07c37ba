import { readFile as fsReadFile } from 'node:fs/promises';
import { unwatchFile, watchFile } from 'node:fs';
import type { Disposable } from '../lib/disposable';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { ApiKeyRecord } from './api-key';
import { ApiKeyFileError, parseApiKeyRecords } from './api-key-file';

export interface ApiKeySourceOptions {
  /** GATEWAY_API_KEYS_FILE. */
  file: string | null;
  /** GATEWAY_API_KEYS: the same records inline (JSON array or JSON Lines). */
  inline: string | null;
  /** @default fs.promises.readFile (utf8) */
  readFile?: (path: string) => Promise<string>;
}

/** Reads every configured key record: the file's, then the inline ones. Ids must be unique across both. */
export async function loadApiKeyRecords(options: ApiKeySourceOptions): Promise<ApiKeyRecord[]> {
  const read = options.readFile ?? ((path: string) => fsReadFile(path, 'utf8'));
  const records: ApiKeyRecord[] = [];
  if (options.file !== null) {
    let text: string;
    try {
      text = await read(options.file);
    } catch (error) {
      throw new ApiKeyFileError(options.file, [`cannot be read: ${ensureError(error).message}; check GATEWAY_API_KEYS_FILE`]);
    }
    records.push(...parseApiKeyRecords(text, options.file));
  }
  if (options.inline !== null) records.push(...parseApiKeyRecords(options.inline, 'GATEWAY_API_KEYS'));
  const seen = new Set<string>();
  const clashes = records.filter((record) => (seen.has(record.id) ? true : (seen.add(record.id), false)));
  if (clashes.length > 0) {
    throw new ApiKeyFileError('GATEWAY_API_KEYS_FILE + GATEWAY_API_KEYS', clashes.map((record) => `id "${record.id}" is defined in both; ids must be unique`));
  }
  return records;
}

/**
 * Re-reads the key file when it changes (polled: works on every file system and in containers), so a key can be
 * added or revoked without a restart. A file that no longer parses is reported and the previous keys stay.
 */
export function watchApiKeyFile(options: ApiKeySourceOptions & { file: string; intervalMs: number; logger: Logger; onReload(records: ApiKeyRecord[]): void }): Disposable {
  let reloading: Promise<void> = Promise.resolve();
  const listener = (): void => {
    reloading = reloading.then(async () => {
      try {
        const records = await loadApiKeyRecords(options);
        options.onReload(records);
        options.logger.info({ keys: records.length }, 'API keys reloaded');
      } catch (error) {
        options.logger.error({ err: ensureError(error) }, 'API key file changed but cannot be used; the previous keys stay in force');
      }
    });
  };
  const watcher = watchFile(options.file, { interval: options.intervalMs, persistent: false }, listener);
  watcher.unref();
  return {
    async dispose() {
      unwatchFile(options.file, listener);
      await reloading;
    },
  };
}
