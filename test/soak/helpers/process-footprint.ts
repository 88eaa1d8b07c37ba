import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full, synchronous garbage collection. Jest does not start node with --expose-gc, so the flag is switched on at
 * run time: a context created after that gets `gc` as a global (V8 installs it per context).
 */
export function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed();
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Heap in use after two full collections (the second catches what finalizers of the first released). */
export function settledHeapBytes(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** The process' active handles and requests by kind, e.g. `{ TCPSocketWrap: 7, Timeout: 2 }`. */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The kinds of which `after` has more than `before`, with both counts: `{}` when nothing grew. */
export function grownResources(before: Record<string, number>, after: Record<string, number>): Record<string, { before: number; after: number }> {
  const grown: Record<string, { before: number; after: number }> = {};
  for (const [kind, count] of Object.entries(after)) if (count > (before[kind] ?? 0)) grown[kind] = { before: before[kind] ?? 0, after: count };
  return grown;
}
