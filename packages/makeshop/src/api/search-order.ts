import { z } from 'zod';

/** One page of `searchOrder` (SearchOrderResponse). Each order is checked on its own by the order reader. */
export interface SearchOrderResult {
  /** How many orders the whole search holds. */
  readonly searchedCount: number;
  /** The page this is (1-based). */
  readonly page?: number;
  /** The orders of this page, unchecked. */
  readonly orders: readonly unknown[];
}

/** The schema of a searchOrder result: the envelope only, so that one bad order never fails its page. */
export const searchOrderResultSchema: z.ZodType<SearchOrderResult> = z.looseObject({
  searchedCount: z.number(),
  page: z.number().optional(),
  orders: z.array(z.unknown()),
});

/** The credential probe's result: the count only. */
export const probeResultSchema: z.ZodType<{ readonly searchedCount: number }> = z.looseObject({ searchedCount: z.number() });
