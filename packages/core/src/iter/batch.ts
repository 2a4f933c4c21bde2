/*
 * The malls cap how many ids one call may carry (Rakuten getOrder: 100 order numbers). These
 * helpers cut a list into such batches and run them one after another: sequential on purpose, as
 * the malls' rate limits are per shop and parallel batches would only trade speed for 429s.
 */

function assertSize(size: number, what: string): void {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`${what}: batch size must be a whole number of at least 1, got ${size}`);
  }
}

/**
 * Cuts `items` into consecutive arrays of `size` items; the last may be shorter. An empty list gives
 * `[]`. Throws a RangeError when `size` is not a whole number of at least 1.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  assertSize(size, 'chunk');
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}

/**
 * Runs `run` on each batch of `size` items, one batch at a time, and returns all results flattened
 * in input order. `index` is the batch's position (0, 1, 2…). The first rejection stops the run and
 * is passed on; later batches are not started.
 */
export async function mapInBatches<T, R>(
  items: readonly T[],
  size: number,
  run: (batch: T[], index: number) => Promise<R[]>,
): Promise<R[]> {
  const results: R[] = [];
  const batches = chunk(items, size);
  for (const [index, batch] of batches.entries()) {
    // Awaiting inside the loop is the point: one request in flight at a time.
    const batchResults = await run(batch, index);
    // A loop, not push(...spread): spreading a very large result array overflows the call stack.
    for (const result of batchResults) results.push(result);
  }
  return results;
}
