import { describe, it } from 'vitest';
import type { ConnectorOptions } from '../contract/connector-options.js';
import type { MallConnector } from '../contract/connector.js';
import { captureOutput } from '../testing/capture.js';
import { createSandboxClock, DEFAULT_SANDBOX_START, type SandboxClock } from '../testing/clock.js';
import { generateSeedOrders } from '../testing/generator.js';
import type { MallSandbox } from '../testing/mall-sandbox.js';
import { startSandboxServer } from '../testing/sandbox-kit.js';
import { adversarialChecks } from './checks-adversarial.js';
import { basicChecks } from './checks-basic.js';
import { inputChecks } from './checks-input.js';
import { sandboxChecks } from './checks-sandbox.js';
import { secretChecks } from './checks-secrets.js';
import { syncChecks } from './checks-sync.js';
import type { ConformanceCheck, ConformanceContext } from './context.js';
import { DAY } from './helpers.js';

/** The options the suite adds to the sandbox's own when it creates a connector. */
export type SuiteConnectorOptions = Required<Pick<ConnectorOptions, 'clock' | 'logger' | 'hooks' | 'retry' | 'timeoutMs'>>;

/**
 * What the suite needs from a mall package: its sandbox and its connector factory. Nothing else —
 * the sandbox says how a connector reaches it (`connectorOptions()`), which secrets it holds, and
 * how to break it.
 */
export interface ConformanceTarget<Options extends object> {
  /** The mall's display name in test titles. */
  readonly name: string;
  /** Creates a fresh sandbox on the suite's clock, its rates `rateScale` times the mall's. */
  createSandbox(init: { readonly clock: SandboxClock; readonly rateScale: number }): MallSandbox<Options>;
  /** Creates the connector under test from the sandbox's options plus the suite's. */
  createConnector(options: Options & SuiteConnectorOptions): MallConnector;
  /** How much faster than the mall's real limits the sandbox and the connector run (default 50). */
  readonly rateScale?: number;
  /** How many seed orders (default 40) and over how many days before now (default 120, longer than any mall's window). */
  readonly seedCount?: number;
  readonly spanDays?: number;
}

/** Every check of the suite, in the order it runs them. */
export const conformanceChecks: readonly ConformanceCheck[] = [...basicChecks, ...inputChecks, ...adversarialChecks, ...secretChecks, ...syncChecks, ...sandboxChecks];

/** The instant the suite's sandboxes start at. */
const SUITE_NOW = new Date(DEFAULT_SANDBOX_START);

/** Seeds a fresh sandbox and connects a connector to it, with a capturing logger and hooks. */
export async function setUpConformance<Options extends object>(target: ConformanceTarget<Options>, now: Date = SUITE_NOW): Promise<{ ctx: ConformanceContext; seeds: ReturnType<MallSandbox['seed']> }> {
  const clock = createSandboxClock(now);
  const sandbox = target.createSandbox({ clock, rateScale: target.rateScale ?? 50 });
  const generated = generateSeedOrders({
    count: target.seedCount ?? 40,
    seed: 20261122,
    from: new Date(now.getTime() - (target.spanDays ?? 120) * DAY),
    to: new Date(now.getTime() - 3_600_000),
  });
  const seeds = sandbox.seed(generated);
  const server = startSandboxServer(sandbox.handlers);
  const { logger, hooks, lines: captured } = captureOutput();
  const options = {
    ...sandbox.connectorOptions(),
    clock,
    logger,
    hooks,
    timeoutMs: 5_000,
    retry: { minDelayMs: 20, maxDelayMs: 200, rateLimitMinDelayMs: 50, maxElapsedMs: 15_000, jitter: false },
  };
  const connector = target.createConnector(options);
  return {
    seeds,
    ctx: {
      connector,
      sandbox: sandbox as unknown as MallSandbox,
      secrets: sandbox.secrets,
      captured,
      close: () => server.close(),
      connectWith: (changes) => target.createConnector({ ...options, ...changes }),
    },
  };
}

/**
 * Registers the conformance suite for a mall (vitest `describe`/`it`). Each check runs on a freshly
 * seeded sandbox: same behaviour, every mall.
 */
export function runConformanceSuite<Options extends object>(target: ConformanceTarget<Options>): void {
  describe(`${target.name}: mallkit connector conformance`, () => {
    for (const check of conformanceChecks) {
      it(check.name, async () => {
        const { ctx, seeds } = await setUpConformance(target);
        try {
          await check.run(ctx, seeds, SUITE_NOW);
        } finally {
          await ctx.close();
        }
      });
    }
  });
}
