import { ValidationError, type MallConnector, type ShipmentUpdate } from '@mallkit/core';

/** A fetch that never sends: the dry run's connector cannot reach any network, whatever happens. */
export const refuseEveryRequest: typeof fetch = () => Promise.reject(new Error('mallkit ship dry run: nothing is sent'));

/** The index a field such as `updates[3].trackingNumber` names, and the rest of it. */
function splitField(field: string): { index: number; text: (message: string) => string } {
  const match = /^updates\[(\d+)\]\.?(.*)$/.exec(field);
  if (!match) return { index: -1, text: (message) => message };
  return { index: Number(match[1]), text: (message) => (match[2] ? `${match[2]}: ${message}` : message) };
}

/** One check of the given updates: the problems by position in that list, none when they pass. */
async function checkOnce(dryConnector: MallConnector, updates: readonly ShipmentUpdate[]): Promise<Map<number, string[]>> {
  const problems = new Map<number, string[]>();
  try {
    await dryConnector.exportShipments(updates, { signal: AbortSignal.abort(), retries: 0 });
  } catch (error) {
    if (!ValidationError.isInstance(error)) return problems; // passed the checks; stopped by the abort
    for (const issue of error.issues) {
      const { index, text } = splitField(issue.field);
      problems.set(index, [...(problems.get(index) ?? []), text(issue.message)]);
    }
  }
  return problems;
}

/**
 * Runs the mall's own checks on the shipments (its tracking-number length and format, ship dates
 * not in the future on its rules, carriers it cannot take…) without sending anything, and returns
 * the problems per update index (-1 for a problem of the whole list).
 *
 * Every connector checks all shipments before its first request and throws one ValidationError
 * naming each field (`updates[3].trackingNumber`). The check runs on a connector built with
 * {@link refuseEveryRequest} as its fetch and is called with an already-aborted signal: if the
 * shipments pass, the call stops at the abort (or at the refusing fetch), and nothing can leave
 * the machine either way. The checks come in stages (the shape of every update first, then the
 * mall's rules), so the rows refused are set aside and the others checked again until all pass:
 * one bad row never hides another row's problem.
 */
export async function mallCheck(dryConnector: MallConnector, updates: readonly ShipmentUpdate[]): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  let remaining = updates.map((_, index) => index);
  while (remaining.length > 0) {
    const problems = await checkOnce(
      dryConnector,
      remaining.map((index) => updates[index] as ShipmentUpdate),
    );
    if (problems.size === 0) break;
    const refused = new Set<number>();
    for (const [position, texts] of problems) {
      const index = position === -1 ? -1 : (remaining[position] ?? -1);
      found.set(index, [...(found.get(index) ?? []), ...texts]);
      if (index !== -1) refused.add(index);
    }
    if (refused.size === 0) break; // a problem of the whole list: checking again would find it again
    remaining = remaining.filter((index) => !refused.has(index));
  }
  return found;
}
