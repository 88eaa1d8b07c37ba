import type { FastifyRequest } from 'fastify';

/** The GraphQL-over-HTTP parameters, from a JSON body or (GET) from the query string. */
export interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/**
 * The request's GraphQL parameters when it may be looked up: a JSON POST body, or a GET whose query string Apollo
 * would accept (parameters given once, `variables` and `extensions` as JSON objects) and that passes Apollo's CSRF
 * prevention (a GET that does not is Apollo's to refuse, never a hit). Malformed parameters are Apollo's to answer
 * (400), never a hit for the well-formed request they resemble. Null: not looked up.
 */
export function graphQLParamsOf(request: FastifyRequest): GraphQLParams | null {
  if (request.method === 'POST') {
    if (!isJson(request.headers['content-type'])) return null;
    const body = request.body;
    if (!isRecord(body)) return null;
    const { variables, operationName, extensions } = body as GraphQLParams;
    if (!optional(variables, isRecord) || !optional(operationName, isString) || !optional(extensions, isRecord)) return null;
    return body;
  }
  if (request.method !== 'GET' || !preflighted(request.headers)) return null;
  const query = request.query;
  if (!isRecord(query)) return null;
  const { query: text, operationName, variables, extensions } = query;
  if (!optional(text, isString) || !optional(operationName, isString) || !optional(variables, isString) || !optional(extensions, isString)) return null;
  const parsedVariables = variables === undefined ? undefined : parsedRecord(variables as string);
  const parsedExtensions = extensions === undefined ? undefined : parsedRecord(extensions as string);
  if (parsedVariables === null || parsedExtensions === null) return null;
  return { query: text, operationName, variables: parsedVariables, extensions: parsedExtensions };
}

/** Apollo's CSRF prevention lets a GET through with a non-simple Content-Type or a preflight-forcing header; so does the cache, more strictly. */
function preflighted(headers: FastifyRequest['headers']): boolean {
  const forcing = (name: string): boolean => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0;
  };
  return forcing('apollo-require-preflight') || forcing('x-apollo-operation-name') || isJson(headers['content-type']);
}

function parsedRecord(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** Multipart requests (uploads) are mutations: only JSON bodies are looked up. */
function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(graphql-response\+)?json\b/i.test(contentType.trimStart());
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || value === null || check(value);
}

function isString(value: unknown): boolean {
  return typeof value === 'string';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
