/** Lets long chains of promise work give the event loop back (timers, sockets) once a turn has run long enough. */
export interface TurnBudget {
  /**
   * null while the current event-loop turn is within its budget (carry on, synchronously); otherwise a promise that
   * resolves in a later turn, after timers and I/O had their go. Callers in the same spent turn share one promise.
   */
  yieldIfSpent(): Promise<void> | null;
}

export interface TurnBudgetOptions {
  /** How long promise work may run before it yields. */
  sliceMs: number;
  /** @default performance.now */
  now?: () => number;
}

/**
 * Promise continuations (microtasks) run to exhaustion before Node looks at timers or sockets again, so a fan-out
 * backlog (every socket's send resolved on process.nextTick) can hold a single turn for seconds: webhooks wait to be
 * read and answered, and Redis replies already in the socket are read only after their command timeouts fired.
 * A turn starts when the first caller of a turn arms a setImmediate marker (which runs in the check phase, after
 * the turn's timers and I/O); callers past `sliceMs` from there wait for the next check phase.
 */
export function createTurnBudget(options: TurnBudgetOptions): TurnBudget {
  const { sliceMs } = options;
  if (!Number.isFinite(sliceMs) || sliceMs <= 0) {
    throw new TypeError(`createTurnBudget expects sliceMs to be a number > 0, got ${JSON.stringify(sliceMs)}; the WS server uses 100 ms.`);
  }
  const now = options.now ?? (() => performance.now());
  let turnStartedAt = 0;
  let markerArmed = false;
  let nextTurn: Promise<void> | null = null;

  const endTurn = (): void => {
    markerArmed = false;
    nextTurn = null;
  };

  return {
    yieldIfSpent() {
      const time = now();
      if (!markerArmed) {
        markerArmed = true;
        turnStartedAt = time;
        setImmediate(endTurn);
        return null;
      }
      if (time - turnStartedAt < sliceMs) return null;
      // Queued after the marker: when it resolves, the marker has run and the first caller starts a new turn.
      nextTurn ??= new Promise<void>((resolve) => setImmediate(resolve));
      return nextTurn;
    },
  };
}
