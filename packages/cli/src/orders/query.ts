import { ORDER_DATE_TYPES, ORDER_STATUSES, type OrderDateType, type OrderQuery, type OrderStatus } from '@mallkit/core';
import { badValue, missingFlag } from '../args.js';
import { CliError } from '../cli-error.js';
import { inBoth } from '../lang.js';
import { COMMON_MESSAGES } from '../messages.js';
import { parseTimeFlag } from '../time-input.js';

/** The flags that make the query, as parseArgs gives them. */
export interface QueryFlags {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly status?: readonly string[] | undefined;
  readonly 'date-type'?: string | undefined;
}

/** `--status a,b --status c` → the normalized statuses, each checked. */
function statuses(values: readonly string[]): OrderStatus[] {
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  for (const name of names) {
    if (!(ORDER_STATUSES as readonly string[]).includes(name)) throw badValue('--status', name, (m) => m.badStatus(ORDER_STATUSES.join(', ')));
  }
  return [...new Set(names)] as OrderStatus[];
}

/** Builds listOrders' query from the flags; times as Dates (a typed time without offset is JST). */
export function orderQueryOf(flags: QueryFlags, now: number): OrderQuery {
  if (flags.from === undefined) throw missingFlag('--from');
  const from = parseTimeFlag('--from', flags.from, 'start', now);
  const to = flags.to === undefined ? undefined : parseTimeFlag('--to', flags.to, 'end', now);
  if (to !== undefined && to.getTime() < from.getTime()) throw new CliError(inBoth(COMMON_MESSAGES, (m) => m.fromAfterTo));
  const dateType = flags['date-type'];
  if (dateType !== undefined && !(ORDER_DATE_TYPES as readonly string[]).includes(dateType)) {
    throw badValue('--date-type', dateType, () => ORDER_DATE_TYPES.join(', '));
  }
  const chosen = flags.status === undefined ? [] : statuses(flags.status);
  return {
    from,
    ...(to === undefined ? {} : { to }),
    ...(dateType === undefined ? {} : { dateType: dateType as OrderDateType }),
    ...(chosen.length > 0 ? { statuses: chosen as [OrderStatus, ...OrderStatus[]] } : {}),
  };
}
