import { describe, expect, it } from 'vitest';
import { defaultNormalizeKey } from '../../src/mappers/value-mapper.js';
import { normalizePostalCode } from '../../src/normalize/address.js';
import { joinText } from '../../src/normalize/text.js';

describe('joinText', () => {
  it('joins the cleaned, non-empty parts with the separator', () => {
    expect(joinText(['山田', ' 太郎 '])).toBe('山田 太郎');
    expect(joinText(['03', 1234, '5678'], '-')).toBe('03-1234-5678');
    expect(joinText(['150', '0001'], '')).toBe('1500001');
  });

  it('skips absent, empty and blank parts, and gives null when none is left', () => {
    expect(joinText([null, '  ', '太郎', undefined, ''])).toBe('太郎');
    expect(joinText([null, ' ', ''])).toBeNull();
    expect(joinText([])).toBeNull();
  });
});

describe('normalizePostalCode', () => {
  it.each([
    ['1500001', '1500001'],
    ['150-0001', '1500001'],
    [' 150-0001 ', '1500001'],
    ['１５０－０００１', '1500001'],
    ['〒150-0001', '1500001'],
    ['150 0001', '1500001'],
    ['150--0001', '1500001'],
    ['1500-001', '1500001'],
    ['15000011', '15000011'],
    ['SW1A 1AA', 'SW1A 1AA'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePostalCode(raw)).toBe(expected);
  });

  it('gives null for nothing', () => {
    expect(normalizePostalCode(null)).toBeNull();
    expect(normalizePostalCode('  ')).toBeNull();
  });
});

describe('defaultNormalizeKey (remembers keys it computed)', () => {
  it('gives the same key the first time and later', () => {
    const raws = ['ｸﾚｼﾞｯﾄｶｰﾄﾞ', ' Credit  Card ', 'ＰａｙＰａｙ', '代金引換'];
    const first = raws.map(defaultNormalizeKey);
    expect(first).toEqual(['クレジットカード', 'credit card', 'paypay', '代金引換']);
    expect(raws.map(defaultNormalizeKey)).toEqual(first);
  });

  it('stays right after more distinct values than it keeps', () => {
    for (let i = 0; i < 5000; i += 1) expect(defaultNormalizeKey(`ＭＥＴＨＯＤ ${i}`)).toBe(`method ${i}`);
    expect(defaultNormalizeKey('ｸﾚｼﾞｯﾄｶｰﾄﾞ')).toBe('クレジットカード');
  });
});
