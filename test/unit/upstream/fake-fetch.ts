/** A scripted stand-in for fetch: records each request and answers from a function (no network). */

export interface RecordedCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  /** Parsed JSON, the FormData itself, or undefined. */
  body: unknown;
}

export type FakeAnswer =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | { networkError: string }
  | { hang: true };

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedCall[];
  /** Most requests pending at the same time. */
  maxConcurrent: number;
}

export function createFakeFetch(answer: (call: RecordedCall, index: number) => FakeAnswer | Promise<FakeAnswer>): FakeFetch {
  const state: FakeFetch = { fetch: undefined as unknown as typeof fetch, calls: [], maxConcurrent: 0 };
  let pending = 0;
  state.fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const rawBody = init?.body;
    const body = typeof rawBody === 'string' ? (JSON.parse(rawBody) as unknown) : rawBody ?? undefined;
    const call: RecordedCall = { url: new URL(String(input)), method: init?.method ?? 'GET', headers, body };
    const index = state.calls.push(call) - 1;
    pending += 1;
    state.maxConcurrent = Math.max(state.maxConcurrent, pending);
    try {
      // Yield once so that concurrent callers overlap, as they would on a real socket.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const planned = await answer(call, index);
      if ('networkError' in planned) throw new TypeError('fetch failed', { cause: new Error(planned.networkError) });
      if ('hang' in planned) {
        return await new Promise<Response>((_, reject) => {
          const signal = init?.signal;
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
      const text = planned.text ?? (planned.json === undefined ? '' : JSON.stringify(planned.json));
      return new Response(text === '' ? null : text, { status: planned.status, headers: planned.headers });
    } finally {
      pending -= 1;
    }
  }) as typeof fetch;
  return state;
}

export const graphError = (code: number, message = `(#${code}) error`) => ({ error: { message, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: 'Trace1' } });
