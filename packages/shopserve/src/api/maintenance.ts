import { MaintenanceError } from '@mallkit/core';

/**
 * Shopserve's scheduled maintenance: a weekday and hours in JST during which the storefront, orders,
 * the admin screen and the API are closed. Eストアー's notices put it on Wednesdays 02:00–08:00
 * (faq.estore.co.jp info 407; sp.estore.jp notices 2016-04 and 2021-04); integrators report the API
 * closed during it (commerce robo).
 */
export interface MaintenanceWindow {
  /** Day of the week in JST: 0 Sunday … 3 Wednesday … 6 Saturday. */
  readonly weekday: number;
  /** First hour closed, JST (inclusive). */
  readonly startHour: number;
  /** First hour open again, JST (exclusive), after `startHour`. */
  readonly endHour: number;
}

/** Wednesday 02:00–08:00 JST, every week (the notices announce it monthly; mallkit treats every Wednesday alike, see the README). */
export const SHOPSERVE_MAINTENANCE: MaintenanceWindow = Object.freeze({ weekday: 3, startHour: 2, endHour: 8 });

const HOUR_MS = 3_600_000;
const JST_OFFSET_MS = 9 * HOUR_MS;

/** When the window that contains `now` ends (epoch ms), or null when `now` is outside every window. */
export function maintenanceEndsAt(now: number, window: MaintenanceWindow): number | null {
  const wall = new Date(now + JST_OFFSET_MS);
  if (wall.getUTCDay() !== window.weekday) return null;
  const hour = wall.getUTCHours();
  if (hour < window.startHour || hour >= window.endHour) return null;
  const midnight = now - (wall.getUTCHours() * HOUR_MS + wall.getUTCMinutes() * 60_000 + wall.getUTCSeconds() * 1000 + wall.getUTCMilliseconds());
  return midnight + window.endHour * HOUR_MS;
}

function pad(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * Throws MaintenanceError when `now` falls in the window, before any request is sent: the API is
 * closed then, and a request would only use up the rate budget and the retries. `retryAfterMs`
 * points at the window's end.
 */
export function refuseDuringMaintenance(now: number, window: MaintenanceWindow | null, operation: string): void {
  if (window === null) return;
  const end = maintenanceEndsAt(now, window);
  if (end === null) return;
  const hours = `${pad(window.startHour)}–${pad(window.endHour)}`;
  throw new MaintenanceError(`shopserve ${operation}: the API is closed for the weekly maintenance (${hours} JST); nothing was sent`, {
    mall: 'shopserve',
    operation,
    retryAfterMs: end - now,
    hint: {
      ja: `ショップサーブの定期メインテナンス中（${hours}）はAPIを使えません。${pad(window.endHour)}以降に再実行してください。何も送信していません。`,
      en: `Shopserve's API is closed during its scheduled maintenance (${hours} JST). Run this again after ${pad(window.endHour)} JST. Nothing was sent.`,
    },
  });
}
