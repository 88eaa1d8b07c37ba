import { ApiKeyFileError, formatApiKeyRecord, parseApiKeyRecords } from '../../../src/auth/api-key-file';
import { hashApiKey } from '../../../src/auth/api-key-hash';
import { loadApiKeyRecords } from '../../../src/auth/api-key-source';

const SHA = hashApiKey('wgg_example');
const line = (fields: Record<string, unknown>): string => JSON.stringify({ id: 'crm', sha256: SHA, scopes: ['read'], phoneNumberIds: ['111'], ...fields });

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiKeyFileError) return error.problems;
    throw error;
  }
  throw new Error('expected an ApiKeyFileError');
}

describe('parseApiKeyRecords', () => {
  it('reads JSON Lines, skipping blank and # lines, with every field', () => {
    const text = `# keys of the CRM\n\n${line({ rateLimitPerMinute: 120, expiresAt: '2030-01-01T00:00:00Z', description: 'crm backend' })}\n${JSON.stringify({
      id: 'ops',
      sha256: hashApiKey('other').toUpperCase(),
      scopes: ['read', 'write', 'subscribe', 'read'],
      phoneNumberIds: ['*'],
    })}\n`;
    const records = parseApiKeyRecords(text, 'keys.jsonl');
    expect(records).toEqual([
      { id: 'crm', sha256: SHA, scopes: ['read'], phoneNumberIds: ['111'], rateLimitPerMinute: 120, expiresAt: new Date('2030-01-01T00:00:00Z'), description: 'crm backend' },
      { id: 'ops', sha256: hashApiKey('other'), scopes: ['read', 'write', 'subscribe'], phoneNumberIds: null, rateLimitPerMinute: null, expiresAt: null, description: null },
    ]);
  });

  it('reads a JSON array of the same records', () => {
    const records = parseApiKeyRecords(`[${line({})}, ${line({ id: 'b', sha256: hashApiKey('b') })}]`, 'GATEWAY_API_KEYS');
    expect(records.map((record) => record.id)).toEqual(['crm', 'b']);
  });

  it('reports every problem at once, with the line it is on', () => {
    const text = [
      'not json',
      line({ id: 'has space', sha256: 'abc', scopes: ['admin'], phoneNumberIds: [], extra: 1 }),
      line({ phoneNumberIds: ['*', '111'], rateLimitPerMinute: 0, expiresAt: 'soon' }),
      line({ id: 'dup' }),
      line({ id: 'dup' }),
    ].join('\n');
    const problems = problemsOf(() => parseApiKeyRecords(text, 'keys.jsonl'));
    expect(problems).toEqual([
      expect.stringMatching(/^line 1: not a JSON object/),
      expect.stringMatching(/^line 2: unknown field\(s\) extra/),
      expect.stringMatching(/^line 2: "id" must be/),
      expect.stringMatching(/^line 2: "sha256" must be the 64-hex SHA-256/),
      expect.stringMatching(/^line 2: "scopes" must be a non-empty list of "read", "write", "subscribe"/),
      expect.stringMatching(/^line 2: "phoneNumberIds" must be a non-empty list/),
      expect.stringMatching(/^line 3: "phoneNumberIds" lists "\*" with other ids/),
      expect.stringMatching(/^line 3: "rateLimitPerMinute" must be an integer >= 1/),
      expect.stringMatching(/^line 3: "expiresAt" must be an ISO 8601/),
      expect.stringMatching(/^line 5: id "dup" is used twice/),
      expect.stringMatching(/^line 5: the key of "dup" is already listed under another id/),
    ]);
  });

  it('round-trips the line the CLI prints', () => {
    const printed = formatApiKeyRecord({ id: 'k1', sha256: SHA, scopes: ['read', 'subscribe'], phoneNumberIds: null, description: 'dashboards' });
    expect(JSON.parse(printed)).toEqual({ id: 'k1', sha256: SHA, scopes: ['read', 'subscribe'], phoneNumberIds: ['*'], description: 'dashboards' });
    expect(parseApiKeyRecords(printed, 'x')[0]).toMatchObject({ id: 'k1', phoneNumberIds: null, scopes: ['read', 'subscribe'] });
  });
});

describe('loadApiKeyRecords', () => {
  it('merges the file and the inline records and refuses an id defined in both', async () => {
    const readFile = async (path: string): Promise<string> => (path === '/keys' ? line({}) : Promise.reject(new Error('ENOENT')));
    await expect(loadApiKeyRecords({ file: '/keys', inline: line({ id: 'inline', sha256: hashApiKey('i') }), readFile })).resolves.toHaveLength(2);
    await expect(loadApiKeyRecords({ file: '/keys', inline: line({ sha256: hashApiKey('i') }), readFile })).rejects.toThrow(/id "crm" is defined in both/);
    await expect(loadApiKeyRecords({ file: '/missing', inline: null, readFile })).rejects.toThrow(/cannot be read: ENOENT; check GATEWAY_API_KEYS_FILE/);
    await expect(loadApiKeyRecords({ file: null, inline: null, readFile })).resolves.toEqual([]);
  });
});
