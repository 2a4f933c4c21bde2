/**
 * Turns a mall's declaration into its suite: the scale rows (requests ÷ minimum, cost and memory
 * at 1k / 10k / 100k orders), the real-rate rows, the normalize rows, then the mall's own rows.
 */
import { fileURLToPath } from 'node:url';
import type { BenchRun } from '../report.js';
import type { MallBench } from './mall.js';
import { normalizeRows } from './normalize.js';
import { realRateRows } from './real-rate.js';
import { scaleRows } from './scale.js';

/** The suite runner of a mall's bench file; pass the file's `import.meta.url` (the scale workers load the declaration from it). */
export function mallBench(bench: MallBench, benchFileUrl: string): BenchRun {
  return async () => {
    const rows = [
      ...(await scaleRows(bench, fileURLToPath(benchFileUrl))),
      ...(bench.realRate ? await realRateRows(bench, bench.realRate) : []),
      ...normalizeRows(bench.normalize),
      ...(bench.extraRows ? await bench.extraRows() : []),
    ];
    return { suite: bench.suite, rows };
  };
}
