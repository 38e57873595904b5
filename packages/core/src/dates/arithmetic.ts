import { argError, intArg, objectArg, show } from "./args";
import {
  MAX_YEAR,
  MIN_YEAR,
  checkedDate,
  dateArg,
  dateOfDayNumber,
  fmt,
  monthLength,
  outOfRange,
  toDayNumber,
  type LegalDate,
} from "./date";
import { MAX_MONTH_INDEX, MIN_MONTH_INDEX, dateOrYearMonthArg, type DateOrYearMonth } from "./yearMonth";

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Adds `n` days (may be negative) to a date (加天数). Pure integer calendar
 * arithmetic: no `Date`, no time zone, no daylight-saving surprise.
 * @param date - a legal date
 * @param n - a safe integer number of days
 * @returns the date `n` days later
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date or non-integer `n`;
 *   {@link PolicyError} `DATE_OUT_OF_RANGE` when the result leaves 1900–2199
 * @example
 * ```ts
 * import { addDays } from "@sannong/core";
 * addDays("2024-02-28", 1); // → "2024-02-29"
 * addDays("2023-12-31", 1); // → "2024-01-01"
 * addDays("2024-03-01", -1); // → "2024-02-29"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function addDays(date: LegalDate, n: number): LegalDate {
  const d = dateArg(date, "addDays", "date");
  intArg(n, "addDays", "n", -SAFE, SAFE);
  return dateOfDayNumber(toDayNumber(d.year, d.month, d.day) + n, "addDays", `${date} + ${n}`);
}

/**
 * Adds `n` calendar months (may be negative) to a date (加月数). When the
 * target month is shorter, the day is clamped to its last day (月末对齐):
 * 2024-01-31 + 1 month = 2024-02-29.
 * @param date - a legal date
 * @param n - a safe integer number of months
 * @returns the date `n` months later, clamped to the month's end
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date or non-integer `n`;
 *   {@link PolicyError} `DATE_OUT_OF_RANGE` when the result leaves 1900–2199
 * @example
 * ```ts
 * import { addMonths } from "@sannong/core";
 * addMonths("2024-01-31", 1); // → "2024-02-29"
 * addMonths("2023-01-31", 1); // → "2023-02-28"
 * addMonths("2024-11-30", 2); // → "2025-01-30"
 * addMonths("2024-03-31", -1); // → "2024-02-29"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function addMonths(date: LegalDate, n: number): LegalDate {
  const d = dateArg(date, "addMonths", "date");
  intArg(n, "addMonths", "n", -SAFE, SAFE);
  return shiftMonths(d.year, d.month, d.day, n, "addMonths", `${date} + ${n}`);
}

/** Adds months to validated parts, clamping the day. @internal */
export function shiftMonths(year: number, month: number, day: number, n: number, fn: string, what: string): LegalDate {
  const i = year * 12 + month - 1 + n;
  if (!(i >= MIN_MONTH_INDEX && i <= MAX_MONTH_INDEX)) outOfRange(fn, what);
  const y = Math.floor(i / 12);
  const m = i - y * 12 + 1;
  return fmt(y, m, Math.min(day, monthLength(y, m)));
}

/**
 * Adds `n` years (may be negative) to a date (加年数); 29 February becomes
 * 28 February in a year that is not a leap year.
 * @param date - a legal date
 * @param n - a safe integer number of years
 * @returns the same day `n` years later
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date or non-integer `n`;
 *   {@link PolicyError} `DATE_OUT_OF_RANGE` when the result leaves 1900–2199
 * @example
 * ```ts
 * import { addYears } from "@sannong/core";
 * addYears("2024-02-29", 1); // → "2025-02-28"
 * addYears("2024-02-29", 4); // → "2028-02-29"
 * // 2100 is not a leap year
 * addYears("2096-02-29", 4); // → "2100-02-28"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function addYears(date: LegalDate, n: number): LegalDate {
  const d = dateArg(date, "addYears", "date");
  intArg(n, "addYears", "n", -SAFE, SAFE);
  const y = d.year + n;
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) outOfRange("addYears", `${date} + ${n}y`);
  return fmt(y, d.month, Math.min(d.day, monthLength(y, d.month)));
}

/**
 * The number of days from `a` to `b` (相隔天数): `b − a`, negative when `b` is
 * earlier.
 * @param a - a legal date
 * @param b - a legal date
 * @returns `b − a` in days
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { daysBetween } from "@sannong/core";
 * daysBetween("2024-01-01", "2025-01-01"); // → 366
 * daysBetween("2100-03-01", "2100-02-28"); // → -1
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function daysBetween(a: LegalDate, b: LegalDate): number {
  const x = dateArg(a, "daysBetween", "a");
  const y = dateArg(b, "daysBetween", "b");
  return toDayNumber(y.year, y.month, y.day) - toDayNumber(x.year, x.month, x.day);
}

/**
 * The first day of the month (月初) of a date or a `YYYY-MM`.
 * @param value - a legal date or a `YYYY-MM`
 * @returns `YYYY-MM-01`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { startOfMonth } from "@sannong/core";
 * startOfMonth("2024-02-17"); // → "2024-02-01"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function startOfMonth(value: DateOrYearMonth): LegalDate {
  const p = dateOrYearMonthArg(value, "startOfMonth", "value");
  return fmt(p.year, p.month, 1);
}

/**
 * The last day of the month (月末) of a date or a `YYYY-MM`.
 * @param value - a legal date or a `YYYY-MM`
 * @returns the month's last day
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { endOfMonth } from "@sannong/core";
 * endOfMonth("2024-02-10"); // → "2024-02-29"
 * endOfMonth("2100-02"); // → "2100-02-28"
 * endOfMonth("2024-11"); // → "2024-11-30"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function endOfMonth(value: DateOrYearMonth): LegalDate {
  const p = dateOrYearMonthArg(value, "endOfMonth", "value");
  return fmt(p.year, p.month, monthLength(p.year, p.month));
}

/**
 * The quarter (季度) of a date or a month: 1 (Jan–Mar) … 4 (Oct–Dec).
 * @param value - a legal date or a `YYYY-MM`
 * @returns 1, 2, 3 or 4
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { quarterOf } from "@sannong/core";
 * quarterOf("2024-03-31"); // → 1
 * quarterOf("2024-04-01"); // → 2
 * quarterOf("2024-12"); // → 4
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function quarterOf(value: DateOrYearMonth): 1 | 2 | 3 | 4 {
  const p = dateOrYearMonthArg(value, "quarterOf", "value");
  return (Math.floor((p.month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/**
 * The first day of the quarter (季初) containing a date or a month.
 * @param value - a legal date or a `YYYY-MM`
 * @returns 1 January, 1 April, 1 July or 1 October of that year
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { startOfQuarter } from "@sannong/core";
 * startOfQuarter("2024-05-20"); // → "2024-04-01"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function startOfQuarter(value: DateOrYearMonth): LegalDate {
  const p = dateOrYearMonthArg(value, "startOfQuarter", "value");
  return fmt(p.year, Math.floor((p.month - 1) / 3) * 3 + 1, 1);
}

/**
 * The last day of the quarter (季末) containing a date or a month.
 * @param value - a legal date or a `YYYY-MM`
 * @returns 31 March, 30 June, 30 September or 31 December of that year
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { endOfQuarter } from "@sannong/core";
 * endOfQuarter("2024-05-20"); // → "2024-06-30"
 * endOfQuarter("2024-11"); // → "2024-12-31"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function endOfQuarter(value: DateOrYearMonth): LegalDate {
  const p = dateOrYearMonthArg(value, "endOfQuarter", "value");
  const m = Math.floor((p.month - 1) / 3) * 3 + 3;
  return fmt(p.year, m, monthLength(p.year, m));
}

/**
 * The first day of the year (年初) of a date or a month.
 * @param value - a legal date or a `YYYY-MM`
 * @returns `YYYY-01-01`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { startOfYear } from "@sannong/core";
 * startOfYear("2024-07-15"); // → "2024-01-01"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function startOfYear(value: DateOrYearMonth): LegalDate {
  const p = dateOrYearMonthArg(value, "startOfYear", "value");
  return fmt(p.year, 1, 1);
}

/**
 * The last day of the year (年底) of a date or a month.
 * @param value - a legal date or a `YYYY-MM`
 * @returns `YYYY-12-31`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { endOfYear } from "@sannong/core";
 * endOfYear("2024-07-15"); // → "2024-12-31"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function endOfYear(value: DateOrYearMonth): LegalDate {
  const p = dateOrYearMonthArg(value, "endOfYear", "value");
  return fmt(p.year, 12, 31);
}

/** Options of {@link monthsRemainingInYear}. */
export interface MonthsRemainingInYearOptions {
  /** Count the month of `date` itself (default `false`: only the months after it). */
  readonly includeCurrent?: boolean;
}

/**
 * The remaining months of the year (当年剩余月份) after a date: by default the
 * whole months after the date's month up to December; with
 * `includeCurrent: true` the date's own month counts too. Which reading a
 * policy means is the caller's declared choice (丰台区 000 §三3 says 当年剩余月份
 * without fixing it); day of month does not matter.
 * @param date - a legal date (or a `YYYY-MM`)
 * @param options - `{ includeCurrent?: boolean }`
 * @returns 0–11 by default, 1–12 with `includeCurrent`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date or unknown option
 * @example
 * ```ts
 * import { monthsRemainingInYear } from "@sannong/core";
 * // Aug–Dec
 * monthsRemainingInYear("2022-07-15"); // → 5
 * // Jul–Dec
 * monthsRemainingInYear("2022-07-15", { includeCurrent: true }); // → 6
 * monthsRemainingInYear("2022-12-01"); // → 0
 * ```
 * @remarks Implements CORE-DATE-1 (000 §三3).
 */
export function monthsRemainingInYear(date: DateOrYearMonth, options?: MonthsRemainingInYearOptions): number {
  const p = dateOrYearMonthArg(date, "monthsRemainingInYear", "date");
  let include = false;
  if (options !== undefined) {
    const o = objectArg(options, "monthsRemainingInYear", ["options"], ["includeCurrent"]);
    const v = o["includeCurrent"];
    if (v !== undefined && typeof v !== "boolean") {
      argError(
        "monthsRemainingInYear",
        ["options", "includeCurrent"],
        "invalid_type",
        `应为布尔值，实际为 ${show(v)}`,
        `expected a boolean, got ${show(v)}`,
      );
    }
    include = v === true;
  }
  return 12 - p.month + (include ? 1 : 0);
}

/**
 * A deadline within a year (期限), such as "by the end of November" (11月底前):
 * the legal date of `day` (or the month's last day for `"end"`) in `month` of
 * `year`.
 * @param year - 1900–2199
 * @param month - 1–12
 * @param day - 1 … the month's last day, or `"end"` for 月底
 * @returns the deadline date
 * @throws {@link ValidationError} `INVALID_INPUT` for a day that does not exist (2023-02-29)
 * @example
 * ```ts
 * import { deadlineInYear } from "@sannong/core";
 * deadlineInYear(2024, 11, 30); // → "2024-11-30"
 * deadlineInYear(2024, 2, "end"); // → "2024-02-29"
 * ```
 * @remarks Implements CORE-DATE-1 (000 §三3: 每期最后一年11月底前).
 */
export function deadlineInYear(year: number, month: number, day: number | "end"): LegalDate {
  if (day === "end") {
    intArg(year, "deadlineInYear", "year", MIN_YEAR, MAX_YEAR);
    intArg(month, "deadlineInYear", "month", 1, 12);
    return fmt(year, month, monthLength(year, month));
  }
  return checkedDate(year, month, day, "deadlineInYear");
}

/**
 * The last year of a period (每期最后一年) of `lengthYears` years starting in
 * `startYear`: `startYear + lengthYears − 1`.
 * @param startYear - 1900–2199
 * @param lengthYears - ≥ 1
 * @returns the last calendar year of the period
 * @throws {@link ValidationError} `INVALID_INPUT` for a non-integer or non-positive length;
 *   {@link PolicyError} `DATE_OUT_OF_RANGE` after 2199
 * @example
 * ```ts
 * import { lastYearOfPeriod, deadlineInYear } from "@sannong/core";
 * lastYearOfPeriod(2022, 5); // → 2026
 * deadlineInYear(lastYearOfPeriod(2022, 5), 11, "end"); // → "2026-11-30"
 * ```
 * @remarks Implements CORE-DATE-1 (000 §三3).
 */
export function lastYearOfPeriod(startYear: number, lengthYears: number): number {
  intArg(startYear, "lastYearOfPeriod", "startYear", MIN_YEAR, MAX_YEAR);
  intArg(lengthYears, "lastYearOfPeriod", "lengthYears", 1, SAFE);
  const last = startYear + lengthYears - 1;
  if (last > MAX_YEAR) outOfRange("lastYearOfPeriod", `${startYear} + ${lengthYears} − 1`);
  return last;
}

/**
 * True when `a` is strictly before `b` (早于).
 * @param a - a legal date
 * @param b - a legal date
 * @returns `a < b`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { isBefore } from "@sannong/core";
 * isBefore("2024-02-29", "2024-03-01"); // → true
 * isBefore("2024-03-01", "2024-03-01"); // → false
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function isBefore(a: LegalDate, b: LegalDate): boolean {
  dateArg(a, "isBefore", "a");
  dateArg(b, "isBefore", "b");
  return a < b;
}

/**
 * True when `a` is strictly after `b` (晚于).
 * @param a - a legal date
 * @param b - a legal date
 * @returns `a > b`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { isAfter } from "@sannong/core";
 * isAfter("2025-01-01", "2024-12-31"); // → true
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function isAfter(a: LegalDate, b: LegalDate): boolean {
  dateArg(a, "isAfter", "a");
  dateArg(b, "isAfter", "b");
  return a > b;
}

function pick(fn: string, args: readonly unknown[], earliest: boolean): LegalDate {
  const list: readonly unknown[] = args.length === 1 && Array.isArray(args[0]) ? (args[0] as readonly unknown[]) : args;
  const listed = list !== args;
  if (list.length === 0) {
    argError(fn, listed ? ["dates"] : [], "too_small", "至少需要一个日期", "at least one date is required");
  }
  let best: string | undefined;
  list.forEach((v, i) => {
    dateArg(v, fn, listed ? ["dates", i] : [i]);
    const s = v as string;
    if (best === undefined || (earliest ? s < best : s > best)) best = s;
  });
  return best as string;
}

/**
 * The earliest of several dates (最早日期); pass them as arguments or as one array.
 * @param dates - one or more legal dates
 * @returns the earliest
 * @throws {@link ValidationError} `INVALID_INPUT` for none or a bad date
 * @example
 * ```ts
 * import { minDate } from "@sannong/core";
 * minDate("2024-03-01", "2023-12-31"); // → "2023-12-31"
 * minDate(["2024-03-01", "2024-02-29"]); // → "2024-02-29"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function minDate(...dates: LegalDate[] | [readonly LegalDate[]]): LegalDate {
  return pick("minDate", dates, true);
}

/**
 * The latest of several dates (最晚日期); pass them as arguments or as one array.
 * @param dates - one or more legal dates
 * @returns the latest
 * @throws {@link ValidationError} `INVALID_INPUT` for none or a bad date
 * @example
 * ```ts
 * import { maxDate } from "@sannong/core";
 * maxDate("2024-03-01", "2023-12-31"); // → "2024-03-01"
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function maxDate(...dates: LegalDate[] | [readonly LegalDate[]]): LegalDate {
  return pick("maxDate", dates, false);
}

/**
 * The year (年份) of a date or a month.
 * @param value - a legal date or a `YYYY-MM`
 * @returns the year
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { yearOf } from "@sannong/core";
 * yearOf("2024-02-29"); // → 2024
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function yearOf(value: DateOrYearMonth): number {
  return dateOrYearMonthArg(value, "yearOf", "value").year;
}

/**
 * The month (月份, 1–12) of a date or a month.
 * @param value - a legal date or a `YYYY-MM`
 * @returns 1–12
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { monthOf } from "@sannong/core";
 * monthOf("2024-02-29"); // → 2
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function monthOf(value: DateOrYearMonth): number {
  return dateOrYearMonthArg(value, "monthOf", "value").month;
}

/**
 * The day of the month (日, 1–31) of a date.
 * @param date - a legal date
 * @returns 1–31
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date
 * @example
 * ```ts
 * import { dayOf } from "@sannong/core";
 * dayOf("2024-02-29"); // → 29
 * ```
 * @remarks Implements CORE-DATE-1.
 */
export function dayOf(date: LegalDate): number {
  return dateArg(date, "dayOf", "date").day;
}
