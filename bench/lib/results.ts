/**
 * bench/results/latest.{json,md}: every suite's checked rows, when it ran and on what machine. A
 * run of some suites only replaces those suites and keeps the others, so that the files always
 * hold the latest figure of every suite.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { summarize, type CheckedSuite, type GoalSummary } from './check.js';
import { toMarkdown } from './table.js';

/** A suite as the results file keeps it: its rows plus when and where it ran. */
export interface StoredSuite extends CheckedSuite {
  /** ISO time the suite finished. */
  readonly ranAt: string;
  /** Node version and CPUs of the machine it ran on. */
  readonly machine: string;
}

/** The shape of bench/results/latest.json. */
export interface ResultsFile {
  readonly meta: string;
  readonly summary: GoalSummary;
  readonly suites: readonly StoredSuite[];
}

/** The machine line: Node version and CPUs. */
export function machine(): string {
  return `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`;
}

/** A suite that threw instead of returning rows: one unmet row naming the error, so the run shows it. */
export function failedSuite(file: string, error: unknown, seconds: number): CheckedSuite {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    suite: file,
    file,
    seconds,
    rows: [{ name: 'the suite ran to its end', value: Number.NaN, unit: '', detail: message, goal: 'runs', met: false }],
  };
}

/** The suites of an earlier results file, or none when there is no readable one. */
async function previousSuites(path: string): Promise<StoredSuite[]> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<ResultsFile>;
    return Array.isArray(parsed.suites) ? [...parsed.suites] : [];
  } catch {
    return [];
  }
}

/**
 * Writes latest.json and latest.md in `dir`. With `merge`, suites of the earlier file that did not
 * run now are kept (in their place); otherwise the files hold exactly this run. NaN values are
 * written as null in JSON. Returns the paths written, relative to the results folder's parent.
 */
export async function writeResults(dir: string, suites: readonly CheckedSuite[], merge: boolean): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const jsonPath = join(dir, 'latest.json');
  const ranAt = new Date().toISOString();
  const fresh: StoredSuite[] = suites.map((suite) => ({ ...suite, ranAt, machine: machine() }));
  let all = fresh;
  if (merge) {
    const byFile = new Map(fresh.map((suite) => [suite.file, suite]));
    const kept = (await previousSuites(jsonPath)).map((suite) => byFile.get(suite.file) ?? suite);
    all = [...kept, ...fresh.filter((suite) => !kept.includes(suite))];
  }
  const summary = summarize(all);
  const meta =
    `${machine()}; ${merge ? `suites ${fresh.map((suite) => suite.suite).join(', ')} ran at ${ranAt}, the others earlier (see each suite's ranAt)` : `ran at ${ranAt}`}. ` +
    'Ratios are the numbers to compare; times depend on the machine.';
  const file: ResultsFile = { meta, summary, suites: all };
  await writeFile(jsonPath, `${JSON.stringify(file, null, 2)}\n`);
  await writeFile(join(dir, 'latest.md'), toMarkdown(all, summary, meta));
  return ['bench/results/latest.json', 'bench/results/latest.md'];
}
