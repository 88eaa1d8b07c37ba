import type { UploadedFile } from './graph-api-call';
import { badRequest } from './sandbox-graph-api-error';

export interface ParsedBody {
  params: Record<string, unknown>;
  file: UploadedFile | null;
  /** What the stats record: the params, with a file summarised. */
  recorded: unknown;
}

/** JSON, form-encoded (Graph's classic encoding, also used for `batch=`) and multipart bodies. */
export async function parseRequestBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { params: {}, file: null, recorded: undefined };
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const params = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    return { params, file: null, recorded: params };
  }
  if (type === 'multipart/form-data') return parseMultipart(raw, contentType!);
  if (type === 'application/json' || type === '' || type === 'text/plain') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw badRequest('Invalid JSON in request body');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('The JSON request body must be an object');
    return { params: parsed as Record<string, unknown>, file: null, recorded: parsed };
  }
  throw badRequest(`Unsupported Content-Type ${type}; send application/json, application/x-www-form-urlencoded or multipart/form-data`);
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  let form: FormData;
  try {
    // undici's multipart parser, through a Response: no dependency needed.
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest('Malformed multipart/form-data body');
  }
  const params: Record<string, unknown> = {};
  let file: UploadedFile | null = null;
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      params[name] = value;
      continue;
    }
    if (name !== 'file') throw badRequest(`Unexpected file field "${name}"; the picture goes in the field "file"`);
    file = { bytes: Buffer.from(await value.arrayBuffer()), filename: value.name, mimeType: value.type || 'application/octet-stream' };
  }
  const recorded = file === null ? params : { ...params, file: { filename: file.filename, mimeType: file.mimeType, size: file.bytes.length } };
  return { params, file, recorded };
}
