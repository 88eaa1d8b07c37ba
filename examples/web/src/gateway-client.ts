import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client/core';
import type { NormalizedCacheObject } from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import type { Client } from 'graphql-ws';
import { createClient } from 'graphql-ws';

export interface GatewaySettings {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  httpUrl: string;
  /** The same endpoint over WebSocket, e.g. ws://localhost:4000/graphql. */
  wsUrl: string;
  /** Only when the gateway runs with GATEWAY_AUTH=on. */
  apiKey: string | null;
}

export type ConnectionState = 'connecting' | 'connected' | 'closed';

export interface GatewayClient {
  apollo: ApolloClient<NormalizedCacheObject>;
  ws: Client;
}

/**
 * Apollo Client with the README's split link: subscriptions over graphql-ws, queries and mutations over HTTP.
 * The WebSocket does not retry on its own (retryAttempts: 0): a dropped socket ends the subscriptions with an error,
 * and live-events.ts subscribes again from the last cursor it showed (graphql-ws would resend the first variables).
 */
export function createGatewayClient(settings: GatewaySettings, onConnection: (state: ConnectionState) => void): GatewayClient {
  const headers: Record<string, string> = settings.apiKey === null ? {} : { authorization: `Bearer ${settings.apiKey}` };
  const ws = createClient({
    url: settings.wsUrl,
    // Browsers cannot put headers on a WebSocket: the key travels in connection_init.
    connectionParams: headers,
    retryAttempts: 0,
    on: {
      connecting: () => onConnection('connecting'),
      connected: () => onConnection('connected'),
      closed: () => onConnection('closed'),
    },
  });
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    // Content-Type application/json makes every POST a preflighted CORS request, which is what Apollo's CSRF
    // prevention asks for; GET requests would need an `apollo-require-preflight: true` header as well.
    new HttpLink({ uri: settings.httpUrl, headers }),
  );
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache({
      // One list per phone number; fetchMore({ variables: { after } }) appends the next page.
      typePolicies: { Query: { fields: { groups: relayStylePagination(['phoneNumberId']) } } },
    }),
  });
  return { apollo, ws };
}
