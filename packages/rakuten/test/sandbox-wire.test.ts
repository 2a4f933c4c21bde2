import { afterEach, describe, expect, it } from 'vitest';
import { seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

/*
 * The sandbox's answers, key by key, against specs/rakuten.md §4: what users' own tests will parse
 * must have Rakuten's literal keys (capitalised models, camelCase scalars, no camelizing).
 */

const ROOT = 'https://api.rms.rakuten.co.jp/es/2.0/order';
const HEADERS = {
  authorization: `ESA ${Buffer.from('SP_sandbox_service_secret:SL_sandbox_license_key').toString('base64')}`,
  'content-type': 'application/json; charset=utf-8',
};

async function post(name: string, body: unknown): Promise<{ status: number; type: string | null; json: Record<string, unknown> }> {
  const answer = await fetch(`${ROOT}/${name}/`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
  return { status: answer.status, type: answer.headers.get('content-type'), json: (await answer.json()) as Record<string, unknown> };
}

function keys(value: unknown): string[] {
  return Object.keys(value as Record<string, unknown>).sort();
}

describe('the sandbox answers in Rakuten’s shapes', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('searchOrder: MessageModelList, orderNumberList, PaginationResponseModel; zero hits give null pagination', async () => {
    rig = startRig(seeds(5, 3));
    const hit = await post('searchOrder', { dateType: 1, startDatetime: '2026-11-18T00:00:00+0900', endDatetime: '2026-11-22T10:00:00+0900', PaginationRequestModel: { requestRecordsAmount: 2, requestPage: 1 } });
    expect(hit.status).toBe(200);
    expect(hit.type).toBe('application/json;charset=utf-8');
    expect(keys(hit.json)).toEqual(['MessageModelList', 'PaginationResponseModel', 'orderNumberList']);
    expect(hit.json.MessageModelList).toEqual([{ messageType: 'INFO', messageCode: 'ORDER_EXT_API_SEARCH_ORDER_INFO_101', message: '注文検索に成功しました。' }]);
    expect(hit.json.PaginationResponseModel).toEqual({ totalRecordsAmount: 5, totalPages: 3, requestPage: 1 });
    expect(hit.json.orderNumberList).toHaveLength(2);
    const none = await post('searchOrder', { dateType: 1, startDatetime: '2026-01-01T00:00:00+0900', endDatetime: '2026-01-02T00:00:00+0900' });
    expect(none.json).toEqual({
      MessageModelList: [{ messageType: 'INFO', messageCode: 'ORDER_EXT_API_SEARCH_ORDER_INFO_102', message: '注文検索に成功しました。(検索結果０件)' }],
      orderNumberList: [],
      PaginationResponseModel: { totalRecordsAmount: null, totalPages: null, requestPage: null },
    });
  });

  it('getOrder: OrderModelList with the documented model keys; SocialGiftModel on the package (version 10)', async () => {
    const data = seeds(40);
    rig = startRig(data);
    const answer = await post('getOrder', { orderNumberList: [data[0]!.id], version: 10 });
    expect(answer.status).toBe(200);
    expect(keys(answer.json)).toEqual(['MessageModelList', 'OrderModelList', 'version']);
    expect(answer.json.version).toBe(10);
    const order = (answer.json.OrderModelList as Array<Record<string, unknown>>)[0]!;
    for (const key of [
      'orderNumber', 'orderProgress', 'orderDatetime', 'giftCheckFlag', 'socialGiftFlag', 'carrierCode', 'emailCarrierCode', 'orderType', 'cautionDisplayType',
      'goodsPrice', 'postagePrice', 'deliveryPrice', 'paymentCharge', 'paymentChargeTaxRate', 'totalPrice', 'requestPrice', 'couponAllTotalPrice',
      'couponShopPrice', 'couponOtherPrice', 'additionalFeeOccurAmountToUser', 'additionalFeeOccurAmountToShop', 'membershipType',
      'OrdererModel', 'SettlementModel', 'DeliveryModel', 'PointModel', 'WrappingModel1', 'WrappingModel2', 'PackageModelList', 'CouponModelList', 'TaxSummaryModelList',
    ]) {
      expect(order, key).toHaveProperty([key]);
    }
    // goodsTax is not returned from version 8 on; SocialGiftModel is per package.
    expect(order).not.toHaveProperty(['goodsTax']);
    expect(order).not.toHaveProperty(['SocialGiftModel']);
    const pkg = (order.PackageModelList as Array<Record<string, unknown>>)[0]!;
    for (const key of ['basketId', 'postagePrice', 'postageTaxRate', 'deliveryPrice', 'deliveryTaxRate', 'goodsPrice', 'totalPrice', 'noshi', 'packageDeleteFlag', 'SenderModel', 'ItemModelList', 'ShippingModelList', 'DeliveryCvsModel', 'defaultDeliveryCompanyCode', 'dropOffFlag', 'dropOffLocation', 'SocialGiftModel']) {
      expect(pkg, key).toHaveProperty([key]);
    }
    const item = (pkg.ItemModelList as Array<Record<string, unknown>>)[0]!;
    for (const key of ['itemDetailId', 'itemName', 'itemId', 'itemNumber', 'manageNumber', 'price', 'units', 'includePostageFlag', 'includeTaxFlag', 'includeCashOnDeliveryPostageFlag', 'selectedChoice', 'pointRate', 'taxRate', 'priceTaxIncl', 'isSingleItemShipping', 'SkuModelList']) {
      expect(item, key).toHaveProperty([key]);
    }
    expect(keys((item.SkuModelList as unknown[])[0])).toEqual(['merchantDefinedSkuId', 'skuInfo', 'variantId']);
    const orderer = order.OrdererModel as Record<string, unknown>;
    expect(typeof orderer.zipCode1).toBe('string');
    expect(typeof orderer.phoneNumber1).toBe('string');
    expect(orderer.emailAddress).toMatch(/@pc\.fw\.rakuten\.ne\.jp$/);
    expect(order.orderDatetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0900$/);
  });

  it('getOrder refuses more than 100 numbers and a missing version', async () => {
    rig = startRig([]);
    const many = await post('getOrder', { orderNumberList: Array.from({ length: 101 }, (_, i) => `398765-20261120-${String(i).padStart(10, '0')}`), version: 10 });
    expect(many.status).toBe(400);
    const noVersion = await post('getOrder', { orderNumberList: ['398765-20261120-0000000001'] });
    expect(noVersion.status).toBe(400);
    expect((noVersion.json.MessageModelList as Array<{ messageCode: string }>)[0]?.messageCode).toBe('ORDER_EXT_API_GET_ORDER_ERROR_009');
  });

  it('confirmOrder: one MessageModel per order with orderNumber, HTTP 200 even when some fail; a second confirm is 103', async () => {
    rig = startRig(seeds(40));
    const pending = rig.sandbox.orders().find((o) => o.orderProgress === 100 && o.postagePrice !== -9999)!.orderNumber;
    const unset = rig.sandbox.orders().find((o) => o.orderProgress === 100 && o.postagePrice === -9999)!.orderNumber;
    const first = await post('confirmOrder', { orderNumberList: [pending, unset] });
    expect(first.status).toBe(200);
    expect(first.json.MessageModelList).toEqual([
      { messageType: 'INFO', messageCode: 'ORDER_EXT_API_CONFIRM_ORDER_INFO_101', message: '注文確認に成功しました。', orderNumber: pending },
      { messageType: 'ERROR', messageCode: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_105', message: expect.any(String) as unknown, orderNumber: unset },
    ]);
    const again = await post('confirmOrder', { orderNumberList: [pending] });
    expect((again.json.MessageModelList as Array<{ messageCode: string }>)[0]?.messageCode).toBe('ORDER_EXT_API_CONFIRM_ORDER_ERROR_103');
  });

  it('updateOrderShipping: MessageModels carry dataNumber and shippingDetailId; a company name instead of a code is ERROR_011', async () => {
    rig = startRig(seeds(40));
    const order = rig.sandbox.orders().find((o) => o.orderProgress === 300)!;
    const basketId = order.PackageModelList[0]!.basketId;
    const row = { deliveryCompany: '1001', shippingNumber: '491234567890', shippingDate: '2026-11-21' };
    const done = await post('updateOrderShipping', { orderNumber: order.orderNumber, BasketidModelList: [{ basketId, ShippingModelList: [row] }] });
    expect(done.status).toBe(200);
    expect(done.json.MessageModelList).toEqual([
      { messageType: 'INFO', messageCode: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_101', message: '発送情報の追加設定が完了しました。', orderNumber: order.orderNumber, dataNumber: 1, shippingDetailId: expect.any(Number) as unknown },
    ]);
    const byName = await post('updateOrderShipping', { orderNumber: order.orderNumber, BasketidModelList: [{ basketId, ShippingModelList: [{ ...row, deliveryCompany: 'ヤマト運輸' }] }] });
    expect(byName.status).toBe(400);
    expect(byName.json.MessageModelList).toEqual([
      { messageType: 'ERROR', messageCode: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_011', message: 'deliveryCompanyの書式が不正です。', orderNumber: order.orderNumber, dataNumber: 1 },
    ]);
  });

  it('the license endpoint answers expiryDate in JST without an offset; the gateway answers 401 GA0001 to bad credentials', async () => {
    rig = startRig([]);
    rig.sandbox.setLicenseExpiry(new Date('2027-02-19T23:59:59+09:00'));
    const license = await fetch('https://api.rms.rakuten.co.jp/es/1.0/license-management/license-key/expiry-date?licenseKey=SL_sandbox_license_key', { headers: { authorization: HEADERS.authorization } });
    expect(await license.json()).toEqual({ expiryDate: '2027-02-19T23:59:59' });
    const wrong = await fetch(`${ROOT}/getOrder/`, { method: 'POST', headers: { ...HEADERS, authorization: `ESA ${Buffer.from('SP_x:SL_y').toString('base64')}` }, body: '{}' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ errors: [{ code: 'GA0001', message: 'Un-Authorised' }] });
  });
});
