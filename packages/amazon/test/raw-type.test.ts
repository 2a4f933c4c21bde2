import { describe, expectTypeOf, it } from 'vitest';
import type { AmazonOrder, AmazonRawOrder, createAmazonConnector } from '../src/index.js';

/*
 * `order.raw` of a Amazon order is a NAMED type (AmazonRawOrder: hovers and errors say so, not an expanded
 * zod shape) with only the documented fields: a misspelt field is a compile error, not `undefined`
 * (decision 0416). Checked by `tsc --noEmit -p .`, which covers test/.
 */

type Yielded = Awaited<ReturnType<ReturnType<typeof createAmazonConnector>['getOrders']>>[number];

describe('order.raw', () => {
  it('is AmazonRawOrder, where a misspelt field does not compile', () => {
    expectTypeOf<Yielded['raw']>().toEqualTypeOf<AmazonRawOrder>();
    expectTypeOf<Yielded>().toEqualTypeOf<AmazonOrder>();
    const read = (order: Yielded) => {
      // @ts-expect-error -- `AmazonOrderIdd` is not a field of AmazonRawOrder
      void order.raw.AmazonOrderIdd;
    };
    expectTypeOf(read).toBeFunction();
  });
});
