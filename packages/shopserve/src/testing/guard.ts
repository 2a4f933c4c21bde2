import type { SandboxClock } from '@mallkit/core/testing';
import type { FieldRenamer } from '../api/field-names.js';
import { maintenanceEndsAt, type MaintenanceWindow } from '../api/maintenance.js';
import { errorAnswer, maintenanceAnswer } from './answers.js';

/** What every sandbox route checks first. */
export interface SandboxGuardConfig {
  /** The sandbox clock the window is read on. */
  readonly clock: SandboxClock;
  /** Closed hours, on the sandbox clock; null for never. */
  readonly maintenanceWindow: MaintenanceWindow | null;
  /** The shop's ID and the key it accepts now (a re-issued key voids the old one). */
  credentials(): { readonly shopserveId: string; readonly managerKey: string };
  /** Spells error bodies the profile's way. */
  readonly renamer: FieldRenamer;
}

function basicCredentials(header: string | null): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The first answer a request gets when the mall is closed or the credentials are wrong; null lets it through. */
export function createSandboxGuard(config: SandboxGuardConfig): (request: Request) => Response | null {
  return (request) => {
    if (config.maintenanceWindow && maintenanceEndsAt(config.clock.now(), config.maintenanceWindow) !== null) return maintenanceAnswer(config.renamer);
    const given = basicCredentials(request.headers.get('authorization'));
    const expected = config.credentials();
    if (given === null || given.user !== expected.shopserveId || given.password !== expected.managerKey) {
      return errorAnswer(401, '認証に失敗しました。ショップIDとマネージャー認証キーを確認してください。', config.renamer);
    }
    return null;
  };
}
