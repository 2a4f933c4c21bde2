import type { DeliveryStatus } from './limits.js';
import { ORDER_FIELDS, searchResultFields } from './order-fields.js';
import { inferredNames, renderSelection, withoutInferred, type SelectionField } from './selection.js';

/*
 * Every GraphQL document the connector sends, in one place. Only `searchOrder` is confirmed
 * (operation, SearchOrderRequest and its fields). Reading one order by number and writing a
 * shipment are not in the public material: their documents are inferred and marked so here, in
 * the README and in the connector's `capabilities.verification`. A user who has makeshop's full reference replaces any
 * of them through the connector's `documents` option — the GraphQL text, the variables, or both —
 * and keeps the answer's names with GraphQL aliases (`updateOrderDelivery: theRealName(...)`).
 */

/** The variables of one order search page (SearchOrderRequest). */
export interface SearchOrderInput {
  /** `yyyyMMddHHmmss`, JST, inclusive. */
  readonly startOrderDate: string;
  /** `yyyyMMddHHmmss`, JST, inclusive. */
  readonly endOrderDate: string;
  /** Only orders in this delivery status; absent: as makeshop decides (unverified whether it then returns all). */
  readonly deliveryStatus?: DeliveryStatus;
  readonly sortOrder: 'ASC' | 'DESC';
  /** 1-based. */
  readonly page: number;
  /** 1–1000. */
  readonly limit: number;
}

/** What reading one order by its number needs. */
export interface GetOrderInput {
  /** The order's displayOrderNumber. */
  readonly displayOrderNumber: string;
  /**
   * Only when makeshop sends no deliveryStatus on its orders: the delivery status to search the
   * number in, so that the search that finds the order tells its status (as a listing does).
   */
  readonly deliveryStatus?: DeliveryStatus;
}

/** One shipment to record on one destination of an order. */
export interface DeliveryUpdateInput {
  readonly displayOrderNumber: string;
  /** The destination's 1-based position in `deliveryInfos` (the legacy API used 0 for an order with one destination: see `destinationCount`). */
  readonly deliveryId: number;
  /** How many destinations the order has. */
  readonly destinationCount: number;
  /** The status to set: `Y` (配送). */
  readonly deliveryStatus: DeliveryStatus;
  /** makeshop's carrier code, `001`–`031`. */
  readonly carrierCode: string;
  /** The tracking number (伝票番号). */
  readonly slipNumber: string;
  /** The ship date, `YYYY-MM-DD` (JST). */
  readonly shippingDate: string;
  /** Whether makeshop sends its 発送メール to the buyer. */
  readonly sendMail: boolean;
}

/** A GraphQL document and how its variables are built from the connector's input. */
export interface MakeshopDocument<Input> {
  /** The GraphQL text. Its answer must keep the default root field name (use an alias when the real one differs). */
  readonly query: string;
  /** The `variables` object sent beside the query. */
  readonly variables: (input: Input) => Readonly<Record<string, unknown>>;
}

/** The documents a user may replace, each in part (only `query` or only `variables`) or whole. */
export interface MakeshopDocumentOverrides {
  /** The order search (confirmed operation; the selection holds inferred fields). Answer: `data.searchOrder`. */
  readonly searchOrder?: Partial<MakeshopDocument<SearchOrderInput>>;
  /** Reading one order by number (inferred: searchOrder filtered by displayOrderNumber). Answer: `data.searchOrder`. */
  readonly getOrder?: Partial<MakeshopDocument<GetOrderInput>>;
  /** Recording a shipment (inferred mutation). Answer: `data.updateOrderDelivery`. */
  readonly updateOrderDelivery?: Partial<MakeshopDocument<DeliveryUpdateInput>>;
}

/** The operations the connector sends, by the name of their document. */
export type MakeshopOperation = 'searchOrder' | 'getOrder' | 'updateOrderDelivery' | 'checkCredentials';

/** Where each operation's answer sits under `data`. */
export const RESULT_FIELD: Readonly<Record<MakeshopOperation, string>> = {
  searchOrder: 'searchOrder',
  getOrder: 'searchOrder',
  updateOrderDelivery: 'updateOrderDelivery',
  checkCredentials: 'searchOrder',
};

const searchQuery = (name: string, orderFields: readonly SelectionField[]): string =>
  `query ${name}($input: SearchOrderRequest!) { searchOrder(input: $input) { ${renderSelection(searchResultFields(orderFields))} } }`;

/** The documents as this package sends them by default (with every inferred order field). */
export const DEFAULT_MAKESHOP_DOCUMENTS: {
  readonly searchOrder: MakeshopDocument<SearchOrderInput>;
  readonly getOrder: MakeshopDocument<GetOrderInput>;
  readonly updateOrderDelivery: MakeshopDocument<DeliveryUpdateInput>;
} = {
  searchOrder: {
    query: searchQuery('searchOrder', ORDER_FIELDS),
    variables: (input) => ({ input: withoutUndefined({ ...input }) }),
  },
  getOrder: {
    query: searchQuery('getOrder', ORDER_FIELDS),
    variables: (input) => ({ input: withoutUndefined({ displayOrderNumber: input.displayOrderNumber, deliveryStatus: input.deliveryStatus, page: 1, limit: 1 }) }),
  },
  updateOrderDelivery: {
    query:
      'mutation updateOrderDelivery($input: UpdateOrderDeliveryRequest!) { updateOrderDelivery(input: $input) { displayOrderNumber deliveryStatus } }',
    variables: (input) => ({
      input: {
        displayOrderNumber: input.displayOrderNumber,
        deliveryId: input.deliveryId,
        deliveryStatus: input.deliveryStatus,
        carrierCode: input.carrierCode,
        slipNumber: input.slipNumber,
        shippingDate: input.shippingDate,
        sendMail: input.sendMail,
      },
    }),
  },
};

/**
 * The credential probe: one search of the last minute with confirmed fields only, so that it
 * answers whatever makeshop's order type holds.
 */
export const PROBE_DOCUMENT: MakeshopDocument<SearchOrderInput> = {
  query: 'query checkCredentials($input: SearchOrderRequest!) { searchOrder(input: $input) { searchedCount page } }',
  variables: DEFAULT_MAKESHOP_DOCUMENTS.searchOrder.variables,
};

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** The documents one connector sends: the user's overrides, and the default order selection minus the fields makeshop refused. */
export interface DocumentSet {
  /** The document of an operation as it is sent now. */
  document<Input>(operation: MakeshopOperation): MakeshopDocument<Input>;
  /**
   * Drops inferred order fields makeshop said it does not know, from the documents this package
   * built (never from the user's own). Returns the names dropped; empty when none applies, and the
   * refusal then stands.
   */
  drop(operation: MakeshopOperation, names: readonly string[]): string[];
  /**
   * Drops every inferred order field at once, for a refusal that names no field (a server whose
   * wording this package does not read). Returns the names dropped and a function that puts them
   * back (when the confirmed-only document is refused too, the fields were not the problem).
   */
  dropAllInferred(operation: MakeshopOperation): { readonly dropped: readonly string[]; restore(): void };
  /** The inferred fields dropped so far. */
  readonly dropped: readonly string[];
}

/** Creates the document set of one connector. */
export function createDocumentSet(overrides: MakeshopDocumentOverrides = {}): DocumentSet {
  let orderFields: readonly SelectionField[] = ORDER_FIELDS;
  const dropped: string[] = [];
  /** True when the operation's selection is this package's own (only those lose fields). */
  const ownSelection = (operation: MakeshopOperation): operation is 'searchOrder' | 'getOrder' =>
    (operation === 'searchOrder' || operation === 'getOrder') && overrides[operation]?.query === undefined;

  const build = (operation: MakeshopOperation): MakeshopDocument<unknown> => {
    if (operation === 'checkCredentials') return PROBE_DOCUMENT as MakeshopDocument<unknown>;
    const fallback = DEFAULT_MAKESHOP_DOCUMENTS[operation] as MakeshopDocument<unknown>;
    const override = overrides[operation] as Partial<MakeshopDocument<unknown>> | undefined;
    const query = override?.query ?? (operation === 'updateOrderDelivery' ? fallback.query : searchQuery(operation, orderFields));
    return { query, variables: override?.variables ?? fallback.variables };
  };

  const remove = (names: readonly string[]): string[] => {
    const known = new Set(inferredNames(orderFields));
    const droppable = [...new Set(names)].filter((name) => known.has(name));
    if (droppable.length === 0) return [];
    orderFields = withoutInferred(orderFields, new Set(droppable));
    dropped.push(...droppable);
    return droppable;
  };

  return {
    document: <Input>(operation: MakeshopOperation) => build(operation) as MakeshopDocument<Input>,
    drop: (operation, names) => (ownSelection(operation) ? remove(names) : []),
    dropAllInferred(operation) {
      const before = orderFields;
      const count = dropped.length;
      const removed = ownSelection(operation) ? remove(inferredNames(orderFields)) : [];
      return {
        dropped: removed,
        restore() {
          orderFields = before;
          dropped.length = count;
        },
      };
    },
    get dropped() {
      return [...dropped];
    },
  };
}
