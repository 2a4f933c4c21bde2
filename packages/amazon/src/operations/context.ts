import type { Logger } from '@mallkit/core';
import type { IncludedData } from '../api/orders-2026.js';
import type { AmazonClient } from '../client.js';
import type { OrderMappers } from '../mapping/order.js';
import type { AmazonConnectorOptions, OrdersApiVersion } from '../options.js';

/** What every connector operation shares. */
export interface OperationContext {
  readonly client: AmazonClient;
  readonly shopId: string;
  readonly marketplaceId: string;
  readonly ordersApi: OrdersApiVersion;
  readonly fulfilledBy: ReadonlyArray<'MERCHANT' | 'AMAZON'>;
  readonly includedData: readonly IncludedData[];
  readonly mappers: OrderMappers;
  readonly carrierCodes: NonNullable<NonNullable<AmazonConnectorOptions['mappers']>['carrierCodes']>;
  readonly logger: Logger;
  readonly options: AmazonConnectorOptions;
}
