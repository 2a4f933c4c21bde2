import { formatJst } from '@mallkit/core';
import type { OrderChange, SandboxClock, SandboxSimulator, SeedOrder } from '@mallkit/core/testing';
import { paysFirst } from '../mapping/status.js';
import type { MakeshopStore, SandboxOrder } from './store.js';

/** What the simulator plays on: the sandbox's orders and clock, and its way of adding orders. */
export interface MakeshopSimulatorConfig {
  readonly orders: MakeshopStore;
  readonly clock: SandboxClock;
  /** Adds orders as `sandbox.seed` does (order numbers, 仮注文, delivery statuses). */
  readonly seed: (seeds: readonly SeedOrder[]) => SeedOrder[];
}

/** What a change does to a stored order: edit it, delete it (makeshop drops an unpaid 仮注文), or nothing (it does not apply). */
type Outcome = { readonly edit: (order: SandboxOrder) => void } | 'delete' | null;

/**
 * A seed as a makeshop order is when it arrives: 未処理 (N), nothing shipped, paid only if paid at
 * checkout (card, wallet), so that the changes of its life — payment, shipping, a new address, a
 * cancellation — are still ahead of it. (The generator draws statuses regardless of age: an order
 * placed a minute ago may come shipped.) A seed flagged provisional stays a 仮注文.
 */
function arriving(seed: SeedOrder): SeedOrder {
  const paidAtCheckout = seed.paidAt !== null && Date.parse(seed.paidAt) <= Date.parse(seed.orderedAt);
  const waitsForMoney = !paidAtCheckout && paysFirst(seed.paymentMethod);
  return {
    ...seed,
    status: waitsForMoney ? 'awaiting_payment' : 'pending_confirmation',
    confirmedAt: null,
    paidAt: paidAtCheckout ? seed.paidAt : null,
    deliveries: seed.deliveries.map((delivery) => ({ ...delivery, shipments: [] })),
  };
}

const isCancelled = (order: SandboxOrder): boolean => order.deliveryStatus === 'C' || order.orderStatus === 0;
const isProvisional = (order: SandboxOrder): boolean => order.orderStatus === 99;

/**
 * The changes of a makeshop order's life, as the buyer, the payment provider or the shop in the
 * admin screen make them, on the sandbox's orders. makeshop records no update time that its search
 * can use (searchOrder filters by order date only), so nothing is stamped but the dates the order
 * itself carries: 入金日 (`paymentDate`) when paid and 発送日 (`shippingDate`) when shipped — both
 * inferred field names (spec v2 §3.4), written as the sandbox writes them elsewhere. An order's
 * order date never moves, so a changed order shows in the same search by order date at once.
 */
export function createMakeshopSimulator(config: MakeshopSimulatorConfig): SandboxSimulator {
  const { orders, clock } = config;
  let parcels = 0;
  let moves = 0;

  const outcomeOf = (order: SandboxOrder, change: OrderChange): Outcome => {
    // A cancelled order is frozen: updateOrderDelivery refuses it, and nothing reopens it.
    if (isCancelled(order)) return null;
    switch (change) {
      case 'cancel':
        // A 仮注文 is not cancelled but deleted when its payment does not complete (GoQ 4850, deep §2.2).
        if (isProvisional(order)) return 'delete';
        // キャンセル: delivery status C, legacy order status 0 — as a cancelled seed is stored.
        return {
          edit: (held) => {
            held.deliveryStatus = 'C';
            held.orderStatus = 0;
          },
        };
      case 'pay':
        // 入金済 (the payment provider's report or the shop's check); a 仮注文 becomes a normal order.
        if (order.paymentStatus === 1 && !isProvisional(order)) return null;
        return {
          edit: (held) => {
            held.orderStatus = 1;
            held.paymentStatus = 1;
            held.paymentDate = formatJst(clock.now(), 'space');
          },
        };
      case 'ship':
        // Only an unprocessed, normal order ships (updateOrderDelivery refuses a 仮注文): every destination gets a number.
        if (order.deliveryStatus !== 'N' || isProvisional(order)) return null;
        return {
          edit: (held) => {
            for (const delivery of held.deliveryInfos) {
              parcels += 1;
              delivery.carrierCode = '002';
              delivery.slipNumber = `4912${String(parcels).padStart(8, '0')}`;
              delivery.shippingDate = formatJst(clock.now(), 'date');
            }
            held.deliveryStatus = 'Y';
          },
        };
      case 'address': {
        // The shop edits the first destination before it ships; a parcel that left cannot be redirected.
        if (order.deliveryStatus !== 'N' || order.deliveryInfos.length === 0) return null;
        moves += 1;
        const room = 100 + moves;
        return {
          edit: (held) => {
            const [first] = held.deliveryInfos;
            if (first === undefined) return;
            first.receiverPostalCode = '330-0063';
            first.receiverPrefecture = '埼玉県';
            first.receiverCity = 'さいたま市浦和区';
            first.receiverAddress = `高砂3-15-1 コーポ浦和 ${room}号室`;
          },
        };
      }
    }
  };

  return {
    place(seeds) {
      return config.seed(seeds.map(arriving));
    },
    change(id, change) {
      const order = orders.get(id);
      const outcome = order === undefined ? null : outcomeOf(order, change);
      if (outcome === null) return false;
      if (outcome === 'delete') return orders.delete(id);
      orders.update(id, outcome.edit);
      return true;
    },
  };
}
