import { describe, expect, it } from 'vitest';
import { chunk, mapInBatches } from '../src/iter/batch.js';

describe('chunk', () => {
  it('cuts into batches of the size, the last one shorter', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
    expect(chunk([1, 2], 5)).toEqual([[1, 2]]);
    expect(chunk(['a', 'b', 'c'], 1)).toEqual([['a'], ['b'], ['c']]);
  });

  it('gives no batch for an empty list', () => {
    expect(chunk([], 100)).toEqual([]);
  });

  it('cuts 250 order numbers into Rakuten getOrder batches of 100', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `order-${i}`);
    const batches = chunk(ids, 100);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(ids);
  });

  it('does not change the input', () => {
    const items = Object.freeze([1, 2, 3]);
    const batches = chunk(items, 2);
    batches[0]?.push(99);
    expect(items).toEqual([1, 2, 3]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects size %s with a RangeError', (size) => {
    expect(() => chunk([1], size)).toThrow(RangeError);
  });
});

describe('mapInBatches', () => {
  it('flattens results in input order and passes the batch index', async () => {
    const seen: Array<[number[], number]> = [];
    const result = await mapInBatches([1, 2, 3, 4, 5], 2, async (batch, index) => {
      seen.push([batch, index]);
      return batch.map((n) => `${index}:${n * 10}`);
    });
    expect(result).toEqual(['0:10', '0:20', '1:30', '1:40', '2:50']);
    expect(seen).toEqual([
      [[1, 2], 0],
      [[3, 4], 1],
      [[5], 2],
    ]);
  });

  it('runs one batch at a time, even when earlier batches are slower', async () => {
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    const result = await mapInBatches([30, 20, 10, 0], 1, async ([delay = 0], index) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      order.push(index);
      running -= 1;
      return [delay];
    });
    expect(maxRunning).toBe(1);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(result).toEqual([30, 20, 10, 0]);
  });

  it('keeps results that are longer or shorter than their batch', async () => {
    const result = await mapInBatches(['a', 'b', 'c'], 2, async (batch) => (batch.length === 2 ? [] : ['x', 'y', 'z']));
    expect(result).toEqual(['x', 'y', 'z']);
  });

  it('stops at the first failing batch and does not start the next', async () => {
    const started: number[] = [];
    const failure = new Error('batch 1 failed');
    await expect(
      mapInBatches([1, 2, 3], 1, async (_batch, index) => {
        started.push(index);
        if (index === 1) throw failure;
        return [index];
      }),
    ).rejects.toBe(failure);
    expect(started).toEqual([0, 1]);
  });

  it('returns [] for no items without calling run', async () => {
    let calls = 0;
    expect(
      await mapInBatches([], 10, async () => {
        calls += 1;
        return [];
      }),
    ).toEqual([]);
    expect(calls).toBe(0);
  });

  it('rejects a bad size before running anything', async () => {
    await expect(mapInBatches([1], 0, async () => [1])).rejects.toThrow(RangeError);
  });

  it('handles results too large to spread into push', async () => {
    const result = await mapInBatches([1], 1, async () => Array.from({ length: 300_000 }, (_, i) => i));
    expect(result).toHaveLength(300_000);
    expect(result.at(-1)).toBe(299_999);
  });
});
