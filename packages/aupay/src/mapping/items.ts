import { cleanText, type ItemOption, type OrderItem, type OrderWarning } from '@mallkit/core';
import type { AupayOrderDetail } from '../api/order-info.js';
import { yenOf } from './amounts.js';
import { textOf } from './text.js';

/*
 * One `detail` per line. The shop's item code is itemCode; a variant adds its itemManagementId,
 * and OMSs identify the variant by the two concatenated (Next Engine manual 25735: the API and CSV
 * carry itemCode + itemManagementId). Options come as `name=value&name=value`
 * (yirry007/ksnerp_test `Tool.php` formatOption).
 *
 * itemCancelStatus marks a cancelled line. Its values are not published: `N` is what live lines
 * carry (nakyahara/bfaith-portal fixtures); `Y` and `C` — the values au PAY's other flags use
 * (`Y` for shipStatus and paymentStatus, `C` in that tool's cancelled order) — are read as
 * cancelled (UNVERIFIED). A cancelled line is left out of the items, so that an OMS does not pick
 * it; the order keeps it in `raw` and a warning names it. Any other value keeps the line and is
 * reported as unreadable.
 */

/** The options the buyer chose: `カラー=ネイビー&サイズ=M` → two options; text without `=` is one unnamed option. */
export function optionsOf(raw: string): ItemOption[] {
  const text = raw.trim();
  if (text === '') return [];
  if (!text.includes('=')) return [{ name: '', value: text }];
  return text
    .split('&')
    .filter((pair) => pair.trim() !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? { name: '', value: pair.trim() } : { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
    });
}

/** A tax rate as a fraction: `10` or `10%` → 0.1, `0.08` → 0.08; null when not readable. */
export function taxRateOf(raw: string | undefined): number | null {
  const value = Number((raw ?? '').replace('%', '').trim());
  if ((raw ?? '').trim() === '' || !Number.isFinite(value) || value < 0) return null;
  return value >= 1 ? Math.round(value * 100) / 10_000 : value;
}

/** Gift and wrapping requests of a line, as notes. */
function notesOf(detail: AupayOrderDetail): string[] {
  const notes: string[] = [];
  const wrapping = detail.giftWrappingType?.trim();
  if (wrapping) notes.push(`ギフト包装: ${wrapping}`);
  const message = textOf(detail.giftMessage);
  if (message) notes.push(`ギフトメッセージ: ${message}`);
  const noshi = [detail.noshiPresenterName1, detail.noshiPresenterName2, detail.noshiPresenterName3].map((name) => name?.trim()).filter(Boolean);
  if (noshi.length > 0) notes.push(`のし名入れ: ${noshi.join(' ')}`);
  const discount = Number(detail.discount ?? '');
  if (Number.isFinite(discount) && discount > 0) notes.push(`値引: ${discount}円/個（単価に反映済み）`);
  return notes;
}

/** True when the line carries a gift request. */
export function isGiftLine(detail: AupayOrderDetail): boolean {
  return Boolean(detail.giftWrappingType?.trim() || textOf(detail.giftMessage) || detail.noshiPresenterName1?.trim());
}

/** One line in the normalized model: the `index`-th detail of the order, at `position` among the items. */
function toItem(detail: AupayOrderDetail, index: number, position: number, warnings: OrderWarning[]): OrderItem {
  const managementId = textOf(detail.itemManagementId) ?? '';
  const field = `deliveries[0].items[${position}]`;
  return {
    lineId: detail.orderDetailId?.trim() || String(index + 1),
    productId: detail.itemCode,
    sku: `${detail.itemCode}${managementId}`,
    name: detail.itemName?.trim() ?? '',
    quantity: Number(detail.unit.trim()),
    unitPrice: yenOf(detail.itemPrice, `${field}.unitPrice`, warnings),
    taxRate: taxRateOf(detail.taxRate),
    options: optionsOf(textOf(detail.itemOption) ?? ''),
    notes: notesOf(detail),
  };
}

/** itemCancelStatus values read as "this line is cancelled" (UNVERIFIED, see the file comment). */
const CANCELLED_LINE: ReadonlySet<string> = new Set(['Y', 'C']);
/** itemCancelStatus values of a live line. */
const LIVE_LINE: ReadonlySet<string> = new Set(['N']);

/** The order's live lines in the normalized model; cancelled lines are left out with a warning. */
export function toItems(details: readonly AupayOrderDetail[], warnings: OrderWarning[]): OrderItem[] {
  const items: OrderItem[] = [];
  const cancelled: string[] = [];
  details.forEach((detail, index) => {
    const flag = cleanText(detail.itemCancelStatus)?.toUpperCase() ?? 'N';
    if (CANCELLED_LINE.has(flag)) {
      cancelled.push(detail.orderDetailId?.trim() || String(index + 1));
      return;
    }
    if (!LIVE_LINE.has(flag)) {
      warnings.push({
        code: 'unparsed_value',
        field: `deliveries[0].items[${items.length}]`,
        message: { ja: `明細のキャンセル区分「${flag}」を読めません。明細はそのまま渡します。`, en: `The line's cancel flag "${flag}" is not known; the line is kept.` },
        raw: flag,
      });
    }
    items.push(toItem(detail, index, items.length, warnings));
  });
  if (cancelled.length > 0) {
    warnings.push({
      code: 'inconsistent_amounts',
      field: 'deliveries[0].items',
      message: {
        ja: `キャンセルされた明細（${cancelled.join(', ')}）は items に含めていません（raw.detail に残っています）。金額は au PAY が送った値のままです。`,
        en: `Cancelled lines (${cancelled.join(', ')}) are left out of items (raw.detail keeps them); the amounts are as au PAY sent them.`,
      },
      raw: cancelled.join(','),
    });
  }
  return items;
}
