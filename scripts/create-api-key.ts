import { CREATE_API_KEY_USAGE, createApiKeyFromArgs } from '../src/auth/create-api-key-cli';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${CREATE_API_KEY_USAGE}\n`);
} else {
  try {
    const { key, line } = createApiKeyFromArgs(argv);
    process.stdout.write(
      `API key (shown once; give it to the client, keep it secret):\n  ${key}\n\nAppend this line to the file named by GATEWAY_API_KEYS_FILE (the gateway re-reads it within seconds):\n${line}\n`,
    );
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
