import type { Writable } from 'node:stream';
import type WebSocket from 'ws';

/** FIN set, opcode 1 (text): a whole message in one frame. */
const FIN_TEXT = 0x81;

/**
 * A server-to-client WebSocket text frame (RFC 6455 §5.2: FIN, opcode 1, no mask, no extension bits) holding
 * `prefix` followed by `body`, as one Buffer: what `ws`' send() would put on the wire for the same text, built
 * without its per-call option objects, header allocation, cork/writev and string encoding.
 */
export function textFrame(prefix: Buffer, body: Buffer): Buffer {
  const length = prefix.length + body.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_TEXT;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    // 64-bit length; a Buffer cannot reach 2^32 bytes here (maxPayload, Node's Buffer limits), so the high half is 0.
    frame[1] = 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(length, 6);
  }
  prefix.copy(frame, headerLength);
  body.copy(frame, headerLength + prefix.length);
  return frame;
}

/**
 * The TCP stream under an open `ws` socket when a frame built by textFrame() may go to it directly: only with no
 * extension negotiated (no permessage-deflate: ws' sender then never holds frames back, so nothing written through
 * it can be overtaken), and only while ws has the stream. Otherwise null: send through ws. Writing to the stream
 * keeps ws' `bufferedAmount` right (it reads the stream's own buffer), which the broadcast's back-pressure uses.
 */
export function directStreamOf(socket: WebSocket): Writable | null {
  if (socket.extensions !== '') return null;
  const stream = (socket as unknown as { _socket?: Writable | null })._socket;
  return stream === undefined || stream === null || stream.writableEnded ? null : stream;
}
