import type { ItemOption, OrderItem, OrderWarning } from '@mallkit/core';
import type { AupayOrderDetail } from '../api/order-info.js';
import { yenOf } from './amounts.js';
import { textOf } from './text.js';

/*
 * One `detail` per line. The shop's item code is itemCode; a variant adds its itemManagementId,
 * and OMSs identify the variant by the two concatenated (Next Engine manual 25737). Options come
 * as `name=value&name=value` (yirry007/ksnerp_test `Tool.php` formatOption).
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

/** One line in the normalized model. */
export function toItem(detail: AupayOrderDetail, index: number, warnings: OrderWarning[]): OrderItem {
  const managementId = textOf(detail.itemManagementId) ?? '';
  const field = `deliveries[0].items[${index}]`;
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
