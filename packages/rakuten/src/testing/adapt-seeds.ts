import { formatJst, parseJst } from '@mallkit/core';
import type { SeedOrder } from '@mallkit/core/testing';

/**
 * Makes mall-neutral seeds look like a Rakuten shop's orders: order numbers in Rakuten's
 * `<shop number>-<yyyyMMdd>-<10 digits>` form, and no fraud-review holds (Rakuten has none; such
 * orders stay 変更確定待ち).
 */
export function adaptSeedsForRakuten(seeds: readonly SeedOrder[], shopNumber = '398765'): SeedOrder[] {
  return seeds.map((seed, index) => ({
    ...seed,
    id: `${shopNumber}-${formatJst(parseJst(seed.orderedAt), 'date-compact')}-${String(1_000_000_000 + index * 7919).padStart(10, '0')}`,
    flags: { ...seed.flags, fraudReview: false },
  }));
}
