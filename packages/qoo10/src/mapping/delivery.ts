import { cleanText, type CarrierCode, type Delivery, type Mapped, type OrderItem, type RecordedShipment } from '@mallkit/core';
import { lineGoods } from './amounts.js';
import type { Line } from './lines.js';
import type { Qoo10Pack } from './pack.js';
import { receiverOf } from './parties.js';
import { calendarDay, yen } from './values.js';

/** Maps a DeliveryCompany name to a carrier code, warning when no table knows it (Qxpress / TracX Logis stay unmapped). */
export type CarrierReader = (name: string | null, field: string) => Mapped<CarrierCode> | null;

/** What Qoo10 says of a line beyond its prices, as item notes. */
function lineNotes(line: Line): string[] {
  const { row, claim } = line;
  const notes: string[] = [];
  // Gift is 사은품 (a giveaway) in the method table: the shop's free add-on item, not gift wrapping,
  // so it is a note and not the gift flag. UNVERIFIED live: no answer with a Gift value was published.
  const gift = cleanText(row?.Gift);
  if (gift) notes.push(`おまけ: ${gift}`);
  // SellerDiscount is 판매자 부담 할인 금액 (the discount the seller bears) in the method table; whether
  // it comes off the buyer's payment is not published, so it is a note here and left out of the
  // amounts with a warning (see amounts.ts).
  const sellerDiscount = row ? yen(row.SellerDiscount) : 0;
  if (sellerDiscount !== 0) notes.push(`販売者負担割引: ${sellerDiscount}円 (SellerDiscount)`);
  if (claim) notes.push(`claimStatus ${claim.claimStatus}`);
  return notes;
}

function itemOf(line: Line): OrderItem {
  const { row, claim } = line;
  if (row === null) {
    return {
      lineId: line.orderNo,
      productId: claim?.itemCode === undefined || claim.itemCode === null ? '' : String(claim.itemCode),
      sku: cleanText(claim?.sellerItemCode),
      name: cleanText(claim?.itemTitle) ?? '',
      quantity: Number(claim?.orderQty ?? 0),
      unitPrice: null,
      taxRate: null,
      options: [],
      notes: lineNotes(line),
    };
  }
  const goods = lineGoods(row);
  const option = cleanText(row.Option);
  const optionCode = cleanText(row.OptionCode);
  return {
    lineId: line.orderNo,
    productId: row.ItemNo,
    sku: cleanText(row.SellerItemCode),
    name: row.ItemTitle,
    quantity: row.OrderQty,
    unitPrice: row.OrderQty > 0 && goods % row.OrderQty === 0 ? goods / row.OrderQty : yen(row.OrderPrice),
    taxRate: null,
    options: option ? [{ name: 'オプション', value: option }, ...(optionCode ? [{ name: 'OptionCode', value: optionCode }] : [])] : [],
    notes: lineNotes(line),
  };
}

function shipmentsOf(pack: Qoo10Pack, carrier: CarrierReader): RecordedShipment[] {
  const seen = new Set<string>();
  const shipments: RecordedShipment[] = [];
  for (const row of pack.lines) {
    const tracking = cleanText(row.TrackingNo);
    if (tracking === null || seen.has(tracking)) continue;
    seen.add(tracking);
    shipments.push({ carrier: carrier(cleanText(row.DeliveryCompany), `deliveries[0].shipments[${shipments.length}].carrier`), trackingNumber: tracking, shippedOn: calendarDay(row.ShippingDate) });
  }
  return shipments;
}

/** The cart's one delivery: its receiver, every line as an item, the carrier planned and the shipments recorded. */
export function deliveryOf(pack: Qoo10Pack, lines: readonly Line[], carrier: CarrierReader): Delivery {
  const first = pack.lines[0] ?? null;
  const planned = pack.lines.find((row) => cleanText(row.DeliveryCompany) !== null && cleanText(row.TrackingNo) === null);
  return {
    deliveryId: pack.packNo,
    recipient: receiverOf(first, pack.claims[0] ?? null),
    items: lines.map(itemOf),
    carrier: planned ? carrier(cleanText(planned.DeliveryCompany), 'deliveries[0].carrier') : null,
    shippingMethod: cleanText(first?.ShippingWay),
    requestedDate: calendarDay(first?.DesiredDeliveryDate),
    timeSlot: null,
    shipments: shipmentsOf(pack, carrier),
  };
}
