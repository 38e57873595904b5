import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { spreadOverYears, type SpreadOverYearsInput } from "./spreadOverYears";
import { fundsParameterSet } from "../parameters";
import { expectSannongError } from "../../../../test/helpers";

describe("spreadOverYears", () => {
  it("FUNDS-CYCLE-1: a 3-year plan of 1,000,000.00 adds up exactly and reports cumulative use", () => {
    const r = spreadOverYears({
      total: "1000000.00",
      startYear: 2024,
      years: 3,
      spent: [
        { year: 2024, amount: "200000.00" },
        { year: 2025, amount: "300000.00" },
        { year: 2025, amount: "100000.00" },
      ],
    });
    expect(r.years.map((y) => String(y.planned))).toEqual(["333333.34", "333333.33", "333333.33"]);
    expect(r.years.map((y) => String(y.cumulativeSpent))).toEqual(["200000.00", "600000.00", "600000.00"]);
    expect(r.years.map((y) => String(y.aheadOfPlan))).toEqual(["-133333.34", "-66666.67", "-400000.00"]);
    expect(String(r.years[2]!.remaining)).toBe("400000.00");
    expect(r.overspent).toBe(false);
    expect(r.trace.parameters!.map((p) => [p.id, p.value, p.verified])).toEqual([
      ["funds.cycle.minYears", 3, false],
      ["funds.cycle.maxYears", 5, false],
    ]);
  });

  it("FUNDS-CYCLE-1: yearly weights (front-loaded 5-year plan, in 万元) and overspending", () => {
    const r = spreadOverYears({
      total: "5000000.00",
      unit: "10000",
      startYear: 2022,
      years: 5,
      weights: [3, 3, 2, 1, 1],
      spent: [{ year: 2022, amount: "5100000.00" }],
    });
    expect(r.years.map((y) => String(y.planned))).toEqual([
      "1500000.00",
      "1500000.00",
      "1000000.00",
      "500000.00",
      "500000.00",
    ]);
    expect(r.overspent).toBe(true);
    expect(String(r.years[4]!.remaining)).toBe("-100000.00");
  });

  it("FUNDS-CYCLE-1: plans shorter than 3 or longer than 5 years are refused (the limits are parameters)", () => {
    expectSannongError(() => spreadOverYears({ total: "1.00", startYear: 2024, years: 2 }), "CYCLE_LENGTH", ["years"]);
    expectSannongError(() => spreadOverYears({ total: "1.00", startYear: 2024, years: 6 }), "CYCLE_LENGTH", ["years"]);
    const local = overlay(fundsParameterSet, { "funds.cycle.maxYears": { value: 6 } });
    expect(spreadOverYears({ total: "6.00", startYear: 2024, years: 6 }, { parameters: local }).years).toHaveLength(6);
    expectSannongError(() => spreadOverYears({ total: "1.00", startYear: 2010, years: 3 }), "PARAM_NOT_IN_FORCE");
  });

  it("FUNDS-CYCLE-1: the years always add up to the total; cumulative figures are consistent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }),
        (fen, years, w) => {
          const weights = w.slice(0, years).map((x, i) => (i === 0 ? x + 1 : x));
          const r = spreadOverYears({ total: (fen / 100).toFixed(2), startYear: 2030, years, weights });
          expect(r.years.reduce((s, y) => s + y.planned.fen, 0n)).toBe(BigInt(fen));
          expect(r.years[years - 1]!.cumulativePlanned.fen).toBe(BigInt(fen));
          for (const y of r.years) expect(y.planned.fen >= 0n).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    [
      "spending outside the plan",
      { total: "1.00", startYear: 2024, years: 3, spent: [{ year: 2027, amount: "1.00" }] },
      ["spent", 0, "year"],
    ],
    ["wrong number of weights", { total: "1.00", startYear: 2024, years: 3, weights: [1, 1] }, ["weights"]],
    ["all-zero weights", { total: "1.00", startYear: 2024, years: 3, weights: [0, 0, 0] }, ["weights"]],
    ["negative weight", { total: "1.00", startYear: 2024, years: 3, weights: [1, -1, 1] }, ["weights", 1]],
    ["fractional years", { total: "1.00", startYear: 2024, years: 3.5 }, ["years"]],
    ["NaN total", { total: Number.NaN, startYear: 2024, years: 3 }, ["total"]],
    ["unknown key", { total: "1.00", startYear: 2024, years: 3, year: 1 }, []],
  ])("FUNDS-CYCLE-1: %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => spreadOverYears(input as SpreadOverYearsInput), "INVALID_INPUT", path);
  });
});
