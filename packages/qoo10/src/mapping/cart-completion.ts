import { tryParseJst, type TimeWindow } from '@mallkit/core';
import { QOO10_CLAIM_WINDOW_DAYS } from '../api/common.js';
import { idField, type WirePack } from './pack.js';

const HOUR_MS = 3_600_000;
/** The first window's span: a day of a shop's orders mostly stays under the 500-row cap. */
const FIRST_SPAN_MS = 24 * HOUR_MS;
/** Spans never shrink below an hour, nor grow past the 89-day window, nor more than 4 times at once. */
const SHORTEST_SPAN_MS = HOUR_MS;
const LONGEST_SPAN_MS = QOO10_CLAIM_WINDOW_DAYS * 24 * HOUR_MS - 1000;
const MOST_GROWTH = 4;
/** How full of the cap a window is aimed at: room for a busier span than the last. */
const TARGET_FILL = 0.8;

/** The OrderNos a shipping row names in `RelatedOrder` (`"12345432, 12343212"`): the other lines of its cart. */
function relatedOrderNos(row: unknown): string[] {
  const related = typeof row === 'object' && row !== null ? (row as { RelatedOrder?: unknown }).RelatedOrder : undefined;
  return typeof related === 'string' || typeof related === 'number' ? String(related).split(/[^0-9]+/).filter((orderNo) => orderNo !== '') : [];
}

/**
 * Whether a cart grouped from the dated searches' rows is the whole cart: no claim among them (a
 * claim row does not name the other lines of its cart) and every line its rows name in
 * `RelatedOrder` found too. The common changes — a cart paid, shipped or delivered at once — come
 * whole; a part of a cart, a cancelled line beside live ones or a claim do not, and the cart is
 * read again by its order date. INFERRED: that RelatedOrder lists every other line of the cart
 * (spec §2.4 gives its shape; one integrator reads it as the cart's lines: focason QootenAPI.java),
 * and that a line paid, shipped or delivered within the window has no claim under way (Qoo10 does
 * not ship a line whose cancellation waits for the shop, and a return is asked after delivery).
 */
export function isWholeCart(pack: WirePack): boolean {
  if (pack.claims.length > 0 || pack.lines.length === 0) return false;
  const found = new Set(pack.lines.map((row) => idField(row, 'OrderNo')));
  return pack.lines.every((row) => relatedOrderNos(row).every((orderNo) => found.has(orderNo)));
}

/** When a cart was ordered (its rows' OrderDate, or its claims' orderDate), epoch ms; null when no row says. */
export function orderTimeOf(pack: WirePack): number | null {
  const dates = [...pack.lines.map((row) => idField(row, 'OrderDate')), ...pack.claims.map((row) => idField(row, 'orderDate'))];
  for (const date of dates) {
    const at = date === null ? null : tryParseJst(date);
    if (at !== null) return at.getTime();
  }
  return null;
}

/** The order-date windows that read carts again, one at a time, each sized by what the windows before it held. */
export interface CompletionPlan {
  /** The next window, from the oldest cart not covered yet; null once every cart is. */
  next(): TimeWindow | null;
  /** What the last window's answers held: their largest row count, and whether it reached the cap (the kit then halved the window). */
  observe(largest: number, capped: boolean): void;
}

/**
 * Plans the windows that read the given carts again by order date. Qoo10 says nothing of how many
 * rows a span holds before it is searched, and a window is six searches whether it holds one cart
 * or hundreds: so the first window spans a day from the oldest cart, and each next one is sized
 * from the rows the last held (aiming at 80% of the cap, halving after a capped one). A lone cart
 * gets the one second it was placed in; carts far apart get a window each.
 */
export function completionPlan(orderTimes: readonly number[], resultCap: number): CompletionPlan {
  const times = [...new Set(orderTimes.map((at) => Math.floor(at / 1000) * 1000))].sort((a, b) => a - b);
  let index = 0;
  let span = FIRST_SPAN_MS;
  let width = 0;
  return {
    next() {
      const start = times[index];
      if (start === undefined) return null;
      let end = start;
      while (index < times.length && (times[index] as number) - start <= span) end = times[index++] as number;
      width = end - start;
      return { from: new Date(start), to: new Date(end) };
    },
    observe(largest, capped) {
      // A window much narrower than the span (carts far apart) says little about how busy a span is.
      if (capped) span /= 2;
      else if (width >= SHORTEST_SPAN_MS) span = Math.min(span * MOST_GROWTH, Math.max(span / 2, (TARGET_FILL * resultCap * width) / Math.max(largest, 1)));
      span = Math.min(LONGEST_SPAN_MS, Math.max(SHORTEST_SPAN_MS, span));
    },
  };
}
