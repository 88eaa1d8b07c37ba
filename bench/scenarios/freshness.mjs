import { createServer } from 'node:http';
import { queryOk } from '../lib/graphql.mjs';
import { percentile, round } from '../lib/stats.mjs';

const SUBJECT_QUERY = 'query Fresh($id: ID!) { group(id: $id) { id subject } }';

/**
 * A relay between the sandbox and instance A: forwards each webhook and notes when A answered it 200 (the moment
 * from which A must never serve the old answer again).
 */
async function startAckRelay(targetUrl) {
  const waiters = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      const forwarded = await fetch(targetUrl, {
        method: 'POST',
        headers: { 'content-type': request.headers['content-type'] ?? 'application/json', 'x-hub-signature-256': request.headers['x-hub-signature-256'] ?? '' },
        body: Buffer.concat(chunks),
      });
      const text = await forwarded.text();
      const ackedAt = performance.now();
      response.writeHead(forwarded.status, { 'content-type': 'application/json' }).end(text);
      if (forwarded.status === 200) for (const resolve of waiters.splice(0)) resolve(ackedAt);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/webhooks/meta`,
    nextAck: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Scenario 12: two instances on one Redis, both in upstream mode over one sandbox process; the sandbox's webhooks
 * reach A through the relay, B learns of changes from the bus only. For each of `changes` subject changes made on
 * the sandbox's Graph API (after `warmupChanges` untimed ones): from the moment A answered the webhook 200, one query on A must see the new subject (a
 * stale answer there is a failure), and B is polled, back to back, until it does. Both start at A's 200: the time
 * from it to B's first fresh answer is the cross-instance latency (bus delivery, B's refetch, one request).
 */
export async function freshness({ a, b, sandbox, phoneNumberId, changes = 50, warmupChanges = 5 }) {
  const [groupId] = await sandbox.call('seedGroups', { phoneNumberId, count: 1, participants: 8 });
  const relay = await startAckRelay(`${a.url}/webhooks/meta`);
  await sandbox.call('setWebhookUrl', { url: relay.url });
  const latencies = [];
  let staleOnA = 0;
  let pollsOnB = 0;
  try {
    // The first changes run code paths (B's miss, A's refetch) for the first time: their latency is JIT warm-up, not
    // the steady state. They are made and checked for stale reads on A like the others, but not timed.
    for (let i = -warmupChanges; i < changes; i++) {
      // Both instances hold the current answer in their caches before the change.
      await queryOk(a.graphqlUrl, SUBJECT_QUERY, { id: groupId });
      await queryOk(b.graphqlUrl, SUBJECT_QUERY, { id: groupId });
      const subject = `Fresh ${i} ${Date.now()}`;
      const acked = relay.nextAck();
      const changed = await fetch(`${sandbox.sandboxUrl}/v23.0/${encodeURIComponent(groupId)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', subject }),
      });
      if (!changed.ok) throw new Error(`freshness: the sandbox refused the change: ${changed.status} ${await changed.text()}`);
      const ackedAt = await acked;
      const checkA = queryOk(a.graphqlUrl, SUBJECT_QUERY, { id: groupId }).then((onA) => {
        if (onA.data.group.subject !== subject) staleOnA++;
      });
      const pollB = (async () => {
        for (;;) {
          pollsOnB++;
          const onB = await queryOk(b.graphqlUrl, SUBJECT_QUERY, { id: groupId });
          if (onB.data.group.subject === subject) return performance.now() - ackedAt;
          if (performance.now() - ackedAt > 10_000) throw new Error('freshness: B still served the old subject 10 s after A acknowledged the webhook');
        }
      })();
      const [, latency] = await Promise.all([checkA, pollB]);
      if (i >= 0) latencies.push(latency);
    }
  } finally {
    await relay.close();
  }
  const detail = { changes, warmupChanges, latenciesMs: latencies.map((ms) => round(ms, 2)), pollsOnB };
  return [
    { scenario: '12 freshness', metric: `stale reads on A after its 200 (${changes + warmupChanges} changes)`, value: staleOnA, baseline: null, target: { kind: '<=', value: 0 }, detail },
    { scenario: '12 freshness', metric: 'B fresh after A\'s 200, p50 ms', value: round(percentile(latencies, 50), 2), baseline: null, target: null },
    { scenario: '12 freshness', metric: 'B fresh after A\'s 200, p99 ms', value: round(percentile(latencies, 99), 2), baseline: null, target: { kind: '<=', value: 50 } },
    // 1.00: B's first request after A's 200 was already fresh every time (the bus message had arrived): the figures
    // above are then one cache miss on B (its refetch from the upstream), not a wait for the bus.
    { scenario: '12 freshness', metric: 'requests to B until fresh, per change', value: round(pollsOnB / (changes + warmupChanges), 2), baseline: null, target: null },
  ];
}
