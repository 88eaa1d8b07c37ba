import type { FailureInjector } from './sandbox-failures';
import type { SandboxState } from './sandbox-state';
import type { FailNextRule } from './sandbox-types';
import type { WebhookOut } from './sandbox-webhook-payloads';

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
  mimeType: string;
}

/** One Graph request, already authenticated and parsed (top-level or a batch sub-request). */
export interface GraphCall {
  method: string;
  /** Path segments after the version, URL-decoded. */
  segments: string[];
  /** Query and body parameters merged (body wins), as Graph does. */
  params: Record<string, unknown>;
  file: UploadedFile | null;
  /** The version segment the caller used, echoed in paging links. */
  version: string;
  /** `http://host:port`, for absolute paging links. */
  baseUrl: string;
  /** Webhooks this call causes; sent once the answer is on its way. */
  outbox: WebhookOut[];
}

export interface GraphResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface GraphDeps {
  state: SandboxState;
  failures: FailureInjector;
  /** Runs a (sub-)call through routing and failure injection; the batch handler recurses through it. */
  dispatch(call: GraphCall): GraphResult;
}

export type GraphHandler = (call: GraphCall, deps: GraphDeps, asyncFailure: FailNextRule | null) => GraphResult;

export function ok(body: unknown): GraphResult {
  return { status: 200, body };
}

export function pagingLink(call: GraphCall, query: Record<string, string>): string {
  const path = call.segments.map(encodeURIComponent).join('/');
  return `${call.baseUrl}/${call.version}/${path}?${new URLSearchParams(query).toString()}`;
}
