import { createMallClient, credentialKey, InvalidRequestError, systemClock, type CallOptions, type MallClient } from '@mallkit/core';
import type { z } from 'zod';
import { createDocumentSet, type DeliveryUpdateInput, type GetOrderInput, type MakeshopOperation, type SearchOrderInput } from './api/documents.js';
import { graphqlEndpoint, ordersWithFieldErrors, resultOf, type GraphqlAnswer } from './api/graphql.js';
import { MAKESHOP_RATE_PER_SECOND } from './api/limits.js';
import { STATE_FIELDS } from './api/order-fields.js';
import { probeResultSchema, searchOrderResultSchema, type SearchOrderResult } from './api/search-order.js';
import { deliveryUpdateResultSchema, type DeliveryUpdateResult } from './api/update-delivery.js';
import { makeshopAuthorizer } from './auth.js';
import { makeshopErrorTable, UnknownFieldsError } from './errors.js';
import type { MakeshopConnectorOptions } from './options.js';

/** makeshop's raw client: one method per GraphQL document, through the kit's pipeline. */
export interface MakeshopClient {
  /** The kit's client underneath (clock, logger, redactor). */
  readonly mall: MallClient;
  /** One page of an order search; orders makeshop reported field errors for carry them (see api/annotations.ts). */
  searchOrder(input: SearchOrderInput, call: CallOptions): Promise<SearchOrderResult>;
  /** The orders whose displayOrderNumber is this one (inferred document), optionally within one delivery status. */
  getOrder(input: GetOrderInput, call: CallOptions): Promise<SearchOrderResult>;
  /** Records a shipment on one destination (inferred mutation). */
  updateOrderDelivery(input: DeliveryUpdateInput, call: CallOptions): Promise<DeliveryUpdateResult>;
  /** The credential probe: a search of the last minute asking for the count only. */
  probe(input: SearchOrderInput, call: CallOptions): Promise<{ readonly searchedCount: number }>;
  /** The inferred order fields makeshop refused and that are no longer asked for. */
  readonly droppedFields: () => readonly string[];
}

/** A refusal of the document that names no field this package can read (a wording it does not know). */
function isUnnamedValidationFailure(error: unknown): boolean {
  return InvalidRequestError.isInstance(error) && !UnknownFieldsError.isInstance(error) && error.mallCode === 'GRAPHQL_VALIDATION_FAILED' && !/Variable "\$\w+"/.test(error.message);
}

/** Creates the raw client for one shop; `url` is the checked endpoint. */
export function createMakeshopClient(options: MakeshopConnectorOptions, url: string): MakeshopClient {
  const mall = createMallClient({
    mall: 'makeshop',
    options,
    baseUrl: url,
    secrets: [options.accessToken, options.apiKey],
    // The legacy rule counted every request of the shop; one budget per token is the same shop and app.
    limiterKey: credentialKey('makeshop', options.accessToken),
    // makeshop blocks access beyond its rate (legacy API: アクセス遮断). A request that reaches it late
    // would shorten the next gap: core's margins cover that delay as measured (decision 0310).
    defaultRate: { limit: MAKESHOP_RATE_PER_SECOND, intervalMs: 1000 },
    classify: makeshopErrorTable,
    authorize: makeshopAuthorizer(options, options.clock ?? systemClock),
  });
  const documents = createDocumentSet(options.documents);

  /** Says which inferred fields went: an error when the OMS loses what it decides shipping on, a warning otherwise. */
  const report = (operation: MakeshopOperation, dropped: readonly string[]): void => {
    const lost = dropped.filter((name) => STATE_FIELDS.includes(name));
    const fields = { dropped, lost };
    if (lost.length > 0) {
      mall.logger.error(
        `makeshop ${operation}: makeshop does not know the inferred field(s) ${dropped.join(', ')}. Without ${lost.join(', ')} a 仮注文, an unpaid order or a recorded tracking number cannot be told: such orders come out on_hold and shipments to them are refused until the documents option names the real fields`,
        fields,
      );
    } else {
      mall.logger.warn(`makeshop ${operation}: makeshop does not know the inferred field(s) ${dropped.join(', ')}; asking again without them`, fields);
    }
  };

  /**
   * Sends one operation. When makeshop names fields it does not know and they are order fields
   * this package inferred, they are dropped for the rest of the connector's life and the same
   * request is sent again: each round drops at least one field of a finite list, so it ends. A
   * refusal that names no field falls back once to the confirmed fields only.
   */
  const send = async <Input, Result>(operation: MakeshopOperation, input: Input, result: z.ZodType<Result>, call: CallOptions): Promise<GraphqlAnswer<Result>> => {
    let fellBack = false;
    for (;;) {
      const document = documents.document<Input>(operation);
      const endpoint = graphqlEndpoint({ operation, document, write: operation === 'updateOrderDelivery', result });
      try {
        return await mall.call(endpoint, input, call);
      } catch (error) {
        if (isUnnamedValidationFailure(error) && !fellBack) {
          fellBack = true;
          const fallback = documents.dropAllInferred(operation);
          if (fallback.dropped.length === 0) throw error;
          report(operation, fallback.dropped);
          try {
            return await mall.call(graphqlEndpoint({ operation, document: documents.document<Input>(operation), write: false, result }), input, call);
          } catch (again) {
            // Refused without the inferred fields as well: they were not the problem.
            if (isUnnamedValidationFailure(again)) fallback.restore();
            throw again;
          }
        }
        if (!UnknownFieldsError.isInstance(error)) throw error;
        const dropped = documents.drop(operation, error.unknownFields);
        if (dropped.length > 0) report(operation, dropped);
        else if (documents.document(operation).query === document.query) throw error;
        // Otherwise a concurrent call dropped these fields meanwhile: ask again with the new document.
      }
    }
  };

  const search = async (operation: 'searchOrder' | 'getOrder', input: SearchOrderInput | GetOrderInput, call: CallOptions): Promise<SearchOrderResult> => {
    const answer = await send(operation, input, searchOrderResultSchema, call);
    const found = resultOf(operation, answer);
    return { ...found, orders: ordersWithFieldErrors(found.orders, answer.errors) };
  };

  return {
    mall,
    searchOrder: (input, call) => search('searchOrder', input, call),
    getOrder: (input, call) => search('getOrder', input, call),
    updateOrderDelivery: async (input, call) => resultOf('updateOrderDelivery', await send('updateOrderDelivery', input, deliveryUpdateResultSchema, call)),
    probe: async (input, call) => resultOf('checkCredentials', await send('checkCredentials', input, probeResultSchema, call)),
    droppedFields: () => documents.dropped,
  };
}
