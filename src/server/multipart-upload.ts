import Busboy from '@fastify/busboy';
import type { BusboyHeaders } from '@fastify/busboy';
import type { FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { UploadedFile } from '../schema/mutations/uploaded-file';

/** Headers that prove a request is not a cross-site form post: the ones Apollo's CSRF prevention accepts. */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'] as const;

export interface MultipartUploadOptions {
  /** Largest file kept whole; a larger one reaches the resolver `truncated`, to be refused there by name. */
  maxFileBytes: number;
  /** Largest `operations` or `map` field (the JSON parts). */
  maxFieldBytes: number;
  /** File parts one request may carry. @default 1 (one profile picture) */
  maxFiles?: number;
}

/** A multipart request the spec or our limits refuse, answered with its status before GraphQL runs. */
export class MultipartRequestError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 413,
  ) {
    super(message);
    this.name = 'MultipartRequestError';
  }
}

interface Parts {
  fields: Map<string, string>;
  files: Map<string, UploadedFile>;
}

/** Anything Fastify-like that can take a content-type parser (the server's instance, whatever its logger type). */
export interface ContentTypeParserHost {
  addContentTypeParser(contentType: string, parser: (request: FastifyRequest, payload: Readable) => Promise<unknown>): void;
}

/**
 * `multipart/form-data` for POST /graphql, per the GraphQL multipart request spec: `operations` (the JSON body),
 * `map` (file part → variable paths) and the file parts, each buffered into an UploadedFile at its paths. The CSRF
 * rule is checked before a byte of the body is read: a multipart form is a "simple" request a browser sends
 * cross-site without a preflight, so it needs one of PREFLIGHT_HEADERS (Apollo checks the same again later).
 */
export function addMultipartUploadParser(host: ContentTypeParserHost, options: MultipartUploadOptions): void {
  const limits = { ...options, maxFiles: options.maxFiles ?? 1 };
  assertOptions(limits);
  host.addContentTypeParser('multipart/form-data', async function parseGraphQLMultipart(request, payload) {
    assertPreflight(request.headers);
    const parts = await readParts(payload, request.headers, limits);
    return assembleOperations(parts);
  });
}

function assertPreflight(headers: IncomingHttpHeaders): void {
  const present = PREFLIGHT_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0;
  });
  if (!present) {
    throw new MultipartRequestError(
      `A multipart/form-data request can be sent cross-site without a preflight, so it is refused as a potential CSRF: add a non-empty header ${PREFLIGHT_HEADERS.join(' or ')} (e.g. "apollo-require-preflight: true")`,
      400,
    );
  }
}

function readParts(payload: Readable, headers: IncomingHttpHeaders, limits: Required<MultipartUploadOptions>): Promise<Parts> {
  // Room for a file over the limit to be read (and truncated) so its refusal names the argument; beyond that, 413.
  const maxBodyBytes = limits.maxFiles * limits.maxFileBytes * 2 + limits.maxFieldBytes * 2;
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    return Promise.reject(new MultipartRequestError(`The multipart body is ${declared} bytes, over the ${maxBodyBytes} bytes this endpoint reads`, 413));
  }
  return new Promise<Parts>((resolve, reject) => {
    const fields = new Map<string, string>();
    const files = new Map<string, UploadedFile>();
    const fileReads: Promise<void>[] = [];
    let settled = false;
    let received = 0;

    const fail = (error: MultipartRequestError): void => {
      if (settled) return;
      settled = true;
      payload.unpipe();
      payload.removeListener('data', countBytes);
      reject(error);
    };
    const countBytes = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBodyBytes) fail(new MultipartRequestError(`The multipart body is over the ${maxBodyBytes} bytes this endpoint reads`, 413));
    };

    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: headers as BusboyHeaders,
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 2, fieldSize: limits.maxFieldBytes, parts: limits.maxFiles + 2 },
      });
    } catch (error) {
      reject(new MultipartRequestError(`The multipart/form-data request cannot be parsed: ${error instanceof Error ? error.message : String(error)}`, 400));
      return;
    }

    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) fail(new MultipartRequestError(`The multipart field "${name}" is over ${limits.maxFieldBytes} bytes`, 413));
      else fields.set(name, value);
    });
    parser.on('file', (name, stream, filename, _encoding, mimeType) => {
      const chunks: Buffer[] = [];
      fileReads.push(
        new Promise<void>((fileDone) => {
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(name, new UploadedFile(filename, mimeType, Buffer.concat(chunks), stream.truncated, limits.maxFileBytes));
            fileDone();
          });
        }),
      );
    });
    parser.on('filesLimit', () => fail(new MultipartRequestError(`A request may carry at most ${limits.maxFiles} file part(s)`, 413)));
    parser.on('fieldsLimit', () => fail(new MultipartRequestError('A multipart GraphQL request has exactly two fields, `operations` and `map`, before its files', 400)));
    parser.on('partsLimit', () => fail(new MultipartRequestError(`A request may carry at most ${limits.maxFiles + 2} parts (operations, map and the files)`, 413)));
    parser.on('error', (error: unknown) => fail(new MultipartRequestError(`The multipart/form-data body is malformed: ${error instanceof Error ? error.message : String(error)}`, 400)));
    parser.on('finish', () => {
      void Promise.all(fileReads).then(() => {
        if (settled) return;
        settled = true;
        resolve({ fields, files });
      });
    });
    payload.on('data', countBytes);
    payload.on('error', (error) => fail(new MultipartRequestError(`The request body could not be read: ${error.message}`, 400)));
    payload.pipe(parser);
  });
}

/** The spec's `operations` with each mapped file put at its paths. Only single operations: batching is off in Apollo. */
function assembleOperations(parts: Parts): Record<string, unknown> {
  const operations = parseJsonField(parts, 'operations');
  if (typeof operations !== 'object' || operations === null || Array.isArray(operations)) {
    throw new MultipartRequestError('The `operations` field must be one GraphQL request as a JSON object (batched requests are not supported)', 400);
  }
  const map = parseJsonField(parts, 'map');
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw new MultipartRequestError('The `map` field must be a JSON object from file part names to arrays of paths, e.g. {"0":["variables.input.profilePicture"]}', 400);
  }
  for (const [partName, paths] of Object.entries(map as Record<string, unknown>)) {
    const file = parts.files.get(partName);
    if (file === undefined) throw new MultipartRequestError(`The \`map\` names a file part "${partName}" that the request does not carry`, 400);
    if (!Array.isArray(paths) || paths.length === 0 || paths.some((path) => typeof path !== 'string')) {
      throw new MultipartRequestError(`The \`map\` entry "${partName}" must be a non-empty array of paths like "variables.input.profilePicture"`, 400);
    }
    for (const path of paths as string[]) placeFile(operations as Record<string, unknown>, path, file);
  }
  return operations as Record<string, unknown>;
}

function parseJsonField(parts: Parts, name: 'operations' | 'map'): unknown {
  const raw = parts.fields.get(name);
  if (raw === undefined) throw new MultipartRequestError(`The multipart request has no \`${name}\` field; send \`operations\`, then \`map\`, then the files (GraphQL multipart request spec)`, 400);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new MultipartRequestError(`The \`${name}\` field is not valid JSON`, 400);
  }
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** Sets `file` at a dotted path under `variables` (array indexes as numbers), where the client left a placeholder. */
function placeFile(operations: Record<string, unknown>, path: string, file: UploadedFile): void {
  const segments = path.split('.');
  if (segments[0] !== 'variables' || segments.length < 2 || segments.some((segment) => segment === '' || FORBIDDEN_SEGMENTS.has(segment))) {
    throw new MultipartRequestError(`The \`map\` path "${path}" must point into the operation's variables, e.g. "variables.input.profilePicture"`, 400);
  }
  let container: unknown = operations;
  for (const segment of segments.slice(0, -1)) {
    container = typeof container === 'object' && container !== null ? (container as Record<string, unknown>)[segment] : undefined;
  }
  const last = segments[segments.length - 1]!;
  if (typeof container !== 'object' || container === null || (Array.isArray(container) && !/^\d+$/.test(last))) {
    throw new MultipartRequestError(`The \`map\` path "${path}" does not exist in \`operations\`; put null there as the file's placeholder`, 400);
  }
  (container as Record<string, unknown>)[last] = file;
}

function assertOptions(limits: Required<MultipartUploadOptions>): void {
  for (const name of ['maxFileBytes', 'maxFieldBytes', 'maxFiles'] as const) {
    if (!Number.isInteger(limits[name]) || limits[name] < 1) {
      throw new TypeError(`addMultipartUploadParser expects ${name} to be a positive integer, got ${JSON.stringify(limits[name])}; pass config.http.uploadLimitBytes / graphqlBodyLimitBytes.`);
    }
  }
}
