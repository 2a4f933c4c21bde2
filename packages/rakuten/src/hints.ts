import type { Hint } from '@mallkit/core';

/*
 * What the shop should do, in the words of the screens it will use. The RMS menu paths follow the
 * vendors' manuals cited in the README (help.teps.io, stockcrew, next-engine, logiless).
 */

/** licenseKey rejected: renew it in RMS and paste the new one. */
export const RENEW_LICENSE_KEY_HINT: Hint = {
  ja:
    'licenseKey（ライセンスキー）が期限切れか無効です。RMS → 店舗様向け情報・サービス → WEB APIサービス → 利用設定 → 「ライセンスキーの確認・変更」で新しいライセンスキーを発行し、設定に貼り付け直してください。' +
    '新しいキーを発行した瞬間に古いキーは使えなくなるため、同じキーを使う他のシステムも更新が必要です。手入力の場合は I と l の打ち間違いもご確認ください。',
  en:
    'The licenseKey has expired or is invalid. In RMS open 店舗様向け情報・サービス → WEB APIサービス → 利用設定 → 「ライセンスキーの確認・変更」, issue a new key and paste it into the settings. ' +
    'Issuing a new key invalidates the old one at once, so every other system using it must be updated too. If the key was typed by hand, check for I/l mix-ups.',
};

/** licenseKey about to expire. */
export const EXPIRING_LICENSE_KEY_HINT: Hint = {
  ja: 'licenseKey（ライセンスキー）の有効期限が近づいています（有効期間は約90日）。RMS → WEB APIサービス → 利用設定 → 「ライセンスキーの確認・変更」で新しいキーを発行し、発行後すぐに設定へ貼り付けてください。',
  en: 'The licenseKey expires soon (keys last about 90 days). Issue a new one in RMS → WEB APIサービス → 利用設定 → 「ライセンスキーの確認・変更」 and paste it into the settings right away.',
};

/** The API function is not enabled for this application in RMS (ES04-01). */
export const ENABLE_FUNCTION_HINT: Hint = {
  ja: 'RMS → 店舗様向け情報・サービス → WEB APIサービス → 利用設定 → 利用機能編集で、「楽天ペイ受注API（RakutenPay_OrderAPI）」の該当機能（rpay.order.searchOrder / getOrder / confirmOrder / updateOrderShipping / getPayment など）を「利用する」に設定してください。',
  en: 'In RMS → WEB APIサービス → 利用設定 → 利用機能編集, set the needed 楽天ペイ受注API (RakutenPay_OrderAPI) functions (rpay.order.searchOrder, getOrder, confirmOrder, updateOrderShipping, getPayment…) to 「利用する」.',
};

/** confirmOrder refused with 105: postage is still -9999. */
export const SET_POSTAGE_FIRST_HINT: Hint = {
  ja: '送料が未設定の注文です（送料 -9999）。RMS の受注管理（または updateOrderSender）で送料を設定してから、もう一度注文確認してください。',
  en: 'The order has no shipping fee yet (postage -9999). Set the postage in RMS order management (or with updateOrderSender) first, then confirm the order again.',
};

/** The order is cancelled. */
export const ORDER_CANCELLED_HINT: Hint = {
  ja: 'この注文はキャンセル済み（またはキャンセル確定待ち）のため、この操作はできません。RMS で注文のステータスを確認してください。',
  en: 'The order is cancelled (or its cancellation is pending), so this operation is not possible. Check the order in RMS.',
};

/** Too many requests. */
export const QPS_HINT: Hint = {
  ja: '楽天のリクエスト数の上限（QPS）を超えました。自動で待ってから再送します。同じライセンスキーを複数のシステムで使っている場合は、rateLimit を共有するか下げてください。',
  en: "Rakuten's request-rate limit (QPS) was exceeded; the request is retried after a pause. If several systems share this licenseKey, share or lower the rateLimit.",
};

/** Maintenance. */
export const MAINTENANCE_HINT: Hint = {
  ja: '楽天 RMS API がメンテナンス中または過負荷です。時間をおいて再度実行してください。',
  en: 'The RMS API is in maintenance or overloaded. Try again later.',
};
