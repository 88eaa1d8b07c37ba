import { readFileSync } from 'node:fs';
import { readJpegFrame } from '../../../src/lib/jpeg';
import { renderSquareJpeg, SQUARE_JPEG_FILE } from '../../../scripts/make-square-jpeg';

describe('examples/square.jpg', () => {
  const file = readFileSync(SQUARE_JPEG_FILE);

  it('is what scripts/make-square-jpeg.ts writes', () => {
    expect(file.equals(renderSquareJpeg())).toBe(true);
  });

  it('is a 640x640 baseline colour JPEG that a profile picture upload accepts (square, at least 192 px, under 5 MB)', () => {
    expect(readJpegFrame(file)).toEqual({ width: 640, height: 640, sofMarker: 0xc0 });
    expect(file.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(file.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(file.includes(Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x80, 0x02, 0x80, 0x03]))).toBe(true); // SOF0: 8 bit, 640x640, 3 components
    expect(file.length).toBeLessThan(5 * 1024 * 1024);
  });
});
