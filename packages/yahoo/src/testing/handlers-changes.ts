import type { SandboxClock } from '@mallkit/core/testing';
import { routeOrderApi, type OrderApiSetup } from './handlers-auth.js';
import type { SandboxOrderRecord } from './records.js';
import { changeResponse } from './render.js';
import { changeOrder, changeOrderStatus, changePayStatus, changeShipStatus, type ChangeOutcome, type ShipChange } from './rules.js';
import type { YahooSandboxStore } from './store.js';
import { child, text, type XmlElement } from './xml-request.js';

/*
 * The write APIs: orderChange, orderStatusChange, orderShipStatusChange and orderPayStatusChange, each applying
 * the store's rules (rules.ts) to the order named in `<Target>` and answering Yahoo's
 * `<ResultSet ok ng>`. Changes go through the store, so that later searches see them.
 */

const SHIP_KEYS = ['ShipStatus', 'ShipCompanyCode', 'ShipInvoiceNumber1', 'ShipInvoiceNumber2', 'ShipDate', 'ShipMethod'] as const;

/** Registers the change APIs. */
export function routeOrderChanges(setup: OrderApiSetup, store: YahooSandboxStore, clock: SandboxClock): void {
  const change = (req: XmlElement, apply: (record: SandboxOrderRecord, pointFix: boolean) => ChangeOutcome): Response => {
    const target = child(req, 'Target');
    const id = text(target, 'OrderId') ?? '';
    let outcome: ChangeOutcome = { ok: false, message: '注文が存在しません。' };
    store.update(id, (record) => {
      outcome = apply(record, text(target, 'IsPointFix') === 'true');
    });
    return changeResponse(outcome);
  };

  routeOrderApi(setup, 'orderChange', (req) =>
    change(req, (record) => {
      const order = child(req, 'Order');
      return changeOrder(record, { isSeen: text(order, 'IsSeen'), otherKeys: Object.keys(order).filter((key) => key !== 'IsSeen') }, clock.now());
    }),
  );

  routeOrderApi(setup, 'orderStatusChange', (req) =>
    change(req, (record, pointFix) => changeOrderStatus(record, text(child(req, 'Order'), 'OrderStatus') ?? '', pointFix, clock.now())),
  );

  routeOrderApi(setup, 'orderShipStatusChange', (req) =>
    change(req, (record, pointFix) => {
      const ship = child(child(req, 'Order'), 'Ship');
      const fields: Record<string, string> = {};
      for (const key of SHIP_KEYS) {
        const value = text(ship, key);
        if (value !== undefined) fields[key] = value;
      }
      return changeShipStatus(record, fields as ShipChange, pointFix, clock.now());
    }),
  );

  routeOrderApi(setup, 'orderPayStatusChange', (req) =>
    change(req, (record) => {
      const pay = child(child(req, 'Order'), 'Pay');
      return changePayStatus(record, text(pay, 'PayStatus') ?? '', text(pay, 'PayDate'), clock.now());
    }),
  );
}
