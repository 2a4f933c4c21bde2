import type { Delivery, Mapped, Order, OrderItem } from '@mallkit/core';
import { csvLine, type CsvWriteOptions } from '../text/csv.js';
import type { OrderWriter } from './writer.js';

/** The columns, in order: stable snake_case names an OMS import can rely on. */
export const ORDER_CSV_COLUMNS = [
  'mall',
  'shop',
  'order_id',
  'status',
  'status_raw',
  'ordered_at',
  'updated_at',
  'buyer_name',
  'buyer_name_kana',
  'buyer_email',
  'buyer_phone',
  'delivery_id',
  'recipient_name',
  'recipient_postal_code',
  'recipient_prefecture',
  'recipient_city',
  'recipient_address',
  'recipient_phone',
  'carrier',
  'shipping_method',
  'requested_date',
  'time_slot',
  'line_id',
  'product_id',
  'sku',
  'item_name',
  'quantity',
  'unit_price',
  'goods_total',
  'shipping',
  'billed',
  'payment_method',
  'payment_method_raw',
  'flags',
  'warnings',
] as const;

const code = (value: Mapped<string> | null): string | null => value?.code ?? null;

const FORMULAS: CsvWriteOptions = { guardFormulas: true };

function row(order: Order, delivery: Delivery | null, item: OrderItem | null): string {
  const flags = Object.entries(order.flags)
    .filter(([, on]) => on)
    .map(([name]) => name)
    .join('|');
  const recipient = delivery?.recipient ?? null;
  return csvLine(
    [
      order.mall,
      order.shopId,
      order.id,
      order.status.code,
      order.status.raw,
      order.orderedAt,
      order.updatedAt,
      order.buyer.name,
      order.buyer.nameKana,
      order.buyer.email,
      order.buyer.phone,
      delivery?.deliveryId,
      recipient?.name,
      recipient?.postalCode,
      recipient?.prefecture,
      recipient?.city,
      recipient?.addressLines.join(' '),
      recipient?.phone,
      code(delivery?.carrier ?? null),
      delivery?.shippingMethod,
      delivery?.requestedDate,
      code(delivery?.timeSlot ?? null),
      item?.lineId,
      item?.productId,
      item?.sku,
      item?.name,
      item?.quantity,
      item?.unitPrice,
      order.amounts.goods,
      order.amounts.shipping,
      order.amounts.billed,
      order.payment.method.code,
      order.payment.method.raw,
      flags,
      order.warnings.map((warning) => `${warning.code}:${warning.field}`).join('|'),
    ],
    FORMULAS,
  );
}

/**
 * One row per order line (the order's columns repeated), the shape OMS and spreadsheet imports
 * take; an order without lines still gets one row. UTF-8, CRLF; `bom` adds the byte-order mark
 * Excel needs to read UTF-8 Japanese.
 */
export function csvWriter(bom: boolean): OrderWriter {
  return {
    begin: () => `${bom ? '\uFEFF' : ''}${csvLine(ORDER_CSV_COLUMNS, FORMULAS)}`,
    write: (order) => {
      const lines = order.deliveries.flatMap((delivery) => delivery.items.map((item) => row(order, delivery, item)));
      return lines.length > 0 ? lines.join('') : row(order, order.deliveries[0] ?? null, null);
    },
    end: () => '',
  };
}
