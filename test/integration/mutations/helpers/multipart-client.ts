import { print } from 'graphql';
import type { DocumentNode } from 'graphql';

export interface UploadFile {
  bytes: Buffer;
  filename: string;
  type: string;
}

/**
 * POSTs one operation with files by the GraphQL multipart request spec, as apollo-upload-client does: `operations`
 * (with null placeholders), `map`, then the files, through fetch's own multipart encoder.
 */
export async function postMultipart(
  graphqlUrl: string,
  request: { document: DocumentNode; variables: Record<string, unknown>; files: Record<string, { path: string; file: UploadFile }> },
  options: { headers?: Record<string, string> } = { headers: { 'apollo-require-preflight': 'true' } },
): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(request.document), variables: request.variables }));
  form.append('map', JSON.stringify(Object.fromEntries(Object.entries(request.files).map(([name, { path }]) => [name, [path]]))));
  for (const [name, { file }] of Object.entries(request.files)) form.append(name, new Blob([file.bytes], { type: file.type }), file.filename);
  const response = await fetch(graphqlUrl, { method: 'POST', body: form, headers: { accept: 'application/graphql-response+json, application/json', ...options.headers } });
  return { status: response.status, body: (await response.json()) as never };
}
