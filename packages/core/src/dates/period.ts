import * as z from "zod";
import { addIssue } from "../validation/parse";
import { argError, intArg, objectArg, show } from "./args";
import {
  MAX_DAY,
  MAX_YEAR,
  MIN_YEAR,
  dateArg,
  dateOfDayNumber,
  fmt,
  legalDateSchema,
  monthLength,
  outOfRange,
  toDayNumber,
  type DateParts,
  type LegalDate,
} from "./date";
import { MAX_MONTH_INDEX, MIN_MONTH_INDEX, fmtMonthIndex, type YearMonth } from "./yearMonth";

/**
 * A period (期间): the legal dates `from` … `to`, both included, with
 * `from ≤ to`. A one-day period has `from === to`.
 * @remarks Implements CORE-PERIOD-1.
 */
export interface Period {
  /** First day, included. */
  readonly from: LegalDate;
  /** Last day, included. */
  readonly to: LegalDate;
}

/**
 * zod schema of a {@link Period}: `{ from, to }` (no other keys), two legal
 * dates with `from ≤ to` (issue code `period_reversed` at `to`).
 * @example
 * ```ts
 * import { periodSchema } from "@sannong/core";
 * periodSchema.safeParse({ from: "2024-01-01", to: "2024-12-31" }).success; // → true
 * periodSchema.safeParse({ from: "2024-12-31", to: "2024-01-01" }).success; // → false
 * ```
 * @remarks Implements CORE-PERIOD-1.
 */
export const periodSchema = z.strictObject({ from: legalDateSchema, to: legalDateSchema }).superRefine((p, ctx) => {
  if (p.from > p.to)
    addIssue(
      ctx,
      `期间终止日 ${p.to} 早于起始日 ${p.from}`,
      `the period ends (${p.to}) before it starts (${p.from})`,
      ["to"],
      "period_reversed",
    );
});

/** The length of each period of {@link periodsFrom}: whole months or whole years. */
export type PeriodLength = { readonly months: number } | { readonly years: number };

/** The calendar periods of {@link calendarPeriods}: 月, 季度, 年. */
export type CalendarPeriodKind = "month" | "quarter" | "year";

/** The kinds of calendar period, in order of length. */
export const CALENDAR_PERIOD_KINDS: readonly CalendarPeriodKind[] = Object.freeze([
  "month",
  "quarter",
  "year",
] as const);

/** zod schema of {@link PeriodLength}: `{ months }` or `{ years }`, a positive integer. */
export const periodLengthSchema = z.union([
  z.strictObject({ months: z.number().int().min(1).max(3600) }),
  z.strictObject({ years: z.number().int().min(1).max(300) }),
]);

/** The period as validated parts and day numbers. @internal */
interface ReadPeriod {
  readonly from: DateParts;
  readonly to: DateParts;
  readonly fromDay: number;
  readonly toDay: number;
}

/** Reads a period argument or throws a ValidationError under `name`. @internal */
export function periodArg(p: unknown, fn: string, name: string): ReadPeriod {
  const o = objectArg(p, fn, [name], ["from", "to"]);
  const from = dateArg(o["from"], fn, [name, "from"]);
  const to = dateArg(o["to"], fn, [name, "to"]);
  const fromDay = toDayNumber(from.year, from.month, from.day);
  const toDay = toDayNumber(to.year, to.month, to.day);
  if (fromDay > toDay) {
    argError(
      fn,
      [name, "to"],
      "period_reversed",
      `期间终止日 ${show(o["to"])} 早于起始日 ${show(o["from"])}`,
      `the period ends (${show(o["to"])}) before it starts (${show(o["from"])})`,
    );
  }
  return { from, to, fromDay, toDay };
}

function period(fromDay: number, toDay: number, fn: string): Period {
  return Object.freeze({ from: dateOfDayNumber(fromDay, fn, "from"), to: dateOfDayNumber(toDay, fn, "to") });
}

/** Day number of `start` shifted by `n` months (clamped), without range checks. */
function monthShiftDay(start: DateParts, n: number): number {
  const i = start.year * 12 + start.month - 1 + n;
  const y = Math.floor(i / 12);
  const m = i - y * 12 + 1;
  return toDayNumber(y, m, Math.min(start.day, monthLength(y, m)));
}

function lengthArg(length: unknown, fn: string): number {
  const o = objectArg(length, fn, ["length"], ["months", "years"]);
  const hasM = o["months"] !== undefined;
  const hasY = o["years"] !== undefined;
  if (hasM === hasY) {
    argError(
      fn,
      ["length"],
      "invalid_length",
      "期长应为 { months } 或 { years } 之一",
      "the length must be exactly one of { months } or { years }",
    );
  }
  return hasM
    ? intArg(o["months"], fn, ["length", "months"], 1, 3600)
    : intArg(o["years"], fn, ["length", "years"], 1, 300) * 12;
}

/**
 * Consecutive periods of equal length aligned to a start date (按期划分), e.g.
 * 3- or 5-year periods (期) from the date a scheme starts. Period `i` runs
 * from `addMonths(start, i × length)` to the day before
 * `addMonths(start, (i + 1) × length)`, always computed from `start` (never
 * chained), so the periods cover `count × length` months without gap or
 * overlap and a month-end start never drifts.
 * @param start - first day of the first period
 * @param length - `{ months: n }` or `{ years: n }`, n ≥ 1
 * @param count - how many periods, ≥ 1
 * @returns `count` periods in order
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date, length or count;
 *   {@link PolicyError} `DATE_OUT_OF_RANGE` when the last period ends after 2199
 * @example
 * ```ts
 * import { periodsFrom } from "@sannong/core";
 * periodsFrom("2022-07-01", { years: 5 }, 2); // → [{ from: "2022-07-01", to: "2027-06-30" }, { from: "2027-07-01", to: "2032-06-30" }]
 * periodsFrom("2024-01-31", { months: 1 }, 2); // → [{ from: "2024-01-31", to: "2024-02-28" }, { from: "2024-02-29", to: "2024-03-30" }]
 * ```
 * @remarks Implements CORE-PERIOD-1 (000 §三3 每期; 004 以3—5年为周期).
 */
export function periodsFrom(start: LegalDate, length: PeriodLength, count: number): Period[] {
  const fn = "periodsFrom";
  const s = dateArg(start, fn, "start");
  const months = lengthArg(length, fn);
  intArg(count, fn, "count", 1, Number.MAX_SAFE_INTEGER);
  if (count * months > MAX_MONTH_INDEX - MIN_MONTH_INDEX + 1 || monthShiftDay(s, count * months) - 1 > MAX_DAY) {
    outOfRange(fn, `${start} + ${count} × ${months} months`);
  }
  const out: Period[] = [];
  let from = toDayNumber(s.year, s.month, s.day);
  for (let i = 1; i <= count; i++) {
    const next = monthShiftDay(s, i * months);
    out.push(period(from, next - 1, fn));
    from = next;
  }
  return out;
}

function kindArg(kind: unknown, fn: string): 1 | 3 | 12 {
  if (kind === "month") return 1;
  if (kind === "quarter") return 3;
  if (kind === "year") return 12;
  return argError(
    fn,
    ["kind"],
    "invalid_value",
    `期间类型应为 "month"、"quarter" 或 "year"，实际为 ${show(kind)}`,
    `kind must be "month", "quarter" or "year", got ${show(kind)}`,
  );
}

/** Options of {@link calendarPeriods}. */
export interface CalendarPeriodsOptions {
  /**
   * Clip the first and last period to `from` and `to` (default `true`, so the
   * periods partition `from … to` exactly); `false` returns whole calendar
   * periods.
   */
  readonly clip?: boolean;
}

/**
 * The calendar months, quarters or years (自然月、季度、年度) that meet the
 * dates `from` … `to`, in order. By default the first and last are clipped
 * to `from` and `to`, so the periods cover exactly `from … to` with no gap
 * and no overlap.
 * @param kind - `"month"`, `"quarter"` or `"year"`
 * @param from - first day
 * @param to - last day (≥ from)
 * @param options - `{ clip?: boolean }` (default `true`)
 * @returns the periods in order
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad kind, date, option or `to < from`
 * @example
 * ```ts
 * import { calendarPeriods } from "@sannong/core";
 * calendarPeriods("quarter", "2024-02-15", "2024-07-10").map((p) => `${p.from}..${p.to}`); // → ["2024-02-15..2024-03-31", "2024-04-01..2024-06-30", "2024-07-01..2024-07-10"]
 * calendarPeriods("year", "2024-02-15", "2025-01-01", { clip: false }); // → [{ from: "2024-01-01", to: "2024-12-31" }, { from: "2025-01-01", to: "2025-12-31" }]
 * ```
 * @remarks Implements CORE-PERIOD-1.
 */
export function calendarPeriods(
  kind: CalendarPeriodKind,
  from: LegalDate,
  to: LegalDate,
  options?: CalendarPeriodsOptions,
): Period[] {
  const fn = "calendarPeriods";
  const step = kindArg(kind, fn);
  const p = periodArg({ from, to }, fn, "period");
  let clip = true;
  if (options !== undefined) {
    const o = objectArg(options, fn, ["options"], ["clip"]);
    if (o["clip"] !== undefined && typeof o["clip"] !== "boolean") {
      argError(
        fn,
        ["options", "clip"],
        "invalid_type",
        `应为布尔值，实际为 ${show(o["clip"])}`,
        `expected a boolean, got ${show(o["clip"])}`,
      );
    }
    clip = o["clip"] !== false;
  }
  const out: Period[] = [];
  let i = p.from.year * 12 + Math.floor((p.from.month - 1) / step) * step;
  const last = p.to.year * 12 + p.to.month - 1;
  for (; i <= last; i += step) {
    const y = Math.floor(i / 12);
    const m = i - y * 12 + 1;
    const endM = m + step - 1;
    let a = toDayNumber(y, m, 1);
    let b = toDayNumber(y, endM, monthLength(y, endM));
    if (clip) {
      a = Math.max(a, p.fromDay);
      b = Math.min(b, p.toDay);
    }
    out.push(period(a, b, fn));
  }
  return out;
}

/**
 * The calendar month, quarter or year containing a date.
 * @param kind - `"month"`, `"quarter"` or `"year"`
 * @param date - a legal date
 * @returns the whole calendar period around `date`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad kind or date
 * @example
 * ```ts
 * import { calendarPeriodOf } from "@sannong/core";
 * calendarPeriodOf("quarter", "2024-05-20"); // → { from: "2024-04-01", to: "2024-06-30" }
 * ```
 * @remarks Implements CORE-PERIOD-1.
 */
export function calendarPeriodOf(kind: CalendarPeriodKind, date: LegalDate): Period {
  const step = kindArg(kind, "calendarPeriodOf");
  const d = dateArg(date, "calendarPeriodOf", "date");
  const m = Math.floor((d.month - 1) / step) * step + 1;
  const e = m + step - 1;
  return Object.freeze({ from: fmt(d.year, m, 1), to: fmt(d.year, e, monthLength(d.year, e)) });
}

/**
 * Consecutive multi-year periods (多年期) of whole calendar years: the first
 * runs 1 January `firstYear` … 31 December `firstYear + lengthYears − 1`, the
 * next starts the following 1 January.
 * @param firstYear - first calendar year, 1900–2199
 * @param lengthYears - years per period, ≥ 1
 * @param count - how many periods, ≥ 1
 * @returns `count` periods in order
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad argument;
 *   {@link PolicyError} `DATE_OUT_OF_RANGE` after 2199
 * @example
 * ```ts
 * import { multiYearPeriods } from "@sannong/core";
 * multiYearPeriods(2021, 3, 2); // → [{ from: "2021-01-01", to: "2023-12-31" }, { from: "2024-01-01", to: "2026-12-31" }]
 * ```
 * @remarks Implements CORE-PERIOD-1 (000 §三3 每期).
 */
export function multiYearPeriods(firstYear: number, lengthYears: number, count: number): Period[] {
  const fn = "multiYearPeriods";
  intArg(firstYear, fn, "firstYear", MIN_YEAR, MAX_YEAR);
  intArg(lengthYears, fn, "lengthYears", 1, 300);
  intArg(count, fn, "count", 1, Number.MAX_SAFE_INTEGER);
  if (firstYear + count * lengthYears - 1 > MAX_YEAR) outOfRange(fn, `${firstYear} + ${count} × ${lengthYears} years`);
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    const y = firstYear + i * lengthYears;
    out.push(Object.freeze({ from: fmt(y, 1, 1), to: fmt(y + lengthYears - 1, 12, 31) }));
  }
  return out;
}

/**
 * True when a period contains a date (期间内), both ends included.
 * @param p - a period
 * @param date - a legal date
 * @returns `p.from ≤ date ≤ p.to`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad period or date
 * @example
 * ```ts
 * import { periodContains } from "@sannong/core";
 * periodContains({ from: "2024-01-01", to: "2024-12-31" }, "2024-12-31"); // → true
 * periodContains({ from: "2024-01-01", to: "2024-12-31" }, "2025-01-01"); // → false
 * ```
 * @remarks Implements CORE-PERIOD-1.
 */
export function periodContains(p: Period, date: LegalDate): boolean {
  const r = periodArg(p, "periodContains", "p");
  const d = dateArg(date, "periodContains", "date");
  const n = toDayNumber(d.year, d.month, d.day);
  return n >= r.fromDay && n <= r.toDay;
}

/**
 * The number of days in a period (期间天数), both ends included.
 * @param p - a period
 * @returns ≥ 1
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad period
 * @example
 * ```ts
 * import { periodLengthDays } from "@sannong/core";
 * periodLengthDays({ from: "2024-01-01", to: "2024-12-31" }); // → 366
 * ```
 * @remarks Implements CORE-PERIOD-1.
 */
export function periodLengthDays(p: Period): number {
  const r = periodArg(p, "periodLengthDays", "p");
  return r.toDay - r.fromDay + 1;
}

/**
 * The number of days two periods share (重叠天数), 0 when they do not meet.
 * @param a - a period
 * @param b - a period
 * @returns days in both, ≥ 0
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad period
 * @example
 * ```ts
 * import { overlapDays } from "@sannong/core";
 * overlapDays({ from: "2024-01-15", to: "2024-03-10" }, { from: "2024-02-01", to: "2024-12-31" }); // → 39
 * ```
 * @remarks Implements CORE-PERIOD-1.
 */
export function overlapDays(a: Period, b: Period): number {
  const x = periodArg(a, "overlapDays", "a");
  const y = periodArg(b, "overlapDays", "b");
  return Math.max(0, Math.min(x.toDay, y.toDay) - Math.max(x.fromDay, y.fromDay) + 1);
}

/**
 * The number of whole calendar months (整月) that both periods cover from
 * their first to their last day; a month only partly covered by either does
 * not count.
 * @param a - a period
 * @param b - a period
 * @returns whole months in both, ≥ 0
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad period
 * @example
 * ```ts
 * import { overlapMonths } from "@sannong/core";
 * // whole months inside both: February to June
 * overlapMonths({ from: "2024-01-15", to: "2024-06-30" }, { from: "2024-01-01", to: "2024-12-31" }); // → 5
 * ```
 * @remarks Implements CORE-PERIOD-1.
 */
export function overlapMonths(a: Period, b: Period): number {
  const x = periodArg(a, "overlapMonths", "a");
  const y = periodArg(b, "overlapMonths", "b");
  const s = x.fromDay >= y.fromDay ? x.from : y.from;
  const e = x.toDay <= y.toDay ? x.to : y.to;
  const first = s.year * 12 + s.month - 1 + (s.day === 1 ? 0 : 1);
  const last = e.year * 12 + e.month - 1 - (e.day === monthLength(e.year, e.month) ? 0 : 1);
  return Math.max(0, last - first + 1);
}

/**
 * The calendar months a period touches (期间所含月份), in order, including
 * months it covers only in part.
 * @param p - a period
 * @returns the `YYYY-MM` of every month from `p.from`'s to `p.to`'s
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad period
 * @example
 * ```ts
 * import { monthsOfPeriod } from "@sannong/core";
 * monthsOfPeriod({ from: "2024-11-15", to: "2025-02-01" }); // → ["2024-11", "2024-12", "2025-01", "2025-02"]
 * ```
 * @remarks Implements CORE-PERIOD-1.
 */
export function monthsOfPeriod(p: Period): YearMonth[] {
  const r = periodArg(p, "monthsOfPeriod", "p");
  const out: YearMonth[] = [];
  const last = r.to.year * 12 + r.to.month - 1;
  for (let i = r.from.year * 12 + r.from.month - 1; i <= last; i++) out.push(fmtMonthIndex(i));
  return out;
}
