import { isConnectorWide, isOutage, MallkitError, ResponseFormatError } from '@mallkit/core';
import { z } from 'zod';
import { aupayOrderSchema } from '../api/order-info.js';

/*
 * au PAY reads one order per searchTradeInfoProc call, and may refuse one id while answering the
 * others (`<status>1</status>` with E0100 受注を取得できません). Such a refusal belongs to that
 * order alone: getOrders and the reads before a write must deliver or write the others. Core's
 * order reader isolates orders that fail their schema, so a refused order is handed to it as a
 * marked stand-in that fails the reader's schema with au PAY's own words; the reader then reports
 * it as an UnreadableOrderError for that id (a workaround: core's DetailAnswer has no place for a
 * per-id error yet).
 */

const REFUSED = Symbol.for('mallkit.aupay.refused-order');

/** The stand-in for an order au PAY refused to read: its id and what au PAY said, for the excerpt. */
export interface RefusedOrder {
  readonly [REFUSED]: true;
  readonly orderId: string;
  readonly refusal: string;
}

function isRefused(value: unknown): value is RefusedOrder {
  // The marker is an own symbol: object spread (the tolerant reader copies objects) keeps it.
  return typeof value === 'object' && value !== null && Object.hasOwn(value, REFUSED);
}

/**
 * Whether an error reading one order concerns that order only: au PAY answered, and refused it.
 * Connector-wide errors (credentials, maintenance…), outages and answers that are not au PAY's XML
 * (au PAY under load) are about the mall and end the call.
 */
function isRefusalOfOneOrder(error: unknown): error is MallkitError {
  return MallkitError.isInstance(error) && !isConnectorWide(error) && !isOutage(error) && !ResponseFormatError.isInstance(error);
}

/** Reads one order; au PAY's refusal of this id becomes its stand-in, anything else is thrown. */
export async function readOrRefusal(orderId: string, read: () => Promise<unknown>): Promise<unknown> {
  try {
    return await read();
  } catch (error) {
    if (!isRefusalOfOneOrder(error)) throw error;
    const refused: RefusedOrder = { [REFUSED]: true, orderId, refusal: `${error.mallCode ?? error.code}: ${error.message}` };
    return refused;
  }
}

/** The order schema the reader checks with: au PAY's order, or the refusal of it in au PAY's words. */
export const readableOrderSchema = z.preprocess((wire, ctx) => {
  if (isRefused(wire)) ctx.addIssue({ code: 'custom', message: `au PAY refused to read this order (${wire.refusal})` });
  return wire;
}, aupayOrderSchema);
