import { readFileSync } from 'node:fs';
import { CredentialError, IncompleteResultError, NotFoundError, ResponseFormatError, UnreadableOrderError, ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createYahooConnector, type YahooOrder } from '../src/index.js';
import { collect, failure, seeds, setup, type Setup } from './harness.js';

/*
 * Yahoo's own defects of issue 8 that the conformance suite does not reach, each shown on the wire
 * the way Yahoo answers. Every test here failed on the connector before the kit.
 */

/** Yahoo's published orderInfo sample (orderInfo.html, the 2012 one): it repeats IsRoyaltyFix and Pay/NeedBillSlip. */
const PUBLISHED_SAMPLE = readFileSync(new URL('./fixtures/orderinfo-sample-2012.xml', import.meta.url), 'utf8');

/** A fetch that answers orderInfo for the ids in `broken` the way Yahoo does for text it did not escape (specs §6): not well-formed XML. */
function fetchBreaking(broken: ReadonlySet<string>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === 'POST' ? await request.clone().text() : '';
    const id = /<OrderId>(.+?)<\/OrderId>/.exec(body)?.[1] ?? '';
    if (request.url.endsWith('/orderInfo') && broken.has(id)) {
      return new Response(
        `<?xml version="1.0" encoding="UTF-8"?><ResultSet totalResultsAvailable="1" totalResultsReturned="1" firstResultPosition="1"><Result><Status>OK</Status><OrderInfo><OrderId>${id}</OrderId><BuyerComments>a\u0001b & c</BuyerComments></OrderInfo></Result></ResultSet>`,
        { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8' } },
      );
    }
    return fetch(request);
  };
}

describe("Yahoo's defects, fixed", () => {
  let env: Setup;
  afterEach(() => env.close());

  it("reads Yahoo's own orderInfo sample, whose scalars repeat: the first value is kept with a warning, and the sync goes on", async () => {
    env = setup();
    const adapted = env.sandbox.seed(seeds(5, 31));
    const first = adapted.reduce((a, b) => (a.orderedAt <= b.orderedAt ? a : b));
    // The first orderInfo of the sync answers with the sample, renamed to the order asked for.
    env.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: PUBLISHED_SAMPLE.replaceAll('testseller-10000001', first.id) }, { operation: 'orderInfo' });
    const orders = await collect(env.connector.listOrders({ from: '2026-11-09T00:00:00+09:00' }));
    expect(orders.map((o) => o.id).sort()).toEqual(adapted.map((s) => s.id).sort());
    const sample = orders.find((o) => o.id === first.id) as YahooOrder;
    expect(sample.raw.IsRoyaltyFix).toBe('true');
    expect(sample.raw.Pay?.NeedBillSlip).toBe('true');
    expect(sample.warnings.filter((w) => w.code === 'repeated_value').map((w) => w.field)).toEqual(['raw.IsRoyaltyFix', 'raw.Pay.NeedBillSlip']);
    // The rest of the sample reads as Yahoo meant it: the old compact OrderTime, CDATA wrapped in blanks, empty option lists.
    expect(sample.orderedAt).toBe('2012-12-21T23:13:50+09:00');
    expect(sample.deliveries[0]?.items.map((i) => [i.name, i.quantity, i.unitPrice])).toEqual([['商品名1', 2, 2700], ['商品名2', 1, 100]]);
    expect(sample.deliveries[0]?.items[0]?.options).toEqual([{ name: 'カラー', value: 'ブラック' }, { name: '設置サービス', value: '希望する' }]);
    expect(sample.payment.method).toEqual({ code: 'unmapped', raw: 'card' });
  });

  it('an orderInfo without OrderId is an unreadable order named by the id asked for, never an order whose id is empty', async () => {
    env = setup();
    const [order] = env.sandbox.seed(seeds(1, 32));
    const id = order?.id ?? '';
    // The sample without its repeated values (read fine on their own, see above) and without OrderId.
    const withoutId = PUBLISHED_SAMPLE.replace('<OrderId>testseller-10000001</OrderId>', '')
      .replace('<IsRoyaltyFix>false</IsRoyaltyFix>', '')
      .replace('<NeedBillSlip>true</NeedBillSlip>', '');
    env.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: withoutId }, { operation: 'orderInfo' });
    const error = await failure(env.connector.getOrders([id]));
    expect(IncompleteResultError.isInstance(error), String(error)).toBe(true);
    const [unreadable] = (error as IncompleteResultError).failures;
    expect(unreadable?.orderId).toBe(id);
    expect(unreadable?.message).toContain('OrderId');
    expect((error as IncompleteResultError).orders).toEqual([]);
  });

  it('one unreadable orderInfo during a sync reaches onOrderError, and the other orders are delivered', async () => {
    env = setup();
    const adapted = env.sandbox.seed(seeds(4, 33));
    const first = adapted.reduce((a, b) => (a.orderedAt <= b.orderedAt ? a : b));
    const broken = PUBLISHED_SAMPLE.replaceAll('testseller-10000001', first.id).replace('<OrderStatus>2</OrderStatus>', '<OrderStatus>処理中</OrderStatus>');
    env.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: broken }, { operation: 'orderInfo' });
    const reported: UnreadableOrderError[] = [];
    const orders = await collect(env.connector.listOrders({ from: '2026-11-09T00:00:00+09:00' }, { onOrderError: (e) => reported.push(e) }));
    expect(orders).toHaveLength(adapted.length - 1);
    expect(reported.map((e) => e.orderId)).toEqual([first.id]);
    expect(UnreadableOrderError.isInstance(reported[0])).toBe(true);
  });

  it('an orderInfo answer that is not well-formed XML for one order (a raw & and a control character in its text) is that order\'s error; the sync goes on', async () => {
    const broken = new Set<string>();
    env = setup(undefined, { fetch: fetchBreaking(broken) });
    const adapted = env.sandbox.seed(seeds(12, 38));
    const brokenId = adapted[3]?.id ?? '';
    broken.add(brokenId);
    const reported: UnreadableOrderError[] = [];
    const orders = await collect(env.connector.listOrders({ from: '2026-11-01T00:00:00+09:00' }, { onOrderError: (e) => reported.push(e) }));
    expect(orders).toHaveLength(adapted.length - 1);
    expect(reported.map((e) => e.orderId)).toEqual([brokenId]);
    expect(reported[0]?.excerpt).toContain('BuyerComments');
    // getOrders the same way: the readable order is delivered inside IncompleteResultError.
    const good = adapted[4]?.id ?? '';
    const error = await failure(env.connector.getOrders([brokenId, good]));
    expect(IncompleteResultError.isInstance(error), String(error)).toBe(true);
    expect((error as IncompleteResultError).failures.map((f) => f.orderId)).toEqual([brokenId]);
    expect((error as IncompleteResultError).orders.map((o) => o.id)).toEqual([good]);
  });

  it('four unreadable orderInfo answers in a row are the mall, not four orders: the sync ends with ResponseFormatError', async () => {
    const broken = new Set<string>();
    env = setup(undefined, { fetch: fetchBreaking(broken) });
    const adapted = env.sandbox.seed(seeds(6, 40)).sort((a, b) => a.orderedAt.localeCompare(b.orderedAt));
    for (const order of adapted) broken.add(order.id);
    const error = await failure(collect(env.connector.listOrders({ from: '2026-11-01T00:00:00+09:00' }, { onOrderError: () => undefined })));
    expect(ResponseFormatError.isInstance(error) && !UnreadableOrderError.isInstance(error), String(error)).toBe(true);
  });

  it('an expired credential in the middle of exportShipments is thrown with the progress, and nothing more is sent', async () => {
    env = setup();
    const ids = env.sandbox.seed(seeds(40, 34, (s) => s.status === 'confirmed' && !s.postageUnset).slice(0, 4)).map((s) => s.id);
    await env.connector.getOrders([ids[0] ?? '']);
    env.sandbox.expireCredential();
    const before = env.sandbox.kit.log.count();
    const updates = ids.map((orderId, i) => ({ orderId, carrier: 'sagawa' as const, trackingNumber: `12345678901${i}`, shippedAt: '2026-11-21' }));
    const error = await failure(env.connector.exportShipments(updates));
    expect(CredentialError.isInstance(error) && error.credential).toBe('refreshToken');
    expect((error as CredentialError).batch?.notSent).toEqual(ids);
    // One refused orderInfo and one refused refresh: not one failed row per order.
    expect(env.sandbox.kit.log.count() - before).toBe(2);
    expect(env.sandbox.kit.log.count({ operation: 'orderShipStatusChange' })).toBe(0);
  });

  it('keeps the milliseconds of a time Yahoo sends with them', async () => {
    env = setup();
    const [order] = env.sandbox.seed(seeds(1, 35));
    env.sandbox.orders.update(order?.id ?? '', (record) => void (record.order.LastUpdateTime = '2026-11-21T15:42:57.058+09:00'));
    const [read] = await env.connector.getOrders([order?.id ?? '']);
    expect(read?.updatedAt).toBe('2026-11-21T15:42:57.058+09:00');
  });

  it('refuses a control character in the options or in a raw call before anything is sent, instead of a RangeError from the XML writer', async () => {
    env = setup();
    const [order] = env.sandbox.seed(seeds(1, 36));
    const options = { ...env.sandbox.connectorOptions(), clock: env.sandbox.clock };
    const field = (run: () => unknown): string | null => {
      try {
        run();
      } catch (error) {
        return ValidationError.isInstance(error) ? error.field : String(error);
      }
      return null;
    };
    expect(field(() => createYahooConnector({ ...options, operationUser: '担当\u0000者' }))).toBe('options.operationUser');
    expect(field(() => createYahooConnector({ ...options, sellerId: 'snbx-a\nb' }))).toBe('options.sellerId');
    const before = env.sandbox.kit.log.count();
    const raw = await failure(env.connector.client.orderStatusChange({ orderId: `${order?.id ?? ''}\u0000`, orderStatus: '2' }));
    expect(ValidationError.isInstance(raw) && raw.field).toBe('change.orderId');
    const detail = await failure(env.connector.client.orderStatusChange({ orderId: order?.id ?? '', orderStatus: '4', cancelReason: '230', cancelReasonDetail: '在庫\n切れ' }));
    expect(ValidationError.isInstance(detail) && detail.field).toBe('change.cancelReasonDetail');
    expect(env.sandbox.kit.log.count()).toBe(before);
  });

  it('getPayments by ids names the ids orderList does not show with NotFoundError, and its raw type is closed', async () => {
    env = setup(undefined, { includeFraudHeld: false });
    const [order, held] = env.sandbox.seed(seeds(2, 39));
    env.sandbox.holdForFraudReview(held?.id ?? '');
    const error = await failure(collect(env.connector.getPayments({ orderIds: [order?.id ?? '', 'snbx-mallkit-99999999', held?.id ?? ''] })));
    expect(NotFoundError.isInstance(error), String(error)).toBe(true);
    expect((error as NotFoundError).message).toContain(`snbx-mallkit-99999999, ${held?.id ?? ''}`);
    expect((error as NotFoundError).hint?.en).toContain('includeFraudHeld: false');
    const [record] = await collect(env.connector.getPayments({ orderIds: [order?.id ?? ''] }));
    expect(record?.raw.PayStatus).toMatch(/^[01]$/);
    // @ts-expect-error -- PayStatuss is not a field of YahooPaymentEntry (tsc checks this file).
    expect(record?.raw.PayStatuss).toBeUndefined();
  });

  it('names the raw order type: a misspelt field does not compile', async () => {
    env = setup();
    const [order] = env.sandbox.seed(seeds(1, 37));
    const [read] = await env.connector.getOrders([order?.id ?? '']);
    const raw = (read as YahooOrder).raw;
    expect(raw.OrderId).toBe(order?.id);
    // @ts-expect-error -- OrderTme is not a field of YahooOrderInfo (tsc checks this file).
    expect(raw.OrderTme).toBeUndefined();
  });
});
