import { tryParseJst } from '@mallkit/core';
import type { RakutenOrderModel } from '../api/order-model.js';
import type { RakutenSandboxStore } from './store.js';

/** The instant of an order that a searchOrder dateType filters on, or null when it has none. */
export function dateOf(store: RakutenSandboxStore, order: RakutenOrderModel, dateType: number): number | null {
  switch (dateType) {
    case 1:
      return store.orderedAtMs.get(order.orderNumber) ?? null;
    case 2:
      return tryParseJst(order.shopOrderCfmDatetime)?.getTime() ?? null;
    case 3:
      return tryParseJst(order.orderFixDatetime)?.getTime() ?? null;
    case 4: {
      const dates = order.PackageModelList.flatMap((p) => p.ShippingModelList ?? []).map((s) => s.shippingDate).filter((d): d is string => !!d).sort();
      return tryParseJst(dates[0])?.getTime() ?? null;
    }
    case 5:
      return tryParseJst(order.shippingCmplRptDatetime)?.getTime() ?? null;
    case 6:
      return tryParseJst(store.paidAt.get(order.orderNumber) ?? null)?.getTime() ?? null;
    default:
      return null;
  }
}
