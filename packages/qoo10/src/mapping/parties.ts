import type { Party } from '@mallkit/core';
import type { Qoo10ClaimRow } from '../api/claim-info.js';
import type { Qoo10ShippingRow } from '../api/shipping-info.js';
import { text } from './values.js';

const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県',
  '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県',
  '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

/** The prefecture an address starts with, or null: Qoo10 sends addresses as free text lines. */
export function prefectureOf(address: string | null): string | null {
  if (address === null) return null;
  return PREFECTURES.find((prefecture) => address.startsWith(prefecture)) ?? null;
}

/** A postal code as seven digits (`150-0001` → `1500001`), or as sent when it is not seven digits. */
export function postalCode(value: string | null | undefined): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const digits = raw.normalize('NFKC').replace(/[^0-9]/g, '');
  return digits.length === 7 ? digits : raw;
}

/**
 * The buyer. Qoo10 sends the name as one string (姓 and 名 are not separated reliably), so the
 * family and given names are left null rather than guessed; the buyer's address is not sent.
 */
export function buyerOf(row: Qoo10ShippingRow | null, claim: Qoo10ClaimRow | null): Party {
  return {
    name: text(row?.Buyer) ?? text(claim?.buyer) ?? '',
    familyName: null,
    givenName: null,
    nameKana: text(row?.BuyerKana),
    companyName: null,
    postalCode: null,
    prefecture: null,
    city: null,
    addressLines: [],
    phone: text(row?.BuyerMobile) ?? text(row?.BuyerTel) ?? text(claim?.buyerMobile) ?? text(claim?.buyerTel),
    email: text(row?.BuyerEmail),
    country: 'JP',
  };
}

/** The receiver: Address1/Address2 as the address lines (ShippingAddress when they are empty), the prefecture read from them. */
export function receiverOf(row: Qoo10ShippingRow | null, claim: Qoo10ClaimRow | null): Party {
  const lines = [text(row?.Address1), text(row?.Address2)].filter((line): line is string => line !== null);
  const addressLines = lines.length > 0 ? lines : [text(row?.ShippingAddress)].filter((line): line is string => line !== null);
  return {
    name: text(row?.Receiver) ?? text(claim?.receiver) ?? '',
    familyName: null,
    givenName: null,
    nameKana: text(row?.ReceiverKana),
    companyName: null,
    postalCode: postalCode(row?.ZipCode),
    prefecture: prefectureOf(addressLines[0] ?? null),
    city: null,
    addressLines,
    phone: text(row?.ReceiverMobile) ?? text(row?.ReceiverTel) ?? text(claim?.receiverMobile) ?? text(claim?.receiverTel),
    email: null,
    country: 'JP',
  };
}
