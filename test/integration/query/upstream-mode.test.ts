import pino from 'pino';
import { loadConfig } from '../../../src/config/config';
import { createGateway } from '../../../src/gateway';
import type { Sandbox } from '../../../src/sandbox/sandbox-types';
import { createSandbox } from '../../../src/sandbox/sandbox';
import { GroupsPageDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { print } from 'graphql';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

/** Walks every page of `groups(first: 2)` and returns the nodes, as the README's curl example does. */
async function walkAllGroups(graphqlUrl: string): Promise<unknown[]> {
  const nodes: unknown[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(GroupsPageDocument), variables: { first: 2, after } }),
    });
    const body = (await response.json()) as { data: { groups: { edges: { node: unknown }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    nodes.push(...body.data.groups.edges.map((edge) => edge.node));
    if (!body.data.groups.pageInfo.hasNextPage) return nodes;
    after = body.data.groups.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('the gateway against a standalone sandbox (GRAPH_API_URL + WHATSAPP_ACCESS_TOKEN)', () => {
  let sandbox: Sandbox;
  let embedded: TestGateway;

  beforeAll(async () => {
    sandbox = createSandbox({ accessToken: 'standalone-token', appSecret: 'standalone-secret', phoneNumberIds: [SANDBOX_PHONE_A], seed: true });
    await sandbox.start();
    embedded = await startTestGateway();
  });

  afterAll(async () => {
    await embedded.dispose();
    await sandbox.dispose();
  });

  it('gives the same answers as sandbox mode', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_API_URL: sandbox.url,
      WHATSAPP_ACCESS_TOKEN: 'standalone-token',
      WHATSAPP_PHONE_NUMBER_ID: SANDBOX_PHONE_A,
      META_APP_SECRET: 'standalone-secret',
      GATEWAY_AUTH: 'off',
    });
    expect(config.mode).toBe('upstream');
    const gateway = createGateway({ config, logger: pino({ level: 'silent' }) });
    try {
      const { graphqlUrl } = await gateway.start();
      expect(gateway.sandbox).toBeNull();
      const viaUpstream = await walkAllGroups(graphqlUrl);
      const viaSandboxMode = await walkAllGroups(embedded.graphqlUrl);
      expect(viaUpstream.length).toBeGreaterThanOrEqual(6);
      expect(viaUpstream).toEqual(viaSandboxMode);
    } finally {
      await gateway.stop();
    }
  });

  it('refuses to start in upstream mode without a token, naming the variable', () => {
    expect(() => loadConfig({ GRAPH_API_URL: sandbox.url })).toThrow(/WHATSAPP_ACCESS_TOKEN is required/);
  });
});
