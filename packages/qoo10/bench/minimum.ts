/**
 * The fewest order-date searches any client needs on Qoo10, given the rows a sandbox holds: no
 * paging, so a window must hold fewer rows than the cap in each of its answers (one per
 * ShippingStatus, one of claims), and span at most 89 days; every window costs those six searches.
 */
import { QOO10_CLAIM_WINDOW_DAYS, QOO10_LIST_RESULT_CAP } from '../src/api/common.js';
import { TERMINAL_CLAIMS, type SandboxPack } from '../src/testing/store.js';

const SECOND = 1000;
const LONGEST_MS = QOO10_CLAIM_WINDOW_DAYS * 86_400_000 - SECOND;

/** The order times of the rows each order-date search answers (five ShippingStatus lists, the claims), each sorted. */
export function answerRows(packs: readonly SandboxPack[], orderTimeOf: (pack: SandboxPack) => number): number[][] {
  const answers: number[][] = [[], [], [], [], [], []];
  for (const pack of packs) {
    const at = orderTimeOf(pack);
    for (const line of pack.lines) {
      // A finished claim takes the line out of the status lists; any claim puts it in the claims.
      if (line.claim === null || !TERMINAL_CLAIMS.has(line.claim.status)) answers[line.status - 1]?.push(at);
      if (line.claim !== null) answers[5]?.push(at);
    }
  }
  for (const times of answers) times.sort((a, b) => a - b);
  return answers;
}

/** The first index of `times` at or after `at`. */
function firstFrom(times: readonly number[], at: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] as number) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last second a window starting at `start` may end at, keeping every answer under the cap and the window within 89 days. */
function furthestEnd(answers: readonly number[][], start: number): number {
  let end = start + LONGEST_MS;
  for (const times of answers) {
    const capped = times[firstFrom(times, start) + QOO10_LIST_RESULT_CAP - 1];
    if (capped !== undefined) end = Math.min(end, capped - SECOND);
  }
  return end;
}

/** The fewest windows covering every second of `[from, to]`: a look-back re-read. */
export function windowsCovering(answers: readonly number[][], from: number, to: number): number {
  let windows = 0;
  for (let start = from; start <= to; windows += 1) start = Math.max(start, furthestEnd(answers, start)) + SECOND;
  return windows;
}

/** The fewest windows containing each of `targets` (carts read again by their order time). */
export function windowsContaining(answers: readonly number[][], targets: readonly number[]): number {
  const sorted = [...targets].sort((a, b) => a - b);
  let windows = 0;
  for (let i = 0; i < sorted.length; windows += 1) {
    const start = sorted[i] as number;
    const end = Math.max(start, furthestEnd(answers, start));
    while (i < sorted.length && (sorted[i] as number) <= end) i += 1;
  }
  return windows;
}
