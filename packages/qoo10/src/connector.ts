import {
  CredentialError,
  NotFoundError,
  createOrderLister,
  createOrderReader,
  credentialReport,
  defineConnector,
  describeCredential,
  liveCheck,
  printable,
  runBatchWrite,
  type CallOptions,
  type Capabilities,
  type CredentialState,
  type Hint,
  type MallConnector,
  type Order,
  type OrderReader,
  type ParsedShipmentUpdate,
  type UnreadableOrderError,
} from '@mallkit/core';
import { QOO10_CLAIM_WINDOW_DAYS, QOO10_DEFAULT_RATE_PER_SECOND, QOO10_LIST_RESULT_CAP } from './api/common.js';
import { TRACKING_NO_MAX_LENGTH, SHIPPING_CORP_MAX_LENGTH } from './api/writes.js';
import { createQoo10Client } from './client.js';
import { CERTIFICATION_KEY, RENEW_CERTIFICATION_KEY } from './errors.js';
import { shippingCorpOf, shippingCorpProblem } from './mapping/carrier.js';
import { estimatedShipDates, isQoo10Number } from './mapping/inputs.js';
import { toOrder } from './mapping/order.js';
import { packNoOf, packSchema, type Qoo10Pack, type WirePack } from './mapping/pack.js';
import { paymentRecordOf } from './mapping/payment-record.js';
import { qoo10PaymentMapper } from './mapping/payment.js';
import { searchWindow } from './mapping/search.js';
import { queryCanMatch } from './mapping/status.js';
import { writeLines } from './mapping/write-lines.js';
import { confirmationLanded, planConfirmation, planShipment, shipmentLanded, type CartWrite } from './mapping/writes.js';
import type { Qoo10ConnectorOptions } from './options.js';

const DAY_MS = 86_400_000;

/**
 * What Qoo10 supports: searches by order date or payment date in windows of at most 89 days (a day
 * inside the claim search's 90), one write per line (the connector writes each line of a cart),
 * payments by id or window, 1 request per second by default. SetSendingInfo has no ship-date field
 * (`sendsShipDate: false`). Qoo10 has no search by update date: changes to older orders are seen
 * by listing their order dates again (see the README).
 */
export const QOO10_CAPABILITIES: Capabilities = {
  listOrders: {
    dateTypes: ['ordered', 'paid'],
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
    ],
  },
};

/** The note every shipment result carries. */
const NO_SHIP_DATE = 'Qoo10 has no ship-date field: it records the time of this call as the ship date (shippedAt was checked, not sent)';

const NO_EXPIRY_NOTICE: Hint = {
  ja: 'Qoo10は認証キーの期限切れを通知しません。QSMのパスワードを変更すると認証キーは無効になります。',
  en: 'Qoo10 sends no expiry notice; changing the QSM password voids the key.',
};
const REMINTS: Hint = { ja: '期限切れの認証キーは自動で再発行します。', en: 'An expired key is minted again automatically.' };

/**
 * The kit halves a window only when its first page is full, counting entries; Qoo10's entries are
 * carts grouped from rows, fewer than the rows that reached the cap. With a page size of 1 any
 * non-empty answer counts as full, so the cap is judged on `total` (the largest row count of the
 * window's answers) alone. Kit request: let a page say that it was full.
 */
const GROUPED_ENTRIES_PAGE_SIZE = 1;

/**
 * Creates the Qoo10 connector. Orders are carts (PackNo) with their lines (OrderNo); ids given to
 * getOrders, confirmOrders, exportShipments and getPayments are PackNos (`order.id`). Qoo10 has no
 * read by PackNo, so those calls search the last `readLookbackDays` (default 89) by order date.
 */
export function createQoo10Connector(options: Qoo10ConnectorOptions): MallConnector<Qoo10Pack, Qoo10Pack> {
  const qoo10 = createQoo10Client(options);
  const { client, settings } = qoo10;
  const { clock, logger } = client;
  const { shopId } = settings;
  const context = { shopId, paymentMapper: qoo10PaymentMapper(options.mappers?.paymentMethod) };
  const resultCap = settings.listResultCap ?? QOO10_LIST_RESULT_CAP;
  const lookbackDays = settings.readLookbackDays ?? QOO10_CLAIM_WINDOW_DAYS;
  const search = { claimSearch: settings.claimSearch ?? 'without-claim-stat', resultCap, logger } as const;
  const listCapabilities = { ...QOO10_CAPABILITIES.listOrders, pageSize: GROUPED_ENTRIES_PAGE_SIZE };
  const common = { mall: 'qoo10', operation: 'GetShippingInfo_v3', capabilities: listCapabilities, clock, logger, inline: true, resultCap } as const;
  const entryId = (pack: WirePack): string | null => pack.packNo;

  /**
   * Reads carts by PackNo: a search of the look-back by order date, keeping the carts asked for from
   * answers under the cap (a capped answer's carts may lack lines; the kit searches its halves).
   */
  const readPacks = async (ids: readonly string[], call: CallOptions): Promise<{ orders: WirePack[] }> => {
    const wanted = new Set(ids.filter(isQoo10Number));
    const found = new Map<string, WirePack>();
    if (wanted.size === 0) return { orders: [] };
    const scan = createOrderLister<Qoo10Pack, WirePack, never, 'all'>({
      ...common,
      reader,
      entryId,
      fetchPage: async ({ window }, pageCall) => {
        const { packs, largest } = await searchWindow(qoo10, window, 'ordered', search, pageCall);
        if (largest < resultCap) for (const pack of packs) if (pack.packNo !== null && wanted.has(pack.packNo)) found.set(pack.packNo, pack);
        // Every cart is an entry, so that a capped window is halved; the scan's orders are dropped.
        return { entries: packs, next: undefined, total: largest };
      },
    });
    const ignore = { ...call, onOrderError: () => undefined };
    for await (const _ of scan({ from: new Date(clock.now() - lookbackDays * DAY_MS) }, ignore)) void _;
    return { orders: [...found.values()] };
  };

  const notFoundHint = (missing: readonly string[]): Hint => ({
    ja: `カート番号（PackNo、数字）を確認してください: ${missing.join(', ')}。過去${lookbackDays}日より前の注文は readLookbackDays を延ばすと検索されます。`,
    en: `Check the cart numbers (PackNo, digits): ${missing.join(', ')}. Orders older than ${lookbackDays} days are searched with a longer readLookbackDays.`,
  });

  const reader: OrderReader<Qoo10Pack> = createOrderReader<Qoo10Pack>({
    mall: 'qoo10',
    operation: 'GetShippingInfo_v3',
    orderSchema: packSchema,
    idOf: packNoOf,
    normalize: (raw, warnings) => toOrder(raw, context, warnings),
    batchSize: QOO10_CAPABILITIES.listOrders.detailBatchSize,
    fetch: readPacks,
    redact: client.redactor.text,
    logger,
    notFoundHint,
  });

  const listOrders = createOrderLister<Qoo10Pack, WirePack, never, 'all'>({
    ...common,
    reader,
    plans: (query) => (queryCanMatch(query) ? ['all'] : []),
    entryId,
    fetchPage: async ({ window, query }, call) => {
      const { packs, largest } = await searchWindow(qoo10, window, query.dateType, search, call);
      return { entries: packs, next: undefined, total: largest };
    },
  });

  // An id that cannot be a PackNo is not found, said before any request: a read by id costs a whole search.
  const checkedReader: OrderReader<Qoo10Pack> = {
    ...reader,
    getOrders: async (ids, call) => {
      const impossible = ids.filter((id) => !isQoo10Number(id));
      if (impossible.length === 0) return reader.getOrders(ids, call);
      throw new NotFoundError(`qoo10 GetShippingInfo_v3: no such order for this shop: ${impossible.map(printable).join(', ')}`, {
        mall: 'qoo10',
        operation: 'GetShippingInfo_v3',
        hint: notFoundHint(impossible.map(printable)),
      });
    },
  };

  return defineConnector<Qoo10Pack, Qoo10Pack>({
    mall: 'qoo10',
    shopId,
    capabilities: QOO10_CAPABILITIES,
    clock,
    reader: checkedReader,
    listOrders,
    shipmentRules: {
      trackingNumberMaxLength: TRACKING_NO_MAX_LENGTH,
      carrierNameMaxLength: SHIPPING_CORP_MAX_LENGTH,
      carrierProblem: (_carrier, update) => shippingCorpProblem(update, settings.carrierNames),
    },
    confirmOrders(ids, call) {
      const dates = estimatedShipDates(ids, settings.estimatedShipDate, clock.now());
      return runBatchWrite<string, Qoo10Pack | UnreadableOrderError, CartWrite>({
        mall: 'qoo10',
        operation: 'SetSellerCheckYN_V2',
        items: ids,
        idOf: (id) => id,
        batchSize: 1,
        call,
        readStates: reader.states,
        stateBatchSize: QOO10_CAPABILITIES.listOrders.detailBatchSize,
        precheck: (_id, pack) => planConfirmation(pack),
        write: async ([id], writeCall, { planOf }) => {
          const packNo = id as string;
          const confirm = (orderNo: string) => qoo10.confirmLine({ orderNo, estimatedShipDate: dates.get(packNo) as string }, writeCall);
          return [await writeLines(planOf(packNo)?.orderNos ?? [], confirm, '-10012')];
        },
        resolve: (_id, pack, doubt, plan) => (confirmationLanded(pack, plan) ? { kind: 'done' } : { kind: 'failed', error: doubt }),
      });
    },
    exportShipments(updates, call) {
      return runBatchWrite<ParsedShipmentUpdate, Qoo10Pack | UnreadableOrderError, CartWrite>({
        mall: 'qoo10',
        operation: 'SetSendingInfo',
        items: updates,
        idOf: (update) => update.orderId,
        batchSize: 1,
        call,
        readStates: reader.states,
        stateBatchSize: QOO10_CAPABILITIES.listOrders.detailBatchSize,
        refreshBetweenItemsOfOneOrder: true,
        precheck: (update, pack) => {
          const decision = planShipment(pack, update);
          return typeof decision === 'object' && 'kind' in decision && decision.kind === 'done' ? { ...decision, warnings: [NO_SHIP_DATE] } : decision;
        },
        write: async ([update], writeCall, { planOf }) => {
          const item = update as ParsedShipmentUpdate;
          // The shipment rules refused every update without a carrier name before this runs.
          const shippingCorp = shippingCorpOf(item, settings.carrierNames) as string;
          const send = (orderNo: string) => qoo10.shipLine({ orderNo, shippingCorp, trackingNo: item.trackingNumber }, writeCall);
          return [await writeLines(planOf(item)?.orderNos ?? [], send, null, [NO_SHIP_DATE])];
        },
        resolve: (update, pack, doubt, plan) =>
          shipmentLanded(pack, plan, update.trackingNumber) ? { kind: 'done', warnings: [NO_SHIP_DATE] } : { kind: 'failed', error: doubt },
      });
    },
    async *getPayments(query, call) {
      const orders: AsyncIterable<Order<Qoo10Pack>> | Iterable<Order<Qoo10Pack>> =
        'orderIds' in query ? await checkedReader.getOrders(query.orderIds, call) : listOrders({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call);
      for await (const order of orders) yield paymentRecordOf(order);
    },
    async checkCredentials(call) {
      const now = clock.now();
      let refusedAsExpired = false;
      // A live probe: the cheapest search there is (one status, the last minute). A connector that
      // can mint renews an expired key on the way, and the report then shows the new key's year.
      const live = await liveCheck(async () => {
        try {
          await qoo10.searchShipping({ status: 2, from: new Date(now - 60_000), to: new Date(now), condition: '1' }, call);
        } catch (error) {
          refusedAsExpired = CredentialError.isInstance(error) && error.code === 'credential_expired';
          throw error;
        }
      });
      const { expiresAt } = await qoo10.keys.expiry();
      const notes: Hint[] = [NO_EXPIRY_NOTICE, ...(qoo10.keys.canMint ? [REMINTS] : []), ...(live.note ? [live.note] : [])];
      const state: CredentialState | undefined =
        live.state === 'invalid' ? (refusedAsExpired ? 'expired' : 'invalid') : live.state === 'unknown' && expiresAt === null ? 'unknown' : undefined;
      const status = describeCredential({
        name: CERTIFICATION_KEY,
        label: { ja: '販売者認証キー', en: 'Seller Authorization Key' },
        expiresAt: expiresAt === null ? null : new Date(expiresAt),
        source: expiresAt === null ? 'live_check' : 'tracked',
        now,
        warningDays: options.expiryWarningDays ?? 14,
        renew: RENEW_CERTIFICATION_KEY,
        notes,
        ...(state ? { state } : {}),
      });
      return credentialReport('qoo10', shopId, now, [status]);
    },
  });
}
