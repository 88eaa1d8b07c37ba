import type { Sandbox } from '../../src/sandbox/sandbox-types';

/**
 * A call straight to the sandbox's Graph API, as another system using the same Meta account would make it: the
 * gateway learns of the change only from the webhook the sandbox then sends.
 */
export async function callSandboxGraphApi(sandbox: Sandbox, method: 'GET' | 'POST' | 'DELETE', path: string, body?: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/v23.0${path}`, {
    method,
    headers: { authorization: 'Bearer sandbox-access-token', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify({ messaging_product: 'whatsapp', ...body }) }),
  });
  const answer = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * The Graph reads the sandbox served whose path ends with `suffix` (e.g. `/invite_link`), whether sent alone or as
 * sub-requests of a batch call.
 */
export function graphReadsEndingWith(sandbox: Sandbox, suffix: string): string[] {
  return sandbox.stats.requests.flatMap((request) => {
    if (request.path.endsWith(suffix)) return [request.path];
    const batch = (request.body as { batch?: { relative_url?: string }[] } | undefined)?.batch;
    if (!Array.isArray(batch)) return [];
    return batch.map((item) => item.relative_url ?? '').filter((url) => url.split('?')[0]!.endsWith(suffix));
  });
}
