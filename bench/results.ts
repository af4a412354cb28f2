import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface ResultRow {
  scenario: string;
  dataset: string;
  reqPerSec?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  errors?: number;
  other?: string;
  target: string;
  met: string;
  date: string;
  machine: string;
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const HEADER = '| Scenario | Data set | req/s | p50 ms | p95 ms | p99 ms | Errors | Measured | Target | Met | Date | Machine |';
const ORDER = ['seed-pg', 'search-pg', 'search-pg-uncached', 'offer-pg', 'seed-pglite', 'startup-pglite', 'search-pglite', 'health-during-search-pglite', 'web-js', 'lighthouse-search', 'lighthouse-search-direct', 'lighthouse-offer', 'lighthouse-offer-direct'];

const cell = (v: unknown) => (v === undefined || v === null || v === '' ? '–' : String(v).replace(/\|/g, '\\|').replace(/\n/g, ' '));

function toLine(r: ResultRow): string {
  return `| ${[r.scenario, r.dataset, r.reqPerSec, r.p50, r.p95, r.p99, r.errors, r.other, r.target, r.met, r.date, r.machine].map(cell).join(' | ')} |`;
}

/** Replaces the rows of the scenarios just measured and keeps every other row of the results table. */
export function writeResults(file: string, fresh: ResultRow[]): void {
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\nRun \`npm run bench\` (see bench/run.ts).\n\n${START}\n${END}\n`;
  const withMarkers = doc.includes(START) && doc.includes(END) ? doc : `${doc.trimEnd()}\n\n${START}\n${END}\n`;
  const [before, rest] = withMarkers.split(START) as [string, string];
  const [table, after] = rest.split(END) as [string, string];
  const lines = new Map<string, string>();
  for (const line of table.split('\n')) {
    const m = /^\|\s*([a-z][a-z0-9-]*)\s*\|/.exec(line);
    if (m && line !== HEADER) lines.set(m[1]!, line);
  }
  for (const r of fresh) lines.set(r.scenario, toLine(r));
  const rank = (s: string) => (ORDER.indexOf(s) === -1 ? ORDER.length : ORDER.indexOf(s));
  const sorted = [...lines.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0])).map(([, l]) => l);
  const body = [HEADER, `|${' --- |'.repeat(12)}`, ...sorted].join('\n');
  writeFileSync(file, `${before}${START}\n${body}\n${END}${after}`);
}
