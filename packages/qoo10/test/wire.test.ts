import { parseJst } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, setUp } from './harness.js';

let close: () => void = () => undefined;
afterEach(() => close());

describe('the exact QAPI requests', () => {
  it('lists a window with one form POST per ShippingStatus and one claim search, with the key and version headers', async () => {
    const t = setUp({ count: 3 });
    close = t.close;
    await collect(t.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', to: '2026-11-10T12:30:00+09:00' }));
    const entries = t.sandbox.kit.log.entries;
    expect(entries.map((e) => e.operation)).toEqual([...Array(5).fill('GetShippingInfo_v3'), 'GetClaimInfo_V3']);
    const first = entries[0]!;
    expect(first.method).toBe('POST');
    expect(first.url).toBe('https://api.qoo10.jp/GMKT.INC.Front.QAPIService/ebayjapan.qapi/ShippingBasic.GetShippingInfo_v3');
    expect(first.headers.get('content-type')).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    expect(first.headers.get('qapiversion')).toBe('1.0');
    expect(first.headers.get('giosiscertificationkey')).toBe(t.sandbox.connectorOptions().certificationKey);
    expect(first.bodyText).toBe('returnType=application%2Fjson&ShippingStatus=1&SearchStartDate=20261101000000&SearchEndDate=20261110123000&SearchCondition=1');
    expect(entries.slice(0, 5).map((e) => new URLSearchParams(e.bodyText).get('ShippingStatus'))).toEqual(['1', '2', '3', '4', '5']);
    expect(entries[5]!.url).toMatch(/\/ShippingBasic\.GetClaimInfo_V3$/);
    expect(entries[5]!.bodyText).toBe('returnType=application%2Fjson&search_Sdate=20261101000000&search_Edate=20261110123000&search_condition=1');
  });

  it('searches by payment date with SearchCondition 2', async () => {
    const t = setUp({ count: 3 });
    close = t.close;
    await collect(t.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', to: '2026-11-02T00:00:00+09:00', dateType: 'paid' }));
    expect(new URLSearchParams(t.sandbox.kit.log.entries[0]!.bodyText).get('SearchCondition')).toBe('2');
  });

  it('confirms each line of a cart with SetSellerCheckYN_V2, OrderNo and EstShipDt (3 days ahead by default)', async () => {
    const t = setUp();
    close = t.close;
    const pending = t.seeds.find((s) => s.status === 'pending_confirmation')!;
    const lines = t.sandbox.store.get(pending.id)!.lines;
    t.sandbox.kit.log.clear();
    const result = await t.connector.confirmOrders([pending.id]);
    expect(result.succeeded).toBe(1);
    const writes = t.sandbox.kit.log.entries.filter((e) => e.operation === 'SetSellerCheckYN_V2');
    expect(writes.map((e) => e.bodyText)).toEqual(lines.map((line) => `returnType=application%2Fjson&OrderNo=${line.orderNo}&EstShipDt=20261125`));
  });

  it('ships each line with SetSendingInfo: the carrier NAME, the tracking number, and no date', async () => {
    const t = setUp();
    close = t.close;
    const target = t.seeds.find((s) => s.status === 'confirmed')!;
    const line = t.sandbox.store.get(target.id)!.lines[0]!;
    t.sandbox.kit.log.clear();
    const result = await t.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '4912-3456-7890', shippedAt: '2026-11-21' }]);
    expect(result.results[0]).toMatchObject({ ok: true, alreadyDone: false });
    const write = t.sandbox.kit.log.entries.find((e) => e.operation === 'SetSendingInfo')!;
    expect(write.bodyText).toBe(`returnType=application%2Fjson&OrderNo=${line.orderNo}&ShippingCorp=${encodeURIComponent('ヤマト宅急便')}&TrackingNo=4912-3456-7890`);
    expect(result.results[0]!.ok && result.results[0]!.warnings[0]).toMatch(/no ship-date field/);
  });

  it('sends a Qoo10 service name as ShippingCorp when the shipping method is one (ネコポス)', async () => {
    const t = setUp();
    close = t.close;
    const target = t.seeds.find((s) => s.status === 'confirmed')!;
    t.sandbox.kit.log.clear();
    await t.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', shippingMethod: 'ネコポス', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    const write = t.sandbox.kit.log.entries.find((e) => e.operation === 'SetSendingInfo')!;
    expect(new URLSearchParams(write.bodyText).get('ShippingCorp')).toBe('ネコポス');
  });

  it('mints a key with CreateCertificationKey (API key header, user_id and pwd) before the first call', async () => {
    const t = setUp({ minting: true });
    close = t.close;
    await t.connector.getOrders([t.seeds[0]!.id]);
    const [mint, next] = t.sandbox.kit.log.entries;
    expect(mint!.url).toMatch(/\/CertificationAPI\.CreateCertificationKey$/);
    expect(mint!.headers.get('giosiscertificationkey')).toBe(t.sandbox.mintingOptions().apiKey);
    expect(mint!.bodyText).toBe(`returnType=application%2Fjson&user_id=sandbox-seller&pwd=${encodeURIComponent(t.sandbox.mintingOptions().password)}`);
    expect(next!.headers.get('giosiscertificationkey')).toMatch(/^S/);
    expect(next!.headers.get('giosiscertificationkey')).not.toBe(t.sandbox.mintingOptions().apiKey);
  });

  // Review M3: whether GetClaimInfo_V3 without ClaimStat returns every claim is not published.
  it("claimSearch 'per-claim-stat' asks for each claim code instead of relying on an empty ClaimStat", async () => {
    const t = setUp({ count: 3, connector: { claimSearch: 'per-claim-stat' } });
    close = t.close;
    await collect(t.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', to: '2026-11-10T12:30:00+09:00' }));
    const claims = t.sandbox.kit.log.entries.filter((e) => e.operation === 'GetClaimInfo_V3').map((e) => new URLSearchParams(e.bodyText).get('ClaimStat'));
    expect(claims).toEqual(['1', '2', '3', '4', '5', '6', '11', '12', '13', '14', '15', '16']);
  });

  // Review L8: windows of exactly 90 days met GetClaimInfo_V3's limit head-on.
  it('every search window spans at most 89 days, a day inside the claim search limit', async () => {
    const t = setUp({ count: 3 });
    close = t.close;
    await collect(t.connector.listOrders({ from: '2026-03-01T00:00:00+09:00', to: '2026-11-20T00:00:00+09:00' }));
    const spans = t.sandbox.kit.log.entries
      .filter((e) => e.operation === 'GetClaimInfo_V3')
      .map((e) => {
        const form = new URLSearchParams(e.bodyText);
        return (parseJst(form.get('search_Edate')!).getTime() - parseJst(form.get('search_Sdate')!).getTime()) / 86_400_000;
      });
    expect(spans.length).toBeGreaterThan(2);
    for (const days of spans) expect(days).toBeLessThanOrEqual(89);
  });
});
