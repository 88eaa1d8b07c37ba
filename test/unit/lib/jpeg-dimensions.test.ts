import { readJpegDimensions } from '../../../src/lib/jpeg';
import { fakeJpeg } from '../../helpers/images';

describe('readJpegDimensions', () => {
  it('reads width and height from a baseline and a progressive SOF', () => {
    expect(readJpegDimensions(fakeJpeg(640, 480))).toEqual({ width: 640, height: 480 });
    expect(readJpegDimensions(fakeJpeg(192, 192, { progressive: true }))).toEqual({ width: 192, height: 192 });
  });

  it('walks past large segments before the frame header', () => {
    const jpeg = fakeJpeg(1024, 1024, { padToBytes: 200_000 });
    expect(jpeg.length).toBeGreaterThanOrEqual(200_000);
    expect(readJpegDimensions(jpeg)).toEqual({ width: 1024, height: 1024 });
  });

  it('answers null for PNGs, truncated files and JPEGs without a frame', () => {
    expect(readJpegDimensions(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(readJpegDimensions(fakeJpeg(500, 500).subarray(0, 24))).toBeNull();
    expect(readJpegDimensions(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(readJpegDimensions(Buffer.alloc(0))).toBeNull();
  });
});
