import { afterEach, describe, expect, it } from 'vitest';
import { aupayCarrierCodeOf } from '../src/mapping/carrier.js';
import { serveAnswers, type ServedConnector } from './fixtures/serve.js';
import { answerXml, DETAIL_TEA, DETAIL_TSHIRT, orderXml } from './fixtures/orders.js';

/** What an OMS must not miss in an order: cancelled lines, a billed amount that does not add up, unreadable dates. */

let served: ServedConnector | null = null;
afterEach(() => served?.close());

async function orderFrom(details: readonly string[], fields: Readonly<Record<string, string>> = {}) {
  served = serveAnswers(answerXml([orderXml(details, fields)]));
  const [order] = await served.getOrders(['352729794']);
  if (!order) throw new Error('no order');
  return order;
}

describe('cancelled lines (review M5)', () => {
  it('are left out of the items, named in a warning, and kept in raw', async () => {
    const cancelled = DETAIL_TSHIRT.replace('<itemCancelStatus>N</itemCancelStatus>', '<itemCancelStatus>Y</itemCancelStatus>');
    const order = await orderFrom([cancelled, DETAIL_TEA], { totalSalePrice: '1200', totalGiftWrappingPrice: '0', totalPrice: '1200', requestPrice: '1050' });
    expect(order.deliveries[0]?.items.map((item) => [item.lineId, item.productId])).toEqual([['2', 'tea-100']]);
    expect(order.warnings.map((w) => [w.code, w.field, w.raw])).toEqual([['inconsistent_amounts', 'deliveries[0].items', '1']]);
    expect(order.raw.detail.map((detail) => detail.itemCancelStatus)).toEqual(['Y', undefined]);
  });

  it('keeps a line whose cancel flag is not known, and says so', async () => {
    const odd = DETAIL_TSHIRT.replace('<itemCancelStatus>N</itemCancelStatus>', '<itemCancelStatus>X</itemCancelStatus>');
    const order = await orderFrom([odd]);
    expect(order.deliveries[0]?.items).toHaveLength(1);
    expect(order.warnings.map((w) => [w.code, w.raw])).toEqual([['unparsed_value', 'X']]);
  });
});

describe('the billed amount (review M6)', () => {
  it('is checked against the total less coupons and points, naming the プレミアム特典 fields when set', async () => {
    const order = await orderFrom([DETAIL_TSHIRT], { requestPrice: '500', premiumIssuePrice: '580' });
    expect(order.amounts.billed).toBe(500);
    const [warning] = order.warnings;
    expect([warning?.code, warning?.field, warning?.raw]).toEqual(['inconsistent_amounts', 'amounts.billed', 500]);
    expect(warning?.message.en).toContain('1080 yen, not the billed 500 yen (premiumIssuePrice=580)');
  });
});

describe('dates that cannot be read (review L5)', () => {
  it('become null with an unparsed_value warning, the raw text kept', async () => {
    const order = await orderFrom([DETAIL_TSHIRT], { paymentDate: '2026/13/45', shipDate: '発送済み', shippingNumber: '491234567890', shippingCarrier: '1' });
    expect(order.payment.paidAt).toBeNull();
    expect(order.deliveries[0]?.shipments[0]?.shippedOn).toBeNull();
    expect(order.warnings.map((w) => [w.code, w.field, w.raw])).toEqual([
      ['unparsed_value', 'deliveries[0].shipments[0].shippedOn', '発送済み'],
      ['unparsed_value', 'payment.paidAt', '2026/13/45'],
    ]);
  });
});

describe('order.raw', () => {
  it('is a closed type: a misspelt field does not compile, while unknown elements still pass at run time', async () => {
    const order = await orderFrom([DETAIL_TSHIRT], { newFieldFromAuPay: 'x' });
    // @ts-expect-error -- settlementName misspelt: wireModel keeps the raw type closed.
    expect(order.raw.setlementName).toBeUndefined();
    expect((order.raw as Record<string, unknown>)['newFieldFromAuPay']).toBe('x');
  });
});

describe('carrier codes written (review L4)', () => {
  it('sends クロネコゆうパケット as Yamato (1), whose service it is', () => {
    expect(aupayCarrierCodeOf('yamato_kuroneko_yu_packet')).toEqual({ code: '1', known: true });
  });
});
