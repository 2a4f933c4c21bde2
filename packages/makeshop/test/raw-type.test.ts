import { describe, expectTypeOf, it } from 'vitest';
import type { MakeshopOrder, MakeshopWireOrder, createMakeshopConnector } from '../src/index.js';

/*
 * `order.raw` of a makeshop order is a NAMED type (MakeshopWireOrder: hovers and errors say so, not an expanded
 * zod shape) with only the documented fields: a misspelt field is a compile error, not `undefined`
 * (decision 0416). Checked by `tsc --noEmit -p .`, which covers test/.
 */

type Yielded = Awaited<ReturnType<ReturnType<typeof createMakeshopConnector>['getOrders']>>[number];

describe('order.raw', () => {
  it('is MakeshopWireOrder, where a misspelt field does not compile', () => {
    expectTypeOf<Yielded['raw']>().toEqualTypeOf<MakeshopWireOrder>();
    expectTypeOf<Yielded>().toEqualTypeOf<MakeshopOrder>();
    const read = (order: Yielded) => {
      // @ts-expect-error -- `displayOrderNo` is not a field of MakeshopWireOrder
      void order.raw.displayOrderNo;
      return order.raw.displayOrderNumber;
    };
    expectTypeOf(read).returns.toEqualTypeOf<string>();
  });
});
