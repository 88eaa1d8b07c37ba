/** Anything that holds a resource. `dispose` is idempotent. */
export interface Disposable {
  dispose(): Promise<void>;
}

/** Disposes in reverse order of creation; every disposer runs even if an earlier one fails. */
export async function disposeAll(disposables: readonly Disposable[]): Promise<void> {
  const failures: unknown[] = [];
  for (const d of [...disposables].reverse()) {
    try {
      await d.dispose();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} disposer(s) failed`);
}

/** Wraps a close function so that calling it twice closes once. */
export function once(close: () => Promise<void>): Disposable {
  let closing: Promise<void> | undefined;
  return { dispose: () => (closing ??= close()) };
}
