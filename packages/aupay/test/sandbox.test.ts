import { parseXml } from '@mallkit/core/xml';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeShiftJis, SANDBOX_API_KEY, SANDBOX_SHOP_ID } from '../src/testing/index.js';
import { anyOrder, fieldOf, openShop, setFields, type TestShop } from './harness.js';

/** The sandbox speaks au PAY's wire format and holds to its rules, for anyone's client. */

let shop: TestShop;
afterEach(() => shop.close());

const ROOT = 'https://api.manager.wowma.jp/wmshopapi/';
const AUTH = { authorization: `Bearer ${SANDBOX_API_KEY}` };

async function get(path: string, headers: Record<string, string> = AUTH): Promise<{ status: number; body: string }> {
  const response = await fetch(`${ROOT}${path}`, { headers });
  return { status: response.status, body: await response.text() };
}

interface SearchAnswer {
  readonly result: { readonly status: string };
  readonly resultCount?: string;
  readonly maxCount?: string;
}

async function search(query: string): Promise<SearchAnswer> {
  const answer = await get(`searchTradeInfoListProc?shopId=${SANDBOX_SHOP_ID}&${query}`);
  return parseXml<{ response: SearchAnswer }>(answer.body).response;
}

async function post(path: string, xml: string): Promise<string> {
  const response = await fetch(`${ROOT}${path}`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/xml; charset=UTF-8' }, body: xml });
  return response.text();
}

describe('answers', () => {
  it('refuses a bad key with 0002 and HTTP 401', async () => {
    shop = openShop();
    const answer = await get(`searchTradeInfoProc?shopId=${SANDBOX_SHOP_ID}&orderId=1`, { authorization: 'Bearer nope' });
    expect(answer).toEqual({
      status: 401,
      body: '<?xml version="1.0" encoding="UTF-8"?><response><result><status>1</status><error><code>0002</code><message>認証に失敗しました</message></error></result></response>',
    });
  });

  it('answers an unknown order id with status 0 and an empty orderInfo', async () => {
    shop = openShop();
    const answer = await get(`searchTradeInfoProc?shopId=${SANDBOX_SHOP_ID}&orderId=999`);
    expect(answer.body).toBe('<?xml version="1.0" encoding="UTF-8"?><response><result><status>0</status></result><orderInfo/></response>');
  });

  it('takes YYYYMMDD and YYYY-MM-DD search days (both in working clients), and refuses other shapes', async () => {
    shop = openShop();
    const compact = await search('startDate=20261023&endDate=20261122&totalCount=1000');
    const hyphens = await search('startDate=2026-10-23&endDate=2026-11-22&totalCount=1000');
    expect(compact.resultCount).toBe('12');
    expect(hyphens.resultCount).toBe('12');
    expect((await search('startDate=2026/10/23')).result.status).toBe('1');
  });

  it('caps pages silently at capPages(n), whatever totalCount asks for, to play a mall with a lower cap than clients assume', async () => {
    shop = openShop();
    shop.sandbox.capPages(5);
    const page = await search('startDate=20261023&endDate=20261122&totalCount=1000');
    expect([page.result.status, page.resultCount, page.maxCount]).toEqual(['0', '5', '12']);
  });

  it('answers in Shift_JIS, declared in the header, the XML, both or nowhere', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { ordererName: '髙橋\u3000一郎' });
    for (const declared of ['header', 'xml', 'both', 'none'] as const) {
      shop.sandbox.answerIn('shift_jis', declared);
      const response = await fetch(`${ROOT}searchTradeInfoProc?shopId=${SANDBOX_SHOP_ID}&orderId=${id}`, { headers: AUTH });
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder('shift_jis').decode(bytes)).toContain('<ordererName>髙橋\u3000一郎</ordererName>');
      expect(response.headers.get('content-type')).toBe(declared === 'header' || declared === 'both' ? 'application/xml; charset=Shift_JIS' : 'application/xml');
    }
  });

  it('encodes Shift_JIS exactly as a WHATWG decoder reads it, and writes ? for what Shift_JIS lacks', () => {
    const text = 'ｶﾀｶﾅ ひらがな 漢字 ～ ① 髙 ABC';
    expect(new TextDecoder('shift_jis').decode(encodeShiftJis(text))).toBe(text);
    expect([...encodeShiftJis('A📦')]).toEqual([0x41, 0x3f]);
  });
});

describe('updates', () => {
  it('answers a body wrapped in another element with [orderId]必須入力項目です, as au PAY does', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    const body = await post('updateTradeInfoProc', `<request><shopId>${SANDBOX_SHOP_ID}</shopId><updateTradeInfo><orderId>${id}</orderId></updateTradeInfo></request>`);
    expect(body).toContain('<message>[orderId]必須入力項目です</message>');
  });

  it('takes the ship date as YYYY/MM/DD, YYYYMMDD or YYYY-MM-DD (the shapes working clients send) and changes no status', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち' });
    for (const date of ['2026/11/20', '20261120', '2026-11-20']) {
      const body = await post('updateTradeInfoProc', `<request><shopId>${SANDBOX_SHOP_ID}</shopId><orderId>${id}</orderId><shippingDate>${date}</shippingDate><shippingCarrier>1</shippingCarrier><shippingNumber>491234567890</shippingNumber></request>`);
      expect(body).toContain('<status>0</status>');
    }
    expect(fieldOf(shop.sandbox, id, 'shipDate')).toBe('2026/11/20');
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('発送待ち');
    const carrier = await post('updateTradeInfoProc', `<request><shopId>${SANDBOX_SHOP_ID}</shopId><orderId>${id}</orderId><shippingDate>2026/11/20</shippingDate><shippingCarrier>3</shippingCarrier><shippingNumber>491234567890</shippingNumber></request>`);
    expect(carrier).toContain('[shippingCarrier]');
  });
});

/*
 * The sandbox's own model where au PAY publishes nothing: its status machine, the day paymentStatus
 * turns Y, a future ship date refused. These tests keep the model stable for users of the sandbox;
 * they say nothing about au PAY itself.
 */
describe("the sandbox's own model (not au PAY's documented behaviour)", () => {
  it('refuses a future ship date', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち' });
    const future = await post('updateTradeInfoProc', `<request><shopId>${SANDBOX_SHOP_ID}</shopId><orderId>${id}</orderId><shippingDate>2026/11/23</shippingDate><shippingCarrier>1</shippingCarrier><shippingNumber>491234567890</shippingNumber></request>`);
    expect(future).toContain('<status>1</status>');
  });

  it('follows the status machine: cancelled orders stay, au PAY-managed statuses cannot be set, unknown names are refused', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    const move = (status: string) => post('updateTradeStsProc', `<request><shopId>${SANDBOX_SHOP_ID}</shopId><orderId>${id}</orderId><orderStatus>${status}</orderStatus></request>`);
    setFields(shop.sandbox, id, { orderStatus: '新規受付' });
    expect(await move('与信待ち')).toContain('<status>1</status>');
    expect(await move('なぞの状態')).toContain('存在しないステータス');
    expect(await move('キャンセル')).toContain('<status>0</status>');
    expect(await move('発送待ち')).toContain('<status>1</status>');
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('キャンセル');
    // N otherwise; C is what a production tool's test writes for a cancelled order (spec v2 §1.4, UNCERTAIN).
    expect(fieldOf(shop.sandbox, id, 'cancelStatus')).toBe('C');
  });

  it('settles card orders (paymentStatus Y) only when they are completed', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち', paymentStatus: 'N', settlementName: 'クレジットカード決済' });
    await post('updateTradeStsProc', `<request><shopId>${SANDBOX_SHOP_ID}</shopId><orderId>${id}</orderId><orderStatus>完了</orderStatus></request>`);
    expect(fieldOf(shop.sandbox, id, 'paymentStatus')).toBe('Y');
  });
});
