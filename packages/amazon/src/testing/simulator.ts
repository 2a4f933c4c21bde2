import type { OrderChange, SandboxSimulator, SeedOrder } from '@mallkit/core/testing';
import type { AmazonOrder2026 } from '../api/orders-2026.js';
import { authorizePayment, cancelOrder, changeDeliveryAddress, shipRemainingUnits } from './order-changes.js';
import { adaptSeedsForAmazon, seedToAmazonOrder } from './seed-to-wire.js';
import type { AmazonSandboxState } from './state.js';

/** Each change a test can play, as Amazon's order goes through it (order-changes.ts). */
const CHANGES: Readonly<Record<OrderChange, (order: AmazonOrder2026, at: number) => AmazonOrder2026 | null>> = {
  cancel: cancelOrder,
  pay: authorizePayment,
  ship: shipRemainingUnits,
  address: changeDeliveryAddress,
};

/**
 * Puts seeds in the sandbox as Amazon holds them (one destination, Amazon's statuses), each with
 * its latest change as `lastUpdatedTime`, never later than now. Returns the seeds as held.
 */
export function holdSeeds(state: AmazonSandboxState, seeds: readonly SeedOrder[]): SeedOrder[] {
  const held = adaptSeedsForAmazon(seeds);
  const now = state.clock.now();
  for (const seed of held) state.store.put(seedToAmazonOrder(seed, now));
  return held;
}

/**
 * Plays an Amazon seller's orders between syncs, on the sandbox clock. New orders arrive as seeds
 * do. Each change goes through Amazon's statuses and stamps `lastUpdatedTime` now, which is what
 * `lastUpdatedAfter` searches select on; like every order of the sandbox, it shows in them once two
 * minutes have passed (the `*Before` rule).
 */
export function createAmazonSimulator(state: AmazonSandboxState): SandboxSimulator {
  return {
    place: (seeds) => holdSeeds(state, seeds),
    change(id: string, change: OrderChange): boolean {
      const order = state.store.get(id);
      const changed = order ? CHANGES[change](order, state.clock.now()) : null;
      if (!changed) return false;
      state.store.put(changed);
      return true;
    },
  };
}
