import { GRAPH_BATCH_LIMIT } from '../upstream/graph-api-batch';
import type { BatchableRead } from '../upstream/batchable-reads';
import { mapWithConcurrency } from '../upstream/map-with-concurrency';
import type { BatchItemResult, GroupsApi } from '../upstream/types';
import type { BatchMode } from './group.loader';

/** Per-group reads of one request, sent together. */
export interface ReadBatcher {
  /** The read's answer: in 'batch' mode a sub-request of the next Graph batch, in 'parallel' mode `single()`. */
  read<T>(read: BatchableRead<T>, single: () => Promise<T>): Promise<T>;
}

interface Queued {
  read: BatchableRead<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Collects the per-group reads (invite links, join-request pages) a request makes in one turn of the event loop and
 * sends them as Graph batch requests of at most 50, whatever loader asked: a page of 25 groups with `inviteLink` and
 * `joinRequests` costs one call, not 50. A failed sub-request is that read's error only; a failed batch call is the
 * error of every read in it. With batching off, single GETs at most `concurrency` at a time.
 */
export function createReadBatcher(options: { upstream: Pick<GroupsApi, 'batch'>; mode: BatchMode; concurrency: number }): ReadBatcher {
  const { upstream, mode, concurrency } = options;
  let queue: Queued[] = [];
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  const flush = async (): Promise<void> => {
    const taken = queue;
    queue = [];
    const chunks: Queued[][] = [];
    for (let i = 0; i < taken.length; i += GRAPH_BATCH_LIMIT) chunks.push(taken.slice(i, i + GRAPH_BATCH_LIMIT));
    await mapWithConcurrency(chunks, concurrency, async (chunk) => {
      let items: BatchItemResult[];
      try {
        items = await upstream.batch(chunk.map((queued) => queued.read.request));
      } catch (error) {
        for (const queued of chunk) queued.reject(error);
        return;
      }
      chunk.forEach((queued, index) => {
        const item = items[index]!;
        if (!item.ok) return queued.reject(item.error);
        try {
          queued.resolve(queued.read.parse(item.body));
        } catch (error) {
          queued.reject(error);
        }
      });
    });
  };

  /** At most `concurrency` single GETs in flight (parallel mode). */
  const limited = async <T>(single: () => Promise<T>): Promise<T> => {
    while (inFlight >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight++;
    try {
      return await single();
    } finally {
      inFlight--;
      waiting.shift()?.();
    }
  };

  return {
    read<T>(read: BatchableRead<T>, single: () => Promise<T>): Promise<T> {
      if (mode === 'parallel') return limited(single);
      return new Promise<T>((resolve, reject) => {
        // setImmediate, not a microtask: DataLoaders of other fields dispatch in later ticks of the same turn.
        if (queue.length === 0) setImmediate(() => void flush());
        queue.push({ read: read as BatchableRead<unknown>, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
}
