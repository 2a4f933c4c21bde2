import type { Hint } from '@mallkit/core';

/**
 * Shopserve's scheduled maintenance: a weekday and hours in JST during which the storefront, orders,
 * the admin screen and the API are closed. Eストアー's notices put it on Wednesdays 02:00–08:00
 * (sp.estore.jp notices 2016-04 and 2021-04); integrators report the API closed during it
 * (commerce robo).
 */
export interface MaintenanceWindow {
  /** Day of the week in JST: 0 Sunday … 3 Wednesday … 6 Saturday. */
  readonly weekday: number;
  /** First hour closed, JST (inclusive). */
  readonly startHour: number;
  /** First hour open again, JST (exclusive), after `startHour`. */
  readonly endHour: number;
}

/**
 * Wednesday 02:00–08:00 JST, every week. The notices announce it about monthly, on a Wednesday the
 * API cannot tell (specs deep §1.4); issue 12 asks for every Wednesday, so the connector refuses
 * about 18 hours a month in which nothing may be closed. Change it with `maintenanceWindow`.
 */
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
 * The client's `closedAt` for a window: when the window containing `now` ends and what to tell the
 * shop, or null outside it. Calls inside it fail at once with MaintenanceError (`retryAfterMs` up to
 * the window's end) without sending: the API is closed then, and a request would only use up the
 * rate budget and the retries.
 */
export function maintenanceClosure(window: MaintenanceWindow | null): (now: number) => { readonly until: number; readonly hint: Hint } | null {
  return (now) => {
    const until = window === null ? null : maintenanceEndsAt(now, window);
    if (until === null || window === null) return null;
    const hours = `${pad(window.startHour)}–${pad(window.endHour)}`;
    return {
      until,
      hint: {
        ja: `ショップサーブの定期メインテナンス中（${hours}）はAPIを使えません。${pad(window.endHour)}以降に再実行してください。何も送信していません。`,
        en: `Shopserve's API is closed during its scheduled maintenance (${hours} JST). Run this again after ${pad(window.endHour)} JST. Nothing was sent.`,
      },
    };
  };
}
