import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/classes.js';
import type { MallId } from '../model/mall-id.js';

function pathToField(root: string, path: ReadonlyArray<PropertyKey>): string {
  let out = root;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(input)';
}

/**
 * Parses an input with its zod schema before any request is made. On failure throws a
 * ValidationError whose `field` names the first bad field (`updates[1].trackingNumber`) and whose
 * `issues` list every problem, so that nothing is sent half-way.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root: string,
  context: { mall?: MallId | null; operation?: string } = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    field: pathToField(root, issue.path),
    message: issue.message,
  }));
  throw new ValidationError(issues, {
    mall: context.mall ?? null,
    operation: context.operation ?? null,
    hint: {
      ja: `入力値を確認してください: ${issues.map((i) => i.field).join(', ')}。リクエストは送信されていません。`,
      en: `Fix the input: ${issues.map((i) => i.field).join(', ')}. Nothing was sent to the mall.`,
    },
  });
}
