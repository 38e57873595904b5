import * as z from "zod";
import { PolicyError } from "../errors/errors";
import { addIssue } from "../validation/parse";
import { argError, intArg, show } from "./args";

/**
 * A legal date (法定日期): a calendar date `YYYY-MM-DD` with no time and no
 * time zone, in the years 1900–2199 ({@link MIN_LEGAL_DATE} …
 * {@link MAX_LEGAL_DATE}). String order is date order.
 * @remarks Implements CORE-DATE-1.
 */
export type LegalDate = string;

/** The earliest legal date sannong accepts: `"1900-01-01"`. @remarks Implements CORE-DATE-1. */
export const MIN_LEGAL_DATE: LegalDate = "1900-01-01";
/** The latest legal date sannong accepts: `"2199-12-31"`. @remarks Implements CORE-DATE-1. */
export const MAX_LEGAL_DATE: LegalDate = "2199-12-31";
/** First accepted year. @internal */
export const MIN_YEAR = 1900;
/** Last accepted year. @internal */
export const MAX_YEAR = 2199;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date split into numbers (month 1–12, day 1–31). @internal */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Leap-year test without argument checks. @internal */
export function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Month length without argument checks. @internal */
export function monthLength(year: number, month: number): number {
  return month === 2 ? (leap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True for a leap year (闰年) of the Gregorian calendar: divisible by 4, except
 * centuries, except centuries divisible by 400.
 *
 * @param year - a safe integer year
 * @returns whether the year has 366 days
 * @throws {@link ValidationError} `INVALID_INPUT` when `year` is not a safe integer
 * @example
 * ```ts
 * import { isLeapYear } from "@sannong/core";
 * isLeapYear(2024); // → true
 * isLeapYear(2100); // → false
 * isLeapYear(2000); // → true
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function isLeapYear(year: number): boolean {
  intArg(year, "isLeapYear", "year", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return leap(year);
}

/**
 * The number of days in a month (月天数).
 *
 * @param year - a safe integer year
 * @param month - the month, 1–12
 * @returns 28, 29, 30 or 31
 * @throws {@link ValidationError} `INVALID_INPUT` for a non-integer year or a month outside 1–12
 * @example
 * ```ts
 * import { daysInMonth } from "@sannong/core";
 * daysInMonth(2024, 2); // → 29
 * daysInMonth(2100, 2); // → 28
 * daysInMonth(2023, 12); // → 31
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function daysInMonth(year: number, month: number): number {
  intArg(year, "daysInMonth", "year", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  intArg(month, "daysInMonth", "month", 1, 12);
  return monthLength(year, month);
}

/** Splits a valid date into numbers; `undefined` if not a valid `YYYY-MM-DD`. @internal */
export function readDate(v: unknown): DateParts | undefined {
  if (typeof v !== "string") return undefined;
  const m = DATE_RE.exec(v);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > monthLength(year, month))
    return undefined;
  return { year, month, day };
}

/**
 * True when `v` is a valid legal date: a `YYYY-MM-DD` string naming a day that
 * exists in the calendar, in 1900–2199. Never throws.
 *
 * @param v - anything
 * @returns whether `v` is a {@link LegalDate}
 * @example
 * ```ts
 * import { isLegalDate } from "@sannong/core";
 * isLegalDate("2024-02-29"); // → true
 * isLegalDate("2023-02-29"); // → false
 * isLegalDate("2023-2-1"); // → false
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function isLegalDate(v: unknown): v is LegalDate {
  return readDate(v) !== undefined;
}

/**
 * Validates a legal date and splits it into year, month and day.
 *
 * @param v - a `YYYY-MM-DD` string
 * @returns `{ year, month, day }`
 * @throws {@link PolicyError} `INVALID_DATE` (kept for compatibility; every
 *   other date function reports a bad date as a `ValidationError`)
 * @example
 * ```ts
 * import { parseDate } from "@sannong/core";
 * parseDate("2024-02-29"); // → { year: 2024, month: 2, day: 29 }
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function parseDate(v: LegalDate): { year: number; month: number; day: number } {
  const d = readDate(v);
  if (!d) {
    throw new PolicyError({
      code: "INVALID_DATE",
      zh: `无效日期：${show(v)}（应为 YYYY-MM-DD）`,
      en: `invalid date: ${show(v)} (expected YYYY-MM-DD)`,
      details: { value: show(v) },
    });
  }
  return { year: d.year, month: d.month, day: d.day };
}

/** Formats numbers as `YYYY-MM-DD` without checks. @internal */
export function fmt(year: number, month: number, day: number): LegalDate {
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * Formats year, month and day as a legal date `YYYY-MM-DD`, checking that the
 * day exists.
 *
 * @param year - 1900–2199
 * @param month - 1–12
 * @param day - 1 … the month's last day
 * @returns the legal date
 * @throws {@link ValidationError} `INVALID_INPUT` (issue `invalid_date`) for a day that does not exist
 * @example
 * ```ts
 * import { formatDate, safe } from "@sannong/core";
 * formatDate(2024, 2, 29); // → "2024-02-29"
 * const r = safe(() => formatDate(2023, 2, 29)); // 2023-02 has no day 29
 * r.ok ? "ok" : r.error.code; // → "INVALID_INPUT"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function formatDate(year: number, month: number, day: number): LegalDate {
  return checkedDate(year, month, day, "formatDate");
}

/** Builds a legal date from validated-or-not numbers, with argument checks. @internal */
export function checkedDate(year: number, month: number, day: number, fn: string): LegalDate {
  intArg(year, fn, "year", MIN_YEAR, MAX_YEAR);
  intArg(month, fn, "month", 1, 12);
  intArg(day, fn, "day", 1, 31);
  if (day > monthLength(year, month)) {
    argError(
      fn,
      ["day"],
      "invalid_date",
      `${year} 年 ${month} 月没有 ${day} 日（该月只有 ${monthLength(year, month)} 天）`,
      `${year}-${month} has no day ${day} (the month has ${monthLength(year, month)} days)`,
    );
  }
  return fmt(year, month, day);
}

/**
 * zod schema of a legal date `YYYY-MM-DD` that exists in the calendar
 * (1900–2199). Use it inside input schemas; issue code `invalid_date`.
 * @example
 * ```ts
 * import { legalDateSchema } from "@sannong/core";
 * legalDateSchema.safeParse("2023-02-30").success; // → false
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export const legalDateSchema = z.string().superRefine((v, ctx) => {
  if (!readDate(v))
    addIssue(
      ctx,
      `无效日期 “${v}”（应为 1900–2199 年间存在的 YYYY-MM-DD 日期）`,
      `invalid date "${v}" (expected an existing YYYY-MM-DD date in 1900–2199)`,
      [],
      "invalid_date",
    );
});

/**
 * Reads a date argument or throws a ValidationError naming the argument.
 * @internal
 */
export function dateArg(v: unknown, fn: string, name: string | readonly (string | number)[]): DateParts {
  const d = readDate(v);
  if (d) return d;
  return argError(
    fn,
    typeof name === "string" ? [name] : name,
    "invalid_date",
    `无效日期 ${show(v)}（应为 1900–2199 年间存在的 YYYY-MM-DD 日期）`,
    `invalid date ${show(v)} (expected an existing YYYY-MM-DD date in 1900–2199)`,
  );
}

/**
 * Compares two legal dates: −1, 0 or 1 (string order is date order).
 *
 * @param a - a legal date
 * @param b - a legal date
 * @returns −1 when a is earlier, 0 when equal, 1 when later
 * @throws {@link ValidationError} `INVALID_INPUT` for an invalid date
 * @example
 * ```ts
 * import { compareDates } from "@sannong/core";
 * compareDates("2024-01-31", "2024-02-01"); // → -1
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function compareDates(a: LegalDate, b: LegalDate): -1 | 0 | 1 {
  dateArg(a, "compareDates", "a");
  dateArg(b, "compareDates", "b");
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (pure integer math,
 * no `Date`, no time zone). @internal
 */
export function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link toDayNumber}. @internal */
export function fromDayNumber(n: number): DateParts {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of {@link MIN_LEGAL_DATE}. @internal */
export const MIN_DAY = toDayNumber(MIN_YEAR, 1, 1);
/** Day number of {@link MAX_LEGAL_DATE}. @internal */
export const MAX_DAY = toDayNumber(MAX_YEAR, 12, 31);

/**
 * Throws the policy error for a result outside 1900–2199.
 * @internal
 */
export function outOfRange(fn: string, what: string): never {
  throw new PolicyError({
    code: "DATE_OUT_OF_RANGE",
    zh: `${fn}：结果日期超出支持范围 ${MIN_LEGAL_DATE} 至 ${MAX_LEGAL_DATE}（${what}）`,
    en: `${fn}: the resulting date is outside the supported range ${MIN_LEGAL_DATE} to ${MAX_LEGAL_DATE} (${what})`,
    details: { fn, what, min: MIN_LEGAL_DATE, max: MAX_LEGAL_DATE },
  });
}

/** The legal date of a day number, or a DATE_OUT_OF_RANGE error. @internal */
export function dateOfDayNumber(n: number, fn: string, what: string): LegalDate {
  if (!(n >= MIN_DAY && n <= MAX_DAY)) outOfRange(fn, what);
  const p = fromDayNumber(n);
  return fmt(p.year, p.month, p.day);
}
