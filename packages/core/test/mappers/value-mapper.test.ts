import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../src/errors/classes.js';
import { createValueMapper, defaultNormalizeKey } from '../../src/mappers/value-mapper.js';

type Fruit = 'apple' | 'orange' | 'grape';

const isFruit = (value: string): value is Fruit => value === 'apple' || value === 'orange' || value === 'grape';

function fruitMapper() {
  return createValueMapper<Fruit>({
    name: 'fruit',
    table: [
      ['りんご', 'apple'],
      ['リンゴ', 'apple'],
      ['Apple', 'apple'],
      ['オレンジ', 'orange'],
      ['Blood Orange', 'orange'],
    ],
    isCode: isFruit,
  });
}

describe('defaultNormalizeKey', () => {
  it.each([
    ['ｸﾚｼﾞｯﾄｶｰﾄﾞ', 'クレジットカード'],
    ['ＡＢＣ１２３', 'abc123'],
    ['  Amazon   Pay  ', 'amazon pay'],
    ['\u3000代引き\u3000', '代引き'],
    ['銀行振込（前払い）', '銀行振込(前払い)'],
    ['a\tb\nc', 'a b c'],
    ['ÄÖ', 'ÄÖ'],
  ])('%j → %j', (raw, key) => {
    expect(defaultNormalizeKey(raw)).toBe(key);
  });
});

describe('createValueMapper: map', () => {
  it.each([
    ['りんご', 'apple'],
    ['ﾘﾝｺﾞ', 'apple'],
    ['APPLE', 'apple'],
    ['ａｐｐｌｅ', 'apple'],
    ['  apple ', 'apple'],
    ['blood   orange', 'orange'],
    ['ＢＬＯＯＤ　ＯＲＡＮＧＥ', 'orange'],
  ])('%j → %s, raw kept as given', (raw, code) => {
    expect(fruitMapper().map(raw)).toStrictEqual({ code, raw });
  });

  it.each([null, undefined, '', '   ', '\u3000\u3000'])('%j → null', (raw) => {
    expect(fruitMapper().map(raw)).toBeNull();
  });

  it.each(['バナナ', '  Banana ', 'bloodorange', 'ﾊﾞﾅﾅ', 'りんご2'])('unknown %j → unmapped with the exact raw', (raw) => {
    expect(fruitMapper().map(raw)).toStrictEqual({ code: 'unmapped', raw });
  });

  it('accepts a Record table', () => {
    const mapper = createValueMapper<Fruit>({ name: 'fruit', table: { ぶどう: 'grape', Grape: 'grape' } });
    expect(mapper.map('ＧＲＡＰＥ')).toStrictEqual({ code: 'grape', raw: 'ＧＲＡＰＥ' });
    expect(mapper.entries()).toStrictEqual([
      ['ぶどう', 'grape'],
      ['Grape', 'grape'],
    ]);
  });

  it('uses a custom normalizeKey for table and lookups alike', () => {
    const mapper = createValueMapper<Fruit>({
      name: 'fruit',
      table: [['A-P-P-L-E', 'apple']],
      normalizeKey: (raw) => raw.replace(/-/g, '').toLowerCase(),
    });
    expect(mapper.map('apple')?.code).toBe('apple');
    expect(mapper.map('a-pple')?.code).toBe('apple');
  });
});

describe('createValueMapper: fallback', () => {
  it('is asked only when no override or row matches, with the raw string and its key', () => {
    const fallback = vi.fn((_raw: string, key: string): Fruit | undefined => (key.startsWith('grape') ? 'grape' : undefined));
    const mapper = createValueMapper<Fruit>({ name: 'fruit', table: [['apple', 'apple']], fallback });
    expect(mapper.map('APPLE')).toStrictEqual({ code: 'apple', raw: 'APPLE' });
    expect(fallback).not.toHaveBeenCalled();
    expect(mapper.map(' Grapefruit ')).toStrictEqual({ code: 'grape', raw: ' Grapefruit ' });
    expect(fallback).toHaveBeenLastCalledWith(' Grapefruit ', 'grapefruit');
    expect(mapper.map('pear')).toStrictEqual({ code: 'unmapped', raw: 'pear' });
  });

  it('loses to an override', () => {
    const mapper = createValueMapper<Fruit>({ name: 'fruit', table: [], fallback: () => 'grape' }).withOverrides({ x: 'apple' });
    expect(mapper.map('X')?.code).toBe('apple');
    expect(mapper.map('y')?.code).toBe('grape');
  });
});

describe('createValueMapper: overrides', () => {
  it('win over built-in rows and return a new mapper, leaving the original alone', () => {
    const original = fruitMapper();
    const before = original.entries();
    const custom = original.withOverrides({ ﾘﾝｺﾞ: 'grape', バナナ: 'orange' });

    expect(custom).not.toBe(original);
    expect(custom.map('りんご')).toStrictEqual({ code: 'apple', raw: 'りんご' });
    expect(custom.map('リンゴ')).toStrictEqual({ code: 'grape', raw: 'リンゴ' });
    expect(custom.map('バナナ')).toStrictEqual({ code: 'orange', raw: 'バナナ' });

    expect(original.map('リンゴ')).toStrictEqual({ code: 'apple', raw: 'リンゴ' });
    expect(original.map('バナナ')).toStrictEqual({ code: 'unmapped', raw: 'バナナ' });
    expect(original.entries()).toStrictEqual(before);
  });

  it('given at creation win too', () => {
    const mapper = createValueMapper<Fruit>({ name: 'fruit', table: [['apple', 'apple']], overrides: { APPLE: 'grape' } });
    expect(mapper.map('apple')?.code).toBe('grape');
  });

  it('chain: the latest call wins, earlier overrides stay', () => {
    const first = fruitMapper().withOverrides({ バナナ: 'orange', キウイ: 'grape' });
    const second = first.withOverrides({ ﾊﾞﾅﾅ: 'apple' });
    expect(second.map('バナナ')?.code).toBe('apple');
    expect(second.map('キウイ')?.code).toBe('grape');
    expect(first.map('バナナ')?.code).toBe('orange');
  });

  it('are copied: mutating the object afterwards changes nothing', () => {
    const overrides: Record<string, Fruit> = { バナナ: 'orange' };
    const mapper = fruitMapper().withOverrides(overrides);
    overrides['バナナ'] = 'grape';
    overrides['メロン'] = 'grape';
    expect(mapper.map('バナナ')?.code).toBe('orange');
    expect(mapper.map('メロン')?.code).toBe('unmapped');
  });

  it('show in entries(), replacing the built-in row they shadow', () => {
    const mapper = fruitMapper().withOverrides({ ｵﾚﾝｼﾞ: 'grape', バナナ: 'orange' });
    expect(mapper.entries()).toStrictEqual([
      ['りんご', 'apple'],
      ['リンゴ', 'apple'],
      ['Apple', 'apple'],
      ['Blood Orange', 'orange'],
      ['ｵﾚﾝｼﾞ', 'grape'],
      ['バナナ', 'orange'],
    ]);
  });

  it('reject a code isCode does not know (overrides often come from a database)', () => {
    const bad = { バナナ: 'banana' } as unknown as Record<string, Fruit>;
    expect(() => fruitMapper().withOverrides(bad)).toThrow(ValidationError);
    expect(() => fruitMapper().withOverrides(bad)).toThrow(/fruit\.overrides\["バナナ"\]: unknown code "banana"/);
  });

  it('reject two keys that normalize alike but disagree', () => {
    expect(() => fruitMapper().withOverrides({ バナナ: 'apple', ﾊﾞﾅﾅ: 'grape' })).toThrow(ValidationError);
  });

  it('reject a key that normalizes to nothing', () => {
    expect(() => fruitMapper().withOverrides({ '　': 'apple' })).toThrow(/empty/);
  });
});

describe('createValueMapper: table checks', () => {
  it('rejects rows that normalize alike but disagree', () => {
    expect(() =>
      createValueMapper<Fruit>({ name: 'fruit', table: [['Apple', 'apple'], ['ＡＰＰＬＥ', 'grape']] }),
    ).toThrow(ValidationError);
  });

  it('accepts rows that normalize alike and agree', () => {
    const mapper = createValueMapper<Fruit>({ name: 'fruit', table: [['Apple', 'apple'], ['ＡＰＰＬＥ', 'apple']] });
    expect(mapper.entries()).toStrictEqual([['Apple', 'apple']]);
  });

  it('rejects a code isCode does not know', () => {
    const table = [['x', 'banana']] as unknown as Array<readonly [string, Fruit]>;
    expect(() => createValueMapper<Fruit>({ name: 'fruit', table, isCode: isFruit })).toThrow(ValidationError);
  });

  it('keeps its name', () => {
    expect(fruitMapper().name).toBe('fruit');
    expect(fruitMapper().withOverrides({}).name).toBe('fruit');
  });
});
