import type { MallConnector } from '@mallkit/core';

/** A connector the demo runs, on a sandbox or on the real mall. */
export interface DemoSession {
  readonly connector: MallConnector;
  /** `sandbox` unless the mall's credentials are in the environment. */
  readonly mode: 'sandbox' | 'real';
  /** Writes (confirm, ship) run only on sandboxes, or on a real mall when MALLKIT_DEMO_WRITE=1. */
  readonly writesAllowed: boolean;
  close(): void | Promise<void>;
}

/** One mall in the demo. */
export interface DemoTarget {
  readonly mall: string;
  /** The environment variables that switch this target to the real mall. */
  readonly env: readonly string[];
  open(now: Date): Promise<DemoSession>;
}

/** True when every variable is set and non-empty. */
export function hasEnv(names: readonly string[]): boolean {
  return names.every((name) => (process.env[name] ?? '').trim() !== '');
}

/** Reads a variable that hasEnv already checked. */
export function env(name: string): string {
  return (process.env[name] ?? '').trim();
}
