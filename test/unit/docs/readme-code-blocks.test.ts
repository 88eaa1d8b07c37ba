import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** `<!-- example: path -->` followed by a fenced block: the block must be the file, byte for byte. */
function markedBlocks(): { path: string; code: string }[] {
  const blocks: { path: string; code: string }[] = [];
  for (const match of readme.matchAll(/<!-- example: (\S+) -->\n```[a-z]*\n([\s\S]*?)```\n/g)) blocks.push({ path: match[1]!, code: match[2]! });
  return blocks;
}

describe('README code blocks that show files', () => {
  const blocks = markedBlocks();

  it('show both client examples', () => {
    expect(blocks.map((block) => block.path)).toEqual(['examples/tail-group-events.ts', 'examples/apollo-client.mts']);
  });

  it.each(blocks.map((block) => [block.path, block]))('%s is shown exactly as it is', (path, block) => {
    expect(block.code).toBe(readFileSync(join(ROOT, path), 'utf8'));
  });

  it('leave no marker without its block', () => {
    expect((readme.match(/<!-- example: /g) ?? []).length).toBe(blocks.length);
  });
});
