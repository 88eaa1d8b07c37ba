import { SANDBOX_PHONE_B } from '../../helpers/constants';
import type { KeyName } from '../../helpers/secure-gateway';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { openWsClient } from '../../helpers/ws-client';

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const MISSPELLED_FIELD = '{ groups(first: 1) { edges { node { subjekt } } } }';
const MISSPELLED_ENUM = '{ groupEvents(phoneNumberId: "106540352242922", types: [GROUP_CREATD]) { edges { cursor } } }';
const OPERATION = 'query($id: ID!) { operation(id: $id) { id kind } }';
const UPDATE = 'mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { operation { id } } }';

async function post(url: string, key: KeyName, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(key) }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Answer;
}

/** Every message of an answer, without the request id (which differs per request by design). */
const messages = (answer: Answer): string[] => (answer.errors ?? []).map((error) => error.message);

describe('the production error surface', () => {
  let production: TestGateway;
  let development: TestGateway;
  beforeAll(async () => {
    production = await startSecureGateway({ NODE_ENV: 'production', SANDBOX: 'on' });
    development = await startSecureGateway({ NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await production.dispose();
    await development.dispose();
  });

  it('gives no "Did you mean" suggestions in production, over HTTP', async () => {
    for (const query of [MISSPELLED_FIELD, MISSPELLED_ENUM]) {
      const inDevelopment = await post(development.graphqlUrl, 'admin', query);
      expect(messages(inDevelopment).join(' ')).toMatch(/Did you mean/);
      const inProduction = await post(production.graphqlUrl, 'admin', query);
      expect(inProduction.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: inDevelopment.errors?.[0]?.extensions?.code }) })]);
      expect(messages(inProduction).join(' ')).not.toMatch(/Did you mean/);
      expect(messages(inProduction)[0]).toBe(messages(inDevelopment)[0]!.replace(/\s*Did you mean [^?]*\?$/, ''));
    }
  });

  it('gives no "Did you mean" suggestions in production, over WebSocket', async () => {
    const ws = openWsClient({ url: production.graphqlUrl, connectionParams: bearer('admin'), eager: true });
    try {
      await ws.connected();
      const answer = await ws.run(MISSPELLED_FIELD).message(0);
      const errors = answer.kind === 'error' ? answer.errors : answer.kind === 'next' ? (answer.result.errors ?? []) : [];
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.map((error) => error.message).join(' ')).toMatch(/Cannot query field "subjekt"/);
      expect(errors.map((error) => error.message).join(' ')).not.toMatch(/Did you mean/);
    } finally {
      await ws.dispose();
    }
  });

  it('answers a form-urlencoded POST with the GraphQL error shape and extensions.code', async () => {
    const response = await fetch(production.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...bearer('admin') },
      body: `query=${encodeURIComponent('{ __typename }')}`,
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringContaining('Unsupported Content-Type "application/x-www-form-urlencoded"'), extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it("answers another tenant's operation id exactly as an unknown one", async () => {
    const groupOfB = groupsOf(production, SANDBOX_PHONE_B)[0]!;
    const updated = await post(production.graphqlUrl, 'admin', UPDATE, { input: { groupId: groupOfB, subject: 'Renamed by admin' } });
    const operationOfB = (updated.data as { updateGroup: { operation: { id: string } } }).updateGroup.operation.id;
    await production.sandbox.webhooksIdle();
    // The owner (a key for all numbers) sees it; tenant A cannot tell it from an id that never existed.
    expect(await post(production.graphqlUrl, 'admin', OPERATION, { id: operationOfB })).toEqual({ data: { operation: { id: operationOfB, kind: 'UPDATE_GROUP' } } });
    const foreign = await post(production.graphqlUrl, 'tenantA', OPERATION, { id: operationOfB });
    const unknown = await post(production.graphqlUrl, 'tenantA', OPERATION, { id: `${operationOfB.slice(0, -1)}0-unknown` });
    expect(foreign).toEqual({ data: { operation: null } });
    expect(unknown).toEqual(foreign);
  });
});
