import type { BatchResult, CredentialReport, Order } from '@mallkit/core';

const yen = (value: number | null): string => (value === null ? '—' : `¥${value.toLocaleString('ja-JP')}`);

/** One row per order: what an OMS operator would look at first. */
export function ordersTable(orders: readonly Order[]): Array<Record<string, string>> {
  return orders.map((order) => ({
    order: order.id,
    ordered: order.orderedAt.slice(0, 16).replace('T', ' '),
    status: `${order.status.code} (${order.status.raw})`,
    buyer: order.buyer.name,
    items: String(order.deliveries.reduce((n, d) => n + d.items.reduce((m, i) => m + i.quantity, 0), 0)),
    destinations: String(order.deliveries.length),
    billed: yen(order.amounts.billed ?? order.amounts.total),
    payment: order.payment.method.code,
    slot: order.deliveries[0]?.timeSlot?.code ?? '—',
  }));
}

/** The values no mapping table knew, and the orders' warnings: what the OMS must look at. */
export function attentionLines(orders: readonly Order[]): string[] {
  const lines: string[] = [];
  for (const order of orders) {
    if (order.payment.method.code === 'unmapped') lines.push(`${order.id}: 決済方法が未マッピング / unmapped payment method "${order.payment.method.raw}"`);
    order.deliveries.forEach((delivery, index) => {
      if (delivery.timeSlot?.code === 'unmapped') lines.push(`${order.id} #${index + 1}: 配達時間帯が未マッピング / unmapped time slot "${delivery.timeSlot.raw}"`);
      if (delivery.carrier?.code === 'unmapped') lines.push(`${order.id} #${index + 1}: 配送会社が未マッピング / unmapped carrier "${delivery.carrier.raw}"`);
    });
    if (order.status.code === 'unmapped') lines.push(`${order.id}: ステータスが未マッピング / unmapped status "${order.status.raw}"`);
    for (const warning of order.warnings) lines.push(`${order.id}: ${warning.message.ja} / ${warning.message.en}`);
    if (order.flags.fraudReview) lines.push(`${order.id}: 不正注文審査中 — キャンセル以外の操作はできません / under fraud review: only cancellation is allowed`);
  }
  return lines;
}

/** One line per order of a batch write. */
export function batchLines(result: BatchResult): string[] {
  return result.results.map((r) =>
    r.ok
      ? `${r.id}: ${r.alreadyDone ? 'already done (alreadyDone)' : 'ok'}${r.warnings.length > 0 ? ` — ${r.warnings.join('; ')}` : ''}`
      : `${r.id}: ${r.error.name} ${r.error.code} — ${r.error.hint?.ja ?? r.error.message}`,
  );
}

/** The credential report as rows. */
export function credentialTable(report: CredentialReport): Array<Record<string, string>> {
  return report.credentials.map((c) => ({
    credential: c.name,
    state: c.state,
    expires: c.expiresAt ?? '—',
    daysLeft: c.daysLeft === null ? '—' : String(c.daysLeft),
    source: c.source,
    renew: c.renew?.ja ?? '',
  }));
}
