import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { GatewayProcess } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

interface Step {
  /** The command as the README shows it (continuation lines joined by their backslash-newline). */
  command: string;
  /** `# → ...` lines after it: each must appear in the output, its `…`-separated parts in order. */
  expectations: string[];
}

/** The sh blocks marked `<!-- readme-test: walkthrough -->`, in order, split into commands and their expected output. */
export function walkthroughSteps(readme: string): Step[] {
  const steps: Step[] = [];
  for (const block of readme.matchAll(/<!-- readme-test: walkthrough -->\n```sh\n([\s\S]*?)```\n/g)) {
    let pending = '';
    for (const line of block[1]!.split('\n')) {
      if (pending === '' && line.startsWith('# → ')) {
        const last = steps.at(-1);
        if (last === undefined) throw new Error(`an expectation before any command: ${line}`);
        last.expectations.push(line.slice('# → '.length));
        continue;
      }
      if (pending === '' && (line.trim() === '' || line.startsWith('#'))) continue;
      pending += `${line}\n`;
      if (line.endsWith('\\')) continue;
      steps.push({ command: pending.trimEnd(), expectations: [] });
      pending = '';
    }
    if (pending !== '') throw new Error(`a block ends inside a command: ${pending}`);
  }
  return steps;
}

/** One bash process runs every command in order (so variables and functions carry over), each one's output and status into files. */
function script(steps: readonly Step[], dir: string, substitute: (command: string) => string): string {
  const lines = ['set -o pipefail', `cd ${JSON.stringify(ROOT)}`];
  steps.forEach((step, index) => {
    lines.push(`{ ${substitute(step.command)}`, `} > ${JSON.stringify(join(dir, `out.${index}`))} 2>&1`);
    lines.push(`status=$?; echo "$status" > ${JSON.stringify(join(dir, `rc.${index}`))}; [ "$status" = 0 ] || exit 0`);
  });
  return `${lines.join('\n')}\n`;
}

function containsInOrder(output: string, expectation: string): boolean {
  let from = 0;
  for (const part of expectation.split(' … ')) {
    const at = output.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return true;
}

describe("the README's walk-through, pasted in order into bash", () => {
  const steps = walkthroughSteps(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  let gateway: GatewayProcess;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'readme-walkthrough-'));
    // As `npm start` starts it (NODE_ENV unset means development), on free ports.
    gateway = await startTestGateway({ ownProcess: true, env: { NODE_ENV: 'development' } });
  });
  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the marked blocks', () => {
    expect(steps.length).toBeGreaterThanOrEqual(25);
    expect(steps.filter((step) => step.expectations.length > 0).length).toBeGreaterThanOrEqual(15);
  });

  it('runs every command successfully, printing what the README says', async () => {
    const started = gateway.logs.find((line) => typeof line.msg === 'string' && line.msg.startsWith('sandbox mode:'));
    const sandboxUrl = String(started?.sandboxUrl);
    const gatewayAuthority = new URL(gateway.url).host;
    // The documented substitutions: the addresses this gateway and its sandbox logged.
    const substitute = (command: string): string => command.replaceAll('localhost:4000', gatewayAuthority).replaceAll('http://127.0.0.1:4010', sandboxUrl);
    const file = join(dir, 'walkthrough.sh');
    writeFileSync(file, script(steps, dir, substitute));
    await run('bash', [file], { cwd: ROOT, timeout: 150_000, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });

    const results = steps.map((step, index) => {
      let status: string;
      try {
        status = readFileSync(join(dir, `rc.${index}`), 'utf8').trim();
      } catch {
        status = 'not run';
      }
      const output = status === 'not run' ? '' : readFileSync(join(dir, `out.${index}`), 'utf8');
      const unmet = step.expectations.filter((expectation) => !containsInOrder(output, expectation));
      return { command: step.command, status, unmet, output: unmet.length > 0 || status !== '0' ? output : '' };
    });
    expect(results.filter((result) => result.status !== '0' || result.unmet.length > 0)).toEqual([]);
  });
});
