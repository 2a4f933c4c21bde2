import { FREE_TEXT_MAX_LENGTH, shipmentUpdatesSchema, TRACKING_NUMBER_MAX_LENGTH, type ParsedShipmentUpdate } from '../contract/inputs.js';
import { parseInput } from '../contract/parse-input.js';
import { ValidationError, type ValidationIssue } from '../errors/classes.js';
import type { MallId } from '../model/mall-id.js';
import type { CarrierCode } from '../model/codes.js';
import type { Clock } from '../time/clock.js';
import { formatJst, jstDateOf } from '../time/jst.js';
import { carrierTrackingNumberProblem } from './carrier-formats.js';

const DAY_MS = 86_400_000;

/** A mall's own limits on shipment updates, on top of core's (tracking numbers ≤ 64, free text ≤ 100). */
export interface ShipmentRules {
  /** The mall's longest tracking number; default core's 64. */
  readonly trackingNumberMaxLength?: number;
  /** The mall's own number rule (its byte limit, its characters); returns what is wrong, or null. Carrier formats are checked by core first. */
  trackingNumberProblem?(carrier: CarrierCode, trackingNumber: string): string | null;
  /** Set false to skip core's carrier formats (Yamato and Sagawa 12 digits, Japan Post 11–13, EMS); default true. */
  readonly carrierFormats?: boolean;
  /** The mall's longest shipping method text; default core's 100. */
  readonly shippingMethodMaxLength?: number;
  /** The mall's longest carrier name (for `{ code: 'other', name }`); default core's 100. */
  readonly carrierNameMaxLength?: number;
  /** Allow ship dates after today (a mall whose field is a planned ship date). Default false. Prefer `shipDates.maxDaysAhead`. */
  readonly futureShipDates?: boolean;
  /** Ship-date rules beyond "not after today (JST)". */
  readonly shipDates?: {
    /** Days after today a ship date may be (a planned ship date, Shopserve's 発送予定日); default 0. */
    readonly maxDaysAhead?: number;
    /** `instant`: an ISO instant must not be after now (Amazon refuses future times, not only future days). Default `day`. */
    readonly precision?: 'day' | 'instant';
  };
  /** A carrier the mall cannot take (no code for it); returns what to do, or null. */
  carrierProblem?(carrier: CarrierCode, update: ParsedShipmentUpdate): string | null;
  /** False when the mall records shipments per order or destination only: an update naming `items` is refused. Default true. */
  readonly lineItems?: boolean;
}

/** The normalized carrier code of an update (`other` for a named carrier). */
export function carrierCodeOf(update: ParsedShipmentUpdate): CarrierCode {
  return typeof update.carrier === 'string' ? update.carrier : update.carrier.code;
}

/** The JST calendar day an update was shipped on, `YYYY-MM-DD`. */
export function shipDayOf(update: ParsedShipmentUpdate): string {
  const value = update.shippedAt;
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : jstDateOf(value instanceof Date ? value : new Date(Date.parse(value)));
}

/**
 * Checks every shipment update before anything is sent: the shape and character rules of core
 * (calendar dates, tracking numbers of letters, digits and hyphens, one-line text without emoji),
 * then the mall's own limits, and ship dates not after today (JST, on the connector's clock). All
 * problems are reported at once in one ValidationError naming each field; nothing is sent.
 */
export function checkShipments(
  updates: unknown,
  rules: ShipmentRules,
  clock: Clock,
  context: { readonly mall: MallId; readonly operation?: string },
): ParsedShipmentUpdate[] {
  const operation = context.operation ?? 'exportShipments';
  const parsed = parseInput(shipmentUpdatesSchema, updates, 'updates', { mall: context.mall, operation });
  const today = formatJst(clock.now(), 'date');
  const trackingMax = rules.trackingNumberMaxLength ?? TRACKING_NUMBER_MAX_LENGTH;
  const methodMax = rules.shippingMethodMaxLength ?? FREE_TEXT_MAX_LENGTH;
  const carrierMax = rules.carrierNameMaxLength ?? FREE_TEXT_MAX_LENGTH;
  const issues: ValidationIssue[] = [];
  parsed.forEach((update, index) => {
    const field = (name: string): string => `updates[${index}].${name}`;
    const day = shipDayOf(update);
    const aheadDays = rules.futureShipDates ? Number.POSITIVE_INFINITY : (rules.shipDates?.maxDaysAhead ?? 0);
    const latest = aheadDays === Number.POSITIVE_INFINITY ? '9999-12-31' : formatJst(clock.now() + aheadDays * DAY_MS, 'date');
    if (day > latest) {
      issues.push({
        field: field('shippedAt'),
        message: aheadDays === 0 ? `${day} is in the future (today is ${today} JST): report a shipment once it has left` : `${day} is more than ${aheadDays} days after today (${today} JST)`,
      });
    } else if (rules.shipDates?.precision === 'instant' && !(typeof update.shippedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(update.shippedAt))) {
      const at = update.shippedAt instanceof Date ? update.shippedAt.getTime() : Date.parse(update.shippedAt);
      if (at > clock.now()) issues.push({ field: field('shippedAt'), message: `${new Date(at).toISOString()} is later than now: ${context.mall} refuses ship times in the future (check JST vs UTC)` });
    }
    const carrierProblem = rules.carrierProblem?.(carrierCodeOf(update), update);
    if (carrierProblem) issues.push({ field: field('carrier'), message: carrierProblem });
    if (rules.lineItems === false && update.items !== undefined) {
      issues.push({ field: field('items'), message: `${context.mall} records shipments per order or destination, not per line: leave items out` });
    }
    if (update.trackingNumber.length > trackingMax) {
      issues.push({ field: field('trackingNumber'), message: `${context.mall} takes at most ${trackingMax} characters` });
    } else {
      // The carrier's own format first (it holds on every mall), then the mall's rule.
      const problem =
        (rules.carrierFormats === false ? null : carrierTrackingNumberProblem(carrierCodeOf(update), update.trackingNumber)) ??
        rules.trackingNumberProblem?.(carrierCodeOf(update), update.trackingNumber);
      if (problem) issues.push({ field: field('trackingNumber'), message: problem });
    }
    if (update.shippingMethod !== undefined && update.shippingMethod.length > methodMax) {
      issues.push({ field: field('shippingMethod'), message: `${context.mall} takes at most ${methodMax} characters` });
    }
    if (typeof update.carrier !== 'string' && update.carrier.name.length > carrierMax) {
      issues.push({ field: field('carrier.name'), message: `${context.mall} takes at most ${carrierMax} characters` });
    }
  });
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: context.mall,
      operation,
      hint: {
        ja: `出荷情報を確認してください: ${issues.map((i) => i.field).join(', ')}。出荷日は当日以前、伝票番号は英数字とハイフンのみです。何も送信していません。`,
        en: `Fix the shipments: ${issues.map((i) => i.field).join(', ')}. Ship dates must be today or earlier; tracking numbers letters, digits and hyphens. Nothing was sent.`,
      },
    });
  }
  return parsed;
}

