/**
 * The @example of every public function, run through the public door
 * (src/index.ts) with the outputs the TSDoc shows.
 */
import { describe, expect, it } from "vitest";
import * as M from "./index";

describe("@sannong/migrants public door: the TSDoc examples hold", () => {
  it("MIG-SURVEY-1: drawSurveySample example", () => {
    const households = Array.from({ length: 1234 }, (_, i) => ({ id: `H${i + 1}` }));
    const r = M.drawSurveySample({ households, seed: "2024-survey" });
    expect([r.size, r.sample.length]).toEqual([62, 62]);
  });

  it("MIG-SHARE-2: distributeDividends example", () => {
    const r = M.distributeDividends({
      pool: "10000.00",
      mode: "shares",
      holders: [
        { id: "A", shares: 3 },
        { id: "B", shares: 3 },
        { id: "C", shares: 1 },
      ],
    });
    expect(r.payouts.map((p) => String(p.amount))).toEqual(["4285.72", "4285.71", "1428.57"]);
  });

  it("MIG-SHARE-1: quantifyShares example", () => {
    const r = M.quantifyShares({
      asset: { id: "厂房", shares: 100 },
      basis: "per-person",
      households: [
        { id: "A", persons: 4 },
        { id: "B", persons: 3 },
        { id: "C", persons: 2 },
      ],
    });
    expect(r.holdings.map((h) => h.shares)).toEqual([45, 33, 22]);
  });

  it("MIG-SHARE-3: distributeByPaidContribution example", () => {
    const r = M.distributeByPaidContribution({
      income: "9000.00",
      participants: [
        { id: "村集体", kind: "village-collective", contributions: [{ amount: "200000.00", paid: true }] },
        {
          id: "合作社",
          kind: "cooperative",
          contributions: [
            { amount: "100000.00", paid: true },
            { amount: "50000.00", paid: false },
          ],
        },
      ],
    });
    expect(r.payouts.map((p) => String(p.amount))).toEqual(["6000.00", "3000.00"]);
  });

  it("MIG-PROJ-1: projectReserveCalendar and checkReserveApplication examples", () => {
    const c = M.projectReserveCalendar("2024-05-20");
    expect([c.applicationsOpen, c.nextApplicationWindow, c.nextUpdate]).toEqual([
      false,
      { from: "2024-09-01", to: "2024-09-30" },
      { from: "2024-10-01", to: "2024-10-31" },
    ]);
    expect(M.checkReserveApplication({ projectId: "P1", date: "2024-03-15" }).reserveUpdate).toEqual({
      from: "2024-04-01",
      to: "2024-04-30",
    });
    expect(() => M.checkReserveApplication({ projectId: "P1", date: "2024-05-02" })).toThrow(/2024-09-01/);
  });

  it("MIG-FUND-2: loanInterestSubsidy example", () => {
    const r = M.loanInterestSubsidy({
      date: "2024-06-30",
      subsidyRatio: "0.5",
      loans: [{ id: "L1", householdId: "H1", principal: "100000.00", annualRate: "0.0435", days: 181 }],
    });
    expect([r.loans[0]!.interest, r.loans[0]!.subsidyDisplay, String(r.households[0]!.subsidy)]).toEqual([
      "26245/12",
      "1093.541667",
      "1093.54",
    ]);
  });

  it("MIG-AID-1 and MIG-AID-2: checkAidEligibility and stackSubsidies examples", () => {
    const r = M.checkAidEligibility({
      date: "2024-09-01",
      facts: {
        householdId: "H1",
        lowIncome: true,
        hardship: true,
        hardshipCauses: ["illness"],
        person: { id: "P1", age: 17, childOfHousehold: true, schooling: "senior-secondary" },
      },
    });
    expect(r.eligible.map((e) => e.ruleId)).toEqual(["special-relief", "education-senior-secondary"]);
    expect(r.eligible[0]!.amount).toBeNull();
    const s = M.stackSubsidies({
      date: "2024-05-01",
      scheme: "danger-relocation",
      recipientId: "H1",
      baseLayers: [{ id: "relocation", policy: "农民异地搬迁建房补助", amount: "30000.00" }],
      topUp: "20000.00",
    });
    expect(String(s.total)).toBe("50000.00");
  });

  it("MIG-REG-1: registerAsOf example", () => {
    const household = {
      id: "H1",
      head: "张三",
      county: "衢江区",
      village: "移民新村",
      members: 4,
      lowIncome: true,
      hardshipCauses: ["illness" as const],
      mainProblems: ["医疗支出大"],
      helper: { kind: "cadre" as const, name: "李四" },
      results: [],
    };
    const r = M.registerAsOf({
      date: "2024-12-31",
      changes: [
        { subject: "household", action: "enter", date: "2024-01-05", record: household },
        { subject: "household", action: "exit", date: "2024-11-30", id: "H1", reason: "lifted-out" },
      ],
    });
    expect([r.households.length, r.exited[0]!.reason]).toEqual([0, "lifted-out"]);
  });

  it("MIG-EVAL-1: evaluatePerformance example", () => {
    const r = M.evaluatePerformance({
      unit: "衢江区",
      indicators: [
        { id: "spending", weight: "0.4", score: 95 },
        { id: "projects", weight: "0.4", score: 80 },
        { id: "satisfaction", weight: "0.2", score: 70 },
      ],
    });
    expect([r.total, r.grade.zh, r.factorValue]).toEqual(["84.00", "良", "84"]);
    expect(r.pulledDown).toEqual([
      { id: "projects", score100: "80.00", pointsLost: "8.00" },
      { id: "satisfaction", score100: "70.00", pointsLost: "6.00" },
    ]);
  });

  it("MIG-AUDIT-1: quarterlyReport example", () => {
    const r = M.quarterlyReport({
      year: 2024,
      quarter: 2,
      asOf: "2024-07-20",
      funds: [
        { id: "F1", unit: "衢江区", budget: "1000000.00", payments: [{ date: "2024-05-10", amount: "250000.00" }] },
      ],
      projects: [],
      reports: [],
    });
    expect([String(r.funds[0]!.paidInQuarter), r.funds[0]!.spendingRate, r.overdueReports.length]).toEqual([
      "250000.00",
      "25.00",
      4,
    ]);
  });

  it("MIG-TARGET-1: targetProgress example", () => {
    const r = M.targetProgress({
      asOf: "2019-12-31",
      achievements: [{ target: "culture-centres", id: "柯城区", achievedOn: "2018-06-01" }],
    });
    expect(r.targets.find((t) => t.target === "culture-centres")).toMatchObject({
      required: 6,
      achieved: 1,
      remaining: 5,
      percent: "16.67",
      met: false,
    });
  });

  it("MIG-FUND-1, MIG-FUND-3, MIG-PROJ-2: the funds compositions' examples", () => {
    const a = M.allocateMigrantFunds({
      method: "factor",
      factor: {
        total: "1000000.00",
        date: "2024-03-01",
        factors: [
          { id: "migrants", weight: 1, group: "base" },
          { id: "evaluation", weight: 1, group: "performance" },
        ],
        recipients: [
          { id: "A", values: { migrants: 3000, evaluation: 90 } },
          { id: "B", values: { migrants: 1000, evaluation: 60 } },
        ],
      },
    });
    expect(a.method === "factor" && a.factor.allocations.map((x) => String(x.amount))).toEqual([
      "705000.00",
      "295000.00",
    ]);
    const p = M.repoolMigrantFunds({
      county: "衢江区",
      repool: {
        allocations: [
          { id: "湖南镇", amount: "300000.00" },
          { id: "高家镇", amount: "100000.00" },
        ],
        applications: [{ unit: "湖南镇", date: "2024-03-20" }],
        deadline: "2024-03-31",
      },
    });
    expect(p.repool.units.map((u) => String(u.final))).toEqual(["400000.00", "0.00"]);
    const t = M.planTownshipEntrepreneurshipFunds({
      township: "湖南镇",
      plan: { total: "900000.00", startYear: 2024, years: 3 },
    });
    expect(t.plan.years.map((y) => String(y.planned))).toEqual(["300000.00", "300000.00", "300000.00"]);
    const s = M.selectReserveProjects({
      method: "project",
      date: "2024-06-01",
      reserve: [{ projectId: "P1", appliedOn: "2024-03-10" }],
      project: {
        budget: "100000.00",
        projects: [
          { id: "P1", requested: "60000.00", scores: [90] },
          { id: "P2", requested: "30000.00", scores: [95] },
        ],
      },
    });
    expect([s.notInReserve, s.method === "project" && s.project.results.map((x) => x.status)]).toEqual([
      ["P2"],
      ["funded", "ineligible"],
    ]);
    const w = M.awardInsteadOfSubsidy({
      projectId: "V-2024-01",
      kind: "beautiful-home-village",
      award: "500000.00",
      acceptance: { passed: true, date: "2024-11-20", acceptedCost: "480000.00" },
      date: "2024-12-01",
    });
    expect(String(w.settlement.payNow)).toBe("480000.00");
  });

  it("MIG-SURVEY-1 … MIG-TARGET-1: every rule has a RuleRef with a citation in seed 004, and every parameter is unverified and cited", () => {
    expect(Object.keys(M.RULES).sort()).toEqual(
      [
        "MIG-AID-1",
        "MIG-AID-2",
        "MIG-AUDIT-1",
        "MIG-EVAL-1",
        "MIG-FUND-1",
        "MIG-FUND-2",
        "MIG-FUND-3",
        "MIG-PROJ-1",
        "MIG-PROJ-2",
        "MIG-REG-1",
        "MIG-SHARE-1",
        "MIG-SHARE-2",
        "MIG-SHARE-3",
        "MIG-SURVEY-1",
        "MIG-TARGET-1",
      ].sort(),
    );
    for (const r of Object.values(M.RULES)) expect(r.citation).toMatch(/^004 §.*衢政办发〔2016〕65号/);
    for (const p of M.migrantsParameters) {
      expect(p.id.startsWith("migrants.")).toBe(true);
      for (const v of p.values)
        expect([v.source.verified, v.source.document.includes("衢政办发〔2016〕65号"), typeof v.source.note]).toEqual([
          false,
          true,
          "string",
        ]);
    }
    expect([...M.migrantsParameterSet.parameters.keys()]).toContain("funds.factor.groupRatios");
  });
});
