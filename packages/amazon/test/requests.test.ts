import { InvalidRequestError, NotFoundError, OrderStateError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfirmShipmentBody } from '../src/api/orders-v0.js';
import { collect, createRig, failure, NOW, seedOrders, type TestRig } from './helpers.js';
import { packageReferenceId } from '../src/mapping/shipment.js';

let rig: TestRig | undefined;
afterEach(() => rig?.close());

describe('wire requests', () => {
  it('gets an LWA token with the documented form body, then calls SP-API with x-amz-access-token and no SigV4', async () => {
    rig = createRig(seedOrders(3), NOW);
    await collect(rig.connector.listOrders({ from: '2026-10-01T00:00:00+09:00', to: '2026-11-22T09:00:00+09:00' }));
    const token = rig.sandbox.kit.log.forOperation('lwaToken')[0];
    expect(token?.url).toBe('https://api.amazon.com/auth/o2/token');
    expect(token?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    const { clientId, clientSecret, refreshToken } = rig.sandbox.credentials;
    expect(Object.fromEntries(new URLSearchParams(token?.bodyText))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: clientSecret,
    });
    const search = rig.sandbox.kit.log.forOperation('searchOrders')[0];
    expect(search?.headers.get('x-amz-access-token')).toMatch(/^Atza\|/);
    expect(search?.headers.get('authorization')).toBeNull();
    expect(search?.headers.get('x-amz-date')).toBeNull();
    expect(search?.headers.get('user-agent')).toMatch(/^mallkit-amazon\/\d+\.\d+\.\d+ \(Language=TypeScript; Platform=Node\)$/);
  });

  it('searchOrders: createdAfter/createdBefore in UTC Z, JP marketplace, MERCHANT, 100 per page, includedData as csv', async () => {
    rig = createRig(seedOrders(3), NOW);
    await collect(rig.connector.listOrders({ from: '2026-10-01T00:00:00+09:00', to: '2026-11-22T09:00:00+09:00' }));
    const search = rig.sandbox.kit.log.forOperation('searchOrders')[0];
    expect(search?.path).toBe('/orders/2026-01-01/orders');
    expect(Object.fromEntries(search?.query ?? [])).toEqual({
      marketplaceIds: 'A1VC38T7YXB528',
      createdAfter: '2026-09-30T15:00:00Z',
      createdBefore: '2026-11-22T00:00:00Z',
      fulfilledBy: 'MERCHANT',
      maxResultsPerPage: '100',
      includedData: 'BUYER,RECIPIENT,PROCEEDS,EXPENSE,PROMOTION,CANCELLATION,FULFILLMENT,PACKAGES,PAYMENT',
    });
  });

  it('dateType updated uses lastUpdatedAfter; statuses become fulfillmentStatuses', async () => {
    rig = createRig(seedOrders(3), NOW);
    await collect(rig.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', dateType: 'updated', statuses: ['ready_to_ship'] }));
    const query = rig.sandbox.kit.log.forOperation('searchOrders')[0]?.query;
    expect(query?.get('lastUpdatedAfter')).toBe('2026-10-31T15:00:00Z');
    expect(query?.get('createdAfter')).toBeNull();
    expect(query?.get('fulfillmentStatuses')).toBe('UNSHIPPED,PARTIALLY_SHIPPED');
  });

  it('the 2-minute rule: a `to` within the last two minutes, or none, is sent as two minutes (and 5 s spare) ago', async () => {
    rig = createRig(seedOrders(3), NOW);
    const to = new Date(rig.clock.now() - 30_000).toISOString();
    await collect(rig.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', to }));
    await collect(rig.connector.listOrders({ from: '2026-11-01T00:00:00+09:00' }));
    const searches = rig.sandbox.kit.log.forOperation('searchOrders');
    expect(searches).toHaveLength(2);
    for (const search of searches) {
      const before = Date.parse(search.query.get('createdBefore') ?? '');
      expect(before).toBeLessThanOrEqual(search.at - 125_000);
      expect(before).toBeGreaterThan(search.at - 127_000);
      expect(search.status).toBe(200);
    }
  });

  it('follows paginationToken with every other parameter unchanged, items inline (no per-order calls)', async () => {
    rig = createRig(seedOrders(230), NOW);
    const orders = await collect(rig.connector.listOrders({ from: '2026-10-01T00:00:00+09:00' }));
    expect(orders).toHaveLength(230);
    const pages = rig.sandbox.kit.log.forOperation('searchOrders');
    expect(pages).toHaveLength(3);
    const withoutToken = (q: URLSearchParams | undefined) => {
      const copy = new URLSearchParams(q);
      copy.delete('paginationToken');
      return copy.toString();
    };
    expect(pages[1]?.query.get('paginationToken')).toBeTruthy();
    expect(withoutToken(pages[1]?.query)).toBe(withoutToken(pages[0]?.query));
    expect(withoutToken(pages[2]?.query)).toBe(withoutToken(pages[0]?.query));
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(0);
    expect(rig.sandbox.qpsViolations()).toBe(0);
  });

  it('v0 path: getOrders pages plus getOrderItems, getOrderAddress and getOrderBuyerInfo per order', async () => {
    rig = createRig(seedOrders(5), NOW, { ordersApi: 'v0' });
    const orders = await collect(rig.connector.listOrders({ from: '2026-10-01T00:00:00+09:00', to: '2026-11-22T09:00:00+09:00' }));
    expect(orders).toHaveLength(5);
    const first = rig.sandbox.kit.log.forOperation('getOrdersV0')[0];
    expect(Object.fromEntries(first?.query ?? [])).toEqual({
      MarketplaceIds: 'A1VC38T7YXB528',
      CreatedAfter: '2026-09-30T15:00:00Z',
      CreatedBefore: '2026-11-22T00:00:00Z',
      FulfillmentChannels: 'MFN',
      MaxResultsPerPage: '100',
    });
    for (const op of ['getOrderItemsV0', 'getOrderAddressV0', 'getOrderBuyerInfoV0']) expect(rig.sandbox.kit.log.count({ operation: op })).toBe(5);
    expect(rig.sandbox.kit.log.forOperation('getOrderItemsV0')[0]?.path).toMatch(/^\/orders\/v0\/orders\/[^/]+\/orderItems$/);
  });

  it('confirmShipment: numeric stable packageReferenceId, orderItems array, carrierCode, shipDate UTC Z', async () => {
    rig = createRig(seedOrders(12), NOW);
    const target = rig.seeds.find((s) => s.status === 'ready_to_ship');
    if (!target) throw new Error('no shippable seed');
    const result = await rig.connector.exportShipments([
      { orderId: target.id, carrier: 'yamato', trackingNumber: '4912-3456-7890', shippedAt: '2026-11-22T08:30:00+09:00', shippingMethod: '宅急便' },
    ]);
    expect(result.succeeded).toBe(1);
    const sent = rig.sandbox.kit.log.forOperation('confirmShipment')[0];
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe(`/orders/v0/orders/${target.id}/shipmentConfirmation`);
    expect(sent?.headers.get('content-type')).toBe('application/json');
    const items = rig.sandbox.orders.get(target.id)?.orderItems ?? [];
    expect(JSON.parse(sent?.bodyText ?? '')).toEqual({
      marketplaceId: 'A1VC38T7YXB528',
      packageDetail: {
        packageReferenceId: packageReferenceId(target.id, '491234567890'),
        carrierCode: 'Yamato Transport',
        shippingMethod: '宅急便',
        trackingNumber: '4912-3456-7890',
        shipDate: '2026-11-21T23:30:00Z',
        orderItems: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      },
    });
    expect(packageReferenceId(target.id, '4912-3456-7890')).toMatch(/^[1-9]\d*$/);

    // The same shipment again: Amazon already has that package, nothing is sent.
    const again = await rig.connector.exportShipments([
      { orderId: target.id, carrier: 'yamato', trackingNumber: '4912-3456-7890', shippedAt: '2026-11-22T08:30:00+09:00', shippingMethod: '宅急便' },
    ]);
    expect(again.alreadyDone).toBe(1);
    expect(rig.sandbox.kit.log.count({ operation: 'confirmShipment' })).toBe(1);
    expect(rig.sandbox.orders.get(target.id)?.packages).toHaveLength(1);
  });

  it('an unlisted carrier goes as Other with its name; named items only; a JST day becomes that day in UTC', async () => {
    rig = createRig(seedOrders(12), NOW);
    const target = rig.seeds.find((s) => s.status === 'ready_to_ship');
    if (!target) throw new Error('no shippable seed');
    const line = rig.sandbox.orders.get(target.id)?.orderItems[0];
    const result = await rig.connector.exportShipments([
      { orderId: target.id, carrier: { code: 'other', name: '西濃エクスプレス' }, trackingNumber: 'X1', shippedAt: '2026-11-22', items: [{ lineId: line?.orderItemId ?? '', quantity: 1 }] },
    ]);
    expect(result.failed).toBe(0);
    const body = JSON.parse(rig.sandbox.kit.log.forOperation('confirmShipment')[0]?.bodyText ?? '');
    expect(body.packageDetail.carrierCode).toBe('Other');
    expect(body.packageDetail.carrierName).toBe('西濃エクスプレス');
    expect(body.packageDetail.orderItems).toEqual([{ orderItemId: line?.orderItemId, quantity: 1 }]);
    expect(body.packageDetail.shipDate).toBe('2026-11-21T15:00:00Z');
  });
});

describe('sandbox confirmShipment validations (what Amazon refuses)', () => {
  const shippable = (r: TestRig): string => {
    const order = r.sandbox.orders.values().find((o) => o.fulfillment?.fulfillmentStatus === 'UNSHIPPED');
    if (!order) throw new Error('no unshipped order');
    return order.orderId;
  };
  const body = (r: TestRig, orderId: string, detail: Record<string, unknown>): ConfirmShipmentBody => {
    const items = r.sandbox.orders.get(orderId)?.orderItems ?? [];
    const packageDetail = {
      packageReferenceId: '1',
      carrierCode: 'Yamato Transport',
      trackingNumber: '491234567890',
      shipDate: '2026-11-22T00:00:00Z',
      orderItems: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      ...detail,
    };
    // The raw client sends what it is given: these bodies are wrong on purpose.
    return { marketplaceId: 'A1VC38T7YXB528', packageDetail } as unknown as ConfirmShipmentBody;
  };

  it('answers 204 to a valid body and refuses each mistake with Amazon\'s InvalidInput', async () => {
    rig = createRig(seedOrders(12), NOW);
    const id = shippable(rig);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ packageReferenceId: 'PKG-1' }, /PackageReferenceId: is invalid, must be a positive numeric value/],
      [{ packageReferenceId: '0' }, /PackageReferenceId/],
      [{ orderItems: { orderItemId: '1', quantity: 1 } }, /OrderItemId is invalid/],
      [{ shipDate: '2026-11-22T00:00:00+00:00' }, /must be formatted by ISO 8601 standards/],
      [{ shipDate: '2026-11-22T02:00:00Z' }, /cannot be in the future/],
      [{ shipDate: '2020-01-01T00:00:00Z' }, /before the order date/],
      [{ carrierCode: '' }, /CarrierCode is required/],
      [{ carrierCode: 'Other' }, /CarrierName is required/],
    ];
    for (const [detail, message] of cases) {
      const error = await failure(rig.connector.client.confirmShipment(id, body(rig, id, detail)));
      expect(InvalidRequestError.isInstance(error), JSON.stringify(detail)).toBe(true);
      expect((error as InvalidRequestError).mallCode).toBe('InvalidInput');
      expect((error as InvalidRequestError).message).toMatch(message);
      expect((error as InvalidRequestError).requestId).toBeTruthy();
    }
    expect(rig.sandbox.orders.get(id)?.packages ?? []).toHaveLength(0);
    await rig.connector.client.confirmShipment(id, body(rig, id, {}));
    expect(rig.sandbox.kit.log.forOperation('confirmShipment').at(-1)?.status).toBe(204);
    expect(rig.sandbox.orders.get(id)?.fulfillment?.fulfillmentStatus).toBe('SHIPPED');
  });

  // How Amazon treats a packageReferenceId sent twice is not documented (README Sources): the
  // sandbox models "update that package", an assumption the connector never relies on — it does
  // not re-send confirmShipment, it reads the order back.
  it('sandbox model (unverified on Amazon): the same packageReferenceId updates its package; a new one adds a package', async () => {
    rig = createRig(seedOrders(12), NOW);
    const id = shippable(rig);
    const first = rig.sandbox.orders.get(id)?.orderItems[0];
    if (!first) throw new Error('no item');
    const one = { orderItems: [{ orderItemId: first.orderItemId, quantity: 1 }] };
    await rig.connector.client.confirmShipment(id, body(rig, id, { ...one, packageReferenceId: '7', trackingNumber: 'A1' }));
    await rig.connector.client.confirmShipment(id, body(rig, id, { ...one, packageReferenceId: '7', trackingNumber: 'A2' }));
    expect(rig.sandbox.orders.get(id)?.packages?.map((p) => [p.packageReferenceId, p.trackingNumber])).toEqual([['7', 'A2']]);
    await rig.connector.client.confirmShipment(id, body(rig, id, { ...one, packageReferenceId: '8', trackingNumber: 'B1' }));
    expect(rig.sandbox.orders.get(id)?.packages).toHaveLength(2);
  });
});

describe('exportShipments wire rules', () => {
  it('a cancelled order fails on its own with OrderStateError; nothing is sent for it', async () => {
    rig = createRig(seedOrders(40), NOW);
    const cancelled = rig.seeds.find((s) => s.status === 'cancelled');
    const ready = rig.seeds.find((s) => s.status === 'ready_to_ship');
    if (!cancelled || !ready) throw new Error('need a cancelled and a ready seed');
    const result = await rig.connector.exportShipments([
      { orderId: cancelled.id, carrier: 'japan_post', trackingNumber: '111122223333', shippedAt: '2026-11-22' },
      { orderId: ready.id, carrier: 'japan_post', trackingNumber: '222233334444', shippedAt: '2026-11-22' },
      { orderId: '503-0000000-0000000', carrier: 'japan_post', trackingNumber: '333344445555', shippedAt: '2026-11-22' },
    ]);
    expect(result.results.map((r) => r.ok)).toEqual([false, true, false]);
    const [stateError, , missing] = result.results;
    if (stateError?.ok !== false || missing?.ok !== false) throw new Error('expected failures');
    expect(OrderStateError.isInstance(stateError.error)).toBe(true);
    expect(NotFoundError.isInstance(missing.error)).toBe(true);
    expect(missing.error.requestId).toBeTruthy();
    const sent = rig.sandbox.kit.log.forOperation('confirmShipment');
    expect(sent.map((e) => e.path)).toEqual([`/orders/v0/orders/${ready.id}/shipmentConfirmation`]);
    expect(JSON.parse(sent[0]?.bodyText ?? '').packageDetail.carrierCode).toBe('Japan Post');
  });

  it('packageReferenceId is a stable positive integer per (order, tracking number)', () => {
    const a = packageReferenceId('503-1234567-1234567', '4912-3456-7890');
    expect(a).toMatch(/^[1-9]\d*$/);
    expect(Number(a)).toBeLessThan(2 ** 31);
    expect(packageReferenceId('503-1234567-1234567', '491234567890')).toBe(a);
    expect(packageReferenceId('503-1234567-1234567', '491234567891')).not.toBe(a);
    expect(packageReferenceId('503-1234567-1234568', '4912-3456-7890')).not.toBe(a);
  });
});
