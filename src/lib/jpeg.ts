/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); DHT (C4), JPG (C8) and DAC (CC) are not frames. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const SOS_MARKER = 0xda;

/** What the first start-of-frame segment of a JPEG says. */
export interface JpegFrame {
  width: number;
  height: number;
  /** The SOF marker byte: 0xC0 baseline, 0xC1 extended, 0xC2 progressive, ... */
  sofMarker: number;
}

/** True when the bytes start with a JPEG start-of-image marker (FF D8 FF). */
export function hasJpegSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * The first SOF segment, walking the marker segments after SOI. Null when the bytes are not a JPEG or end before
 * a frame header. Nothing is decoded: callers that only need the size (picture rules) never trust a client's word.
 */
export function readJpegFrame(bytes: Uint8Array): JpegFrame | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 3 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    let marker = bytes[offset + 1]!;
    // Any number of 0xFF fill bytes may precede a marker.
    while (marker === 0xff && offset + 2 < bytes.length) {
      offset += 1;
      marker = bytes[offset + 1]!;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2; // standalone markers carry no length
      continue;
    }
    if (marker === 0xd9 || marker === SOS_MARKER) return null;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2) return null;
    if (SOF_MARKERS.has(marker)) {
      if (offset + 8 >= bytes.length) return null;
      const height = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const width = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      return { width, height, sofMarker: marker };
    }
    offset += 2 + length;
  }
  return null;
}

/** Width and height from the first SOF segment (readJpegFrame), or null. */
export function readJpegDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const frame = readJpegFrame(bytes);
  return frame === null ? null : { width: frame.width, height: frame.height };
}
