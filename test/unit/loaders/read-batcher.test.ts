import { createReadBatcher } from '../../../src/loaders/read-batcher';
import { inviteLinkRead, joinRequestsRead } from '../../../src/upstream/batchable-reads';
import type { BatchItemResult, BatchRequest } from '../../../src/upstream/types';
import { UpstreamError } from '../../../src/upstream/upstream-error';

/** A Graph batch endpoint in memory: records each call's sub-requests, answers invite links and empty pages. */
function fakeBatch(failing: ReadonlySet<string> = new Set()) {
  const calls: BatchRequest[][] = [];
  return {
    calls,
    async batch(requests: readonly BatchRequest[]): Promise<BatchItemResult[]> {
      calls.push([...requests]);
      return requests.map((request): BatchItemResult => {
        const groupId = decodeURIComponent(request.relativeUrl.split('/')[0]!);
        if (failing.has(groupId)) return { ok: false, status: 400, error: new UpstreamError({ message: 'gone', httpStatus: 400, code: 131041, isTransient: false }) };
        if (request.relativeUrl.includes('/invite_link')) return { ok: true, status: 200, body: { invite_link: `https://chat.whatsapp.com/${groupId}` } };
        return { ok: true, status: 200, body: { data: [] } };
      });
    },
  };
}

const never = (): Promise<never> => Promise.reject(new Error('single GET not expected in batch mode'));

describe('createReadBatcher', () => {
  it('sends the reads of one turn, whatever their kind, as batches of at most 50', async () => {
    const upstream = fakeBatch();
    const batcher = createReadBatcher({ upstream, mode: 'batch', concurrency: 4 });
    const ids = Array.from({ length: 30 }, (_, i) => `g${i}`);
    const links = ids.map((id) => batcher.read(inviteLinkRead(id), never));
    const pages = ids.map((id) => batcher.read(joinRequestsRead(id, { limit: 5 }), never));
    expect(await Promise.all(links)).toEqual(ids.map((id) => `https://chat.whatsapp.com/${id}`));
    expect((await Promise.all(pages)).every((page) => page.items.length === 0)).toBe(true);
    expect(upstream.calls.map((call) => call.length)).toEqual([50, 10]);
    expect(upstream.calls[0]![30]).toEqual({ method: 'GET', relativeUrl: 'g0/join_requests?limit=5' });
  });

  it("a failed sub-request is that read's error only", async () => {
    const batcher = createReadBatcher({ upstream: fakeBatch(new Set(['bad'])), mode: 'batch', concurrency: 1 });
    const [good, bad] = await Promise.allSettled([batcher.read(inviteLinkRead('good'), never), batcher.read(inviteLinkRead('bad'), never)]);
    expect(good).toEqual({ status: 'fulfilled', value: 'https://chat.whatsapp.com/good' });
    expect(bad.status === 'rejected' && bad.reason instanceof UpstreamError && bad.reason.code === 131041).toBe(true);
  });

  it('a failed batch call is the error of every read in it', async () => {
    const failure = new UpstreamError({ message: 'down', httpStatus: 503, isTransient: true });
    const batcher = createReadBatcher({ upstream: { batch: () => Promise.reject(failure) }, mode: 'batch', concurrency: 1 });
    const results = await Promise.allSettled([batcher.read(inviteLinkRead('a'), never), batcher.read(inviteLinkRead('b'), never)]);
    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('with batching off, makes the single GETs, at most `concurrency` at a time', async () => {
    const upstream = fakeBatch();
    const batcher = createReadBatcher({ upstream, mode: 'parallel', concurrency: 2 });
    let inFlight = 0;
    let most = 0;
    const single = async (): Promise<string> => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return 'link';
    };
    expect(await Promise.all(Array.from({ length: 5 }, (_, i) => batcher.read(inviteLinkRead(`g${i}`), single)))).toEqual(Array(5).fill('link'));
    expect(most).toBe(2);
    expect(upstream.calls).toEqual([]);
  });
});
