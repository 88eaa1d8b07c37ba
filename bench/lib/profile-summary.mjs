// `node bench/lib/profile-summary.mjs <file.cpuprofile> [top]`: self and inclusive time by function, and by package.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node bench/lib/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const selfTime = new Map();
profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const total = [...selfTime.values()].reduce((sum, t) => sum + t, 0);

const where = (frame) => {
  const url = frame.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes('/dist/') ? 'gateway dist' : url === '' ? `(${frame.functionName || 'native'})` : url.startsWith('node:') ? 'node core' : url);
  return { pkg, label: `${frame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` };
};

const bySelf = new Map();
const byPackage = new Map();
const inclusive = new Map();
for (const [id, time] of selfTime) {
  const node = nodes.get(id);
  const { pkg, label } = where(node.callFrame);
  bySelf.set(label, (bySelf.get(label) ?? 0) + time);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const frameLabel = where(nodes.get(at).callFrame).label;
    if (seen.has(frameLabel)) continue;
    seen.add(frameLabel);
    inclusive.set(frameLabel, (inclusive.get(frameLabel) ?? 0) + time);
  }
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [label, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${label}`);
};
console.log(`total sampled ${(total / 1e6).toFixed(2)} s`);
print('by package (self)', byPackage);
print('by function (self)', bySelf);
print('by function (inclusive)', inclusive);
