import {
  CredentialError,
  MallkitError,
  PermissionError,
  UnreadableOrderError,
  ValidationError,
  createOrderLister,
  createOrderReader,
  credentialReport,
  defineConnector,
  describeCredential,
  formatJst,
  isConnectorWide,
  isUnknownOutcome,
  parseJst,
  runBatchWrite,
  type CallOptions,
  type Capabilities,
  type MallConnector,
  type Order,
  type OrderDateType,
  type ParsedShipmentUpdate,
  type TimeWindow,
  type WriteOutcome,
} from '@mallkit/core';
import { QOO10_CLAIM_WINDOW_DAYS, QOO10_DEFAULT_RATE_PER_SECOND, QOO10_LIST_RESULT_CAP, SAK_LIFETIME_DAYS } from './api/common.js';
import { SHIPPING_STATUS_CODES } from './api/shipping-info.js';
import { createQoo10Client, type Qoo10Client } from './client.js';
import { CERTIFICATION_KEY, RENEW_CERTIFICATION_KEY } from './errors.js';
import { shippingCorpOf } from './mapping/carrier.js';
import { toOrder } from './mapping/order.js';
import { groupIntoPacks, packNoOf, packSchema, type Qoo10Pack, type WirePack } from './mapping/pack.js';
import { paymentRecordOf } from './mapping/payment-record.js';
import { qoo10PaymentMapper } from './mapping/payment.js';
import { queryCanMatch } from './mapping/status.js';
import { confirmationLanded, planConfirmation, planShipment, shipmentLanded, type CartPlan } from './mapping/writes.js';
import type { Qoo10ConnectorOptions } from './options.js';

const DAY_MS = 86_400_000;

/** Qoo10's capabilities, with what its shipment write does not carry. */
export interface Qoo10Capabilities extends Capabilities {
  readonly exportShipments: {
    readonly batchSize: number;
    /** False: SetSendingInfo has no ship-date field; Qoo10 records the time of the call. `shippedAt` is checked, not sent. */
    readonly sendsShipDate: false;
  };
}

/**
 * What Qoo10 supports: searches by order date or payment date in windows of at most 90 days (the
 * claim search's limit), one write per line (the connector writes each line of a cart), payments
 * by id or window, 1 request per second by default.
 */
export const QOO10_CAPABILITIES: Qoo10Capabilities = {
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
};

/** The note every shipment result carries. */
const NO_SHIP_DATE = 'Qoo10 has no ship-date field: it records the time of this call as the ship date (shippedAt was checked, not sent)';

/** The search of one window: every ShippingStatus, then the claims; the rows grouped into carts. */
async function searchWindow(qoo10: Qoo10Client, window: TimeWindow, dateType: OrderDateType, call: CallOptions): Promise<{ packs: WirePack[]; largest: number }> {
  const condition = dateType === 'paid' ? '2' : '1';
  const lines: unknown[] = [];
  let largest = 0;
  for (const status of SHIPPING_STATUS_CODES) {
    const rows = (await qoo10.searchShipping({ status, from: window.from, to: window.to, condition }, call)).ResultObject ?? [];
    largest = Math.max(largest, rows.length);
    lines.push(...rows);
  }
  // Claims have no payment-date search: by order date, then kept when paid within the window.
  let claims = (await qoo10.searchClaims({ from: window.from, to: window.to, condition: '1' }, call)).ResultObject ?? [];
  largest = Math.max(largest, claims.length);
  if (dateType === 'paid') {
    claims = claims.filter((row) => {
      const paid = (row as { PaymentDate?: unknown }).PaymentDate;
      if (typeof paid !== 'string' || paid.trim() === '') return false;
      try {
        const at = parseJst(paid).getTime();
        return at >= window.from.getTime() && at <= window.to.getTime();
      } catch {
        return false;
      }
    });
  }
  return { packs: groupIntoPacks(lines, claims), largest };
}

/** Sends a cart's lines one by one; a line Qoo10 already has in the target state (`alreadyCode`) counts as done. */
async function writeLines(orderNos: readonly string[], send: (orderNo: string) => Promise<void>, alreadyCode: string | null, warnings: readonly string[] = []): Promise<WriteOutcome> {
  for (const orderNo of orderNos) {
    try {
      await send(orderNo);
    } catch (error) {
      if (!MallkitError.isInstance(error)) throw error;
      if (alreadyCode !== null && error.mallCode === alreadyCode) continue;
      if (isConnectorWide(error)) throw error;
      return isUnknownOutcome(error) ? { kind: 'doubt', error } : { kind: 'failed', error };
    }
  }
  return { kind: 'done', warnings };
}

/** The 発送予定日 of each cart, checked before anything is sent: `yyyyMMdd`, after today (Qoo10's -10016/-10018). */
function estimatedShipDates(ids: readonly string[], option: Qoo10ConnectorOptions['estimatedShipDate'], now: number): Map<string, string> {
  const today = formatJst(now, 'date');
  const dates = new Map<string, string>();
  ids.forEach((id, index) => {
    const day = typeof option === 'function' ? option(id, today) : formatJst(now + (option ?? 3) * DAY_MS, 'date');
    let valid = false;
    try {
      valid = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) && formatJst(parseJst(day), 'date') === day;
    } catch {
      valid = false;
    }
    if (!valid || day <= today) {
      throw new ValidationError([{ field: `options.estimatedShipDate(ids[${index}])`, message: `${String(day)} must be a YYYY-MM-DD date after today (${today} JST)` }], {
        mall: 'qoo10',
        operation: 'confirmOrders',
        hint: { ja: '発送予定日は明日以降の日付（YYYY-MM-DD）にしてください。何も送信していません。', en: 'The estimated ship date must be a YYYY-MM-DD date after today. Nothing was sent.' },
      });
    }
    dates.set(id, day.replace(/-/g, ''));
  });
  return dates;
}

/** The ShippingCorp of each update, checked before anything is sent. */
function shippingCorps(updates: readonly ParsedShipmentUpdate[], names: Qoo10ConnectorOptions['carrierNames']): string[] {
  return updates.map((update, index) => {
    const corp = shippingCorpOf(update, names);
    if (corp !== null) return corp;
    throw new ValidationError([{ field: `updates[${index}].carrier`, message: `Qoo10 takes the carrier's name and none is known for ${String(update.carrier)}: pass { code: 'other', name } or the carrierNames option` }], { mall: 'qoo10', operation: 'exportShipments' });
  });
}

/**
 * Creates the Qoo10 connector. Orders are carts (PackNo) with their lines (OrderNo); ids given to
 * getOrders, confirmOrders, exportShipments and getPayments are PackNos (`order.id`). Qoo10 has no
 * read by PackNo, so those calls search the last `readLookbackDays` (default 90) by order date.
 */
export function createQoo10Connector(options: Qoo10ConnectorOptions): MallConnector<Qoo10Pack, Qoo10Pack> {
  const qoo10 = createQoo10Client(options);
  const { client, credentials } = qoo10;
  const { clock, logger } = client;
  const shopId = options.shopId ?? credentials.userId ?? 'qoo10';
  const context = { shopId, paymentMapper: qoo10PaymentMapper(options.mappers?.paymentMethod) };
  const resultCap = credentials.listResultCap ?? QOO10_LIST_RESULT_CAP;
  const lookbackDays = credentials.readLookbackDays ?? QOO10_CLAIM_WINDOW_DAYS;
  const listCapabilities = { ...QOO10_CAPABILITIES.listOrders, pageSize: resultCap };
  const common = { mall: 'qoo10', operation: 'GetShippingInfo_v3', capabilities: listCapabilities, clock, logger, inline: true, resultCap } as const;

  /** Reads carts by PackNo: a search of the look-back by order date, keeping the carts asked for. */
  const readPacks = async (ids: readonly string[], call: CallOptions): Promise<{ orders: WirePack[] }> => {
    const wanted = new Set(ids);
    const found = new Map<string, WirePack>();
    const scan = createOrderLister<Qoo10Pack, WirePack, never, 'all'>({
      ...common,
      reader,
      entryId: (pack) => pack.packNo,
      fetchPage: async ({ window }, pageCall) => {
        const { packs, largest } = await searchWindow(qoo10, window, 'ordered', pageCall);
        for (const pack of packs) if (pack.packNo !== null && wanted.has(pack.packNo)) found.set(pack.packNo, pack);
        // Nothing to yield: the carts are collected above; `total` lets the kit halve a capped window.
        return { entries: [], next: undefined, total: largest };
      },
    });
    for await (const _ of scan({ from: new Date(clock.now() - lookbackDays * DAY_MS) }, call)) void _;
    return { orders: [...found.values()] };
  };

  const reader = createOrderReader<Qoo10Pack>({
    mall: 'qoo10',
    operation: 'GetShippingInfo_v3',
    orderSchema: packSchema,
    idOf: packNoOf,
    normalize: (raw, warnings) => toOrder(raw, context, warnings),
    batchSize: QOO10_CAPABILITIES.listOrders.detailBatchSize,
    fetch: readPacks,
    redact: client.redactor.text,
    logger,
    notFoundHint: (missing) => ({
      ja: `カート番号（PackNo）を確認してください: ${missing.join(', ')}。過去${lookbackDays}日より前の注文は readLookbackDays を延ばすと検索されます。`,
      en: `Check the cart numbers (PackNo): ${missing.join(', ')}. Orders older than ${lookbackDays} days are searched with a longer readLookbackDays.`,
    }),
  });

  const readStates = async (ids: readonly string[], call: CallOptions): Promise<Map<string, Qoo10Pack>> => {
    const { found } = await reader.readByIds(ids, call);
    return new Map([...found].flatMap(([id, outcome]) => (UnreadableOrderError.isInstance(outcome) ? [] : [[id, outcome.raw] as const])));
  };

  const listOrders = createOrderLister<Qoo10Pack, WirePack, never, 'all'>({
    ...common,
    reader,
    plans: (query) => (queryCanMatch(query) ? ['all'] : []),
    entryId: (pack) => pack.packNo,
    fetchPage: async ({ window, query }, call) => {
      const { packs, largest } = await searchWindow(qoo10, window, query.dateType, call);
      return { entries: packs, next: undefined, total: largest };
    },
  });

  /** Records a cart's plan from its state and turns it into the runner's precheck decision. */
  const decide = (plans: Map<string, readonly string[]>, id: string, plan: CartPlan): 'write' | WriteOutcome => {
    if (plan.kind !== 'write') return plan;
    plans.set(id, plan.orderNos);
    return 'write';
  };

  return defineConnector<Qoo10Pack, Qoo10Pack>({
    mall: 'qoo10',
    shopId,
    capabilities: QOO10_CAPABILITIES,
    clock,
    reader,
    listOrders,
    shipmentRules: { trackingNumberMaxLength: 50, carrierNameMaxLength: 200 },
    confirmOrders(ids, call) {
      const dates = estimatedShipDates(ids, options.estimatedShipDate, clock.now());
      const plans = new Map<string, readonly string[]>();
      return runBatchWrite<string, Qoo10Pack>({
        mall: 'qoo10',
        operation: 'SetSellerCheckYN_V2',
        items: ids,
        idOf: (id) => id,
        batchSize: 1,
        call,
        readStates,
        stateBatchSize: QOO10_CAPABILITIES.listOrders.detailBatchSize,
        precheck: (id, pack) => decide(plans, id, planConfirmation(pack)),
        write: async ([id]) => [
          await writeLines(plans.get(id as string) ?? [], (orderNo) => qoo10.confirmLine({ orderNo, estimatedShipDate: dates.get(id as string) as string }, call), '-10012'),
        ],
        resolve: (id, pack, doubt) => (confirmationLanded(pack, plans.get(id) ?? []) ? { kind: 'done' } : { kind: 'failed', error: doubt }),
      });
    },
    exportShipments(updates, call) {
      const corps = shippingCorps(updates, options.carrierNames);
      const plans = new Map<string, readonly string[]>();
      const corpOf = new Map(updates.map((update, index) => [update, corps[index] as string]));
      return runBatchWrite<ParsedShipmentUpdate, Qoo10Pack>({
        mall: 'qoo10',
        operation: 'SetSendingInfo',
        items: updates,
        idOf: (update) => update.orderId,
        batchSize: 1,
        call,
        readStates,
        stateBatchSize: QOO10_CAPABILITIES.listOrders.detailBatchSize,
        refreshBetweenItemsOfOneOrder: true,
        precheck: (update, pack) => {
          const plan = planShipment(pack, update);
          return plan.kind === 'done' ? { ...plan, warnings: [NO_SHIP_DATE] } : decide(plans, update.orderId, plan);
        },
        write: async ([update]) => {
          const item = update as ParsedShipmentUpdate;
          const send = (orderNo: string) => qoo10.shipLine({ orderNo, shippingCorp: corpOf.get(item) as string, trackingNo: item.trackingNumber }, call);
          return [await writeLines(plans.get(item.orderId) ?? [], send, null, [NO_SHIP_DATE])];
        },
        resolve: (update, pack, doubt) =>
          shipmentLanded(pack, plans.get(update.orderId) ?? [], update.trackingNumber) ? { kind: 'done', warnings: [NO_SHIP_DATE] } : { kind: 'failed', error: doubt },
      });
    },
    async *getPayments(query, call) {
      const orders: AsyncIterable<Order<Qoo10Pack>> | Iterable<Order<Qoo10Pack>> =
        'orderIds' in query ? await reader.getOrders(query.orderIds, call) : listOrders({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call);
      for await (const order of orders) yield paymentRecordOf(order);
    },
    async checkCredentials(call) {
      const now = clock.now();
      let state: 'expired' | 'invalid' | undefined;
      const notes = [
        { ja: 'Qoo10は認証キーの期限切れを通知しません。QSMのパスワードを変更すると認証キーは無効になります。', en: 'Qoo10 sends no expiry notice; changing the QSM password voids the key.' },
      ];
      try {
        // A live probe: the cheapest search there is (one status, the last minute).
        await qoo10.searchShipping({ status: 2, from: new Date(now - 60_000), to: new Date(now), condition: '1' }, call);
      } catch (error) {
        if (CredentialError.isInstance(error)) state = error.code === 'credential_expired' ? 'expired' : 'invalid';
        else if (PermissionError.isInstance(error)) state = 'invalid';
        else throw error;
        if (CredentialError.isInstance(error) && error.credential === 'password') {
          notes.push({ ja: 'QSMのログイン（ID・パスワード）で認証キーを発行できませんでした。', en: 'A key could not be minted with the QSM login (id and password).' });
        }
      }
      const minted = qoo10.keys.mintedAt();
      const given = credentials.certificationKeyIssuedAt;
      const issuedAt = minted ?? (given === undefined ? null : (given instanceof Date ? given : parseJst(given)).getTime());
      if (qoo10.keys.canMint) notes.push({ ja: '期限切れの認証キーは自動で再発行します。', en: 'An expired key is minted again automatically.' });
      const status = describeCredential({
        name: CERTIFICATION_KEY,
        label: { ja: '販売者認証キー', en: 'Seller Authorization Key' },
        expiresAt: issuedAt === null ? null : new Date(issuedAt + SAK_LIFETIME_DAYS * DAY_MS),
        source: issuedAt === null ? 'live_check' : 'tracked',
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
