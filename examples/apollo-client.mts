// Apollo Client 3 in Node: queries and mutations over HTTP, subscriptions over WebSocket (graphql-ws). Lists the
// groups, then follows the first one's events, resuming after the last cursor when the stream ends or drops.
//
//   npx tsx examples/apollo-client.mts [--http http://localhost:4000/graphql] [--ws ws://localhost:4000/graphql] [--events <n>]
//   (API_KEY=<key> in the environment when the gateway's GATEWAY_AUTH is on)
// Apollo Client 3's ES modules, by file: Node's ESM loader resolves no directory imports, and `@apollo/client` has no exports map.
import { ApolloClient, ApolloError, HttpLink, InMemoryCache, gql, split } from '@apollo/client/core/index.js';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions/index.js';
import { getMainDefinition } from '@apollo/client/utilities/index.js';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { values: args } = parseArgs({
  options: {
    http: { type: 'string', default: 'http://localhost:4000/graphql' },
    ws: { type: 'string', default: 'ws://localhost:4000/graphql' },
    events: { type: 'string' }, // stop after this many events (default: follow until Ctrl-C)
  },
});
const headers: Record<string, string> = process.env.API_KEY === undefined ? {} : { authorization: `Bearer ${process.env.API_KEY}` };

const httpLink = new HttpLink({ uri: args.http, headers }); // Node 18+ has fetch
const wsLink = new GraphQLWsLink(
  // Node has no WebSocket before 22: hand graphql-ws the `ws` package ("WebSocket implementation missing" otherwise).
  createClient({ url: args.ws, webSocketImpl: WebSocket, connectionParams: headers, retryAttempts: 0 }),
);
const client = new ApolloClient({
  cache: new InMemoryCache(),
  link: split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    wsLink,
    httpLink,
  ),
});

const GROUPS = gql`
  query Groups {
    groups(first: 10) { nodes { id subject totalParticipantCount } }
  }
`;
const GROUP_EVENTS = gql`
  subscription GroupEvents($groupId: ID!, $after: String) {
    groupEvents(groupId: $groupId, after: $after) { id cursor type occurredAt ... on MessageReceivedEvent { text } }
  }
`;
type Group = { id: string; subject: string; totalParticipantCount: number };
type GroupEvent = { id: string; cursor: string; type: string; occurredAt: string; text?: string | null };

const print = (line: string): boolean => process.stdout.write(`${line}\n`);

/** Follows the group until `limit` events arrived (or forever), resubscribing after the last cursor. */
function follow(groupId: string, limit: number): Promise<void> {
  let lastCursor: string | null = null; // persist it to survive restarts (see tail-group-events.ts)
  let received = 0;
  return new Promise((resolve, reject) => {
    const subscribe = (): void => {
      const subscription = client
        .subscribe<{ groupEvents: GroupEvent }>({ query: GROUP_EVENTS, variables: { groupId, after: lastCursor }, fetchPolicy: 'no-cache' })
        .subscribe({
          next: ({ data }) => {
            if (!data) return;
            lastCursor = data.groupEvents.cursor;
            print(`${data.groupEvents.type} ${data.groupEvents.occurredAt}${data.groupEvents.text ? ` "${data.groupEvents.text}"` : ''}`);
            if (++received === limit) {
              subscription.unsubscribe();
              resolve();
            }
          },
          error: (error: unknown) => {
            const code = error instanceof ApolloError ? error.graphQLErrors[0]?.extensions?.code : undefined;
            if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'BAD_USER_INPUT') return reject(error);
            if (code === 'CURSOR_EXPIRED') lastCursor = null; // past the log's retention: from now on
            // SUBSCRIBER_TOO_SLOW, a dropped socket, a restarting gateway: resume after the last event seen
            setTimeout(subscribe, code === 'SUBSCRIBER_TOO_SLOW' ? 0 : 1000);
          },
          complete: () => setTimeout(subscribe, 0), // ended by the server, e.g. an instance going away
        });
    };
    subscribe();
  });
}

async function main(): Promise<void> {
  const { data } = await client.query<{ groups: { nodes: Group[] } }>({ query: GROUPS });
  for (const group of data.groups.nodes) print(`${group.id}  ${group.subject} (${group.totalParticipantCount})`);
  const first = data.groups.nodes[0];
  if (first === undefined) return;
  print(`following ${first.subject}`);
  await follow(first.id, args.events === undefined ? Number.POSITIVE_INFINITY : Number(args.events));
}

main().then(
  () => {
    client.stop();
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
