import { stripVTControlCharacters } from 'node:util';
import { startTestGateway } from '../../helpers/test-gateway';
import { startNodeProgram } from './helpers/node-program';

jest.setTimeout(60_000);

/** The real entry point (src/main.ts) as the Docker image runs it: NODE_ENV=production, every interface. */
const PRODUCTION = { NODE_ENV: 'production', HOST: '127.0.0.1', SANDBOX_PORT: '0' };

describe('a production start', () => {
  it('without WHATSAPP_ACCESS_TOKEN refuses to start, naming the missing variables, instead of serving the sandbox', async () => {
    const failure = startTestGateway({ ownProcess: true, env: PRODUCTION });
    await expect(failure).rejects.toThrow(/exited \(code 1, signal null\) before it was ready/);
    await expect(failure).rejects.toThrow(/WHATSAPP_ACCESS_TOKEN is required in production/);
    await expect(failure).rejects.toThrow(/GATEWAY_API_KEYS_FILE \(or GATEWAY_API_KEYS\) is required in production/);
  });

  it('with a misspelled secret names the variable it probably meant', async () => {
    const failure = startTestGateway({ ownProcess: true, env: { ...PRODUCTION, WHATSAPP_ACCES_TOKEN: 'EAAG-mounted-under-a-typo', GATEWAY_API_KEYS: '[]' } });
    await expect(failure).rejects.toThrow(/WHATSAPP_ACCES_TOKEN is not a variable the gateway reads: did you mean WHATSAPP_ACCESS_TOKEN\?/);
    await expect(failure).rejects.not.toThrow(/EAAG-mounted-under-a-typo/);
  });

  it('runs the sandbox only with SANDBOX=on, and says so loudly', async () => {
    const gateway = await startTestGateway({ ownProcess: true, env: { ...PRODUCTION, SANDBOX: 'on' } });
    try {
      expect(gateway.logs.find((line) => line.level === 40 && line.sandbox === 'on')?.msg).toBe('SANDBOX=on in production: this instance serves invented groups from the embedded emulator, not Meta');
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    } finally {
      await gateway.kill('SIGTERM');
    }
  });
});

describe('a development start', () => {
  it('warns about a misspelled variable with its suggestion, and starts', async () => {
    const gateway = await startTestGateway({ ownProcess: true, env: { NODE_ENV: 'development', SANDBOX_PORT: '0', GATEWAY_AUHT: 'on' } });
    try {
      expect(gateway.logs.filter((line) => line.configuration === 'warning').map((line) => [line.level, line.msg])).toEqual([
        [40, 'GATEWAY_AUHT is not a variable the gateway reads: did you mean GATEWAY_AUTH?'],
      ]);
    } finally {
      await gateway.kill('SIGTERM');
    }
  });

  it('prints readable lines with LOG_FORMAT=pretty (pino-pretty)', async () => {
    const program = startNodeProgram('src/main.ts', { env: { NODE_ENV: 'development', LOG_FORMAT: 'pretty', PORT: '0', HOST: '127.0.0.1', SANDBOX_PORT: '0' } });
    try {
      const ready = await program.waitForLine((line) => line.text.includes('GraphQL endpoint ready at http://127.0.0.1:'));
      expect(ready.json).toBeNull();
      // Colours included: `[19:42:47.056] INFO (gateway): GraphQL endpoint ready at ...`
      expect(stripVTControlCharacters(ready.text)).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(gateway\): GraphQL endpoint ready at /);
    } finally {
      await program.kill('SIGTERM');
    }
  });
});
