import * as z from "zod";
import { PolicyError } from "../errors/errors";
import { addIssue } from "../validation/parse";

/**
 * A legal date (法定日期): a calendar date `YYYY-MM-DD` with no time and no
 * time zone. Years 1900–2199.
 * @remarks Implements CORE-DATE-1.
 */
export type LegalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Splits a valid date into numbers; `undefined` if not a valid `YYYY-MM-DD`. @internal */
export function readDate(v: unknown): { year: number; month: number; day: number } | undefined {
  if (typeof v !== "string") return undefined;
  const m = DATE_RE.exec(v);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `v` is a valid `YYYY-MM-DD` legal date (2023-02-30 is not). */
export function isLegalDate(v: unknown): v is LegalDate {
  return readDate(v) !== undefined;
}

/**
 * Validates a legal date.
 * @throws {@link PolicyError} `INVALID_DATE`
 * @example
 * ```ts
 * parseDate("2024-02-29"); // { year: 2024, month: 2, day: 29 }
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function parseDate(v: LegalDate): { year: number; month: number; day: number } {
  const d = readDate(v);
  if (!d) {
    throw new PolicyError({ code: "INVALID_DATE", zh: `无效日期：${String(v)}（应为 YYYY-MM-DD）`, en: `invalid date: ${String(v)} (expected YYYY-MM-DD)`, details: { value: String(v) } });
  }
  return d;
}

/** Formats year, month, day as `YYYY-MM-DD`. */
export function formatDate(year: number, month: number, day: number): LegalDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * zod schema of a legal date `YYYY-MM-DD` that exists in the calendar.
 * @remarks Implements CORE-DATE-1.
 */
export const legalDateSchema = z.string().superRefine((v, ctx) => {
  if (!readDate(v)) addIssue(ctx, `无效日期 “${v}”（应为存在的 YYYY-MM-DD 日期）`, `invalid date "${v}" (expected an existing YYYY-MM-DD date)`, [], "invalid_date");
});

/** Compares two legal dates: −1, 0 or 1 (string order is date order). */
export function compareDates(a: LegalDate, b: LegalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
