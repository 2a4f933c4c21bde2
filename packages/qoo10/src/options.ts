import { parseInput, type ConnectorOptions, type MapperOverrides } from '@mallkit/core';
import { z } from 'zod';

/**
 * Options of {@link createQoo10Connector}. Give either a ready Seller Authorization Key
 * (`certificationKey`, with `certificationKeyIssuedAt` so that its one-year life can be reported), or
 * the means to mint one (`apiKey`, `userId`, `password`): the connector then mints a key at the
 * first call and once more whenever Qoo10 says the key expired. Both together: the ready key is
 * used first and re-minted on expiry.
 */
export interface Qoo10ConnectorOptions extends ConnectorOptions {
  /** The Seller Authorization Key (販売者認証キー, SAK) from CertificationAPI.CreateCertificationKey. */
  readonly certificationKey?: string;
  /** When `certificationKey` was issued (ISO 8601 or Date): it lives 365 days and Qoo10 sends no notice. */
  readonly certificationKeyIssuedAt?: string | Date;
  /** The API key Qoo10 issued to the shop (QSM お問い合わせ > システム > API・FTP・QSM権限). */
  readonly apiKey?: string;
  /** The QSM login id. */
  readonly userId?: string;
  /** The QSM login password. Changing it in QSM voids every key minted with the old one. */
  readonly password?: string;
  /**
   * 発送予定日 sent with confirmOrders: a number of days after today (JST), or a function giving
   * `YYYY-MM-DD` per order. Default 3 days (Qoo10 expects shipment within 3 business days of payment).
   */
  readonly estimatedShipDate?: number | ((packNo: string, today: string) => string);
  /**
   * Most rows one search answer is taken to hold (default {@link QOO10_LIST_RESULT_CAP}); a window
   * whose answer reaches it is halved. Lower it if Qoo10 turns out to cut answers shorter.
   */
  readonly listResultCap?: number;
  /** How many days back getOrders, confirmOrders and exportShipments search for an order by its PackNo (default 90). */
  readonly readLookbackDays?: number;
  /** Carrier NAMES sent as ShippingCorp, per normalized carrier code, over the built-in ones. */
  readonly carrierNames?: Readonly<Record<string, string>>;
  /** Your entries for the payment-method mapping (Qoo10's PaymentMethod text → code). */
  readonly mappers?: Pick<MapperOverrides, 'paymentMethod'>;
}

const secret = z.string().trim().min(8, 'is too short to be a Qoo10 key').max(1000).optional();

const credentialsSchema = z
  .object({
    certificationKey: secret,
    certificationKeyIssuedAt: z.union([z.date(), z.string().trim().min(1)]).optional(),
    apiKey: secret,
    userId: z.string().trim().min(1).max(100).optional(),
    password: z.string().min(1).max(200).optional(),
    estimatedShipDate: z.union([z.number().int().min(1).max(365), z.custom<(packNo: string, today: string) => string>((value) => typeof value === 'function')]).optional(),
    listResultCap: z.number().int().min(2).max(100_000).optional(),
    readLookbackDays: z.number().int().min(1).max(3650).optional(),
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
  });

/** The credential options after checking. */
export type Qoo10Credentials = z.output<typeof credentialsSchema>;

/** Checks the credential options before anything is sent: ValidationError naming the field. */
export function parseQoo10Options(options: Qoo10ConnectorOptions): Qoo10Credentials {
  const { certificationKey, certificationKeyIssuedAt, apiKey, userId, password, estimatedShipDate, listResultCap, readLookbackDays } = options;
  return parseInput(
    credentialsSchema,
    { certificationKey, certificationKeyIssuedAt, apiKey, userId, password, estimatedShipDate, listResultCap, readLookbackDays },
    'options',
    { mall: 'qoo10', operation: 'createQoo10Connector' },
  );
}
