import { parseJst } from '@mallkit/core';
import { HttpResponse, type HttpHandler } from 'msw';
import type { ShopserveDateFormat } from '../api/wire-profile.js';
import { errorAnswer } from './answers.js';
import type { SandboxRouteConfig } from './route-config.js';
import type { ShopserveRecord } from './store.js';

const DAY_MS = 86_400_000;
/** One-week windows and two years back, as integrators report them (commerce robo). */
const MAX_WINDOW_MS = 7 * DAY_MS;
const LOOKBACK_MS = 730 * DAY_MS;

/** The exact shape each profile date format has, so that a connector sending another shape is refused. */
const DATE_SHAPES: Readonly<Record<ShopserveDateFormat, RegExp>> = {
  iso: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/,
  'iso-compact-offset': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0900$/,
  space: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
  compact: /^\d{14}$/,
};

/** The search body, canonical; only the fields the sandbox reads. */
interface SearchBody {
  readonly since?: unknown;
  readonly until?: unknown;
  readonly date_type?: unknown;
  readonly serial_codes?: unknown;
  readonly from?: unknown;
  readonly size?: unknown;
}

/** An order as sent: only the blocks asked for; a corrupted one without its 注文日時, as a broken mall would send it. */
function render(record: ShopserveRecord, withDetail: boolean, corrupted: boolean): Record<string, unknown> {
  const { order } = record;
  const basic: Record<string, unknown> = { ...order.basic };
  if (corrupted) delete basic['ordered_at'];
  return { serial_code: order.serial_code, basic, ...(withDetail ? { detail: order.detail } : {}) };
}

function instant(value: unknown, format: ShopserveDateFormat): number | null {
  if (typeof value !== 'string' || !DATE_SHAPES[format].test(value)) return null;
  try {
    return parseJst(value).getTime();
  } catch {
    return null;
  }
}

/**
 * 注文情報検索 V2-M-0024 as the sandbox plays it: the profile's blocks in a matrix segment, a JSON
 * body in the profile's spelling, windows of at most a week reaching two years back, offset paging
 * of at most `pageSize`, or up to `pageSize` serial codes.
 */
export function ordersRoute(config: SandboxRouteConfig): HttpHandler {
  const { kit, wire, renamer, store } = config;
  const fail = (message: string): Response => errorAnswer(400, message, renamer);
  const path = wire.searchPath.replace('{composite_requests}', ':blocks');

  return kit.route('POST', `${config.base}/${path}`, 'searchOrders', ({ request, params, bodyText, clock }) => {
    const denied = config.guard(request);
    if (denied) return denied;
    const blocks = String(params['blocks'] ?? '').split(';');
    const unknown = blocks.find((block) => !wire.blocks.includes(block));
    if (unknown !== undefined) return fail(`不明なブロックです: ${unknown}`);
    if (!blocks.includes('basic')) return fail('basic ブロックは必須です');
    const withDetail = blocks.some((block) => block !== 'basic');

    let body: SearchBody;
    try {
      body = renamer.toCanonical(JSON.parse(bodyText)) as SearchBody;
    } catch {
      return fail('リクエストボディがJSONではありません');
    }
    const answer = (records: readonly ShopserveRecord[], total: number): Response =>
      HttpResponse.json(
        renamer.toMall({ total_count: total, orders: records.map((record) => render(record, withDetail, store.corrupted.has(record.order.serial_code))) }) as Record<string, unknown>,
      );

    if (body.serial_codes !== undefined) {
      const codes = body.serial_codes;
      if (!Array.isArray(codes) || codes.length === 0 || codes.length > wire.pageSize || !codes.every((code) => typeof code === 'string')) {
        return fail(`serial_codes は1〜${wire.pageSize}件の文字列で指定してください`);
      }
      const found = codes.flatMap((code: string) => store.get(code) ?? []);
      return answer(found, found.length);
    }

    const since = instant(body.since, wire.dateFormat);
    const until = instant(body.until, wire.dateFormat);
    if (since === null || until === null) return fail('since / until の形式が正しくありません');
    if (until < since) return fail('until は since 以降を指定してください');
    if (until - since > MAX_WINDOW_MS) return fail('検索期間は1週間以内で指定してください');
    if (since < clock.now() - LOOKBACK_MS) return fail('2年より前の注文は検索できません');
    // A profile without the search by 受注更新日時 plays a mall that does not have it.
    const byUpdate = wire.updatedSearch && body.date_type === wire.values.updatedDateType;
    const dateType = body.date_type === wire.values.orderedDateType ? 'orderedAt' : byUpdate ? 'updatedAt' : null;
    if (dateType === null) return fail('date_type が正しくありません');
    const from = body.from ?? 0;
    const size = body.size ?? wire.pageSize;
    if (!Number.isInteger(from) || (from as number) < 0) return fail('from は0以上の整数で指定してください');
    if (!Number.isInteger(size) || (size as number) < 1 || (size as number) > wire.pageSize) return fail(`size は1〜${wire.pageSize}で指定してください`);

    const search = { signature: `${dateType}|${since}|${until}`, where: (record: ShopserveRecord) => record[dateType] >= since && record[dateType] <= until };
    // Results come oldest first by the date searched (the store keeps order-time order): an
    // updated-time search must list a just-changed order last, as a real search sorted by it would.
    // A paging lie plays on the store's own order.
    if (dateType === 'orderedAt' || store.pagingLie !== null) {
      const page = store.page(search, from as number, size as number);
      return answer(page.items, page.total);
    }
    const matching = store.values().filter(search.where).sort((a, b) => a.updatedAt - b.updatedAt || a.order.serial_code.localeCompare(b.order.serial_code));
    return answer(matching.slice(from as number, (from as number) + (size as number)), matching.length);
  });
}
