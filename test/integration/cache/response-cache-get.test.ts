import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';
import { executionsOf, invalidatesGroup, nextResponseCacheChange } from '../../helpers/read-caches';
import { callSandboxGraphApi } from '../../helpers/sandbox-graph-api';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const GROUP = 'query Group($id: ID!) { group(id: $id) { id subject } }';
/** What the test gateway's POST helper sends: an answer is keyed by it, so GET sends the same. */
const ACCEPT = 'application/graphql-response+json, application/json';

interface GetOptions {
  query: string;
  variables?: string;
  headers?: Record<string, string>;
}

async function get(t: TestGateway, { query, variables, headers }: GetOptions): Promise<{ status: number; text: string }> {
  const params = new URLSearchParams({ query, ...(variables === undefined ? {} : { variables }) });
  const response = await fetch(`${t.graphqlUrl}?${params}`, { headers: { accept: ACCEPT, 'apollo-require-preflight': 'true', ...headers } });
  return { status: response.status, text: await response.text() };
}

describe('response cache: GET /graphql?query=... is looked up and filled like a POST', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.dispose());

  it('a GET hits what a POST stored and the reverse, with the same bytes, and sees a change once the webhook is acknowledged', async () => {
    const [first, second] = groupsOf(t, SANDBOX_PHONE_A);
    const posted = await t.query(GROUP, { id: first! });
    const executions = executionsOf(t.gateway);
    const hit = await get(t, { query: GROUP, variables: JSON.stringify({ id: first }) });
    expect(hit.status).toBe(200);
    expect(JSON.parse(hit.text)).toEqual(posted.body);
    expect(executionsOf(t.gateway)).toBe(executions);

    const filled = await get(t, { query: GROUP, variables: JSON.stringify({ id: second }) });
    expect(executionsOf(t.gateway)).toBe(executions + 1);
    expect((await get(t, { query: GROUP, variables: JSON.stringify({ id: second }) })).text).toBe(filled.text);
    expect((await t.query(GROUP, { id: second! })).body).toEqual(JSON.parse(filled.text));
    expect(executionsOf(t.gateway)).toBe(executions + 1);

    const invalidated = nextResponseCacheChange(t.gateway, invalidatesGroup(second!));
    await callSandboxGraphApi(t.sandbox, 'POST', `/${second}`, { subject: 'Renamed for GET' });
    await invalidated;
    const fresh = await get(t, { query: GROUP, variables: JSON.stringify({ id: second }) });
    expect(JSON.parse(fresh.text)).toMatchObject({ data: { group: { subject: 'Renamed for GET' } } });
    expect(executionsOf(t.gateway)).toBe(executions + 2);
  });

  it('a GET Apollo would refuse is never a hit: no preflight header (CSRF), malformed variables, a mutation', async () => {
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    await get(t, { query: GROUP, variables: JSON.stringify({ id: groupId }) });
    const csrf = await fetch(`${t.graphqlUrl}?${new URLSearchParams({ query: GROUP, variables: JSON.stringify({ id: groupId }) })}`, { headers: { accept: ACCEPT } });
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/Cross-Site Request Forgery/);
    const malformed = await get(t, { query: GROUP, variables: '{"id":' });
    expect(malformed.status).toBe(400);
    const mutation = await get(t, { query: `mutation { resetInviteLink(input: { groupId: "${groupId}" }) { clientMutationId } }` });
    expect(mutation.status).toBe(405);
  });

  it('a multipart POST of a cached query is not looked up: Apollo runs it', async () => {
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    const cached = await t.query(GROUP, { id: groupId! });
    const executions = executionsOf(t.gateway);
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: GROUP, variables: { id: groupId } }));
    form.set('map', '{}');
    const response = await fetch(t.graphqlUrl, { method: 'POST', headers: { accept: ACCEPT, 'apollo-require-preflight': 'true' }, body: form });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(cached.body);
    expect(executionsOf(t.gateway)).toBe(executions + 1);
  });
});

describe('response cache: GET answers are never shared across API key scopes', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway();
  });
  afterAll(() => t.dispose());

  it('a GET stored for one key is not served to a key of another number, nor without a key', async () => {
    const [groupOfB] = groupsOf(t, SANDBOX_PHONE_B);
    const variables = JSON.stringify({ id: groupOfB });
    const allowed = await get(t, { query: GROUP, variables, headers: bearer('tenantAB') });
    expect(JSON.parse(allowed.text)).toMatchObject({ data: { group: { id: groupOfB } } });
    const executions = executionsOf(t.gateway);
    expect((await get(t, { query: GROUP, variables, headers: bearer('tenantAB') })).text).toBe(allowed.text);
    expect(executionsOf(t.gateway)).toBe(executions);

    const refused = await get(t, { query: GROUP, variables, headers: bearer('tenantA') });
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await get(t, { query: GROUP, variables });
    expect(anonymous.status).toBe(401);
  });
});
