import type { SandboxClock } from '@mallkit/core/testing';
import type { MakeshopStore } from './store.js';

/** What the sandbox's handlers share: the orders, the clock, the app's credentials and the switches tests flip. */
export interface MakeshopSandboxState {
  readonly orders: MakeshopStore;
  readonly clock: SandboxClock;
  readonly accessToken: string;
  readonly apiKey: string;
  /** The shop uninstalled the app: the token is revoked. */
  tokenRevoked: boolean;
  /** Field names the sandbox pretends not to have (output and input fields alike). */
  readonly hiddenFields: Set<string>;
  /** Order numbers for which makeshop was asked to send its 発送メール, in order. */
  readonly shippingMails: string[];
}
