import type { Order, OrderWarning } from '@mallkit/core';
import type { OrdersMessages } from './messages.js';

interface Tally {
  readonly warning: OrderWarning;
  count: number;
  readonly examples: string[];
}

const EXAMPLES = 3;

/**
 * Gathers the orders' warnings by kind — code, field and the mall's raw value — so that the end of
 * a sync says "payment.method 「ペイジー」: 12 orders" once instead of twelve times. Values no
 * mapping table knew come first: they are what the shop's 変換設定 must fix.
 */
export class WarningTally {
  readonly #byKey = new Map<string, Tally>();

  /** Adds an order's warnings. */
  add(order: Order): void {
    for (const warning of order.warnings) {
      const key = `${warning.code}\u0000${warning.field}\u0000${String(warning.raw ?? '')}`;
      const tally = this.#byKey.get(key) ?? { warning, count: 0, examples: [] };
      tally.count += 1;
      if (tally.examples.length < EXAMPLES) tally.examples.push(order.id);
      this.#byKey.set(key, tally);
    }
  }

  /** The summary lines, or none when no order had a warning. */
  lines(m: OrdersMessages): string[] {
    if (this.#byKey.size === 0) return [];
    const tallies = [...this.#byKey.values()].sort(
      (a, b) => Number(b.warning.code === 'unmapped_value') - Number(a.warning.code === 'unmapped_value') || b.count - a.count,
    );
    const lines = tallies.map((t) =>
      m.warningLine(t.warning.code, t.warning.field, String(t.warning.raw ?? ''), t.count, `${t.examples.join(', ')}${t.count > t.examples.length ? ', …' : ''}`),
    );
    const advice = tallies.some((t) => t.warning.code === 'unmapped_value') ? [m.unmappedAdvice] : [];
    return [m.warningsTitle(tallies.length), ...lines, ...advice];
  }
}
