import type { CarrierCode, PaymentMethodCode } from '../model/codes.js';
import type { ItemOption, OrderFlags } from '../model/order.js';
import type { OrderStatus } from '../model/status.js';
import { formatJst, parseJst } from '../time/jst.js';
import type {
  SeedParty,
  SeedItem,
  SeedShipment,
  SeedDelivery,
  SeedOrder,
  GenerateSeedOrdersOptions,
} from './seed-types.js';
import {
  type SeedAddressArea,
  SEED_ADDRESS_AREAS,
  REMOTE_PREFECTURES,
  POSTAGE,
  REMOTE_POSTAGE,
  FREE_SHIPPING_FROM,
  COD_FEE,
  SEED_TIME_SLOTS,
  type Name,
  FAMILY_NAMES,
  GIVEN_NAMES,
  COMPANY_NAMES,
  BUILDINGS,
  EMAIL_DOMAINS,
  type Product,
  PRODUCTS,
  GIFT_PRODUCTS,
  STATUS_WEIGHTS,
  PAYMENT_WEIGHTS,
  COMMON_PAYMENT_METHODS,
  PREPAID_METHODS,
  PAID_ON_DELIVERY,
  TIME_SLOT_WEIGHTS,
  type Shape,
  SHAPE_WEIGHTS,
  COMMENTS,
  GIFT_COMMENT,
  HOUR_WEIGHTS,
  SECOND,
  HOUR,
  DAY,
} from './seed-tables.js';
import { Random, spread, coverer } from './seed-random.js';


/*
 * Seed orders are mall-neutral: each mall's sandbox turns them into its own wire records (ids,
 * status strings, payment names, -9999 postage). Everything random comes from one seeded PRNG and
 * nothing reads the real clock, so a seed reproduces the same shop on every machine.
 */

export type { SeedParty, SeedItem, SeedShipment, SeedDelivery, SeedAmounts, SeedOrder, GenerateSeedOrdersOptions } from './seed-types.js';
export { SEED_ADDRESS_AREAS, SEED_TIME_SLOTS, type SeedAddressArea } from './seed-tables.js';

// ---------------------------------------------------------------------------------------------
// Builders

function toEpochMs(value: Date | string, what: string): number {
  const ms = typeof value === 'string' ? parseJst(value).getTime() : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`generateSeedOrders: ${what} is not a valid date`);
  return ms;
}

function iso(ms: number): string {
  return formatJst(ms, 'iso');
}

function makeAddressLines(rng: Random, area: SeedAddressArea): string[] {
  const street =
    area.chome > 0
      ? `${area.town}${rng.int(1, area.chome)}-${rng.int(1, 20)}-${rng.int(1, 15)}`
      : `${area.town}${rng.int(1, 30)}-${rng.int(1, 20)}`;
  if (!rng.chance(0.45)) return [street];
  const room = `${rng.int(1, 12)}0${rng.int(1, 8)}`;
  return [street, `${rng.pick(BUILDINGS)} ${room}号室`];
}

function makeParty(rng: Random, kind: 'buyer' | 'recipient', family?: Name): SeedParty {
  const [familyName, familyNameKana, familyRomaji] = family ?? rng.pick(FAMILY_NAMES);
  const [givenName, givenNameKana, givenRomaji] = rng.pick(GIVEN_NAMES);
  const area = rng.pick(SEED_ADDRESS_AREAS);
  const email =
    kind === 'buyer'
      ? `${rng.chance(0.5) ? `${givenRomaji}.${familyRomaji}` : `${familyRomaji}_${givenRomaji}`}${rng.int(1, 999)}@${rng.pick(EMAIL_DOMAINS)}`
      : null;
  return {
    name: `${familyName} ${givenName}`,
    familyName,
    givenName,
    nameKana: `${familyNameKana} ${givenNameKana}`,
    familyNameKana,
    givenNameKana,
    companyName: kind === 'buyer' && rng.chance(0.06) ? rng.pick(COMPANY_NAMES) : null,
    postalCode: area.postalCode,
    prefecture: area.prefecture,
    city: area.city,
    addressLines: makeAddressLines(rng, area),
    phone: `0${rng.pick(['90', '80', '70'])}-${rng.int(1000, 9999)}-${rng.digits(4)}`,
    email,
    country: 'JP',
  };
}

/** The noshi a Japanese shop would suggest for the month the order was placed. */
function noshiFor(rng: Random, orderedAtMs: number): string {
  const month = Number(formatJst(orderedAtMs, 'date').slice(5, 7));
  if (month === 11 || month === 12) return '御歳暮';
  if (month >= 6 && month <= 8) return '御中元';
  return rng.pick(['御礼', '内祝', '無地のし']);
}

function makeItems(rng: Random, gift: boolean, buyer: SeedParty, buyerRomaji: string, noshi: string): SeedItem[] {
  const pool = gift ? GIFT_PRODUCTS : PRODUCTS;
  const lines = gift ? rng.weighted([[1, 70], [2, 30]] as const) : rng.weighted([[1, 55], [2, 28], [3, 12], [4, 5]] as const);
  const chosen = rng.shuffle([...pool]).slice(0, lines);
  return chosen.map((p) => {
    const picked = p.variants.map((variant) => {
      const [value, code] = rng.pick(variant.values);
      return { option: { name: variant.name, value }, code };
    });
    const options: ItemOption[] = picked.map((v) => v.option);
    const notes: string[] = [];
    if (gift && p.gift) {
      options.push({ name: 'のし', value: noshi });
      notes.push(`のし名入れ: ${buyer.familyName}`);
      if (rng.chance(0.5)) options.push({ name: 'ラッピング', value: '希望する' });
    }
    if (p.engraving) {
      options.push({ name: '名入れ', value: 'あり' });
      notes.push(`名入れ文字: ${buyerRomaji.charAt(0).toUpperCase()}${buyerRomaji.slice(1)}`);
    }
    const quantity = Math.min(p.maxQuantity, rng.weighted([[1, 75], [2, 18], [3, 7]] as const));
    return {
      productId: p.id,
      sku: picked.length === 0 ? p.id : `${p.id}-${picked.map((v) => v.code).join('-')}`,
      name: p.name,
      quantity,
      unitPrice: p.price,
      taxRate: p.taxRate,
      options,
      notes,
    };
  });
}

function productOf(item: SeedItem): Product | undefined {
  return PRODUCTS.find((p) => p.id === item.productId);
}

function goodsOf(items: readonly SeedItem[]): number {
  return items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
}

/** A twelve-digit tracking number whose last digit is the first eleven mod 7. */
function trackingNumber(rng: Random): string {
  const body = `${rng.int(1, 9)}${rng.digits(10)}`;
  return `${body}${Number(body) % 7}`;
}

/** Tax included in tax-included amounts at `percent`, floored as Japanese receipts do. */
function includedTax(amount: number, percent: number): number {
  return Math.floor((amount * percent) / (100 + percent));
}

// ---------------------------------------------------------------------------------------------
// The generator

interface Plan {
  readonly orderedAt: number;
  readonly status: OrderStatus;
  readonly method: PaymentMethodCode;
  readonly shape: Shape;
  readonly postageUnset: boolean;
  readonly fraudReview: boolean;
}

function validate(options: GenerateSeedOrdersOptions): { from: number; to: number; seed: number } {
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new RangeError(`generateSeedOrders: count must be an integer ≥ 0, got ${options.count}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`generateSeedOrders: seed must be an integer, got ${seed}`);
  const from = toEpochMs(options.from, 'from');
  const to = toEpochMs(options.to, 'to');
  if (to < from) throw new RangeError('generateSeedOrders: `to` is before `from`');
  if (options.paymentMethods !== undefined && options.paymentMethods.length === 0) {
    throw new RangeError('generateSeedOrders: paymentMethods must not be empty');
  }
  return { from, to, seed };
}

/** Order times over the window, evening-heavy, to the second, oldest first. */
function orderTimes(rng: Random, count: number, from: number, to: number): number[] {
  const maxWeight = Math.max(...HOUR_WEIGHTS);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    let at = from + rng.float() * (to - from);
    // Rejection sampling by hour; bounded, so a window inside the small hours still terminates.
    for (let tries = 0; tries < 50; tries += 1) {
      const hour = Number(formatJst(at, 'iso').slice(11, 13));
      if (rng.float() * maxWeight < (HOUR_WEIGHTS[hour] ?? maxWeight)) break;
      at = from + rng.float() * (to - from);
    }
    times.push(Math.max(from, Math.floor(at / SECOND) * SECOND));
  }
  return times.sort((a, b) => a - b);
}

/** Decides each order's status, payment method and shape before any order is built. */
function plan(rng: Random, count: number, times: readonly number[], methods: readonly PaymentMethodCode[]): Plan[] {
  const methodWeights = methods.map((m) => [m, PAYMENT_WEIGHTS.get(m) ?? 1] as const);
  const paymentOf = spread(rng, count, methods, methodWeights);
  const statusOf = spread(rng, count, STATUS_WEIGHTS.map(([s]) => s), STATUS_WEIGHTS);
  const shapeOf = spread<Shape>(rng, count, ['gift', 'gift_multi', 'multi'], SHAPE_WEIGHTS);

  // An order can only await payment with a method paid after ordering: move awaiting_payment onto
  // prepaid orders by swapping statuses, which keeps every status present.
  const prepaid = paymentOf.map((m, i) => (PREPAID_METHODS.has(m) ? i : -1)).filter((i) => i >= 0);
  for (let i = 0; i < count; i += 1) {
    const method = paymentOf[i];
    if (statusOf[i] !== 'awaiting_payment' || method === undefined || PREPAID_METHODS.has(method)) continue;
    const j = prepaid.find((k) => statusOf[k] !== 'awaiting_payment');
    statusOf[i] = j === undefined ? 'pending_confirmation' : (statusOf[j] as OrderStatus);
    if (j !== undefined) statusOf[j] = 'awaiting_payment';
  }

  // Postage can be unset only before the shop confirms; fraud review holds an order.
  const pending = statusOf.map((s, i) => (s === 'pending_confirmation' ? i : -1)).filter((i) => i >= 0);
  const held = statusOf.map((s, i) => (s === 'on_hold' ? i : -1)).filter((i) => i >= 0);
  const unset = new Set(pending.filter(() => rng.chance(0.12)));
  if (unset.size === 0 && pending.length > 0) unset.add(rng.pick(pending));
  const fraud = new Set(held.filter(() => rng.chance(0.5)));
  if (fraud.size === 0 && held.length > 0) fraud.add(rng.pick(held));

  return times.map((orderedAt, i) => ({
    orderedAt,
    status: statusOf[i] as OrderStatus,
    method: paymentOf[i] as PaymentMethodCode,
    shape: shapeOf[i] as Shape,
    postageUnset: unset.has(i),
    fraudReview: fraud.has(i),
  }));
}

const CONFIRMED: ReadonlySet<OrderStatus> = new Set(['confirmed', 'ready_to_ship', 'shipped', 'delivered', 'completed']);
const SHIPPED: ReadonlySet<OrderStatus> = new Set(['shipped', 'delivered', 'completed']);
const ARRIVED: ReadonlySet<OrderStatus> = new Set(['delivered', 'completed']);

/**
 * Generates `count` realistic Japanese orders over `[from, to]`, oldest first. Deterministic: the
 * same options give the same orders. With a few dozen orders or more, every status, every common
 * payment method, gift and multi-destination orders, a fraud-review hold and an order with unset
 * postage all appear. Amounts add up: goods = Σ unitPrice × quantity; each delivery's postage is
 * 0 from 5,000 yen of goods, else 550 (880 to Hokkaido and Okinawa); fees are 330 for cash on
 * delivery; total = goods + shipping + fees − discounts; billed = total − points − coupons.
 * Derived times (confirmed, paid, shipped) never fall after `to`.
 */
export function generateSeedOrders(options: GenerateSeedOrdersOptions): SeedOrder[] {
  const { from, to, seed } = validate(options);
  const rng = new Random(seed);
  const idPrefix = options.idPrefix ?? 'SEED-';
  const methods = [...new Set(options.paymentMethods ?? COMMON_PAYMENT_METHODS)];
  const times = orderTimes(rng, options.count, from, to);
  const plans = plan(rng, options.count, times, methods);
  const nextSlot = coverer(rng, SEED_TIME_SLOTS, TIME_SLOT_WEIGHTS);

  /** A moment `min`–`max` ms after `start`, to the second, never after the window's end. */
  const after = (start: number, min: number, max: number): number =>
    Math.min(to, Math.max(start, Math.floor((start + min + rng.float() * (max - min)) / SECOND) * SECOND));

  return plans.map((p, index): SeedOrder => {
    const buyerFamily = rng.pick(FAMILY_NAMES);
    const buyer = makeParty(rng, 'buyer', buyerFamily);
    const gift = p.shape === 'gift' || p.shape === 'gift_multi';
    const destinations = p.shape === 'gift_multi' || p.shape === 'multi' ? rng.int(2, 3) : 1;
    const noshi = noshiFor(rng, p.orderedAt);

    const confirmedAt = CONFIRMED.has(p.status) ? after(p.orderedAt, 10 * 60 * SECOND, DAY) : null;
    const shippedAt = SHIPPED.has(p.status) ? after(confirmedAt ?? p.orderedAt, 6 * HOUR, 3 * DAY) : null;

    const deliveries: SeedDelivery[] = [];
    for (let d = 0; d < destinations; d += 1) {
      // In a "multi" order the buyer sends one parcel home and the others to family.
      const toBuyer = p.shape === 'single' || (p.shape === 'multi' && d === 0);
      // A copy without e-mail: malls send none for a destination, even when it is the buyer's own.
      const recipient = toBuyer ? { ...buyer, email: null } : makeParty(rng, 'recipient', rng.chance(0.4) ? buyerFamily : undefined);
      const items = makeItems(rng, gift, buyer, buyerFamily[2], noshi);
      const lone = items.length === 1 && items[0]?.quantity === 1;
      const mail = lone && items[0] !== undefined && productOf(items[0])?.mail === true && rng.chance(0.6);
      const goods = goodsOf(items);
      const remote = REMOTE_PREFECTURES.has(recipient.prefecture);
      const shipping = p.postageUnset ? null : goods >= FREE_SHIPPING_FROM ? 0 : remote ? REMOTE_POSTAGE : POSTAGE;
      const requestedDate = !mail && rng.chance(0.35) ? formatJst(p.orderedAt + rng.int(3, 10) * DAY, 'date') : null;
      const timeSlot = mail ? null : rng.chance(0.2) ? null : nextSlot();
      const carrier: CarrierCode = mail ? 'japan_post' : rng.weighted<CarrierCode>([['yamato', 60], ['sagawa', 25], ['japan_post', 15]]);
      const shipments: SeedShipment[] =
        shippedAt === null ? [] : [{ carrier, trackingNumber: trackingNumber(rng), shippedOn: formatJst(shippedAt, 'date') }];
      deliveries.push({ recipient, items, shippingMethod: mail ? 'メール便' : '宅配便', requestedDate, timeSlot, shipping, shipments });
    }

    const allItems = deliveries.flatMap((d) => d.items);
    const goods = goodsOf(allItems);
    const shipping = p.postageUnset ? null : deliveries.reduce((sum, d) => sum + (d.shipping ?? 0), 0);
    const fees = p.method === 'cash_on_delivery' ? COD_FEE : 0;
    const discounts = 0;
    const total = goods + (shipping ?? 0) + fees - discounts;
    const coupons = goods >= 3000 && rng.chance(0.15) ? Math.min(rng.pick([300, 500, 1000]), Math.floor(goods / 2)) : 0;
    const points =
      p.method === 'points_only'
        ? total - coupons
        : rng.chance(0.25)
          ? Math.min(rng.pick([50, 100, 200, 500, 1000, 1500, 3000]), total - coupons)
          : 0;
    const goodsAt = (rate: number): number => goodsOf(allItems.filter((item) => item.taxRate === rate));
    const tax = includedTax(goodsAt(0.08), 8) + includedTax(goodsAt(0.1), 10) + includedTax((shipping ?? 0) + fees, 10);

    let paidAt: number | null;
    if (PREPAID_METHODS.has(p.method)) {
      paidAt = p.status === 'awaiting_payment' || p.status === 'cancelled' ? null : after(p.orderedAt, HOUR, 2 * DAY);
    } else if (PAID_ON_DELIVERY.has(p.method)) {
      paidAt = ARRIVED.has(p.status) && shippedAt !== null ? after(shippedAt, 12 * HOUR, 2 * DAY) : null;
    } else {
      // Cards, wallets, carrier billing, points: authorized at checkout.
      paidAt = p.orderedAt;
    }

    const preorder = allItems.some((item) => productOf(item)?.preorder === true);
    const allByParcel = deliveries.every((d) => d.shippingMethod === '宅配便');
    const flags: OrderFlags = {
      fraudReview: p.fraudReview,
      suspect: !p.fraudReview && rng.chance(0.02),
      provisional: false,
      buyerMayCancel: false,
      gift,
      multipleDestinations: deliveries.length > 1,
      preorder,
      deliveryPromise: allByParcel && !preorder && rng.chance(0.06),
      business: buyer.companyName !== null,
    };

    const buyerComment = gift && rng.chance(0.5) ? GIFT_COMMENT : rng.chance(0.2) ? rng.pick(COMMENTS) : null;

    return {
      id: `${idPrefix}${formatJst(p.orderedAt, 'date-compact')}-${String(index + 1).padStart(5, '0')}`,
      orderedAt: iso(p.orderedAt),
      confirmedAt: confirmedAt === null ? null : iso(confirmedAt),
      paidAt: paidAt === null ? null : iso(paidAt),
      status: p.status,
      buyer,
      deliveries,
      paymentMethod: p.method,
      amounts: { goods, shipping, fees, discounts, points, coupons, tax, total, billed: total - points - coupons },
      flags,
      buyerComment,
      postageUnset: p.postageUnset,
    };
  });
}
