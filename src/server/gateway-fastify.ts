import type { FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Logger } from '../lib/logger';

/** The root Fastify instance http-server.ts creates (typed by the pino logger it was given), for parts that add routes or hooks to it. */
export type GatewayFastify = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger>;
