import { formatJst } from '@mallkit/core';
import { z } from 'zod';

/** Qoo10 QSM QAPI's production root; each method is `{Class}.{Method}` under it. */
export const QOO10_BASE_URL = 'https://api.qoo10.jp/GMKT.INC.Front.QAPIService/ebayjapan.qapi';

/**
 * The `QAPIVersion` header every call sends. Qoo10 versions some methods 1.1/1.2, but every method
 * this connector calls is documented at 1.0 (jjaejjaehub/passoffer docs/api/qoo10; qiita Mikeinu).
 */
export const QAPI_VERSION = '1.0';

/**
 * The answer format asked for in every form body. `application/json` is what the current
 * (path-style) QAPI takes; `text/xml` would give XML.
 */
export const RETURN_TYPE = 'application/json';

/**
 * Qoo10 publishes no request rate. Integrators pace 100–300 ms between calls and one estimates
 * 5–10 req/s as safe (jjaejjaehub/passoffer docs/api/qoo10/common/conventions.md); the connector
 * allows itself 1 request per second unless the user says otherwise (`rateLimit`).
 */
export const QOO10_DEFAULT_RATE_PER_SECOND = 1;

/**
 * The most rows one GetShippingInfo_v3 / GetClaimInfo_V3 answer is taken to hold. Qoo10 documents
 * no paging parameter and no row limit (searched: passoffer's method table, the public clients,
 * integrators' manuals); 500 is the only size limit QAPI documents (its *Bulk methods), so a window
 * whose answer reaches it is halved and searched again. UNVERIFIED: override with `listResultCap`.
 */
export const QOO10_LIST_RESULT_CAP = 500;

/** GetClaimInfo_V3 refuses windows longer than 90 days (`-10003`, passoffer GetClaimInfo_V3.md). */
export const QOO10_CLAIM_WINDOW_DAYS = 90;

/** The Seller Authorization Key lives one year from issuance (stockcrew and tistory pages; crossma manual). */
export const SAK_LIFETIME_DAYS = 365;

/** Form values as the kit's `form` body takes them. */
export type FormFields = Readonly<Record<string, string | number | undefined>>;

/** A QAPI form body: the method's fields plus `returnType`. */
export function qapiForm(fields: FormFields): { readonly form: FormFields } {
  return { form: { returnType: RETURN_TYPE, ...fields } };
}

/** The headers of every QAPI call besides the key (added per attempt by auth). */
export const QAPI_HEADERS: Readonly<Record<string, string>> = { QAPIVersion: QAPI_VERSION };

/** A search date as QAPI takes it: `yyyyMMddHHmmss` in JST. */
export function searchDate(instant: Date): string {
  return formatJst(instant, 'compact');
}

/** A number Qoo10 sends as a JSON number, or (tolerated) as a numeric string; kept as a string. */
export const wireId = z.union([z.number(), z.string()]).transform((value) => String(value));

/** A money or count field: a JSON number, a numeric string, or empty/absent (read as 0 by the mapping). */
export const wireNumber = z.union([z.number(), z.string(), z.null()]).optional();

/** A text field that may be absent, null or empty. */
export const wireText = z.string().nullish();

/** The envelope of a successful answer: `ResultCode` 0 (the error table has already refused the others). */
export const envelopeSchema = z.looseObject({
  ResultCode: z.union([z.number(), z.string()]),
  ResultMsg: z.string().nullish(),
});

/** A successful answer listing rows; each row is checked later, per order, by the order reader. */
export const rowsAnswerSchema = z.looseObject({
  ResultCode: z.union([z.number(), z.string()]),
  ResultMsg: z.string().nullish(),
  ResultObject: z.array(z.unknown()).nullish(),
});

/** What a successful answer carrying rows holds. */
export type RowsAnswer = z.output<typeof rowsAnswerSchema>;
