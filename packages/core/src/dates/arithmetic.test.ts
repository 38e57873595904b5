import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import {
  addDays,
  addMonths,
  addYears,
  dayOf,
  daysBetween,
  deadlineInYear,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  isAfter,
  isBefore,
  lastYearOfPeriod,
  maxDate,
  minDate,
  monthOf,
  monthsRemainingInYear,
  quarterOf,
  startOfMonth,
  startOfQuarter,
  startOfYear,
  yearOf,
} from "./arithmetic";
import { daysInMonth, fromDayNumber, formatDate, MAX_DAY, MIN_DAY } from "./date";
import { monthIndex } from "./yearMonth";

const dateArb = fc.integer({ min: MIN_DAY, max: MAX_DAY }).map((n) => {
  const p = fromDayNumber(n);
  return formatDate(p.year, p.month, p.day);
});
/** Reference: Date.UTC arithmetic, used only to check the integer implementation. */
const utcAddDays = (d: string, n: number): string =>
  new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) + n * 86_400_000).toISOString().slice(0, 10);

describe("date arithmetic", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2100-02-28", 1, "2100-03-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["2023-12-31", 1, "2024-01-01"],
    ["2024-01-01", -1, "2023-12-31"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2024-05-05", 0, "2024-05-05"],
  ])("CORE-DATE-1: addDays(%s, %i) = %s", (d, n, out) => {
    expect(addDays(d, n)).toBe(out);
  });

  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2100-01-31", 1, "2100-02-28"],
    ["2000-01-31", 1, "2000-02-29"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2024-11-30", 2, "2025-01-30"],
    ["2024-12-15", 1, "2025-01-15"],
    ["2024-01-15", -1, "2023-12-15"],
    ["2024-08-31", 1, "2024-09-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2024-05-31", -15, "2023-02-28"],
  ])("CORE-DATE-1: addMonths(%s, %i) = %s (clamped to month end)", (d, n, out) => {
    expect(addMonths(d, n)).toBe(out);
  });

  it.each([
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2096-02-29", 4, "2100-02-28"],
    ["1996-02-29", 4, "2000-02-29"],
    ["2024-02-29", -1, "2023-02-28"],
    ["2024-12-31", 1, "2025-12-31"],
  ])("CORE-DATE-1: addYears(%s, %i) = %s", (d, n, out) => {
    expect(addYears(d, n)).toBe(out);
  });

  it.each([
    ["2024-01-01", "2025-01-01", 366],
    ["2023-01-01", "2024-01-01", 365],
    ["2100-02-28", "2100-03-01", 1],
    ["2000-02-28", "2000-03-01", 2],
    ["2100-03-01", "2100-02-28", -1],
    ["2024-12-31", "2024-12-31", 0],
  ])("CORE-DATE-1: daysBetween(%s, %s) = %i", (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  it.each([
    ["2024-02-17", "2024-02-01", "2024-02-29", 1, "2024-01-01", "2024-03-31"],
    ["2100-02", "2100-02-01", "2100-02-28", 1, "2100-01-01", "2100-03-31"],
    ["2024-04-01", "2024-04-01", "2024-04-30", 2, "2024-04-01", "2024-06-30"],
    ["2024-06-30", "2024-06-01", "2024-06-30", 2, "2024-04-01", "2024-06-30"],
    ["2024-09-30", "2024-09-01", "2024-09-30", 3, "2024-07-01", "2024-09-30"],
    ["2024-11", "2024-11-01", "2024-11-30", 4, "2024-10-01", "2024-12-31"],
    ["2023-12-31", "2023-12-01", "2023-12-31", 4, "2023-10-01", "2023-12-31"],
  ])("CORE-DATE-1: %s → month %s…%s, quarter %i (%s…%s)", (v, som, eom, q, soq, eoq) => {
    expect(startOfMonth(v)).toBe(som);
    expect(endOfMonth(v)).toBe(eom);
    expect(quarterOf(v)).toBe(q);
    expect(startOfQuarter(v)).toBe(soq);
    expect(endOfQuarter(v)).toBe(eoq);
    expect(startOfYear(v)).toBe(`${v.slice(0, 4)}-01-01`);
    expect(endOfYear(v)).toBe(`${v.slice(0, 4)}-12-31`);
  });

  it.each([
    ["2022-07-15", false, 5],
    ["2022-07-15", true, 6],
    ["2022-01-01", false, 11],
    ["2022-01-01", true, 12],
    ["2022-12-31", false, 0],
    ["2022-12-01", true, 1],
  ])("CORE-DATE-1: monthsRemainingInYear(%s, includeCurrent %s) = %i (000 §三3 当年剩余月份)", (d, inc, n) => {
    expect(monthsRemainingInYear(d, { includeCurrent: inc })).toBe(n);
    if (!inc) expect(monthsRemainingInYear(d)).toBe(n);
  });

  it("CORE-DATE-1: the 000 §三3 deadline — by the end of November of the last year of each period", () => {
    // A 5-year period starting in 2022: its last year is 2026, the next period's money is due by 2026-11-30.
    expect(lastYearOfPeriod(2022, 5)).toBe(2026);
    expect(deadlineInYear(lastYearOfPeriod(2022, 5), 11, "end")).toBe("2026-11-30");
    expect(deadlineInYear(2024, 11, 30)).toBe("2024-11-30");
    expect(lastYearOfPeriod(2024, 1)).toBe(2024);
    expect(deadlineInYear(2024, 2, "end")).toBe("2024-02-29");
    expect(deadlineInYear(2100, 2, "end")).toBe("2100-02-28");
    expect(deadlineInYear(2024, 12, 31)).toBe("2024-12-31");
  });

  it("CORE-DATE-1: comparisons, min/max and parts", () => {
    expect(isBefore("2024-02-29", "2024-03-01")).toBe(true);
    expect(isBefore("2024-03-01", "2024-03-01")).toBe(false);
    expect(isAfter("2025-01-01", "2024-12-31")).toBe(true);
    expect(isAfter("2024-12-31", "2024-12-31")).toBe(false);
    expect(minDate("2024-03-01", "2023-12-31")).toBe("2023-12-31");
    expect(minDate(["2024-03-01", "2024-02-29"])).toBe("2024-02-29");
    expect(maxDate("2024-03-01", "2023-12-31", "2024-02-29")).toBe("2024-03-01");
    expect(maxDate(["2024-01-01"])).toBe("2024-01-01");
    expect(yearOf("2024-02-29")).toBe(2024);
    expect(monthOf("2024-02-29")).toBe(2);
    expect(monthOf("2024-12")).toBe(12);
    expect(dayOf("2024-02-29")).toBe(29);
  });

  it("CORE-DATE-1: property — daysBetween(d, addDays(d, n)) = n, daysBetween(addDays(d, n), d) = −n, and addDays matches a Date.UTC reference", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        let r: string;
        try {
          r = addDays(d, n);
        } catch {
          const t = utcAddDays(d, n);
          expect(t < "1900-01-01" || t > "2199-12-31").toBe(true);
          expectSannongError(() => addDays(d, n), "DATE_OUT_OF_RANGE");
          return;
        }
        expect(r).toBe(utcAddDays(d, n));
        expect(daysBetween(d, r)).toBe(n);
        expect(daysBetween(r, d)).toBe(n === 0 ? 0 : -n);
      }),
      { numRuns: 1000 },
    );
  });

  it("CORE-DATE-1: property — addMonths moves the month index by n and keeps the day unless the month is shorter", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const i = monthIndex(d) + n;
        if (i < 1900 * 12 || i > 2199 * 12 + 11) {
          expectSannongError(() => addMonths(d, n), "DATE_OUT_OF_RANGE");
          return;
        }
        const r = addMonths(d, n);
        expect(monthIndex(r) - monthIndex(d)).toBe(n);
        expect(dayOf(r)).toBe(Math.min(dayOf(d), daysInMonth(yearOf(r), monthOf(r))));
        expect(addYears(d, 0)).toBe(d);
        if (n % 12 === 0) expect(addYears(d, n / 12)).toBe(r);
      }),
      { numRuns: 1000 },
    );
  });

  it("CORE-DATE-1: property — month, quarter and year bounds bracket the date and adjoin the next period", () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(startOfMonth(d) <= d && d <= endOfMonth(d)).toBe(true);
        expect(startOfQuarter(d) <= startOfMonth(d) && endOfMonth(d) <= endOfQuarter(d)).toBe(true);
        expect(startOfYear(d) <= startOfQuarter(d) && endOfQuarter(d) <= endOfYear(d)).toBe(true);
        if (d < "2199-12-01") expect(dayOf(addDays(endOfMonth(d), 1))).toBe(1);
        expect(daysBetween(startOfQuarter(d), endOfQuarter(d)) + 1).toBeGreaterThanOrEqual(90);
        expect(quarterOf(startOfQuarter(d))).toBe(quarterOf(d));
        expect(monthsRemainingInYear(d, { includeCurrent: true })).toBe(monthsRemainingInYear(d) + 1);
      }),
    );
  });

  it("CORE-DATE-1: bad input — invalid dates, non-integers, NaN, Infinity, unknown options — is a typed error", () => {
    expectSannongError(() => addDays("2023-02-30", 1), "INVALID_INPUT", ["date"]);
    expectSannongError(() => addDays("2023-02-28", 1.5), "INVALID_INPUT", ["n"]);
    expectSannongError(() => addDays("2023-02-28", NaN), "INVALID_INPUT", ["n"]);
    expectSannongError(() => addDays("2023-02-28", Infinity), "INVALID_INPUT", ["n"]);
    expectSannongError(() => addDays("2023-02-28", "1" as unknown as number), "INVALID_INPUT", ["n"]);
    expectSannongError(() => addDays("2199-12-31", 1), "DATE_OUT_OF_RANGE");
    expectSannongError(() => addDays("1900-01-01", -1), "DATE_OUT_OF_RANGE");
    expectSannongError(() => addDays("2000-01-01", Number.MAX_SAFE_INTEGER), "DATE_OUT_OF_RANGE");
    expectSannongError(() => addMonths("2024-02-30", 1), "INVALID_INPUT", ["date"]);
    expectSannongError(() => addMonths("2199-12-01", 1), "DATE_OUT_OF_RANGE");
    expectSannongError(() => addMonths("2024-01-01", Number.MAX_SAFE_INTEGER), "DATE_OUT_OF_RANGE");
    expectSannongError(() => addYears("2024-02-29", 0.5), "INVALID_INPUT", ["n"]);
    expectSannongError(() => addYears("2150-01-01", 50), "DATE_OUT_OF_RANGE");
    expectSannongError(() => daysBetween("2024-01-01", "2024-1-2"), "INVALID_INPUT", ["b"]);
    expectSannongError(() => startOfMonth("2024-13"), "INVALID_INPUT", ["value"]);
    expectSannongError(() => endOfMonth(undefined as unknown as string), "INVALID_INPUT", ["value"]);
    expectSannongError(() => quarterOf("2024-02-30"), "INVALID_INPUT", ["value"]);
    expectSannongError(() => monthsRemainingInYear("2022-07-15", { includeCurent: true } as never), "INVALID_INPUT", [
      "options",
      "includeCurent",
    ]);
    expectSannongError(() => monthsRemainingInYear("2022-07-15", { includeCurrent: "yes" } as never), "INVALID_INPUT", [
      "options",
      "includeCurrent",
    ]);
    expectSannongError(() => monthsRemainingInYear("2022-07-15", null as never), "INVALID_INPUT", ["options"]);
    expectSannongError(
      () => monthsRemainingInYear("2022-07-15", JSON.parse('{"__proto__": {"includeCurrent": true}}') as never),
      "INVALID_INPUT",
      ["options", "__proto__"],
    );
    expectSannongError(() => deadlineInYear(2023, 2, 29), "INVALID_INPUT", ["day"]);
    expectSannongError(() => deadlineInYear(2024, 11, 31), "INVALID_INPUT", ["day"]);
    expectSannongError(() => deadlineInYear(2024, 13, "end"), "INVALID_INPUT", ["month"]);
    expectSannongError(() => deadlineInYear(2024, 11, "last" as never), "INVALID_INPUT", ["day"]);
    expectSannongError(() => lastYearOfPeriod(2022, 0), "INVALID_INPUT", ["lengthYears"]);
    expectSannongError(() => lastYearOfPeriod(2022, -3), "INVALID_INPUT", ["lengthYears"]);
    expectSannongError(() => lastYearOfPeriod(2199, 2), "DATE_OUT_OF_RANGE");
    expectSannongError(() => isBefore("2024-02-30", "2024-03-01"), "INVALID_INPUT", ["a"]);
    expectSannongError(() => isAfter("2024-02-29", ""), "INVALID_INPUT", ["b"]);
    expectSannongError(() => minDate(), "INVALID_INPUT");
    expectSannongError(() => minDate([]), "INVALID_INPUT", ["dates"]);
    expectSannongError(() => maxDate(["2024-01-01", "2024-02-30"]), "INVALID_INPUT", ["dates", 1]);
    expectSannongError(() => maxDate("2024-01-01", "2024-02-30"), "INVALID_INPUT", [1]);
    expectSannongError(() => yearOf(2024 as unknown as string), "INVALID_INPUT", ["value"]);
    expectSannongError(() => dayOf("2024-02"), "INVALID_INPUT", ["date"]);
  });

  it("CORE-DATE-1: inputs are not mutated (frozen options work)", () => {
    const opts = deepFreeze({ includeCurrent: true });
    expect(monthsRemainingInYear("2022-07-15", opts)).toBe(6);
    const list = deepFreeze(["2024-03-01", "2024-01-01"]);
    expect(minDate(list)).toBe("2024-01-01");
    expect(list).toEqual(["2024-03-01", "2024-01-01"]);
  });
});
