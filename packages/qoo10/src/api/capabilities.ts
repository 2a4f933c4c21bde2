import type { Capabilities } from '@mallkit/core';
import { QOO10_CLAIM_WINDOW_DAYS, QOO10_DEFAULT_RATE_PER_SECOND, QOO10_LIST_RESULT_CAP } from './common.js';
import { QOO10_CHANGES } from '../change-visibility.js';

/**
 * What Qoo10 supports: searches by order date, payment date, or `updated` — Qoo10 has no update
 * time, so `updated` lists the carts it stamped a payment, shipment, delivery or claim date on
 * within the window (a 発送予定日 set or an address changed leaves no date and is not listed) — in
 * windows of at most 89 days (a day inside the claim search's 90); one write per line (the
 * connector writes each line of a cart), payments by id or window, 1 request per second by
 * default. SetSendingInfo has no ship-date field (`sendsShipDate: false`). `changes` says how an
 * incremental sync sees changes (change-visibility.ts and the README).
 */
export const QOO10_CAPABILITIES: Capabilities = {
  listOrders: {
    dateTypes: ['ordered', 'paid', 'updated'],
    maxWindowDays: QOO10_CLAIM_WINDOW_DAYS,
    maxLookbackDays: null,
    pageSize: QOO10_LIST_RESULT_CAP,
    detailBatchSize: 100,
  },
  confirmOrders: { batchSize: 1 },
  exportShipments: { batchSize: 1, sendsShipDate: false },
  getPayments: { byOrderIds: true, byWindow: true },
  defaultRatePerSecond: QOO10_DEFAULT_RATE_PER_SECOND,
  verification: {
    operations: { listOrders: 'confirmed', getOrders: 'confirmed', confirmOrders: 'confirmed', exportShipments: 'inferred', getPayments: 'confirmed', checkCredentials: 'confirmed' },
    unverified: [
      'the most rows one GetShippingInfo_v3 or GetClaimInfo_V3 answer holds (QOO10_LIST_RESULT_CAP = 500, a guard)',
      'that GetClaimInfo_V3 without ClaimStat returns the claims of every state (claimSearch option)',
      'whether ShippingRate and cart discounts repeat on each row or are split between rows',
      'that Discount is borne by Qoo10 (read as a coupon, from one integrator\'s live data)',
      'whether SellerDiscount comes off what the buyer pays (left out of the amounts, with a warning)',
      'that SetSendingInfo accepts a line still in 配送要請 (not confirmed first)',
      'that -10001 on a write means the line was not found (the common table says "no seller info")',
      'the answer to a wrong QSM password in CreateCertificationKey',
      "Qoo10's answer to too many requests (no rate limit is published)",
      'that RelatedOrder lists every other line of the cart (a cart whose dated rows name all their lines is not read again)',
      'that Qoo10 shows a payment, shipment, delivery or claim in its date searches at once (no lag is published)',
    ],
  },
  changes: QOO10_CHANGES,
};
