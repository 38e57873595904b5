import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as core from "@sannong/core";
import { expectSannongError } from "../../../../test/helpers";
import {
  compareDates,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isLeapYear,
  isLegalDate,
  legalDateSchema,
  parseDate,
  toDayNumber,
  MAX_DAY,
  MIN_DAY,
} from "./date";
import { parseInput, ValidationError } from "@sannong/core";

describe("legal dates", () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])("CORE-DATE-1: isLeapYear(%i) = %s", (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2100, 2, 28],
    [2000, 2, 29],
    [2024, 1, 31],
    [2024, 4, 30],
    [2024, 11, 30],
    [2024, 12, 31],
  ])("CORE-DATE-1: daysInMonth(%i, %i) = %i", (y, m, d) => {
    expect(daysInMonth(y, m)).toBe(d);
  });

  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["2023-02-30", false],
    ["2023-04-31", false],
    ["2023-13-01", false],
    ["2023-00-10", false],
    ["2023-01-00", false],
    ["2023-1-01", false],
    ["2023-01-01T00:00:00Z", false],
    [" 2023-01-01", false],
    ["1899-12-31", false],
    ["1900-01-01", true],
    ["2199-12-31", true],
    ["2200-01-01", false],
  ])("CORE-DATE-1: isLegalDate(%s) = %s", (v, ok) => {
    expect(isLegalDate(v)).toBe(ok);
    expect(legalDateSchema.safeParse(v).success).toBe(ok);
  });

  it("CORE-DATE-1: isLegalDate never throws on non-strings", () => {
    for (const v of [undefined, null, 20240229, {}, [], NaN, true]) expect(isLegalDate(v)).toBe(false);
  });

  it("CORE-DATE-1: parseDate splits a date and refuses 2023-02-30 with INVALID_DATE", () => {
    expect(parseDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expectSannongError(() => parseDate("2023-02-30"), "INVALID_DATE");
    expectSannongError(() => parseDate(42 as unknown as string), "INVALID_DATE");
  });

  it("CORE-DATE-1: formatDate pads and checks the day exists", () => {
    expect(formatDate(2024, 2, 29)).toBe("2024-02-29");
    expect(formatDate(1900, 1, 1)).toBe("1900-01-01");
    expectSannongError(() => formatDate(2023, 2, 29), "INVALID_INPUT", ["day"]);
    expectSannongError(() => formatDate(2023, 13, 1), "INVALID_INPUT", ["month"]);
    expectSannongError(() => formatDate(2023.5, 1, 1), "INVALID_INPUT", ["year"]);
    expectSannongError(() => formatDate(2200, 1, 1), "INVALID_INPUT", ["year"]);
  });

  it("CORE-DATE-1: compareDates orders dates and validates both", () => {
    expect(compareDates("2024-01-31", "2024-02-01")).toBe(-1);
    expect(compareDates("2024-02-01", "2024-02-01")).toBe(0);
    expect(compareDates("2025-01-01", "2024-12-31")).toBe(1);
    expectSannongError(() => compareDates("2024-02-30", "2024-01-01"), "INVALID_INPUT", ["a"]);
    expectSannongError(() => compareDates("2024-01-01", "x"), "INVALID_INPUT", ["b"]);
  });

  it("CORE-DATE-1: bad arguments of isLeapYear and daysInMonth are typed errors, not wrong numbers", () => {
    expectSannongError(() => isLeapYear(NaN), "INVALID_INPUT", ["year"]);
    expectSannongError(() => isLeapYear(Infinity), "INVALID_INPUT", ["year"]);
    expectSannongError(() => isLeapYear("2024" as unknown as number), "INVALID_INPUT", ["year"]);
    expectSannongError(() => daysInMonth(2024, 13), "INVALID_INPUT", ["month"]);
    expectSannongError(() => daysInMonth(2024, 0), "INVALID_INPUT", ["month"]);
    expectSannongError(() => daysInMonth(2024, 1.5), "INVALID_INPUT", ["month"]);
    const e = expectSannongError(() => daysInMonth(2024, 13), "INVALID_INPUT");
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.code).toBe("out_of_range");
  });

  it("CORE-DATE-1: legalDateSchema reports issue code invalid_date in zh and en", () => {
    let err: unknown;
    try {
      parseInput(core.legalDateSchema, "2023-02-30", "demo");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    const v = err as ValidationError;
    expect(v.issues[0]?.code).toBe("invalid_date");
    expect(v.zh).toContain("2023-02-30");
    expect(v.en).toContain("2023-02-30");
  });

  it("CORE-DATE-1: the integer day number agrees with Date.UTC on every legal date (reference property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (n) => {
        const p = fromDayNumber(n);
        expect(toDayNumber(p.year, p.month, p.day)).toBe(n);
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(formatDate(p.year, p.month, p.day)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
    expect(fromDayNumber(MIN_DAY)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(fromDayNumber(MAX_DAY)).toEqual({ year: 2199, month: 12, day: 31 });
    expect(MAX_DAY - MIN_DAY + 1).toBe(300 * 365 + 73); // 75 years divisible by 4 in 1900–2199, minus 1900 and 2100
  });

  it("CORE-DATE-1: the public door exports the date and period API", () => {
    for (const name of [
      "toYearMonth",
      "monthIndex",
      "fromMonthIndex",
      "addMonths",
      "addMonthsToYearMonth",
      "addDays",
      "addYears",
      "daysBetween",
      "startOfMonth",
      "endOfMonth",
      "quarterOf",
      "startOfQuarter",
      "endOfQuarter",
      "startOfYear",
      "endOfYear",
      "monthsRemainingInYear",
      "monthsBetween",
      "deadlineInYear",
      "lastYearOfPeriod",
      "isBefore",
      "isAfter",
      "minDate",
      "maxDate",
      "yearOf",
      "monthOf",
      "periodsFrom",
      "calendarPeriods",
      "multiYearPeriods",
      "periodContains",
      "overlapDays",
      "overlapMonths",
      "monthsOfPeriod",
    ]) {
      expect(typeof (core as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(typeof core.yearMonthSchema.safeParse).toBe("function");
    expect(typeof core.periodSchema.safeParse).toBe("function");
  });
});
