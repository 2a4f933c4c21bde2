import { formatJst } from '@mallkit/core';
import type { OrderChange, SandboxClock, SandboxSimulator, SandboxStore, SeedOrder } from '@mallkit/core/testing';
import type { ShopserveBasic, ShopserveOrder, ShopservePerson } from '../api/order-record.js';
import type { ShopserveWireProfile } from '../api/wire-profile.js';
import { statusAxesOf } from '../mapping/status.js';
import { toRecord, type ShopserveRecord } from './store.js';

/** What the simulator plays on: the sandbox's orders, wire profile and clock, and its way of adding orders. */
export interface SimulatorConfig {
  readonly store: SandboxStore<ShopserveRecord>;
  readonly wire: ShopserveWireProfile;
  readonly clock: SandboxClock;
  /** Adds orders as `sandbox.seed` does (serial codes, order numbers, 受注更新日時 bounded by the clock). */
  readonly seed: (seeds: readonly SeedOrder[]) => SeedOrder[];
}

/** The new address of a recipient who moved: a real place, with a room number that differs each time. */
function movedRecipient(recipient: ShopservePerson, move: number): ShopservePerson {
  return { ...recipient, zip_code: '330-0063', prefecture: '埼玉県', city: 'さいたま市浦和区', address1: '高砂3-15-1', address2: `コーポ浦和 ${100 + move}号室` };
}

/**
 * The changes of a Shopserve order's life as the shop makes them in the 受注台帳 (or the payment
 * agency reports them), on the sandbox's orders, under the sandbox's one state rule: a cancelled
 * order is frozen, as 注文状態更新 refuses it. Otherwise a change applies unless it is already so (an
 * order 入金済 is not paid again, one 発送済 not shipped again). Every change moves 受注更新日時 to
 * now, the instant searches by update time see it — UNVERIFIED: which changes move it on the real
 * mall is not public (wire-profile.ts, `updatedSearch`).
 */
export function createShopserveSimulator(config: SimulatorConfig): SandboxSimulator {
  const { store, wire, clock } = config;
  const { values } = wire;
  let moves = 0;
  let parcels = 0;

  /** The change's new basic block and details, or null when it does not apply to the order's state. */
  const apply = (order: ShopserveOrder, change: OrderChange): ShopserveOrder | null => {
    const axes = statusAxesOf(order.basic, wire);
    if (axes.cancelled === true) return null;
    const basic: ShopserveBasic = order.basic;
    const today = formatJst(clock.now(), wire.dayFormat);
    switch (change) {
      case 'cancel':
        return { ...order, basic: { ...basic, cancelled: values.yes } };
      case 'pay':
        // 入金ステータス 入金済 with its 入金日, as the bank-transfer check or the payment agency records it.
        if (axes.deposited === true) return null;
        return { ...order, basic: { ...basic, deposit_status: values.deposited, deposited_at: formatJst(clock.now(), wire.dateFormat) } };
      case 'ship':
        // The shop marks it 発送済 in the admin screen: one お問い合わせ番号 per order, 発送完了日 today.
        if (axes.shipped === true) return null;
        parcels += 1;
        return {
          ...order,
          basic: {
            ...basic,
            shipping_status: values.shipped,
            delivery_company: wire.carrierNames.yamato,
            tracking_number: `4912${String(parcels).padStart(8, '0')}`,
            scheduled_shipping_date: today,
            shipped_date: today,
          },
        };
      case 'address': {
        // The shop edits the destination (注文内容変更, a search filter of the 受注台帳).
        const [first, ...rest] = order.detail?.deliveries ?? [];
        if (first === undefined) return null;
        moves += 1;
        return { ...order, detail: { deliveries: [{ ...first, recipient: movedRecipient(first.recipient, moves) }, ...rest] } };
      }
    }
  };

  return {
    place(seeds) {
      return config.seed(seeds);
    },
    change(id, change) {
      const record = store.get(id);
      const changed = record === undefined ? null : apply(record.order, change);
      if (changed === null) return false;
      store.put(toRecord({ ...changed, basic: { ...changed.basic, updated_at: formatJst(clock.now(), wire.dateFormat) } }));
      return true;
    },
  };
}
