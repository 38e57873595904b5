import * as z from "zod";
import { addIssue } from "../validation/parse";
import { argError, intArg, show } from "./args";
import { MAX_YEAR, MIN_YEAR, dateArg, outOfRange, readDate, type LegalDate } from "./date";

/**
 * A calendar month (年月) `YYYY-MM`, e.g. `"2024-02"`, in 1900–2199. String
 * order is month order.
 * @remarks Implements CORE-DATE-1.
 */
export type YearMonth = string;

/** A legal date `YYYY-MM-DD` or a month `YYYY-MM`. */
export type DateOrYearMonth = LegalDate | YearMonth;

const YM_RE = /^(\d{4})-(\d{2})$/;

/** Smallest month index: January 1900. @internal */
export const MIN_MONTH_INDEX = MIN_YEAR * 12;
/** Largest month index: December 2199. @internal */
export const MAX_MONTH_INDEX = MAX_YEAR * 12 + 11;

/** Splits a valid `YYYY-MM`; `undefined` otherwise. @internal */
export function readYearMonth(v: unknown): { year: number; month: number } | undefined {
  if (typeof v !== "string") return undefined;
  const m = YM_RE.exec(v);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
  return { year, month };
}

/** Reads a `YYYY-MM` argument or throws a ValidationError. @internal */
export function yearMonthArg(v: unknown, fn: string, name: string): { year: number; month: number } {
  const ym = readYearMonth(v);
  if (ym) return ym;
  return argError(
    fn,
    [name],
    "invalid_year_month",
    `无效年月 ${show(v)}（应为 1900–2199 年间的 YYYY-MM）`,
    `invalid month ${show(v)} (expected YYYY-MM in 1900–2199)`,
  );
}

/** Reads a `YYYY-MM-DD` or `YYYY-MM` argument or throws a ValidationError. @internal */
export function dateOrYearMonthArg(
  v: unknown,
  fn: string,
  name: string,
): { year: number; month: number; day: number | null } {
  const d = readDate(v);
  if (d) return d;
  const ym = readYearMonth(v);
  if (ym) return { year: ym.year, month: ym.month, day: null };
  return argError(
    fn,
    [name],
    "invalid_date",
    `无效日期或年月 ${show(v)}（应为 YYYY-MM-DD 或 YYYY-MM，1900–2199 年）`,
    `invalid date or month ${show(v)} (expected YYYY-MM-DD or YYYY-MM in 1900–2199)`,
  );
}

/** Formats a month index without checks. @internal */
export function fmtMonthIndex(i: number): YearMonth {
  const year = Math.floor(i / 12);
  const month = i - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}`;
}

/**
 * True when `v` is a valid {@link YearMonth} `YYYY-MM` (1900–2199). Never throws.
 * @param v - anything
 * @returns whether `v` is a YearMonth
 * @example
 * ```ts
 * import { isYearMonth } from "@sannong/core";
 * isYearMonth("2024-02"); // → true
 * isYearMonth("2024-13"); // → false
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function isYearMonth(v: unknown): v is YearMonth {
  return readYearMonth(v) !== undefined;
}

/**
 * zod schema of a {@link YearMonth} `YYYY-MM` (issue code `invalid_year_month`).
 * @example
 * ```ts
 * import { yearMonthSchema } from "@sannong/core";
 * yearMonthSchema.safeParse("2024-02").success; // → true
 * yearMonthSchema.safeParse("2024-2").success; // → false
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export const yearMonthSchema = z.string().superRefine((v, ctx) => {
  if (!readYearMonth(v))
    addIssue(
      ctx,
      `无效年月 “${v}”（应为 1900–2199 年间的 YYYY-MM）`,
      `invalid month "${v}" (expected YYYY-MM in 1900–2199)`,
      [],
      "invalid_year_month",
    );
});

/**
 * The month (年月) a date falls in.
 * @param date - a legal date
 * @returns its `YYYY-MM`
 * @throws {@link ValidationError} `INVALID_INPUT` for an invalid date
 * @example
 * ```ts
 * import { toYearMonth } from "@sannong/core";
 * toYearMonth("2024-02-29"); // → "2024-02"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function toYearMonth(date: LegalDate): YearMonth {
  const d = dateArg(date, "toYearMonth", "date");
  return fmtMonthIndex(d.year * 12 + d.month - 1);
}

/**
 * The month index (月序号) `year × 12 + month − 1` of a date or a month, so the
 * difference of two indices is a number of months.
 * @param value - a legal date or a `YYYY-MM`
 * @returns the month index (22800 for January 1900)
 * @throws {@link ValidationError} `INVALID_INPUT` for anything else
 * @example
 * ```ts
 * import { monthIndex } from "@sannong/core";
 * monthIndex("2024-03-15") - monthIndex("2023-12"); // → 3
 * monthIndex("2024-01"); // → 24288
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function monthIndex(value: DateOrYearMonth): number {
  const p = dateOrYearMonthArg(value, "monthIndex", "value");
  return p.year * 12 + p.month - 1;
}

/**
 * The month of a month index (inverse of {@link monthIndex}).
 * @param index - an integer month index between 22800 (1900-01) and 26399 (2199-12)
 * @returns the `YYYY-MM`
 * @throws {@link ValidationError} `INVALID_INPUT` for a non-integer or out-of-range index
 * @example
 * ```ts
 * import { fromMonthIndex, monthIndex } from "@sannong/core";
 * fromMonthIndex(24288); // → "2024-01"
 * fromMonthIndex(monthIndex("2024-12") + 1); // → "2025-01"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function fromMonthIndex(index: number): YearMonth {
  intArg(index, "fromMonthIndex", "index", MIN_MONTH_INDEX, MAX_MONTH_INDEX);
  return fmtMonthIndex(index);
}

/**
 * Adds `n` months (may be negative) to a month.
 * @param ym - a `YYYY-MM`
 * @param n - a safe integer number of months
 * @returns the month `n` months later
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad month or a non-integer `n`;
 *   {@link PolicyError} `DATE_OUT_OF_RANGE` when the result leaves 1900–2199
 * @example
 * ```ts
 * import { addMonthsToYearMonth } from "@sannong/core";
 * addMonthsToYearMonth("2024-11", 3); // → "2025-02"
 * addMonthsToYearMonth("2024-01", -1); // → "2023-12"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function addMonthsToYearMonth(ym: YearMonth, n: number): YearMonth {
  const p = yearMonthArg(ym, "addMonthsToYearMonth", "ym");
  intArg(n, "addMonthsToYearMonth", "n", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const i = p.year * 12 + p.month - 1 + n;
  if (!(i >= MIN_MONTH_INDEX && i <= MAX_MONTH_INDEX)) outOfRange("addMonthsToYearMonth", `${ym} + ${n}`);
  return fmtMonthIndex(i);
}

/**
 * How many calendar months from `from` to `to`, both included (起止月数):
 * 0 when `to` is before `from`. Dates count as their month.
 * @param from - first month (`YYYY-MM` or a date)
 * @param to - last month (`YYYY-MM` or a date)
 * @returns the inclusive count of months, ≥ 0
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad month
 * @example
 * ```ts
 * import { monthsBetween } from "@sannong/core";
 * monthsBetween("2024-01", "2024-12"); // → 12
 * monthsBetween("2024-11", "2025-02"); // → 4
 * monthsBetween("2024-05", "2024-04"); // → 0
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function monthsBetween(from: DateOrYearMonth, to: DateOrYearMonth): number {
  const a = dateOrYearMonthArg(from, "monthsBetween", "from");
  const b = dateOrYearMonthArg(to, "monthsBetween", "to");
  return Math.max(0, b.year * 12 + b.month - (a.year * 12 + a.month) + 1);
}

/**
 * Compares two months: −1, 0 or 1.
 * @param a - a `YYYY-MM`
 * @param b - a `YYYY-MM`
 * @returns −1 when a is earlier, 0 when equal, 1 when later
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad month
 * @example
 * ```ts
 * import { compareYearMonths } from "@sannong/core";
 * compareYearMonths("2023-12", "2024-01"); // → -1
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function compareYearMonths(a: YearMonth, b: YearMonth): -1 | 0 | 1 {
  yearMonthArg(a, "compareYearMonths", "a");
  yearMonthArg(b, "compareYearMonths", "b");
  return a < b ? -1 : a > b ? 1 : 0;
}
