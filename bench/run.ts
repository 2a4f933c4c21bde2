/**
 * `pnpm bench`: runs every benchmark suite — each package's packages/<name>/bench/*.bench.ts and
 * the repository-wide bench/suites/*.bench.ts — checks every row's goal, prints one table (value,
 * goal, ✔/✖) and a summary, and writes bench/results/latest.json and latest.md.
 *
 * Pass names to run some only (`pnpm bench rakuten weight`): a package's folder name or a root
 * suite's file name; their suites replace the same suites in the results files, the others stay as
 * they were (each suite says when it ran).
 *
 * `--quick` (or BENCH_QUICK=1) runs every suite at small sizes to check that it works end to end;
 * its figures are not to be quoted, so a quick run prints its table but writes no results file.
 *
 * Exits 0 when goals are unmet (the results say so: `met: false`), 1 only when a suite could not run.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRun } from './report.js';
import { checkReport, summarize, type CheckedSuite } from './lib/check.js';
import { failedSuite, writeResults } from './lib/results.js';
import { isQuick, QUICK_ENV } from './lib/mode.js';
import { summaryText, toText } from './lib/table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
// Set in the environment, not passed around: the suites' worker processes inherit it.
if (args.includes('--quick')) process.env[QUICK_ENV] = '1';
const only = args.filter((arg) => !arg.startsWith('--'));

/** The suite files to run, packages first (alphabetical), then the repository-wide suites. */
async function suiteFiles(): Promise<string[]> {
  const files: string[] = [];
  const benchFilesIn = async (dir: string): Promise<string[]> =>
    (await readdir(dir).catch(() => [] as string[])).filter((entry) => entry.endsWith('.bench.ts')).sort().map((entry) => join(dir, entry));
  for (const name of (await readdir(join(root, 'packages'))).sort()) {
    if (only.length === 0 || only.includes(name)) files.push(...(await benchFilesIn(join(root, 'packages', name, 'bench'))));
  }
  for (const file of await benchFilesIn(join(root, 'bench', 'suites'))) {
    if (only.length === 0 || only.includes(basename(file, '.bench.ts'))) files.push(file);
  }
  return files;
}

const suites: CheckedSuite[] = [];
let failures = 0;
const started = performance.now();
for (const file of await suiteFiles()) {
  const relative = file.slice(root.length);
  const suiteStarted = performance.now();
  try {
    const module = (await import(pathToFileURL(file).href)) as { default: BenchRun };
    const report = await module.default();
    suites.push(checkReport(report, relative, (performance.now() - suiteStarted) / 1000));
  } catch (error) {
    failures += 1;
    suites.push(failedSuite(relative, error, (performance.now() - suiteStarted) / 1000));
  }
  const last = suites.at(-1);
  console.log(`ran ${last?.suite} (${relative}) in ${last?.seconds.toFixed(1)} s`);
}

const summary = summarize(suites);
console.log(toText(suites));
console.log(`\n${summaryText(summary)}`);
console.log(`\nall suites: ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (isQuick()) console.log('quick run: figures at small sizes, no results file written');
else console.log(`wrote ${(await writeResults(join(root, 'bench', 'results'), suites, only.length > 0)).join(' and ')}`);
process.exitCode = failures > 0 ? 1 : 0;
