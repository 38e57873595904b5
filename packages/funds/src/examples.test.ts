/**
 * The `@example` of every public function of @sannong/funds, run as written,
 * with the output its TSDoc shows (so the documentation cannot drift).
 */
import { describe, expect, it } from "vitest";
import { overlay } from "@sannong/core";
import {
  allocateByFactors,
  allocateByProjects,
  allocateCombined,
  computeArrears,
  fundsParameters,
  fundsParameterSet,
  planDisbursement,
  projectFundPool,
  repoolUnclaimed,
  settleDisbursement,
  spendingProgress,
  spreadOverYears,
} from "./index";
import { asJson, expectSannongError } from "../../../test/helpers";

describe("TSDoc examples", () => {
  it("FUNDS-FACTOR-1: allocateByFactors example", () => {
    const r = allocateByFactors({
      total: "1000000.00",
      factors: [
        { id: "population", weight: "0.3" },
        { id: "lowIncome", weight: "0.2" },
        { id: "area", weight: "0.2" },
        { id: "evaluation", weight: "0.3" },
      ],
      recipients: [
        { id: "A", values: { population: 1200, lowIncome: 30, area: 15, evaluation: 92 } },
        { id: "B", values: { population: 800, lowIncome: 45, area: 10, evaluation: 85 } },
        { id: "C", values: { population: 500, lowIncome: 25, area: 25, evaluation: 78 } },
      ],
    });
    expect(r.allocations.map((a) => String(a.amount))).toEqual(["372235.29", "326000.00", "301764.71"]);
    expect(asJson(r.allocations[0]!.byFactor)).toEqual({
      population: "144000.00",
      lowIncome: "60000.00",
      area: "60000.00",
      evaluation: "108235.29",
    });
  });

  it("FUNDS-PROJECT-1: allocateByProjects example", () => {
    const r = allocateByProjects({
      budget: "500000.00",
      projects: [
        { id: "茶园", requested: "200000.00", scores: [88, 92, 90] },
        { id: "民宿", requested: "350000.00", scores: [95, 93, 94] },
        { id: "冷库", requested: "100000.00", scores: [80, 85, 82] },
        { id: "道路", requested: "150000.00", eligible: false, ineligibleReason: "行业部门资金已覆盖" },
      ],
      whenNotFit: "skip",
    });
    expect(r.results.map((p) => [p.id, p.status, String(p.amount)])).toEqual([
      ["茶园", "unfunded", "0.00"],
      ["民宿", "funded", "350000.00"],
      ["冷库", "funded", "100000.00"],
      ["道路", "ineligible", "0.00"],
    ]);
    expect(String(r.unallocated)).toBe("50000.00");
    expect(r.final).toBe(false);
  });

  it("FUNDS-COMBINED-1: allocateCombined example", () => {
    const r = allocateCombined({
      budget: "1000000.00",
      factorRatio: "0.6",
      unused: "to-other",
      factor: {
        factors: [{ id: "migrants", weight: 1 }],
        recipients: [
          { id: "A", values: { migrants: 300 } },
          { id: "B", values: { migrants: 100 } },
        ],
      },
      project: { projects: [{ id: "冷库", requested: "300000.00", scores: [90] }] },
    });
    expect(String(r.split.factor)).toBe("600000.00");
    expect(String(r.movedToFactor)).toBe("100000.00");
    expect(r.factor.allocations.map((a) => String(a.amount))).toEqual(["525000.00", "175000.00"]);
  });

  it("FUNDS-REPOOL-1: repoolUnclaimed example", () => {
    const r = repoolUnclaimed({
      deadline: "2024-09-30",
      allocations: [
        { id: "A", amount: "300000.00" },
        { id: "B", amount: "200000.00" },
        { id: "C", amount: "100000.00" },
      ],
      applications: [
        { unit: "A", date: "2024-09-15" },
        { unit: "B", date: "2024-08-01" },
        { unit: "C", date: "2024-10-08" },
      ],
    });
    expect(r.units.map((u) => String(u.final))).toEqual(["360000.00", "240000.00", "0.00"]);
  });

  it("FUNDS-CYCLE-1: spreadOverYears example", () => {
    const r = spreadOverYears({
      total: "1000000.00",
      startYear: 2024,
      years: 3,
      spent: [{ year: 2024, amount: "200000.00" }],
    });
    expect(r.years.map((y) => String(y.planned))).toEqual(["333333.34", "333333.33", "333333.33"]);
    expect(String(r.years[0]!.aheadOfPlan)).toBe("-133333.34");
    expect(String(r.years[2]!.remaining)).toBe("800000.00");
  });

  it("FUNDS-PAY-1: planDisbursement and settleDisbursement examples", () => {
    const plan = planDisbursement({
      approved: "500000.00",
      date: "2024-03-01",
      advanceRatio: "0.3",
      progressPaymentRatio: "0.8",
      milestones: [
        { id: "主体完成一半", progress: "0.5" },
        { id: "主体完工", progress: "1" },
      ],
      retention: { ratio: "0.03", until: "2026-06-30" },
    });
    expect(plan.tranches.map((t) => [t.kind, String(t.amount)])).toEqual([
      ["advance", "150000.00"],
      ["progress", "50000.00"],
      ["progress", "200000.00"],
      ["settlement", "85000.00"],
      ["retention", "15000.00"],
    ]);
    const s = settleDisbursement({
      approved: "500000.00",
      acceptedCost: "480000.00",
      date: "2025-06-30",
      paid: [
        { date: "2024-03-10", amount: "150000.00" },
        { date: "2024-09-01", amount: "250000.00" },
      ],
      retention: { ratio: "0.03", until: "2027-06-30" },
    });
    expect([String(s.final), String(s.payNow), String(s.retentionHeld), String(s.recovery)]).toEqual([
      "480000.00",
      "65600.00",
      "14400.00",
      "0.00",
    ]);
  });

  it("FUNDS-POOL-2: projectFundPool example", () => {
    const r = projectFundPool({
      start: "2022-01",
      months: 12,
      returnRates: [{ from: "2022-01", annualRate: "0.036" }],
      inflows: [
        { date: "2022-01-05", amount: "1000000.00", source: "expropriation" },
        { date: "2022-01-10", amount: "200000.00", source: "idle-collective", depositor: "东村" },
      ],
      outflows: [{ date: "2022-11-30", amount: "1100000.00", label: "2023—2025 汇缴" }],
    });
    expect(String(r.ledger[1]!.returns)).toBe("3600.00");
    expect(String(r.topUps[0]!.amount)).toBe("69591.74");
    expect(String(r.depositors[0]!.value)).toBe("206699.89");
  });

  it("FUNDS-TRANSFER-1: computeArrears example", () => {
    const r = computeArrears({
      asOf: "2024-05-15",
      since: "2024-03-31",
      obligations: [{ id: "pension", frequency: "monthly", first: "2024-01", amount: "100000.00" }],
      transfers: [
        { obligation: "pension", date: "2024-01-25", amount: "100000.00" },
        { obligation: "pension", date: "2024-03-10", amount: "150000.00" },
      ],
    });
    expect(r.obligations[0]!.periods.map((p) => [p.period, p.status, String(p.overdue), p.daysLate])).toEqual([
      ["2024-01", "paid", "0.00", 0],
      ["2024-02", "paid-late", "0.00", 10],
      ["2024-03", "overdue", "50000.00", 45],
      ["2024-04", "overdue", "100000.00", 15],
    ]);
    expect(r.newArrears).toBe(true);
  });

  it("FUNDS-MONITOR-1: spendingProgress example", () => {
    const r = spendingProgress({
      asOf: "2024-07-01",
      projects: [
        { id: "产业路", budget: "1000000.00" },
        { id: "冷库", budget: "400000.00" },
      ],
      payments: [
        { project: "产业路", date: "2024-05-20", amount: "500000.00" },
        { project: "冷库", date: "2024-06-30", amount: "100000.00" },
      ],
    });
    expect(r.projects.map((p) => [p.id, p.progress, p.required, p.warning?.code ?? null])).toEqual([
      ["产业路", "0.5000", "0.4000", null],
      ["冷库", "0.2500", "0.4000", "BELOW_THRESHOLD"],
    ]);
  });

  it("FUNDS-FACTOR-2: parameters — every one cited, dated and unverified; the set can be overlaid", () => {
    expect(fundsParameters.map((p) => p.id)[0]).toBe("funds.factor.groupRatios");
    for (const p of fundsParameters) {
      for (const v of p.values) {
        expect(v.source.verified).toBe(false);
        expect(v.source.document.length).toBeGreaterThan(0);
        expect(v.source.note?.length ?? 0).toBeGreaterThan(0);
      }
    }
    const local = overlay(fundsParameterSet, {
      "funds.factor.groupRatios": { value: { base: "0.6", performance: "0.4" } },
    });
    expect(local.overridden[0]!.id).toBe("funds.factor.groupRatios");
    expectSannongError(
      () => overlay(fundsParameterSet, { "funds.factor.groupRatios": { value: { base: "1.7" } } }),
      "INVALID_INPUT",
    );
  });

  it("FUNDS-FACTOR-1: errors example — a policy error with code, path, details and both messages", () => {
    const e = expectSannongError(
      () =>
        allocateByFactors({
          total: "100.00",
          factors: [
            { id: "a", weight: "0.5" },
            { id: "b", weight: "0.4" },
          ],
          recipients: [{ id: "X", values: { a: 1, b: 1 } }],
        }),
      "WEIGHTS_NOT_ONE",
      ["factors"],
    );
    expect(e.details).toEqual({ sum: "0.9", where: "factors" });
    expect(e.en).toBe("the weights of factors add up to 0.9, not 1 (pass normalize: true to scale them)");
    expect(e.zh).toContain("0.9");
  });
});
