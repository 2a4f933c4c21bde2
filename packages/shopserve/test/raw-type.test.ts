import { describe, expectTypeOf, it } from 'vitest';
import type { ShopserveOrder, createShopserveConnector } from '../src/index.js';

/*
 * `order.raw` of a Shopserve order is a NAMED type (ShopserveOrder: hovers and errors say so, not an expanded
 * zod shape) with only the documented fields: a misspelt field is a compile error, not `undefined`
 * (decision 0416). Checked by `tsc --noEmit -p .`, which covers test/.
 */

type Yielded = Awaited<ReturnType<ReturnType<typeof createShopserveConnector>['getOrders']>>[number];

describe('order.raw', () => {
  it('is ShopserveOrder, where a misspelt field does not compile', () => {
    expectTypeOf<Yielded['raw']>().toEqualTypeOf<ShopserveOrder>();
    const read = (order: Yielded) => {
      // @ts-expect-error -- `serialCode` is not a field of ShopserveOrder
      void order.raw.serialCode;
      return order.raw.serial_code;
    };
    expectTypeOf(read).returns.toEqualTypeOf<string>();
  });
});
