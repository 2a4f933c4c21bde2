import { ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ORDER_INFO_FIELD_LIST, ORDER_INFO_GROUPS, ITEM_FIELDS, ORDER_FIELDS } from '../src/api/fields.js';
import { createYahooConnector } from '../src/connector.js';
import { createYahooMappers } from '../src/mapping/codes.js';
import { MAPPED_ORDER_INFO_FIELDS } from '../src/mapping/mapped-fields.js';
import { toOrder } from '../src/mapping/order.js';
import type { SandboxOrderRecord } from '../src/testing/records.js';
import { seeds, setup, type Setup } from './harness.js';

/** Gives every catalogue field the record leaves empty a value, so that a mapping reading it would notice. */
function fillEveryField(record: SandboxOrderRecord): void {
  const fill = (values: Record<string, string>, names: readonly string[]): void => {
    for (const name of names) if ((values[name] ?? '') === '') values[name] = '1';
  };
  fill(record.order, ORDER_FIELDS);
  for (const [group, names] of Object.entries(ORDER_INFO_GROUPS)) fill(record[group as keyof typeof ORDER_INFO_GROUPS], names);
  for (const item of record.Item) fill(item.fields, ITEM_FIELDS);
}

/** The orderInfo `<Field>` sent by the n-th orderInfo request of the log. */
function fieldSent(env: Setup, index = 0): string {
  return /<Field>([^<]*)<\/Field>/.exec(env.sandbox.kit.log.filter({ operation: 'orderInfo' })[index]?.bodyText ?? '')?.[1] ?? '';
}

describe('orderInfo asks for the fields the mapping reads', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('maps every order the same from the mapped fields as from the whole catalogue (the list cannot miss a field the mapping reads)', async () => {
    env = setup();
    const adapted = env.sandbox.seed(seeds(24, 5));
    for (const order of adapted) {
      const record = env.sandbox.orders.get(order.id);
      if (record) fillEveryField(record);
    }
    const ids = adapted.map((order) => order.id);
    const read = await env.connector.getOrders(ids);
    const mappers = createYahooMappers();
    for (const [index, id] of ids.entries()) {
      const whole = await env.connector.client.orderInfo(id);
      if (whole === null) throw new Error(`no order ${id}`);
      const fromCatalogue = toOrder(whole, { shopId: 'snbx-mallkit', mappers });
      const { raw: _mappedRaw, ...mapped } = read[index] as typeof fromCatalogue;
      const { raw: _wholeRaw, ...expected } = fromCatalogue;
      expect(mapped, id).toEqual(expected);
    }
    expect(fieldSent(env)).toBe(MAPPED_ORDER_INFO_FIELDS.join(','));
    // The mapped list is a small part of what the raw client asks for.
    expect(MAPPED_ORDER_INFO_FIELDS.length).toBeLessThan(ORDER_INFO_FIELD_LIST.split(',').length / 3);
  });

  it('leaves the fields nobody asked for out of order.raw, as Yahoo answers only the <Field> list', async () => {
    env = setup();
    const [seed] = env.sandbox.seed(seeds(1, 9));
    const [order] = await env.connector.getOrders([seed?.id ?? '']);
    expect(order?.raw.OrderId).toBe(seed?.id);
    expect(order?.raw.Version).toBeUndefined();
    expect(order?.raw.Pay?.PayMethod).toBeDefined();
    expect(order?.raw.Pay?.SettleStatus).toBeUndefined();
    expect(order?.raw.Item?.[0]?.Title).toBeDefined();
    expect(order?.raw.Item?.[0]?.IsTaxable).toBeUndefined();
  });

  it('asks for extraOrderInfoFields too: their values show in order.raw, the normalized order is the same', async () => {
    env = setup();
    const [seed] = env.sandbox.seed(seeds(1, 9));
    const id = seed?.id ?? '';
    const [plain] = await env.connector.getOrders([id]);
    env.close();
    env = setup(undefined, { extraOrderInfoFields: ['Version', 'SettleStatus', 'IsTaxable', 'OrderId'] });
    env.sandbox.seed(seeds(1, 9));
    const [extended] = await env.connector.getOrders([id]);
    expect(fieldSent(env)).toBe(`${MAPPED_ORDER_INFO_FIELDS.join(',')},Version,SettleStatus,IsTaxable`);
    expect(extended?.raw.Version).toBe('1');
    expect(extended?.raw.Pay?.SettleStatus).toMatch(/^\d+$/);
    expect(extended?.raw.Item?.map((item) => item.IsTaxable)).toEqual(extended?.raw.Item?.map(() => 'true'));
    expect(plain?.raw.Version).toBeUndefined();
    const { raw: _a, ...withExtras } = extended ?? { raw: null };
    const { raw: _b, ...without } = plain ?? { raw: null };
    expect(withExtras).toEqual(without);
  });

  it('refuses an extra field that is not a field key, or a list past Yahoo\'s 10,000 bytes, when the connector is created', () => {
    const create = (extraOrderInfoFields: readonly string[]): unknown => {
      try {
        return createYahooConnector({ sellerId: 'snbx-mallkit', clientId: 'id', clientSecret: 'secret', refreshToken: 'token', extraOrderInfoFields });
      } catch (error) {
        return error;
      }
    };
    const notAKey = create(['Item.LineId']);
    expect(ValidationError.isInstance(notAKey) && notAKey.field).toBe('options.extraOrderInfoFields[0]');
    const tooLong = create(Array.from({ length: 1_500 }, (_, i) => `Field${i}`));
    expect(ValidationError.isInstance(tooLong) && tooLong.field).toBe('options.extraOrderInfoFields');
    expect(ValidationError.isInstance(create(['CardBrand']))).toBe(false);
  });
});
