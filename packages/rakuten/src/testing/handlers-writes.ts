import { jstDateOf } from '@mallkit/core';
import type { SandboxContext } from '@mallkit/core/testing';
import { rmsDatetime, type RakutenMessageModel } from '../api/common.js';
import { RAKUTEN_LIMITS, UNSET_PRICE } from '../api/constants.js';
import { deliveryCompanyName } from '../mapping/carrier.js';
import { bodyOf } from './guard.js';
import type { RakutenSandboxStore } from './store.js';
import { jsonAnswer, message, SANDBOX_CODES, validationError } from './wire.js';

/**
 * confirmOrder: 100 → 200 楽天処理中 once, then 300 発送待ち when Rakuten's processing ends
 * (`processingMs` later on the sandbox clock); 102 cancelled, 103 already moved, 105 postage
 * -9999. Always HTTP 200 with one result per order. The 200 step follows vendor manuals
 * (https://manualc2.sokuhan.jp/manualc2/op-ec/rt/rms-pay-conf/, https://docs.shippinno.com/?p=5262).
 */
export function confirmOrder(store: RakutenSandboxStore, ctx: SandboxContext, processingMs: number): Response {
  const body = bodyOf(ctx) ?? {};
  const list = body.orderNumberList;
  if (!Array.isArray(list) || list.length === 0) return validationError('ORDER_EXT_API_CONFIRM_ORDER_ERROR_009', 'orderNumberListの項目を指定して下さい。');
  if (list.length > RAKUTEN_LIMITS.batchSize) return validationError(SANDBOX_CODES.confirmTooMany, 'orderNumberListは100件以内で指定して下さい。');
  const messages: RakutenMessageModel[] = list.map((value) => {
    const orderNumber = String(value);
    const order = store.order(orderNumber);
    const code = (n: string): string => `ORDER_EXT_API_CONFIRM_ORDER_ERROR_${n}`;
    if (!order) return message('ERROR', SANDBOX_CODES.confirmNotFound, '指定された注文番号は存在しません。', { orderNumber });
    if (order.orderProgress === 800 || order.orderProgress === 900) {
      return message('ERROR', code('102'), '指定された注文番号は既にキャンセルされているため、注文確認が出来る状態ではありませんでした。', { orderNumber });
    }
    if (order.orderProgress !== 100) return message('ERROR', code('103'), '指定された注文番号は注文確認が出来る状態ではありませんでした。', { orderNumber });
    if (order.postagePrice === UNSET_PRICE) return message('ERROR', code('105'), '送料が未設定のため、注文確認が出来ませんでした。', { orderNumber });
    store.change(orderNumber, (changed) => {
      changed.orderProgress = 200;
      changed.shopOrderCfmDatetime = rmsDatetime(ctx.clock.now());
    });
    store.processing.set(orderNumber, ctx.clock.now() + processingMs);
    return message('INFO', 'ORDER_EXT_API_CONFIRM_ORDER_INFO_101', '注文確認に成功しました。', { orderNumber });
  });
  return jsonAnswer({ MessageModelList: messages });
}

interface ShippingRow {
  shippingDetailId?: unknown;
  deliveryCompany?: unknown;
  shippingNumber?: unknown;
  shippingDate?: unknown;
  shippingDeleteFlag?: unknown;
}

/**
 * updateOrderShipping (one order): rows without shippingDetailId are added, rows with one are
 * updated, `shippingDeleteFlag: 1` deletes. deliveryCompany must be a code, shippingDate
 * `YYYY-MM-DD` and not in the future. Orders at 100 and 200 are refused. The order moves from
 * 発送待ち to 発送済.
 */
export function updateOrderShipping(store: RakutenSandboxStore, ctx: SandboxContext): Response {
  const body = bodyOf(ctx) ?? {};
  const code = (n: string): string => `ORDER_EXT_API_UPDATE_ORDERSHIPPING_${n}`;
  const orderNumber = typeof body.orderNumber === 'string' ? body.orderNumber : null;
  if (!orderNumber) return validationError(code('ERROR_009'), 'orderNumberの項目を指定して下さい。');
  const baskets = body.BasketidModelList;
  if (!Array.isArray(baskets) || baskets.length === 0) return validationError(code('ERROR_009'), 'BasketidModelListの項目を指定して下さい。');
  const order = store.order(orderNumber);
  if (!order) return jsonAnswer({ MessageModelList: [message('ERROR', SANDBOX_CODES.shippingNotFound, '指定された注文番号は存在しません。', { orderNumber })] }, 400);
  if (order.orderProgress === 800 || order.orderProgress === 900) {
    return jsonAnswer(
      { MessageModelList: [message('ERROR', code('ERROR_102'), '指定された注文番号は既にキャンセルされているため、発送完了報告が出来る状態ではありませんでした。', { orderNumber })] },
      400,
    );
  }
  // Not cleared for shipping yet (100 not confirmed, 200 Rakuten still processing): vendor manuals say
  // shipping cannot be reported before Rakuten's processing ends. Rakuten's own code is not public.
  if (order.orderProgress === 100 || order.orderProgress === 200) {
    return jsonAnswer({ MessageModelList: [message('ERROR', SANDBOX_CODES.shippingNotReady, '指定された注文番号は発送完了報告が出来る状態ではありませんでした。', { orderNumber })] }, 400);
  }
  const today = jstDateOf(ctx.clock.now());
  const messages: RakutenMessageModel[] = [];
  const pending: Array<() => RakutenMessageModel> = [];
  let dataNumber = 0;
  for (const basket of baskets as Array<Record<string, unknown>>) {
    const pkg = order.PackageModelList.find((p) => p.basketId === basket.basketId);
    const rows = Array.isArray(basket.ShippingModelList) ? (basket.ShippingModelList as ShippingRow[]) : [];
    for (const row of rows) {
      dataNumber += 1;
      const at = { orderNumber, dataNumber };
      const invalid = (text: string): void => void messages.push(message('ERROR', code('ERROR_011'), text, at));
      if (!pkg) {
        invalid('basketIdの値が不正です。');
        continue;
      }
      if (row.deliveryCompany !== undefined && (typeof row.deliveryCompany !== 'string' || deliveryCompanyName(row.deliveryCompany) === null)) {
        invalid('deliveryCompanyの書式が不正です。');
        continue;
      }
      if (row.shippingDate !== undefined && (typeof row.shippingDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(row.shippingDate) || row.shippingDate > today)) {
        invalid('shippingDateの書式が不正です。');
        continue;
      }
      if (row.shippingNumber !== undefined && (typeof row.shippingNumber !== 'string' || row.shippingNumber.length > RAKUTEN_LIMITS.shippingNumberMaxLength)) {
        invalid('shippingNumberの書式が不正です。');
        continue;
      }
      const list = (pkg.ShippingModelList ??= []);
      if (row.shippingDetailId !== undefined) {
        const existing = list.find((r) => r.shippingDetailId === row.shippingDetailId);
        if (!existing) {
          invalid('shippingDetailIdの値が不正です。');
          continue;
        }
        pending.push(() => {
          if (row.shippingDeleteFlag === 1) list.splice(list.indexOf(existing), 1);
          if (typeof row.deliveryCompany === 'string') {
            existing.deliveryCompany = row.deliveryCompany;
            existing.deliveryCompanyName = deliveryCompanyName(row.deliveryCompany);
          }
          if (typeof row.shippingNumber === 'string') existing.shippingNumber = row.shippingNumber;
          if (typeof row.shippingDate === 'string') existing.shippingDate = row.shippingDate;
          return message('INFO', code('INFO_102'), '発送情報の更新設定が完了しました。', { ...at, shippingDetailId: existing.shippingDetailId });
        });
      } else {
        pending.push(() => {
          store.counters.shippingDetailId += 1;
          const company = typeof row.deliveryCompany === 'string' ? row.deliveryCompany : null;
          list.push({
            shippingDetailId: store.counters.shippingDetailId,
            shippingNumber: typeof row.shippingNumber === 'string' ? row.shippingNumber : null,
            deliveryCompany: company,
            deliveryCompanyName: company === null ? null : deliveryCompanyName(company),
            shippingDate: typeof row.shippingDate === 'string' ? row.shippingDate : null,
          });
          return message('INFO', code('INFO_101'), '発送情報の追加設定が完了しました。', { ...at, shippingDetailId: store.counters.shippingDetailId });
        });
      }
    }
  }
  // All or nothing: a request with one bad row changes nothing.
  if (messages.length > 0) return jsonAnswer({ MessageModelList: messages }, 400);
  store.change(orderNumber, (changed) => {
    for (const apply of pending) messages.push(apply());
    if (changed.orderProgress === 300) {
      changed.orderProgress = 500;
      changed.shippingCmplRptDatetime = rmsDatetime(ctx.clock.now());
    }
  });
  return jsonAnswer({ MessageModelList: messages });
}
