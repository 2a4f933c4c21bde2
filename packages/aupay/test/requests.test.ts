import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_STAGING_BASE_URL } from '../src/index.js';
import { SANDBOX_API_KEY } from '../src/testing/index.js';
import { anyOrder, collect, openShop, setFields, type TestShop } from './harness.js';

/** The exact requests au PAY would accept: paths, query strings, headers and flat XML bodies. */

let shop: TestShop;
afterEach(() => shop.close());

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

describe('searches: GET with the parameters in the query string', () => {
  it('lists by order days, YYYYMMDD, dateType 0, 1000 per page from startCount 1, with the bearer key', async () => {
    shop = openShop();
    await collect(shop.connector.listOrders({ from: '2026-11-01T00:00:00+09:00' }));
    const [entry] = shop.sandbox.kit.log.forOperation('searchTradeInfoListProc');
    expect(entry?.method).toBe('GET');
    expect(entry?.url).toBe('https://api.manager.wowma.jp/wmshopapi/searchTradeInfoListProc?shopId=52800017&startDate=20261101&endDate=20261122&dateType=0&totalCount=1000&startCount=1');
    expect(entry?.headers.get('authorization')).toBe(`Bearer ${SANDBOX_API_KEY}`);
    expect(entry?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(entry?.bodyText).toBe('');
  });

  it('cuts long queries into windows of 31 whole order days that never overlap', async () => {
    shop = openShop();
    await collect(shop.connector.listOrders({ from: '2026-08-15T12:00:00+09:00' }));
    const days = shop.sandbox.kit.log.forOperation('searchTradeInfoListProc').map((e) => `${e.query.get('startDate')}-${e.query.get('endDate')}`);
    expect(days).toEqual(['20260815-20260914', '20260915-20261015', '20261016-20261115', '20261116-20261122']);
  });

  it('filters statuses by their Japanese names, one search per name', async () => {
    shop = openShop();
    await collect(shop.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', statuses: ['pending_confirmation'] }));
    const statuses = shop.sandbox.kit.log.forOperation('searchTradeInfoListProc').map((e) => e.query.get('orderStatus'));
    expect(statuses).toEqual(['新規受付', '新規予約']);
    expect(shop.sandbox.kit.log.last('searchTradeInfoListProc')?.url).toContain('orderStatus=%E6%96%B0%E8%A6%8F%E4%BA%88%E7%B4%84');
  });

  it('pages with startCount += page size', async () => {
    shop = openShop({ count: 250, connector: { pageSize: 100 } });
    const orders = await collect(shop.connector.listOrders({ from: '2026-10-23T00:00:00+09:00' }));
    expect(orders).toHaveLength(250);
    const pages = shop.sandbox.kit.log.forOperation('searchTradeInfoListProc').map((e) => [e.query.get('startCount'), e.query.get('totalCount')]);
    expect(pages).toEqual([['1', '100'], ['101', '100'], ['201', '100']]);
  });

  it('reads one order with searchTradeInfoProc?shopId&orderId', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    await shop.connector.getOrders([id]);
    expect(shop.sandbox.kit.log.last('searchTradeInfoProc')?.url).toBe(`https://api.manager.wowma.jp/wmshopapi/searchTradeInfoProc?shopId=52800017&orderId=${id}`);
  });

  it('probes the credentials through an ORDER API (searchTradeNoListProc, today, one order)', async () => {
    shop = openShop();
    await shop.connector.checkCredentials();
    const log = shop.sandbox.kit.log.entries;
    expect(log.map((e) => e.operation)).toEqual(['searchTradeNoListProc']);
    expect(log[0]?.url).toBe('https://api.manager.wowma.jp/wmshopapi/searchTradeNoListProc?shopId=52800017&startDate=20261122&endDate=20261122&dateType=0&totalCount=1&startCount=1');
  });

  it('sends to the staging host with environment: staging', async () => {
    shop = openShop({ sandbox: { baseUrl: AUPAY_STAGING_BASE_URL } });
    const { baseUrl: _sandboxUrl, ...options } = shop.sandbox.connectorOptions();
    const staging = shop.connect({ ...options, environment: 'staging', baseUrl: undefined });
    await staging.getOrders([anyOrder(shop)]);
    expect(shop.sandbox.kit.log.last()?.url.startsWith('https://sg.manager.wowma.jp/wmshopapi/searchTradeInfoProc?')).toBe(true);
  });
});

describe('updates: POST application/xml with a flat <request>', () => {
  it('confirms with updateTradeStsProc to 発送待ち after reading the order', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: 'クレジットカード決済' });
    await shop.connector.confirmOrders([id]);
    const log = shop.sandbox.kit.log.entries;
    expect(log.map((e) => e.operation)).toEqual(['searchTradeInfoProc', 'updateTradeStsProc']);
    const update = log[1];
    expect(update?.url).toBe('https://api.manager.wowma.jp/wmshopapi/updateTradeStsProc');
    expect(update?.method).toBe('POST');
    expect(update?.headers.get('content-type')).toBe('application/xml; charset=UTF-8');
    expect(update?.headers.get('authorization')).toBe(`Bearer ${SANDBOX_API_KEY}`);
    expect(update?.bodyText).toBe(`${XML_DECLARATION}<request><shopId>52800017</shopId><orderId>${id}</orderId><orderStatus>発送待ち</orderStatus></request>`);
  });

  it('ships with updateTradeInfoProc (date YYYY/MM/DD, carrier code, number), then updateTradeStsProc 完了', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: 'クレジットカード決済', shippingNumber: '' });
    const result = await shop.connector.exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '3601-2345-6789', shippedAt: '2026-11-21' }]);
    expect(result.succeeded).toBe(1);
    const log = shop.sandbox.kit.log.entries;
    expect(log.map((e) => e.operation)).toEqual(['searchTradeInfoProc', 'updateTradeInfoProc', 'updateTradeStsProc']);
    expect(log[1]?.bodyText).toBe(
      `${XML_DECLARATION}<request><shopId>52800017</shopId><orderId>${id}</orderId><shippingDate>2026/11/21</shippingDate><shippingCarrier>2</shippingCarrier><shippingNumber>3601-2345-6789</shippingNumber></request>`,
    );
    expect(log[2]?.bodyText).toBe(`${XML_DECLARATION}<request><shopId>52800017</shopId><orderId>${id}</orderId><orderStatus>完了</orderStatus></request>`);
  });

  it('writes the ship date in the shape chosen with shippingDateFormat, and the JST day of an instant', async () => {
    shop = openShop({ connector: { shippingDateFormat: 'YYYYMMDD' } });
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: 'クレジットカード決済', shippingNumber: '' });
    await shop.connector.exportShipments([{ orderId: id, carrier: 'japan_post', trackingNumber: '123456789012', shippedAt: '2026-11-20T16:30:00Z' }]);
    expect(shop.sandbox.kit.log.last('updateTradeInfoProc')?.bodyText).toContain('<shippingDate>20261121</shippingDate><shippingCarrier>6</shippingCarrier>');
  });
});
