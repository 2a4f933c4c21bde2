import { describe, expect, it } from 'vitest';
import type { TimeSlotCode } from '../../src/model/codes.js';
import { isTimeSlotCode, normalizeTimeSlotKey, parseTimeSlot, timeSlotMapper } from '../../src/mappers/time-slot.js';

describe('parseTimeSlot', () => {
  it.each<[string, TimeSlotCode]>([
    // 午前中
    ['午前中', '08-12'],
    ['午前', '08-12'],
    ['AM', '08-12'],
    ['am', '08-12'],
    ['8時～12時', '08-12'],
    ['08:00-12:00', '08-12'],
    ['8-12時', '08-12'],
    ['0812', '08-12'],
    ['812', '08-12'],
    ['8時から12時', '08-12'],
    ['午前中（8時～12時）', '08-12'],
    ['午前中(08:00-12:00)', '08-12'],
    // 14-16
    ['14時～16時', '14-16'],
    ['14:00-16:00', '14-16'],
    ['14:00～16:00', '14-16'],
    ['14-16時', '14-16'],
    ['14-16', '14-16'],
    ['1416', '14-16'],
    ['14時-16時', '14-16'],
    ['14～16時', '14-16'],
    ['14時00分～16時00分', '14-16'],
    ['14時～16時まで', '14-16'],
    // evening
    ['19時～21時', '19-21'],
    ['19-21', '19-21'],
    ['18時～20時', '18-20'],
    ['20時～21時', '20-21'],
    ['12:00～14:00', '12-14'],
    ['16時～18時', '16-18'],
    // Rakuten shippingTerm h1h2: last two digits are the end hour.
    ['708', '07-08'],
    ['2324', '23-24'],
    ['1921', '19-21'],
    ['1012', '10-12'],
    ['1', '08-12'],
    // 24 is allowed as an end hour
    ['23時～24時', '23-24'],
    ['0-24', '00-24'],
    // 指定なし
    ['指定なし', 'unspecified'],
    ['なし', 'unspecified'],
    ['希望なし', 'unspecified'],
    ['時間指定なし', 'unspecified'],
    ['指定無し', 'unspecified'],
    ['0', 'unspecified'],
  ])('%j → %s', (raw, code) => {
    expect(parseTimeSlot(raw)).toStrictEqual({ code, raw });
  });

  it.each<[string, TimeSlotCode]>([
    ['１４時～１６時', '14-16'],
    ['１４：００－１６：００', '14-16'],
    ['14時〜16時', '14-16'],
    ['14時~16時', '14-16'],
    ['14時−16時', '14-16'],
    ['14時ー16時', '14-16'],
    ['14時ｰ16時', '14-16'],
    ['14時‐16時', '14-16'],
    ['14時–16時', '14-16'],
    ['14時―16時', '14-16'],
    ['14 時 ～ 16 時', '14-16'],
    ['\u300014:00 - 16:00\u3000', '14-16'],
    ['１４１６', '14-16'],
    ['ＡＭ', '08-12'],
    ['午前 中', '08-12'],
    ['時間 指定 なし', 'unspecified'],
    ['０', 'unspecified'],
  ])('normalizes width, dashes and spaces: %j → %s', (raw, code) => {
    expect(parseTimeSlot(raw)).toStrictEqual({ code, raw });
  });

  it.each([
    // Deliberately unmapped (see the comment in time-slot.ts): the shop decides.
    '夜間',
    '午後',
    'PM',
    '2',
    '9',
    // Invalid hours or order
    '25-26',
    '14-25',
    '16-14',
    '14-14',
    '2400',
    '2501',
    // Half hours cannot be a whole-hour code
    '14:30-16:00',
    '14時～16時30分',
    // Below Rakuten's h1 range, which also keeps Yahoo's zone codes 101–105 out
    '102',
    '0608',
    // The two halves disagree
    '午前中(9時～12時)',
    // Not a slot at all
    '14',
    '1400-1600',
    'お昼ごろ',
    '14時頃',
  ])('%j → unmapped with the exact raw', (raw) => {
    expect(parseTimeSlot(raw)).toStrictEqual({ code: 'unmapped', raw });
  });

  it.each([null, undefined, '', '   ', '\u3000'])('%j → null', (raw) => {
    expect(parseTimeSlot(raw)).toBeNull();
  });
});

describe('timeSlotMapper', () => {
  it('is what parseTimeSlot uses', () => {
    expect(timeSlotMapper.map('14-16')).toStrictEqual(parseTimeSlot('14-16'));
    expect(timeSlotMapper.name).toBe('timeSlot');
  });

  it('takes shop strings as overrides, normalized like everything else', () => {
    const shop = timeSlotMapper.withOverrides({ 夜間: '19-21', '2': '14-16', 'お昼(12〜14時)': '12-14' });
    expect(shop.map('夜間')).toStrictEqual({ code: '19-21', raw: '夜間' });
    expect(shop.map('2')).toStrictEqual({ code: '14-16', raw: '2' });
    expect(shop.map('お昼（12～14時）')).toStrictEqual({ code: '12-14', raw: 'お昼（12～14時）' });
    // Built-ins and the parser still work on the new mapper.
    expect(shop.map('午前中')?.code).toBe('08-12');
    expect(shop.map('1416')?.code).toBe('14-16');
    // The built-in mapper is unchanged.
    expect(timeSlotMapper.map('夜間')?.code).toBe('unmapped');
    expect(parseTimeSlot('2')?.code).toBe('unmapped');
  });

  it('lets an override beat the parser and the word table', () => {
    const shop = timeSlotMapper.withOverrides({ '14時～16時': '14-18', 午前中: '09-12' });
    expect(shop.map('14-16時')?.code).toBe('14-16');
    expect(shop.map('14時〜16時')?.code).toBe('14-18');
    expect(shop.map('午前中')?.code).toBe('09-12');
    expect(timeSlotMapper.map('午前中')?.code).toBe('08-12');
  });

  it('rejects an override that is not a well-formed slot', () => {
    expect(() => timeSlotMapper.withOverrides({ 夜間: '21-19' as TimeSlotCode })).toThrow(/unknown code "21-19"/);
    expect(() => timeSlotMapper.withOverrides({ 夜間: '7-9' as TimeSlotCode })).toThrow(/unknown code/);
  });

  it('lists its built-in words in entries()', () => {
    const words = new Map(timeSlotMapper.entries());
    expect(words.get('午前中')).toBe('08-12');
    expect(words.get('指定なし')).toBe('unspecified');
  });
});

describe('isTimeSlotCode', () => {
  it.each(['08-12', '14-16', '19-21', '23-24', '00-24', 'unspecified'])('%j is a code', (value) => {
    expect(isTimeSlotCode(value)).toBe(true);
  });
  it.each(['8-12', '12-08', '14-14', '24-25', '08:00-12:00', 'unmapped', ''])('%j is not', (value) => {
    expect(isTimeSlotCode(value)).toBe(false);
  });
});

describe('normalizeTimeSlotKey', () => {
  it.each([
    ['１４時〜１６時', '14時-16時'],
    ['14 : 00 ～ 16 : 00', '14:00-16:00'],
    ['ＡＭ', 'am'],
  ])('%j → %j', (raw, key) => {
    expect(normalizeTimeSlotKey(raw)).toBe(key);
  });
});
