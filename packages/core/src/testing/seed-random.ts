/** A small seeded PRNG and the weighted choices the generator makes with it. */

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny 32-bit PRNG, plenty for test data and identical on every JavaScript engine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Random {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  float(): number {
    return this.#next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.#next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.#next() * list.length)];
    if (item === undefined) throw new RangeError('Random.pick: empty list');
    return item;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.#next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('Random.weighted: no entries');
    return last[0];
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.#next() * (i + 1));
      const a = list[i] as T;
      list[i] = list[j] as T;
      list[j] = a;
    }
    return list;
  }

  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += String(this.int(0, 9));
    return out;
  }
}

/**
 * `count` values in random order: every `required` value once (as many as fit), the rest drawn by
 * weight. This is how a few dozen orders are guaranteed to show every status and payment method
 * while keeping the realistic mix.
 */
export function spread<T>(rng: Random, count: number, required: readonly T[], weights: readonly (readonly [T, number])[]): T[] {
  const values = rng.shuffle([...required]).slice(0, count);
  while (values.length < count) values.push(rng.weighted(weights));
  return rng.shuffle(values);
}

/** Hands out every `required` value first (shuffled), then weighted draws: coverage when the count is not known up front. */
export function coverer<T>(rng: Random, required: readonly T[], weights: readonly (readonly [T, number])[]): () => T {
  const queue = rng.shuffle([...required]);
  return () => queue.shift() ?? rng.weighted(weights);
}
