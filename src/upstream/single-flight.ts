/**
 * Equal reads in flight at the same time share one call: the first caller's call runs, later callers with the same
 * key join it until it settles. Nothing is cached beyond that moment, so no answer outlives its call.
 *
 * A joined call belongs to no caller: each caller may leave early (its own request's deadline, `signal`), and only
 * when every caller has left is the call itself aborted, so one request's deadline never cuts another's read short.
 */
export interface SingleFlight {
  run<T>(key: string, call: (signal: AbortSignal) => Promise<T>, waiter?: FlightWaiter): Promise<T>;
  /** Keys in flight, for tests. */
  size(): number;
}

export interface FlightWaiter {
  /** When it aborts, this caller stops waiting (with `left()`), and the call is aborted if no one else waits. */
  signal: AbortSignal;
  /** The error this caller gets when its signal aborts first. */
  left(): Error;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  /**
   * The callers waiting with a signal, grouped by it: requests share deadline signals (deadline-signals.ts), so a
   * flight listens once per signal, not once per caller.
   */
  bySignal: Map<AbortSignal, SignalGroup>;
}

interface SignalGroup {
  callers: { reject(error: Error): void; left(): Error }[];
  onAbort(): void;
}

export function createSingleFlight(): SingleFlight {
  const inFlight = new Map<string, Flight>();

  const start = (key: string, call: (signal: AbortSignal) => Promise<unknown>): Flight => {
    const controller = new AbortController();
    const flight: Flight = { promise: Promise.resolve(), controller, waiters: 0, bySignal: new Map() };
    flight.promise = call(controller.signal).finally(() => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
      for (const [signal, group] of flight.bySignal) signal.removeEventListener('abort', group.onAbort);
      flight.bySignal.clear();
    });
    // Every caller may have left before it settles: its rejection then has no one to tell.
    flight.promise.catch(() => undefined);
    inFlight.set(key, flight);
    return flight;
  };

  /** The callers of `signal` leave together; the call is aborted when no one else waits. */
  const groupFor = (key: string, flight: Flight, signal: AbortSignal): SignalGroup => {
    const existing = flight.bySignal.get(signal);
    if (existing !== undefined) return existing;
    const group: SignalGroup = {
      callers: [],
      onAbort() {
        flight.bySignal.delete(signal);
        flight.waiters -= group.callers.length;
        if (flight.waiters === 0) {
          if (inFlight.get(key) === flight) inFlight.delete(key);
          flight.controller.abort();
        }
        for (const caller of group.callers) caller.reject(caller.left());
      },
    };
    flight.bySignal.set(signal, group);
    signal.addEventListener('abort', group.onAbort, { once: true });
    return group;
  };

  return {
    run<T>(key: string, call: (signal: AbortSignal) => Promise<T>, waiter?: FlightWaiter): Promise<T> {
      if (waiter?.signal.aborted === true) return Promise.reject(waiter.left());
      const flight = inFlight.get(key) ?? start(key, call);
      flight.waiters++;
      const shared = flight.promise as Promise<T>;
      if (waiter === undefined) return shared;
      const group = groupFor(key, flight, waiter.signal);
      // Settled by whichever comes first: the shared call, or this caller's signal (through its group).
      return new Promise<T>((resolve, reject) => {
        group.callers.push({ reject, left: waiter.left });
        shared.then(resolve, reject);
      });
    },
    size: () => inFlight.size,
  };
}
