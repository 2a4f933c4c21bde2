import { displayWidth, padCells, printable, truncateCells } from '../text/width.js';
import type { OrdersMessages } from './messages.js';
import type { OrderWriter } from './writer.js';

/** Column widths in terminal cells: fixed, so that each order prints as it arrives. */
const WIDTHS = [26, 16, 14, 16, 10, 18, 4] as const;

const yen = (amount: number | null): string => (amount === null ? '-' : `¥${amount.toLocaleString('ja-JP')}`);

/** A person-readable table streamed one order per line (long values cut with `..`). */
export function tableWriter(m: OrdersMessages): OrderWriter {
  const line = (cells: readonly string[]): string =>
    `${cells
      .map((cell, i) => {
        const width = WIDTHS[i];
        const clean = printable(cell);
        if (width === undefined) return clean;
        // Amounts and counts read best right-aligned.
        const cut = truncateCells(clean, width);
        return i === 4 || i === 6 ? ' '.repeat(Math.max(0, width - displayWidth(cut))) + cut : padCells(cut, width);
      })
      .join('  ')
      .trimEnd()}\n`;
  return {
    begin: () => `${line(m.header)}${line(WIDTHS.map((w) => '-'.repeat(w)).concat('----'))}`,
    write: (order) =>
      line([
        order.id,
        order.orderedAt.slice(0, 16).replace('T', ' '),
        order.status.code === 'unmapped' ? m.unmapped(order.status.raw) : m.statuses[order.status.code],
        order.buyer.name,
        yen(order.amounts.billed ?? order.amounts.total),
        order.payment.method.code === 'unmapped' ? m.unmapped(order.payment.method.raw) : order.payment.method.code,
        String(order.deliveries.reduce((n, d) => n + d.items.reduce((k, item) => k + item.quantity, 0), 0)),
        order.warnings.length > 0 ? m.warningsCell(order.warnings.length) : '',
      ]),
    end: () => '',
  };
}
