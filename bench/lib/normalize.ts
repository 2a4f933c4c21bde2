/**
 * Normalization against a bare parse of the same bytes: the connector's whole read of an answer
 * (parse, schemas, mapping) side by side with plain `JSON.parse`, or fast-xml-parser's XMLParser
 * with its default options (not core's parseXml wrapper, whose options are part of what is measured).
 */
import type { BenchRow } from '../report.js';
import { atMost } from './goals.js';
import type { NormalizeSpec } from './mall.js';
import { XMLParser } from './runtime.js';
import { sideBySide } from './side-by-side.js';
import { fixed, significant } from './stats.js';

/** Warm-up runs and timed rounds of the normalize rows. */
const WARMUP = 3;
const ROUNDS = 9;

/** The bare parse of one answer, by the spec's baseline. */
function bareParser(baseline: NormalizeSpec['baseline']): (body: string) => unknown {
  if (baseline === 'JSON.parse') return (body) => JSON.parse(body);
  const parser = new XMLParser();
  return (body) => parser.parse(body);
}

/** The normalize rows: full read ÷ bare parse (goal ≤ 2.0, issue 15), and orders per second. */
export function normalizeRows(spec: NormalizeSpec): BenchRow[] {
  const { bodies, orders, what } = spec.answers();
  const bare = bareParser(spec.baseline);
  const timed = sideBySide(
    {
      bare: () => {
        for (const body of bodies) bare(body);
      },
      full: () => {
        for (const body of bodies) spec.read(body);
      },
    },
    { warmup: WARMUP, rounds: ROUNDS },
  );
  const perOrder = (ms: number): string => `${significant((ms / orders) * 1000, 3)} µs/order`;
  const how = `median of ${ROUNDS} rounds in alternating order after ${WARMUP} warm-up runs, ${what}`;
  return [
    {
      name: `normalize ÷ bare ${spec.baseline} of the same bytes`,
      value: fixed(timed.ratio.full, 2),
      unit: 'ratio',
      detail: `${spec.path}: ${perOrder(timed.medianMs.full)} vs ${perOrder(timed.medianMs.bare)} for ${spec.baseline} alone; ${how}`,
      goal: atMost(2, 'issue 15'),
    },
    {
      name: 'normalize: orders per second',
      value: Math.round((orders / timed.medianMs.full) * 1000),
      unit: 'orders/s',
      detail: `${spec.path}; ${Math.round((orders / timed.medianMs.bare) * 1000).toLocaleString('en-US')} orders/s for ${spec.baseline} alone`,
    },
  ];
}
