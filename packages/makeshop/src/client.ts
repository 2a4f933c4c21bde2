import { createMallClient, credentialKey, systemClock, type CallOptions, type MallClient } from '@mallkit/core';
import type { z } from 'zod';
import { createDocumentSet, type DeliveryUpdateInput, type MakeshopOperation, type SearchOrderInput } from './api/documents.js';
import { graphqlEndpoint, resultOf } from './api/graphql.js';
import { MAKESHOP_RATE_PER_SECOND, MAKESHOP_THROTTLE_MARGIN } from './api/limits.js';
import { probeResultSchema, searchOrderResultSchema, type SearchOrderResult } from './api/search-order.js';
import { deliveryUpdateResultSchema, type DeliveryUpdateResult } from './api/update-delivery.js';
import { makeshopAuthorizer } from './auth.js';
import { createMakeshopErrorTable, UnknownFieldsError } from './errors.js';
import type { MakeshopConnectorOptions } from './options.js';

/** makeshop's raw client: one method per GraphQL document, through the kit's pipeline. */
export interface MakeshopClient {
  /** The kit's client underneath (clock, logger, redactor). */
  readonly mall: MallClient;
  /** One page of an order search. */
  searchOrder(input: SearchOrderInput, call: CallOptions): Promise<SearchOrderResult>;
  /** The orders whose displayOrderNumber is this one (inferred document). */
  getOrder(displayOrderNumber: string, call: CallOptions): Promise<SearchOrderResult>;
  /** Records a shipment on one destination (inferred mutation). */
  updateOrderDelivery(input: DeliveryUpdateInput, call: CallOptions): Promise<DeliveryUpdateResult>;
  /** The credential probe: a search of the last minute asking for the count only. */
  probe(input: SearchOrderInput, call: CallOptions): Promise<{ readonly searchedCount: number }>;
  /** The inferred order fields makeshop refused and that are no longer asked for. */
  readonly droppedFields: () => readonly string[];
}

/** Creates the raw client for one shop; `url` is the checked endpoint. */
export function createMakeshopClient(options: MakeshopConnectorOptions, url: string): MakeshopClient {
  const clock = options.clock ?? systemClock;
  const mall = createMallClient({
    mall: 'makeshop',
    options,
    baseUrl: url,
    secrets: [options.accessToken, options.apiKey],
    // The legacy rule counted every request of the shop; one budget per token is the same shop and app.
    limiterKey: credentialKey('makeshop', options.accessToken),
    defaultRate: { limit: MAKESHOP_RATE_PER_SECOND, intervalMs: 1000 },
    // makeshop blocks access beyond its rate (legacy API: アクセス遮断), and at 1 request per second a
    // request that reaches it late shortens the next gap: 15% of slack instead of core's 5%.
    throttle: { margin: MAKESHOP_THROTTLE_MARGIN },
    classify: createMakeshopErrorTable(clock),
    authorize: makeshopAuthorizer(options, clock),
  });
  const documents = createDocumentSet(options.documents);

  /**
   * Sends one operation. When makeshop names fields it does not know and they are order fields
   * this package inferred, they are dropped for the rest of the connector's life and the same
   * request is sent again: each round drops at least one field of a finite list, so it ends.
   */
  const send = async <Input, Result>(operation: MakeshopOperation, input: Input, result: z.ZodType<Result>, call: CallOptions): Promise<Result> => {
    for (;;) {
      const document = documents.document<Input>(operation);
      const endpoint = graphqlEndpoint({ url, operation, document, write: operation === 'updateOrderDelivery', result });
      try {
        return resultOf(operation, await mall.call(endpoint, input, call));
      } catch (error) {
        if (!UnknownFieldsError.isInstance(error)) throw error;
        const dropped = documents.drop(operation, error.unknownFields);
        if (dropped.length > 0) {
          mall.logger.warn(`makeshop ${operation}: makeshop does not know the inferred field(s) ${dropped.join(', ')}; asking again without them`, { dropped });
        } else if (documents.document(operation).query === document.query) {
          throw error;
        }
        // Otherwise a concurrent call dropped these fields meanwhile: ask again with the new document.
      }
    }
  };

  return {
    mall,
    searchOrder: (input, call) => send('searchOrder', input, searchOrderResultSchema, call),
    getOrder: (displayOrderNumber, call) => send('getOrder', { displayOrderNumber }, searchOrderResultSchema, call),
    updateOrderDelivery: (input, call) => send('updateOrderDelivery', input, deliveryUpdateResultSchema, call),
    probe: (input, call) => send('checkCredentials', input, probeResultSchema, call),
    droppedFields: () => documents.dropped,
  };
}
