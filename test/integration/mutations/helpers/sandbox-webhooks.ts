import type { Sandbox } from '../../../../src/sandbox/sandbox-types';

/** The `groups[]` items of every webhook the sandbox produced for a field, oldest first. */
export function groupItems(sandbox: Sandbox, field: string): Record<string, unknown>[] {
  return sandbox.stats.webhooks
    .filter((webhook) => webhook.field === field)
    .flatMap((webhook) => {
      const entries = (webhook.body.entry ?? []) as { changes?: { value?: { groups?: Record<string, unknown>[] } }[] }[];
      return entries.flatMap((entry) => (entry.changes ?? []).flatMap((change) => change.value?.groups ?? []));
    });
}

/** Method, path and body of each Graph request the sandbox received since the last reset. */
export function upstreamCalls(sandbox: Sandbox): { method: string; path: string; body: unknown }[] {
  return sandbox.stats.requests.map(({ method, path, body }) => ({ method, path, body }));
}
