import type { Hint, OrderWarning } from '@mallkit/core';

/*
 * The warnings a makeshop order can carry, worded once. A field this package inferred may simply
 * not exist at makeshop (the connector then stops asking for it); the order says what it lacks
 * instead of carrying a guessed value. Unmapped payment methods, time slots and carrier codes use
 * core's mapWithWarning.
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

/** A status value this package does not know: kept raw (an N order whose order status is unknown is held: see stateUnknown). */
export function unknownStatusValue(field: string, raw: string, what: Hint): OrderWarning {
  return {
    code: 'unmapped_value',
    field,
    message: {
      ja: `makeshopの${what.ja}「${raw}」はこのパッケージが知らない値です。管理画面で注文の状態を確認してください。`,
      en: `makeshop's ${what.en} "${raw}" is a value this package does not know. Check the order in makeshop's admin screen.`,
    },
    raw,
  };
}

/**
 * An unprocessed (N) order whose 仮注文 or payment state makeshop did not tell: it may be a 仮注文
 * or unpaid. `ready` when the user chose to treat such orders as ready to ship.
 */
export function stateUnknown(kind: 'provisional' | 'payment', ready: boolean): OrderWarning {
  const what =
    kind === 'provisional'
      ? { field: 'flags.provisional', ja: '仮注文かどうか（注文ステータス）', en: 'whether it is a provisional order (仮注文: its order status)' }
      : { field: 'payment.paidAt', ja: '入金状態（前払いの支払方法で入金済みか）', en: 'whether a pay-first order is paid (its payment status or method)' };
  const outcome = ready
    ? { ja: 'readyWhenPaymentUnknown の指定により ready_to_ship にしています。', en: 'It is ready_to_ship because readyWhenPaymentUnknown is set.' }
    : { ja: '保留（on_hold）にし、出荷登録も止めます。', en: 'It is on_hold, and shipments to it are refused.' };
  return {
    code: 'missing_field',
    field: what.field,
    message: {
      ja: `makeshopが${what.ja}を送らなかったため、決済確認前の注文かもしれません。${outcome.ja}管理画面で確認してから発送してください。`,
      en: `makeshop did not tell ${what.en}, so the order may not be paid yet. ${outcome.en} Check it in makeshop's admin screen before shipping.`,
    },
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
