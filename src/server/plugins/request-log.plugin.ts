import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationTypeNode } from 'graphql';

/** What the "request completed" line says about the GraphQL operation of a request. */
export interface RequestLogFields {
  operationName?: string;
  operationType?: OperationTypeNode;
}

export interface RequestLog<TContext extends object> {
  /** Records the resolved operation's name and type on the request's context. */
  readonly plugin: ApolloServerPlugin<TContext>;
  /** Ties an HTTP request to the context Apollo runs it with. */
  bind(request: object, context: TContext): void;
  /** The fields for the request's log line; empty for non-GraphQL requests or ones that never reached an operation. */
  fieldsFor(request: object): RequestLogFields;
}

/** On the context itself: Apollo hands plugins a shallow copy of the context object, which keeps symbol keys. */
const FIELDS = Symbol('operationLogFields');
type WithFields = { [FIELDS]?: RequestLogFields };

/**
 * Carries the operation name and type from Apollo (which knows them once the document is parsed and the operation
 * chosen) to Fastify's `onResponse` log line (which knows status and time).
 */
export function createRequestLog<TContext extends object>(): RequestLog<TContext> {
  const byRequest = new WeakMap<object, RequestLogFields>();
  return {
    plugin: {
      async requestDidStart({ contextValue, request }) {
        const fields = (contextValue as TContext & WithFields)[FIELDS];
        // The name the client asked for, until the operation is resolved (parse or validation may fail first).
        if (fields !== undefined && typeof request.operationName === 'string') fields.operationName = request.operationName;
        return {
          async didResolveOperation({ operation, operationName }) {
            if (fields === undefined || operation === undefined) return;
            if (operationName !== null && operationName !== undefined) fields.operationName = operationName;
            else delete fields.operationName;
            fields.operationType = operation.operation;
          },
        };
      },
    },
    bind(request, context) {
      const fields: RequestLogFields = {};
      (context as TContext & WithFields)[FIELDS] = fields;
      byRequest.set(request, fields);
    },
    fieldsFor(request) {
      return byRequest.get(request) ?? {};
    },
  };
}
