import { controlCharacterIn, tryParseJst, ValidationError, type ConnectorOptions, type MapperOverrides, type ValidationIssue } from '@mallkit/core';
import { SHOPSERVE_MAINTENANCE, type MaintenanceWindow } from './api/maintenance.js';
import { resolveWireProfile } from './api/wire-overrides.js';
import { SHIPMENT_MAX_ORDER_AGE_DAYS, type ShopserveWireOverrides, type ShopserveWireProfile } from './api/wire-profile.js';

/** Shopserve's production API root (CONFIRMED). */
export const SHOPSERVE_BASE_URL = 'https://management.api.shopserve.jp/v2/';

/**
 * Requests per second the connector allows itself by default. Shopserve publishes no limit; 1/s is
 * a cautious assumption (integrators poll every 10–30 minutes). Override with `rateLimit`.
 */
export const SHOPSERVE_DEFAULT_RATE_PER_SECOND = 1;

/** The day Eストアー disclosed the 2026 intrusion (press release 2026-08-01); keys issued before it should be re-issued. */
export const INCIDENT_DISCLOSED_ON = '2026-08-01';

/** Options of {@link createShopserveConnector}. */
export interface ShopserveConnectorOptions extends ConnectorOptions {
  /** ショップID: the ID you log in to the admin screen with (two parts joined by a dot, like `example.ss`); the Basic-auth user name. */
  readonly shopserveId: string;
  /** マネージャー認証キー (40 hexadecimal characters): 管理画面 サーバー → ショップサーブAPI. It does not expire; re-issuing voids the old one. */
  readonly managerKey: string;
  /**
   * The day you issued (or re-issued) the key, `YYYY-MM-DD`. When it is on or after the 2026
   * intrusion's disclosure, checkCredentials stops advising a re-issue.
   */
  readonly managerKeyIssuedOn?: string;
  /** Corrections to the assumed wire details (see the README's "verified / unverified" table). */
  readonly wire?: ShopserveWireOverrides;
  /**
   * The weekly maintenance window in which every call fails fast (MaintenanceError, nothing sent);
   * default Wednesday 02:00–08:00 JST every week; `null` to never refuse.
   */
  readonly maintenanceWindow?: MaintenanceWindow | null;
  /** The shop's own mapping rows (変換設定) for carriers, payment methods and time slots. */
  readonly mappers?: MapperOverrides;
  /**
   * How many days after today a ship date may be (it is written to 発送予定日, a planned date).
   * Default 0: `shippedAt` means "handed to the carrier", so a future date is refused. At most 7.
   */
  readonly shipDateLookaheadDays?: number;
  /** Orders older than this many days are refused by exportShipments (default {@link SHIPMENT_MAX_ORDER_AGE_DAYS}). */
  readonly shipmentMaxOrderAgeDays?: number;
  /**
   * Shopserve keeps one shipment per order: an update naming `items` is refused (ValidationError)
   * unless this is true, when the whole order is marked 発送済 and the result carries a warning.
   */
  readonly shipItemsAsWholeOrder?: boolean;
  /**
   * Read every written order back and report a write that did not take effect as failed (default
   * true). The status-update request is unverified: a lenient API that ignores a misnamed field
   * answers 200 and changes nothing. Turn it off only once a pilot shop confirmed the request;
   * it costs one search per written order.
   */
  readonly readBackWrites?: boolean;
}

/** The options after checking, with defaults applied. */
export interface ResolvedShopserveOptions {
  /** ショップID. */
  readonly shopserveId: string;
  /** マネージャー認証キー. */
  readonly managerKey: string;
  /** When the key was issued, `YYYY-MM-DD`, or null when not told. */
  readonly managerKeyIssuedOn: string | null;
  /** The wire profile, defaults merged with the overrides. */
  readonly wire: ShopserveWireProfile;
  /** The maintenance window, or null to never refuse. */
  readonly maintenanceWindow: MaintenanceWindow | null;
  /** Days a ship date may lie after today. */
  readonly shipDateLookaheadDays: number;
  /** The oldest order exportShipments writes to, in days. */
  readonly shipmentMaxOrderAgeDays: number;
  /** Whether an update naming items marks the whole order shipped (instead of being refused). */
  readonly shipItemsAsWholeOrder: boolean;
  /** Whether writes are read back to check they took effect. */
  readonly readBackWrites: boolean;
}

function credentialIssues(options: ShopserveConnectorOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (field: 'shopserveId' | 'managerKey', value: unknown): void => {
    if (typeof value !== 'string' || value.trim() === '') {
      issues.push({ field: `options.${field}`, message: 'is required' });
    } else if (/\s/.test(value) || controlCharacterIn(value)) {
      issues.push({ field: `options.${field}`, message: 'contains spaces or control characters: copy it again from the admin screen' });
    }
  };
  check('shopserveId', options.shopserveId);
  check('managerKey', options.managerKey);
  // HTTP Basic cannot carry a colon in the user name.
  if (typeof options.shopserveId === 'string' && options.shopserveId.includes(':')) {
    issues.push({ field: 'options.shopserveId', message: 'cannot contain ":"' });
  }
  return issues;
}

function windowIssues(window: MaintenanceWindow | null | undefined): ValidationIssue[] {
  if (window === undefined || window === null) return [];
  const hour = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= 24;
  const ok = Number.isInteger(window.weekday) && window.weekday >= 0 && window.weekday <= 6 && hour(window.startHour) && hour(window.endHour) && window.startHour < window.endHour;
  return ok ? [] : [{ field: 'options.maintenanceWindow', message: 'needs weekday 0–6 and whole hours 0–24 with startHour < endHour' }];
}

function dayIssue(field: string, value: string | undefined): ValidationIssue[] {
  if (value === undefined) return [];
  // A calendar check too: `2026-02-30` must not pass as a date the advice is compared with.
  const ok = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && tryParseJst(value) !== null;
  return ok ? [] : [{ field: `options.${field}`, message: 'must be a calendar date YYYY-MM-DD' }];
}

function flagIssue(field: string, value: unknown): ValidationIssue[] {
  return value === undefined || typeof value === 'boolean' ? [] : [{ field: `options.${field}`, message: 'must be true or false' }];
}

function numberIssue(field: string, value: number | undefined, min: number, max: number): ValidationIssue[] {
  if (value === undefined || (Number.isInteger(value) && value >= min && value <= max)) return [];
  return [{ field: `options.${field}`, message: `must be a whole number from ${min} to ${max}` }];
}

/**
 * Checks the connector options before anything is sent: credentials present and free of spaces and
 * control characters (ValidationError naming the option), the wire profile, the maintenance window
 * and the shipment limits. A key that is not the usual 40 hex characters is only warned about: the
 * format is the one seen in public code, and Shopserve may change it.
 */
export function resolveShopserveOptions(options: ShopserveConnectorOptions): ResolvedShopserveOptions {
  const issues = [
    ...credentialIssues(options),
    ...windowIssues(options.maintenanceWindow),
    ...numberIssue('shipDateLookaheadDays', options.shipDateLookaheadDays, 0, 7),
    ...numberIssue('shipmentMaxOrderAgeDays', options.shipmentMaxOrderAgeDays, 1, 3650),
    ...dayIssue('managerKeyIssuedOn', options.managerKeyIssuedOn),
    ...flagIssue('shipItemsAsWholeOrder', options.shipItemsAsWholeOrder),
    ...flagIssue('readBackWrites', options.readBackWrites),
  ];
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'shopserve',
      hint: {
        ja: `接続設定を確認してください: ${issues.map((issue) => issue.field).join(', ')}。ショップIDとマネージャー認証キーは管理画面「サーバー → ショップサーブAPI」にあります。`,
        en: `Fix the connector options: ${issues.map((issue) => issue.field).join(', ')}. The shop ID and manager key are in the admin screen under サーバー → ショップサーブAPI.`,
      },
    });
  }
  if (!/^[0-9a-f]{40}$/i.test(options.managerKey)) {
    options.logger?.warn('shopserve: the manager key is not the usual 40 hexadecimal characters; check that it was copied whole');
  }
  return {
    shopserveId: options.shopserveId,
    managerKey: options.managerKey,
    managerKeyIssuedOn: options.managerKeyIssuedOn ?? null,
    wire: resolveWireProfile(options.wire),
    maintenanceWindow: options.maintenanceWindow === undefined ? SHOPSERVE_MAINTENANCE : options.maintenanceWindow,
    shipDateLookaheadDays: options.shipDateLookaheadDays ?? 0,
    shipmentMaxOrderAgeDays: options.shipmentMaxOrderAgeDays ?? SHIPMENT_MAX_ORDER_AGE_DAYS,
    shipItemsAsWholeOrder: options.shipItemsAsWholeOrder ?? false,
    readBackWrites: options.readBackWrites ?? true,
  };
}
