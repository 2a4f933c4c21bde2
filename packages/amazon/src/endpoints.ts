/**
 * Where the Amazon.co.jp seller's SP-API calls go. Japan is served by the Far East region; the
 * LWA token endpoint is one global host for every region (specs/amazon.md §1.1, §1.5).
 */

/** Far East production endpoint (Japan, Singapore, Australia). */
export const AMAZON_FE_PRODUCTION_URL = 'https://sellingpartnerapi-fe.amazon.com';

/** Far East sandbox endpoint: same paths, canned answers, same LWA tokens. */
export const AMAZON_FE_SANDBOX_URL = 'https://sandbox.sellingpartnerapi-fe.amazon.com';

/** Login with Amazon token endpoint, used for every region. */
export const AMAZON_LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** The Amazon.co.jp marketplace id. */
export const AMAZON_JP_MARKETPLACE_ID = 'A1VC38T7YXB528';

/** Seller Central Japan, where the seller authorizes apps and finds the merchant token. */
export const AMAZON_JP_SELLER_CENTRAL_URL = 'https://sellercentral.amazon.co.jp';

/**
 * The last day Orders API v0 reads (getOrders, getOrderItems…) are served: Amazon asks every
 * caller to migrate to v2026-01-01 by 2027-03-27. confirmShipment stays in v0 and is not affected.
 */
export const ORDERS_V0_READ_REMOVAL_DATE = '2027-03-27';
