import type { Mapped } from '../model/mapped.js';
import type { OrderWarning } from '../model/warning.js';
import type { ValueMapper } from './value-mapper.js';

/**
 * Maps a raw value and, when no table knows it, adds the `unmapped_value` warning the OMS needs to
 * fix its 変換設定 — the same warning on every mall. A missing value gives null and, when
 * `required`, a `missing_field` warning.
 */
export function mapWithWarning<Code extends string>(
  mapper: ValueMapper<Code>,
  raw: string | null | undefined,
  field: string,
  warnings: OrderWarning[],
  options: { readonly required?: boolean } = {},
): Mapped<Code> | null {
  const mapped = mapper.map(raw);
  if (mapped === null) {
    if (options.required) {
      warnings.push({
        code: 'missing_field',
        field,
        message: { ja: `モールが ${field} を送りませんでした。`, en: `The mall sent no value for ${field}.` },
        raw: raw ?? null,
      });
    }
    return null;
  }
  if (mapped.code === 'unmapped') {
    warnings.push({
      code: 'unmapped_value',
      field,
      message: {
        ja: `「${mapped.raw}」は変換表にありません（${mapper.name}）。変換設定（mappers オプション）に追加してください。`,
        en: `"${mapped.raw}" is not in the ${mapper.name} table; add it to the mappers option (変換設定).`,
      },
      raw: mapped.raw,
    });
  }
  return mapped;
}
