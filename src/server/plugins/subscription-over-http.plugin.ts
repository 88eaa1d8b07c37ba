import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** A Host header we are willing to echo into a message: host name or address and an optional port, nothing else. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * A subscription needs a stream, which a plain HTTP request/response is not: instead of executing it once (the
 * root field would run without an event), it is refused with HTTP 400 and BAD_REQUEST, naming the endpoints that
 * stream. A client mistake, so it is neither masked nor logged as a server error.
 */
export function subscriptionOverHttpPlugin<TContext extends object>(options: { graphqlPath: string }): ApolloServerPlugin<TContext> {
  const refusal = (request: GraphQLRequest): GraphQLError => {
    const host = request.http?.headers.get('host');
    const authority = host !== undefined && PLAIN_HOST.test(host) ? host : '<host>';
    const websocket = `ws://${authority}${options.graphqlPath}`;
    const sse = `${options.graphqlPath}/stream`;
    return new GraphQLError(
      `Subscriptions are not served over plain HTTP ${request.http?.method ?? 'POST'}: subscribe over WebSocket at ${websocket} (graphql-ws, subprotocol graphql-transport-ws; wss:// behind TLS) or over Server-Sent Events at ${sse} (graphql-sse)`,
      { extensions: { code: 'BAD_REQUEST', transports: { websocket, sse }, http: { status: 400 } } },
    );
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation === 'subscription') throw refusal(request);
        },
        // Over GET, Apollo refuses every non-query before didResolveOperation, with 405 and `Allow: POST`, which
        // sends the client to a method that would not work either. Its error list is formatted after this hook,
        // so replacing the one error there gives GET the same answer as POST.
        async didEncounterErrors({ operation, request, errors }) {
          if (request.http?.method !== 'GET' || operation?.operation !== 'subscription' || errors.length !== 1) return;
          if (errors[0]?.extensions.code !== 'BAD_REQUEST') return;
          (errors as GraphQLError[]).splice(0, 1, refusal(request));
        },
      };
    },
  };
}
