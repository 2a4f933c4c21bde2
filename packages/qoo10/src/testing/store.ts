import { formatJst, PAYMENT_METHOD_NAMES_JA, parseJst } from '@mallkit/core';
import { createSandboxStore, type SandboxStore, type SeedOrder } from '@mallkit/core/testing';
import type { ShippingStatusCode } from '../api/shipping-info.js';

/** A claim on one sandbox line: its claimStatus code and dates (`YYYY-MM-DD HH:mm:ss`). */
export interface SandboxClaim {
  status: string;
  requestDate: string;
  completedDate: string | null;
  reason: string;
}

/** One line (OrderNo) of a sandbox cart, as the sandbox keeps it. */
export interface SandboxLine {
  readonly orderNo: string;
  status: ShippingStatusCode;
  readonly itemNo: string;
  readonly sellerItemCode: string;
  readonly title: string;
  readonly option: string;
  readonly price: number;
  readonly quantity: number;
  readonly shippingRate: number;
  claim: SandboxClaim | null;
  estimatedShippingDate: string | null;
  shippingDate: string | null;
  deliveredDate: string | null;
  deliveryCompany: string | null;
  trackingNo: string | null;
}

/** One cart (PackNo) of the sandbox, with what Qoo10 prints on each of its line rows. */
export interface SandboxPack {
  readonly packNo: string;
  readonly orderDate: string;
  paymentDate: string | null;
  readonly buyer: string;
  readonly buyerKana: string;
  readonly buyerMobile: string;
  readonly buyerEmail: string;
  readonly receiver: string;
  readonly receiverKana: string;
  readonly zipCode: string;
  /** Changed by the buyer while unpaid, later by Qoo10's customer center: no date is kept. */
  address1: string;
  address2: string;
  readonly receiverMobile: string;
  readonly desiredDeliveryDate: string;
  readonly paymentMethod: string;
  readonly shippingWay: string;
  readonly shippingMessage: string;
  readonly lines: SandboxLine[];
}

/** The sandbox's carts, over core's store, searched in order-date order. */
export type Qoo10Store = SandboxStore<SandboxPack>;

/** Creates an empty store of carts. */
export function createQoo10Store(): Qoo10Store {
  return createSandboxStore<SandboxPack>({
    id: (pack) => pack.packNo,
    compare: (a, b) => a.orderDate.localeCompare(b.orderDate) || a.packNo.localeCompare(b.packNo),
  });
}

/** A Qoo10 date as its answers carry it: `YYYY-MM-DD HH:mm:ss`, JST. */
export function qoo10Time(instant: string | number | Date): string {
  return formatJst(typeof instant === 'string' ? parseJst(instant) : instant, 'space');
}

const DAY_MS = 86_400_000;

/** The claim codes after which a line leaves the GetShippingInfo_v3 lists (cancelled, returned, refunded). */
export const TERMINAL_CLAIMS: ReadonlySet<string> = new Set(['3', '6', '14', '16']);

/** Numbering of carts and lines, per sandbox. */
export interface Numbering {
  pack: number;
  line: number;
}

/**
 * Turns a mall-neutral seed into a Qoo10 cart, and the seed as Qoo10 holds it: the PackNo as id,
 * one destination (a Qoo10 cart has one receiver, so several seed destinations merge into the
 * first), statuses Qoo10 has (on_hold → 配送要請, ready_to_ship → 配送準備, completed → 配送完了),
 * no fraud hold, postage always set. The dates Qoo10 stamps as the cart moves on (payment,
 * shipment, delivery, claims) follow the order, never later than `now`: a mall records no event
 * that has not happened, and the date searches of an incremental sync rely on it.
 */
export function seedToPack(seed: SeedOrder, numbering: Numbering, now: number): { pack: SandboxPack; held: SeedOrder } {
  numbering.pack += 1;
  const packNo = String(numbering.pack);
  const status = seed.status;
  const code: ShippingStatusCode =
    status === 'awaiting_payment' ? 1 : status === 'confirmed' || status === 'ready_to_ship' ? 3 : status === 'shipped' ? 4 : status === 'delivered' || status === 'completed' ? 5 : 2;
  const orderedAt = parseJst(seed.orderedAt).getTime();
  /** An event `after` ms after the order, as Qoo10 writes its date; no later than now. */
  const stamp = (after: number): string => qoo10Time(Math.max(orderedAt, Math.min(orderedAt + after, now)));
  const claim: SandboxClaim | null =
    status === 'cancelled'
      ? { status: '3', requestDate: stamp(3_600_000), completedDate: stamp(7_200_000), reason: '購入者都合' }
      : status === 'cancel_requested'
        ? { status: '1', requestDate: stamp(3_600_000), completedDate: null, reason: '購入者都合' }
        : null;
  const first = seed.deliveries[0];
  if (first === undefined) throw new RangeError(`seed ${seed.id} has no delivery`);
  const shipment = seed.deliveries.flatMap((delivery) => delivery.shipments)[0];
  const shippedAfter = 2 * DAY_MS;
  const shipping = seed.amounts.shipping ?? 0;
  let firstLine = true;
  const lines: SandboxLine[] = seed.deliveries.flatMap((delivery) =>
    delivery.items.map((item) => {
      numbering.line += 1;
      const line: SandboxLine = {
        orderNo: String(numbering.line),
        status: code,
        itemNo: String(1_100_000_000 + (Number(item.productId.replace(/\D/g, '').slice(-6)) || 0)),
        sellerItemCode: item.sku ?? item.productId,
        title: item.name,
        option: item.options.map((option) => `${option.name}:${option.value}`).join(','),
        price: item.unitPrice,
        quantity: item.quantity,
        // The cart's postage on its first line, 0 on the others (one of the forms the mapping reads).
        shippingRate: firstLine ? shipping : 0,
        claim: claim === null ? null : { ...claim },
        estimatedShippingDate: code >= 3 ? qoo10Time(orderedAt + 3 * DAY_MS).slice(0, 10) : null,
        shippingDate: code >= 4 ? stamp(shippedAfter) : null,
        deliveredDate: code === 5 ? stamp(shippedAfter + DAY_MS) : null,
        deliveryCompany: code >= 4 ? 'ヤマト宅急便' : null,
        trackingNo: code >= 4 ? (shipment?.trackingNumber ?? `4912${numbering.line}`) : null,
      };
      firstLine = false;
      return line;
    }),
  );
  const recipient = first.recipient;
  const pack: SandboxPack = {
    packNo,
    orderDate: qoo10Time(orderedAt),
    paymentDate: code === 1 ? null : seed.paidAt ? qoo10Time(Math.min(parseJst(seed.paidAt).getTime(), now)) : stamp(60_000),
    buyer: `${seed.buyer.familyName} ${seed.buyer.givenName}`,
    buyerKana: seed.buyer.nameKana,
    buyerMobile: seed.buyer.phone,
    buyerEmail: seed.buyer.email ?? '',
    receiver: `${recipient.familyName} ${recipient.givenName}`,
    receiverKana: recipient.nameKana,
    zipCode: `${recipient.postalCode.slice(0, 3)}-${recipient.postalCode.slice(3)}`,
    address1: `${recipient.prefecture}${recipient.city}${recipient.addressLines[0] ?? ''}`,
    address2: recipient.addressLines.slice(1).join(' '),
    receiverMobile: recipient.phone,
    desiredDeliveryDate: first.requestedDate ?? '',
    paymentMethod: PAYMENT_METHOD_NAMES_JA[seed.paymentMethod],
    shippingWay: '一般配送(追跡-O)',
    shippingMessage: seed.buyerComment ?? '',
    lines,
  };
  const heldStatus = status === 'on_hold' ? 'pending_confirmation' : status === 'ready_to_ship' ? 'confirmed' : status === 'completed' ? 'delivered' : status;
  const held: SeedOrder = {
    ...seed,
    id: packNo,
    status: heldStatus,
    paidAt: pack.paymentDate === null ? null : seed.paidAt,
    deliveries: [{ ...first, items: seed.deliveries.flatMap((delivery) => delivery.items), shipping, timeSlot: null, shipments: seed.deliveries.flatMap((delivery) => delivery.shipments) }],
    amounts: { ...seed.amounts, shipping },
    flags: { ...seed.flags, fraudReview: false, provisional: false, multipleDestinations: false },
    postageUnset: false,
  };
  return { pack, held };
}
