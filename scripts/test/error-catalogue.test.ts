import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRows, cataloguePath, MALLS, renderCatalogue } from '../error-catalogue.js';

/*
 * The error catalogue of the guides is generated from each connector's src/errors.ts (decision
 * 0402). This fails when an error table changed and the pages were not regenerated:
 *   node --import tsx scripts/error-catalogue.ts
 */
const rows = allRows();

describe('error catalogue (docs/guides/{ja,en}/errors-catalogue.md)', () => {
  it.each(['ja', 'en'] as const)('the %s page is current (regenerate with node --import tsx scripts/error-catalogue.ts)', (lang) => {
    expect(readFileSync(cataloguePath(lang), 'utf8')).toBe(renderCatalogue(lang, rows));
  });

  it.each(MALLS)('finds the error table of %s', (mall) => {
    expect(rows.get(mall)?.length ?? 0).toBeGreaterThan(0);
  });

  it('every hint an error table gives has both languages', () => {
    const oneLanguage = [...rows.values()].flat().filter((row) => row.hint !== null && (row.hint.ja === '' || row.hint.en === ''));
    expect(oneLanguage.map((row) => `${row.mall}:${row.line} ${row.errorClass}`)).toEqual([]);
  });

  it('reads codes, classes, retry and hints as the tables define them', () => {
    const rakuten = rows.get('rakuten') ?? [];
    expect(rakuten).toContainEqual(expect.objectContaining({ codes: ['GA0003'], errorClass: 'RateLimitError', retryable: 'yes' }));
    expect(rakuten).toContainEqual(expect.objectContaining({ codes: ['ES04-01'], errorClass: 'PermissionError', retryable: 'no' }));
    // A code held in a sibling module's constant (CONFIRM_CODES.postageUnset) is resolved.
    expect(rakuten).toContainEqual(expect.objectContaining({ codes: ['ORDER_EXT_API_CONFIRM_ORDER_ERROR_105'], errorClass: 'OrderStateError' }));
    const qoo10 = rows.get('qoo10') ?? [];
    expect(qoo10).toContainEqual(expect.objectContaining({ codes: ['-90004', '-90005'], errorClass: 'CredentialError' }));
    expect(qoo10).toContainEqual(expect.objectContaining({ codes: ['-10003'], hint: { ja: 'クレーム検索の期間は90日以内です。', en: 'Claim searches cover at most 90 days.' } }));
    const yahoo = rows.get('yahoo') ?? [];
    // The table decides at run time: retried once, then final (the daily cap).
    expect(yahoo).toContainEqual(expect.objectContaining({ errorClass: 'RateLimitError', retryable: 'depends' }));
    expect(rows.get('redis')).toContainEqual(expect.objectContaining({ errorClass: 'RedisUnavailableError', retryable: 'yes' }));
  });
});
