import { newFbtraceId } from './sandbox-ids';

interface CatalogEntry {
  title: string;
  httpStatus: number;
}

/** Titles and HTTP statuses of the codes the sandbox answers with (docs/groups-api.md#error-codes, #rate-limits). */
const GRAPH_ERROR_CATALOG: Readonly<Record<number, CatalogEntry>> = {
  1: { title: 'An unknown error occurred', httpStatus: 500 },
  2: { title: 'Service temporarily unavailable', httpStatus: 503 },
  4: { title: 'Application request limit reached', httpStatus: 429 },
  100: { title: 'Invalid parameter', httpStatus: 400 },
  190: { title: 'Invalid OAuth access token', httpStatus: 401 },
  80007: { title: 'Rate limit issues', httpStatus: 429 },
  130429: { title: 'Rate limit hit', httpStatus: 429 },
  131020: { title: 'Bad Group: cannot send messages to a single-member group', httpStatus: 400 },
  131041: { title: 'Group unknown: the group does not exist or you are not a member', httpStatus: 400 },
  131048: { title: 'Spam rate limit hit', httpStatus: 429 },
  131051: { title: 'Unsupported message type', httpStatus: 400 },
  131053: { title: 'Media upload error', httpStatus: 400 },
  131056: { title: 'Pair rate limit hit', httpStatus: 429 },
  131059: { title: 'Invalid cursor: expired or corrupted, restart pagination', httpStatus: 400 },
  131201: { title: 'Request partially succeeded', httpStatus: 206 },
  131202: { title: 'Duplicate participant in input', httpStatus: 400 },
  131203: { title: 'Unable to add participant to group', httpStatus: 400 },
  131204: { title: 'Participant overlimit', httpStatus: 400 },
  131207: { title: 'Group suspended', httpStatus: 403 },
  131208: { title: 'Group Rate Limit Hit', httpStatus: 429 },
  131209: { title: 'Invalid group profile picture aspect ratio', httpStatus: 400 },
  131210: { title: 'Group profile picture too small', httpStatus: 400 },
  131211: { title: 'Group create limit reached', httpStatus: 400 },
  131212: { title: 'Participant is not a part of the group', httpStatus: 400 },
  131213: { title: 'Group join request does not exist', httpStatus: 400 },
  131214: { title: 'Group creation temporarily disabled', httpStatus: 400 },
  131215: { title: 'Phone number not eligible for Groups APIs', httpStatus: 400 },
};

function titleOf(code: number): string {
  return GRAPH_ERROR_CATALOG[code]?.title ?? 'Unknown error';
}

export function httpStatusOf(code: number): number {
  return GRAPH_ERROR_CATALOG[code]?.httpStatus ?? (code >= 500 && code < 600 ? code : 400);
}

/** A sync Graph error the sandbox answers with; the HTTP layer turns it into Meta's envelope. */
export class GraphApiError extends Error {
  readonly code: number;
  readonly httpStatus: number;
  readonly details: string;
  readonly subcode: number | null;
  readonly retryAfterSeconds: number | null;
  readonly regainAccessMinutes: number | null;

  constructor(init: { code: number; details?: string; httpStatus?: number; subcode?: number; retryAfterSeconds?: number | null; regainAccessMinutes?: number }) {
    const details = init.details ?? titleOf(init.code);
    super(`(#${init.code}) ${details}`);
    this.name = 'GraphApiError';
    this.code = init.code;
    this.details = details;
    this.httpStatus = init.httpStatus ?? httpStatusOf(init.code);
    this.subcode = init.subcode ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.regainAccessMinutes = init.regainAccessMinutes ?? null;
  }
}

/** Code 100 with a message that says exactly what is wrong. */
export function badRequest(details: string): GraphApiError {
  return new GraphApiError({ code: 100, details });
}

/** Meta's `{error:{message, type, code, error_subcode?, error_data:{messaging_product, details}, fbtrace_id}}`. */
export function errorEnvelope(error: GraphApiError): Record<string, unknown> {
  return {
    error: {
      message: error.message,
      type: 'OAuthException',
      code: error.code,
      ...(error.subcode === null ? {} : { error_subcode: error.subcode }),
      error_data: { messaging_product: 'whatsapp', details: error.details },
      ...(error.httpStatus >= 500 || error.httpStatus === 429 ? { is_transient: true } : {}),
      fbtrace_id: newFbtraceId(),
    },
  };
}

/** The error item of webhooks and per-item failures: `{code, title, message, error_data:{details}}`. */
export function errorItem(code: number, details?: string): Record<string, unknown> {
  const title = titleOf(code);
  return { code, title, message: `(#${code}) ${title}`, error_data: { details: details ?? title } };
}
