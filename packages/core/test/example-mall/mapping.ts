import { NotFoundError, OrderStateError } from '../../src/errors/classes.js';
import type { WriteOutcome } from '../../src/kit/batch-write.js';
import { PAYMENT_METHOD_NAMES_JA, paymentMethodMapper } from '../../src/mappers/payment-method.js';
import { timeSlotMapper } from '../../src/mappers/time-slot.js';
import type { Order } from '../../src/model/order.js';
import type { OrderStatus } from '../../src/model/status.js';
import type { OrderWarning } from '../../src/model/warning.js';
import { toIsoJst } from '../../src/time/jst.js';
import { EXAMPLE_MALL, type ExampleWireOrder } from './sandbox.js';

const STATUS: Record<ExampleWireOrder['status'], OrderStatus> = {
  new: 'pending_confirmation',
  accepted: 'confirmed',
  packing: 'ready_to_ship',
  sent: 'shipped',
  done: 'completed',
  cancelled: 'cancelled',
  held: 'on_hold',
};

/** The example mall's order in the normalized model. */
export function toOrder(wire: ExampleWireOrder, shopId: string, warnings: readonly OrderWarning[]): Order<ExampleWireOrder> {
  const { seed } = wire;
  return {
    mall: EXAMPLE_MALL,
    shopId,
    id: wire.id,
    displayNumber: wire.id,
    status: { code: STATUS[wire.status], raw: wire.status },
    orderedAt: toIsoJst(seed.orderedAt),
    updatedAt: toIsoJst(wire.updatedAt),
    confirmedAt: null,
    buyer: { ...seed.buyer, name: `${seed.buyer.familyName} ${seed.buyer.givenName}`, companyName: null, country: 'JP' },
    deliveries: seed.deliveries.map((d, i) => ({
      deliveryId: `${wire.id}-${i + 1}`,
      recipient: { ...d.recipient, name: `${d.recipient.familyName} ${d.recipient.givenName}`, companyName: null, country: 'JP' },
      items: d.items.map((item, j) => ({ lineId: `${i + 1}-${j + 1}`, productId: item.productId, sku: item.sku, name: item.name, quantity: item.quantity, unitPrice: item.unitPrice, taxRate: item.taxRate, options: item.options, notes: [] })),
      carrier: null,
      shippingMethod: null,
      requestedDate: d.requestedDate,
      timeSlot: timeSlotMapper.map(d.timeSlot),
      shipments: i === 0 ? wire.shipments.map((shipment) => ({ carrier: null, trackingNumber: shipment.tracking, shippedOn: shipment.date })) : [],
    })),
    amounts: { ...seed.amounts, tax: null },
    payment: { method: paymentMethodMapper.map(PAYMENT_METHOD_NAMES_JA[seed.paymentMethod]) ?? { code: 'unmapped', raw: '' }, paidAt: null },
    flags: { fraudReview: false, suspect: false, provisional: false, buyerMayCancel: false, gift: seed.flags.gift, multipleDestinations: seed.deliveries.length > 1, preorder: false, deliveryPromise: false, business: false },
    notes: { buyerComment: seed.buyerComment, shopMemo: null },
    warnings,
    raw: wire,
  };
}

/** One write result of the example mall, as the kit's batch runner takes it. */
export function writeOutcome(id: string, result: string): WriteOutcome {
  if (result === 'ok') return { kind: 'done' };
  if (result === 'already_confirmed' || result === 'already_registered') return { kind: 'done', alreadyDone: true };
  if (result === 'not_found') return { kind: 'failed', error: new NotFoundError(`example mall: no order ${id}`, { mall: EXAMPLE_MALL }) };
  return {
    kind: 'failed',
    error: new OrderStateError(`example mall: order ${id} cannot change (${result})`, { mall: EXAMPLE_MALL, orderId: id, mallCode: result, hint: { ja: '注文のステータスを確認してください。', en: "Check the order's status." } }),
  };
}
