import { createServer } from 'node:net';
import type { Server } from 'node:net';
import pino from 'pino';
import { Writable } from 'node:stream';
import { startEmbeddedSandbox } from '../../../src/sandbox/embedded-sandbox';
import { startTestGateway } from '../../helpers/test-gateway';

const PHONES = ['106540352242922', '106540352242923'];

describe('sandbox mode start-up', () => {
  it('logs the control API URL and the id and subject of every demo group', async () => {
    const t = await startTestGateway({ env: { SANDBOX_PORT: '0' } });
    try {
      const line = await t.waitForLog((entry) => typeof entry.msg === 'string' && entry.msg.startsWith('sandbox mode:'));
      const state = t.sandbox.control.state();
      expect(line).toMatchObject({ sandboxUrl: t.sandbox.url, controlUrl: `${t.sandbox.url}/sandbox` });
      expect(line.groups).toEqual(state.groups.map((group) => ({ id: group.id, subject: group.subject, phoneNumberId: group.phoneNumberId })));
      expect(line.groups).toHaveLength(8);
      for (const group of state.groups) expect(line.msg).toContain(`${group.id} "${group.subject}"`);
      expect(line.msg).toContain(`${t.sandbox.url}/sandbox`);
      const control = await fetch(`${String(line.controlUrl)}/groups/${encodeURIComponent(state.groups[0]!.id)}`);
      expect(control.status).toBe(200);
      expect(await control.json()).toMatchObject({ subject: 'Watch Enthusiasts' });
    } finally {
      await t.dispose();
    }
  });
});

describe('the embedded sandbox port', () => {
  let blocker: Server;
  let takenPort: number;
  const warnings: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        warnings.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    takenPort = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => blocker.close(resolve)));

  const options = (portExplicit: boolean) => ({ host: '127.0.0.1', port: takenPort, portExplicit, accessToken: 't', appSecret: 's', phoneNumberIds: PHONES, logger });

  it('moves to a free port, saying so, when its usual port is taken and nobody asked for that port', async () => {
    const sandbox = await startEmbeddedSandbox(options(false));
    try {
      expect(new URL(sandbox.url).port).not.toBe(String(takenPort));
      expect(warnings).toEqual([expect.objectContaining({ level: 40, takenPort, sandboxUrl: sandbox.url })]);
      const answer = await fetch(`${sandbox.url}/v23.0/${PHONES[0]}/groups`, { headers: { authorization: 'Bearer t' } });
      expect(answer.status).toBe(200);
    } finally {
      await sandbox.dispose();
    }
  });

  it('fails the start when SANDBOX_PORT named the taken port', async () => {
    await expect(startEmbeddedSandbox(options(true))).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
