import type { z } from 'zod';
import type { CallOptions } from '../contract/connector.js';
import { ID_MAX_LENGTH } from '../contract/inputs.js';
import { controlCharacterIn, printable } from '../contract/text-rules.js';
import { IncompleteResultError, NotFoundError, UnreadableOrderError } from '../errors/classes.js';
import type { Hint } from '../errors/hint.js';
import { MallkitError } from '../errors/mallkit-error.js';
import { chunk } from '../iter/batch.js';
import type { Logger } from '../logger.js';
import type { MallId } from '../model/mall-id.js';
import type { Order } from '../model/order.js';
import type { OrderWarning } from '../model/warning.js';
import { EXCERPT_LENGTH } from './answer.js';
import { describeIssue, parseTolerant, type ShapeNote } from './tolerant.js';

/** Orders read by id: the wire orders found, in any order, and the answer's request id for not-found errors. */
export interface DetailAnswer {
  readonly orders: readonly unknown[];
  /** The mall's request id of the (last) detail answer, kept on NotFoundError for support cases. */
  readonly requestId?: string | null;
  /** What the mall answered for ids it does not know (Amazon's 404 `NotFound`), kept on NotFoundError. */
  readonly notFound?: { readonly httpStatus?: number | null; readonly mallCode?: string | null };
}

/** What the kit needs to read and normalize one mall's orders. */
export interface OrderReaderConfig<Raw> {
  readonly mall: MallId;
  /** The wire shape of ONE order: each order of an answer is checked on its own, so one bad order never fails its batch. */
  readonly orderSchema: z.ZodType<Raw>;
  /** The order id of a wire order, read before it is validated so that an unreadable order can be named; null when it has none. */
  idOf(wire: unknown): string | null;
  /** Turns a validated wire order into the normalized model. `notes` are warnings from the tolerant reader, to add to the order. */
  normalize(raw: Raw, notes: readonly OrderWarning[]): Order<Raw>;
  /** Ids per detail request (1 when the mall reads one order per call). */
  readonly batchSize: number;
  /**
   * Reads a batch of at most `batchSize` orders by id. Unknown ids are simply absent from the answer.
   * During a listing, `listed` holds what the search said of each id (summaries a mall may reuse
   * instead of asking again); it is empty for getOrders.
   */
  fetch(ids: readonly string[], call: CallOptions, listed: ReadonlyMap<string, unknown>): Promise<DetailAnswer>;
  /** What to tell the shop when ids are not found (default: check the ids). */
  readonly notFoundHint?: (missing: readonly string[]) => Hint;
  /** The name of the detail operation, for errors (`getOrder`, `orderInfo`). */
  readonly operation: string;
  /** The connector's redactor, for excerpts. */
  readonly redact: (text: string) => string;
  readonly logger: Logger;
}

/** The outcome of reading one order: the normalized order, or why it could not be read. */
export type OrderOutcome<Raw> = Order<Raw> | UnreadableOrderError;

/** Reads and normalizes a mall's orders, one order at a time, so that one bad order never loses the others. */
export interface OrderReader<Raw> {
  /** Validates and normalizes one wire order; an order that fails becomes an UnreadableOrderError naming it. */
  toOrder(wire: unknown, expectedId?: string): OrderOutcome<Raw>;
  /** Reads orders by id in batches; ids the mall did not return are absent from the map. `listed`: the search's entries by id, if any. */
  readByIds(
    ids: readonly string[],
    call: CallOptions,
    listed?: ReadonlyMap<string, unknown>,
  ): Promise<{ readonly found: Map<string, OrderOutcome<Raw>>; readonly requestId: string | null; readonly notFound: DetailAnswer['notFound'] | null }>;
  /**
   * The raw wire orders by id, for a batch write's `readStates`: an unreadable order is given as
   * its UnreadableOrderError (the runner then fails that order alone), an unknown one is absent.
   */
  states(ids: readonly string[], call: CallOptions): Promise<Map<string, Raw | UnreadableOrderError>>;
  /**
   * getOrders: orders in the order asked. Unknown ids throw NotFoundError naming them. Unreadable
   * orders go to `call.onOrderError` when given; otherwise IncompleteResultError is thrown with the
   * readable orders in `orders` and one failure per unreadable one.
   */
  getOrders(ids: readonly string[], call: CallOptions): Promise<Order<Raw>[]>;
}

function excerptOf(wire: unknown, redact: (text: string) => string): string {
  let text: string;
  try {
    text = JSON.stringify(wire) ?? String(wire);
  } catch {
    text = String(wire);
  }
  return redact(text.slice(0, EXCERPT_LENGTH));
}

/** Why an id from the mall cannot be an order id, or null when it can. */
export function wireIdProblem(id: string | null): string | null {
  if (id === null || id.trim() === '') return 'the order has no id';
  if (id.length > ID_MAX_LENGTH) return `the order id is longer than ${ID_MAX_LENGTH} characters`;
  const control = controlCharacterIn(id);
  return control ? `the order id contains the control character ${control}` : null;
}

function toWarnings(notes: readonly ShapeNote[]): OrderWarning[] {
  return notes.map((note) => ({
    code: 'repeated_value',
    field: `raw.${note.path}`,
    message: {
      ja: `モールが1つであるべき値を複数送りました（${note.path}）。最初の値を使いました。`,
      en: `The mall sent several values where one was expected (${note.path}); the first was used.`,
    },
    raw: note.raw,
  }));
}

/**
 * The error for one order that cannot be read: its id escaped for printing (null when it had none),
 * a redacted excerpt of what the mall sent, and a hint that the other orders were delivered.
 */
export function unreadableOrder(
  wire: unknown,
  id: string | null,
  reason: string,
  context: { readonly mall: MallId; readonly operation: string; readonly redact: (text: string) => string },
): UnreadableOrderError {
  return new UnreadableOrderError(`${context.mall}: order ${id === null ? '(no id)' : printable(id)} could not be read: ${reason}`, {
    mall: context.mall,
    operation: context.operation,
    orderId: id === null ? null : printable(id),
    excerpt: excerptOf(wire, context.redact),
    hint: {
      ja: 'この注文だけ読み取れませんでした（他の注文は取り込まれています）。モールの管理画面で注文内容を確認し、mallkit の不具合として報告してください。',
      en: "Only this order could not be read (the others were delivered). Check it in the mall's admin screen and report it as a mallkit issue.",
    },
  });
}

/** Creates the order reader of a mall. */
export function createOrderReader<Raw>(config: OrderReaderConfig<Raw>): OrderReader<Raw> {
  const { mall, redact } = config;

  const unreadable = (wire: unknown, id: string | null, reason: string): UnreadableOrderError =>
    unreadableOrder(wire, id, reason, { mall, operation: config.operation, redact });

  const toOrder = (wire: unknown, expectedId?: string): OrderOutcome<Raw> => {
    const rawId = config.idOf(wire);
    const id = rawId ?? expectedId ?? null;
    const idProblem = wireIdProblem(rawId ?? expectedId ?? null);
    if (idProblem) return unreadable(wire, id, idProblem);
    const parsed = parseTolerant(config.orderSchema, wire);
    if (!parsed.success) return unreadable(wire, id, describeIssue(parsed.error));
    try {
      const order = config.normalize(parsed.data, toWarnings(parsed.notes));
      const problem = wireIdProblem(order.id);
      return problem ? unreadable(wire, id, `normalized ${problem}`) : order;
    } catch (error) {
      // A mallkit error from the mapping (a value it refuses) is about this order only; anything
      // else is a bug in the mapping and must surface, not be counted as a bad order.
      if (MallkitError.isInstance(error) || error instanceof RangeError || error instanceof TypeError) {
        return unreadable(wire, id, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  };

  const noEntries: ReadonlyMap<string, unknown> = new Map();
  const readByIds: OrderReader<Raw>['readByIds'] = async (ids, call, listed = noEntries) => {
    const found = new Map<string, OrderOutcome<Raw>>();
    let requestId: string | null = null;
    let notFound: DetailAnswer['notFound'] | null = null;
    for (const batch of chunk([...new Set(ids)], config.batchSize)) {
      const answer = await config.fetch(batch, call, listed);
      requestId = answer.requestId ?? requestId;
      notFound = answer.notFound ?? notFound;
      const lone = batch.length === 1 && answer.orders.length === 1 ? batch[0] : undefined;
      for (const wire of answer.orders) {
        // A detail call for one id answered with one order: that order is the one asked for, even
        // when it lost its id on the way.
        const outcome = toOrder(wire, lone);
        const key = UnreadableOrderError.isInstance(outcome) ? (config.idOf(wire) ?? lone ?? null) : outcome.id;
        if (key !== null && batch.includes(key) && !found.has(key)) found.set(key, outcome);
        else if (key === null || !batch.includes(key)) config.logger.warn(`${mall} ${config.operation}: the answer holds an order that was not asked for; ignored`, { orderId: key === null ? null : printable(key) });
      }
    }
    return { found, requestId, notFound };
  };

  return {
    toOrder,
    readByIds,
    async states(ids, call) {
      const { found } = await readByIds(ids, call);
      return new Map([...found].map(([id, outcome]) => [id, UnreadableOrderError.isInstance(outcome) ? outcome : outcome.raw] as const));
    },
    async getOrders(ids, call) {
      if (ids.length === 0) return [];
      const { found, requestId, notFound } = await readByIds(ids, call);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new NotFoundError(`${mall} ${config.operation}: no such order for this shop: ${missing.join(', ')}`, {
          mall,
          operation: config.operation,
          requestId,
          httpStatus: notFound?.httpStatus ?? null,
          mallCode: notFound?.mallCode ?? null,
          hint: config.notFoundHint?.(missing) ?? {
            ja: `注文番号を確認してください: ${missing.join(', ')}`,
            en: `Check the order ids: ${missing.join(', ')}`,
          },
        });
      }
      const orders: Order<Raw>[] = [];
      const failures: UnreadableOrderError[] = [];
      for (const id of ids) {
        const outcome = found.get(id) as OrderOutcome<Raw>;
        if (UnreadableOrderError.isInstance(outcome)) {
          if (call.onOrderError) call.onOrderError(outcome);
          else failures.push(outcome);
        } else {
          orders.push(outcome);
        }
      }
      if (failures.length > 0) throw incompleteResult(mall, config.operation, failures, orders.length, orders);
      return orders;
    },
  };
}

/** The error that ends a read or listing some of whose orders were unreadable. */
export function incompleteResult(
  mall: MallId,
  operation: string,
  failures: readonly UnreadableOrderError[],
  delivered: number,
  orders: readonly Order[] = [],
): IncompleteResultError {
  const ids = failures.map((failure) => failure.orderId ?? '(no id)').join(', ');
  return new IncompleteResultError(`${mall} ${operation}: ${failures.length} order(s) could not be read (${ids}); ${delivered} were delivered`, {
    mall,
    operation,
    failures,
    delivered,
    orders,
    hint: {
      ja: `${failures.length}件の注文が読み取れませんでした（${ids}）。他の${delivered}件は取り込まれています。各エラーの内容を確認してください。`,
      en: `${failures.length} order(s) could not be read (${ids}); the other ${delivered} were delivered. See each failure for details.`,
    },
  });
}
