import { createHash } from 'node:crypto';
import { createSandboxStore, type SandboxStore } from '@mallkit/core/testing';
import type { AmazonOrder2026 } from '../api/orders-2026.js';

/** The sandbox seller's orders, in the v2026 wire shape with every dataset, as searches list them (oldest first). */
export type AmazonStore = SandboxStore<AmazonOrder2026>;

/** Creates the store of a sandbox. */
export function createAmazonStore(): AmazonStore {
  return createSandboxStore<AmazonOrder2026>({
    id: (order) => order.orderId,
    compare: (a, b) => Date.parse(a.createdTime) - Date.parse(b.createdTime) || a.orderId.localeCompare(b.orderId),
  });
}

/** Hashes the parameters a search (and so its tokens) is bound to. */
export function searchSignature(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/**
 * Amazon's pagination tokens as the sandbox issues them: the store's own cursor wrapped with what
 * the next page needs to repeat the same search (Amazon's tokens are opaque too). A store that
 * repeats its cursor (a paging lie) makes the wrapped token repeat as well.
 */
export function encodeSearchToken(token: Readonly<Record<string, unknown>>): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

/** Reads a token {@link encodeSearchToken} made; null when it is not one. */
export function decodeSearchToken(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
