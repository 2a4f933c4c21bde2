import type { Clock } from '@mallkit/core';
import type { YahooClient } from '../client.js';
import type { YahooMappers } from '../mapping/codes.js';

/** What every connector operation needs. */
export interface OperationContext {
  readonly client: YahooClient;
  readonly shopId: string;
  readonly clock: Clock;
  readonly mappers: YahooMappers;
  readonly includeFraudHeld: boolean;
  readonly expiryWarningDays: number;
  readonly publicKeyExpiresAt: number | null;
  readonly publicKeyConfigured: boolean;
}
