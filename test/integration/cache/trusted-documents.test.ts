import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashApiKey } from '../../../src/auth/api-key-hash';
import { executionsOf } from '../../helpers/read-caches';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { openWsClient } from '../../helpers/ws-client';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const TRUSTED = 'query Trusted { groups(first: 2) { edges { node { id subject } } } }';
const UNTRUSTED = 'query Untrusted { groups(first: 1) { edges { node { id } } } }';
const KEYS = {
  app: 'wgg_test-trusted-app-000000000000000000000000',
  admin: 'wgg_test-trusted-admin-0000000000000000000000',
};

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** A JSON POST with any body (APQ requests carry `extensions` and may omit `query`). */
async function post(t: TestGateway, body: Record<string, unknown>, key?: string): Promise<Answer> {
  const response = await fetch(t.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}
const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

describe('persisted queries (APQ) and trusted documents', () => {
  let t: TestGateway;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
    const file = join(dir, 'persisted-documents.json');
    writeFileSync(file, JSON.stringify({ [sha256(TRUSTED)]: TRUSTED }));
    const keys = [
      { id: 'app', sha256: hashApiKey(KEYS.app), scopes: ['read', 'subscribe'], phoneNumberIds: ['*'], trustedDocumentsOnly: true },
      { id: 'admin', sha256: hashApiKey(KEYS.admin), scopes: ['read', 'write', 'subscribe'], phoneNumberIds: ['*'] },
    ];
    t = await startTestGateway({ env: { GATEWAY_AUTH: 'on', GATEWAY_API_KEYS: keys.map((key) => JSON.stringify(key)).join('\n'), GRAPHQL_TRUSTED_DOCUMENTS_FILE: file } });
  });
  afterAll(() => t.dispose());

  it('APQ: an unknown hash gets PERSISTED_QUERY_NOT_FOUND; once registered with its text, the hash alone runs it (then from the cache)', async () => {
    const query = 'query Registered { groups(first: 1) { edges { node { subject } } } }';
    const unknown = await post(t, byHash(sha256(query)), KEYS.admin);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(t, { query, ...byHash(sha256(query)) }, KEYS.admin);
    expect(registered.body.errors).toBeUndefined();
    const hashOnly = await post(t, byHash(sha256(query)), KEYS.admin);
    expect(hashOnly.body).toEqual(registered.body);
    const executions = executionsOf(t.gateway);
    expect((await post(t, byHash(sha256(query)), KEYS.admin)).body).toEqual(registered.body);
    expect(executionsOf(t.gateway)).toBe(executions); // keyed by the hash: a hit needs neither the text nor a parse
  });

  it('a hash that does not match the text sent with it is refused', async () => {
    const answer = await post(t, { query: UNTRUSTED, ...byHash(sha256(TRUSTED)) }, KEYS.admin);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toBe('provided sha does not match query');
  });

  it('a trusted document runs by hash alone, for any key, without being registered', async () => {
    for (const key of [KEYS.app, KEYS.admin]) {
      const answer = await post(t, byHash(sha256(TRUSTED)), key);
      expect(answer.body.errors).toBeUndefined();
      expect((answer.body.data as { groups: { edges: unknown[] } }).groups.edges).toHaveLength(2);
    }
  });

  it('a trustedDocumentsOnly key runs trusted documents (by hash or by text) and nothing else: FORBIDDEN, 403', async () => {
    expect((await post(t, { query: TRUSTED }, KEYS.app)).body.errors).toBeUndefined();
    const refused = await post(t, { query: UNTRUSTED }, KEYS.app);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', documentHash: sha256(UNTRUSTED) });
    expect(refused.body.data).toBeUndefined();
    // Another key with the same grants runs it, and its cached answer is never served to the restricted key.
    expect((await post(t, { query: UNTRUSTED }, KEYS.admin)).body.errors).toBeUndefined();
    expect((await post(t, { query: UNTRUSTED }, KEYS.app)).status).toBe(403);
    // An unknown hash is APQ's answer: the client's retry with the text is then refused as above.
    expect((await post(t, byHash(sha256('query Nope { __typename }')), KEYS.app)).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('over WebSocket too: a trustedDocumentsOnly key is refused an untrusted document', async () => {
    const ws = openWsClient({ url: t.graphqlUrl, connectionParams: { authorization: `Bearer ${KEYS.app}` } });
    try {
      const refused = await ws.run(UNTRUSTED).message(0);
      expect(refused.kind).toBe('error');
      expect(refused.kind === 'error' ? refused.errors[0]?.extensions?.code : null).toBe('FORBIDDEN');
      const allowed = await ws.run(TRUSTED).message(0);
      expect(allowed.kind === 'next' ? allowed.result.errors : 'not next').toBeUndefined();
    } finally {
      await ws.dispose();
    }
  });
});
