/**
 * A JPEG header with the given frame size: SOI, APP0 (JFIF), an optional COM filler, SOF0, EOI. Enough for
 * anything that reads dimensions from the SOF segment; nothing decodes pixels.
 */
export function fakeJpeg(width: number, height: number, options: { padToBytes?: number; progressive?: boolean } = {}): Buffer {
  const soi = Buffer.from([0xff, 0xd8]);
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, options.progressive ? 0xc2 : 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  const eoi = Buffer.from([0xff, 0xd9]);
  const parts = [soi, app0];
  let size = soi.length + app0.length + sof.length + eoi.length;
  const target = options.padToBytes ?? 0;
  while (size < target) {
    const chunk = Math.min(65_533, Math.max(0, target - size - 4));
    const com = Buffer.alloc(4 + chunk);
    com.writeUInt16BE(0xfffe, 0);
    com.writeUInt16BE(chunk + 2, 2);
    parts.push(com);
    size += com.length;
  }
  parts.push(sof, eoi);
  return Buffer.concat(parts);
}
