import type { CallOptions } from '../contract/connector.js';
import { toBatchResult, type BatchItemResult, type BatchResult } from '../contract/results.js';
import { NotFoundError } from '../errors/classes.js';
import { MallkitError } from '../errors/mallkit-error.js';
import { isConnectorWide, isUnknownOutcome } from '../errors/outcome.js';
import { chunk } from '../iter/batch.js';
import type { MallId } from '../model/mall-id.js';

/** What happened to one item of a write, as the mall's answer (or a read-back) tells. */
export type WriteOutcome =
  /** Written, or nothing to write (`alreadyDone`: the mall already had this state). */
  | { readonly kind: 'done'; readonly alreadyDone?: boolean; readonly warnings?: readonly string[] }
  /**
   * Refused for this order. `stop`: and every further order would meet the same (a connector-wide
   * error after the first step of a two-step write): the row is recorded, then the batch stops.
   */
  | { readonly kind: 'failed'; readonly error: MallkitError; readonly stop?: boolean }
  /**
   * Unknown: no answer for it (timeout, reset, 5xx, unreadable answer) or an answer that only the
   * order's state can explain (Rakuten's "no longer awaiting confirmation"). Read back to decide.
   */
  | { readonly kind: 'doubt'; readonly error: MallkitError };

/** What `write` gets besides its batch: the states read before writing, and the plans `precheck` made. */
export interface WriteContext<Item, State, Plan> {
  /** The state of each order read before writing (empty without `precheck`). */
  readonly states: ReadonlyMap<string, State>;
  /** The plan `precheck` returned for an item (`{ write: plan }`), if any. */
  planOf(item: Item): Plan | undefined;
}

/** A precheck's decision: write the item (with a plan of what to send), or its outcome without writing. */
export type PrecheckDecision<Plan> = 'write' | { readonly write: Plan } | WriteOutcome;

/** A mall's batch write, described for {@link runBatchWrite}. */
export interface BatchWrite<Item, State, Plan = unknown> {
  readonly mall: MallId;
  /** The write operation, for errors (`confirmOrder`). */
  readonly operation: string;
  /** The items, already validated: nothing is sent for a batch with a bad item. */
  readonly items: readonly Item[];
  /** The order an item concerns; results carry it as `id`. */
  idOf(item: Item): string;
  /** Items per write request (1 for malls that change one order per call); with `groupOf`, groups per request. */
  readonly batchSize: number;
  /**
   * Items of one group go into the same write request and are handled together (Yahoo writes an
   * order's two parcels in one call): `batchSize` then counts groups. Results stay one per item.
   */
  groupOf?(item: Item): string;
  /** Sends one batch; returns one outcome per item, in the batch's order. */
  write(batch: readonly Item[], call: CallOptions, context: WriteContext<Item, State, Plan>): Promise<readonly WriteOutcome[]>;
  /**
   * Reads the current state of orders, to check before writing and to resolve doubts after.
   * Orders the mall does not return are absent; an order whose state cannot be read may be given
   * as its MallkitError (`reader.states` does), which fails that item alone. Without it, doubts
   * stay failures.
   */
  readStates?(ids: readonly string[], call: CallOptions): Promise<ReadonlyMap<string, State>>;
  /** Ids per readStates call (the mall's detail batch size); default 1. */
  readonly stateBatchSize?: number;
  /**
   * Read states before writing, and decide here: write it (optionally with a plan of what to send,
   * handed to `write` and `resolve`), report it done, or refuse it. `index` is the item's position
   * in `items`, for errors that name `updates[i]`. Needs readStates.
   */
  precheck?(item: Item, state: Exclude<State, MallkitError>, index: number): PrecheckDecision<Plan>;
  /** After a doubt, the state read back says whether the write landed. Default: it did not (the doubt's error). */
  resolve?(item: Item, state: Exclude<State, MallkitError> | undefined, doubt: MallkitError, plan: Plan | undefined): WriteOutcome;
  /**
   * Errors of this mall that every further item would meet too (a refused request document), on top
   * of the connector-wide ones: they stop the batch the same way.
   */
  stopsBatch?(error: MallkitError): boolean;
  /** Re-read an order's state after writing it when a later item concerns the same order (it must see this write). */
  readonly refreshBetweenItemsOfOneOrder?: boolean;
  /** How a missing order is reported (default NotFoundError). */
  notFound?(id: string): MallkitError;
  readonly call: CallOptions;
}

/** Item indexes cut into write batches: `size` items each, or `size` whole groups each. */
function batchesOf<Item>(items: readonly Item[], size: number, groupOf: ((item: Item) => string) | undefined): number[][] {
  const indexes = items.map((_, index) => index);
  if (!groupOf) return chunk(indexes, Math.max(1, size));
  const groups = new Map<string, number[]>();
  for (const index of indexes) {
    const key = groupOf(items[index] as Item);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  }
  return chunk([...groups.values()], Math.max(1, size)).map((batch) => batch.flat());
}

function toResult(id: string, outcome: WriteOutcome): BatchItemResult {
  if (outcome.kind === 'done') return { id, ok: true, alreadyDone: outcome.alreadyDone ?? false, warnings: outcome.warnings ?? [] };
  return { id, ok: false, error: outcome.error };
}

/** Attaches the progress to a connector-wide error and returns it, to be thrown. */
function stopped(error: MallkitError, results: readonly (BatchItemResult | undefined)[], ids: readonly string[]): MallkitError {
  const done = results.filter((result): result is BatchItemResult => result !== undefined);
  const notSent = ids.filter((_, index) => results[index] === undefined);
  error.batch = { results: done, notSent };
  return error;
}

/**
 * Runs a batch write the same way for every mall: items in batches, one request at a time; states
 * read first where the mall needs them (an order already in the target state is `alreadyDone`
 * without a write); per-item results in input order. A write whose outcome is unknown is resolved
 * by reading the order back, never by sending it again (decision 0003). A connector-wide error —
 * credentials, permission, maintenance, clock, rate limit — stops the batch at once: it is thrown
 * with `error.batch` holding the results so far and the ids never sent.
 */
export async function runBatchWrite<Item, State, Plan = unknown>(spec: BatchWrite<Item, State, Plan>): Promise<BatchResult> {
  const { items, call } = spec;
  const ids = items.map((item) => spec.idOf(item));
  const results: Array<BatchItemResult | undefined> = new Array<BatchItemResult | undefined>(items.length);
  const notFound = spec.notFound ?? ((id: string) => new NotFoundError(`${spec.mall} ${spec.operation}: no such order for this shop: ${id}`, { mall: spec.mall, operation: spec.operation }));

  const readStates = async (wanted: readonly string[]): Promise<Map<string, State>> => {
    const states = new Map<string, State>();
    if (!spec.readStates) return states;
    for (const part of chunk([...new Set(wanted)], spec.stateBatchSize ?? 1)) {
      for (const [id, state] of await spec.readStates(part, call)) states.set(id, state);
    }
    return states;
  };

  const stops = (error: MallkitError): boolean => isConnectorWide(error) || spec.stopsBatch?.(error) === true;
  const plans = new Map<number, Plan>();
  const guard = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      if (MallkitError.isInstance(error) && stops(error)) throw stopped(error, results, ids);
      throw error;
    }
  };

  const states = spec.precheck ? await guard(() => readStates(ids)) : new Map<string, State>();
  for (const batch of batchesOf(items, spec.batchSize, spec.groupOf)) {
    call.signal?.throwIfAborted();
    const toSend: number[] = [];
    for (const index of batch) {
      const item = items[index] as Item;
      const id = ids[index] as string;
      if (!spec.precheck) {
        toSend.push(index);
        continue;
      }
      const state = states.get(id);
      if (state === undefined) {
        results[index] = { id, ok: false, error: notFound(id) };
        continue;
      }
      // An order whose state could not be read (UnreadableOrderError from the reader) fails alone.
      if (MallkitError.isInstance(state)) {
        results[index] = { id, ok: false, error: state };
        continue;
      }
      const decision = spec.precheck(item, state as Exclude<State, MallkitError>, index);
      if (decision === 'write') {
        toSend.push(index);
      } else if ('write' in decision) {
        plans.set(index, decision.write);
        toSend.push(index);
      } else {
        results[index] = toResult(id, decision);
      }
    }
    if (toSend.length === 0) continue;

    let outcomes: readonly WriteOutcome[];
    const sendItems = toSend.map((index) => items[index] as Item);
    try {
      outcomes = await spec.write(sendItems, call, { states, planOf: (item) => plans.get(toSend[sendItems.indexOf(item)] ?? -1) });
    } catch (error) {
      if (!MallkitError.isInstance(error)) throw error;
      if (stops(error)) throw stopped(error, results, ids);
      const kind = isUnknownOutcome(error) ? 'doubt' : 'failed';
      outcomes = toSend.map(() => ({ kind, error }));
    }

    const doubts = toSend.filter((_, position) => outcomes[position]?.kind === 'doubt');
    // A read-back that fails as well (the mall unreachable) stops the batch: every further write
    // would end in the same doubt. The doubtful items are reported with their unknown outcome.
    const after = doubts.length > 0 ? await readBack(doubts, (index) => outcomes[toSend.indexOf(index)]) : new Map<string, State>();

    // A per-order refusal that every further order would meet too (the mall's stopsBatch) ends the
    // batch once this batch's results are recorded.
    let stopping: MallkitError | undefined;
    for (const [position, index] of toSend.entries()) {
      const item = items[index] as Item;
      const id = ids[index] as string;
      let outcome = outcomes[position] ?? { kind: 'failed', error: new MallkitError('response_format', `${spec.mall} ${spec.operation}: no result for order ${id}`, { mall: spec.mall, operation: spec.operation }) };
      if (outcome.kind === 'doubt') {
        const state = after.get(id);
        // A state read back that is itself unreadable leaves the doubt standing.
        outcome =
          spec.resolve && !MallkitError.isInstance(state)
            ? spec.resolve(item, state as Exclude<State, MallkitError> | undefined, outcome.error, plans.get(index))
            : { kind: 'failed', error: outcome.error };
      }
      results[index] = toResult(id, outcome);
      if (outcome.kind === 'failed' && (outcome.stop === true || spec.stopsBatch?.(outcome.error))) stopping ??= outcome.error;
      const later = spec.refreshBetweenItemsOfOneOrder && outcome.kind === 'done' && !outcome.alreadyDone && ids.some((other, at) => at > index && other === id);
      if (later) {
        const fresh = await guard(() => readStates([id]));
        const state = fresh.get(id);
        if (state !== undefined) states.set(id, state);
      }
    }
    if (stopping) throw stopped(stopping, results, ids);
  }
  return toBatchResult(results as BatchItemResult[]);

  async function readBack(doubtful: readonly number[], outcomeOf: (index: number) => WriteOutcome | undefined): Promise<Map<string, State>> {
    if (!spec.readStates) return new Map();
    try {
      return await readStates(doubtful.map((index) => ids[index] as string));
    } catch (error) {
      if (!MallkitError.isInstance(error)) throw error;
      for (const index of doubtful) {
        const outcome = outcomeOf(index);
        results[index] = { id: ids[index] as string, ok: false, error: outcome && outcome.kind !== 'done' ? outcome.error : error };
      }
      throw stopped(error, results, ids);
    }
  }
}
