/** Normalises anything thrown into an Error, so every boundary logs something with a message and a stack. */
export function ensureError(value: unknown): Error {
  if (value instanceof Error) return value;
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return new Error(`Non-error thrown: ${text}`);
}

/** Closes a switch over a union: the compiler proves this line is unreachable. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
    this.name = 'UnreachableCaseError';
  }
}

/** Error codes of a peer that went away: the socket was reset, or closed while we wrote or read. */
const DISCONNECT_CODES: ReadonlySet<string> = new Set(['EPIPE', 'ECONNRESET', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);
/** The same, inside a message: libraries that re-wrap an error as `new Error(String(error))` keep only its text. */
const DISCONNECT_MESSAGE = /^(?:Error: )*(?:write EPIPE|read ECONNRESET|write ECONNRESET|aborted)$/;

/**
 * True when `error` (or what caused it) only says the client disconnected mid-request or mid-response: an everyday
 * event, logged as such (info), never as an unexpected error. Reads `code`, `message` and `cause` without
 * `instanceof`, so errors from another realm (Node's core in a vm context) are recognised too.
 */
export function isClientDisconnect(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && DISCONNECT_CODES.has(code)) return true;
    if (typeof message === 'string' && DISCONNECT_MESSAGE.test(message)) return true;
    current = cause;
  }
  return false;
}
