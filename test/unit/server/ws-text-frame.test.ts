import { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { directStreamOf, textFrame } from '../../../src/server/ws-text-frame';

/** ws' own framing of the same text (server side: unmasked), the reference the prebuilt frame must equal. */
function framedByWs(text: Buffer): Buffer {
  // Sender.frame is ws' static framing function; not in its type definitions.
  const Sender = (WebSocket as unknown as { Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] } }).Sender;
  return Buffer.concat(Sender.frame(text, { fin: true, opcode: 1, mask: false, readOnly: true, rsv1: false }));
}

describe('textFrame', () => {
  it.each([
    ['a short message (7-bit length)', 100],
    ['a message at the 7-bit limit', 125],
    ['a medium message (16-bit length)', 126],
    ['a typical event frame', 400],
    ['a message at the 16-bit limit', 65_535],
    ['a long message (64-bit length)', 70_000],
  ])('frames %s exactly as ws does', (_name, length) => {
    const prefix = Buffer.from('{"id":"sub-1","type":"next","payload":');
    const body = Buffer.from(`${'x'.repeat(Math.max(0, length - prefix.length - 1))}}`);
    // Buffer.equals: jest's deep equality walks 70,000 bytes one by one.
    expect(textFrame(prefix, body).equals(framedByWs(Buffer.concat([prefix, body])))).toBe(true);
  });

  it('keeps multi-byte text byte for byte', () => {
    const prefix = Buffer.from('{"id":"é","type":"next","payload":');
    const body = Buffer.from('{"data":{"text":"ünïcødé ✓ 🎉"}}}');
    const frame = textFrame(prefix, body);
    expect(frame.subarray(2).toString('utf8')).toBe(`${prefix.toString()}${body.toString()}`);
    expect(frame[1]).toBe(prefix.length + body.length);
  });
});

describe('directStreamOf', () => {
  const socketOver = (stream: Duplex | null, extensions: string): WebSocket =>
    ({ extensions, _socket: stream }) as unknown as WebSocket;

  it('answers the stream of a socket with no extension negotiated', () => {
    const stream = new Duplex({ read() {}, write(_chunk, _encoding, done) { done(); } });
    expect(directStreamOf(socketOver(stream, ''))).toBe(stream);
  });

  it('refuses when an extension (permessage-deflate) is negotiated: ws may hold frames back for compression', () => {
    const stream = new Duplex({ read() {}, write(_chunk, _encoding, done) { done(); } });
    expect(directStreamOf(socketOver(stream, 'permessage-deflate'))).toBeNull();
  });

  it('refuses a socket without a stream, or whose stream has ended', () => {
    expect(directStreamOf(socketOver(null, ''))).toBeNull();
    const ended = new Duplex({ read() {}, write(_chunk, _encoding, done) { done(); } });
    ended.end();
    expect(directStreamOf(socketOver(ended, ''))).toBeNull();
  });
});
