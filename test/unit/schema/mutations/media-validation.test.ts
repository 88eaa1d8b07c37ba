import { validMedia } from '../../../../src/schema/mutations/media-validation';
import { MediaKind } from '../../../../src/schema/mutations/media-upload.types';
import { UploadedFile } from '../../../../src/schema/mutations/uploaded-file';
import { fakeMp4, fakeWebp, tinyJpeg, tinyPng } from '../../../helpers/images';

const LIMIT = 100 * 1024 * 1024;
const file = (bytes: Buffer, filename: string, mimeType: string, truncated = false) => new UploadedFile(filename, mimeType, bytes, truncated, LIMIT);
const message = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a BadUserInputError');
};

describe('validMedia: the kind and type of an upload, judged by its bytes where they can tell', () => {
  it.each<[string, Buffer, string, MediaKind, string]>([
    ['a JPEG', tinyJpeg(10, 10), 'image/jpeg', MediaKind.IMAGE, 'image/jpeg'],
    ['a PNG declared as image/jpeg', tinyPng(10, 10), 'image/jpeg', MediaKind.IMAGE, 'image/png'],
    ['an MP4 declared as application/octet-stream', fakeMp4(64), 'application/octet-stream', MediaKind.VIDEO, 'video/mp4'],
    ['a static WebP', fakeWebp(64, { animated: false }), 'image/webp', MediaKind.STICKER, 'image/webp'],
    ['a PDF by its declared type', Buffer.from('%PDF-1.7'), 'application/pdf', MediaKind.DOCUMENT, 'application/pdf'],
    ['an MP3 declared as audio/mp3', Buffer.from('ID3....'), 'audio/mp3', MediaKind.AUDIO, 'audio/mpeg'],
    ['an OGG with codec parameters', Buffer.from('OggS....'), 'audio/ogg; codecs=opus', MediaKind.AUDIO, 'audio/ogg'],
  ])('takes %s', (_what, bytes, declared, kind, mimeType) => {
    const checked = validMedia('input.file', file(bytes, 'f', declared));
    expect([checked.kind, checked.upload.mimeType, checked.upload.bytes.length]).toEqual([kind, mimeType, bytes.length]);
  });

  it('names a file without a name by its type', () => {
    expect(validMedia('input.file', file(tinyPng(4, 4), '  ', 'image/png')).upload.filename).toBe('upload.png');
  });

  it('refuses each broken rule with its own message', () => {
    expect(message(() => validMedia('input.file', file(Buffer.from('x'), 'a.bin', 'application/zip')))).toMatch(/^`input.file` must be a file type WhatsApp accepts \(image\/jpeg, .*\); "a.bin" is application\/zip$/);
    expect(message(() => validMedia('input.file', file(Buffer.alloc(0), 'e.txt', 'text/plain')))).toBe('`input.file` must not be empty; "e.txt" has no bytes');
    expect(message(() => validMedia('input.file', file(Buffer.from('plain'), 'v.mp4', 'video/mp4')))).toBe('`input.file` is declared as video/mp4, but the bytes of "v.mp4" are not video/mp4');
    expect(message(() => validMedia('input.file', file(tinyJpeg(4, 4), 'big.jpg', 'image/jpeg', true)))).toBe(
      `\`input.file\` is over the ${LIMIT} bytes this gateway accepts per upload (UPLOAD_LIMIT_BYTES); "big.jpg" is larger`,
    );
    expect(message(() => validMedia('input.file', file(fakeMp4(16 * 1024 * 1024 + 1), 'v.mp4', 'video/mp4')))).toBe('`input.file` must be at most 16 MB for a video (video/mp4); "v.mp4" is 16777217 bytes');
    expect(message(() => validMedia('input.file', file(Buffer.alloc(100 * 1024 * 1024 + 1, 0x20), 'd.txt', 'text/plain')))).toBe(
      '`input.file` must be at most 100 MB for a document (text/plain); "d.txt" is 104857601 bytes',
    );
  });

  it('gives an animated sticker 500 KB and a static one 100 KB', () => {
    expect(validMedia('input.file', file(fakeWebp(400 * 1024, { animated: true }), 'a.webp', 'image/webp')).kind).toBe(MediaKind.STICKER);
    expect(message(() => validMedia('input.file', file(fakeWebp(400 * 1024, { animated: false }), 's.webp', 'image/webp')))).toBe(
      '`input.file` must be at most 100 KB for a static sticker (image/webp); "s.webp" is 409600 bytes',
    );
  });
});
