import { describe, expectTypeOf, it } from 'vitest';
import type { AupayOrder, AupayOrderInfo, createAupayConnector } from '../src/index.js';

/*
 * `order.raw` of a au PAY order is a NAMED type (AupayOrderInfo: hovers and errors say so, not an expanded
 * zod shape) with only the documented fields: a misspelt field is a compile error, not `undefined`
 * (decision 0416). Checked by `tsc --noEmit -p .`, which covers test/.
 */

type Yielded = Awaited<ReturnType<ReturnType<typeof createAupayConnector>['getOrders']>>[number];

describe('order.raw', () => {
  it('is AupayOrderInfo, where a misspelt field does not compile', () => {
    expectTypeOf<Yielded['raw']>().toEqualTypeOf<AupayOrderInfo>();
    expectTypeOf<Yielded>().toEqualTypeOf<AupayOrder>();
    const read = (order: Yielded) => {
      // @ts-expect-error -- `orderID` is not a field of AupayOrderInfo
      void order.raw.orderID;
      return order.raw.orderId;
    };
    expectTypeOf(read).returns.toEqualTypeOf<string>();
  });
});
