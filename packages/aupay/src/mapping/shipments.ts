import { ValidationError, type ParsedShipmentUpdate, type ShipmentRules } from '@mallkit/core';

/*
 * What au PAY can hold of a shipment: one destination (whose id is the order id) and one tracking
 * number per order, the whole order at once, a carrier CODE and no shipping-method text.
 */

/**
 * au PAY's rules for core's shipment checks: whole orders only (no `items`), ship dates not after
 * today. Tracking numbers get core's checks and the carriers' own formats; au PAY publishes no
 * length or character rule of its own.
 */
export const AUPAY_SHIPMENT_RULES: ShipmentRules = Object.freeze({ lineItems: false, shipDates: { maxDaysAhead: 0 } });

/**
 * au PAY holds one destination and one tracking number per order: refuses two updates for one
 * order, or another destination, before anything is sent. (Core's ShipmentRules has no rule for
 * these yet; `items` is refused there, by `lineItems: false`.)
 */
export function checkAupayShipments(updates: readonly ParsedShipmentUpdate[]): void {
  const issues: Array<{ field: string; message: string }> = [];
  const seen = new Map<string, number>();
  updates.forEach((update, index) => {
    const earlier = seen.get(update.orderId);
    if (earlier !== undefined) issues.push({ field: `updates[${index}].orderId`, message: `updates[${earlier}] is for the same order: au PAY keeps one tracking number per order` });
    seen.set(update.orderId, index);
    if (update.deliveryId !== undefined && update.deliveryId !== update.orderId) {
      issues.push({ field: `updates[${index}].deliveryId`, message: 'au PAY orders have one destination, whose id is the order id' });
    }
  });
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'aupay',
      operation: 'exportShipments',
      hint: { ja: 'au PAY は1注文につき送付先1件・伝票番号1件です。何も送信していません。', en: 'au PAY keeps one destination and one tracking number per order. Nothing was sent.' },
    });
  }
}

/** Notes on what au PAY cannot store of an update. */
export function carrierNotes(update: ParsedShipmentUpdate, code: string, known: boolean): string[] {
  const notes: string[] = [];
  if (typeof update.carrier !== 'string') notes.push(`au PAY takes carrier codes only: sent as ${code} (その他配送会社); the name ${update.carrier.name} is not sent`);
  else if (!known) notes.push(`au PAY has no code for ${update.carrier}: sent as ${code} (その他配送会社)`);
  if (update.shippingMethod !== undefined) notes.push('au PAY has no shipping-method field: shippingMethod is not sent');
  return notes;
}
