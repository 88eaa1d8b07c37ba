import type { GraphQLSchema } from 'graphql';
import { createSchema } from '../../src/resolvers/create-schema';
import type { TestGateway } from '../helpers/test-gateway';
import { bearer, startSecureGateway } from '../helpers/secure-gateway';
import { randomOperation, randomVariables, tokenSoup } from './helpers/graphql-documents';
import type { Rng } from './helpers/prng';
import { createRng } from './helpers/prng';

jest.setTimeout(120_000);

const CASES = 2_000;
const SEED = 0x5eed_6a1;

interface Case {
  index: number;
  description: string;
  request: RequestInit & { url: string };
}

interface Answer {
  index: number;
  description: string;
  status: number;
  contentType: string;
  body: unknown;
}

/** One request a hostile or buggy client could send: random documents, variables, bodies, methods and headers. */
function randomCase(index: number, schema: GraphQLSchema, graphqlUrl: string, rng: Rng): Case {
  const auth = bearer('admin');
  const json = { 'content-type': 'application/json', accept: rng.pick(['application/graphql-response+json', 'application/json', '*/*', 'application/graphql-response+json, application/json']), ...auth };
  const query = rng.chance(0.8) ? randomOperation(schema, rng) : tokenSoup(rng);
  const shape = rng.int(0, 19);
  if (shape <= 14) {
    const body: Record<string, unknown> = { query, variables: randomVariables(rng) };
    if (rng.chance(0.2)) body.operationName = rng.pick([null, 'Op0', 'Op1', 42, '']);
    if (rng.chance(0.1)) body.extensions = rng.pick([null, 'x', { persistedQuery: { version: 1, sha256Hash: 'abc' } }]);
    return { index, description: `POST ${query.slice(0, 120)}`, request: { url: graphqlUrl, method: 'POST', headers: json, body: JSON.stringify(body) } };
  }
  if (shape <= 16) {
    const params = new URLSearchParams({ query });
    if (rng.chance(0.5)) params.set('variables', rng.pick(['{', '[]', '{"id":1}', 'null', JSON.stringify(randomVariables(rng) ?? null)]));
    return { index, description: `GET ${query.slice(0, 120)}`, request: { url: `${graphqlUrl}?${params}`, method: 'GET', headers: { ...auth, 'apollo-require-preflight': 'true', accept: json.accept } } };
  }
  if (shape === 17) {
    const raw = rng.pick(['{', '[]', '[{"query":"{ __typename }"}]', 'null', '"query"', '{"query": 1}', '{"query": ["{ __typename }"]}', '{"variables": {}}', '{"query":"{ __typename }","variables":"{}"}', '\u0000', '{"query":"{ __typename }"'.repeat(3)]);
    return { index, description: `POST raw ${raw.slice(0, 60)}`, request: { url: graphqlUrl, method: 'POST', headers: json, body: raw } };
  }
  if (shape === 18) {
    const contentType = rng.pick(['text/plain', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '']);
    return { index, description: `POST as ${contentType}`, request: { url: graphqlUrl, method: 'POST', headers: { ...auth, 'content-type': contentType, 'apollo-require-preflight': 'true' }, body: JSON.stringify({ query }) } };
  }
  const method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS']);
  return { index, description: `${method} /graphql`, request: { url: graphqlUrl, method, headers: json, body: JSON.stringify({ query }) } };
}

describe('GraphQL fuzzing: random documents, variables and requests against the real server', () => {
  let t: TestGateway;
  const answers: Answer[] = [];

  beforeAll(async () => {
    t = await startSecureGateway({ LOG_LEVEL: 'fatal', RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '100000' });
    const schema = await createSchema();
    const rng = createRng(SEED);
    for (let index = 0; index < CASES; index++) {
      const fuzzCase = randomCase(index, schema, t.graphqlUrl, rng);
      const { url, ...init } = fuzzCase.request;
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text: the assertions say which answers must be JSON
      }
      answers.push({ index, description: fuzzCase.description, status: response.status, contentType: response.headers.get('content-type') ?? '', body });
    }
  });
  afterAll(() => t.dispose());

  it('never answered 5xx, and the server still serves', async () => {
    expect(answers).toHaveLength(CASES);
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    expect((await t.query('{ __typename }', {}, { headers: bearer('admin') })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answered every /graphql request it handled with JSON whose errors all carry extensions.code', () => {
    const graphql = answers.filter((answer) => answer.status !== 404 && answer.status !== 415 && answer.status !== 405);
    const notJson = graphql.filter((answer) => typeof answer.body !== 'object' || answer.body === null);
    expect(notJson).toEqual([]);
    const uncoded = graphql.filter((answer) => {
      const errors = (answer.body as { errors?: { extensions?: { code?: unknown } }[] }).errors;
      return errors !== undefined && errors.some((error) => typeof error.extensions?.code !== 'string');
    });
    expect(uncoded.map((answer) => ({ index: answer.index, description: answer.description, status: answer.status, body: answer.body }))).toEqual([]);
  });

  it('exercised executions as well as refusals', () => {
    const executed = answers.filter((answer) => answer.status === 200 && typeof answer.body === 'object' && answer.body !== null && 'data' in answer.body);
    const refused = answers.filter((answer) => answer.status >= 400);
    // Since the cost limit counts variable defaults, more generated documents are refused than executed.
    expect(executed.length).toBeGreaterThan(150);
    expect(refused.length).toBeGreaterThan(300);
  });
});
