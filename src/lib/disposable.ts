/** Anything that holds a resource. `dispose` is idempotent. */
export interface Disposable {
  dispose(): Promise<void>;
}

/** Wraps a close function so that calling it twice closes once. */
export function once(close: () => Promise<void>): Disposable {
  let closing: Promise<void> | undefined;
  return { dispose: () => (closing ??= close()) };
}
