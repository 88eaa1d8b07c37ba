import type { Disposable } from '../lib/disposable';
import type { Logger } from '../lib/logger';
import { abortableSleep } from '../upstream/abortable-sleep';
import { META_SIGNATURE_HEADER, signMetaPayload } from '../webhooks/providers/meta/meta.verify';
import type { WebhookOut } from './sandbox-webhook-payloads';

export type WebhookDeliveryStatus = 'queued' | 'delivered' | 'failed' | 'dropped';

export interface RecordedWebhook {
  field: string;
  body: Record<string, unknown>;
  /** The exact bytes that were (or would have been) signed and POSTed. */
  rawBody: string;
  enqueuedAt: Date;
  /** `dropped`: no webhook URL was set when its turn came. */
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError: string | null;
}

export interface WebhookDispatcher extends Disposable {
  enqueue(out: WebhookOut): void;
  /** Resolves when nothing is queued, in flight or waiting to retry. */
  idle(): Promise<void>;
  readonly records: readonly RecordedWebhook[];
  clearRecords(): void;
}

export interface WebhookDispatcherOptions {
  appSecret: string;
  url: () => string | null;
  retry: { attempts: number; baseDelayMs: number };
  /** Per delivery attempt. @default 10_000 // ms */
  timeoutMs?: number;
  logger: Logger;
  fetch?: typeof fetch;
}

/**
 * Meta-style delivery: one signed POST per event, in order, a non-2xx or network error retried with
 * exponential backoff (x2). Order is kept by delivering one at a time, so a failing receiver delays later events.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lifetime = new AbortController();
  const records: RecordedWebhook[] = [];
  const queue: RecordedWebhook[] = [];
  let idleWaiters: (() => void)[] = [];
  let pumping = false;

  function settleIdle(): void {
    if (pumping || queue.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async function post(url: string, record: RecordedWebhook): Promise<string | null> {
    const controller = new AbortController();
    const onDispose = (): void => controller.abort();
    lifetime.signal.addEventListener('abort', onDispose, { once: true });
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          [META_SIGNATURE_HEADER]: signMetaPayload(record.rawBody, options.appSecret),
        },
        body: record.rawBody,
        signal: controller.signal,
      });
      await response.arrayBuffer(); // drain, so the connection is reusable
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    } finally {
      clearTimeout(timer);
      lifetime.signal.removeEventListener('abort', onDispose);
    }
  }

  async function deliver(record: RecordedWebhook): Promise<void> {
    for (let attempt = 1; attempt <= options.retry.attempts; attempt++) {
      const url = options.url();
      if (url === null) {
        record.status = 'dropped';
        options.logger.warn(
          { field: record.field, webhookUrl: null },
          'sandbox webhook dropped: no webhook URL is set (SANDBOX_WEBHOOK_URL, or PUT /sandbox/webhook-url); the receiver will never see this event',
        );
        return;
      }
      record.attempts = attempt;
      const failure = await post(url, record);
      if (lifetime.signal.aborted) return;
      if (failure === null) {
        record.status = 'delivered';
        return;
      }
      record.lastError = failure;
      if (attempt === options.retry.attempts) break;
      const delayMs = options.retry.baseDelayMs * 2 ** (attempt - 1);
      options.logger.debug({ field: record.field, attempt, delayMs, failure }, 'sandbox webhook delivery failed; will retry');
      try {
        await abortableSleep(delayMs, lifetime.signal);
      } catch {
        return;
      }
    }
    record.status = 'failed';
    options.logger.warn({ field: record.field, attempts: record.attempts, lastError: record.lastError }, 'sandbox webhook delivery gave up');
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0 && !lifetime.signal.aborted) {
        await deliver(queue[0]!);
        queue.shift();
      }
    } finally {
      pumping = false;
      settleIdle();
    }
  }

  return {
    records,
    enqueue(out) {
      const record: RecordedWebhook = { field: out.field, body: out.body, rawBody: metaJson(out.body), enqueuedAt: new Date(), status: 'queued', attempts: 0, lastError: null };
      records.push(record);
      if (lifetime.signal.aborted) return;
      queue.push(record);
      void pump();
    },
    idle() {
      if (!pumping && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    clearRecords() {
      records.length = 0;
    },
    async dispose() {
      lifetime.abort();
      queue.length = 0;
      pumping = false;
      settleIdle();
    },
  };
}

/**
 * JSON as Meta sends it: non-ASCII escaped as \uXXXX and '/' as '\/'. Receivers must verify the signature
 * over these raw bytes, never over a re-serialisation (docs/groups-api.md#signature-and-delivery).
 */
function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
