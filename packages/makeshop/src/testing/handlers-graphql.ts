import type { SandboxContext, SandboxKit } from '@mallkit/core/testing';
import { MAKESHOP_TIMESTAMP_VALIDITY_SECONDS } from '../api/limits.js';
import { GraphqlSyntaxError, parseDocument, valueOf, type FieldNode, type OperationNode } from './graphql-parser.js';
import { project, rootType, validateInput, validateSelection } from './graphql-schema.js';
import { resolveSearchOrder, type Resolution } from './resolve-search-order.js';
import { resolveUpdateOrderDelivery } from './resolve-update-delivery.js';
import type { MakeshopSandboxState } from './state.js';
import { fieldError, requestError, success } from './wire.js';

/*
 * makeshop's one GraphQL endpoint: every request is a POST of `{ query, variables }` with the
 * token, the API key and a fresh x-timestamp. The sandbox checks them in that order, parses the
 * document, validates it against its schema (unknown fields and input fields refused the way
 * graphql-js refuses them), runs the root fields and projects the answers onto the selection.
 */

type Resolver = (state: MakeshopSandboxState, input: Readonly<Record<string, unknown>>) => Resolution;

const RESOLVERS: Readonly<Record<string, Resolver>> = { searchOrder: resolveSearchOrder, updateOrderDelivery: resolveUpdateOrderDelivery };

/** The auth answer, or null when the token, the API key and the timestamp are all good. */
function refusal(state: MakeshopSandboxState, ctx: SandboxContext): Response | null {
  const { request, clock } = ctx;
  if (request.headers.get('x-api-key') !== state.apiKey) return requestError(401, 'INVALID_API_KEY', ['x-api-key is invalid']);
  const token = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (token !== state.accessToken) return requestError(401, 'UNAUTHENTICATED', ['The access token is invalid']);
  if (state.tokenRevoked) return requestError(401, 'UNAUTHENTICATED', ['The access token has been revoked (the app was uninstalled)']);
  const stamp = request.headers.get('x-timestamp') ?? '';
  const skew = Math.abs(clock.now() / 1000 - Number(stamp));
  if (!/^\d+$/.test(stamp) || skew > MAKESHOP_TIMESTAMP_VALIDITY_SECONDS) {
    return requestError(401, 'TIMESTAMP_EXPIRED', ['x-timestamp is missing or outside its one-hour validity'], { date: new Date(clock.now()).toUTCString() });
  }
  return null;
}

function chooseOperation(operations: readonly OperationNode[], name: unknown): OperationNode | string {
  if (typeof name === 'string' && name !== '') return operations.find((operation) => operation.name === name) ?? `Unknown operation named "${name}".`;
  return operations.length === 1 ? (operations[0] as OperationNode) : 'Must provide operation name if query contains multiple operations.';
}

/** Validates the operation's root fields, their selections and their `input` arguments. */
function problemsOf(operation: OperationNode, variables: Readonly<Record<string, unknown>>, hidden: ReadonlySet<string>): string[] {
  const typeName = operation.type === 'query' ? 'Query' : 'Mutation';
  const problems = validateSelection(typeName, operation.selection, hidden);
  for (const field of operation.selection) {
    if (rootType(operation.type, field.name) === undefined) continue;
    for (const argument of Object.keys(field.arguments)) {
      if (argument !== 'input') problems.push(`Unknown argument "${argument}" on field "${typeName}.${field.name}".`);
    }
    const input = field.arguments['input'];
    problems.push(...validateInput(field.name, input === undefined ? undefined : valueOf(input, variables), hidden));
  }
  return problems;
}

function execute(state: MakeshopSandboxState, operation: OperationNode, variables: Readonly<Record<string, unknown>>): Response {
  const data: Record<string, unknown> = {};
  for (const field of operation.selection as readonly FieldNode[]) {
    const key = field.alias ?? field.name;
    if (field.name === '__typename') {
      data[key] = operation.type === 'query' ? 'Query' : 'Mutation';
      continue;
    }
    const input = field.arguments['input'];
    const resolution = (RESOLVERS[field.name] as Resolver)(state, (input === undefined ? {} : valueOf(input, variables)) as Record<string, unknown>);
    if ('error' in resolution) return fieldError(key, resolution.error.code, resolution.error.message);
    data[key] = project(resolution.value, field.selection ?? [], rootType(operation.type, field.name) as string);
  }
  return success(data);
}

/**
 * The operation a request is, for the sandbox's log and fault injection: the request's
 * `operationName`, else the name of the document's operation (`query getOrder(…)`), else its first
 * root field (`searchOrder`). So `faults.inject(fault, { operation: 'updateOrderDelivery' })`
 * hits only the shipment mutation. `graphql` for a body the sandbox cannot read.
 */
export function operationOf(bodyText: string): string {
  try {
    const body = JSON.parse(bodyText) as { query?: unknown; operationName?: unknown };
    if (typeof body.operationName === 'string' && body.operationName !== '') return body.operationName;
    const [operation] = typeof body.query === 'string' ? parseDocument(body.query) : [];
    return operation?.name ?? operation?.selection[0]?.name ?? 'graphql';
  } catch {
    return 'graphql';
  }
}

/** The msw handler of makeshop's endpoint, on the sandbox's kit (log, faults, QPS gate). */
export function graphqlHandlers(kit: SandboxKit, state: MakeshopSandboxState, endpoint: string): void {
  kit.route('POST', endpoint, (_request, bodyText) => operationOf(bodyText), (ctx) => {
    const refused = refusal(state, ctx);
    if (refused) return refused;
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(ctx.bodyText) as typeof body;
    } catch {
      return requestError(400, 'BAD_REQUEST', ['POST body sent invalid JSON.']);
    }
    if (typeof body.query !== 'string') return requestError(400, 'BAD_REQUEST', ['GraphQL operations must contain a non-empty `query`.']);
    let operations: OperationNode[];
    try {
      operations = parseDocument(body.query);
    } catch (error) {
      if (error instanceof GraphqlSyntaxError) return requestError(400, 'GRAPHQL_PARSE_FAILED', [error.message]);
      throw error;
    }
    const operation = chooseOperation(operations, body.operationName);
    if (typeof operation === 'string') return requestError(400, 'BAD_REQUEST', [operation]);
    const variables = (typeof body.variables === 'object' && body.variables !== null ? body.variables : {}) as Record<string, unknown>;
    const problems = problemsOf(operation, variables, state.hiddenFields);
    if (problems.length > 0) return requestError(400, 'GRAPHQL_VALIDATION_FAILED', problems);
    return execute(state, operation, variables);
  });
}
