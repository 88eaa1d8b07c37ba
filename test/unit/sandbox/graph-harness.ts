import type { GraphCall, GraphDeps, UploadedFile } from '../../../src/sandbox/graph-api-call';
import { splitGraphPath } from '../../../src/sandbox/graph-api-path';
import { dispatchGraphCall } from '../../../src/sandbox/graph-api-router';
import { createSandboxControl } from '../../../src/sandbox/sandbox-control';
import { createFailureInjector } from '../../../src/sandbox/sandbox-failures';
import { seedDemoGroups } from '../../../src/sandbox/sandbox-seed';
import { createSandboxState } from '../../../src/sandbox/sandbox-state';
import type { SandboxControl } from '../../../src/sandbox/sandbox-types';
import type { FailureInjector } from '../../../src/sandbox/sandbox-failures';
import type { SandboxState } from '../../../src/sandbox/sandbox-state';
import type { WebhookOut } from '../../../src/sandbox/sandbox-webhook-payloads';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';

export type Json = Record<string, unknown>;

export interface CallResult {
  status: number;
  body: Json;
  headers: Record<string, string>;
  outbox: WebhookOut[];
}

export interface Harness {
  state: SandboxState;
  failures: FailureInjector;
  control: SandboxControl;
  /** Webhooks from control actions. */
  emitted: WebhookOut[];
  call(method: string, path: string, params?: Json, file?: UploadedFile | null): CallResult;
  groupIdBySubject(subject: string): string;
}

/** The sandbox's Graph side without HTTP: state, routes, handlers, failure rules. */
export function createHarness(options: { seed?: boolean } = {}): Harness {
  const state = createSandboxState({ phoneNumberIds: [SANDBOX_PHONE_A, SANDBOX_PHONE_B] });
  if (options.seed !== false) seedDemoGroups(state, [SANDBOX_PHONE_A, SANDBOX_PHONE_B]);
  const failures = createFailureInjector();
  const deps: GraphDeps = { state, failures, dispatch: (c) => dispatchGraphCall(c, deps) };
  const emitted: WebhookOut[] = [];
  return {
    state,
    failures,
    emitted,
    control: createSandboxControl({ state, emit: (out) => emitted.push(out) }),
    call(method, path, params = {}, file = null) {
      const url = new URL(path, 'http://sandbox.test');
      const { version, segments } = splitGraphPath(url.pathname);
      const call: GraphCall = { method, segments, params: { ...Object.fromEntries(url.searchParams), ...params }, file, version: version ?? 'v23.0', baseUrl: 'http://sandbox.test', outbox: [] };
      const result = deps.dispatch(call);
      return { status: result.status, body: result.body as Json, headers: result.headers ?? {}, outbox: call.outbox };
    },
    groupIdBySubject(subject) {
      for (const phone of state.phones.values()) for (const group of phone.groups.values()) if (group.subject === subject) return group.id;
      throw new Error(`no demo group ${subject}`);
    },
  };
}

export const WRITE = { messaging_product: 'whatsapp' } as const;

/** The first `groups[]` item of a webhook body. */
export function groupItem(out: WebhookOut): Json {
  const entry = (out.body.entry as Json[])[0]!;
  const change = (entry.changes as Json[])[0]!;
  return ((change.value as Json).groups as Json[])[0]!;
}

export function changeValue(out: WebhookOut): Json {
  const entry = (out.body.entry as Json[])[0]!;
  return ((entry.changes as Json[])[0]!.value as Json);
}

export function errorOf(result: CallResult): Json {
  return result.body.error as Json;
}
