import type { CarrierCode } from '../model/codes.js';

/*
 * Tracking-number formats that belong to the carrier, whatever the mall: a number that cannot be
 * the carrier's is refused before sending (a typo, a number pasted into the wrong column) rather
 * than stored on the mall, where the buyer's tracking link would fail. Only formats the carriers
 * publish are checked; other carriers pass. Hyphens and spaces are ignored when counting digits.
 * Sources: Yamato (送り状番号 12桁) https://toi.kuronekoyamato.co.jp/cgi-bin/tneko, Sagawa
 * (お問い合せ送り状番号 12桁) https://k2k.sagawa-exp.co.jp/p/sagawa/web/okurijoinput.jsp, Japan
 * Post (お問い合わせ番号 11〜13桁, EMS and international mail AA123456789JP)
 * https://trackings.post.japanpost.jp/services/srv/search/input.
 */

const DIGITS = (count: string) => new RegExp(`^\\d{${count}}$`);
const FORMATS: Partial<Record<CarrierCode, { readonly test: (compact: string) => boolean; readonly says: string }>> = {
  yamato: { test: (n) => DIGITS('12').test(n), says: 'Yamato tracking numbers have 12 digits' },
  sagawa: { test: (n) => DIGITS('12').test(n), says: 'Sagawa tracking numbers have 12 digits' },
  japan_post: {
    test: (n) => DIGITS('11,13').test(n) || /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(n),
    says: 'Japan Post tracking numbers have 11–13 digits (international: two letters, 9 digits, two letters)',
  },
  ems: { test: (n) => /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(n), says: 'EMS numbers are two letters, 9 digits and two letters (EE123456789JP)' },
};

/** Why a tracking number cannot be the carrier's, or null when it can (or the carrier publishes no format). */
export function carrierTrackingNumberProblem(carrier: CarrierCode, trackingNumber: string): string | null {
  const format = FORMATS[carrier];
  if (!format) return null;
  const compact = trackingNumber.replace(/[\s-]/g, '').toUpperCase();
  return format.test(compact) ? null : `${format.says}; got ${trackingNumber}`;
}
