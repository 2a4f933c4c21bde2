import type { Hint, OrderWarning } from '@mallkit/core';

/*
 * The warnings a makeshop order can carry, worded once. A field this package inferred may simply
 * not exist at makeshop (the connector then stops asking for it); the order says what it lacks
 * instead of carrying a guessed value.
 */

/** The order is a 仮注文: payment not completed, must not be shipped. */
export const PROVISIONAL_WARNING: OrderWarning = {
  code: 'provisional_order',
  field: 'flags.provisional',
  message: {
    ja: '仮注文です（外部決済の認証が完了していません）。決済が確認されるまで発送しないでください。決済が完了するとmakeshopが通常の注文に変え、完了しなければ注文を削除します。',
    en: 'A provisional order (仮注文): the external payment has not completed. Do not ship it until payment is confirmed; makeshop turns it into a normal order when payment completes and deletes it when it does not.',
  },
};

/** A value the order should have but makeshop did not send. */
export function missingField(field: string, what: Hint): OrderWarning {
  return {
    code: 'missing_field',
    field,
    message: { ja: `makeshopが${what.ja}を送りませんでした。`, en: `makeshop sent no ${what.en}.` },
  };
}

/** A value makeshop sent that could not be read; kept raw. */
export function unparsedValue(field: string, raw: string | number, why: string): OrderWarning {
  return {
    code: 'unparsed_value',
    field,
    message: { ja: `読み取れない値です（${raw}）: ${why}`, en: `Could not read ${JSON.stringify(raw)}: ${why}` },
    raw: typeof raw === 'number' ? raw : raw.slice(0, 200),
  };
}

/** A value no mapping table knows: the shop adds it to its 変換設定 (`mappers`). */
export function unmappedValue(field: string, raw: string, table: string): OrderWarning {
  return {
    code: 'unmapped_value',
    field,
    message: {
      ja: `「${raw}」は${table}の変換表にありません。mappers オプションで変換を追加してください。`,
      en: `"${raw}" is not in the ${table} table; add it with the \`mappers\` option.`,
    },
    raw,
  };
}

/** The amounts do not add up. */
export function inconsistentAmounts(detail: string): OrderWarning {
  return {
    code: 'inconsistent_amounts',
    field: 'amounts.total',
    message: { ja: `金額が合いません: ${detail}`, en: `The amounts do not add up: ${detail}` },
  };
}
