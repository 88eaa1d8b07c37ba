import type { ExecutionResult } from 'graphql';
import { createSharedFrames } from '../../../src/server/shared-frames';

/** What graphql-ws does for a `next` message: stringify with the replacer, then hand the text to send(). */
function nextMessage(frames: ReturnType<typeof createSharedFrames>, id: string, payload: unknown): string {
  return frames.complete(JSON.stringify({ id, type: 'next', payload }, frames.replacer));
}

describe('createSharedFrames', () => {
  it('serialises a result once and sends the same JSON to every subscriber, each with its own id', () => {
    const frames = createSharedFrames();
    const result: ExecutionResult = { data: { groupEvents: { id: 'e1', text: 'quote " and \\ backslash' } } };
    const format = jest.fn((r: ExecutionResult) => ({ data: r.data }));
    const messages = ['1', '2', 'client-id'].map((id) => nextMessage(frames, id, frames.payloadFor(result, format)));
    expect(format).toHaveBeenCalledTimes(1);
    expect(messages.map((m) => JSON.parse(m) as unknown)).toEqual(['1', '2', 'client-id'].map((id) => ({ id, type: 'next', payload: { data: result.data } })));
  });

  it('cannot be steered by a client id that imitates the placeholder', () => {
    const frames = createSharedFrames();
    const secret = frames.payloadFor({ data: { secret: 1 } }, (r) => r);
    const forged = '__wgg_prepared_payload__"}';
    // An ordinary message (no prepared payload) whose id imitates the placeholder tail goes out unchanged.
    const plain = JSON.stringify({ id: forged, type: 'complete' }, frames.replacer);
    expect(frames.complete(plain)).toBe(plain);
    // A prepared payload lands only in its own message; a forged id is escaped by JSON and not touched.
    const sent = nextMessage(frames, forged, secret);
    expect(JSON.parse(sent)).toEqual({ id: forged, type: 'next', payload: { data: { secret: 1 } } });
  });

  it('leaves messages alone when nothing was prepared, and forgets a payload whose message was never sent', () => {
    const frames = createSharedFrames();
    JSON.stringify({ id: '1', type: 'next', payload: frames.payloadFor({ data: { a: 1 } }, (r) => r) }, frames.replacer); // not sent: socket closed
    const error = JSON.stringify({ id: '2', type: 'error', payload: [{ message: 'x' }] }, frames.replacer);
    expect(frames.complete(error)).toBe(error);
    expect(frames.complete(error)).toBe(error);
  });
});
