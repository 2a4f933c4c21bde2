import { ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_CAPABILITIES } from '../src/index.js';
import { anyOrder, collect, failure, openShop, setFields, type TestShop } from './harness.js';

/** Listing, Shift_JIS answers and payment state, against the sandbox. */

let shop: TestShop;
afterEach(() => shop.close());

const FROM = '2026-10-23T00:00:00+09:00';

describe('listOrders', () => {
  it('searches by order date only: au PAY orders carry no update time', async () => {
    shop = openShop();
    expect(AUPAY_CAPABILITIES.listOrders.dateTypes).toEqual(['ordered']);
    const error = await failure(collect(shop.connector.listOrders({ from: FROM, dateType: 'updated' })));
    expect(ValidationError.isInstance(error) && error.field).toBe('query.dateType');
    expect(shop.sandbox.kit.log.count()).toBe(0);
  });

  it('sends nothing for statuses au PAY does not have', async () => {
    shop = openShop();
    expect(await collect(shop.connector.listOrders({ from: FROM, statuses: ['delivered'] }))).toEqual([]);
    expect(shop.sandbox.kit.log.count()).toBe(0);
  });

  it('pages on full pages when au PAY gives no total, and stops at a short one', async () => {
    shop = openShop({ count: 200, connector: { pageSize: 100 } });
    shop.sandbox.reportMaxCount(false);
    const orders = await collect(shop.connector.listOrders({ from: FROM }));
    expect(new Set(orders.map((o) => o.id)).size).toBe(200);
    expect(shop.sandbox.kit.log.forOperation('searchTradeInfoListProc').map((e) => e.query.get('startCount'))).toEqual(['1', '101', '201']);
  });

  it('reads Shift_JIS answers whether the charset is declared in the header, the XML or nowhere', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { ordererName: '髙橋\u3000一郎', ordererAddress: '北海道札幌市中央区北1条西2丁目', settlementName: 'au PAY（auかんたん決済）' });
    for (const declared of ['header', 'xml', 'none'] as const) {
      shop.sandbox.answerIn('shift_jis', declared);
      const [order] = await shop.connector.getOrders([id]);
      expect([order?.buyer.name, order?.buyer.prefecture, order?.payment.method.code]).toEqual(['髙橋 一郎', '北海道', 'carrier_billing']);
    }
    shop.sandbox.answerIn('shift_jis', 'none');
    expect((await collect(shop.connector.listOrders({ from: FROM }))).length).toBe(12);
  });
});

describe('getPayments: what au PAY tells about payment', () => {
  it('does not read paymentStatus N as unpaid before shipment; waits for prepaid money; cash on delivery is paid later', async () => {
    shop = openShop();
    const ids = [0, 1, 2, 3, 4, 5].map((i) => anyOrder(shop, i));
    const cases: Array<Record<string, string>> = [
      { orderStatus: '発送待ち', settlementName: 'クレジットカード決済', paymentStatus: 'N', paymentDate: '' },
      { orderStatus: '与信待ち', settlementName: 'クレジットカード決済', paymentStatus: 'N', paymentDate: '' },
      { orderStatus: '発送前入金待ち', settlementName: '銀行振込', paymentStatus: 'N', paymentDate: '' },
      { orderStatus: '発送待ち', settlementName: '銀行振込', paymentStatus: 'Y', paymentDate: '2026/11/20 13:05' },
      { orderStatus: '発送待ち', settlementName: '代金引換', paymentStatus: 'N', paymentDate: '' },
      { orderStatus: 'キャンセル', settlementName: 'クレジットカード決済', paymentStatus: 'N', paymentDate: '' },
    ];
    ids.forEach((id, i) => setFields(shop.sandbox, id, cases[i] ?? {}));
    const records = await collect(shop.connector.getPayments({ orderIds: ids }));
    expect(records.map((r) => [r.state, r.rawState, r.paidAt])).toEqual([
      ['paid', 'N', null],
      ['unpaid', 'N', null],
      ['unpaid', 'N', null],
      ['paid', 'Y', '2026-11-20T13:05:00+09:00'],
      ['unpaid', 'N', null],
      ['cancelled', 'N', null],
    ]);
    expect(records[3]?.raw).toMatchObject({ orderStatus: '発送待ち', settlementName: '銀行振込', paymentStatus: 'Y', paymentDate: '2026/11/20 13:05' });
  });

  it('does not call a card or carrier-billing order paid before the shop moved it on from 新規受付 (review L8)', async () => {
    shop = openShop();
    const [card, carrier, moved] = [anyOrder(shop, 0), anyOrder(shop, 1), anyOrder(shop, 2)];
    setFields(shop.sandbox, card, { orderStatus: '新規受付', settlementName: 'クレジットカード決済', paymentStatus: 'N', paymentDate: '' });
    setFields(shop.sandbox, carrier, { orderStatus: '新規受付', settlementName: 'au PAY（auかんたん決済）', paymentStatus: 'N', paymentDate: '' });
    setFields(shop.sandbox, moved, { orderStatus: '発送待ち', settlementName: 'クレジットカード決済', paymentStatus: 'N', paymentDate: '' });
    const records = await collect(shop.connector.getPayments({ orderIds: [card, carrier, moved] }));
    expect(records.map((r) => r.state)).toEqual(['unknown', 'unknown', 'paid']);
  });

  it('lists payment records by order date too', async () => {
    shop = openShop();
    const records = await collect(shop.connector.getPayments({ from: FROM }));
    expect(records).toHaveLength(12);
    expect(records.every((r) => r.mall === 'aupay' && r.amount !== null)).toBe(true);
  });
});
