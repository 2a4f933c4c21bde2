import { InvalidRequestError, ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyOf, collect, DAY, rejection, startRig, type Rig } from './harness.js';

let rig: Rig;
afterEach(() => rig?.close());

const BASE = 'https://management.api.shopserve.jp/v2';

describe('the requests the connector sends (default wire profile)', () => {
  it('searches one-week windows with POST /v2/orders/_retrieve/basic;detail, Basic auth and a JSON body', async () => {
    rig = startRig({ seedCount: 5, spanDays: 9 });
    await collect(rig.connector.listOrders({ from: '2026-11-09T10:00:00+09:00', to: '2026-11-19T09:00:00+09:00' }));
    const searches = rig.sandbox.kit.log.forOperation('searchOrders');
    expect(searches.map((entry) => [entry.method, entry.url])).toEqual([
      ['POST', `${BASE}/orders/_retrieve/basic;detail`],
      ['POST', `${BASE}/orders/_retrieve/basic;detail`],
    ]);
    const expectedAuth = `Basic ${Buffer.from(`sandbox.ss:${rig.sandbox.managerKey}`).toString('base64')}`;
    expect(searches[0]?.headers.get('authorization')).toBe(expectedAuth);
    expect(searches[0]?.headers.get('content-type')).toBe('application/json');
    expect(searches.map(bodyOf)).toEqual([
      { since: '2026-11-09T10:00:00+09:00', until: '2026-11-16T09:59:59+09:00', date_type: 'OrderedAt', from: 0, size: 100, sort: { type: 'OrderedAt', order: 'Asc' } },
      { since: '2026-11-16T10:00:00+09:00', until: '2026-11-19T09:00:00+09:00', date_type: 'OrderedAt', from: 0, size: 100, sort: { type: 'OrderedAt', order: 'Asc' } },
    ]);
  });

  it('searches by 受注更新日時 with date_type UpdatedAt', async () => {
    rig = startRig({ seedCount: 3, spanDays: 3 });
    await collect(rig.connector.listOrders({ from: '2026-11-16T00:00:00+09:00', dateType: 'updated' }));
    expect(bodyOf(rig.sandbox.kit.log.last('searchOrders'))).toMatchObject({ date_type: 'UpdatedAt', sort: { type: 'UpdatedAt', order: 'Asc' } });
  });

  it('pages with from/size by the count of orders received, until total_count', async () => {
    rig = startRig({ seedCount: 230, spanDays: 6 });
    const orders = await collect(rig.connector.listOrders({ from: new Date(Date.parse('2026-11-19T10:00:00+09:00') - 6 * DAY - 60_000) }));
    expect(orders).toHaveLength(230);
    expect(rig.sandbox.kit.log.forOperation('searchOrders').map((entry) => (bodyOf(entry) as { from: number }).from)).toEqual([0, 100, 200]);
  });

  it('reads orders by id with serial_codes, in batches of the page size', async () => {
    rig = startRig({ seedCount: 3 });
    const ids = rig.seeds.map((s) => s.id);
    await rig.connector.getOrders(ids);
    expect(bodyOf(rig.sandbox.kit.log.last('searchOrders'))).toEqual({ serial_codes: ids, from: 0, size: 3 });
  });

  // Review L6: the spec's own guess is POST (/v2/orders/{serial_code}/… or /v2/orders/_update), not PUT.
  it('confirms with POST /v2/orders/{serial_code}/_update and confirmation_status, between reading the state and reading it back', async () => {
    rig = startRig({ seedCount: 12 });
    const target = rig.seeds.find((s) => s.status === 'pending_confirmation')!;
    rig.sandbox.kit.log.clear();
    await rig.connector.confirmOrders([target.id]);
    expect(rig.sandbox.kit.log.entries.map((entry) => [entry.operation, entry.method, entry.url])).toEqual([
      ['searchOrders', 'POST', `${BASE}/orders/_retrieve/basic;detail`],
      ['updateOrderStatus', 'POST', `${BASE}/orders/${target.id}/_update`],
      ['searchOrders', 'POST', `${BASE}/orders/_retrieve/basic;detail`],
    ]);
    expect(bodyOf(rig.sandbox.kit.log.last('updateOrderStatus'))).toEqual({ confirmation_status: 'Confirmed' });
  });

  it('ships with 発送済, 配送会社, お問い合わせ番号 and the ship date as 発送予定日, in one request', async () => {
    rig = startRig({ seedCount: 12 });
    const target = rig.seeds.find((s) => s.status === 'confirmed')!;
    await rig.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '４９１２－３４５６－７８９０', shippedAt: '2026-11-18T18:30:00+09:00' }]);
    expect(bodyOf(rig.sandbox.kit.log.last('updateOrderStatus'))).toEqual({
      shipping_status: 'Shipped',
      delivery_company: 'ヤマト運輸',
      tracking_number: '4912-3456-7890',
      scheduled_shipping_date: '2026-11-18',
    });
    const [after] = await rig.connector.getOrders([target.id]);
    expect(after?.status.code).toBe('shipped');
    expect(after?.deliveries[0]?.shipments[0]).toEqual({ carrier: { code: 'yamato', raw: 'ヤマト運輸' }, trackingNumber: '4912-3456-7890', shippedOn: '2026-11-18' });
  });

  it('sends a named carrier as given', async () => {
    rig = startRig({ seedCount: 12 });
    const target = rig.seeds.find((s) => s.status === 'confirmed')!;
    await rig.connector.exportShipments([{ orderId: target.id, carrier: { code: 'other', name: '自社配送' }, trackingNumber: 'JS-0001', shippedAt: '2026-11-19' }]);
    expect(bodyOf(rig.sandbox.kit.log.last('updateOrderStatus'))).toMatchObject({ delivery_company: '自社配送', tracking_number: 'JS-0001' });
  });
});

describe('a corrected wire profile changes the requests, and the sandbox follows it', () => {
  const wire = {
    blocks: ['basic', 'delivery', 'items'],
    dateFormat: 'space',
    dayFormat: 'date-compact',
    pageSize: 50,
    sortResults: false,
    statusUpdate: { method: 'PUT', path: 'orders/{serial_code}/status' },
    values: { confirmed: '確認済', unconfirmed: '未確認', shipped: '発送済', notShipped: '未発送', orderedDateType: 'order_date' },
    carrierNames: { yamato: 'ヤマト運輸(宅急便)' },
    fieldNames: { orders: 'contents', order_code: 'order_number', serial_codes: 'serial_code_list', tracking_number: 'inquiry_number' },
  } as const;

  it('sends the corrected shapes and still lists, confirms and ships', async () => {
    rig = startRig({ seedCount: 12, sandbox: { wire } });
    const pending = rig.seeds.find((s) => s.status === 'pending_confirmation')!;
    const confirmed = rig.seeds.find((s) => s.status === 'confirmed')!;
    const listed = await collect(rig.connector.listOrders({ from: '2026-11-13T00:00:00+09:00' }));
    expect(listed.length).toBeGreaterThan(0);
    expect(rig.sandbox.kit.log.last('searchOrders')?.url).toBe(`${BASE}/orders/_retrieve/basic;delivery;items`);
    expect(bodyOf(rig.sandbox.kit.log.last('searchOrders'))).toEqual({ since: '2026-11-13 00:00:00', until: '2026-11-19 10:00:00', date_type: 'order_date', from: 0, size: 50 });

    expect((await rig.connector.confirmOrders([pending.id])).succeeded).toBe(1);
    expect(rig.sandbox.kit.log.last('updateOrderStatus')).toMatchObject({ method: 'PUT', url: `${BASE}/orders/${pending.id}/status` });
    expect(bodyOf(rig.sandbox.kit.log.last('updateOrderStatus'))).toEqual({ confirmation_status: '確認済' });

    await rig.connector.exportShipments([{ orderId: confirmed.id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-19' }]);
    expect(bodyOf(rig.sandbox.kit.log.last('updateOrderStatus'))).toEqual({
      shipping_status: '発送済',
      delivery_company: 'ヤマト運輸(宅急便)',
      inquiry_number: '491234567890',
      scheduled_shipping_date: '20261119',
    });
    const [shipped] = await rig.connector.getOrders([confirmed.id]);
    expect(bodyOf(rig.sandbox.kit.log.last('searchOrders'))).toEqual({ serial_code_list: [confirmed.id], from: 0, size: 1 });
    expect(shipped?.status.code).toBe('shipped');
    expect(shipped?.deliveries[0]?.shipments[0]?.carrier).toEqual({ code: 'yamato', raw: 'ヤマト運輸(宅急便)' });
    expect(shipped?.raw.basic.order_code).toMatch(/^1\d{7}$/);
  });

  it('a connector that assumes the default profile is refused by a sandbox speaking another', async () => {
    rig = startRig({ seedCount: 2, sandbox: { wire } });
    const { wire: _dropped, ...defaults } = rig.sandbox.connectorOptions();
    const stale = rig.connect({ ...defaults, wire: undefined });
    const error = await rejection(collect(stale.listOrders({ from: '2026-11-13T00:00:00+09:00' })));
    expect(InvalidRequestError.isInstance(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(/不明なブロック|since/);
  });

  it('refuses a profile that could not work, naming the field, before anything is sent', () => {
    rig = startRig({ seedCount: 0 });
    expect(() => rig.connect({ wire: { pageSize: 0 } })).toThrow(/options\.wire\.pageSize/);
    expect(() => rig.connect({ wire: { statusUpdate: { path: 'orders/{id}/status' } } })).toThrow(/options\.wire\.statusUpdate\.path/);
    expect(() => rig.connect({ wire: { fieldNames: { order_code: 'serial_code' } } })).toThrow(/two fields are spelled serial_code/);
    expect(() => rig.connect({ wire: { values: { shiped: 'Shipped' } as never } })).toThrow(/options\.wire\.values\.shiped/);
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });

  // Review M8: wire.values and wire.carrierNames took control characters and sent them.
  it.each([
    ['a value with a line break', { values: { shipped: 'Ship\nped' } }, 'options.wire.values.shipped'],
    ['a carrier name with NUL', { carrierNames: { yamato: 'ヤマト\u0000運輸' } }, 'options.wire.carrierNames.yamato'],
    ['an open status with a tab', { openOrderStatuses: ['受付\t中'] }, 'options.wire.openOrderStatuses[0]'],
    ['a carrier name of 60 characters', { carrierNames: { sagawa: '佐'.repeat(60) } }, 'options.wire.carrierNames.sagawa'],
  ])('refuses %s, naming the field', (_name, wire, field) => {
    rig = startRig({ seedCount: 0 });
    const error = (() => {
      try {
        rig.connect({ wire });
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe(field);
  });
});

describe("the spec's other guess for the update: POST /v2/orders/_update with serial_code in the body", () => {
  it('confirms and ships through it', async () => {
    const wire = { statusUpdate: { path: 'orders/_update' } } as const;
    rig = startRig({ seedCount: 12, sandbox: { wire } });
    const pending = rig.seeds.find((s) => s.status === 'pending_confirmation')!;
    expect(await rig.connector.confirmOrders([pending.id])).toMatchObject({ succeeded: 1 });
    expect(rig.sandbox.kit.log.last('updateOrderStatus')).toMatchObject({ method: 'POST', url: `${BASE}/orders/_update` });
    expect(bodyOf(rig.sandbox.kit.log.last('updateOrderStatus'))).toEqual({ serial_code: pending.id, confirmation_status: 'Confirmed' });
  });
});
