import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { parseInput } from "../validation/parse";
import { addDays, addMonths, daysBetween, endOfMonth, startOfMonth } from "./arithmetic";
import { formatDate, fromDayNumber, toDayNumber, MAX_DAY, MIN_DAY } from "./date";
import {
  calendarPeriodOf,
  calendarPeriods,
  monthsOfPeriod,
  multiYearPeriods,
  overlapDays,
  overlapMonths,
  periodContains,
  periodLengthDays,
  periodSchema,
  periodsFrom,
  type Period,
} from "./period";
import { fromMonthIndex, monthIndex, monthsBetween } from "./yearMonth";

const dayArb = (min = MIN_DAY, max = MAX_DAY): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((n) => {
    const p = fromDayNumber(n);
    return formatDate(p.year, p.month, p.day);
  });
const dn = (d: string): number => toDayNumber(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10));
/** A period of up to ~3 years inside 2000–2030 (small enough for brute-force references). */
const periodArb: fc.Arbitrary<Period> = fc
  .tuple(fc.integer({ min: dn("2000-01-01"), max: dn("2030-12-31") }), fc.integer({ min: 0, max: 1100 }))
  .map(([a, len]) => {
    const f = fromDayNumber(a);
    const t = fromDayNumber(a + len);
    return { from: formatDate(f.year, f.month, f.day), to: formatDate(t.year, t.month, t.day) };
  });

function expectPartition(ps: readonly Period[], from: string, to: string): void {
  expect(ps[0]?.from).toBe(from);
  expect(ps[ps.length - 1]?.to).toBe(to);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] as Period;
    expect(p.from <= p.to).toBe(true);
    if (i > 0) expect(addDays((ps[i - 1] as Period).to, 1)).toBe(p.from);
  }
}

describe("periods", () => {
  it("CORE-PERIOD-1: periodSchema accepts { from, to } with from ≤ to, rejects reversed periods and unknown keys", () => {
    expect(periodSchema.safeParse({ from: "2024-01-01", to: "2024-01-01" }).success).toBe(true);
    expect(periodSchema.safeParse({ from: "2024-12-31", to: "2024-01-01" }).success).toBe(false);
    expect(periodSchema.safeParse({ from: "2024-01-01", to: "2024-02-30" }).success).toBe(false);
    expect(periodSchema.safeParse({ from: "2024-01-01", to: "2024-12-31", note: "x" }).success).toBe(false);
    const e = expectSannongError(
      () => parseInput(periodSchema, { from: "2024-12-31", to: "2024-01-01" }, "demo"),
      "INVALID_INPUT",
      ["to"],
    );
    expect((e as unknown as { issues: { code: string }[] }).issues[0]?.code).toBe("period_reversed");
  });

  it("CORE-PERIOD-1: periodsFrom — 5-year periods (期) from a start date, and month-end starts that never drift", () => {
    expect(asJson(periodsFrom("2022-07-01", { years: 5 }, 2))).toEqual([
      { from: "2022-07-01", to: "2027-06-30" },
      { from: "2027-07-01", to: "2032-06-30" },
    ]);
    expect(asJson(periodsFrom("2024-01-31", { months: 1 }, 4))).toEqual([
      { from: "2024-01-31", to: "2024-02-28" },
      { from: "2024-02-29", to: "2024-03-30" },
      { from: "2024-03-31", to: "2024-04-29" },
      { from: "2024-04-30", to: "2024-05-30" },
    ]);
    expect(asJson(periodsFrom("2024-02-29", { years: 1 }, 2))).toEqual([
      { from: "2024-02-29", to: "2025-02-27" },
      { from: "2025-02-28", to: "2026-02-27" },
    ]);
    expect(asJson(periodsFrom("2024-01-01", { months: 3 }, 4))).toEqual([
      { from: "2024-01-01", to: "2024-03-31" },
      { from: "2024-04-01", to: "2024-06-30" },
      { from: "2024-07-01", to: "2024-09-30" },
      { from: "2024-10-01", to: "2024-12-31" },
    ]);
    expect(asJson(periodsFrom("2199-01-01", { years: 1 }, 1))).toEqual([{ from: "2199-01-01", to: "2199-12-31" }]);
  });

  it("CORE-PERIOD-1: property — periodsFrom covers count × length months from start without gaps or overlaps", () => {
    fc.assert(
      fc.property(
        dayArb(dn("1950-01-01"), dn("2100-12-31")),
        fc.oneof(
          fc.record({ months: fc.integer({ min: 1, max: 36 }) }),
          fc.record({ years: fc.integer({ min: 1, max: 5 }) }),
        ),
        fc.integer({ min: 1, max: 12 }),
        (start, length, count) => {
          const months = "months" in length ? length.months : length.years * 12;
          const ps = periodsFrom(start, length, count);
          expect(ps).toHaveLength(count);
          const end = addDays(addMonths(start, count * months), -1);
          expectPartition(ps, start, end);
          expect(ps.reduce((s, p) => s + periodLengthDays(p), 0)).toBe(daysBetween(start, end) + 1);
          ps.forEach((p, i) => expect(p.from).toBe(addMonths(start, i * months)));
        },
      ),
    );
  });

  it("CORE-PERIOD-1: calendarPeriods — clipped quarters partition the range; whole periods with clip false", () => {
    expect(asJson(calendarPeriods("quarter", "2024-02-15", "2024-07-10"))).toEqual([
      { from: "2024-02-15", to: "2024-03-31" },
      { from: "2024-04-01", to: "2024-06-30" },
      { from: "2024-07-01", to: "2024-07-10" },
    ]);
    expect(asJson(calendarPeriods("year", "2024-02-15", "2025-01-01", { clip: false }))).toEqual([
      { from: "2024-01-01", to: "2024-12-31" },
      { from: "2025-01-01", to: "2025-12-31" },
    ]);
    expect(asJson(calendarPeriods("month", "2023-12-31", "2024-02-29"))).toEqual([
      { from: "2023-12-31", to: "2023-12-31" },
      { from: "2024-01-01", to: "2024-01-31" },
      { from: "2024-02-01", to: "2024-02-29" },
    ]);
    expect(asJson(calendarPeriods("month", "2100-02-10", "2100-02-10", { clip: false }))).toEqual([
      { from: "2100-02-01", to: "2100-02-28" },
    ]);
    expect(asJson(calendarPeriodOf("quarter", "2024-05-20"))).toEqual({ from: "2024-04-01", to: "2024-06-30" });
    expect(asJson(calendarPeriodOf("year", "2024-05-20"))).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(asJson(calendarPeriodOf("month", "2000-02-03"))).toEqual({ from: "2000-02-01", to: "2000-02-29" });
  });

  it("CORE-PERIOD-1: property — calendarPeriods partitions [from, to], and unclipped periods are whole calendar periods", () => {
    fc.assert(
      fc.property(periodArb, fc.constantFrom("month" as const, "quarter" as const, "year" as const), (p, kind) => {
        const clipped = calendarPeriods(kind, p.from, p.to);
        expectPartition(clipped, p.from, p.to);
        const whole = calendarPeriods(kind, p.from, p.to, { clip: false });
        expect(whole).toHaveLength(clipped.length);
        whole.forEach((w, i) => {
          expect(w).toEqual(calendarPeriodOf(kind, (clipped[i] as Period).from));
          expect(periodContains(w, (clipped[i] as Period).from) && periodContains(w, (clipped[i] as Period).to)).toBe(
            true,
          );
        });
        if (kind === "month") expect(clipped).toHaveLength(monthsBetween(p.from, p.to));
      }),
    );
  });

  it("CORE-PERIOD-1: multiYearPeriods — whole calendar years, 1 Jan to 31 Dec", () => {
    expect(asJson(multiYearPeriods(2021, 3, 2))).toEqual([
      { from: "2021-01-01", to: "2023-12-31" },
      { from: "2024-01-01", to: "2026-12-31" },
    ]);
    const ps = multiYearPeriods(2000, 5, 20);
    expectPartition(ps, "2000-01-01", "2099-12-31");
    expect(asJson(multiYearPeriods(2199, 1, 1))).toEqual([{ from: "2199-01-01", to: "2199-12-31" }]);
  });

  it("CORE-PERIOD-1: containment, length and overlap — worked cases", () => {
    const y2024 = { from: "2024-01-01", to: "2024-12-31" };
    expect(periodContains(y2024, "2024-12-31")).toBe(true);
    expect(periodContains(y2024, "2024-01-01")).toBe(true);
    expect(periodContains(y2024, "2025-01-01")).toBe(false);
    expect(periodContains(y2024, "2023-12-31")).toBe(false);
    expect(periodLengthDays(y2024)).toBe(366);
    expect(periodLengthDays({ from: "2100-01-01", to: "2100-12-31" })).toBe(365);
    expect(overlapDays({ from: "2024-01-15", to: "2024-03-10" }, { from: "2024-02-01", to: "2024-12-31" })).toBe(39);
    expect(overlapDays({ from: "2024-01-01", to: "2024-01-31" }, { from: "2024-02-01", to: "2024-02-29" })).toBe(0);
    expect(overlapDays({ from: "2024-01-31", to: "2024-01-31" }, { from: "2024-01-31", to: "2024-02-29" })).toBe(1);
    expect(overlapMonths({ from: "2024-01-15", to: "2024-06-30" }, y2024)).toBe(5);
    expect(overlapMonths({ from: "2024-01-01", to: "2024-02-28" }, y2024)).toBe(1);
    expect(overlapMonths({ from: "2024-01-01", to: "2024-02-29" }, y2024)).toBe(2);
    expect(overlapMonths({ from: "2024-01-02", to: "2024-01-31" }, y2024)).toBe(0);
    expect(overlapMonths({ from: "2023-07-01", to: "2025-06-30" }, y2024)).toBe(12);
    expect(monthsOfPeriod({ from: "2024-11-15", to: "2025-02-01" })).toEqual([
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
    ]);
    expect(monthsOfPeriod({ from: "2024-02-29", to: "2024-02-29" })).toEqual(["2024-02"]);
  });

  it("CORE-PERIOD-1: property — overlapDays and overlapMonths agree with brute-force day and month counts", () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        const both = (d: string): boolean => periodContains(a, d) && periodContains(b, d);
        let days = 0;
        for (let n = Math.max(dn(a.from), dn(b.from)); n <= Math.min(dn(a.to), dn(b.to)); n++) {
          const p = fromDayNumber(n);
          if (both(formatDate(p.year, p.month, p.day))) days++;
        }
        expect(overlapDays(a, b)).toBe(days);
        expect(overlapDays(b, a)).toBe(days);
        expect(days).toBeLessThanOrEqual(Math.min(periodLengthDays(a), periodLengthDays(b)));
        let months = 0;
        for (let i = monthIndex(a.from) - 1; i <= monthIndex(a.to) + 1; i++) {
          const ym = fromMonthIndex(i);
          if (both(startOfMonth(ym)) && both(endOfMonth(ym))) months++;
        }
        expect(overlapMonths(a, b)).toBe(months);
        expect(overlapMonths(b, a)).toBe(months);
        const ms = monthsOfPeriod(a);
        expect(ms).toHaveLength(monthsBetween(a.from, a.to));
        expect(ms[0]).toBe(a.from.slice(0, 7));
        expect(ms[ms.length - 1]).toBe(a.to.slice(0, 7));
      }),
      { numRuns: 200 },
    );
  });

  it("CORE-PERIOD-1: results are deterministic and inputs are not mutated", () => {
    const len = deepFreeze({ years: 3 });
    const p = deepFreeze({ from: "2024-01-15", to: "2024-06-30" });
    expect(periodsFrom("2021-01-01", len, 3)).toEqual(periodsFrom("2021-01-01", len, 3));
    expect(overlapMonths(p, p)).toBe(5);
    expect(monthsOfPeriod(p)).toHaveLength(6);
  });

  it("CORE-PERIOD-1: bad input is a typed error with the field path", () => {
    expectSannongError(() => periodsFrom("2024-02-30", { months: 1 }, 1), "INVALID_INPUT", ["start"]);
    expectSannongError(() => periodsFrom("2024-01-01", { months: 0 }, 1), "INVALID_INPUT", ["length", "months"]);
    expectSannongError(() => periodsFrom("2024-01-01", { years: -1 }, 1), "INVALID_INPUT", ["length", "years"]);
    expectSannongError(() => periodsFrom("2024-01-01", { years: 1.5 }, 1), "INVALID_INPUT", ["length", "years"]);
    expectSannongError(() => periodsFrom("2024-01-01", { months: 1, years: 1 } as never, 1), "INVALID_INPUT", [
      "length",
    ]);
    expectSannongError(() => periodsFrom("2024-01-01", {} as never, 1), "INVALID_INPUT", ["length"]);
    expectSannongError(() => periodsFrom("2024-01-01", { weeks: 2 } as never, 1), "INVALID_INPUT", ["length", "weeks"]);
    expectSannongError(() => periodsFrom("2024-01-01", { months: NaN }, 1), "INVALID_INPUT", ["length", "months"]);
    expectSannongError(() => periodsFrom("2024-01-01", { months: 1 }, 0), "INVALID_INPUT", ["count"]);
    expectSannongError(() => periodsFrom("2024-01-01", { months: 1 }, Infinity), "INVALID_INPUT", ["count"]);
    expectSannongError(() => periodsFrom("2024-01-01", { years: 5 }, 100), "DATE_OUT_OF_RANGE");
    expectSannongError(() => periodsFrom("2024-01-01", { months: 1 }, Number.MAX_SAFE_INTEGER), "DATE_OUT_OF_RANGE");
    expectSannongError(() => calendarPeriods("week" as never, "2024-01-01", "2024-02-01"), "INVALID_INPUT", ["kind"]);
    expectSannongError(() => calendarPeriods("month", "2024-03-01", "2024-02-01"), "INVALID_INPUT", ["period", "to"]);
    expectSannongError(() => calendarPeriods("month", "2024-03-01", "2024-13-01"), "INVALID_INPUT", ["period", "to"]);
    expectSannongError(
      () => calendarPeriods("month", "2024-01-01", "2024-02-01", { clip: 1 } as never),
      "INVALID_INPUT",
      ["options", "clip"],
    );
    expectSannongError(
      () => calendarPeriods("month", "2024-01-01", "2024-02-01", { clipped: true } as never),
      "INVALID_INPUT",
      ["options", "clipped"],
    );
    expectSannongError(() => calendarPeriodOf("decade" as never, "2024-01-01"), "INVALID_INPUT", ["kind"]);
    expectSannongError(() => multiYearPeriods(2021, 0, 1), "INVALID_INPUT", ["lengthYears"]);
    expectSannongError(() => multiYearPeriods(1899, 1, 1), "INVALID_INPUT", ["firstYear"]);
    expectSannongError(() => multiYearPeriods(2190, 5, 3), "DATE_OUT_OF_RANGE");
    expectSannongError(() => periodContains({ from: "2024-02-01", to: "2024-01-01" }, "2024-01-15"), "INVALID_INPUT", [
      "p",
      "to",
    ]);
    expectSannongError(() => periodContains({ from: "2024-01-01" } as never, "2024-01-15"), "INVALID_INPUT", [
      "p",
      "to",
    ]);
    expectSannongError(
      () => periodContains({ from: "2024-01-01", to: "2024-02-01", extra: 1 } as never, "2024-01-15"),
      "INVALID_INPUT",
      ["p", "extra"],
    );
    expectSannongError(
      () => periodContains(JSON.parse('{"from":"2024-01-01","to":"2024-02-01","__proto__":{}}') as never, "2024-01-15"),
      "INVALID_INPUT",
      ["p", "__proto__"],
    );
    expectSannongError(() => periodContains(null as never, "2024-01-15"), "INVALID_INPUT", ["p"]);
    expectSannongError(() => periodContains(["2024-01-01", "2024-02-01"] as never, "2024-01-15"), "INVALID_INPUT", [
      "p",
    ]);
    expectSannongError(() => periodContains({ from: "2024-01-01", to: "2024-02-01" }, "2024-02-30"), "INVALID_INPUT", [
      "date",
    ]);
    expectSannongError(
      () => overlapDays({ from: "2024-01-01", to: "2024-02-01" }, { from: "x", to: "2024-02-01" }),
      "INVALID_INPUT",
      ["b", "from"],
    );
    expectSannongError(
      () => overlapMonths(undefined as never, { from: "2024-01-01", to: "2024-02-01" }),
      "INVALID_INPUT",
      ["a"],
    );
    expectSannongError(() => monthsOfPeriod({ from: "2024-01-01", to: 20240201 } as never), "INVALID_INPUT", [
      "p",
      "to",
    ]);
    expectSannongError(() => periodLengthDays({ from: "2024-01-01", to: "2023-12-31" }), "INVALID_INPUT", ["p", "to"]);
  });
});
