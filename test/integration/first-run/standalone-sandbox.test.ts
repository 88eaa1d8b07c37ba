import { createServer } from 'node:net';
import type { GatewayProcess } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import type { NodeProgram } from './helpers/node-program';
import { startNodeProgram } from './helpers/node-program';

jest.setTimeout(60_000);

const PHONE = '106540352242922';
const TOKEN = 'sandbox-access-token';

async function startStandaloneSandbox(env: Record<string, string> = {}): Promise<{ program: NodeProgram; url: string }> {
  const program = startNodeProgram('src/sandbox/main.ts', { env: { SANDBOX_PORT: '0', LOG_LEVEL: 'info', ...env } });
  const started = await program.waitForLine((line) => typeof line.json?.msg === 'string' && line.json.msg.startsWith('Groups API sandbox on '));
  return { program, url: String(started.json!.url) };
}

function createGroupUpstream(url: string, subject: string): Promise<Response> {
  return fetch(`${url}/v23.0/${PHONE}/groups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ messaging_product: 'whatsapp', subject }),
  });
}

/** A port nothing listens on right now (the gateway takes it a moment later). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('`npm run sandbox` without SANDBOX_WEBHOOK_URL', () => {
  let sandbox: { program: NodeProgram; url: string };

  beforeAll(async () => {
    sandbox = await startStandaloneSandbox();
  });
  afterAll(() => sandbox.program.kill());

  it('warns at start-up that webhooks go nowhere, and how to fix it', async () => {
    const warning = await sandbox.program.waitForLine((line) => line.json?.level === 40 && String(line.json.msg).startsWith('SANDBOX_WEBHOOK_URL is not set'));
    expect(warning.json!.msg).toContain('createGroup stays PENDING');
    expect(warning.json!.msg).toContain('SANDBOX_WEBHOOK_URL=http://127.0.0.1:4000/webhooks/meta');
  });

  it('warns on each webhook it drops', async () => {
    expect((await createGroupUpstream(sandbox.url, 'Dropped 1')).status).toBe(200);
    expect((await createGroupUpstream(sandbox.url, 'Dropped 2')).status).toBe(200);
    const dropped = (line: { json: Record<string, unknown> | null }): boolean => line.json?.level === 40 && String(line.json.msg).startsWith('sandbox webhook dropped');
    await sandbox.program.waitForLine((line) => dropped(line) && sandbox.program.lines.filter(dropped).length === 2);
    expect(sandbox.program.lines.filter(dropped).map((line) => line.json!.field)).toEqual(['group_lifecycle_update', 'group_lifecycle_update']);
  });
});

describe("the README's standalone recipe: `npm run sandbox` with SANDBOX_WEBHOOK_URL, and a gateway pointed at it", () => {
  let sandbox: { program: NodeProgram; url: string };
  let gateway: GatewayProcess;

  beforeAll(async () => {
    const port = await freePort();
    sandbox = await startStandaloneSandbox({ SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/meta` });
    gateway = await startTestGateway({ ownProcess: true, env: {
      PORT: String(port),
      GRAPH_API_URL: sandbox.url,
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: PHONE,
      META_APP_SECRET: 'sandbox-app-secret',
      GATEWAY_AUTH: 'off',
    } });
  });
  afterAll(async () => {
    await gateway.kill('SIGTERM');
    await sandbox.program.kill();
  });

  it('completes createGroup: the webhook reaches the gateway, nothing is dropped', async () => {
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($i: CreateGroupInput!) { createGroup(input: $i) { operation { status } group { subject } } }',
        variables: { i: { subject: 'Book Club', awaitCompletion: true } },
      }),
    });
    expect(await response.json()).toEqual({ data: { createGroup: { operation: { status: 'SUCCEEDED' }, group: { subject: 'Book Club' } } } });
    expect(sandbox.program.lines.filter((line) => line.json?.level === 40)).toEqual([]);
  });
});
