import { defineEndpoint, ValidationError, type Endpoint } from '@mallkit/core';
import { z } from 'zod';
import { withFieldErrors } from './annotations.js';
import { RESULT_FIELD, type MakeshopDocument, type MakeshopOperation } from './documents.js';

/*
 * makeshop has one endpoint for everything: a POST of `{ query, variables }` as JSON (GraphQL
 * reference: content-type application/json). Errors come in the body's `errors[]` — with HTTP 200
 * or not — and are read by the error table (errors.ts) before the answer is; a successful answer
 * is `{ data: { <root field>: … } }`. An answer whose only errors are about fields of single orders
 * (`path: [root, 'orders', i, …]`, GraphQL's partial result) is a success for the other orders.
 */

/** One entry of a GraphQL `errors[]`, as far as this package reads it. */
export interface GraphqlErrorEntry {
  readonly message?: string | undefined;
  readonly path?: ReadonlyArray<string | number> | undefined;
}

/** An answer: `data.<root field>`, and the errors of a partial result. */
export type GraphqlAnswer<Result> = { readonly data: Readonly<Record<string, Result>>; readonly errors?: readonly GraphqlErrorEntry[] | undefined };

/** What one GraphQL call needs. */
export interface GraphqlCall<Input, Result> {
  readonly operation: MakeshopOperation;
  readonly document: MakeshopDocument<Input>;
  /** True for a mutation: never re-sent when its outcome is unknown (the order is read back instead). */
  readonly write: boolean;
  /** The shape of `data.<root field>`. */
  readonly result: z.ZodType<Result>;
}

const errorEntrySchema = z.looseObject({ message: z.string().optional(), path: z.array(z.union([z.string(), z.number()])).optional() });

/** The position of the order an error is about (`[root, 'orders', i, …]`), or null when it is about anything else. */
function orderIndexOf(error: GraphqlErrorEntry): number | null {
  const [, list, index] = error.path ?? [];
  return list === 'orders' && typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : null;
}

/**
 * True when an answer is a partial result this package can use: it has `data` for the errors' root
 * field with an `orders` list, and every error is about one order of that list.
 */
export function isPartialOrderResult(body: unknown): boolean {
  const { data, errors } = (body ?? {}) as { data?: unknown; errors?: unknown };
  if (!Array.isArray(errors) || errors.length === 0 || typeof data !== 'object' || data === null) return false;
  return errors.every((entry: unknown) => {
    const parsed = errorEntrySchema.safeParse(entry);
    if (!parsed.success || orderIndexOf(parsed.data) === null) return false;
    const root = (data as Record<string, unknown>)[String(parsed.data.path?.[0])];
    return typeof root === 'object' && root !== null && Array.isArray((root as { orders?: unknown }).orders);
  });
}

/** The variables of a call, built by the document; a user's `variables` that throws is a ValidationError naming it. */
function variablesOf<Input>(operation: MakeshopOperation, document: MakeshopDocument<Input>, input: Input): Readonly<Record<string, unknown>> {
  const field = `documents.${operation}.variables`;
  const refuse = (message: string): ValidationError =>
    new ValidationError([{ field, message }], {
      mall: 'makeshop',
      operation,
      hint: { ja: `documents オプションの ${field} を確認してください（${message}）。何も送信していません。`, en: `Check ${field} in the documents option (${message}). Nothing was sent.` },
    });
  let variables: unknown;
  try {
    variables = document.variables(input);
  } catch (error) {
    throw refuse(`threw ${error instanceof Error ? error.name : 'an error'}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) throw refuse('must return an object of GraphQL variables');
  return variables as Readonly<Record<string, unknown>>;
}

/** The endpoint descriptor of one GraphQL operation, for the kit's client (its base URL is makeshop's endpoint itself). */
export function graphqlEndpoint<Input, Result>(call: GraphqlCall<Input, Result>): Endpoint<Input, GraphqlAnswer<Result>> {
  const field = RESULT_FIELD[call.operation];
  return defineEndpoint({
    operation: call.operation,
    method: 'POST',
    // Empty: the request goes to the base URL itself, makeshop's one endpoint.
    path: '',
    idempotent: !call.write,
    body: (input: Input) => ({ json: { query: call.document.query, variables: variablesOf(call.operation, call.document, input) } }),
    answer: {
      format: 'json',
      schema: z.looseObject({ data: z.looseObject({ [field]: call.result }), errors: z.array(errorEntrySchema).optional() }) as unknown as z.ZodType<GraphqlAnswer<Result>>,
    },
  });
}

/** Reads `data.<root field>` of an answer. */
export function resultOf<Result>(operation: MakeshopOperation, answer: GraphqlAnswer<Result>): Result {
  return answer.data[RESULT_FIELD[operation]] as Result;
}

/** The orders of a search answer with makeshop's errors about each order's fields attached to that order. */
export function ordersWithFieldErrors(orders: readonly unknown[], errors: readonly GraphqlErrorEntry[] = []): unknown[] {
  const byIndex = new Map<number, string[]>();
  for (const error of errors) {
    const index = orderIndexOf(error);
    if (index === null) continue;
    const messages = byIndex.get(index) ?? [];
    messages.push(`${error.message ?? 'error'} (at ${(error.path ?? []).join('.')})`);
    byIndex.set(index, messages);
  }
  return orders.map((order, index) => withFieldErrors(order, byIndex.get(index) ?? []));
}
