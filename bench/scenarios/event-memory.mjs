import { createHmac } from 'node:crypto';
import Redis from 'ioredis';
import { createMetaWebhooks, SANDBOX_APP_SECRET } from '../lib/meta-webhook.mjs';

/**
 * Scenario 10: Redis memory per stored event, per event kind. Posts signed Meta deliveries to the gateway, then sums
 * `MEMORY USAGE <key> SAMPLES 0` (exact for streams) over every key under the run's prefix before and after each kind:
 * the growth divided by the events stored is what one event costs (its body in its group's stream, its dedupe key, its
 * references in the phone and all-events indexes); the detail splits it by part.
 * Target from issue 16: <= 700 B per event.
 */
export async function eventMemory({ gateway, redisUrl, keyPrefix, phoneNumberId, runId, events = 5_000 }) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const rows = [];
  try {
    const kinds = [
      { name: 'inbound group text', deliveries: textDeliveries({ phoneNumberId, runId, events }) },
      { name: 'participant joined', deliveries: joinDeliveries({ phoneNumberId, runId, events: Math.min(events, 2_000) }) },
    ];
    for (const kind of kinds) {
      const before = await memoryUnder(redis, keyPrefix);
      const storedBefore = (await gateway.call('ingressStats')).eventsStored;
      for (const { body, headers } of kind.deliveries) {
        const response = await fetch(`${gateway.url}/webhooks/meta`, { method: 'POST', body, headers });
        if (response.status !== 200) throw new Error(`event memory: a delivery was answered ${response.status}`);
        await response.arrayBuffer();
      }
      const stored = (await gateway.call('ingressStats')).eventsStored - storedBefore;
      const after = await memoryUnder(redis, keyPrefix);
      const perEvent = stored === 0 ? null : (after.bytes - before.bytes) / stored;
      const perEventByPart = Object.fromEntries(
        Object.keys(after.byPart).map((part) => [part, stored === 0 ? null : Math.round(((after.byPart[part] ?? 0) - (before.byPart[part] ?? 0)) / stored)]),
      );
      rows.push({
        scenario: '13 event memory',
        metric: `Redis B/event: ${kind.name}`,
        value: perEvent === null ? null : Math.round(perEvent),
        baseline: null,
        target: { kind: '<=', value: 700 },
        detail: { stored, bytesBefore: before.bytes, bytesAfter: after.bytes, keysAfter: after.keys, perEventByPart },
      });
    }
  } finally {
    await redis.quit();
  }
  return rows;
}

/** The event log's keys by part (src/events/redis-event-log-keys.ts); anything else under the prefix is "other". */
function partOf(key) {
  if (/\}:h$/.test(key)) return 'home streams';
  if (/\}:d:/.test(key)) return 'dedupe keys';
  if (/\}:x$/.test(key)) return 'index streams';
  if (/\}:i$/.test(key)) return 'index progress';
  return 'other';
}

async function memoryUnder(redis, prefix) {
  let bytes = 0;
  let keys = 0;
  const byPart = {};
  for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
    for (const key of batch) {
      const usage = Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0);
      bytes += usage;
      keys += 1;
      byPart[partOf(key)] = (byPart[partOf(key)] ?? 0) + usage;
    }
  }
  return { bytes, keys, byPart };
}

/** 100 texts per delivery, one group per 1,000 events (groups of a busy business number). */
function* textDeliveries({ phoneNumberId, runId, events }) {
  for (let first = 0; first < events; first += 100) {
    const webhooks = createMetaWebhooks({ phoneNumberId, groupId: `memory-${runId}-${Math.floor(first / 1000)}`, runId: `${runId}-memory` });
    yield webhooks.delivery(first, Math.min(100, events - first));
  }
}

/** One join per delivery, as Meta sends them. */
function* joinDeliveries({ phoneNumberId, runId, events }) {
  for (let i = 0; i < events; i++) {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'group_participants_update',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
                groups: [
                  {
                    timestamp: String(1_755_549_000 + i),
                    group_id: `memory-join-${runId}-${i % 20}`,
                    type: 'group_participants_add',
                    reason: 'invite_link',
                    added_participants: [{ wa_id: String(16_500_000_000 + i) }],
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const signature = `sha256=${createHmac('sha256', SANDBOX_APP_SECRET).update(body).digest('hex')}`;
    yield { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
  }
}
