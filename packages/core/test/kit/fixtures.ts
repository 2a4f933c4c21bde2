import { z } from 'zod';
import { silentLogger } from '../../src/logger.js';
import type { Order } from '../../src/model/order.js';
import type { OrderWarning } from '../../src/model/warning.js';

/** A tiny wire order for the kit's own tests. */
export interface TinyOrder {
  readonly id: string;
  readonly status: 'new' | 'done';
  readonly at: string;
}

export const tinySchema: z.ZodType<TinyOrder> = z.looseObject({ id: z.string(), status: z.enum(['new', 'done']), at: z.string() }) as unknown as z.ZodType<TinyOrder>;

const party = { name: 'x', familyName: null, givenName: null, nameKana: null, companyName: null, postalCode: null, prefecture: null, city: null, addressLines: [], phone: null, email: null, country: 'JP' };

/** The normalized form of a tiny order. */
export function tinyOrder(raw: TinyOrder, warnings: readonly OrderWarning[] = []): Order<TinyOrder> {
  return {
    mall: 'rakuten',
    shopId: 'shop',
    id: raw.id,
    displayNumber: raw.id,
    status: { code: raw.status === 'new' ? 'pending_confirmation' : 'completed', raw: raw.status },
    orderedAt: raw.at,
    updatedAt: null,
    confirmedAt: null,
    buyer: party,
    deliveries: [],
    amounts: { goods: 0, shipping: 0, fees: 0, discounts: 0, points: 0, coupons: 0, tax: 0, total: 0, billed: 0 },
    payment: { method: { code: 'credit_card', raw: 'card' }, paidAt: null },
    flags: { fraudReview: false, suspect: false, provisional: false, buyerMayCancel: false, gift: false, multipleDestinations: false, preorder: false, deliveryPromise: false, business: false },
    notes: { buyerComment: null, shopMemo: null },
    warnings,
    raw,
  };
}

/** Reader options shared by the tests. */
export const readerBase = {
  mall: 'rakuten' as const,
  operation: 'getOrder',
  orderSchema: tinySchema,
  idOf: (wire: unknown) => {
    const id = (wire as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : null;
  },
  normalize: (raw: TinyOrder, warnings: readonly OrderWarning[]) => tinyOrder(raw, warnings),
  redact: (text: string) => text,
  logger: silentLogger,
};
