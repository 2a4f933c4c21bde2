import { describe, expectTypeOf, it } from 'vitest';
import type { Qoo10Order, Qoo10Pack, createQoo10Connector } from '../src/index.js';

/*
 * `order.raw` of a Qoo10 order is a NAMED type (Qoo10Pack: hovers and errors say so, not an expanded
 * zod shape) with only the documented fields: a misspelt field is a compile error, not `undefined`
 * (decision 0416). Checked by `tsc --noEmit -p .`, which covers test/.
 */

type Yielded = Awaited<ReturnType<ReturnType<typeof createQoo10Connector>['getOrders']>>[number];

describe('order.raw', () => {
  it('is Qoo10Pack, where a misspelt field does not compile', () => {
    expectTypeOf<Yielded['raw']>().toEqualTypeOf<Qoo10Pack>();
    expectTypeOf<Yielded>().toEqualTypeOf<Qoo10Order>();
    const read = (order: Yielded) => {
      // @ts-expect-error -- `PackNo` is not a field of Qoo10Pack
      void order.raw.PackNo;
      return order.raw.packNo;
    };
    expectTypeOf(read).returns.toEqualTypeOf<string>();
  });
});
