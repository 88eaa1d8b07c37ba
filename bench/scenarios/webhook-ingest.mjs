import { createMetaWebhooks } from '../lib/meta-webhook.mjs';
import { loadTest } from '../lib/load.mjs';

/**
 * Scenario 3: signed Meta deliveries at 50 connections, every body unique (its own wamid and text), so each is
 * verified, parsed, de-duplicated against the log (a miss), invalidation-checked and appended (Redis when set).
 * Baseline: a bare Fastify route that reads the same bodies and answers 200.
 */
export async function webhookIngest({ gateway, baseline, timing, phoneNumberId, groupId, runId }) {
  let sequence = 0;
  const webhooks = createMetaWebhooks({ phoneNumberId, groupId, runId: `${runId}-ingest` });
  const setupRequest = (request) => {
    const { body, headers } = webhooks.delivery(++sequence);
    return { ...request, body, headers: { ...request.headers, ...headers } };
  };

  const check = await fetch(`${gateway.url}/webhooks/meta`, { method: 'POST', ...webhooks.delivery(++sequence) });
  const checkBody = await check.json();
  if (check.status !== 200 || checkBody.stored !== 1) throw new Error(`a unique delivery was answered ${check.status} ${JSON.stringify(checkBody)}`);

  const before = await gateway.call('ingressStats');
  const measured = await loadTest({ url: `${gateway.url}/webhooks/meta`, setupRequest, ...timing, server: gateway });
  const after = await gateway.call('ingressStats');
  const bare = await loadTest({ url: `${baseline.url}/webhook`, setupRequest, ...timing, server: baseline });
  if (measured.non2xx > 0 || measured.errors > 0) throw new Error(`webhook ingest: ${measured.non2xx} non-2xx and ${measured.errors} errors of ${measured.total}`);
  if (after.duplicates !== before.duplicates) throw new Error(`webhook ingest: ${after.duplicates - before.duplicates} deliveries were duplicates; bodies must be unique`);

  const detail = { measured, baseline: bare, eventsStored: after.eventsStored - before.eventsStored, rejected: after.rejected };
  return [
    { scenario: '3 webhook', metric: 'Meta deliveries/s', value: measured.requestsPerSecond, baseline: bare.requestsPerSecond, target: { kind: 'ratio>=', value: 0.4 }, detail },
    { scenario: '3 webhook', metric: 'ack p50 ms', value: measured.p50Ms, baseline: bare.p50Ms, target: null },
    { scenario: '3 webhook', metric: 'ack p99 ms', value: measured.p99Ms, baseline: bare.p99Ms, target: { kind: '<=', value: 50 } },
    { scenario: '3 webhook', metric: 'server CPU µs/delivery', value: measured.serverCpuMicrosPerRequest, baseline: bare.serverCpuMicrosPerRequest, target: null },
  ];
}
