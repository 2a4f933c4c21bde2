/**
 * The weight of the packages as a user meets it (issue 15): bundle size of one connector with core
 * and of all seven (esbuild, minified and gzipped, zod external), and cold import time of core and
 * each connector against zod's own. Measures the built dist: `pnpm bench` builds first.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { bundleSize, entryOf } from '../lib/bundle.js';
import { coldImports, type ImportTarget } from '../lib/cold-import.js';
import { atMost } from '../lib/goals.js';
import { bySize } from '../lib/mode.js';
import { fixed, kilobytes } from '../lib/stats.js';
import type { BenchReport, BenchRow } from '../report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The seven malls' packages (folder names). */
const MALLS = ['rakuten', 'yahoo', 'amazon', 'aupay', 'qoo10', 'makeshop', 'shopserve'] as const;
/** Issue 15's bundle goals, kB gzipped: one connector with core, and all seven together. */
const ONE_CONNECTOR_KB = 25;
const ALL_SEVEN_KB = 60;
/** Issue 15's import goal: at most this many ms over importing zod alone. */
const OVER_ZOD_MS = 30;
/** Rounds of cold imports (one fresh process per import and round). */
const ROUNDS = bySize(7, 2);

/** Bundle rows: core alone (for reference), each connector with core, all seven. */
async function bundleRows(): Promise<BenchRow[]> {
  const how = 'esbuild --bundle --minify --format=esm --platform=node --external:zod (and zod/*) of every export of dist/index.js, gzip -9';
  const core = await bundleSize(root, entryOf(['core']));
  const rows: BenchRow[] = [
    { name: 'bundle: @mallkit/core alone (min+gz)', value: kilobytes(core.gzippedBytes), unit: 'kB', detail: `${kilobytes(core.minifiedBytes)} kB minified; ${how}` },
  ];
  for (const mall of MALLS) {
    const size = await bundleSize(root, entryOf([mall]));
    rows.push({
      name: `bundle: @mallkit/${mall} + core (min+gz)`,
      value: kilobytes(size.gzippedBytes),
      unit: 'kB',
      detail: `${kilobytes(size.minifiedBytes)} kB minified; ${how}`,
      goal: atMost(ONE_CONNECTOR_KB, 'issue 15'),
    });
  }
  const all = await bundleSize(root, entryOf(MALLS));
  rows.push({
    name: 'bundle: all seven connectors + core (min+gz)',
    value: kilobytes(all.gzippedBytes),
    unit: 'kB',
    detail: `${kilobytes(all.minifiedBytes)} kB minified; one bundle of the seven packages' exports; ${how}`,
    goal: atMost(ALL_SEVEN_KB, 'issue 15'),
  });
  return rows;
}

/** Cold-import rows: zod (the reference), core and each connector, goal ≤ zod + 30 ms. */
async function importRows(): Promise<BenchRow[]> {
  const distOf = (name: string): ImportTarget => ({ name, specifier: pathToFileURL(join(root, 'packages', name, 'dist', 'index.js')).href, cwd: root });
  const targets: ImportTarget[] = [{ name: 'zod', specifier: 'zod', cwd: join(root, 'packages', 'core') }, distOf('core'), ...MALLS.map(distOf)];
  const ms = await coldImports(targets, ROUNDS);
  const zod = ms.get('zod') ?? Number.NaN;
  const how = `median of ${ROUNDS} fresh Node processes per module (no compile cache), in rotating order after one untimed round; timed around the dynamic import inside the process`;
  return [
    { name: 'cold import: zod alone', value: fixed(zod, 1), unit: 'ms', detail: `the reference every connector imports anyway; ${how}` },
    ...targets.slice(1).map((target) => ({
      name: `cold import: @mallkit/${target.name}`,
      value: fixed(ms.get(target.name) ?? Number.NaN, 1),
      unit: 'ms',
      detail: `zod included (core imports it); goal zod's ${fixed(zod, 1)} ms + ${OVER_ZOD_MS} ms; ${how}`,
      goal: atMost(fixed(zod + OVER_ZOD_MS, 1), `zod + ${OVER_ZOD_MS} ms, issue 15`),
    })),
  ];
}

/** The weight suite's entry point. */
export default async function run(): Promise<BenchReport> {
  return { suite: 'weight (bundle size, cold import)', rows: [...(await bundleRows()), ...(await importRows())] };
}
