import { request } from 'node:http';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const SUBSCRIPTION = 'subscription Live($groupId: ID!) { groupEvents(groupId: $groupId) { id cursor type } }';

describe('a subscription sent over plain HTTP', () => {
  let t: TestGateway;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    groupId = t.sandbox.control.state().groups[0]!.id;
  });
  afterAll(() => t.dispose());

  const expectRefusal = (body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }, host: string): void => {
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.message).toContain(`ws://${host}/graphql`);
    expect(error!.message).toContain('/graphql/stream');
    expect(error!.extensions).toEqual({
      code: 'BAD_REQUEST',
      transports: { websocket: `ws://${host}/graphql`, sse: '/graphql/stream' },
      requestId: expect.any(String),
    });
  };

  it('is refused over POST with 400 and BAD_REQUEST naming the WebSocket and SSE endpoints, and not logged as an error', async () => {
    const host = new URL(t.url).host;
    const response = await t.query(SUBSCRIPTION, { groupId });
    expect(response.status).toBe(400);
    expectRefusal(response.body, host);
    await t.waitForLog((line) => line.msg === 'request completed' && line.operationName === 'Live');
    expect(t.logs.filter((line) => (line.level as number) >= 50)).toEqual([]);
    expect(t.logs.find((line) => line.msg === 'request completed' && line.operationName === 'Live')).toMatchObject({ operationType: 'subscription', statusCode: 400 });
  });

  it('is refused over GET the same way, and runs nothing upstream', async () => {
    t.sandbox.stats.reset();
    const url = new URL(t.graphqlUrl);
    url.searchParams.set('query', SUBSCRIPTION);
    url.searchParams.set('variables', JSON.stringify({ groupId }));
    const response = await fetch(url, { headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expectRefusal((await response.json()) as never, url.host);
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });

  it('names <host> instead of echoing a Host header that is not a plain host name and port', async () => {
    const body = await postWithHost(t.graphqlUrl, 'evil.example/<script>', JSON.stringify({ query: SUBSCRIPTION, variables: { groupId } }));
    expect(body.status).toBe(400);
    expect(body.json.errors[0]!.extensions.transports).toEqual({ websocket: 'ws://<host>/graphql', sse: '/graphql/stream' });
  });

  it('still runs queries and mutations in the same document when one of them is chosen', async () => {
    const document = `${SUBSCRIPTION}\nquery Name($id: ID!) { group(id: $id) { subject } }`;
    const response = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document, operationName: 'Name', variables: { id: groupId } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { group: { subject: 'Watch Enthusiasts' } } });
  });
});

/** fetch() always sends the real Host header; node:http lets the test send any. */
function postWithHost(url: string, host: string, body: string): Promise<{ status: number; json: { errors: { extensions: Record<string, unknown> }[] } }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
