import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createSandboxClock } from '../../src/testing/clock.js';
import { generateSeedOrders } from '../../src/testing/generator.js';
import { createExampleSandbox } from './sandbox.js';

const NOW = '2026-11-22T10:00:00+09:00';
const FROM = new Date(Date.parse(NOW) - 7 * 86_400_000);

/** A full garbage collection, without starting node with --expose-gc (vitest's workers are not). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('the example sandbox close()', () => {
  // What close() drops after a sync is a conformance check (checks-sandbox.ts), run for every mall.
  it('retains no order once closed, while the sandbox itself is still referenced', async () => {
    const sandbox = createExampleSandbox({ clock: createSandboxClock(NOW), rateScale: 1000 });
    const [seed] = sandbox.seed(generateSeedOrders({ count: 3, seed: 7, from: FROM, to: new Date(Date.parse(NOW) - 3_600_000) }));
    const held = new WeakRef(sandbox.orders.get(seed?.id ?? '') ?? {});
    expect(held.deref()).toMatchObject({ id: seed?.id });
    sandbox.close();
    // A WeakRef keeps its target alive until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(held.deref()).toBeUndefined();
    expect(sandbox.kit.handlers).toHaveLength(0);
  });
});
