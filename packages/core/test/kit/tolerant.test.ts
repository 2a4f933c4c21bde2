import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asArray, describeIssue, parseTolerant } from '../../src/kit/tolerant.js';

const orderInfo = z.looseObject({
  OrderId: z.string(),
  Pay: z.looseObject({ PayMethodName: z.string().optional() }).optional(),
  Item: z.array(z.looseObject({ ItemId: z.string(), Quantity: z.string() })),
  Status: z.union([z.literal('1'), z.literal('2')]).optional(),
});

describe('parseTolerant', () => {
  it('passes a value that fits without notes and without copying', () => {
    const value = { OrderId: 'a-1', Item: [{ ItemId: 'x', Quantity: '1' }] };
    const result = parseTolerant(orderInfo, value);
    expect(result).toMatchObject({ success: true, notes: [] });
  });

  it('wraps a single element where the schema wants a list (XML with one Item)', () => {
    const result = parseTolerant(orderInfo, { OrderId: 'a-1', Item: { ItemId: 'x', Quantity: '1' } });
    expect(result.success && result.data.Item).toEqual([{ ItemId: 'x', Quantity: '1' }]);
    expect(result.notes).toEqual([]);
  });

  it('keeps the first of several values where one is expected, and notes it (a repeated scalar element)', () => {
    const result = parseTolerant(orderInfo, { OrderId: ['a-1', 'a-1'], Pay: { PayMethodName: ['クレジットカード', 'PayPay'] }, Item: [] });
    expect(result.success && result.data.OrderId).toBe('a-1');
    expect(result.success && result.data.Pay?.PayMethodName).toBe('クレジットカード');
    expect(result.notes.map((n) => n.path)).toEqual(['OrderId', 'Pay.PayMethodName']);
    expect(result.notes[1]?.raw).toBe('["クレジットカード","PayPay"]');
  });

  it('leaves unknown keys alone and does not change the input', () => {
    const input = { OrderId: ['a'], Extra: ['x', 'y'], Item: [] };
    const result = parseTolerant(orderInfo, input);
    expect(result.success && (result.data as Record<string, unknown>)['Extra']).toEqual(['x', 'y']);
    expect(input.OrderId).toEqual(['a']);
  });

  it('bends inside unions and arrays of objects', () => {
    const result = parseTolerant(orderInfo, { OrderId: 'a', Status: ['2', '2'], Item: [{ ItemId: ['x', 'x'], Quantity: '1' }] });
    expect(result.success && result.data.Status).toBe('2');
    expect(result.success && result.data.Item[0]?.ItemId).toBe('x');
    expect(result.notes.map((n) => n.path).sort()).toEqual(['Item[0].ItemId', 'Status']);
  });

  it('fails, naming the path, when bending does not help', () => {
    const result = parseTolerant(orderInfo, { Item: [] });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssue(result.error)).toMatch(/^OrderId: /);
  });
});

describe('asArray', () => {
  it('turns nothing into [], one into [one], and copies arrays', () => {
    expect(asArray(undefined)).toEqual([]);
    expect(asArray(null)).toEqual([]);
    expect(asArray('a')).toEqual(['a']);
    const list = ['a', 'b'];
    expect(asArray(list)).toEqual(list);
    expect(asArray(list)).not.toBe(list);
  });
});
