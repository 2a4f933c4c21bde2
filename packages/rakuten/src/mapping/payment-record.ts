import type { PaymentRecord } from '@mallkit/core';
import type { RakutenPaymentModel } from '../api/get-payment.js';
import { isoJstOrNull } from './datetime.js';
import { defaultRakutenMappers, type RakutenMappers } from './mappers.js';
import { mapSettlementMethod } from './payment-method.js';

/*
 * paymentStatus (getPayment, UNCERTAIN list from [JAKE]) → PaymentRecord.state:
 * 30000 決済なし, 30100 決済手続き待ち, 30200 決済手続き依頼, 30300 決済手続き完了, 30400 NG,
 * 30500 決済依頼, 30600 決済確定, 30610, 30700 決済NG, 30710, 31100–31500 取消系, 31800 チャージバック.
 */
function stateOf(status: number | null): PaymentRecord['state'] {
  if (status === null) return 'unknown';
  if (status === 30000 || status === 30100 || status === 30200) return 'unpaid';
  if (status === 30300 || status === 30500) return 'authorized';
  if (status === 30600 || status === 30610) return 'paid';
  if (status === 31800) return 'refunded';
  if (status >= 31100 && status <= 31500) return 'cancelled';
  return 'unknown';
}

/** One getPayment PaymentModel → a PaymentRecord. paidAt is 決済確定日時, settledAt 支払予定日. */
export function mapPaymentRecord(
  orderId: string,
  payment: RakutenPaymentModel,
  mappers: RakutenMappers = defaultRakutenMappers,
): PaymentRecord<RakutenPaymentModel> {
  const rawStatus = payment.paymentStatus === null || payment.paymentStatus === undefined ? null : String(payment.paymentStatus);
  const numericMethod = typeof payment.paymentMethod === 'number' ? payment.paymentMethod : Number(payment.paymentMethod);
  const method = mapSettlementMethod(
    typeof payment.paymentMethod === 'string' && Number.isNaN(numericMethod) ? payment.paymentMethod : null,
    Number.isNaN(numericMethod) ? null : numericMethod,
    mappers.paymentMethod,
  );
  return {
    mall: 'rakuten',
    orderId,
    method,
    state: stateOf(rawStatus === null ? null : Number(rawStatus)),
    rawState: rawStatus,
    amount: payment.paymentAmount ?? null,
    paidAt: isoJstOrNull(payment.paymentFixDatetime),
    settledAt: isoJstOrNull(payment.payExpectDate),
    raw: payment,
  };
}
