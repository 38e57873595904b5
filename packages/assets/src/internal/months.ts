/**
 * Integer month arithmetic on `YYYY-MM-DD` / `YYYY-MM` strings that are
 * already validated: a month index is `year * 12 + month - 1`. Hot-path
 * helpers (no validation, no allocation beyond the result). @internal
 */
import { daysInMonth } from "@sannong/core";

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

/** True when a valid date is the last day of its month. */
export function isMonthEnd(date: string): boolean {
  return Number(date.slice(8, 10)) === daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}
