import { formatJst, parseJst } from '@mallkit/core';
import type { SeedOrder } from '@mallkit/core/testing';

/** Rakuten's order number: `<shop number>-<yyyyMMdd>-<8 or 10 digits>` (specs/rakuten.md §3). */
const RAKUTEN_ORDER_NUMBER = /^\d+-\d{8}-\d{8,10}$/;

/**
 * Makes mall-neutral seeds look like a Rakuten shop's orders: order numbers in Rakuten's
 * `<shop number>-<yyyyMMdd>-<10 digits>` form (ids already in that form are kept), and no
 * fraud-review holds (Rakuten has none; such orders stay 変更確定待ち). `firstSerial` numbers the
 * first seed, so that several calls never hand out the same number.
 */
export function adaptSeedsForRakuten(seeds: readonly SeedOrder[], shopNumber = '398765', firstSerial = 0): SeedOrder[] {
  return seeds.map((seed, index) => ({
    ...seed,
    id: RAKUTEN_ORDER_NUMBER.test(seed.id)
      ? seed.id
      : `${shopNumber}-${formatJst(parseJst(seed.orderedAt), 'date-compact')}-${String(1_000_000_000 + (firstSerial + index) * 7919).padStart(10, '0')}`,
    flags: { ...seed.flags, fraudReview: false },
  }));
}
