import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { asJson, expectSannongError } from "../../../../test/helpers";
import { quarterlyReport } from "./quarterlyReport";
import { migrantsParameterSet } from "../parameters";

const funds = [
  {
    id: "F1",
    unit: "衢江区",
    budget: "1000000.00",
    payments: [
      { date: "2024-02-10", amount: "100000.00" },
      { date: "2024-05-10", amount: "250000.00" },
      { date: "2024-07-02", amount: "1.00" },
    ],
  },
  { id: "F2", unit: "柯城区", budget: "0", payments: [] },
];
const projects = [
  {
    id: "P1",
    unit: "衢江区",
    plannedCompletion: "2024-06-30",
    progress: [
      { date: "2024-03-31", completed: "0.4" },
      { date: "2024-06-28", completed: "0.85" },
      { date: "2024-07-15", completed: "1" },
    ],
  },
  { id: "P2", unit: "柯城区", progress: [{ date: "2024-06-01", completed: 1 }] },
  { id: "P3", unit: "柯城区", plannedCompletion: "2025-06-30", progress: [{ date: "2024-05-01", completed: "0.123" }] },
  { id: "P4", unit: "柯城区", progress: [] },
];

describe("quarterlyReport", () => {
  it("MIG-AUDIT-1: fund figures of the quarter and the year to date, project progress at the quarter end", () => {
    const r = quarterlyReport({ year: 2024, quarter: 2, asOf: "2024-07-05", funds, projects, reports: [] });
    expect(r.period).toEqual({ from: "2024-04-01", to: "2024-06-30" });
    expect(asJson(r.funds)).toEqual([
      {
        id: "F1",
        unit: "衢江区",
        budget: "1000000.00",
        paidInQuarter: "250000.00",
        paidYearToDate: "350000.00",
        spendingRate: "35.00",
      },
      { id: "F2", unit: "柯城区", budget: "0.00", paidInQuarter: "0.00", paidYearToDate: "0.00", spendingRate: null },
    ]);
    expect(asJson(r.totals)).toEqual({
      budget: "1000000.00",
      paidInQuarter: "250000.00",
      paidYearToDate: "350000.00",
      spendingRate: "35.00",
    });
    expect(r.projects.map((p) => [p.id, p.completed, p.status])).toEqual([
      ["P1", "85.00", "behind-schedule"],
      ["P2", "100.00", "completed"],
      ["P3", "12.30", "in-progress"],
      ["P4", null, "not-reported"],
    ]);
    expect(r.trace.rule).toBe("MIG-AUDIT-1");
  });

  it("MIG-AUDIT-1: reports are due 10 days after the quarter (assumed parameter); missing and late ones are listed", () => {
    const reports = [
      { unit: "衢江区", kind: "fund-use", year: 2024, quarter: 1, submittedOn: "2024-04-10" },
      { unit: "衢江区", kind: "project-progress", year: 2024, quarter: 1, submittedOn: "2024-04-11" },
      { unit: "柯城区", kind: "fund-use", year: 2024, quarter: 1, submittedOn: "2024-04-02" },
      { unit: "柯城区", kind: "project-progress", year: 2024, quarter: 1, submittedOn: "2024-04-09" },
      { unit: "衢江区", kind: "fund-use", year: 2024, quarter: 2, submittedOn: "2024-07-03" },
    ] as const;
    const onDue = quarterlyReport({
      year: 2024,
      quarter: 2,
      asOf: "2024-07-10",
      funds,
      projects,
      reports: [...reports],
    });
    // Q2 reports are not overdue on their due date; Q1 衢江区 project progress was late
    expect(onDue.overdueReports).toEqual([
      {
        unit: "衢江区",
        kind: "project-progress",
        year: 2024,
        quarter: 1,
        dueOn: "2024-04-10",
        submittedOn: "2024-04-11",
      },
    ]);
    const after = quarterlyReport({
      year: 2024,
      quarter: 2,
      asOf: "2024-07-11",
      funds,
      projects,
      reports: [...reports],
    });
    expect(after.overdueReports.map((o) => [o.unit, o.kind, o.quarter, o.submittedOn])).toEqual([
      ["衢江区", "project-progress", 1, "2024-04-11"],
      ["柯城区", "fund-use", 2, null],
      ["柯城区", "project-progress", 2, null],
      ["衢江区", "project-progress", 2, null],
    ]);
    expect(after.trace.parameters?.[0]).toMatchObject({
      id: "migrants.audit.quarterlyReportDueDays",
      value: 10,
      verified: false,
    });
    const set = overlay(migrantsParameterSet, { "migrants.audit.quarterlyReportDueDays": { value: 15 } });
    expect(
      quarterlyReport(
        { year: 2024, quarter: 2, asOf: "2024-07-11", funds, projects, reports: [...reports] },
        { parameters: set },
      ).overdueReports,
    ).toEqual([]);
  });

  it("MIG-AUDIT-1: declared reporting units and report kinds (incl. construction progress and supervision)", () => {
    const r = quarterlyReport({
      year: 2024,
      quarter: 1,
      asOf: "2024-05-01",
      funds: [],
      projects: [],
      reportingUnits: ["龙游县"],
      requiredKinds: ["construction-progress", "supervision"],
      reports: [],
    });
    expect(r.overdueReports.map((o) => [o.unit, o.kind, o.dueOn])).toEqual([
      ["龙游县", "construction-progress", "2024-04-10"],
      ["龙游县", "supervision", "2024-04-10"],
    ]);
  });

  it("MIG-AUDIT-1: every calendar year needs an internal audit; ended years without one are listed", () => {
    const base = { quarter: 1, funds: [], projects: [], reports: [], reportingUnits: [] };
    const r = quarterlyReport({
      ...base,
      year: 2025,
      asOf: "2025-04-01",
      auditsSince: 2022,
      audits: [{ completedOn: "2022-11-30", by: "某会计师事务所" }, { completedOn: "2024-03-15" }],
    });
    expect(r.auditsOverdue).toEqual([2023]);
    expect(quarterlyReport({ ...base, year: 2024, asOf: "2024-12-31", audits: [] }).auditsOverdue).toEqual([]);
    expect(quarterlyReport({ ...base, year: 2024, asOf: "2025-01-01", audits: [] }).auditsOverdue).toEqual([2024]);
  });

  it("MIG-AUDIT-1 (property): quarter payments add up to the year to date over the four quarters", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 365 }), fc.nat(1_000_000)), { maxLength: 30 }), (ps) => {
        const payments = ps.map(([day, fen]) => ({
          date: new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10),
          amount: (fen / 100).toFixed(2),
        }));
        const f = [{ id: "F", unit: "U", budget: "1.00", payments }];
        const qs = [1, 2, 3, 4].map((q) =>
          quarterlyReport({
            year: 2024,
            quarter: q,
            asOf: "2025-01-31",
            funds: f,
            projects: [],
            reports: [],
            reportingUnits: [],
          }),
        );
        const sum = qs.reduce((a, r) => a + r.funds[0]!.paidInQuarter.fen, 0n);
        expect(sum).toBe(qs[3]!.funds[0]!.paidYearToDate.fen);
        expect(sum).toBe(BigInt(ps.filter(([d]) => d < 366).reduce((a, [, f]) => a + f, 0)));
      }),
    );
  });

  describe("MIG-AUDIT-1: bad input", () => {
    const ok = { year: 2024, quarter: 1, asOf: "2024-04-30", funds: [], projects: [], reports: [] };
    it.each([
      ["quarter 5", { ...ok, quarter: 5 }, ["quarter"]],
      ["year 1800", { ...ok, year: 1800 }, ["year"]],
      ["asOf before the quarter", { ...ok, asOf: "2023-12-31" }, ["asOf"]],
      ["duplicate fund ids", { ...ok, funds: [funds[0], funds[0]] }, ["funds", 1, "id"]],
      [
        "negative payment",
        { ...ok, funds: [{ ...funds[0], payments: [{ date: "2024-01-01", amount: "-1" }] }] },
        ["funds", 0, "payments", 0, "amount"],
      ],
      [
        "progress above 1",
        { ...ok, projects: [{ id: "P", unit: "U", progress: [{ date: "2024-01-01", completed: "1.5" }] }] },
        ["projects", 0, "progress", 0, "completed"],
      ],
      [
        "unknown report kind",
        { ...ok, reports: [{ unit: "U", kind: "weather", year: 2024, quarter: 1, submittedOn: "2024-04-01" }] },
        ["reports", 0, "kind"],
      ],
      ["no required kinds", { ...ok, requiredKinds: [] }, ["requiredKinds"]],
      ["bad audit date", { ...ok, audits: [{ completedOn: "2024-02-30" }] }, ["audits", 0, "completedOn"]],
      ["unknown key", { ...ok, quater: 1 }, []],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(() => quarterlyReport(input as never), "INVALID_INPUT", path as (string | number)[]);
    });
  });
});
