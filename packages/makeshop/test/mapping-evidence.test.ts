import { describe, expect, it } from 'vitest';
import { withFieldErrors, withSearchedStatus } from '../src/api/annotations.js';
import { makeshopOrderSchema, type MakeshopWireOrder } from '../src/api/order-schema.js';
import { toOrder } from '../src/mapping/order.js';
import { context, FULL, LIVE } from './fixtures.js';

/** An unprocessed order with every field, paid by card: ready to ship on positive evidence. */
const OPEN: MakeshopWireOrder = { ...FULL, deliveryStatus: 'N', deliveryInfos: FULL.deliveryInfos.map((delivery) => ({ ...delivery, slipNumber: null, carrierCode: null, shippingDate: null })) };
const codes = (order: ReturnType<typeof toOrder>) => order.warnings.map((warning) => `${warning.code} ${warning.field}`);

describe('an unprocessed order is ready_to_ship only on positive evidence (review H1)', () => {
  it.each([
    ['order status 1, paid by card', {}, 'ready_to_ship', null],
    ['order status 1, unpaid cash on delivery', { paymentStatus: 0, paymentMethodName: '代金引換' }, 'ready_to_ship', null],
    ['order status 1, unpaid bank transfer', { paymentStatus: 0, paymentMethodName: '銀行振込' }, 'awaiting_payment', null],
    // Fails before: each of these was ready_to_ship without a warning.
    ['no order status', { orderStatus: undefined }, 'on_hold', 'missing_field flags.provisional'],
    ['order status null', { orderStatus: null }, 'on_hold', 'missing_field flags.provisional'],
    ['no payment status, bank transfer', { paymentStatus: undefined, paymentMethodName: '銀行振込' }, 'on_hold', 'missing_field payment.paidAt'],
    ['unpaid, payment method not sent', { paymentStatus: 0, paymentMethodName: undefined }, 'on_hold', 'missing_field payment.paidAt'],
    ['unpaid, payment method not in the table', { paymentStatus: 0, paymentMethodName: 'うちの独自決済' }, 'on_hold', 'missing_field payment.paidAt'],
  ] as const)('%s → %s', (_what, fields, status, warning) => {
    const order = toOrder({ ...OPEN, ...fields } as MakeshopWireOrder, context, []);
    expect(order.status).toEqual({ code: status, raw: 'N' });
    if (warning === null) expect(codes(order).filter((code) => code.startsWith('missing_field'))).toEqual([]);
    else expect(codes(order)).toContain(warning);
  });

  // Fails before: unknown values were ignored silently and gave ready_to_ship.
  it.each([5, 'PENDING_PAYMENT', 'HOLD'])('an order status this package does not know (%s) is kept raw in an unmapped_value warning, and the order is held', (orderStatus) => {
    const order = toOrder({ ...OPEN, orderStatus }, context, []);
    expect(order.status.code).toBe('on_hold');
    expect(order.flags.provisional).toBe(false);
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'unmapped_value', field: 'status', raw: String(orderStatus) }));
    expect(codes(order)).toContain('missing_field flags.provisional');
  });

  it('readyWhenPaymentUnknown makes such an order ready_to_ship, still with its warning', () => {
    const order = toOrder({ ...OPEN, orderStatus: undefined }, { ...context, readyWhenPaymentUnknown: true }, []);
    expect(order.status.code).toBe('ready_to_ship');
    expect(order.warnings.find((warning) => warning.field === 'flags.provisional')?.message.en).toContain('readyWhenPaymentUnknown');
  });

  it('statuses other than N keep their meaning whatever is missing', () => {
    expect(toOrder({ ...LIVE, deliveryStatus: 'Y' }, context, []).status).toEqual({ code: 'shipped', raw: 'Y' });
    expect(toOrder({ ...LIVE, deliveryStatus: 'C' }, context, []).status).toEqual({ code: 'cancelled', raw: 'C' });
  });
});

describe('the status a search found an order in (review M3)', () => {
  it('is used when makeshop sends no deliveryStatus, with a warning; order.raw stays exactly as sent', () => {
    const order = toOrder(withSearchedStatus(LIVE, 'C') as MakeshopWireOrder, context, []);
    expect(order.status).toEqual({ code: 'cancelled', raw: 'C' });
    expect(order.raw).toEqual(LIVE);
    expect(order.warnings.find((warning) => warning.field === 'status')?.message.en).toContain('search for deliveryStatus C');
  });

  it('never overrides a deliveryStatus makeshop sent', () => {
    const order = toOrder(withSearchedStatus({ ...FULL, deliveryStatus: 'Y' }, 'N') as MakeshopWireOrder, context, []);
    expect(order.status).toEqual({ code: 'shipped', raw: 'Y' });
  });
});

describe('makeshop errors about one order’s fields (review M7)', () => {
  it('make that order unreadable, naming the error', () => {
    const wire = withFieldErrors(FULL, ['Internal server error (at searchOrder.orders.0.paymentDate)']) as MakeshopWireOrder;
    expect(() => toOrder(makeshopOrderSchema.parse(wire), context, [])).toThrow(/paymentDate/);
  });

  it('an order makeshop nulled out whole stays an entry the reader refuses', () => {
    expect(makeshopOrderSchema.safeParse(withFieldErrors(null, ['x'])).success).toBe(false);
  });
});

describe('money is whole yen (review M6)', () => {
  // Fails before: 1234.5 gave goods 7714.5 and unitPrice 1234.5; -3 gave quantity -3; 0.5 gave discounts 0.5.
  it('a unit price that is not whole yen is null with a warning, and goods is unknown', () => {
    const order = toOrder({ ...LIVE, deliveryInfos: [{ basketInfos: [{ productName: 'x', price: 1234.5, amount: 2 }] }] }, context, []);
    expect(order.deliveries[0]?.items[0]?.unitPrice).toBeNull();
    expect(order.amounts.goods).toBeNull();
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'unparsed_value', field: 'deliveries[0].items[0].unitPrice', raw: 1234.5 }));
  });

  it('a quantity that is not a whole positive count makes the order unreadable', () => {
    for (const amount of [-3, 0, 1.5]) {
      expect(makeshopOrderSchema.safeParse({ ...LIVE, deliveryInfos: [{ basketInfos: [{ productName: 'x', price: 100, amount }] }] }).success).toBe(false);
    }
  });

  it('a discount that is not whole yen is null with a warning; sumPrice is read from digits like every other amount', () => {
    const order = toOrder(makeshopOrderSchema.parse({ ...FULL, discountPerTax: [{ taxRate: 10, discount: 0.5 }], sumPrice: '12,060' }), context, []);
    expect(order.amounts.discounts).toBeNull();
    expect(order.amounts.billed).toBe(12060);
    expect(codes(order)).toContain('unparsed_value amounts.discounts');
    expect(toOrder(makeshopOrderSchema.parse({ ...FULL, sumPrice: '12060.5' }), context, []).amounts.billed).toBeNull();
  });
});

describe('parties (review L7)', () => {
  // Fails before: the full-width code stayed as sent, and a three-word name kept its ideographic space.
  it('a full-width postal code becomes seven digits; a name of three words splits as in the other malls', () => {
    const order = toOrder({ ...FULL, senderPostalCode: '５３０－０００１', senderName: '山田　太郎　次郎' }, context, []);
    expect(order.buyer).toMatchObject({ postalCode: '5300001', familyName: '山田', givenName: '太郎 次郎' });
  });
});
