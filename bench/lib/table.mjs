import { round } from './stats.mjs';

/** Ratio against the baseline, and pass/miss against the target; rows without a target are informational. */
export function judge(row) {
  const ratio = row.baseline === null || row.baseline === undefined || row.baseline === 0 || row.value === null ? null : row.value / row.baseline;
  let pass = null;
  if (row.target !== null && row.target !== undefined && row.value !== null) {
    const { kind, value } = row.target;
    if (kind === 'ratio>=') pass = ratio !== null && ratio >= value;
    else if (kind === 'ratio<=') pass = ratio !== null && ratio <= value;
    else if (kind === '>=') pass = row.value >= value;
    else if (kind === '<=') pass = row.value <= value;
    else throw new Error(`unknown target kind ${kind}`);
  }
  if (row.target !== null && row.target !== undefined && row.value === null) pass = false;
  return { ...row, ratio: ratio === null ? null : round(ratio, 3), pass };
}

function targetText(target) {
  if (target === null || target === undefined) return '';
  if (target.kind === 'ratio>=') return `ratio >= ${target.value}`;
  if (target.kind === 'ratio<=') return `ratio <= ${target.value}`;
  return `${target.kind} ${formatNumber(target.value)}`;
}

function formatNumber(value) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Number.isInteger(value)) return String(value);
  return String(round(value, Math.abs(value) >= 10 ? 1 : 2));
}

export function tableLines(rows) {
  const header = ['scenario', 'metric', 'value', 'baseline', 'ratio', 'target', 'result'];
  const body = rows.map((row) => [
    row.scenario,
    row.metric,
    formatNumber(row.value),
    formatNumber(row.baseline),
    row.ratio === null ? '' : row.ratio.toFixed(2),
    targetText(row.target),
    row.pass === null ? '' : row.pass ? 'pass' : 'MISS',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column >= 2 && column <= 4 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)];
}
