import { formatJst } from '@mallkit/core';
import { generateSeedOrders } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAKESHOP_DOCUMENTS, type SearchOrderInput } from '../src/index.js';
import { compactDate } from '../src/testing/store.js';
import { MAKESHOP_SANDBOX_ENDPOINT } from '../src/testing/index.js';
import { collect, NOW, setUp, windowOf, type Harness } from './harness.js';

/** The search document exactly as it goes on the wire: Kahiro-M/MakeshopOrderList's shape plus the inferred fields. */
const SEARCH_DOCUMENT =
  'query searchOrder($input: SearchOrderRequest!) { searchOrder(input: $input) { searchedCount page orders { ' +
  'displayOrderNumber orderDate memberId sumPrice senderPrefecture orderStatus deliveryStatus paymentMethodName paymentStatus paymentDate ' +
  'senderName senderKana senderPostalCode senderCity senderAddress senderTel senderEmail commission usePoint couponDiscount ' +
  'discountPerTax { taxRate discount } deliveryInfos { receiverName receiverKana receiverPostalCode receiverPrefecture receiverCity ' +
  'receiverAddress receiverTel deliveryMethodName deliveryPrice deliveryDate deliveryTime carrierCode slipNumber shippingDate ' +
  'basketInfos { productName price amount productCode } } } } }';

let harness: Harness;
afterEach(() => harness?.close());

describe('the requests makeshop receives', () => {
  it('a listing is one searchOrder per delivery status, with the window in yyyyMMddHHmmss and 1,000 per page', async () => {
    harness = setUp();
    await collect(harness.connector.listOrders({ from: '2026-10-01T00:00:00+09:00', to: '2026-11-01T00:00:00+09:00' }));
    const entries = harness.sandbox.kit.log.entries;
    expect(entries.map((entry) => [entry.method, entry.url])).toEqual(Array(4).fill(['POST', MAKESHOP_SANDBOX_ENDPOINT]));
    expect(harness.bodies()).toEqual(
      ['N', 'Y', 'R', 'C'].map((deliveryStatus) => ({
        query: SEARCH_DOCUMENT,
        variables: { input: { startOrderDate: '20261001000000', endOrderDate: '20261101000000', deliveryStatus, sortOrder: 'ASC', page: 1, limit: 1000 } },
      })),
    );
    expect(DEFAULT_MAKESHOP_DOCUMENTS.searchOrder.query).toBe(SEARCH_DOCUMENT);
  });

  it('every request carries the token as a Bearer, the API key, a JSON content type and x-timestamp in Unix seconds', async () => {
    harness = setUp();
    const before = Math.floor(harness.clock.now() / 1000);
    await harness.connector.getOrders([harness.seeds[0]!.id]);
    const headers = harness.sandbox.kit.log.last()!.headers;
    const { accessToken, apiKey } = harness.sandbox.connectorOptions();
    expect(headers.get('authorization')).toBe(`Bearer ${accessToken}`);
    expect(headers.get('x-api-key')).toBe(apiKey);
    expect(headers.get('content-type')).toBe('application/json');
    const stamp = Number(headers.get('x-timestamp'));
    expect(headers.get('x-timestamp')).toMatch(/^\d{10}$/);
    expect(stamp - before).toBeGreaterThanOrEqual(0);
    expect(stamp - before).toBeLessThanOrEqual(2);
  });

  it('x-timestamp is made for each request, so a long-lived connector is never refused for an old one', async () => {
    harness = setUp();
    await harness.connector.getOrders([harness.seeds[0]!.id]);
    harness.clock.advance(2 * 3_600_000);
    await harness.connector.getOrders([harness.seeds[1]!.id]);
    const [first, second] = harness.sandbox.kit.log.entries.map((entry) => Number(entry.headers.get('x-timestamp')));
    expect(second! - first!).toBeGreaterThanOrEqual(7200);
  });

  it('getOrders reads one order per request: searchOrder filtered by displayOrderNumber (inferred)', async () => {
    harness = setUp();
    const ids = harness.seeds.slice(0, 2).map((seed) => seed.id);
    await harness.connector.getOrders(ids);
    expect(harness.bodies()).toEqual(
      ids.map((displayOrderNumber) => ({
        query: SEARCH_DOCUMENT.replace('query searchOrder(', 'query getOrder('),
        variables: { input: { displayOrderNumber, page: 1, limit: 1 } },
      })),
    );
  });

  it('pages by order date: after a full page the next starts at its last order date, on page 1; one search without deliveryStatus when told it is optional', async () => {
    const now = Date.parse('2026-11-22T10:00:00+09:00');
    const seeds = generateSeedOrders({ count: 1_205, seed: 3, from: new Date(now - 20 * 86_400_000), to: new Date(now - 3_600_000) });
    harness = setUp({ seeds, connector: { searchPerDeliveryStatus: false } });
    const window = windowOf(harness.seeds);
    const orders = await collect(harness.connector.listOrders(window));
    expect(orders).toHaveLength(1_205);
    expect(new Set(orders.map((order) => order.id)).size).toBe(1_205);
    const inputs = harness.bodies().map((body) => body.variables.input);
    // The 1,000th order's second is read again (and dropped as a repeat): what comes next depends on order dates, not on places.
    const thousandth = compactDate(harness.sandbox.orders.values()[999]!.orderDate);
    expect(inputs.map((input) => [input['startOrderDate'], input['page'], input['limit'], 'deliveryStatus' in input])).toEqual([
      [formatJst(new Date(window.from), 'compact'), 1, 1000, false],
      [thousandth, 1, 1000, false],
    ]);
  });

  it('pages by page number when a page is not in ascending order date (how makeshop sorts is not documented)', async () => {
    const now = Date.parse('2026-11-22T10:00:00+09:00');
    const seeds = generateSeedOrders({ count: 1_205, seed: 3, from: new Date(now - 20 * 86_400_000), to: new Date(now - 3_600_000) });
    const descending = { variables: (input: SearchOrderInput) => ({ input: { ...input, sortOrder: 'DESC' } }) };
    harness = setUp({ seeds, connector: { searchPerDeliveryStatus: false, documents: { searchOrder: descending } } });
    const window = windowOf(harness.seeds);
    expect(await collect(harness.connector.listOrders(window))).toHaveLength(1_205);
    const inputs = harness.bodies().map((body) => body.variables.input);
    const start = formatJst(new Date(window.from), 'compact');
    expect(inputs.map((input) => [input['startOrderDate'], input['page']])).toEqual([
      [start, 1],
      [start, 2],
    ]);
  });

  it('a shipment is the order read first, then updateOrderDelivery with the destination, carrier code, tracking number and JST day', async () => {
    harness = setUp();
    const target = harness.seeds.find((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1)!;
    const result = await harness.connector.exportShipments([
      { orderId: target.id, carrier: 'yamato', shippingMethod: 'ネコポス', trackingNumber: '４９１２-３４５６-７８９０', shippedAt: '2026-11-21T23:30:00+09:00' },
    ]);
    expect(result.succeeded).toBe(1);
    const [read, write] = harness.bodies();
    expect(read!.variables).toEqual({ input: { displayOrderNumber: target.id, page: 1, limit: 1 } });
    expect(write).toEqual({
      query: 'mutation updateOrderDelivery($input: UpdateOrderDeliveryRequest!) { updateOrderDelivery(input: $input) { displayOrderNumber deliveryStatus } }',
      variables: {
        input: { displayOrderNumber: target.id, deliveryId: 1, deliveryStatus: 'Y', carrierCode: '030', slipNumber: '4912-3456-7890', shippingDate: '2026-11-21', sendMail: false },
      },
    });
  });

  it('checkCredentials probes with a one-minute search that asks for the count only', async () => {
    harness = setUp();
    harness.clock.set(NOW);
    await harness.connector.checkCredentials();
    expect(harness.bodies()).toEqual([
      {
        query: 'query checkCredentials($input: SearchOrderRequest!) { searchOrder(input: $input) { searchedCount page } }',
        variables: { input: { startOrderDate: '20261122095900', endOrderDate: '20261122100000', deliveryStatus: 'N', sortOrder: 'ASC', page: 1, limit: 1 } },
      },
    ]);
  });
});
