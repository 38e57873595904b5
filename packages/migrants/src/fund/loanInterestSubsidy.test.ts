import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { loanInterestSubsidy } from "./loanInterestSubsidy";
import { migrantsParameterSet } from "../parameters";

describe("loanInterestSubsidy", () => {
  it("MIG-FUND-2: 100,000 at 4.35% for 181 days on a 360-day basis, half subsidised → 1,093.54 (exact 1,093.5416…)", () => {
    const r = loanInterestSubsidy({
      date: "2024-06-30",
      subsidyRatio: "0.5",
      loans: [{ id: "L1", householdId: "H1", principal: "100000.00", annualRate: "0.0435", days: 181 }],
    });
    expect(r.loans[0]).toMatchObject({
      days: 181,
      interest: "26245/12",
      subsidy: "26245/24",
      subsidyDisplay: "1093.541667",
    });
    expect(String(r.households[0]!.subsidy)).toBe("1093.54");
    expect(String(r.total)).toBe("1093.54");
    expect(r.dayCountBasis).toBe(360);
    expect(r.trace.parameters?.map((p) => p.id)).toEqual([
      "migrants.fund.loanSubsidy.dayCountBasis",
      "migrants.fund.loanSubsidy.capPerHousehold",
    ]);
  });

  it("MIG-FUND-2: rounding happens once per household, not per loan", () => {
    // each loan: 1000 × 0.036 × 1 / 360 = 0.1 ; × 0.05 = 0.005 → per loan 0.01 if rounded each, but 3 × 0.005 = 0.015 → 0.02 once
    const loans = ["a", "b", "c"].map((id) => ({
      id,
      householdId: "H",
      principal: "1000.00",
      annualRate: "0.036",
      days: 1,
    }));
    const r = loanInterestSubsidy({ date: "2024-01-01", subsidyRatio: "0.05", loans });
    expect(r.loans.map((l) => l.subsidy)).toEqual(["1/200", "1/200", "1/200"]);
    expect(r.households[0]!.exact).toBe("3/200");
    expect(String(r.households[0]!.subsidy)).toBe("0.02");
  });

  it("MIG-FUND-2: days from a period (first day counted, last not), 365 basis, and a cap per household", () => {
    const r = loanInterestSubsidy({
      date: "2024-12-31",
      subsidyRatio: "1",
      dayCountBasis: 365,
      capPerHousehold: "3000.00",
      loans: [
        { id: "L1", householdId: "H1", principal: "200000", annualRate: "0.05", from: "2024-01-01", to: "2025-01-01" },
        { id: "L2", householdId: "H2", principal: "10000", annualRate: "0.05", from: "2024-01-01", to: "2024-07-01" },
      ],
    });
    expect(r.loans.map((l) => l.days)).toEqual([366, 182]);
    // H1: 200000 × 0.05 × 366 / 365 = 10027.397… → capped at 3000.00 ; H2: 10000 × 0.05 × 182/365 = 249.315… → 249.32
    expect(asJson(r.households.map((h) => [h.householdId, h.rounded, h.subsidy, h.capped]))).toEqual([
      ["H1", "10027.40", "3000.00", true],
      ["H2", "249.32", "249.32", false],
    ]);
    expect(String(r.total)).toBe("3249.32");
  });

  it("MIG-FUND-2: ratio, basis and cap come from parameters — the seed sets no ratio, so it must be declared", () => {
    const loans = [{ id: "L", householdId: "H", principal: "36000.00", annualRate: "0.05", days: 360 }];
    expectSannongError(() => loanInterestSubsidy({ date: "2024-01-01", loans }), "STANDARD_NOT_SET", ["subsidyRatio"]);
    const set = overlay(migrantsParameterSet, {
      "migrants.fund.loanSubsidy.ratio": { value: "0.5" },
      "migrants.fund.loanSubsidy.dayCountBasis": { value: 365 },
      "migrants.fund.loanSubsidy.capPerHousehold": { value: "500.00" },
    });
    const r = loanInterestSubsidy({ date: "2024-01-01", loans }, { parameters: set });
    // 36000 × 0.05 × 360/365 × 0.5 = 887.67… → capped 500.00
    expect(String(r.households[0]!.rounded)).toBe("887.67");
    expect(String(r.total)).toBe("500.00");
    expect(r.trace.parameters?.every((p) => p.overridden)).toBe(true);
    // an explicit null cap in the input lifts the overlaid cap for this call
    expect(
      String(loanInterestSubsidy({ date: "2024-01-01", loans, capPerHousehold: null }, { parameters: set }).total),
    ).toBe("887.67");
  });

  it("MIG-FUND-2 (property): the household subsidy is the exact sum rounded half-up once, never above the cap, never negative", () => {
    const loan = fc.record({
      householdId: fc.constantFrom("H1", "H2", "H3"),
      principal: fc.nat(100_000_000).map((f) => (f / 100).toFixed(2)),
      annualRate: fc.nat(20_000).map((b) => (b / 100_000).toString()),
      days: fc.nat(1000),
    });
    fc.assert(
      fc.property(
        fc.array(loan, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(360, 365) as fc.Arbitrary<360 | 365>,
        fc.nat(100).map((p) => String(p / 100)),
        fc.option(fc.nat(1_000_000)),
        (ls, basis, ratio, capFen) => {
          const loans = ls.map((l, i) => ({ ...l, id: `L${i}` }));
          const r = loanInterestSubsidy({
            date: "2024-01-01",
            loans,
            dayCountBasis: basis,
            subsidyRatio: ratio,
            capPerHousehold: capFen === null ? null : (capFen / 100).toFixed(2),
          });
          for (const h of r.households) {
            const [num, den] = h.exact.split("/").map(BigInt) as [bigint, bigint];
            // half-up: |rounded·den − exact·100| ≤ den/2, and exact halves go up
            const diff = h.rounded.fen * den - num * 100n;
            expect(2n * diff <= den && -2n * diff < den).toBe(true);
            expect(h.subsidy.fen >= 0n).toBe(true);
            if (capFen !== null) expect(h.subsidy.fen <= BigInt(capFen)).toBe(true);
          }
          expect(r.total.fen).toBe(r.households.reduce((a, h) => a + h.subsidy.fen, 0n));
        },
      ),
    );
  });

  it("MIG-FUND-2: does not mutate its input", () => {
    const input = deepFreeze({
      date: "2024-01-01",
      subsidyRatio: "1",
      loans: [{ id: "L", householdId: "H", principal: "1.00", annualRate: "0.1", days: 10 }],
    });
    expect(() => loanInterestSubsidy(input)).not.toThrow();
  });

  describe("MIG-FUND-2: bad input", () => {
    const loan = { id: "L", householdId: "H", principal: "1000.00", annualRate: "0.04", days: 30 };
    const ok = { date: "2024-01-01", subsidyRatio: "0.5", loans: [loan] };
    it.each([
      ["no loans", { ...ok, loans: [] }, ["loans"]],
      ["days and dates", { ...ok, loans: [{ ...loan, from: "2024-01-01", to: "2024-02-01" }] }, ["loans", 0, "days"]],
      ["neither days nor dates", { ...ok, loans: [{ ...loan, days: undefined }] }, ["loans", 0, "days"]],
      [
        "from without to",
        { ...ok, loans: [{ id: "L", householdId: "H", principal: "1", annualRate: "0.1", from: "2024-01-01" }] },
        ["loans", 0, "to"],
      ],
      [
        "reversed period",
        {
          ...ok,
          loans: [
            { id: "L", householdId: "H", principal: "1", annualRate: "0.1", from: "2024-02-01", to: "2024-01-01" },
          ],
        },
        ["loans", 0, "to"],
      ],
      ["negative principal", { ...ok, loans: [{ ...loan, principal: "-1" }] }, ["loans", 0, "principal"]],
      ["rate above 1", { ...ok, loans: [{ ...loan, annualRate: "4.35" }] }, ["loans", 0, "annualRate"]],
      ["rate NaN", { ...ok, loans: [{ ...loan, annualRate: Number.NaN }] }, ["loans", 0, "annualRate"]],
      ["fractional days", { ...ok, loans: [{ ...loan, days: 1.5 }] }, ["loans", 0, "days"]],
      ["basis 366", { ...ok, dayCountBasis: 366 }, ["dayCountBasis"]],
      ["ratio above 1", { ...ok, subsidyRatio: "1.5" }, ["subsidyRatio"]],
      ["negative cap", { ...ok, capPerHousehold: "-5" }, ["capPerHousehold"]],
      ["duplicate loan ids", { ...ok, loans: [loan, loan] }, ["loans", 1, "id"]],
      ["missing date", { subsidyRatio: "0.5", loans: [loan] }, ["date"]],
      ["unknown key", { ...ok, ratio: "0.5" }, []],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(() => loanInterestSubsidy(input as never), "INVALID_INPUT", path as (string | number)[]);
    });
  });
});
