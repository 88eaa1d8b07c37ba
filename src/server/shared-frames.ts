import type { ExecutionResult, FormattedExecutionResult } from 'graphql';

/** A `next` payload serialised once, however many sockets it goes to. */
class PreparedPayload {
  constructor(readonly json: string) {}
}

export interface SharedFrames {
  /**
   * For graphql-ws' onNext: the payload to send for `result`, formatted and serialised on the first call for that
   * result object only (shared executions hand the same object to every subscriber).
   */
  payloadFor(result: ExecutionResult, format: (result: ExecutionResult) => FormattedExecutionResult): FormattedExecutionResult;
  /** graphql-ws' jsonMessageReplacer: puts a short placeholder where a prepared payload goes. */
  replacer(this: unknown, key: string, value: unknown): unknown;
  /** For the socket's send(): the message with the prepared payload in place of the placeholder. */
  complete(message: string): string;
}

const PLACEHOLDER = '__wgg_prepared_payload__';
/** How graphql-ws' message ends when its payload is a placeholder: `{"id":…,"type":"next","payload":"<placeholder>"}`. */
const PLACEHOLDER_TAIL = `"${PLACEHOLDER}"}`;

/**
 * graphql-ws serialises `{id, type, payload}` once per socket, so a result sent to 5,000 subscribers is turned into
 * JSON 5,000 times. Here the payload is serialised once per result object; the replacer swaps it for a placeholder
 * (JSON.stringify then stops there: only `id` and `type` are serialised per socket) and remembers it, and the
 * socket's send(), which graphql-ws calls synchronously with stringify's output, splices it back in. The
 * placeholder is recognised only at the very end of the message, where a client-chosen id cannot reach.
 */
export function createSharedFrames(): SharedFrames {
  const prepared = new WeakMap<ExecutionResult, PreparedPayload>();
  let pending: string | null = null;
  return {
    payloadFor(result, format) {
      let payload = prepared.get(result);
      if (payload === undefined) {
        payload = new PreparedPayload(JSON.stringify(format(result)));
        prepared.set(result, payload);
      }
      // graphql-ws types onNext's answer as a result; it only passes it on to stringify, i.e. to the replacer.
      return payload as unknown as FormattedExecutionResult;
    },
    replacer(_key, value) {
      if (!(value instanceof PreparedPayload)) return value;
      pending = value.json;
      return PLACEHOLDER;
    },
    complete(message) {
      if (pending === null) return message;
      const json = pending;
      pending = null;
      return message.endsWith(PLACEHOLDER_TAIL) ? `${message.slice(0, -PLACEHOLDER_TAIL.length)}${json}}` : message;
    },
  };
}
