/**
 * Maps `items` through `fn` with at most `limit` calls pending at once; results stay aligned to `items`.
 * A rejection rejects the whole map (callers that want per-item errors catch inside `fn`).
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  // The common case (one chunk of a batch, one read): no workers to set up.
  if (items.length === 1) return [await fn(items[0]!, 0)];
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  }
  const workerCount = Math.min(Math.max(1, limit), items.length);
  const workers: Promise<void>[] = [];
  for (let started = 0; started < workerCount; started++) workers.push(worker());
  await Promise.all(workers);
  return results;
}
