import { carrierMapper, cleanText, mapWithWarning, type Order, type OrderWarning, type PaymentMethodCode, type ValueMapper } from '@mallkit/core';
import { amountsOf } from './amounts.js';
import { deliveryOf } from './delivery.js';
import { linesOf, type Line } from './lines.js';
import type { Qoo10Pack } from './pack.js';
import { buyerOf } from './parties.js';
import { paymentDateOf, paymentMethodTextOf } from './payment.js';
import { packStatus } from './status.js';
import { isoTime } from './values.js';

/** What the mapping needs besides the cart. */
export interface OrderMappingContext {
  readonly shopId: string;
  readonly paymentMapper: ValueMapper<PaymentMethodCode>;
}

/** The cart's raw status: each line's ShippingStatus label and claim, once each. */
function rawStatus(lines: readonly Line[]): string {
  const labels = lines.flatMap((line) => [line.row?.ShippingStatus ?? '', line.claim ? `claimStatus ${line.claim.claimStatus}` : '']);
  return [...new Set(labels.filter((label) => label !== ''))].join(' / ');
}

/** One `unmapped_value` warning per line whose status could not be read: the cart's status is then `unmapped`. */
function statusWarnings(lines: readonly Line[]): OrderWarning[] {
  return lines.flatMap((line) =>
    line.status.code === 'unmapped'
      ? [
          {
            code: 'unmapped_value' as const,
            field: 'status',
            message: {
              ja: `明細 ${line.orderNo} の状態「${line.status.raw}」を読み取れません。QSMで確認し、mallkit の不具合として報告してください。`,
              en: `The state "${line.status.raw}" of line ${line.orderNo} cannot be read. Check it in QSM and report it as a mallkit issue.`,
            },
            raw: line.status.raw,
          },
        ]
      : [],
  );
}

/**
 * A Qoo10 cart in mallkit's model: one Order per PackNo, one item per line (lineId = OrderNo), one
 * delivery (a cart has one receiver). Times are Qoo10's JST `YYYY-MM-DD HH:mm:ss` as ISO 8601;
 * amounts integer yen, cancelled lines left out; the status is the cart's least advanced live line
 * (see status.ts), `unmapped` with a warning when a line's state cannot be read, the raw labels kept.
 * Throws TypeError for a cart without order date (the reader reports it unreadable).
 */
export function toOrder(pack: Qoo10Pack, context: OrderMappingContext, notes: readonly OrderWarning[]): Order<Qoo10Pack> {
  const lines = linesOf(pack);
  const first = pack.lines[0] ?? null;
  const orderedAt = isoTime(first?.OrderDate) ?? isoTime(pack.claims[0]?.orderDate);
  if (orderedAt === null) throw new TypeError(`cart ${pack.packNo} has no readable order date`);
  const warnings: OrderWarning[] = [...notes, ...statusWarnings(lines)];
  const method = mapWithWarning(context.paymentMapper, paymentMethodTextOf(pack), 'payment.method', warnings, { required: true }) ?? { code: 'unmapped', raw: '' };
  const status = packStatus(lines.map((line) => line.status));
  return {
    mall: 'qoo10',
    shopId: context.shopId,
    id: pack.packNo,
    displayNumber: pack.packNo,
    status: { code: status, raw: rawStatus(lines) },
    orderedAt,
    updatedAt: null,
    confirmedAt: null,
    buyer: buyerOf(first, pack.claims[0] ?? null),
    deliveries: [deliveryOf(pack, lines, (name, field) => mapWithWarning(carrierMapper, name, field, warnings))],
    amounts: amountsOf(pack, lines, warnings),
    payment: { method, paidAt: isoTime(paymentDateOf(pack)) },
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
    notes: { buyerComment: cleanText(first?.ShippingMessage), shopMemo: null },
    warnings,
    raw: pack,
  };
}
