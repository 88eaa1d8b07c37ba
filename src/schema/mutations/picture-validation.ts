import { hasJpegSignature, readJpegFrame } from '../../lib/jpeg';
import type { PictureSummary } from '../../operations/write-service';
import type { UpdateGroupSettingsRequest } from '../../upstream/types';
import { BadUserInputError } from '../../errors/gateway-errors';
import { GROUP_LIMITS } from './mutation-limits';
import type { UploadedFile } from './uploaded-file';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const GIF_SIGNATURE = [0x47, 0x49, 0x46];
const WEBP_SIGNATURE = [0x52, 0x49, 0x46, 0x46]; // RIFF

/**
 * A group picture, judged by its bytes (never by the client's declared type or size): JPEG only, at most the upload
 * limit (5 MB), square, at least 192x192 (docs/groups-api.md#limits). Each rule has its own message.
 */
export function validPicture(argumentName: string, file: UploadedFile): { upload: NonNullable<UpdateGroupSettingsRequest['profilePicture']>; summary: PictureSummary } {
  const fail = (message: string): never => {
    throw new BadUserInputError(`\`${argumentName}\` ${message}`, { argumentName });
  };
  // The multipart reader's limit serves uploadMedia too (up to 100 MB documents): a picture has Meta's own.
  const maxBytes = Math.min(file.limitBytes, GROUP_LIMITS.pictureMaxBytes);
  if (file.truncated || file.bytes.length > maxBytes) {
    fail(`must be at most ${formatMegabytes(maxBytes)} (${maxBytes} bytes); "${file.filename}" is larger`);
  }
  if (!hasJpegSignature(file.bytes)) fail(`must be a JPEG image; "${file.filename}" is ${describeFormat(file.bytes, file.mimeType)}`);
  const frame = readJpegFrame(file.bytes);
  if (frame === null) return fail(`must be a complete JPEG image; "${file.filename}" has no readable frame header (SOF)`);
  if (frame.width !== frame.height) fail(`must be square; "${file.filename}" is ${frame.width}x${frame.height}`);
  const min = GROUP_LIMITS.pictureMinPixels;
  if (frame.width < min) fail(`must be at least ${min}x${min} pixels; "${file.filename}" is ${frame.width}x${frame.height}`);
  const filename = file.filename.trim() === '' ? 'profile.jpg' : file.filename;
  return {
    upload: { bytes: file.bytes, filename, mimeType: 'image/jpeg' },
    summary: { filename, bytes: file.bytes.length, width: frame.width, height: frame.height },
  };
}

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function describeFormat(bytes: Buffer, declared: string): string {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'a PNG image';
  if (startsWith(bytes, GIF_SIGNATURE)) return 'a GIF image';
  if (startsWith(bytes, WEBP_SIGNATURE)) return 'a RIFF (e.g. WebP) file';
  if (bytes.length === 0) return 'empty';
  return `not a JPEG (declared as ${declared || 'no type'})`;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MB`;
}
