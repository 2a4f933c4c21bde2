import { InvalidRequestError, parseJst, ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyOf, collect, NOW, rejection, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

const DAY = 86_400_000;

interface SearchBody {
  startDatetime: string;
  endDatetime: string;
  PaginationRequestModel: { requestRecordsAmount: number; requestPage: number };
}

describe('listOrders', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('splits 150 days into windows of at most 63 days that touch without overlapping, and yields each order once', async () => {
    const data = seeds(60, 150);
    rig = startRig(data);
    const orders = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 151 * DAY), to: NOW }));
    expect(orders.map((o) => o.id).sort()).toEqual(data.map((s) => s.id).sort());
    const windows = rig.sandbox.kit.log.forOperation('searchOrder').map((e) => bodyOf(e) as SearchBody);
    expect(windows).toHaveLength(3);
    for (const w of windows) {
      expect(w.startDatetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0900$/);
      expect(parseJst(w.endDatetime).getTime() - parseJst(w.startDatetime).getTime()).toBeLessThanOrEqual(63 * DAY);
    }
    for (let i = 1; i < windows.length; i += 1) {
      expect(parseJst(windows[i]!.startDatetime).getTime() - parseJst(windows[i - 1]!.endDatetime).getTime()).toBe(1000);
    }
    expect(rig.sandbox.qpsViolations()).toBe(0);
  });

  it('reads details 100 per getOrder and pages 1,000 numbers at a time', async () => {
    const data = seeds(1_250, 20);
    rig = startRig(data, NOW, { rateLimit: { limit: 500, intervalMs: 1000 } });
    const orders = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 21 * DAY), to: NOW }));
    expect(new Set(orders.map((o) => o.id)).size).toBe(1_250);
    const searches = rig.sandbox.kit.log.forOperation('searchOrder').map((e) => bodyOf(e) as SearchBody);
    expect(searches.map((s) => s.PaginationRequestModel.requestPage)).toEqual([1, 2]);
    const batches = rig.sandbox.kit.log.forOperation('getOrder').map((e) => (bodyOf(e) as { orderNumberList: string[] }).orderNumberList.length);
    expect(batches.every((n) => n <= 100)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(1_250);
    expect(batches).toHaveLength(13);
  });

  it('carries the order numbers that do not fill a getOrder into the next window: ⌈N / 100⌉ getOrder over three windows', async () => {
    const data = seeds(330, 150);
    rig = startRig(data);
    const orders = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 151 * DAY), to: NOW }));
    expect(new Set(orders.map((o) => o.id)).size).toBe(330);
    const windows = rig.sandbox.kit.log.forOperation('searchOrder').map((e) => bodyOf(e) as SearchBody);
    expect(windows).toHaveLength(3);
    const perWindow = windows.map((w) => data.filter((s) => {
      const at = Date.parse(s.orderedAt);
      return at >= parseJst(w.startDatetime).getTime() && at <= parseJst(w.endDatetime).getTime();
    }).length);
    // Read window by window, each window's last getOrder would be part-filled: more than ⌈330 / 100⌉ requests.
    expect(perWindow.reduce((n, count) => n + Math.ceil(count / 100), 0)).toBeGreaterThan(4);
    const batches = rig.sandbox.kit.log.forOperation('getOrder').map((e) => (bodyOf(e) as { orderNumberList: string[] }).orderNumberList.length);
    expect(batches).toEqual([100, 100, 100, 30]);
    expect(rig.sandbox.qpsViolations()).toBe(0);
  });

  it('halves a window whose search passes the 15,000-results cap, and still yields every order once', async () => {
    const data = seeds(15_200, 10, 3);
    rig = startRig(data, NOW, { rateLimit: { limit: 2_000, intervalMs: 1000 } });
    const orders = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 11 * DAY), to: NOW }));
    expect(new Set(orders.map((o) => o.id)).size).toBe(15_200);
    const firstPages = rig.sandbox.kit.log.forOperation('searchOrder').filter((e) => (bodyOf(e) as SearchBody).PaginationRequestModel.requestPage === 1);
    // The whole window once (over the cap), then its two halves.
    expect(firstPages).toHaveLength(3);
    expect(rig.sandbox.qpsViolations()).toBe(0);
  }, 60_000);

  it('a search that claims 1,000,000 results is neither paged to the end nor halved forever: every order once, in a few requests', async () => {
    const data = seeds(1_250, 20);
    rig = startRig(data, NOW, { rateLimit: { limit: 500, intervalMs: 1000 } });
    // totalRecordsAmount 1,000,000 and totalPages 1,000, pages past the real end empty, as Rakuten was seen to answer.
    rig.sandbox.adversary.lieAboutPaging('inflated-total');
    const orders = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 21 * DAY), to: NOW }));
    expect(orders).toHaveLength(1_250);
    expect(new Set(orders.map((o) => o.id)).size).toBe(1_250);
    // The full first page made the claimed total believable once (halved), then each half's short first page ended it.
    expect(rig.sandbox.kit.log.count({ operation: 'searchOrder' })).toBeLessThanOrEqual(4);
  });

  it('never asks for more than 730 days back, and refuses a date type Rakuten cannot search by before sending', async () => {
    rig = startRig(seeds(5));
    // A range wholly older than 730 days: nothing Rakuten could answer, so nothing is sent.
    expect(await collect(rig.connector.listOrders({ from: '2023-01-01T00:00:00+09:00', to: '2023-03-01T00:00:00+09:00' }))).toEqual([]);
    expect(rig.sandbox.kit.log.count({ operation: 'searchOrder' })).toBe(0);
    // A range reaching further back: its start is moved to the oldest instant Rakuten accepts.
    const orders = await collect(rig.connector.listOrders({ from: '2023-01-01T00:00:00+09:00', to: NOW }));
    expect(orders).toHaveLength(5);
    const searches = rig.sandbox.kit.log.forOperation('searchOrder');
    expect(searches.length).toBe(Math.ceil(730 / 63));
    for (const entry of searches) expect(entry.status).toBe(200);
    const firstStart = parseJst((bodyOf(searches[0]) as SearchBody).startDatetime).getTime();
    expect(Date.parse(NOW) - firstStart).toBeLessThan(730 * DAY);
    expect(Date.parse(NOW) - firstStart).toBeGreaterThan(730 * DAY - 5 * 60_000);
    const before = rig.sandbox.kit.log.count();
    const error = await rejection(collect(rig.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', dateType: 'updated' })));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('query.dateType');
    expect(rig.sandbox.kit.log.count()).toBe(before);
  });

  it('asks for nothing when no orderProgress matches the statuses', async () => {
    rig = startRig(seeds(5));
    expect(await collect(rig.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', statuses: ['delivered'] }))).toEqual([]);
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });

  it('the sandbox refuses every datetime form but +0900 with SEARCH_ORDER_ERROR_011, which maps to InvalidRequestError naming the field', async () => {
    rig = startRig(seeds(2));
    const send = (startDatetime: string) =>
      fetch('https://api.rms.rakuten.co.jp/es/2.0/order/searchOrder/', {
        method: 'POST',
        headers: { authorization: `ESA ${Buffer.from('SP_sandbox_service_secret:SL_sandbox_license_key').toString('base64')}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ dateType: 1, startDatetime, endDatetime: '2026-11-20T00:00:00+0900' }),
      });
    for (const bad of ['2026-11-01T00:00:00+09:00', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00', '2026-11-01', '2026-11-01T00:00:00.000+0900']) {
      const answer = await send(bad);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({
        MessageModelList: [{ messageType: 'ERROR', messageCode: 'ORDER_EXT_API_SEARCH_ORDER_ERROR_011', message: 'startDatetimeの書式が不正です。' }],
        orderNumberList: null,
        PaginationResponseModel: null,
      });
    }
    expect((await send('2026-11-01T00:00:00+0900')).status).toBe(200);
    rig.sandbox.kit.faults.inject({
      kind: 'status',
      status: 400,
      body: JSON.stringify({ MessageModelList: [{ messageType: 'ERROR', messageCode: 'ORDER_EXT_API_SEARCH_ORDER_ERROR_011', message: 'startDatetimeの書式が不正です。' }], orderNumberList: null, PaginationResponseModel: null }),
    });
    const error = await rejection(collect(rig.connector.listOrders({ from: '2026-11-01T00:00:00+09:00' })));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).field).toBe('startDatetime');
    expect((error as InvalidRequestError).mallCode).toBe('ORDER_EXT_API_SEARCH_ORDER_ERROR_011');
  });

  it('the sandbox refuses windows over 63 days and pages over 1,000', async () => {
    rig = startRig([]);
    const headers = { authorization: `ESA ${Buffer.from('SP_sandbox_service_secret:SL_sandbox_license_key').toString('base64')}`, 'content-type': 'application/json; charset=utf-8' };
    const url = 'https://api.rms.rakuten.co.jp/es/2.0/order/searchOrder/';
    const long = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ dateType: 1, startDatetime: '2026-08-01T00:00:00+0900', endDatetime: '2026-10-10T00:00:00+0900' }) });
    expect(long.status).toBe(400);
    const big = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ dateType: 1, startDatetime: '2026-10-01T00:00:00+0900', endDatetime: '2026-10-10T00:00:00+0900', PaginationRequestModel: { requestRecordsAmount: 1001, requestPage: 1 } }),
    });
    expect(big.status).toBe(400);
    const noCharset = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect(noCharset.status).toBe(415);
  });
});
