import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { META_SIGNATURE_HEADER, verifyMetaSignature } from '../../src/webhooks/providers/meta/meta.verify';

export interface ReceivedWebhook {
  field: string;
  body: Record<string, unknown>;
  rawBody: string;
}

export interface WebhookReceiver {
  url: string;
  /** Deliveries answered 200: signature verified, in arrival order. */
  accepted: ReceivedWebhook[];
  /** Every POST, including refused ones. */
  attempts: number;
  /** Answers the next `times` POSTs with `status` (e.g. 503), as a gateway whose event log is down would. */
  refuseNext(times: number, status?: number): void;
  dispose(): Promise<void>;
}

/** A tiny Meta webhook endpoint for tests: verifies X-Hub-Signature-256 over the raw bytes, then records. */
export async function startWebhookReceiver(appSecret: string): Promise<WebhookReceiver> {
  let refusals = 0;
  let refusalStatus = 503;
  const receiver: Omit<WebhookReceiver, 'url' | 'dispose'> & { attempts: number } = {
    accepted: [],
    attempts: 0,
    refuseNext(times, status = 503) {
      refusals = times;
      refusalStatus = status;
    },
  };
  const server = createServer((req, res) => {
    void readRaw(req).then((raw) => {
      receiver.attempts += 1;
      if (refusals > 0) {
        refusals -= 1;
        res.writeHead(refusalStatus).end();
        return;
      }
      try {
        verifyMetaSignature(raw, req.headers[META_SIGNATURE_HEADER] as string | undefined, [appSecret]);
      } catch {
        res.writeHead(401).end();
        return;
      }
      const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      const change = ((body.entry as Record<string, unknown>[])[0]!.changes as Record<string, unknown>[])[0]!;
      receiver.accepted.push({ field: change.field as string, body, rawBody: raw.toString('utf8') });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/webhooks/meta`,
    dispose: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** The first `groups[]` item (or the change value for `messages`) of a delivery. */
export function firstItem(webhook: ReceivedWebhook): Record<string, unknown> {
  const change = ((webhook.body.entry as Record<string, unknown>[])[0]!.changes as Record<string, unknown>[])[0]!;
  const value = change.value as Record<string, unknown>;
  return Array.isArray(value.groups) ? (value.groups[0] as Record<string, unknown>) : value;
}
