import { parseApiKeyRecords } from '../../../src/auth/api-key-file';
import { hashApiKey } from '../../../src/auth/api-key-hash';
import { createApiKeyFromArgs } from '../../../src/auth/create-api-key-cli';

const fixed = (): { key: string; id: string } => ({ key: 'wgg_fixed-secret', id: 'key_000000000001' });

describe('npm run api-key:create', () => {
  it('prints the key once and a file line holding only its hash', () => {
    const created = createApiKeyFromArgs(['--phone-number-ids', '111, 222', '--scopes=read,write', '--id', 'crm', '--description', 'CRM backend'], fixed);
    expect(created.key).toBe('wgg_fixed-secret');
    expect(created.line).not.toContain('wgg_fixed-secret');
    expect(parseApiKeyRecords(created.line, 'cli')).toEqual([
      { id: 'crm', sha256: hashApiKey('wgg_fixed-secret'), scopes: ['read', 'write'], phoneNumberIds: ['111', '222'], rateLimitPerMinute: null, expiresAt: null, description: 'CRM backend' },
    ]);
  });

  it('defaults to read and subscribe scopes and a generated id; "*" means every number', () => {
    const created = createApiKeyFromArgs(['--phone-number-ids', '*'], fixed);
    expect(JSON.parse(created.line)).toEqual({ id: 'key_000000000001', sha256: hashApiKey('wgg_fixed-secret'), scopes: ['read', 'subscribe'], phoneNumberIds: ['*'] });
  });

  it.each([
    [[], /--phone-number-ids is required/],
    [['--phone-number-ids', '*,111'], /either "\*" or explicit ids/],
    [['--phone-number-ids', '111', '--scopes', 'read,admin'], /subset of read, write, subscribe; got admin/],
    [['--phone-number-ids', '111', '--id', 'bad id'], /--id must be/],
    [['--phone-number-ids'], /needs a value/],
    [['--phone', '1'], /Unknown option --phone/],
  ])('explains a wrong invocation %j', (argv, message) => {
    expect(() => createApiKeyFromArgs(argv, fixed)).toThrow(message);
  });
});
