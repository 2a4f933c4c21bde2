import { createHash } from 'node:crypto';

/** What a sandbox pagination token remembers: where the next page starts and which search it belongs to. */
export interface PageCursor {
  readonly offset: number;
  /** Hash of the filter parameters: the next request must repeat them unchanged. */
  readonly filter: string;
  /** The effective upper bound of the first request, frozen so that later pages see the same set. */
  readonly before: number;
  readonly issuedAt: number;
}

/** Hashes the parameters a token is bound to. */
export function filterHash(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** Encodes a cursor as an opaque token. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Decodes a token; null when it is not one of ours. */
export function decodeCursor(token: string): PageCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { offset, filter, before, issuedAt } = value as Record<string, unknown>;
    if (typeof offset !== 'number' || typeof filter !== 'string' || typeof before !== 'number' || typeof issuedAt !== 'number') return null;
    return { offset, filter, before, issuedAt };
  } catch {
    return null;
  }
}
