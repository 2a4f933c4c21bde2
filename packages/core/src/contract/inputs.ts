import { z } from 'zod';
import { CARRIER_CODES } from '../model/codes.js';
import { ORDER_STATUSES } from '../model/status.js';
import { parseJst } from '../time/jst.js';
import { astralCharacterIn, controlCharacterIn } from './text-rules.js';

/** Which date an order query filters on. Each connector's capabilities list the ones its mall has. */
export const ORDER_DATE_TYPES = ['ordered', 'updated', 'confirmed', 'shipped', 'paid', 'released'] as const;
/** A date an order query can filter on (`released`: when a fraud-review hold was lifted). */
export type OrderDateType = (typeof ORDER_DATE_TYPES)[number];

/**
 * The years a date given to mallkit may fall in. No mall keeps orders from before 2000 or takes dates
 * past 2099; a year outside is a typo or a unit mistake (seconds read as milliseconds), and formats
 * with four-digit years could not carry it anyway.
 */
export const INPUT_YEAR_RANGE = { min: 2000, max: 2099 } as const;

/** Longest order, destination or line id accepted (the longest real one, Rakuten's, has 23 characters). */
export const ID_MAX_LENGTH = 100;
/** Most ids one call takes; split longer lists into several calls. */
export const IDS_MAX_COUNT = 10_000;
/** Longest tracking number accepted before any mall's own rule (Yahoo and Amazon allow fewer). */
export const TRACKING_NUMBER_MAX_LENGTH = 64;
/** Longest free text (shipping method, carrier name) accepted before any mall's own rule. */
export const FREE_TEXT_MAX_LENGTH = 100;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function yearProblem(date: Date): string | null {
  const year = date.getUTCFullYear();
  return year < INPUT_YEAR_RANGE.min || year > INPUT_YEAR_RANGE.max
    ? `year ${year} is outside ${INPUT_YEAR_RANGE.min}–${INPUT_YEAR_RANGE.max}`
    : null;
}

/** Reads a string with parseJst, answering null instead of throwing for a date the calendar has not. */
function calendarDate(text: string): Date | null {
  try {
    return parseJst(text);
  } catch {
    return null;
  }
}

/** A Date or an ISO 8601 string with offset, calendar-checked (no 30 February), milliseconds kept. */
const instant = z.union([z.date(), z.string()]).transform((value, ctx) => {
  let date: Date | null;
  if (value instanceof Date) {
    date = Number.isNaN(value.getTime()) ? null : value;
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: 'is an invalid Date' });
      return z.NEVER;
    }
  } else {
    const text = value.trim();
    if (!ISO_INSTANT.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)
          ? 'needs a time-zone offset (+09:00 or Z): a bare time is ambiguous between JST and UTC'
          : 'must be a Date or an ISO 8601 string with offset, e.g. 2026-11-22T10:00:00+09:00',
      });
      return z.NEVER;
    }
    date = calendarDate(text);
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: `${text} is not a date on the calendar (check the day of the month and the time)` });
      return z.NEVER;
    }
  }
  const problem = yearProblem(date);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return date;
});

/**
 * An id the user gives (order, destination, line): trimmed, non-empty, at most {@link ID_MAX_LENGTH}
 * characters, no control or format characters (they break the malls' XML and CSV).
 */
export const orderIdSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters: no mall has longer ids`)
  .superRefine((id, ctx) => {
    const control = controlCharacterIn(id);
    if (control) ctx.addIssue({ code: 'custom', message: `contains the control character ${control}: copy the id again from the mall's screen` });
  });

/**
 * Free text sent to a mall (shipping method, carrier name): trimmed, 1–`max` characters, no control
 * or format characters, no emoji or other character outside the Basic Multilingual Plane.
 */
export function freeTextSchema(max: number = FREE_TEXT_MAX_LENGTH): z.ZodType<string, string> {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .superRefine((text, ctx) => {
      const control = controlCharacterIn(text);
      if (control) ctx.addIssue({ code: 'custom', message: `contains the control character ${control} (a line break or similar): use one line of plain text` });
      const astral = astralCharacterIn(text);
      if (astral) ctx.addIssue({ code: 'custom', message: `contains ${astral} (an emoji or similar), which the malls' Shift_JIS systems cannot store` });
    });
}

/**
 * A tracking number: full-width letters and digits are read as half-width (NFKC), then it must be
 * letters, digits and single hyphens between them, at most {@link TRACKING_NUMBER_MAX_LENGTH}
 * characters. Each mall narrows it further (its own length, the carrier's format).
 */
export const trackingNumberSchema = z
  .string()
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty: the mall marks an order shipped only with a tracking number')
      .max(TRACKING_NUMBER_MAX_LENGTH, `must be at most ${TRACKING_NUMBER_MAX_LENGTH} characters`)
      .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'must be letters, digits and hyphens only (no spaces, line breaks or other characters)'),
  );

/** The query of listOrders. */
export const orderQuerySchema = z
  .object({
    /** Start of the window (inclusive). */
    from: instant,
    /** End of the window (inclusive); defaults to now. */
    to: instant.optional(),
    /** Which date `from`/`to` refer to; default `ordered`. */
    dateType: z.enum(ORDER_DATE_TYPES).default('ordered'),
    /** Only orders in these normalized statuses; default all. */
    statuses: z.array(z.enum(ORDER_STATUSES)).nonempty().optional(),
  })
  .strict()
  .refine((q) => q.to === undefined || q.to.getTime() >= q.from.getTime(), {
    message: 'must not be before `from`',
    path: ['to'],
  });

/** What a caller passes to listOrders. */
export type OrderQuery = z.input<typeof orderQuerySchema>;
/** listOrders' query after parsing: dates as Date, defaults applied. */
export type ParsedOrderQuery = z.output<typeof orderQuerySchema>;

/** The query of getPayments: either order ids or a window of order dates. */
export const paymentQuerySchema = z.union([
  z.object({ orderIds: z.array(orderIdSchema).nonempty('needs at least one order id').max(IDS_MAX_COUNT) }).strict(),
  z.object({ from: instant, to: instant.optional() }).strict(),
]);
/** What a caller passes to getPayments. */
export type PaymentQuery = z.input<typeof paymentQuerySchema>;
/** getPayments' query after parsing. */
export type ParsedPaymentQuery = z.output<typeof paymentQuerySchema>;

/** A list of order ids: valid ids ({@link orderIdSchema}), no duplicates, at most {@link IDS_MAX_COUNT}. */
export const orderIdsSchema = z
  .array(orderIdSchema)
  .max(IDS_MAX_COUNT, `takes at most ${IDS_MAX_COUNT} ids per call: split the list`)
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `order id ${id} is listed twice`, path: [index] });
      seen.add(id);
    });
  });

const carrierSchema = z.union([
  z.enum(CARRIER_CODES),
  z.object({ code: z.literal('other'), name: freeTextSchema() }).strict(),
]);

/** A date (`YYYY-MM-DD`, taken as JST) or an instant, calendar-checked. */
const shipDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  if (value instanceof Date || !CALENDAR_DATE.test(value.trim())) {
    const parsed = instant.safeParse(value);
    if (parsed.success) return value instanceof Date ? value : value.trim();
    ctx.addIssue({
      code: 'custom',
      message: typeof value === 'string' && !ISO_INSTANT.test(value.trim())
        ? 'must be YYYY-MM-DD (JST) or an ISO 8601 instant with offset'
        : (parsed.error.issues[0]?.message ?? 'is not a valid date'),
    });
    return z.NEVER;
  }
  const text = value.trim();
  const date = calendarDate(text);
  if (date === null) {
    ctx.addIssue({ code: 'custom', message: `${text} is not a date on the calendar` });
    return z.NEVER;
  }
  const problem = yearProblem(date);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return text;
});

/** One shipment to write back to the mall. */
export const shipmentUpdateSchema = z
  .object({
    orderId: orderIdSchema,
    /** The destination (Rakuten basketId…), from `order.deliveries[i].deliveryId`; default: the order's only destination. */
    deliveryId: orderIdSchema.optional(),
    carrier: carrierSchema,
    trackingNumber: trackingNumberSchema,
    /** When it was handed to the carrier; must not be in the future. */
    shippedAt: shipDate,
    /** Free-text service name (宅急便, ネコポス, ゆうパケット…), for malls that take one. */
    shippingMethod: freeTextSchema().optional(),
    /** Only these lines; default: every line of the destination. */
    items: z
      .array(z.object({ lineId: orderIdSchema, quantity: z.number().int().positive().max(100_000) }).strict())
      .nonempty()
      .optional(),
  })
  .strict();

/** What a caller passes to exportShipments, per shipment. */
export type ShipmentUpdate = z.input<typeof shipmentUpdateSchema>;
/** A shipment update after parsing. */
export type ParsedShipmentUpdate = z.output<typeof shipmentUpdateSchema>;

/** The list given to exportShipments. */
export const shipmentUpdatesSchema = z.array(shipmentUpdateSchema).max(IDS_MAX_COUNT, `takes at most ${IDS_MAX_COUNT} updates per call: split the list`);
