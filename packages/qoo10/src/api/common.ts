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
 * The most rows one GetShippingInfo_v3 / GetClaimInfo_V3 answer is taken to hold: a window whose
 * answer reaches it is halved and searched again. Qoo10 documents no paging parameter and no row
 * limit (searched: passoffer's method tables, the public clients, integrators' manuals); one
 * integrator reads GetShippingInfo_v2 in 89-day windows and reports that every row comes back in
 * one answer, `Page` beyond 1 being empty (nakyahara/bfaith-portal apps/warehouse/qoo10-orders.js).
 * 500, the only size limit QAPI documents (its *Bulk writes), is kept as a guard. UNVERIFIED for
 * v3: a lower limit would cut answers, so an answer with a round number of rows is logged
 * (see looksCut); override with `listResultCap`.
 */
export const QOO10_LIST_RESULT_CAP = 500;

/** Answers with a multiple of this many rows look cut by a limit Qoo10 does not publish (APIs cut at 100, 200, 300…). */
const ROUND_ROW_COUNT = 100;

/** True when an answer's row count is a round number below the cap: the sign of an unpublished row limit. */
export function looksCut(rows: number, cap: number): boolean {
  return rows > 0 && rows < cap && rows % ROUND_ROW_COUNT === 0;
}

/**
 * GetClaimInfo_V3 refuses windows longer than 90 days (`-10003 Searching period exceeds to 90
 * days.`, passoffer GetClaimInfo_V3.md). How Qoo10 counts them (calendar days, inclusive or not)
 * is not published, so the connector's windows are one day shorter.
 */
export const QOO10_CLAIM_WINDOW_LIMIT_DAYS = 90;

/** The longest window the connector searches: a day inside the 90-day limit of a claim search. */
export const QOO10_CLAIM_WINDOW_DAYS = QOO10_CLAIM_WINDOW_LIMIT_DAYS - 1;

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

/**
 * A search date as QAPI takes it: `yyyyMMddHHmmss` in JST. Both GetShippingInfo_v3 and
 * GetClaimInfo_V3 document `yyyyMMdd` or `yyyyMMddHHmmss` (passoffer GetShippingInfo_v3.md,
 * GetClaimInfo_V3.md: "8 or 14").
 */
export function searchDate(instant: Date): string {
  return formatJst(instant, 'compact');
}

/** A number Qoo10 sends as a JSON number, or (tolerated) as a numeric string; kept as a string. */
export const wireId = z.union([z.number(), z.string()]).transform((value) => String(value));

/** A money or count field: a JSON number, a numeric string, or empty/absent (read as 0 by the mapping). */
export const wireNumber = z.union([z.number(), z.string(), z.null()]).optional();

/** A text field that may be absent, null or empty. */
export const wireText = z.string().nullish();

/**
 * PackNo and OrderNo are Int32 in the method tables (spec §2.4): digits only. Up to 15 digits are
 * allowed, so that a number wider than the table says is not refused on its word alone.
 */
export const QOO10_NUMBER = /^[0-9]{1,15}$/;

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
