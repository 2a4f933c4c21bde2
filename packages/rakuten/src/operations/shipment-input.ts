import {
  jstDateOf,
  parseInput,
  shipmentUpdatesSchema,
  ValidationError,
  type CarrierCode,
  type Clock,
  type ParsedShipmentUpdate,
  type ShipmentUpdate,
  type ValidationIssue,
} from '@mallkit/core';
import { deliveryCompanyFor } from '../mapping/carrier.js';

/** A shipment update ready for Rakuten: the wire values decided, nothing sent yet. */
export interface PreparedShipment {
  readonly index: number;
  readonly update: ParsedShipmentUpdate;
  /** `YYYY-MM-DD`, JST. */
  readonly shippingDate: string;
  readonly deliveryCompany: string;
  readonly shippingNumber: string;
  /** Notes for the result (carrier sent as その他, items ignored…). */
  readonly warnings: readonly string[];
}

/** Rakuten's limit on お荷物伝票番号. */
const MAX_SHIPPING_NUMBER = 120;

function carrierCodeOf(carrier: ParsedShipmentUpdate['carrier']): CarrierCode {
  return typeof carrier === 'string' ? carrier : carrier.code;
}

/**
 * Validates every update before anything is sent: the shape (carrier, tracking number and date are
 * all required, since RMS marks an order 処理済 only with all three), a ship date that is not in the
 * future (JST calendar day of the connector's clock), and a tracking number Rakuten can store.
 */
export function prepareShipments(
  updates: readonly ShipmentUpdate[],
  clock: Clock,
  deliveryCompanyOverrides: Readonly<Partial<Record<CarrierCode, string>>>,
): PreparedShipment[] {
  const parsed = parseInput(shipmentUpdatesSchema, updates, 'updates', { mall: 'rakuten', operation: 'exportShipments' });
  const today = jstDateOf(clock.now());
  const issues: ValidationIssue[] = [];
  const prepared = parsed.map((update, index): PreparedShipment => {
    const shippingDate = typeof update.shippedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(update.shippedAt) ? update.shippedAt : jstDateOf(new Date(update.shippedAt));
    if (shippingDate > today) {
      issues.push({ field: `updates[${index}].shippedAt`, message: `${shippingDate} is in the future (today is ${today} JST): report a shipment once it has left` });
    }
    if (update.trackingNumber.length > MAX_SHIPPING_NUMBER) {
      issues.push({ field: `updates[${index}].trackingNumber`, message: `Rakuten stores at most ${MAX_SHIPPING_NUMBER} characters` });
    }
    const company = deliveryCompanyFor(carrierCodeOf(update.carrier), deliveryCompanyOverrides);
    const warnings: string[] = [];
    if (!company.exact || typeof update.carrier !== 'string') {
      const name = typeof update.carrier === 'string' ? update.carrier : update.carrier.name;
      warnings.push(`Rakuten has no deliveryCompany code for ${name}; sent as 1000 その他`);
    }
    if (update.items) warnings.push('Rakuten records shipments per destination (basketId); the items list was not sent');
    return { index, update, shippingDate, deliveryCompany: company.code, shippingNumber: update.trackingNumber, warnings };
  });
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'rakuten',
      operation: 'exportShipments',
      hint: {
        ja: `入力値を確認してください: ${issues.map((i) => i.field).join(', ')}。出荷日は当日または過去の日付にしてください。リクエストは送信されていません。`,
        en: `Fix the input: ${issues.map((i) => i.field).join(', ')}. Ship dates must be today or earlier. Nothing was sent.`,
      },
    });
  }
  return prepared;
}
