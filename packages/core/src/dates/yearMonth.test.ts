import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { expectSannongError } from "../../../../test/helpers";
import {
  addMonthsToYearMonth,
  compareYearMonths,
  fromMonthIndex,
  isYearMonth,
  monthIndex,
  monthsBetween,
  toYearMonth,
  yearMonthSchema,
  MAX_MONTH_INDEX,
  MIN_MONTH_INDEX,
} from "./yearMonth";

const ymArb = fc.integer({ min: MIN_MONTH_INDEX, max: MAX_MONTH_INDEX }).map((i) => fromMonthIndex(i));

describe("year-months", () => {
  it.each([
    ["2024-02", true],
    ["2024-12", true],
    ["1900-01", true],
    ["2199-12", true],
    ["2024-13", false],
    ["2024-00", false],
    ["2024-2", false],
    ["2024-02-01", false],
    ["2200-01", false],
    ["1899-12", false],
  ])("CORE-DATE-1: isYearMonth(%s) = %s, and yearMonthSchema agrees", (v, ok) => {
    expect(isYearMonth(v)).toBe(ok);
    expect(yearMonthSchema.safeParse(v).success).toBe(ok);
  });

  it.each([
    ["2024-02-29", "2024-02"],
    ["2023-12-31", "2023-12"],
    ["2024-01-01", "2024-01"],
  ])("CORE-DATE-1: toYearMonth(%s) = %s", (d, ym) => {
    expect(toYearMonth(d)).toBe(ym);
  });

  it("CORE-DATE-1: monthIndex is year × 12 + month − 1 for dates and months alike", () => {
    expect(monthIndex("2024-01")).toBe(2024 * 12);
    expect(monthIndex("2024-01-31")).toBe(2024 * 12);
    expect(monthIndex("2024-12-31")).toBe(2024 * 12 + 11);
    expect(monthIndex("2024-03-15") - monthIndex("2023-12")).toBe(3);
    expect(fromMonthIndex(24288)).toBe("2024-01");
    expect(fromMonthIndex(monthIndex("2024-12") + 1)).toBe("2025-01");
  });

  it.each([
    ["2024-11", 3, "2025-02"],
    ["2024-01", -1, "2023-12"],
    ["2024-12", 1, "2025-01"],
    ["2024-12", -12, "2023-12"],
    ["2024-06", 0, "2024-06"],
  ])("CORE-DATE-1: addMonthsToYearMonth(%s, %i) = %s", (ym, n, out) => {
    expect(addMonthsToYearMonth(ym, n)).toBe(out);
  });

  it.each([
    ["2024-01", "2024-12", 12],
    ["2024-11", "2025-02", 4],
    ["2024-05", "2024-05", 1],
    ["2024-05", "2024-04", 0],
    ["2022-07-15", "2022-12-01", 6],
  ])("CORE-DATE-1: monthsBetween(%s, %s) = %i (inclusive)", (a, b, n) => {
    expect(monthsBetween(a, b)).toBe(n);
  });

  it("CORE-DATE-1: compareYearMonths orders months", () => {
    expect(compareYearMonths("2023-12", "2024-01")).toBe(-1);
    expect(compareYearMonths("2024-01", "2024-01")).toBe(0);
    expect(compareYearMonths("2024-02", "2024-01")).toBe(1);
  });

  it("CORE-DATE-1: property — fromMonthIndex inverts monthIndex, and month arithmetic is index arithmetic", () => {
    fc.assert(
      fc.property(ymArb, fc.integer({ min: -400, max: 400 }), (ym, n) => {
        expect(fromMonthIndex(monthIndex(ym))).toBe(ym);
        const i = monthIndex(ym) + n;
        if (i < MIN_MONTH_INDEX || i > MAX_MONTH_INDEX) {
          expectSannongError(() => addMonthsToYearMonth(ym, n), "DATE_OUT_OF_RANGE");
          return;
        }
        const r = addMonthsToYearMonth(ym, n);
        expect(monthIndex(r) - monthIndex(ym)).toBe(n);
        expect(monthsBetween(ym, r)).toBe(n >= 0 ? n + 1 : 0);
      }),
    );
  });

  it("CORE-DATE-1: bad input is a typed error naming the argument", () => {
    expectSannongError(() => toYearMonth("2023-02-30"), "INVALID_INPUT", ["date"]);
    expectSannongError(() => toYearMonth("2023-02"), "INVALID_INPUT", ["date"]);
    expectSannongError(() => monthIndex("2023-13"), "INVALID_INPUT", ["value"]);
    expectSannongError(() => monthIndex(202301 as unknown as string), "INVALID_INPUT", ["value"]);
    expectSannongError(() => fromMonthIndex(1.5), "INVALID_INPUT", ["index"]);
    expectSannongError(() => fromMonthIndex(NaN), "INVALID_INPUT", ["index"]);
    expectSannongError(() => fromMonthIndex(MAX_MONTH_INDEX + 1), "INVALID_INPUT", ["index"]);
    expectSannongError(() => addMonthsToYearMonth("2024-01", Infinity), "INVALID_INPUT", ["n"]);
    expectSannongError(() => addMonthsToYearMonth("2024-01-01", 1), "INVALID_INPUT", ["ym"]);
    expectSannongError(() => addMonthsToYearMonth("2199-12", 1), "DATE_OUT_OF_RANGE");
    expectSannongError(() => monthsBetween("2024-01", null as unknown as string), "INVALID_INPUT", ["to"]);
    expectSannongError(() => compareYearMonths("2024-1", "2024-01"), "INVALID_INPUT", ["a"]);
  });
});
