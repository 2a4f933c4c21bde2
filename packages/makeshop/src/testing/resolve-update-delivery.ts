import { formatJst } from '@mallkit/core';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../api/limits.js';
import { MAKESHOP_CARRIER_CODES } from '../mapping/carrier.js';
import type { Resolution } from './resolve-search-order.js';
import type { MakeshopSandboxState } from './state.js';

/*
 * updateOrderDelivery (the inferred mutation): records a shipment on one destination. The rules
 * are the legacy deliver command's and the shops' own: no change to a cancelled order, none to a
 * 仮注文 (payment not completed), a carrier code from makeshop's table, a ship date not after
 * today. The order is 配送 (Y) once every destination has a tracking number.
 */

const refuse = (code: string, message: string): Resolution => ({ error: { code, message } });

/** Resolves the mutation against the store. */
export function resolveUpdateOrderDelivery(state: MakeshopSandboxState, input: Readonly<Record<string, unknown>>): Resolution {
  const number = input['displayOrderNumber'];
  const order = typeof number === 'string' ? state.orders.get(number) : undefined;
  if (order === undefined) return refuse('NOT_FOUND', `注文が見つかりません: ${String(number)}`);
  const status = input['deliveryStatus'];
  if (!(DELIVERY_STATUSES as readonly unknown[]).includes(status)) return refuse('BAD_USER_INPUT', 'deliveryStatus must be one of N, Y, C, R');
  if (order.deliveryStatus === 'C' || order.orderStatus === 0) return refuse('INVALID_ORDER_STATUS', 'キャンセルされた注文の配送状態は変更できません');
  if (order.orderStatus === 99) return refuse('INVALID_ORDER_STATUS', '仮注文の配送状態は変更できません（決済が完了していません）');
  const deliveryId = input['deliveryId'];
  const delivery = Number.isInteger(deliveryId) ? order.deliveryInfos[(deliveryId as number) - 1] : undefined;
  if (delivery === undefined) return refuse('BAD_USER_INPUT', `deliveryId must be 1–${order.deliveryInfos.length}`);
  const carrierCode = input['carrierCode'];
  if (carrierCode !== undefined && carrierCode !== null && (typeof carrierCode !== 'string' || !(carrierCode in MAKESHOP_CARRIER_CODES))) {
    return refuse('BAD_USER_INPUT', `carrierCode ${String(carrierCode)} is not a makeshop carrier code`);
  }
  const shippingDate = input['shippingDate'];
  if (shippingDate !== undefined && shippingDate !== null) {
    if (typeof shippingDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(shippingDate)) return refuse('BAD_USER_INPUT', 'shippingDate must be YYYY-MM-DD');
    if (shippingDate > formatJst(state.clock.now(), 'date')) return refuse('BAD_USER_INPUT', '発送日に未来の日付は指定できません');
  }
  const slipNumber = input['slipNumber'];
  state.orders.update(order.displayOrderNumber, (held) => {
    const target = held.deliveryInfos[(deliveryId as number) - 1];
    if (target === undefined) return;
    if (typeof slipNumber === 'string') target.slipNumber = slipNumber;
    if (typeof carrierCode === 'string') target.carrierCode = carrierCode;
    if (typeof shippingDate === 'string') target.shippingDate = shippingDate;
    const next = status as DeliveryStatus;
    if (next !== 'Y' || held.deliveryInfos.every((each) => each.slipNumber)) held.deliveryStatus = next;
  });
  if (input['sendMail'] === true) state.shippingMails.push(order.displayOrderNumber);
  const updated = state.orders.get(order.displayOrderNumber);
  return { value: { displayOrderNumber: order.displayOrderNumber, deliveryStatus: updated?.deliveryStatus ?? null } };
}
