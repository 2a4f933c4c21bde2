import { describe, expectTypeOf, it } from 'vitest';
import type { YahooOrder, YahooOrderInfo, createYahooConnector } from '../src/index.js';

/*
 * `order.raw` of a Yahoo order is a NAMED type (YahooOrderInfo: hovers and errors say so, not an expanded
 * zod shape) with only the documented fields: a misspelt field is a compile error, not `undefined`
 * (decision 0416). Checked by `tsc --noEmit -p .`, which covers test/.
 */

type Yielded = Awaited<ReturnType<ReturnType<typeof createYahooConnector>['getOrders']>>[number];

describe('order.raw', () => {
  it('is YahooOrderInfo, where a misspelt field does not compile', () => {
    expectTypeOf<Yielded['raw']>().toEqualTypeOf<YahooOrderInfo>();
    expectTypeOf<Yielded>().toEqualTypeOf<YahooOrder>();
    const read = (order: Yielded) => {
      // @ts-expect-error -- `OrderID` is not a field of YahooOrderInfo
      void order.raw.OrderID;
      return order.raw.OrderId;
    };
    expectTypeOf(read).returns.toEqualTypeOf<string>();
  });
});
