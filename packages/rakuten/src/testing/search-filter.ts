import { tryParseJst } from '@mallkit/core';
import type { RakutenSandboxRecord } from './store.js';

/** The instant of an order that a searchOrder dateType filters on, or null when it has none. */
export function dateOf(record: RakutenSandboxRecord, dateType: number): number | null {
  const { order } = record;
  switch (dateType) {
    case 1:
      return record.orderedAtMs;
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
      return tryParseJst(record.paidAt)?.getTime() ?? null;
    default:
      return null;
  }
}
