import { describe, expect, it } from 'vitest';
import { parseYen } from '../src/mapping/money.js';

describe('parseYen', () => {
  it('reads yen strings exactly', () => {
    expect(parseYen('1980')).toBe(1980);
    expect(parseYen('1980.00', 'JPY')).toBe(1980);
    expect(parseYen('-50')).toBe(-50);
    expect(parseYen('9007199254740991')).toBe(9007199254740991);
  });
  it('refuses fractions, other currencies and junk', () => {
    expect(parseYen('19.99', 'JPY')).toBeNull();
    expect(parseYen('1980', 'USD')).toBeNull();
    expect(parseYen('1,980')).toBeNull();
    expect(parseYen(undefined)).toBeNull();
  });
});
