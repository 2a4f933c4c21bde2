import { constants, privateDecrypt } from 'node:crypto';
import { ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { MAPPED_ORDER_INFO_FIELDS } from '../src/mapping/mapped-fields.js';
import { sandboxKeyPair } from '../src/testing/keys.js';
import { seeds, setup, type Setup } from './harness.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';

function seedOne(env: Setup, status: 'pending_confirmation' | 'confirmed' = 'pending_confirmation'): string {
  const adapted = env.sandbox.seed(seeds(40, 7, (s) => s.status === status && !s.flags.fraudReview && !s.postageUnset).slice(0, 1));
  return adapted[0]?.id ?? '';
}

describe('the wire: exact XML bodies and headers', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('orderList: XML body by OrderTime then by PublicationTime, Bearer + signature headers, XML content type', async () => {
    env = setup();
    const id = seedOne(env);
    const orders = [];
    for await (const order of env.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', to: '2026-11-21T23:59:59+09:00' })) orders.push(order);
    expect(orders.map((o) => o.id)).toEqual([id]);
    const lists = env.sandbox.kit.log.filter({ operation: 'orderList' });
    expect(lists.map((entry) => entry.bodyText)).toEqual([
      `${DECL}<Req><Search><Result>2000</Result><Start>1</Start><Sort>+order_time</Sort><Condition><OrderTimeFrom>20261101000000</OrderTimeFrom><OrderTimeTo>20261121235959</OrderTimeTo><FraudHoldDisplayType>1</FraudHoldDisplayType><ReadOnlyMode>2</ReadOnlyMode></Condition><Field>OrderId,OrderTime,PublicationTime,FraudHoldStatus,OrderStatus,LastUpdateTime</Field></Search><SellerId>snbx-mallkit</SellerId></Req>`,
      `${DECL}<Req><Search><Result>2000</Result><Start>1</Start><Sort>+order_time</Sort><Condition><PublicationTimeFrom>20261101000000</PublicationTimeFrom><PublicationTimeTo>20261121235959</PublicationTimeTo><FraudHoldDisplayType>1</FraudHoldDisplayType><ReadOnlyMode>2</ReadOnlyMode></Condition><Field>OrderId,OrderTime,PublicationTime,FraudHoldStatus,OrderStatus,LastUpdateTime</Field></Search><SellerId>snbx-mallkit</SellerId></Req>`,
    ]);
    const first = lists[0];
    expect(first?.url).toBe('https://test.circus.shopping.yahooapis.jp/ShoppingWebService/V1/orderList');
    expect(first?.method).toBe('POST');
    expect(first?.headers.get('content-type')).toBe('application/xml; charset=UTF-8');
    expect(first?.headers.get('authorization')).toMatch(/^Bearer \S+$/);
    expect(first?.headers.get('x-sws-signature-version')).toBe('1');
    const plain = privateDecrypt(
      { key: sandboxKeyPair().privateKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(first?.headers.get('x-sws-signature') ?? '', 'base64'),
    ).toString();
    expect(plain).toMatch(/^snbx-mallkit:\d{10}$/);
    expect(Math.abs(Number(plain.split(':')[1]) - env.sandbox.clock.now() / 1000)).toBeLessThan(60);
  });

  it('orderInfo: Target/OrderId and, in Target/Field, the fields the mapping reads (the raw client asks for the whole catalogue)', async () => {
    env = setup();
    const id = seedOne(env);
    await env.connector.getOrders([id]);
    await env.connector.client.orderInfo(id);
    const [mapped, whole] = env.sandbox.kit.log.filter({ operation: 'orderInfo' }).map((entry) => entry.bodyText);
    expect(mapped).toBe(`${DECL}<Req><Target><OrderId>${id}</OrderId><Field>${MAPPED_ORDER_INFO_FIELDS.join(',')}</Field></Target><SellerId>snbx-mallkit</SellerId></Req>`);
    expect(mapped).toContain(',LineId,ItemId,SubCode,Title,Quantity,UnitPrice,ItemTaxRatio,ItemOption,Inscription</Field>');
    expect(whole?.startsWith(`${DECL}<Req><Target><OrderId>${id}</OrderId><Field>OrderId,Version,ParentOrderId,`)).toBe(true);
    expect(whole?.endsWith(`,IsLogin,FspLicenseCode,FspLicenseName,GuestAuthId</Field></Target><SellerId>snbx-mallkit</SellerId></Req>`)).toBe(true);
    expect(Buffer.byteLength(whole ?? '')).toBeLessThan(10_000);
  });

  it('confirmOrders: a state read (orderInfo), then orderChange with Order/IsSeen=true and no IsPointFix', async () => {
    env = setup(undefined, { operationUser: '出荷担当' });
    const id = seedOne(env);
    const result = await env.connector.confirmOrders([id]);
    expect(result.succeeded).toBe(1);
    expect(env.sandbox.kit.log.filter({ operation: 'orderChange' }).map((e) => e.bodyText)).toEqual([
      `${DECL}<Req><Target><OrderId>${id}</OrderId><OperationUser>出荷担当</OperationUser></Target><Order><IsSeen>true</IsSeen></Order><SellerId>snbx-mallkit</SellerId></Req>`,
    ]);
    expect(env.sandbox.kit.log.filter({ operation: 'orderInfo' })[0]?.bodyText).toContain(`<Target><OrderId>${id}</OrderId><Field>OrderId,OrderTime,OrderStatus,IsSeen,`);
  });

  it('exportShipments: ShipStatus 3, 4-digit ShipCompanyCode, both invoice numbers, ShipDate YYYYMMDD, IsPointFix', async () => {
    env = setup();
    const id = seedOne(env, 'confirmed');
    const result = await env.connector.exportShipments([
      { orderId: id, carrier: 'japan_post', trackingNumber: '1234-5678-9012', shippedAt: '2026-11-21' },
      { orderId: id, carrier: 'japan_post', trackingNumber: '123456789013', shippedAt: '2026-11-21' },
    ]);
    expect(result.results.map((r) => r.ok)).toEqual([true, true]);
    expect(env.sandbox.kit.log.filter({ operation: 'orderShipStatusChange' }).map((e) => e.bodyText)).toEqual([
      `${DECL}<Req><Target><OrderId>${id}</OrderId><IsPointFix>true</IsPointFix></Target><Order><Ship><ShipStatus>3</ShipStatus><ShipCompanyCode>1003</ShipCompanyCode><ShipInvoiceNumber1>1234-5678-9012</ShipInvoiceNumber1><ShipInvoiceNumber2>123456789013</ShipInvoiceNumber2><ShipDate>20261121</ShipDate></Ship></Order><SellerId>snbx-mallkit</SellerId></Req>`,
    ]);
  });

  it('orderPayStatusChange on the raw client: PayStatus and PayDate under Order/Pay', async () => {
    env = setup();
    const id = seedOne(env);
    const record = env.sandbox.orders.get(id);
    if (record) record.Pay.PayMethod = 'payment_b1';
    await env.connector.client.orderPayStatusChange({ orderId: id, payStatus: '1', payDate: '20261121' });
    expect(env.sandbox.kit.log.filter({ operation: 'orderPayStatusChange' })[0]?.bodyText).toBe(
      `${DECL}<Req><Target><OrderId>${id}</OrderId></Target><Order><Pay><PayStatus>1</PayStatus><PayDate>20261121</PayDate></Pay></Order><SellerId>snbx-mallkit</SellerId></Req>`,
    );
    expect(env.sandbox.orders.get(id)?.Pay.PayDate).toBe('2026-11-21');
  });

  it('the refresh goes to the token endpoint with Basic client auth, and is signed too', async () => {
    env = setup();
    await env.connector.checkCredentials();
    const token = env.sandbox.kit.log.filter({ operation: 'token' })[0];
    expect(token?.url).toBe('https://auth.login.yahoo.co.jp/yconnect/v2/token');
    expect(token?.headers.get('authorization')).toMatch(/^Basic /);
    expect(token?.headers.get('x-sws-signature-version')).toBe('1');
    expect(new URLSearchParams(token?.bodyText).get('grant_type')).toBe('refresh_token');
  });

  it("the sandbox answers in Yahoo's shapes: <Result> root with Index and PublicationTime as YYYY-MM-DDTHH:MI:SS; a Field list over 10,000 bytes is refused before sending", async () => {
    env = setup();
    const id = seedOne(env);
    const page = await env.connector.client.orderList({ condition: { OrderId: id }, fields: ['OrderId', 'PublicationTime', 'LastUpdateTime'], start: 1, results: 10 });
    expect(page.totalCount).toBe(1);
    expect(page.orders[0]).toMatchObject({ Index: '1', OrderId: id });
    expect(String(page.orders[0]?.PublicationTime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(String(page.orders[0]?.LastUpdateTime)).toMatch(/\+09:00$/);
    const tooLong = Array.from({ length: 1200 }, (_, i) => `Field${i}`);
    const before = env.sandbox.kit.log.count();
    const error = await env.connector.client.orderInfoFields(id, tooLong).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error) && error.field).toBe('fields');
    expect(env.sandbox.kit.log.count()).toBe(before);
  });
});
