import { HttpResponse } from 'msw';

/*
 * How the sandbox answers, in the shapes a GraphQL server uses (Apollo Server's conventions:
 * request errors — parse, validation, auth — with a 4xx status and no `data`; errors while
 * resolving with HTTP 200, `data` and `errors[].path`). makeshop's own shapes are not public.
 */

/** An answer with `errors[]` and no data: a request makeshop refused as a whole. */
export function requestError(status: number, code: string, messages: readonly string[], headers: Readonly<Record<string, string>> = {}): Response {
  return HttpResponse.json({ errors: messages.map((message) => ({ message, extensions: { code } })) }, { status, headers });
}

/** An answer with HTTP 200 whose root field failed while resolving. */
export function fieldError(field: string, code: string, message: string): Response {
  return HttpResponse.json({ errors: [{ message, path: [field], extensions: { code } }], data: { [field]: null } });
}

/** A successful answer. */
export function success(data: Record<string, unknown>): Response {
  return HttpResponse.json({ data });
}
