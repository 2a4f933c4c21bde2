import { formatJst, parseJst } from '@mallkit/core';
import type { SandboxKit } from '@mallkit/core/testing';
import { formOf, qapiAnswer, refuseKey, resultError, type Qoo10SandboxState } from './state.js';
import { qoo10Time, type SandboxLine, type SandboxPack } from './store.js';

const DAY_MS = 86_400_000;

/** Finds a line by OrderNo. */
function findLine(state: Qoo10SandboxState, orderNo: string | null): { pack: SandboxPack; line: SandboxLine } | null {
  if (orderNo === null) return null;
  for (const pack of state.store.values()) {
    const line = pack.lines.find((candidate) => candidate.orderNo === orderNo);
    if (line) return { pack, line };
  }
  return null;
}

const SUCCESS = { ResultCode: 0, ResultMsg: 'SUCCESS' };

/** Registers SetSellerCheckYN_V2 (配送要請 → 配送準備, with EstShipDt rules) and SetSendingInfo (→ 配送中). */
export function registerWriteHandlers(kit: SandboxKit, base: string, state: Qoo10SandboxState): void {
  kit.route('POST', `${base}/ShippingBasic.SetSellerCheckYN_V2`, 'SetSellerCheckYN_V2', ({ request, bodyText }) => {
    const refused = refuseKey(state, request);
    if (refused) return refused;
    const form = formOf(bodyText);
    const found = findLine(state, form.get('OrderNo'));
    // Qoo10's answer to an unknown OrderNo is not published: -10001, as SetCancelProcess answers a wrong order number (UNVERIFIED here).
    if (found === null) return resultError(-10001, 'Not exists order info');
    const estimated = form.get('EstShipDt') ?? '';
    if (estimated === '') return resultError(-10016, 'EstShipDt is null.');
    const today = formatJst(state.clock.now(), 'date-compact');
    if (!/^\d{8}$/.test(estimated) || estimated <= today) return resultError(-10018, 'EstShipDt must be after today.');
    const latest = formatJst(state.clock.now() + state.estShipMaxDays * DAY_MS, 'date-compact');
    if (estimated > latest) return resultError(-10017, 'EstShipDt exceeds the maximum date allowed.');
    const { line } = found;
    if (line.claim !== null) return resultError(-10013, 'The order is not in 配送要請 status.');
    if (line.status >= 3) return resultError(-10012, 'The order has already been confirmed.');
    if (line.status !== 2) return resultError(-10013, 'The order is not in 配送要請 status.');
    const [packNo] = [found.pack.packNo];
    state.store.update(packNo, (pack) => {
      const target = pack.lines.find((candidate) => candidate.orderNo === line.orderNo) as SandboxLine;
      target.status = 3;
      target.estimatedShippingDate = formatJst(parseJst(estimated), 'date');
    });
    return qapiAnswer(SUCCESS);
  });

  kit.route('POST', `${base}/ShippingBasic.SetSendingInfo`, 'SetSendingInfo', ({ request, bodyText }) => {
    const refused = refuseKey(state, request);
    if (refused) return refused;
    const form = formOf(bodyText);
    const corp = form.get('ShippingCorp') ?? '';
    const tracking = form.get('TrackingNo') ?? '';
    /*
     * SetSendingInfo publishes no code table (passoffer SetSendingInfo.md). The codes below are the
     * sandbox's: -10001/-10004 as SetCancelProcess uses them (wrong order number, wrong status),
     * -10002/-10003 invented for fields over their published lengths. UNVERIFIED, all of them; the
     * connector checks the lengths and the line's status before sending, so it never meets the
     * field codes.
     */
    if (corp === '' || corp.length > 200) return resultError(-10002, 'Check ShippingCorp.');
    if (tracking === '' || tracking.length > 50) return resultError(-10003, 'Check TrackingNo.');
    const found = findLine(state, form.get('OrderNo'));
    if (found === null) return resultError(-10001, 'Not exists order info');
    const { line } = found;
    // Lines in 配送要請 (2) are taken as the method page describes (UNVERIFIED live), 配送準備 (3) too.
    if (line.claim !== null || line.status === 1) return resultError(-10004, 'The order cannot be shipped in its status.');
    if (line.status >= 4) return line.trackingNo === tracking ? qapiAnswer(SUCCESS) : resultError(-10004, 'The order has already been shipped.');
    state.store.update(found.pack.packNo, (pack) => {
      const target = pack.lines.find((candidate) => candidate.orderNo === line.orderNo) as SandboxLine;
      target.status = 4;
      target.deliveryCompany = corp;
      target.trackingNo = tracking;
      // No ship-date field: Qoo10 records the time of the call.
      target.shippingDate = qoo10Time(state.clock.now());
    });
    return qapiAnswer(SUCCESS);
  });
}
