import {
  CredentialError,
  NotFoundError,
  credentialReport,
  defineConnector,
  describeCredential,
  liveCheck,
  printable,
  runBatchWrite,
  type CredentialState,
  type Hint,
  type MallConnector,
  type Order,
  type OrderReader,
  type ParsedShipmentUpdate,
  type UnreadableOrderError,
} from '@mallkit/core';
import { QOO10_CLAIM_WINDOW_DAYS, QOO10_LIST_RESULT_CAP } from './api/common.js';
import { TRACKING_NO_MAX_LENGTH, SHIPPING_CORP_MAX_LENGTH } from './api/writes.js';
import { QOO10_CAPABILITIES } from './api/capabilities.js';
import { createQoo10Client } from './client.js';
import { CERTIFICATION_KEY, RENEW_CERTIFICATION_KEY } from './errors.js';
import { shippingCorpOf, shippingCorpProblem } from './mapping/carrier.js';
import { estimatedShipDates, isQoo10Number } from './mapping/inputs.js';
import type { Qoo10Pack } from './mapping/pack.js';
import { paymentRecordOf } from './mapping/payment-record.js';
import { qoo10PaymentMapper } from './mapping/payment.js';
import { writeLines } from './mapping/write-lines.js';
import { confirmationLanded, planConfirmation, planShipment, shipmentLanded, type CartWrite } from './mapping/writes.js';
import type { Qoo10ConnectorOptions } from './options.js';
import { createQoo10Listing } from './mapping/listing.js';

export { QOO10_CAPABILITIES } from './api/capabilities.js';

/** The note every shipment result carries. */
const NO_SHIP_DATE = 'Qoo10 has no ship-date field: it records the time of this call as the ship date (shippedAt was checked, not sent)';

const NO_EXPIRY_NOTICE: Hint = {
  ja: 'Qoo10は認証キーの期限切れを通知しません。QSMのパスワードを変更すると認証キーは無効になります。',
  en: 'Qoo10 sends no expiry notice; changing the QSM password voids the key.',
};
const REMINTS: Hint = { ja: '期限切れの認証キーは自動で再発行します。', en: 'An expired key is minted again automatically.' };

/**
 * Creates the Qoo10 connector. Orders are carts (PackNo) with their lines (OrderNo); ids given to
 * getOrders, confirmOrders, exportShipments and getPayments are PackNos (`order.id`). Qoo10 has no
 * read by PackNo, so those calls search the last `readLookbackDays` (default 89) by order date.
 */
/** A Qoo10 order (one cart) as the connector yields it: `raw` is the parsed {@link Qoo10Pack}, where a misspelt field does not compile. */
export type Qoo10Order = Order<Qoo10Pack>;

export function createQoo10Connector(options: Qoo10ConnectorOptions): MallConnector<Qoo10Pack, Qoo10Pack> {
  const qoo10 = createQoo10Client(options);
  const { client, settings } = qoo10;
  const { clock, logger } = client;
  const { shopId } = settings;
  const context = { shopId, paymentMapper: qoo10PaymentMapper(options.mappers?.paymentMethod) };
  const search = { claimSearch: settings.claimSearch ?? 'without-claim-stat', resultCap: settings.listResultCap ?? QOO10_LIST_RESULT_CAP, logger } as const;
  const { reader, listOrders, notFoundHint } = createQoo10Listing({
    searcher: qoo10,
    search,
    context,
    clock,
    logger,
    redact: client.redactor.text,
    readLookbackDays: settings.readLookbackDays ?? QOO10_CLAIM_WINDOW_DAYS,
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
