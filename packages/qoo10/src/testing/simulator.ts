import type { OrderChange, SandboxClock, SandboxSimulator, SeedOrder } from '@mallkit/core/testing';
import { qoo10Time, TERMINAL_CLAIMS, type Qoo10Store, type SandboxLine, type SandboxPack } from './store.js';

/** Claims under way: a cancellation (1 取消要請, 2 取消中) or a return (4 返品要請, 5 返品中), and what finishing each gives. */
const FINISHED_CLAIM: Readonly<Record<string, string>> = { '1': '3', '2': '3', '4': '6', '5': '6' };

/** A line that still counts: no finished cancellation, return or refund. */
const isLive = (line: SandboxLine): boolean => line.claim === null || !TERMINAL_CLAIMS.has(line.claim.status);

/** A line whose cancellation or return waits for the shop. */
const isPending = (line: SandboxLine): boolean => line.claim !== null && line.claim.status in FINISHED_CLAIM;

/**
 * A cancellation as Qoo10 runs it (its buyer guide, qoo10.jp ヘルプ 購入者ガイド 配送/キャンセル): a
 * claim under way is finished by the shop; otherwise an unpaid line, or a paid one before its
 * 発送予定日 is set, is cancelled at once (取消完了), a line with its 発送予定日 set waits for the
 * shop's approval (取消要請), and a shipped line is returned (返品要請). Request and completion are
 * stamped now: GetClaimInfo_V3 searches both dates.
 */
function cancel(pack: SandboxPack, now: string): boolean {
  const live = pack.lines.filter(isLive);
  const pending = live.filter(isPending);
  if (pending.length > 0) {
    for (const line of pending) line.claim = { ...(line.claim as NonNullable<SandboxLine['claim']>), status: FINISHED_CLAIM[line.claim?.status ?? ''] as string, completedDate: now };
    return true;
  }
  // An exchange or a partial refund under way (11, 12, 13, 15) is not cancelled over.
  const free = live.filter((line) => line.claim === null);
  for (const line of free) {
    const status = line.status <= 2 ? '3' : line.status === 3 ? '1' : '4';
    line.claim = { status, requestDate: now, completedDate: status === '3' ? now : null, reason: '購入者都合' };
  }
  return free.length > 0;
}

/** Payment arrives for the cart's unpaid lines (配送待ち → 配送要請): Qoo10 stamps its 決済日 (PaymentDate) on the cart. */
function pay(pack: SandboxPack, now: string): boolean {
  const unpaid = pack.lines.filter((line) => line.claim === null && line.status === 1);
  for (const line of unpaid) line.status = 2;
  if (unpaid.length > 0) pack.paymentDate = now;
  return unpaid.length > 0;
}

/**
 * The shop ships the cart's paid lines in QSM (→ 配送中): Qoo10 stamps the 発送日 (ShippingDate) at
 * the time of the shipment. Not while a cancellation or return waits for the shop, as the connector
 * refuses too.
 */
function ship(pack: SandboxPack, now: string): boolean {
  const live = pack.lines.filter(isLive);
  if (live.some(isPending)) return false;
  const ready = live.filter((line) => line.claim === null && (line.status === 2 || line.status === 3));
  for (const line of ready) {
    line.status = 4;
    line.shippingDate = now;
    line.deliveryCompany = 'ヤマト宅急便';
    line.trackingNo = `49${line.orderNo.slice(-10).padStart(10, '0')}`;
  }
  return ready.length > 0;
}

/**
 * The receiver's address changes before shipment: the buyer edits it in MyQoo10 while the order is
 * unpaid; once paid, only Qoo10's customer center can (qoo10.jp ヘルプ: 配送要請の状態以降は My Qoo10
 * 上では配送情報の修正ができません). No date is kept: only a re-read of the cart shows it.
 */
function changeAddress(pack: SandboxPack): boolean {
  const live = pack.lines.filter(isLive);
  if (live.length === 0 || live.some((line) => line.status >= 4)) return false;
  pack.address2 = `${pack.address2}（転居先）`.trimStart();
  return true;
}

/**
 * The sandbox's simulator: orders arrive through `seed` (their dates never later than now), and
 * change through Qoo10's own state machine, with the dates Qoo10 stamps (`change` takes a PackNo).
 */
export function createQoo10Simulator(store: Qoo10Store, clock: SandboxClock, seed: (seeds: readonly SeedOrder[]) => SeedOrder[]): SandboxSimulator {
  return {
    place: (seeds) => seed(seeds),
    change(id, kind: OrderChange) {
      const pack = store.get(id);
      if (pack === undefined || !pack.lines.some(isLive)) return false;
      const now = qoo10Time(clock.now());
      let applied = false;
      store.update(id, (held) => {
        applied = kind === 'cancel' ? cancel(held, now) : kind === 'pay' ? pay(held, now) : kind === 'ship' ? ship(held, now) : changeAddress(held);
      });
      return applied;
    },
  };
}
