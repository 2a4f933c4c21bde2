import { HttpResponse } from 'msw';
import type { FieldRenamer } from '../api/field-names.js';

/*
 * The sandbox's error answers. Shopserve's real error body is UNKNOWN; the sandbox sends
 * `{ "message": "…" }` with the HTTP status, in the profile's field spelling, and the connector's
 * error table reads that shape among others. The maintenance text is the one commerce robo logs.
 */

/** The maintenance text integrators report (whether Shopserve or the integrator writes it is UNKNOWN). */
export const MAINTENANCE_MESSAGE = 'メンテナンス期間中のためAPIは使用できません。';

/** An error answer with a message. */
export function errorAnswer(status: number, message: string, renamer: FieldRenamer): Response {
  return HttpResponse.json(renamer.toMall({ message }) as Record<string, unknown>, { status });
}

/** The answer during maintenance (the weekly window, or an injected `maintenance` fault). */
export function maintenanceAnswer(renamer: FieldRenamer): Response {
  return errorAnswer(503, MAINTENANCE_MESSAGE, renamer);
}
