import { describe, expect, it } from "vitest";
import { expectSannongError } from "../../../../test/helpers";
import { planTownshipEntrepreneurshipFunds, repoolMigrantFunds } from "./repoolMigrantFunds";

describe("repoolMigrantFunds", () => {
  it("MIG-FUND-1: money of a township that did not apply in time is re-pooled within the county", () => {
    const r = repoolMigrantFunds({
      county: "衢江区",
      repool: {
        allocations: [
          { id: "湖南镇", amount: "300000.00" },
          { id: "高家镇", amount: "100000.00" },
          { id: "岭洋乡", amount: "100000.00" },
        ],
        applications: [
          { unit: "湖南镇", date: "2024-03-20" },
          { unit: "岭洋乡", date: "2024-03-31" },
          { unit: "高家镇", date: "2024-04-02" },
        ],
        deadline: "2024-03-31",
      },
    });
    expect(r.repool.units.map((u) => [u.id, String(u.takenBack), String(u.final)])).toEqual([
      ["湖南镇", "0.00", "375000.00"],
      ["高家镇", "100000.00", "0.00"],
      ["岭洋乡", "0.00", "125000.00"],
    ]);
    expect(r.repool.units.reduce((a, u) => a + u.final.fen, 0n)).toBe(50_000_000n);
    expect(r.trace.rule).toBe("MIG-FUND-1");
  });

  it("MIG-FUND-1: bad input", () => {
    expectSannongError(() => repoolMigrantFunds({ county: "", repool: {} } as never), "INVALID_INPUT", ["county"]);
    expectSannongError(
      () => repoolMigrantFunds({ county: "c", repool: { allocations: [], applications: [], deadline: "2024-01-01" } }),
      "INVALID_INPUT",
      ["repool", "allocations"],
    );
    expectSannongError(
      () =>
        repoolMigrantFunds({
          county: "c",
          repool: { allocations: [{ id: "a", amount: "1" }], applications: [], deadline: "2024-01-01" },
          x: 1,
        } as never),
      "INVALID_INPUT",
      [],
    );
  });
});

describe("planTownshipEntrepreneurshipFunds", () => {
  it("MIG-FUND-1: a township's entrepreneurship funds over a 3-year cycle, with cumulative use", () => {
    const r = planTownshipEntrepreneurshipFunds({
      township: "湖南镇",
      plan: { total: "900000.00", startYear: 2024, years: 3, spent: [{ year: 2024, amount: "200000.00" }] },
    });
    expect(r.plan.years.map((y) => [y.year, String(y.planned), String(y.aheadOfPlan)])).toEqual([
      [2024, "300000.00", "-100000.00"],
      [2025, "300000.00", "-400000.00"],
      [2026, "300000.00", "-700000.00"],
    ]);
    expect(r.trace.children?.[0]?.rule).toBe("FUNDS-CYCLE-1");
  });

  it("MIG-FUND-1: a cycle outside 3–5 years is refused by the funds rule", () => {
    expectSannongError(
      () =>
        planTownshipEntrepreneurshipFunds({ township: "湖南镇", plan: { total: "1.00", startYear: 2024, years: 6 } }),
      "CYCLE_LENGTH",
      ["years"],
    );
    expectSannongError(
      () =>
        planTownshipEntrepreneurshipFunds({ township: "湖南镇", plan: { total: "1.00", startYear: 2024, years: 1.5 } }),
      "INVALID_INPUT",
      ["plan", "years"],
    );
    expectSannongError(() => planTownshipEntrepreneurshipFunds({ plan: {} } as never), "INVALID_INPUT", ["township"]);
  });
});
