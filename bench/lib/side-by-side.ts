/**
 * Side-by-side timing of a few variants of the same work in one process: a warm-up of every
 * variant first (JIT, caches), then rounds in which the variants run in rotating order, so that a
 * machine slowing down or speeding up mid-run (other work on a shared machine, CPU frequency)
 * touches each of them alike. Figures are medians over the rounds; ratios are medians of each
 * round's own ratio, which cancels drift between rounds too.
 */
import { median } from './stats.js';

/** One variant's work: runs the whole workload once (e.g. parses every body). */
export type Workload = () => unknown;

/** Options of {@link sideBySide}. */
export interface SideBySideOptions {
  /** Runs of each workload before anything is timed (default 3). */
  readonly warmup?: number;
  /** Timed rounds, each running every variant once (default 9). */
  readonly rounds?: number;
}

/** What {@link sideBySide} measured. */
export interface SideBySideResult<Name extends string> {
  /** Median milliseconds of one run of each workload. */
  readonly medianMs: Readonly<Record<Name, number>>;
  /**
   * Median over the rounds of `variant ms ÷ baseline ms` (the baseline is the first variant):
   * 2.0 means the variant took twice the baseline's time in a typical round.
   */
  readonly ratio: Readonly<Record<Name, number>>;
  readonly rounds: number;
}

/** The variants in the order round `round` runs them: rotated by one each round. */
export function rotation<T>(items: readonly T[], round: number): T[] {
  const shift = items.length === 0 ? 0 : round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** Collects the per-round samples into medians and per-round ratios against the first variant. */
function summarize<Name extends string>(names: readonly Name[], samples: Readonly<Record<Name, readonly number[]>>, rounds: number): SideBySideResult<Name> {
  const baseline = names[0] as Name;
  const medianMs = Object.fromEntries(names.map((name) => [name, median(samples[name])])) as Record<Name, number>;
  const ratio = Object.fromEntries(
    names.map((name) => [name, median(samples[name].map((ms, round) => ms / (samples[baseline][round] as number)))]),
  ) as Record<Name, number>;
  return { medianMs, ratio, rounds };
}

function namesOf<Name extends string>(variants: Readonly<Record<Name, unknown>>): Name[] {
  const names = Object.keys(variants) as Name[];
  if (names.length === 0) throw new RangeError('sideBySide: no variant given');
  return names;
}

/**
 * Times each variant (`{ name: workload }`, the first being the baseline) side by side, warm-up
 * first, then `rounds` rounds in rotating order. Results are returned per variant name.
 */
export function sideBySide<Name extends string>(variants: Readonly<Record<Name, Workload>>, options: SideBySideOptions = {}): SideBySideResult<Name> {
  const names = namesOf(variants);
  const rounds = options.rounds ?? 9;
  for (let i = 0; i < (options.warmup ?? 3); i += 1) for (const name of names) variants[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < rounds; round += 1) {
    for (const name of rotation(names, round)) {
      const started = performance.now();
      variants[name]();
      samples[name].push(performance.now() - started);
    }
  }
  return summarize(names, samples, rounds);
}

/** {@link sideBySide} for asynchronous workloads (whole syncs against a sandbox): each awaited alone. */
export async function sideBySideAsync<Name extends string>(
  variants: Readonly<Record<Name, () => Promise<unknown>>>,
  options: SideBySideOptions = {},
): Promise<SideBySideResult<Name>> {
  const names = namesOf(variants);
  const rounds = options.rounds ?? 5;
  for (let i = 0; i < (options.warmup ?? 1); i += 1) for (const name of names) await variants[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < rounds; round += 1) {
    for (const name of rotation(names, round)) {
      const started = performance.now();
      await variants[name]();
      samples[name].push(performance.now() - started);
    }
  }
  return summarize(names, samples, rounds);
}
