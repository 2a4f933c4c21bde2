import { cleanText, tryParseJst } from '@mallkit/core';

/** The two times orderList and orderInfo give of an order's changes. */
export interface ChangeTimes {
  /** 「注文情報の最終更新日時」 (orderList.html), `YYYY-MM-DDTHH24:MI:SS+09:00`. */
  readonly LastUpdateTime?: string | undefined;
  /** 「不正保留解除時など、orderListから取得できるようになった時間」 (orderList.html), JST without offset. */
  readonly PublicationTime?: string | undefined;
}

/**
 * When the order last changed as the shop can see it: the later of LastUpdateTime and
 * PublicationTime. A release from fraud review is a change the shop sees, whether or not Yahoo
 * also moves LastUpdateTime for it (not documented). Null when neither time can be read.
 */
export function changedAt(times: ChangeTimes): Date | null {
  const candidates = [times.LastUpdateTime, times.PublicationTime]
    .map((value) => tryParseJst(cleanText(value)))
    .filter((date): date is Date => date !== null);
  if (candidates.length === 0) return null;
  return candidates.reduce((latest, date) => (date.getTime() > latest.getTime() ? date : latest));
}
