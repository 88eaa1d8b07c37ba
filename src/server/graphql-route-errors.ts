import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { MultipartRequestError } from './multipart-upload';

/**
 * Errors Fastify raises on /graphql before Apollo sees the request (a Content-Type it has no parser for, a body that
 * is not JSON, too large, a refused multipart request) answered in the GraphQL error shape with `extensions.code`,
 * like every other error of the endpoint, keeping their HTTP status. Anything else goes to Fastify's handler.
 */
export async function graphqlRouteErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const status = error instanceof MultipartRequestError ? error.statusCode : (error.statusCode ?? 500);
  if (status < 400 || status >= 500) throw error;
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message: messageOf(error, status, request), extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] }));
}

function messageOf(error: FastifyError, status: number, request: FastifyRequest): string {
  if (status !== 415) return error.message;
  const contentType = String(request.headers['content-type'] ?? 'none').split(';')[0]!.trim().slice(0, 100);
  return `Unsupported Content-Type "${contentType}": send GraphQL requests as application/json (or application/graphql-response+json), GET with query parameters, or multipart/form-data for uploads`;
}
