import { UploadedFile } from '../../../../src/schema/mutations/uploaded-file';
import { validPicture } from '../../../../src/schema/mutations/picture-validation';
import { hasJpegSignature, readJpegFrame } from '../../../../src/lib/jpeg';
import { tinyJpeg, tinyPng } from '../../../helpers/images';

const LIMIT = 5 * 1024 * 1024;
const file = (bytes: Buffer, name = 'p.jpg', type = 'image/jpeg', truncated = false) => new UploadedFile(name, type, bytes, truncated, LIMIT);

describe('validPicture: judged by the bytes', () => {
  it('accepts a square JPEG of at least 192x192 and sends it as image/jpeg whatever the client declared', () => {
    const jpeg = tinyJpeg(192, 192);
    expect(validPicture('pic', file(jpeg, 'x.bin', 'application/octet-stream'))).toEqual({
      upload: { bytes: jpeg, filename: 'x.bin', mimeType: 'image/jpeg' },
      summary: { filename: 'x.bin', bytes: jpeg.length, width: 192, height: 192 },
    });
  });

  it('names each broken rule', () => {
    expect(() => validPicture('pic', file(tinyPng(300, 300), 'a.png', 'image/png'))).toThrow('`pic` must be a JPEG image; "a.png" is a PNG image');
    expect(() => validPicture('pic', file(Buffer.from('GIF89a'), 'a.gif'))).toThrow('`pic` must be a JPEG image; "a.gif" is a GIF image');
    expect(() => validPicture('pic', file(Buffer.alloc(0)))).toThrow('`pic` must be a JPEG image; "p.jpg" is empty');
    expect(() => validPicture('pic', file(tinyJpeg(640, 640).subarray(0, 30)))).toThrow('`pic` must be a complete JPEG image; "p.jpg" has no readable frame header (SOF)');
    expect(() => validPicture('pic', file(tinyJpeg(191, 191)))).toThrow('`pic` must be at least 192x192 pixels; "p.jpg" is 191x191');
    expect(() => validPicture('pic', file(tinyJpeg(200, 201)))).toThrow('`pic` must be square; "p.jpg" is 200x201');
    expect(() => validPicture('pic', file(tinyJpeg(640, 640), 'big.jpg', 'image/jpeg', true))).toThrow('`pic` must be at most 5 MB (5242880 bytes); "big.jpg" is larger');
  });

  it("keeps Meta's 5 MB when the multipart reader took a larger file (UPLOAD_LIMIT_BYTES serves uploadMedia too)", () => {
    const read16 = (bytes: Buffer) => new UploadedFile('big.jpg', 'image/jpeg', bytes, false, 16 * 1024 * 1024);
    expect(() => validPicture('pic', read16(Buffer.concat([tinyJpeg(640, 640), Buffer.alloc(LIMIT)])))).toThrow('`pic` must be at most 5 MB (5242880 bytes); "big.jpg" is larger');
  });
});

describe('src/lib/jpeg', () => {
  it('reads the SOF segment of a real baseline JPEG', () => {
    const jpeg = tinyJpeg(640, 480);
    expect(hasJpegSignature(jpeg)).toBe(true);
    expect(readJpegFrame(jpeg)).toEqual({ width: 640, height: 480, sofMarker: 0xc0 });
    expect(hasJpegSignature(tinyPng(1, 1))).toBe(false);
    expect(readJpegFrame(tinyPng(1, 1))).toBeNull();
  });
});
