import { defineEndpoint, type Endpoint } from '@mallkit/core';
import { z } from 'zod';
import { RESULT_FIELD, type MakeshopDocument, type MakeshopOperation } from './documents.js';

/*
 * makeshop has one endpoint for everything: a POST of `{ query, variables }` as JSON (GraphQL
 * reference: content-type application/json). Errors come in the body's `errors[]` — with HTTP 200
 * or not — and are read by the error table (errors.ts) before the answer is; a successful answer
 * is `{ data: { <root field>: … } }`.
 */

/** The answer of an operation, unwrapped from `data.<root field>`. */
export type GraphqlAnswer<Result> = { readonly data: Readonly<Record<string, Result>> };

/** What one GraphQL call needs. */
export interface GraphqlCall<Input, Result> {
  /** The endpoint URL makeshop sent the app (or a sandbox). */
  readonly url: string;
  readonly operation: MakeshopOperation;
  readonly document: MakeshopDocument<Input>;
  /** True for a mutation: never re-sent when its outcome is unknown (the order is read back instead). */
  readonly write: boolean;
  /** The shape of `data.<root field>`. */
  readonly result: z.ZodType<Result>;
}

/** The endpoint descriptor of one GraphQL operation, for the kit's client. */
export function graphqlEndpoint<Input, Result>(call: GraphqlCall<Input, Result>): Endpoint<Input, GraphqlAnswer<Result>> {
  const field = RESULT_FIELD[call.operation];
  return defineEndpoint({
    operation: call.operation,
    method: 'POST',
    // The whole URL: makeshop's endpoint is an address of its own, not a root with paths under it.
    path: call.url,
    idempotent: !call.write,
    body: (input: Input) => ({ json: { query: call.document.query, variables: call.document.variables(input) } }),
    answer: {
      format: 'json',
      schema: z.looseObject({ data: z.looseObject({ [field]: call.result }) }) as unknown as z.ZodType<GraphqlAnswer<Result>>,
    },
  });
}

/** Reads `data.<root field>` of an answer. */
export function resultOf<Result>(operation: MakeshopOperation, answer: GraphqlAnswer<Result>): Result {
  return answer.data[RESULT_FIELD[operation]] as Result;
}
