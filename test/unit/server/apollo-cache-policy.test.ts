import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createSilentLogger } from '../../../src/lib/logger';
import { createApolloServer } from '../../../src/server/apollo-server';
import type { RequestScopedContext } from '../../../src/server/request-scoped-context';

function buildSchema(): GraphQLSchema {
  const item = new GraphQLObjectType({ name: 'Item', fields: { name: { type: GraphQLString, resolve: (source: { name: string }) => source.name } } });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        items: { type: new GraphQLList(item), resolve: () => [{ name: 'a' }, { name: 'b' }] },
      },
    }),
  });
}

async function run(plugins: ApolloServerPlugin<RequestScopedContext>[] = []) {
  const schema = buildSchema();
  const itemName = (schema.getType('Item') as GraphQLObjectType).getFields().name!;
  const resolverBefore = itemName.resolve;
  const logger = createSilentLogger();
  const apollo = createApolloServer<RequestScopedContext>({ schema, logger, nodeEnv: 'production', introspection: false, plugins });
  await apollo.start();
  try {
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query: '{ items { name } }' } },
      context: async () => ({ requestId: 'r1', logger }),
    });
    const body = response.body.kind === 'complete' ? response.body.string : '';
    return { cacheControl: response.headers.get('cache-control'), body: JSON.parse(body) as unknown, resolverUnchanged: itemName.resolve === resolverBefore };
  } finally {
    await apollo.stop();
  }
}

describe('createApolloServer cache policy', () => {
  it('answers Cache-Control: no-store without wrapping field resolvers (no per-field cache-control work)', async () => {
    const answer = await run();
    expect(answer.body).toEqual({ data: { items: [{ name: 'a' }, { name: 'b' }] } });
    expect(answer.cacheControl).toBe('no-store');
    expect(answer.resolverUnchanged).toBe(true);
  });

  it('keeps a cache policy set earlier in the request', async () => {
    const privateCache: ApolloServerPlugin<RequestScopedContext> = {
      async requestDidStart() {
        return {
          async didResolveOperation({ response }) {
            response.http.headers.set('cache-control', 'private, max-age=5');
          },
        };
      },
    };
    expect((await run([privateCache])).cacheControl).toBe('private, max-age=5');
  });
});
