import {
  CARRIER_CODES,
  INPUT_YEAR_RANGE,
  freeTextSchema,
  parseInput,
  systemClock,
  toEpochJst,
  type CarrierCode,
  type ConnectorOptions,
  type MapperOverrides,
  type TokenStore,
} from '@mallkit/core';
import { z } from 'zod';
import { SHIPPING_CORP_MAX_LENGTH } from './api/writes.js';

/** How GetClaimInfo_V3 is asked for the claims of a window: see {@link Qoo10ConnectorOptions.claimSearch}. */
export type Qoo10ClaimSearch = 'without-claim-stat' | 'per-claim-stat';

/**
 * Options of {@link createQoo10Connector}. Give either a ready Seller Authorization Key
 * (`certificationKey`, with `certificationKeyIssuedAt` so that its one-year life can be reported, and
 * `shopId`), or the means to mint one (`apiKey`, `userId`, `password`): the connector then mints a
 * key at the first call and once more whenever Qoo10 says the key expired. Both together: the ready
 * key is used first and re-minted on expiry.
 */
export interface Qoo10ConnectorOptions extends ConnectorOptions {
  /**
   * Your name for the shop (your QSM seller ID is a good one). Defaults to `userId`; required when
   * only a ready `certificationKey` is given, so that two shops' orders never share one shopId.
   */
  readonly shopId?: string;
  /** The Seller Authorization Key (販売者認証キー, SAK) from CertificationAPI.CreateCertificationKey. */
  readonly certificationKey?: string;
  /**
   * When `certificationKey` was issued: a Date, or a string such as `2026-04-01` (JST) or an ISO 8601
   * instant. It lives 365 days and Qoo10 sends no notice. Not in the future.
   */
  readonly certificationKeyIssuedAt?: string | Date;
  /** The API key Qoo10 issued to the shop (QSM お問い合わせ > システム > API・FTP・QSM権限). */
  readonly apiKey?: string;
  /** The QSM login id. */
  readonly userId?: string;
  /** The QSM login password. Changing it in QSM voids every key minted with the old one. */
  readonly password?: string;
  /**
   * Where minted keys are kept (Redis, a database row…), so that several processes of one shop share
   * one key and mint once under the store's lock (`@mallkit/redis`'s token store). Default: memory.
   */
  readonly tokenStore?: TokenStore;
  /**
   * 発送予定日 sent with confirmOrders: a number of days after today (JST), or a function giving
   * `YYYY-MM-DD` per order. Default 3 days (Qoo10 expects shipment within 3 business days of payment).
   */
  readonly estimatedShipDate?: number | ((packNo: string, today: string) => string);
  /**
   * Most rows one search answer is taken to hold (default {@link QOO10_LIST_RESULT_CAP}); a window
   * whose answer reaches it is halved. Qoo10 publishes no such limit: lower it if answers are cut
   * shorter (the connector warns when an answer has a round number of rows).
   */
  readonly listResultCap?: number;
  /** How many days back getOrders, confirmOrders and exportShipments search for an order by its PackNo (default 89). */
  readonly readLookbackDays?: number;
  /**
   * How claims are searched. `without-claim-stat` (default): one GetClaimInfo_V3 per window without
   * `ClaimStat`, which the method table marks optional; that this returns every claim is UNVERIFIED.
   * `per-claim-stat`: one request per claim code (12 per window, and 24 for the claim dates an
   * incremental sync searches), which does not rely on it.
   */
  readonly claimSearch?: Qoo10ClaimSearch;
  /** Carrier NAMES sent as ShippingCorp, per normalized carrier code, over the built-in ones (≤ 200 characters, one line). */
  readonly carrierNames?: Readonly<Partial<Record<CarrierCode, string>>>;
  /** Your entries for the payment-method mapping (Qoo10's PaymentMethod text → code). */
  readonly mappers?: Pick<MapperOverrides, 'paymentMethod'>;
}

/** A key as issued: trimmed, and no spaces or line breaks inside (a key pasted with one fails every call). */
const secret = z
  .string()
  .trim()
  .min(8, 'is too short to be a Qoo10 key')
  .max(1000)
  .regex(/^\S+$/, 'contains spaces or line breaks: copy the key again without them')
  .optional();

/** A moment the user gives (issuedAt): JST when it has no offset; a bare date is midnight JST. */
const pastInstant = (now: number) =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    let at: number;
    try {
      at = toEpochJst(typeof value === 'string' ? value.trim() : value);
    } catch {
      at = Number.NaN;
    }
    const year = Number.isFinite(at) ? new Date(at).getUTCFullYear() : Number.NaN;
    if (!(year >= INPUT_YEAR_RANGE.min && year <= INPUT_YEAR_RANGE.max)) {
      ctx.addIssue({ code: 'custom', message: 'must be a date such as 2026-04-01 (JST), an ISO 8601 instant or a Date' });
      return z.NEVER;
    }
    // A key cannot have been issued later than now; a minute's leeway for clocks that drift.
    if (at > now + 60_000) {
      ctx.addIssue({ code: 'custom', message: 'is in the future: give the day the key was issued' });
      return z.NEVER;
    }
    return at;
  });

const carrierNamesSchema = z.partialRecord(z.enum(CARRIER_CODES), freeTextSchema(SHIPPING_CORP_MAX_LENGTH));

const optionsSchema = (now: number) =>
  z
    .object({
      shopId: z.string().trim().min(1).max(100).optional(),
      certificationKey: secret,
      certificationKeyIssuedAt: pastInstant(now).optional(),
      apiKey: secret,
      userId: z.string().trim().min(1).max(100).optional(),
      password: z.string().min(1).max(200).optional(),
      estimatedShipDate: z.union([z.number().int().min(1).max(365), z.custom<(packNo: string, today: string) => string>((value) => typeof value === 'function')]).optional(),
      listResultCap: z.number().int().min(2).max(100_000).optional(),
      readLookbackDays: z.number().int().min(1).max(3650).optional(),
      claimSearch: z.enum(['without-claim-stat', 'per-claim-stat']).optional(),
      carrierNames: carrierNamesSchema.optional(),
    })
    .superRefine((value, ctx) => {
      const mint = [value.apiKey, value.userId, value.password];
      const some = mint.some((part) => part !== undefined);
      const all = mint.every((part) => part !== undefined);
      if (some && !all) {
        const missing = (['apiKey', 'userId', 'password'] as const).find((name) => value[name] === undefined) ?? 'apiKey';
        ctx.addIssue({ code: 'custom', path: [missing], message: 'minting a key needs apiKey, userId and password together' });
      }
      if (!all && value.certificationKey === undefined) {
        ctx.addIssue({ code: 'custom', path: ['certificationKey'], message: 'give a certificationKey, or apiKey + userId + password to mint one' });
      }
      if (value.shopId === undefined && value.userId === undefined) {
        ctx.addIssue({ code: 'custom', path: ['shopId'], message: 'is required with a ready certificationKey: name the shop (e.g. its QSM seller ID) so that two shops never share one shopId' });
      }
    });

/** The options after checking: `certificationKeyIssuedAt` as epoch ms, `shopId` resolved. */
export type Qoo10Settings = Omit<z.output<ReturnType<typeof optionsSchema>>, 'shopId'> & { readonly shopId: string };

/** Checks the connector's own options before anything is sent: ValidationError naming the field. */
export function parseQoo10Options(options: Qoo10ConnectorOptions): Qoo10Settings {
  const { shopId, certificationKey, certificationKeyIssuedAt, apiKey, userId, password, estimatedShipDate, listResultCap, readLookbackDays, claimSearch, carrierNames } = options;
  const now = (options.clock ?? systemClock).now();
  const parsed = parseInput(
    optionsSchema(now),
    { shopId, certificationKey, certificationKeyIssuedAt, apiKey, userId, password, estimatedShipDate, listResultCap, readLookbackDays, claimSearch, carrierNames },
    'options',
    { mall: 'qoo10', operation: 'createQoo10Connector' },
  );
  // The schema refuses a missing shopId without userId, so one of them is there.
  return { ...parsed, shopId: parsed.shopId ?? (parsed.userId as string) };
}
