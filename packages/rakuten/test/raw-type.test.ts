import { describe, expectTypeOf, it } from 'vitest';
import type { RakutenOrder, RakutenOrderModel, createRakutenConnector } from '../src/index.js';

/*
 * `order.raw` of a Rakuten order is a NAMED type (RakutenOrderModel: hovers and errors say so, not an expanded
 * zod shape) with only the documented fields: a misspelt field is a compile error, not `undefined`
 * (decision 0416). Checked by `tsc --noEmit -p .`, which covers test/.
 */

type Yielded = Awaited<ReturnType<ReturnType<typeof createRakutenConnector>['getOrders']>>[number];

describe('order.raw', () => {
  it('is RakutenOrderModel, where a misspelt field does not compile', () => {
    expectTypeOf<Yielded['raw']>().toEqualTypeOf<RakutenOrderModel>();
    expectTypeOf<Yielded>().toEqualTypeOf<RakutenOrder>();
    const read = (order: Yielded) => {
      // @ts-expect-error -- `SettlementModell` is not a field of RakutenOrderModel
      void order.raw.SettlementModell;
      return order.raw.orderNumber;
    };
    expectTypeOf(read).returns.toEqualTypeOf<string>();
  });
});
