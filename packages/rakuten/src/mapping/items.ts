import type { ItemOption, OrderItem, OrderWarning } from '@mallkit/core';
import type { RakutenItemModel } from '../api/order-model.js';
import { UNSET_PRICE } from '../api/constants.js';

/**
 * `selectedChoice` (and SKU `skuInfo`) lines `項目:選択肢`, one per line, HTML already stripped.
 * Split at the first colon, half- or full-width; a line without one is kept as a value with an
 * empty name rather than dropped.
 */
export function parseChoices(text: string | null | undefined): ItemOption[] {
  if (!text) return [];
  const options: ItemOption[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const colon = trimmed.search(/[:：]/);
    options.push(colon < 0 ? { name: '', value: trimmed } : { name: trimmed.slice(0, colon).trim(), value: trimmed.slice(colon + 1).trim() });
  }
  return options;
}

/**
 * ItemModel → OrderItem. `notes` come from the package and the order (のし, ラッピング). A -9999
 * unit price (未確定) becomes null, with a `sentinel_value` warning on `field` when `warn` is given.
 */
export function mapItem(item: RakutenItemModel, notes: readonly string[], warn?: (warning: OrderWarning) => void, field = 'items'): OrderItem {
  const sku = item.SkuModelList?.[0];
  const unit = item.priceTaxIncl ?? item.price ?? null;
  if (unit === UNSET_PRICE) {
    warn?.({ code: 'sentinel_value', field: `${field}.unitPrice`, message: { ja: `商品「${item.itemName}」の単価が未確定です（-9999）。`, en: `Unit price of "${item.itemName}" is not fixed yet (-9999).` }, raw: unit });
  }
  const choices = parseChoices(item.selectedChoice);
  return {
    lineId: String(item.itemDetailId),
    productId: item.manageNumber ?? item.itemNumber ?? String(item.itemId ?? ''),
    sku: sku?.merchantDefinedSkuId || sku?.variantId || null,
    name: item.itemName,
    quantity: item.units,
    unitPrice: unit === UNSET_PRICE ? null : unit,
    taxRate: item.taxRate ?? null,
    options: choices.length > 0 ? choices : parseChoices(sku?.skuInfo),
    notes,
  };
}
