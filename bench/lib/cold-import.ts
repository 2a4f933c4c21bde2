/**
 * Cold import time: each module imported once in a fresh Node process (no compile cache), timed
 * inside the process from just before the dynamic import to just after, so that Node's own start
 * is left out. Modules are measured in rotating order, round after round, and each figure is the
 * median of its rounds.
 */
import { nodeOutput } from './child.js';
import { rotation } from './side-by-side.js';
import { median } from './stats.js';

/** A module to import: a specifier resolved from `cwd` (a bare name, or a file URL). */
export interface ImportTarget {
  readonly name: string;
  readonly specifier: string;
  readonly cwd: string;
}

/** Milliseconds of one cold import of `target`. */
async function importOnce(target: ImportTarget): Promise<number> {
  const script = `const started = performance.now(); await import(${JSON.stringify(target.specifier)}); process.stdout.write(String(performance.now() - started));`;
  const out = await nodeOutput(['--input-type=module', '-e', script], target.cwd);
  const ms = Number(out.trim());
  if (!Number.isFinite(ms)) throw new Error(`cold import of ${target.name} printed ${JSON.stringify(out)}`);
  return ms;
}

/** The median cold-import milliseconds of each target over `rounds` rounds (one process each), keyed by name. */
export async function coldImports(targets: readonly ImportTarget[], rounds: number): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(targets.map((target) => [target.name, []]));
  // One untimed round first: the file system cache, not the import, would otherwise be the first figure.
  for (const target of targets) await importOnce(target);
  for (let round = 0; round < rounds; round += 1) {
    for (const target of rotation(targets, round)) samples.get(target.name)?.push(await importOnce(target));
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}
