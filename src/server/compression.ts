import type { FastifyCompressOptions } from '@fastify/compress';
import { constants } from 'node:zlib';

/** Answers smaller than this are sent as they are: compressing them costs more CPU than the bytes are worth. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** JSON (GraphQL answers, including application/graphql-response+json) and text, but never a stream of events. */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)[\w.+-]+|application\/(?:[\w.-]+\+)?json)(?:;|$)/i;

/**
 * Response compression: brotli (quality 4: most of the gain for a fraction of the CPU of the default 11) or gzip,
 * whichever the client prefers, for compressible answers of 1 KiB or more. Server-Sent Events are never compressed
 * (a compressor buffers, and an event stream must reach the client as each event is written); WebSocket upgrades
 * never pass through Fastify's reply. Request bodies are not decompressed: webhook signatures cover the bytes sent.
 */
export function compressionOptions(): FastifyCompressOptions {
  return {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: (contentType: string) => COMPRESSIBLE.test(contentType),
    brotliOptions: { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 4 } },
    globalDecompression: false,
  };
}
