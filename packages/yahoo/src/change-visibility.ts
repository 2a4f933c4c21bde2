import type { ChangeVisibility } from '@mallkit/core';

/**
 * How a sync sees changes on Yahoo. orderList cannot search by update time (LastUpdateTime is a
 * Field, not a Condition: orderList.html), but lists it for 2,000 orders a request: a sync since
 * the last cursor lists the orders placed within the look-back and reads in detail only those
 * whose LastUpdateTime (or PublicationTime, a release from fraud review) moved since.
 */
export function yahooChanges(lookbackDays: number): ChangeVisibility {
  return {
    searches: [{ dateType: 'updated', mode: 'since' }],
    // No lag is documented: LastUpdateTime is the change itself. The sync's own overlap (10 minutes) covers clock skew.
    visibilityLagMs: 0,
    lookbackDays,
    blindSpots: {
      ja:
        `注文検索APIは更新日時で検索できないため、注文日時が${lookbackDays}日（changeLookbackDays）以内の注文の最終更新日時を一覧で確かめ、変わった注文だけを取得します。` +
        'それより前の注文の変更（キャンセル、入金、住所変更など）は検知できません。不正注文審査の解除は公開日時で検知します。' +
        'Yahoo!が最終更新日時を動かさない変更（10分間の読み取り専用の終了など。未確認）は、次にその注文が変わるまで届きません。' +
        'includeFraudHeld: false のときは、審査中の注文は解除まで届かず、再び保留（ルール悪用確定）になって一覧から消えた注文は通知されません。',
      en:
        `orderList cannot search by update time: a sync checks the LastUpdateTime of the orders placed within ${lookbackDays} days (changeLookbackDays) and reads only those that changed. ` +
        'Changes to orders placed earlier (a cancellation, a payment, an address change) are not seen; a release from fraud review is (by PublicationTime). ' +
        'A change for which Yahoo does not move LastUpdateTime (perhaps the end of the 10-minute read-only window; unverified) arrives with the order\'s next change. ' +
        'With includeFraudHeld: false, held orders arrive only once released, and an order held again (ルール悪用確定) leaves the list without an event.',
    },
  };
}
