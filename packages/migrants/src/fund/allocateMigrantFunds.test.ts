import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { allocateByFactors } from "@sannong/funds";
import { expectSannongError } from "../../../../test/helpers";
import { allocateMigrantFunds } from "./allocateMigrantFunds";
import { evaluatePerformance } from "../evaluation/evaluatePerformance";
import { migrantsParameterSet } from "../parameters";

const factor = {
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
};

describe("allocateMigrantFunds", () => {
  it("MIG-FUND-1: the factor method by base (70%) and performance (30%) shares — the funds default ratios, unverified", () => {
    const r = allocateMigrantFunds({ method: "factor", factor });
    if (r.method !== "factor") throw new Error("method");
    // A: 700000 × 3/4 + 300000 × 90/150 = 525000 + 180000
    expect(r.factor.allocations.map((a) => String(a.amount))).toEqual(["705000.00", "295000.00"]);
    expect(r.trace.rule).toBe("MIG-FUND-1");
    expect(r.trace.children?.[0]?.rule).toBe("FUNDS-FACTOR-1");
    // the result is funds' own result
    expect(r.factor.allocations).toEqual(allocateByFactors(factor, { parameters: migrantsParameterSet }).allocations);
  });

  it("MIG-FUND-1: the base/performance ratio is the funds parameter, overlaid through the migrants parameter set", () => {
    const set = overlay(migrantsParameterSet, {
      "funds.factor.groupRatios": { value: { base: "0.5", performance: "0.5" } },
    });
    const r = allocateMigrantFunds({ method: "factor", factor }, { parameters: set });
    if (r.method !== "factor") throw new Error("method");
    expect(r.factor.allocations.map((a) => String(a.amount))).toEqual(["675000.00", "325000.00"]);
  });

  it("MIG-FUND-1 with MIG-EVAL-1: the evaluation's factorValue is the performance factor value", () => {
    const scoreA = evaluatePerformance({ unit: "A", indicators: [{ id: "x", weight: 1, score: "92.5" }] }).factorValue;
    const scoreB = evaluatePerformance({ unit: "B", indicators: [{ id: "x", weight: 1, score: "77.5" }] }).factorValue;
    const r = allocateMigrantFunds({
      method: "factor",
      factor: {
        ...factor,
        recipients: [
          { id: "A", values: { migrants: 1, evaluation: scoreA } },
          { id: "B", values: { migrants: 1, evaluation: scoreB } },
        ],
      },
    });
    if (r.method !== "factor") throw new Error("method");
    // 350000 each by base; 300000 × 92.5/170 and × 77.5/170 by performance
    expect(r.factor.allocations.map((a) => String(a.amount))).toEqual(["513235.29", "486764.71"]);
  });

  it("MIG-FUND-1: the project method and the combined method are the funds methods", () => {
    const project = {
      budget: "100000.00",
      projects: [
        { id: "P1", requested: "70000.00", scores: [80, 90] },
        { id: "P2", requested: "50000.00", scores: [70] },
      ],
      whenNotFit: "partial" as const,
    };
    const p = allocateMigrantFunds({ method: "project", project });
    if (p.method !== "project") throw new Error("method");
    expect(p.project.results.map((x) => [x.status, String(x.amount)])).toEqual([
      ["funded", "70000.00"],
      ["partial", "30000.00"],
    ]);
    const c = allocateMigrantFunds({
      method: "combined",
      combined: {
        budget: "200000.00",
        factorRatio: "0.5",
        factor: { factors: factor.factors, recipients: factor.recipients, date: "2024-03-01" },
        project: { projects: project.projects, whenNotFit: "partial" },
      },
    });
    if (c.method !== "combined") throw new Error("method");
    expect([String(c.combined.split.factor), String(c.combined.split.project)]).toEqual(["100000.00", "100000.00"]);
  });

  it("MIG-FUND-1 (property): the allocations conserve the total", () => {
    fc.assert(
      fc.property(
        fc.nat(100_000_000),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 100 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (fen, rs) => {
          const r = allocateMigrantFunds({
            method: "factor",
            factor: {
              ...factor,
              total: (fen / 100).toFixed(2),
              recipients: rs.map(([m, e], i) => ({ id: `R${i}`, values: { migrants: m, evaluation: e } })),
            },
          });
          if (r.method !== "factor") throw new Error("method");
          expect(r.factor.allocations.reduce((a, x) => a + x.amount.fen, 0n)).toBe(BigInt(fen));
        },
      ),
      { numRuns: 50 },
    );
  });

  describe("MIG-FUND-1: bad input", () => {
    it("a factor outside the base/performance groups → INVALID_INPUT at its group", () => {
      expectSannongError(
        () =>
          allocateMigrantFunds({
            method: "factor",
            factor: {
              ...factor,
              factors: [
                { id: "migrants", weight: 1, group: "base" },
                { id: "evaluation", weight: 1, group: "bonus" },
              ],
            },
          }),
        "INVALID_INPUT",
        ["factor", "factors", 1, "group"],
      );
      expectSannongError(
        () =>
          allocateMigrantFunds({ method: "factor", factor: { ...factor, factors: [{ id: "migrants", weight: 1 }] } }),
        "INVALID_INPUT",
        ["factor", "factors", 0, "group"],
      );
    });
    it("no performance group → INVALID_INPUT", () => {
      expectSannongError(
        () =>
          allocateMigrantFunds({
            method: "factor",
            factor: {
              ...factor,
              factors: [{ id: "migrants", weight: 1, group: "base" }],
              recipients: [{ id: "A", values: { migrants: 1 } }],
            },
          }),
        "INVALID_INPUT",
        ["factor", "factors"],
      );
    });
    it("errors of the funds part come back under its key", () => {
      expectSannongError(
        () => allocateMigrantFunds({ method: "factor", factor: { ...factor, total: "-1" } }),
        "INVALID_INPUT",
        ["factor", "total"],
      );
      expectSannongError(
        () =>
          allocateMigrantFunds({
            method: "project",
            project: { budget: "1.00", projects: [{ id: "P", requested: "x", scores: [1] }] },
          } as never),
        "INVALID_INPUT",
        ["project", "projects", 0, "requested"],
      );
    });
    it("unknown method, unknown key → INVALID_INPUT", () => {
      expectSannongError(() => allocateMigrantFunds({ method: "lottery" } as never), "INVALID_INPUT", ["method"]);
      expectSannongError(
        () => allocateMigrantFunds({ method: "factor", factor, extra: 1 } as never),
        "INVALID_INPUT",
        [],
      );
    });
  });
});
