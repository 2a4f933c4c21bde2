/**
 * A free-text element as one string: text as it is (trimmed), an element with children or a
 * repeated element as the text of its parts joined by line breaks; null when there is no text.
 */
export function textOf(value: unknown): string | null {
  const parts: string[] = [];
  const collect = (node: unknown, depth: number): void => {
    if (depth > 8 || node === null || node === undefined) return;
    if (typeof node === 'string') {
      if (node.trim() !== '') parts.push(node.trim());
      return;
    }
    if (Array.isArray(node)) {
      for (const entry of node) collect(entry, depth + 1);
      return;
    }
    if (typeof node === 'object') for (const entry of Object.values(node)) collect(entry, depth + 1);
  };
  collect(value, 0);
  return parts.length === 0 ? null : parts.join('\n');
}
