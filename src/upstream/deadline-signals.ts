import { setMaxListeners } from 'node:events';

/**
 * Deadline signals shared by the requests that start within the same `resolutionMs`: a request asks for one as it
 * starts and gets its slot's signal, made (one AbortController and one timer) by the slot's first request and
 * aborted at that request's deadline. `AbortSignal.timeout` per request made a signal, a timer and a finalization
 * entry for every GraphQL request, most of which never reach the upstream. So a request's deadline is exact for the
 * first of its slot and up to `resolutionMs` early for the others, never late: a request's deadline still passes
 * no later than the per-call deadline of the calls it makes (graph-api-transport.ts), so it ends them, and none
 * starts after it. The signal aborts with a `TimeoutError` DOMException, as `AbortSignal.timeout`'s does. `close()`
 * clears the pending timers (whoever created it closes it); signals handed out afterwards never abort.
 */
export interface DeadlineSignals {
  /** The signal that aborts once `deadlineMs` has passed from now (up to the resolution sooner, never later). */
  signal(): AbortSignal;
  /** Slots with a pending timer, for tests. */
  pending(): number;
  close(): void;
}

export interface DeadlineSignalsOptions {
  deadlineMs: number;
  /** Width of a slot; requests starting within it share a signal. @default 50 */
  resolutionMs?: number;
  /** Milliseconds on a monotonic clock. @default performance.now */
  now?: () => number;
}

interface Slot {
  /** The slot's number: its first request's start divided by the resolution, rounded down. */
  readonly index: number;
  readonly controller: AbortController;
  readonly timer: NodeJS.Timeout;
}

export function createDeadlineSignals(options: DeadlineSignalsOptions): DeadlineSignals {
  const { deadlineMs } = options;
  const resolutionMs = options.resolutionMs ?? 50;
  if (!Number.isFinite(deadlineMs) || deadlineMs <= 0) throw new TypeError(`createDeadlineSignals expects deadlineMs > 0, got ${String(deadlineMs)}`);
  if (!Number.isFinite(resolutionMs) || resolutionMs <= 0) throw new TypeError(`createDeadlineSignals expects resolutionMs > 0, got ${String(resolutionMs)}; omit it for 50`);
  const now = options.now ?? performance.now.bind(performance);
  const slots = new Set<Slot>();
  let latest: Slot | null = null;
  let closed = false;

  const open = (index: number, end: number): Slot => {
    const controller = new AbortController();
    // Every request of the slot (hundreds at a high rate) may listen: that is the design, not a leak.
    setMaxListeners(0, controller.signal);
    const timer = setTimeout(
      function deadlinePassed() {
        slots.delete(slot);
        controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      },
      Math.max(0, end - now()),
    );
    timer.unref();
    const slot: Slot = { index, controller, timer };
    slots.add(slot);
    return slot;
  };

  return {
    signal() {
      const started = now();
      const index = Math.floor(started / resolutionMs);
      if (latest !== null && latest.index === index) return latest.controller.signal;
      if (closed) return new AbortController().signal;
      latest = open(index, started + deadlineMs);
      return latest.controller.signal;
    },
    pending: () => slots.size,
    close() {
      closed = true;
      latest = null;
      for (const slot of slots) clearTimeout(slot.timer);
      slots.clear();
    },
  };
}
