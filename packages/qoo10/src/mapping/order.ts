import type { Delivery, Order, OrderAmounts, OrderItem, OrderStatus, OrderWarning, PaymentMethodCode, RecordedShipment, ValueMapper } from '@mallkit/core';
import type { Qoo10ClaimRow } from '../api/claim-info.js';
import type { Qoo10ShippingRow } from '../api/shipping-info.js';
import { carrierOf } from './carrier.js';
import type { Qoo10Pack } from './pack.js';
import { buyerOf, receiverOf } from './parties.js';
import { paymentDateOf, paymentMethodOf } from './payment.js';
import { lineStatus, packStatus, shippingStatusCode } from './status.js';
import { calendarDay, cartAmount, isoTime, text, yen } from './values.js';

/** What the mapping needs besides the cart. */
export interface OrderMappingContext {
  readonly shopId: string;
  readonly paymentMapper: ValueMapper<PaymentMethodCode>;
}

/** One line of a cart with its claim, as the mapping sees it. */
interface Line {
  readonly orderNo: string;
  readonly row: Qoo10ShippingRow | null;
  readonly claim: Qoo10ClaimRow | null;
  readonly status: OrderStatus;
}

/** Every line of the cart: the GetShippingInfo_v3 rows, then the lines seen only through a claim (cancelled ones). */
export function linesOf(pack: Qoo10Pack): Line[] {
  const claims = new Map(pack.claims.map((claim) => [claim.orderNo, claim]));
  const lines: Line[] = pack.lines.map((row) => {
    const claim = claims.get(row.OrderNo) ?? null;
    return { orderNo: row.OrderNo, row, claim, status: lineStatus(shippingStatusCode(row.ShippingStatus), claim?.claimStatus ?? null) };
  });
  const seen = new Set(lines.map((line) => line.orderNo));
  for (const claim of pack.claims) {
    if (!seen.has(claim.orderNo)) lines.push({ orderNo: claim.orderNo, row: null, claim, status: lineStatus(null, claim.claimStatus) });
  }
  return lines;
}

/** The status of each line, by OrderNo: what confirmOrders and exportShipments decide from. */
export function lineStatuses(pack: Qoo10Pack): Map<string, OrderStatus> {
  return new Map(linesOf(pack).map((line) => [line.orderNo, line.status]));
}

/** A line's goods: price × quantity plus option prices, read back from Total + Discount when Qoo10 sends Total. */
function lineGoods(row: Qoo10ShippingRow): number {
  const total = row.Total === undefined || row.Total === null || row.Total === '' ? null : yen(row.Total);
  return total === null ? yen(row.OrderPrice) * row.OrderQty : total + yen(row.Discount);
}

function itemOf(line: Line): OrderItem {
  const { row, claim } = line;
  const notes: string[] = [];
  const gift = text(row?.Gift);
  // Gift (사은품) is the shop's free add-on item, not gift wrapping: it is a note, not the gift flag.
  if (gift) notes.push(`おまけ: ${gift}`);
  if (line.status === 'cancelled' || line.status === 'cancel_requested') notes.push(`claimStatus ${claim?.claimStatus ?? ''}`.trim());
  if (row === null) {
    const quantity = Number(claim?.orderQty ?? 0);
    return {
      lineId: line.orderNo,
      productId: claim?.itemCode === undefined || claim.itemCode === null ? '' : String(claim.itemCode),
      sku: text(claim?.sellerItemCode),
      name: text(claim?.itemTitle) ?? '',
      quantity,
      unitPrice: null,
      taxRate: null,
      options: [],
      notes,
    };
  }
  const goods = lineGoods(row);
  const option = text(row.Option);
  return {
    lineId: line.orderNo,
    productId: row.ItemNo,
    sku: text(row.SellerItemCode),
    name: row.ItemTitle,
    quantity: row.OrderQty,
    unitPrice: row.OrderQty > 0 && goods % row.OrderQty === 0 ? goods / row.OrderQty : yen(row.OrderPrice),
    taxRate: null,
    options: option ? [{ name: 'オプション', value: option }, ...(text(row.OptionCode) ? [{ name: 'OptionCode', value: text(row.OptionCode) as string }] : [])] : [],
    notes,
  };
}

function amountsOf(pack: Qoo10Pack, lines: readonly Line[], warnings: OrderWarning[]): OrderAmounts {
  const rows = pack.lines;
  if (rows.length === 0) {
    // Only claims: Qoo10 gives what the buyer paid per line (paymentAmount), not prices.
    const paid = pack.claims.reduce((sum, claim) => sum + yen(claim.paymentAmount), 0);
    warnings.push({
      code: 'missing_field',
      field: 'amounts',
      message: {
        ja: 'キャンセル済みの注文はクレーム情報しか取得できないため、金額は決済金額（paymentAmount）の合計です。',
        en: 'A cancelled order is only visible through its claims: the amounts are the sum of paymentAmount.',
      },
    });
    return { goods: paid, shipping: null, fees: null, discounts: null, points: null, coupons: null, tax: null, total: paid, billed: paid };
  }
  const goods = rows.reduce((sum, row) => sum + lineGoods(row), 0) + lines.filter((line) => line.row === null).reduce((sum, line) => sum + yen(line.claim?.paymentAmount), 0);
  const shipping = cartAmount(rows.map((row) => row.ShippingRate));
  const discounts = rows.reduce((sum, row) => sum + yen(row.Discount), 0) + cartAmount(rows.map((row) => row.CartDiscountSeller));
  const coupons = cartAmount(rows.map((row) => row.CartDiscountQoo10));
  const total = goods + shipping - discounts;
  return { goods, shipping, fees: null, discounts, points: null, coupons, tax: null, total, billed: total - coupons };
}

function shipmentsOf(rows: readonly Qoo10ShippingRow[]): RecordedShipment[] {
  const seen = new Set<string>();
  const shipments: RecordedShipment[] = [];
  for (const row of rows) {
    const tracking = text(row.TrackingNo);
    if (tracking === null || seen.has(tracking)) continue;
    seen.add(tracking);
    shipments.push({ carrier: carrierOf(text(row.DeliveryCompany)), trackingNumber: tracking, shippedOn: calendarDay(row.ShippingDate) });
  }
  return shipments;
}

function deliveryOf(pack: Qoo10Pack, lines: readonly Line[]): Delivery {
  const first = pack.lines[0] ?? null;
  const planned = pack.lines.find((row) => text(row.DeliveryCompany) !== null && text(row.TrackingNo) === null);
  return {
    deliveryId: pack.packNo,
    recipient: receiverOf(first, pack.claims[0] ?? null),
    items: lines.map(itemOf),
    carrier: planned ? carrierOf(text(planned.DeliveryCompany)) : null,
    shippingMethod: text(first?.ShippingWay),
    requestedDate: calendarDay(first?.DesiredDeliveryDate),
    timeSlot: null,
    shipments: shipmentsOf(pack.lines),
  };
}

function rawStatus(lines: readonly Line[]): string {
  const labels = lines.map((line) => (line.claim && line.row === null ? `claimStatus ${line.claim.claimStatus}` : (line.row?.ShippingStatus ?? '')));
  return [...new Set(labels.filter((label) => label !== ''))].join(' / ');
}

/**
 * A Qoo10 cart in mallkit's model: one Order per PackNo, one item per line (lineId = OrderNo), one
 * delivery (a cart has one receiver). Times are Qoo10's JST `YYYY-MM-DD HH:mm:ss` as ISO 8601;
 * amounts integer yen; the status is the cart's least advanced line (see status.ts) with the raw
 * labels kept. Throws TypeError for a cart without order date (the reader reports it unreadable).
 */
export function toOrder(pack: Qoo10Pack, context: OrderMappingContext, notes: readonly OrderWarning[]): Order<Qoo10Pack> {
  const lines = linesOf(pack);
  const first = pack.lines[0] ?? null;
  const orderedAt = isoTime(first?.OrderDate) ?? isoTime(pack.claims[0]?.orderDate);
  if (orderedAt === null) throw new TypeError(`cart ${pack.packNo} has no readable order date`);
  const warnings: OrderWarning[] = [...notes];
  const method = paymentMethodOf(pack, context.paymentMapper);
  if (method.code === 'unmapped') {
    warnings.push({
      code: method.raw === '' ? 'missing_field' : 'unmapped_value',
      field: 'payment.method',
      message: { ja: `支払方法「${method.raw}」は変換設定にありません。`, en: `Payment method "${method.raw}" is not mapped.` },
      raw: method.raw,
    });
  }
  const paidAt = isoTime(paymentDateOf(pack));
  return {
    mall: 'qoo10',
    shopId: context.shopId,
    id: pack.packNo,
    displayNumber: pack.packNo,
    status: { code: packStatus(lines.map((line) => line.status)), raw: rawStatus(lines) },
    orderedAt,
    updatedAt: null,
    confirmedAt: null,
    buyer: buyerOf(first, pack.claims[0] ?? null),
    deliveries: [deliveryOf(pack, lines)],
    amounts: amountsOf(pack, lines, warnings),
    payment: { method, paidAt },
    flags: {
      fraudReview: false,
      suspect: false,
      provisional: false,
      buyerMayCancel: false,
      gift: false,
      multipleDestinations: false,
      // AvailableSendType 1 = 予約発送 (4 days or more), 2 = 予約発送 (release date).
      preorder: pack.lines.some((row) => row.AvailableSendType !== undefined && row.AvailableSendType !== null && ['1', '2'].includes(String(row.AvailableSendType))),
      deliveryPromise: false,
      business: false,
    },
    notes: { buyerComment: text(first?.ShippingMessage), shopMemo: null },
    warnings,
    raw: pack,
  };
}
