/**
 * `pnpm bench`: runs every package's benchmark file (packages/<name>/bench/*.bench.ts), prints one
 * table, and writes bench/results/latest.json and latest.md. Pass names to run some only:
 * `pnpm bench core rakuten`.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchReport, BenchRun } from './report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

async function benchFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const name of (await readdir(join(root, 'packages'))).sort()) {
    if (only.length > 0 && !only.includes(name)) continue;
    const dir = join(root, 'packages', name, 'bench');
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const entry of entries.sort()) if (entry.endsWith('.bench.ts')) files.push(join(dir, entry));
  }
  return files;
}

function format(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

function toMarkdown(reports: readonly BenchReport[], meta: string): string {
  const lines = [`# mallkit benchmarks`, '', meta, '', '| suite | measure | value | unit | goal | detail |', '|---|---|---|---|---|---|'];
  for (const report of reports) {
    for (const row of report.rows) {
      lines.push(`| ${report.suite} | ${row.name} | ${format(row.value)} | ${row.unit} | ${row.goal ?? ''} | ${row.detail} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const reports: BenchReport[] = [];
for (const file of await benchFiles()) {
  const started = performance.now();
  const module = (await import(pathToFileURL(file).href)) as { default: BenchRun };
  const report = await module.default();
  reports.push(report);
  console.log(`ran ${report.suite} (${file.slice(root.length)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const meta = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}. Ratios are the numbers to compare; times depend on the machine.`;
console.table(reports.flatMap((r) => r.rows.map((row) => ({ suite: r.suite, measure: row.name, value: format(row.value), unit: row.unit, goal: row.goal ?? '' }))));
await mkdir(join(root, 'bench', 'results'), { recursive: true });
await writeFile(join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify({ meta, reports }, null, 2)}\n`);
await writeFile(join(root, 'bench', 'results', 'latest.md'), toMarkdown(reports, meta));
console.log('wrote bench/results/latest.json and bench/results/latest.md');
