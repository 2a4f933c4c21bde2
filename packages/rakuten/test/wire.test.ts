import { afterEach, describe, expect, it } from 'vitest';
import { bodyOf, collect, NOW, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

const ESA = `ESA ${Buffer.from('SP_sandbox_service_secret:SL_sandbox_license_key').toString('base64')}`;

describe('exact requests on the wire', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('searchOrder and getOrder: POST, trailing slash, ESA header, JSON with charset, +0900 datetimes, ascending sort, version 10', async () => {
    rig = startRig(seeds(40, 5));
    const orders = await collect(rig.connector.listOrders({ from: '2026-11-16T00:00:00+09:00', to: '2026-11-22T09:59:59+09:00', statuses: ['pending_confirmation', 'ready_to_ship'] }));
    expect(orders.length).toBeGreaterThan(0);
    const search = rig.sandbox.kit.log.forOperation('searchOrder')[0];
    expect(search?.method).toBe('POST');
    expect(search?.url).toBe('https://api.rms.rakuten.co.jp/es/2.0/order/searchOrder/');
    expect(search?.headers.get('authorization')).toBe(ESA);
    expect(search?.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(bodyOf(search)).toEqual({
      dateType: 1,
      startDatetime: '2026-11-16T00:00:00+0900',
      endDatetime: '2026-11-22T09:59:59+0900',
      orderProgressList: [100, 300],
      PaginationRequestModel: { requestRecordsAmount: 1000, requestPage: 1, SortModelList: [{ sortColumn: 1, sortDirection: 1 }] },
    });
    const get = rig.sandbox.kit.log.forOperation('getOrder')[0];
    expect(get).toBeDefined();
    expect(get?.method).toBe('POST');
    expect(get?.url).toBe('https://api.rms.rakuten.co.jp/es/2.0/order/getOrder/');
    expect(get?.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(bodyOf(get)).toEqual({ orderNumberList: orders.map((o) => o.id), version: 10 });
  });

  it('getOrder sends the order numbers and version as a number', async () => {
    const data = seeds(2);
    rig = startRig(data);
    await rig.connector.getOrders(data.map((s) => s.id));
    expect(bodyOf(rig.sandbox.kit.log.last('getOrder'))).toEqual({ orderNumberList: data.map((s) => s.id), version: 10 });
  });

  it('confirmOrder sends only orderNumberList', async () => {
    const data = seeds(40);
    rig = startRig(data);
    const target = data.find((s) => s.status === 'pending_confirmation' && !s.postageUnset)!;
    await rig.connector.confirmOrders([target.id]);
    const confirm = rig.sandbox.kit.log.last('confirmOrder');
    expect(confirm?.url).toBe('https://api.rms.rakuten.co.jp/es/2.0/order/confirmOrder/');
    expect(confirm?.headers.get('authorization')).toBe(ESA);
    expect(bodyOf(confirm)).toEqual({ orderNumberList: [target.id] });
  });

  it('updateOrderShipping: orderNumber, BasketidModelList with the basketId, deliveryCompany code, shippingNumber, YYYY-MM-DD', async () => {
    const data = seeds(40);
    rig = startRig(data);
    const target = data.find((s) => s.status === 'ready_to_ship' && s.deliveries.length === 1)!;
    const basketId = rig.sandbox.order(target.id)!.PackageModelList[0]!.basketId;
    const result = await rig.connector.exportShipments([{ orderId: target.id, carrier: 'sagawa', trackingNumber: '3600-1234-5678', shippedAt: '2026-11-21' }]);
    expect(result.succeeded).toBe(1);
    const update = rig.sandbox.kit.log.last('updateOrderShipping');
    expect(update?.url).toBe('https://api.rms.rakuten.co.jp/es/2.0/order/updateOrderShipping/');
    expect(update?.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(bodyOf(update)).toEqual({
      orderNumber: target.id,
      BasketidModelList: [{ basketId, ShippingModelList: [{ deliveryCompany: '1002', shippingNumber: '3600-1234-5678', shippingDate: '2026-11-21' }] }],
    });
  });

  it('an instant ship date is sent as its JST calendar day', async () => {
    const data = seeds(40);
    rig = startRig(data);
    const target = data.find((s) => s.status === 'ready_to_ship' && s.deliveries.length === 1)!;
    // 2026-11-21T16:30Z is 2026-11-22 01:30 JST.
    await rig.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21T16:30:00Z' }]);
    expect(bodyOf(rig.sandbox.kit.log.last('updateOrderShipping'))).toMatchObject({
      BasketidModelList: [{ ShippingModelList: [{ deliveryCompany: '1001', shippingDate: '2026-11-22' }] }],
    });
  });

  it('getPayment sends orderNumber and version 4; the license endpoint is a GET with the licenseKey in the query', async () => {
    const data = seeds(3);
    rig = startRig(data);
    await collect(rig.connector.getPayments({ orderIds: [data[0]!.id] }));
    expect(bodyOf(rig.sandbox.kit.log.last('getPayment'))).toEqual({ orderNumber: data[0]!.id, version: 4 });
    await rig.connector.checkCredentials();
    const license = rig.sandbox.kit.log.last('getLicenseExpiryDate');
    expect(license?.method).toBe('GET');
    expect(license?.url).toBe('https://api.rms.rakuten.co.jp/es/1.0/license-management/license-key/expiry-date?licenseKey=SL_sandbox_license_key');
    expect(license?.headers.get('authorization')).toBe(ESA);
  });

  it('the default shopId does not depend on the licenseKey, and NOW is the sandbox time', () => {
    rig = startRig([], NOW, { shopId: undefined });
    expect(rig.connector.shopId).toMatch(/^rakuten:[0-9a-f]{16}$/);
  });
});
