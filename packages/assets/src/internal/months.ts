/**
 * Integer month arithmetic on `YYYY-MM-DD` / `YYYY-MM` strings that are
 * already validated: a month index is `year * 12 + month - 1`. Hot-path
 * helpers (no validation, no allocation beyond the result). @internal
 */

/** Month index of a valid `YYYY-MM-DD` or `YYYY-MM`. */
export function monthIndex(s: string): number {
  return Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
}

/** `YYYY-MM` of a month index. */
export function yearMonthOf(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}`;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when a valid date is the last day of its month. */
export function isMonthEnd(date: string): boolean {
  return Number(date.slice(8, 10)) === daysIn(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

/** Last day of the month of a month index, as `YYYY-MM-DD`. */
export function monthEndOf(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${yearMonthOf(index)}-${daysIn(y, m)}`;
}

/**
 * Adds whole months to a valid date, clamping the day to the end of the
 * target month (2021-01-31 + 1 month = 2021-02-28).
 */
export function addMonthsClamped(date: string, n: number): string {
  const idx = monthIndex(date) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysIn(y, m));
  return `${yearMonthOf(idx)}-${d < 10 ? "0" : ""}${d}`;
}
