import { afterEach, describe, expect, it } from 'vitest';
import { UnknownFieldsError } from '../src/index.js';
import { MAKESHOP_SANDBOX_ENDPOINT } from '../src/testing/index.js';
import { collect, rejection, setUp, windowOf, type Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

/** Sends a raw GraphQL request to the sandbox, as makeshop's endpoint receives it. */
async function post(h: Harness, body: unknown): Promise<{ status: number; json: { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: { code?: string } }> } }> {
  const { accessToken, apiKey } = h.sandbox.connectorOptions();
  const response = await fetch(MAKESHOP_SANDBOX_ENDPOINT, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'x-api-key': apiKey, 'x-timestamp': String(Math.floor(h.clock.now() / 1000)), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as never };
}

describe('inferred fields makeshop does not have', () => {
  it('are dropped from the documents for the connector\'s life, said once in the log, and the sync goes on', async () => {
    harness = setUp();
    harness.sandbox.hideFields('senderKana', 'slipNumber');
    const orders = await collect(harness.connector.listOrders(windowOf(harness.seeds)));
    expect(orders).toHaveLength(harness.seeds.length);
    expect(orders.every((order) => order.buyer.nameKana === null)).toBe(true);
    const statuses = harness.sandbox.kit.log.entries.map((entry) => entry.status);
    expect(statuses).toEqual([400, 200, 200, 200, 200]);
    const queries = harness.bodies().map((body) => body.query);
    expect(queries[0]).toContain('senderKana');
    expect(queries.slice(1).every((query) => !query.includes('senderKana') && !query.includes('slipNumber'))).toBe(true);
    // slipNumber is one of the fields shipping decisions rest on: an error, once, not a warning.
    expect(harness.lines.filter((line) => line.startsWith('error') && line.includes('senderKana, slipNumber'))).toHaveLength(1);
    expect(harness.connector.capabilities.verification?.unverified.at(-1)).toContain('senderKana, slipNumber');
    // getOrders shares the order selection: nothing is refused again.
    await harness.connector.getOrders([harness.seeds[0]!.id]);
    expect(harness.sandbox.kit.log.last()?.status).toBe(200);
  });

  it('a confirmed field makeshop refuses is not dropped: UnknownFieldsError names it, with the hint to replace the document', async () => {
    harness = setUp();
    harness.sandbox.hideFields('memberId');
    const error = await rejection(harness.connector.getOrders([harness.seeds[0]!.id]));
    expect(UnknownFieldsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_request', field: 'memberId', unknownFields: ['memberId'], mallCode: 'GRAPHQL_VALIDATION_FAILED' });
    expect((error as UnknownFieldsError).hint?.en).toContain('documents');
    expect(harness.sandbox.kit.log.count()).toBe(1);
  });

  it('an input field makeshop does not have (the inferred order-number filter) is an InvalidRequestError saying which', async () => {
    harness = setUp();
    harness.sandbox.hideFields('SearchOrderRequest.displayOrderNumber');
    const error = await rejection(harness.connector.getOrders([harness.seeds[0]!.id]));
    expect(error).toMatchObject({ code: 'invalid_request', mallCode: 'GRAPHQL_VALIDATION_FAILED' });
    expect(UnknownFieldsError.isInstance(error)).toBe(false);
    expect((error as UnknownFieldsError).hint?.en).toContain('documents');
    expect(String((error as Error).message)).toContain('Field "displayOrderNumber" is not defined by type "SearchOrderRequest"');
  });
});

describe('a refusal of the document that names no field (review L11)', () => {
  const unnamed = JSON.stringify({ errors: [{ message: 'Validation error', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
  const fault = { kind: 'status', status: 400, body: unnamed, headers: { 'content-type': 'application/json' } } as const;

  // Fails before: every listing failed with InvalidRequestError until the user wrote a document.
  it('falls back once to the confirmed fields only, logs it as an error, and the sync goes on', async () => {
    harness = setUp();
    harness.sandbox.kit.faults.inject(fault, { operation: 'searchOrder' });
    const orders = await collect(harness.connector.listOrders(windowOf(harness.seeds)));
    expect(orders).toHaveLength(harness.seeds.length);
    const queries = harness.bodies().map((body) => body.query);
    expect(queries[0]).toContain('senderKana');
    expect(queries.slice(1).every((query) => !query.includes('senderKana') && !query.includes('orderStatus') && query.includes('displayOrderNumber'))).toBe(true);
    expect(harness.lines.filter((line) => line.startsWith('error') && line.includes('orderStatus'))).toHaveLength(1);
    expect(orders.filter((order) => order.status.raw === 'N').every((order) => order.status.code === 'on_hold')).toBe(true);
  });

  it('when the confirmed-only document is refused as well, the fields come back and the refusal reaches the user', async () => {
    harness = setUp();
    harness.sandbox.kit.faults.inject(fault, { operation: 'getOrder', times: 2 });
    const error = await rejection(harness.connector.getOrders([harness.seeds[0]!.id]));
    expect(error).toMatchObject({ code: 'invalid_request', mallCode: 'GRAPHQL_VALIDATION_FAILED' });
    expect(harness.connector.capabilities.verification?.unverified.join(' ')).not.toContain('does not know');
    await harness.connector.getOrders([harness.seeds[0]!.id]);
    expect(harness.bodies().at(-1)?.query).toContain('senderKana');
  });
});

describe('replacing a document', () => {
  it('a replaced query is sent as given; aliases bring a differently named field under the name the mapping reads', async () => {
    const query =
      'query mine($input: SearchOrderRequest!) { searchOrder(input: $input) { searchedCount page orders { displayOrderNumber orderDate sumPrice deliveryStatus ' +
      'senderName: senderKana deliveryInfos { basketInfos { productName price amount productCode } } } } }';
    harness = setUp({ connector: { documents: { searchOrder: { query } } } });
    const orders = await collect(harness.connector.listOrders(windowOf(harness.seeds)));
    expect(harness.bodies()[0]?.query).toBe(query);
    expect(orders[0]?.buyer.name).toBe(harness.seeds[0]!.buyer.nameKana);
    expect(orders[0]?.payment.method).toEqual({ code: 'unmapped', raw: '' });
  });

  it('replaced variables are sent as built; the default query stays', async () => {
    harness = setUp({
      connector: { documents: { getOrder: { variables: (input) => ({ input: { displayOrderNumber: input.displayOrderNumber, limit: 1 } }) } } },
    });
    await harness.connector.getOrders([harness.seeds[0]!.id]);
    expect(harness.bodies()[0]).toMatchObject({ query: expect.stringContaining('query getOrder('), variables: { input: { displayOrderNumber: harness.seeds[0]!.id, limit: 1 } } });
  });

  it('a field of the user\'s own document is never dropped: the refusal reaches the user', async () => {
    const query = 'query mine($input: SearchOrderRequest!) { searchOrder(input: $input) { searchedCount orders { displayOrderNumber orderDate senderKana deliveryInfos { basketInfos { productName price amount } } } } }';
    harness = setUp({ connector: { documents: { searchOrder: { query } } } });
    harness.sandbox.hideFields('senderKana');
    const error = await rejection(collect(harness.connector.listOrders(windowOf(harness.seeds))));
    expect(UnknownFieldsError.isInstance(error)).toBe(true);
  });
});

describe('the sandbox speaks GraphQL', () => {
  it('answers with aliases, __typename and several root fields, projected onto the selection', async () => {
    harness = setUp();
    const { json } = await post(harness, {
      query: '{ first: searchOrder(input: { limit: 1, deliveryStatus: N }) { searchedCount orders { number: displayOrderNumber __typename } } all: searchOrder(input: {}) { searchedCount } }',
    });
    const first = json.data?.['first'] as { searchedCount: number; orders: Array<Record<string, unknown>> };
    expect(Object.keys(first.orders[0]!)).toEqual(['number', '__typename']);
    expect(first.orders[0]?.['__typename']).toBe('SearchedOrder');
    expect((json.data?.['all'] as { searchedCount: number }).searchedCount).toBe(harness.seeds.length);
  });

  it('refuses what it cannot parse, fragments, unknown root fields, and values outside SearchOrderRequest\'s rules', async () => {
    harness = setUp();
    const syntax = await post(harness, { query: 'query { searchOrder(input: {}) { searchedCount ' });
    expect(syntax).toMatchObject({ status: 400, json: { errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] } });
    const fragment = await post(harness, { query: '{ searchOrder(input: {}) { ...counts } } fragment counts on SearchOrderResponse { searchedCount }' });
    expect(fragment.json.errors?.[0]?.message).toContain('Fragments are not supported');
    const unknown = await post(harness, { query: 'query { getOrder(input: {}) { displayOrderNumber } }' });
    expect(unknown.json.errors?.[0]?.message).toBe('Cannot query field "getOrder" on type "Query".');
    const leaf = await post(harness, { query: 'query { searchOrder(input: {}) { orders } }' });
    expect(leaf.json.errors?.[0]?.message).toContain('must have a selection of subfields');
    const limit = await post(harness, { query: 'query q($input: SearchOrderRequest!) { searchOrder(input: $input) { searchedCount } }', variables: { input: { limit: 1001 } } });
    expect(limit).toMatchObject({ status: 200, json: { data: { searchOrder: null }, errors: [{ message: 'limit must be between 1 and 1000', extensions: { code: 'BAD_USER_INPUT' } }] } });
    const date = await post(harness, { query: 'query q($input: SearchOrderRequest!) { searchOrder(input: $input) { searchedCount } }', variables: { input: { startOrderDate: '2026-11-01' } } });
    expect(date.json.errors?.[0]?.message).toBe('startOrderDate must be yyyyMMddHHmmss');
  });

  it('refuses a ship date after today (JST) and an unknown carrier code', async () => {
    harness = setUp();
    const mutation = 'mutation m($input: UpdateOrderDeliveryRequest!) { updateOrderDelivery(input: $input) { deliveryStatus } }';
    const id = harness.seeds.find((seed) => seed.status === 'ready_to_ship')!.id;
    const input = { displayOrderNumber: id, deliveryId: 1, deliveryStatus: 'Y', slipNumber: '1', carrierCode: '002' };
    const future = await post(harness, { query: mutation, variables: { input: { ...input, shippingDate: '2026-11-23' } } });
    expect(future.json.errors?.[0]?.message).toBe('発送日に未来の日付は指定できません');
    const carrier = await post(harness, { query: mutation, variables: { input: { ...input, carrierCode: '005' } } });
    expect(carrier.json.errors?.[0]?.message).toContain('not a makeshop carrier code');
  });
});

describe('concurrent calls meeting the same unknown field', () => {
  it('both succeed: the second sees the field already dropped and asks again', async () => {
    harness = setUp();
    harness.sandbox.hideFields('senderTel');
    const [a, b] = await Promise.all([harness.connector.getOrders([harness.seeds[0]!.id]), harness.connector.getOrders([harness.seeds[1]!.id])]);
    expect([a[0]?.id, b[0]?.id]).toEqual([harness.seeds[0]!.id, harness.seeds[1]!.id]);
    expect(harness.sandbox.kit.log.entries.map((entry) => entry.status).sort()).toEqual([200, 200, 400, 400]);
  });
});
