import { MallkitError, isConnectorWide, isUnknownOutcome, withHint, type WriteOutcome } from '@mallkit/core';

/**
 * Sends a cart's lines one by one and says what happened to the cart. A line Qoo10 already has in
 * the target state (`alreadyCode`) counts as done. A connector-wide error (key refused, no
 * permission, maintenance) on the first line is thrown: nothing was written for this cart, so it is
 * "not sent". After some lines were written, the cart is recorded as failed with the lines written
 * named, and the batch stops (`stop`): the cart is half-written, not unsent.
 */
export async function writeLines(
  orderNos: readonly string[],
  send: (orderNo: string) => Promise<void>,
  alreadyCode: string | null,
  warnings: readonly string[] = [],
): Promise<WriteOutcome> {
  const written: string[] = [];
  for (const orderNo of orderNos) {
    try {
      await send(orderNo);
      written.push(orderNo);
    } catch (error) {
      if (!MallkitError.isInstance(error)) throw error;
      if (alreadyCode !== null && error.mallCode === alreadyCode) {
        written.push(orderNo);
        continue;
      }
      if (isConnectorWide(error)) {
        if (written.length === 0) throw error;
        const partly = withHint(
          error,
          {
            ja: `明細 ${written.join(', ')} は処理済み、${orderNo} 以降は未処理です。${error.hint?.ja ?? ''}`.trim(),
            en: `Lines ${written.join(', ')} were written; ${orderNo} and after were not. ${error.hint?.en ?? ''}`.trim(),
          },
          `line ${orderNo} after ${written.join(', ')} were written`,
        );
        return { kind: 'failed', error: partly, stop: true };
      }
      return isUnknownOutcome(error) ? { kind: 'doubt', error } : { kind: 'failed', error };
    }
  }
  return { kind: 'done', warnings };
}
