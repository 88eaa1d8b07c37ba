import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Writes examples/square.jpg: the 640x640 picture the README uploads as a group's profile picture. A real baseline
 * JPEG (JFIF, YCbCr, Huffman-coded) made with nothing but Node: every 8x8 block is one colour, so each block needs
 * only its DC coefficient (the AC part of every block is an immediate end-of-block). Deterministic: running it again
 * writes the same bytes, and a test compares them with the checked-in file.
 */
export const SQUARE_JPEG_FILE = resolve(__dirname, '../examples/square.jpg');

const SIZE = 640;
const BLOCKS = SIZE / 8;

/** Annex K.3.1 of the JPEG standard: the luminance DC table (code lengths 1..16, then the categories 0..11). */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** One AC symbol only, end-of-block (0x00), with the 2-bit code "00". */
const AC_BITS = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALUES = [0];

export function renderSquareJpeg(): Buffer {
  const dcCodes = canonicalCodes(DC_BITS, DC_VALUES);
  const eob = canonicalCodes(AC_BITS, AC_VALUES).get(0)!;
  const bits = createBitWriter();
  const previousDc = [0, 0, 0];
  for (let by = 0; by < BLOCKS; by++) {
    for (let bx = 0; bx < BLOCKS; bx++) {
      const components = toYCbCr(colourAt(bx * 8 + 4, by * 8 + 4));
      components.forEach((value, component) => {
        // A flat block's DC coefficient is 8 × (value − 128); the quantisation table is all ones.
        const dc = Math.round(8 * (value - 128));
        const difference = dc - previousDc[component]!;
        previousDc[component] = dc;
        const category = difference === 0 ? 0 : Math.floor(Math.log2(Math.abs(difference))) + 1;
        const code = dcCodes.get(category)!;
        bits.write(code.code, code.length);
        if (category > 0) bits.write(difference > 0 ? difference : difference + (1 << category) - 1, category);
        bits.write(eob.code, eob.length);
      });
    }
  }
  return Buffer.from([
    ...[0xff, 0xd8],
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]), // JFIF 1.1, 72 dpi
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [0x08, SIZE >> 8, SIZE & 0xff, SIZE >> 8, SIZE & 0xff, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x00, 0x03, 0x11, 0x00]),
    ...segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES]),
    ...segment(0xc4, [0x10, ...AC_BITS, ...AC_VALUES]),
    ...segment(0xda, [0x03, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x00, 0x3f, 0x00]),
    ...bits.finish(),
    ...[0xff, 0xd9],
  ]);
}

/** A green disc with a white ring on a dark-teal-to-green diagonal: recognisable as a group picture, not noise. */
function colourAt(x: number, y: number): [number, number, number] {
  const mix = (a: readonly number[], b: readonly number[], t: number): [number, number, number] => [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as [number, number, number];
  const distance = Math.hypot(x - SIZE / 2, y - SIZE / 2);
  if (distance < 150) return mix([0x25, 0xd3, 0x66], [0x12, 0x8c, 0x7e], distance / 150);
  if (distance < 200) return [0xff, 0xff, 0xff];
  return mix([0x07, 0x5e, 0x54], [0x25, 0xd3, 0x66], (x + y) / (2 * SIZE));
}

function toYCbCr([r, g, b]: [number, number, number]): [number, number, number] {
  return [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b];
}

function segment(marker: number, body: number[]): number[] {
  return [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
}

/** Canonical Huffman codes from the count of codes of each length (Annex C of the standard). */
function canonicalCodes(bits: readonly number[], values: readonly number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let index = 0;
  bits.forEach((count, lengthIndex) => {
    for (let i = 0; i < count; i++) codes.set(values[index++]!, { code: code++, length: lengthIndex + 1 });
    code <<= 1;
  });
  return codes;
}

/** Entropy-coded bytes, most significant bit first, 0xFF stuffed with 0x00, the last byte padded with 1-bits. */
function createBitWriter(): { write(value: number, length: number): void; finish(): number[] } {
  const bytes: number[] = [];
  let current = 0;
  let used = 0;
  const push = (byte: number): void => {
    bytes.push(byte);
    if (byte === 0xff) bytes.push(0x00);
  };
  return {
    write(value, length) {
      for (let bit = length - 1; bit >= 0; bit--) {
        current = (current << 1) | ((value >> bit) & 1);
        if (++used === 8) {
          push(current);
          current = 0;
          used = 0;
        }
      }
    },
    finish() {
      if (used > 0) push((current << (8 - used)) | (0xff >> used));
      return bytes;
    },
  };
}

if (require.main === module) {
  writeFileSync(SQUARE_JPEG_FILE, renderSquareJpeg());
  console.log(`wrote ${SQUARE_JPEG_FILE}`);
}
