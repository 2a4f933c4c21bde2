import type { Capabilities } from '../contract/capabilities.js';
import { parseCallOptions } from '../contract/call-options.js';
import type { CallOptions, MallConnector } from '../contract/connector.js';
import { orderIdsSchema, paymentQuerySchema, type ParsedPaymentQuery, type ParsedShipmentUpdate } from '../contract/inputs.js';
import { parseInput } from '../contract/parse-input.js';
import { toBatchResult, type BatchResult, type CredentialReport } from '../contract/results.js';
import { UnsupportedOperationError } from '../errors/classes.js';
import type { Hint } from '../errors/hint.js';
import type { MallId } from '../model/mall-id.js';
import type { PaymentRecord } from '../model/order.js';
import type { Clock } from '../time/clock.js';
import type { OrderLister } from './order-lister.js';
import type { OrderReader } from './order-reader.js';
import { checkShipments, type ShipmentRules } from './shipments.js';

/** The operations a mall may lack; `capabilities` says so beforehand. */
export type OptionalOperation = 'confirmOrders' | 'exportShipments' | 'getPayments';

/** A mall's parts, which {@link defineConnector} assembles into a MallConnector. */
export interface ConnectorDefinition<Raw, RawPayment> {
  readonly mall: MallId;
  readonly shopId: string;
  readonly capabilities: Capabilities;
  readonly clock: Clock;
  /** From {@link createOrderLister}. */
  readonly listOrders: OrderLister<Raw>;
  /** From {@link createOrderReader}: getOrders reads through it. */
  readonly reader: OrderReader<Raw>;
  /** Confirms validated, de-duplicated ids; absent when `capabilities.confirmOrders` is null. */
  readonly confirmOrders?: (ids: readonly string[], call: CallOptions) => Promise<BatchResult>;
  /** Writes validated shipments; absent when `capabilities.exportShipments` is null. */
  readonly exportShipments?: (updates: readonly ParsedShipmentUpdate[], call: CallOptions) => Promise<BatchResult>;
  /** The mall's limits on shipment updates, checked before anything is sent. */
  readonly shipmentRules?: ShipmentRules;
  /** Streams payment records of a validated query; absent when `capabilities.getPayments` is null. */
  readonly getPayments?: (query: ParsedPaymentQuery, call: CallOptions) => AsyncIterable<PaymentRecord<RawPayment>>;
  readonly checkCredentials: (call: CallOptions) => Promise<CredentialReport>;
  /** What to tell the user when they call an operation the mall lacks. */
  readonly unsupported?: Partial<Record<OptionalOperation, Hint>>;
}

/**
 * Assembles a mall's parts into the MallConnector contract, doing once what every mall must:
 * per-call options checked, ids and shipments validated before anything is sent (ValidationError
 * naming the field), empty lists answered without a request, and operations the mall lacks refused
 * with UnsupportedOperationError — exactly those `capabilities` marks null (a definition that
 * disagrees with its capabilities throws at once: it is a bug in the mall package).
 */
export function defineConnector<Raw, RawPayment = unknown>(definition: ConnectorDefinition<Raw, RawPayment>): MallConnector<Raw, RawPayment> {
  const { mall, capabilities } = definition;
  for (const operation of ['confirmOrders', 'exportShipments', 'getPayments'] as const) {
    if ((capabilities[operation] === null) !== (definition[operation] === undefined)) {
      throw new TypeError(`${mall} connector: capabilities.${operation} and the ${operation} implementation disagree`);
    }
  }
  const context = (operation: string) => ({ mall, operation });
  const unsupported = (operation: OptionalOperation): UnsupportedOperationError =>
    new UnsupportedOperationError(`${mall} ${operation}: the mall has no such operation`, {
      mall,
      operation,
      hint: definition.unsupported?.[operation] ?? {
        ja: `${mall} にはこの操作がありません（capabilities.${operation} が null）。`,
        en: `${mall} has no such operation (capabilities.${operation} is null).`,
      },
    });

  return {
    mall,
    shopId: definition.shopId,
    capabilities,
    listOrders: (query, call) => definition.listOrders(query, call),
    async getOrders(ids, callOptions) {
      const call = parseCallOptions(callOptions, context('getOrders'));
      const parsed = parseInput(orderIdsSchema, ids, 'ids', context('getOrders'));
      return definition.reader.getOrders(parsed, call);
    },
    async confirmOrders(ids, callOptions) {
      const confirm = definition.confirmOrders;
      if (!confirm) throw unsupported('confirmOrders');
      const call = parseCallOptions(callOptions, context('confirmOrders'));
      const parsed = parseInput(orderIdsSchema, ids, 'ids', context('confirmOrders'));
      return parsed.length === 0 ? toBatchResult([]) : confirm(parsed, call);
    },
    async exportShipments(updates, callOptions) {
      const ship = definition.exportShipments;
      if (!ship) throw unsupported('exportShipments');
      const call = parseCallOptions(callOptions, context('exportShipments'));
      const parsed = checkShipments(updates, definition.shipmentRules ?? {}, definition.clock, { mall });
      return parsed.length === 0 ? toBatchResult([]) : ship(parsed, call);
    },
    async *getPayments(query, callOptions) {
      const payments = definition.getPayments;
      if (!payments) throw unsupported('getPayments');
      const call = parseCallOptions(callOptions, context('getPayments'));
      const parsed = parseInput(paymentQuerySchema, query, 'query', context('getPayments'));
      yield* payments(parsed, call);
    },
    async checkCredentials(callOptions) {
      const call = parseCallOptions(callOptions, context('checkCredentials'));
      return definition.checkCredentials(call);
    },
  };
}
