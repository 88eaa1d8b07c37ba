import type { ApiKeyScope } from './api-key';
import { ANY_PHONE_NUMBER, API_KEY_SCOPES } from './api-key';
import { formatApiKeyRecord } from './api-key-file';
import { generateApiKey, hashApiKey } from './api-key-hash';

export const CREATE_API_KEY_USAGE = `Usage: npm run api-key:create -- --phone-number-ids <id,id|*> [--scopes read,write,subscribe] [--id <name>] [--description <text>]

Prints a new API key (shown once: store it in your secret manager) and the JSON line to append to the file named
by GATEWAY_API_KEYS_FILE. The gateway keeps only the key's SHA-256.
  --phone-number-ids  business phone number ids the key may act for, comma-separated; "*" for every number
  --scopes            read (queries), write (mutations), subscribe (subscriptions); default: read,subscribe
  --id                the key's name in logs and limits (default: a random key_<hex>)
  --description       free text kept in the file`;

export interface CreatedApiKey {
  key: string;
  line: string;
}

/** Parses the CLI arguments and makes the key; throws an Error whose message is the usage problem. */
export function createApiKeyFromArgs(argv: readonly string[], generate = generateApiKey): CreatedApiKey {
  const args = parseFlags(argv);
  const phoneNumbers = args.get('phone-number-ids');
  if (phoneNumbers === undefined) throw new Error(`--phone-number-ids is required (use "*" for every number)\n\n${CREATE_API_KEY_USAGE}`);
  const ids = splitList(phoneNumbers);
  if (ids.length === 0) throw new Error('--phone-number-ids must list at least one id, or "*"');
  if (ids.includes(ANY_PHONE_NUMBER) && ids.length > 1) throw new Error('--phone-number-ids: use either "*" or explicit ids, not both');
  const scopes = splitList(args.get('scopes') ?? 'read,subscribe');
  const allowed: readonly string[] = API_KEY_SCOPES;
  const wrong = scopes.filter((scope) => !allowed.includes(scope));
  if (scopes.length === 0 || wrong.length > 0) throw new Error(`--scopes must be a comma-separated subset of ${API_KEY_SCOPES.join(', ')}; got ${wrong.join(', ') || 'nothing'}`);
  const generated = generate();
  const id = args.get('id') ?? generated.id;
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) throw new Error(`--id must be 1-64 characters of A-Z a-z 0-9 _ . : -, got "${id}"`);
  const line = formatApiKeyRecord({
    id,
    sha256: hashApiKey(generated.key),
    scopes: [...new Set(scopes)] as ApiKeyScope[],
    phoneNumberIds: ids.includes(ANY_PHONE_NUMBER) ? null : ids,
    description: args.get('description') ?? null,
  });
  return { key: generated.key, line };
}

function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"\n\n${CREATE_API_KEY_USAGE}`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!['phone-number-ids', 'scopes', 'id', 'description'].includes(name)) throw new Error(`Unknown option --${name}\n\n${CREATE_API_KEY_USAGE}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}

function splitList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}
