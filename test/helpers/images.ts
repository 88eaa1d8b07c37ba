import { deflateSync } from 'node:zlib';

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

/**
 * A complete baseline JPEG of a uniform mid-grey image: SOI, JFIF APP0, a quantisation table, SOF0 with the given
 * size, one-code Huffman tables, and an entropy-coded scan where every 8x8 block is "DC unchanged, end of block".
 * Small (a 640x640 picture is about 3 KB) but a real, decodable file, not just a header.
 */
export function tinyJpeg(width: number, height: number): Buffer {
  const segment = (marker: number, body: number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const oneCodeTable = (tableClassAndId: number): number[] => [tableClassAndId, 0, 1, ...new Array<number>(14).fill(0), 0x00]; // one 2-bit code "00" for symbol 0
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 4; // "00" DC difference 0, "00" end of block
  const scan = new Array<number>(Math.ceil(bits / 8)).fill(0);
  if (bits % 8 !== 0) scan[scan.length - 1] = 0xff >> (bits % 8); // pad the last byte with 1-bits
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]),
    ...segment(0xc4, oneCodeTable(0x00)),
    ...segment(0xc4, oneCodeTable(0x10)),
    ...segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    ...scan,
    0xff, 0xd9,
  ]);
}

/** A JPEG padded with a comment segment up to `bytes`, for size-limit tests. */
export function paddedJpeg(width: number, height: number, bytes: number): Buffer {
  const jpeg = tinyJpeg(width, height);
  const padding: Buffer[] = [];
  let size = jpeg.length;
  while (size < bytes) {
    const chunk = Math.min(65_533, Math.max(1, bytes - size - 4));
    const comment = Buffer.alloc(4 + chunk, 0x20);
    comment.writeUInt16BE(0xfffe, 0);
    comment.writeUInt16BE(chunk + 2, 2);
    padding.push(comment);
    size += comment.length;
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...padding, jpeg.subarray(2)]);
}

/** A complete greyscale PNG (signature, IHDR, IDAT, IEND with their CRCs). */
export function tinyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc32(typed), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0; // filter type "none" per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A WebP of `bytes` bytes with an extended (VP8X) header: the animation flag set or not. Only the header is real;
 * the rest is padding, which is all size and format checks read.
 */
export function fakeWebp(bytes: number, options: { animated: boolean }): Buffer {
  const out = Buffer.alloc(Math.max(bytes, 30));
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(out.length - 8, 4);
  out.write('WEBP', 8, 'latin1');
  out.write('VP8X', 12, 'latin1');
  out.writeUInt32LE(10, 16);
  out[20] = options.animated ? 0x02 : 0x00;
  return out;
}

/** An MP4 (ISO base media, brand isom) of `bytes` bytes: a real `ftyp` box, then padding. */
export function fakeMp4(bytes: number): Buffer {
  const out = Buffer.alloc(Math.max(bytes, 24));
  out.writeUInt32BE(24, 0);
  out.write('ftypisom', 4, 'latin1');
  out.write('isomiso2', 16, 'latin1');
  return out;
}
