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
}

export function createSingleFlight(): SingleFlight {
  const inFlight = new Map<string, Flight>();

  const start = (key: string, call: (signal: AbortSignal) => Promise<unknown>): Flight => {
    const controller = new AbortController();
    const flight: Flight = { promise: Promise.resolve(), controller, waiters: 0 };
    flight.promise = call(controller.signal).finally(() => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
    });
    // Every caller may have left before it settles: its rejection then has no one to tell.
    flight.promise.catch(() => undefined);
    inFlight.set(key, flight);
    return flight;
  };

  return {
    run<T>(key: string, call: (signal: AbortSignal) => Promise<T>, waiter?: FlightWaiter): Promise<T> {
      if (waiter?.signal.aborted === true) return Promise.reject(waiter.left());
      const flight = inFlight.get(key) ?? start(key, call);
      flight.waiters++;
      const shared = flight.promise as Promise<T>;
      if (waiter === undefined) return shared;
      return new Promise<T>((resolve, reject) => {
        const leave = (): void => {
          flight.waiters--;
          if (flight.waiters === 0) {
            if (inFlight.get(key) === flight) inFlight.delete(key);
            flight.controller.abort();
          }
          reject(waiter.left());
        };
        waiter.signal.addEventListener('abort', leave, { once: true });
        shared.then(
          (value) => {
            waiter.signal.removeEventListener('abort', leave);
            resolve(value);
          },
          (error: unknown) => {
            waiter.signal.removeEventListener('abort', leave);
            reject(error);
          },
        );
      });
    },
    size: () => inFlight.size,
  };
}
