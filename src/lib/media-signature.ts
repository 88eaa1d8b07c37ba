/**
 * Media formats told by their first bytes, for the formats that carry a signature. The gateway judges uploads by
 * them, and the sandbox judges what it is sent the same way Meta does: by content, not by the declared type.
 */

const ascii = (bytes: Buffer, start: number, end: number): string => bytes.subarray(start, end).toString('latin1');

/** The type the bytes prove, for the formats that carry a signature; null otherwise. */
export function sniffMimeType(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand.startsWith('3g')) return 'video/3gpp';
    // M4A/M4B are MP4 audio; the other ISO brands (isom, mp41, mp42, avc1, ...) are MP4 video.
    return brand.startsWith('M4A') || brand.startsWith('M4B') ? 'audio/mp4' : 'video/mp4';
  }
  return null;
}

/** A WebP is animated when its extended (VP8X) header sets the animation flag; simple (VP8/VP8L) WebPs are still images. */
export function isAnimatedWebp(bytes: Buffer): boolean {
  return bytes.length >= 21 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 12, 16) === 'VP8X' && (bytes[20]! & 0x02) !== 0;
}
