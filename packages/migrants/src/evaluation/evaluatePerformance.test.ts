import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { expectSannongError } from "../../../../test/helpers";
import { evaluatePerformance } from "./evaluatePerformance";
import { migrantsParameterSet } from "../parameters";

const indicators = [
  { id: "spending", label: "资金支出进度", weight: "0.4", score: 95 },
  { id: "projects", label: "项目完成率", weight: "0.4", score: 80 },
  { id: "satisfaction", label: "移民满意度", weight: "0.2", score: 70 },
];

describe("evaluatePerformance", () => {
  it("MIG-EVAL-1: weighted total 84 → 良; the indicators below the total pulled it down, most points lost first", () => {
    const r = evaluatePerformance({ unit: "衢江区", indicators });
    expect(r.total).toBe("84.00");
    expect(r.totalExact).toBe("84/1");
    expect(r.grade).toMatchObject({ grade: "good", zh: "良" });
    expect(r.pulledDown).toEqual([
      { id: "projects", label: "项目完成率", score100: "80.00", pointsLost: "8.00" },
      { id: "satisfaction", label: "移民满意度", score100: "70.00", pointsLost: "6.00" },
    ]);
    expect([r.factorValue, r.factorValueRounded]).toEqual(["84", false]);
    expect(r.trace.parameters?.[0]).toMatchObject({ id: "migrants.evaluation.gradeBands", verified: false });
  });

  it.each([
    ["90", "excellent"],
    ["89.99", "good"],
    ["80", "good"],
    ["60", "fair"],
    ["59.99", "poor"],
    ["0", "poor"],
  ])("MIG-EVAL-1: a total of %s is graded %s (bands compared exactly)", (score, grade) => {
    expect(evaluatePerformance({ unit: "u", indicators: [{ id: "only", weight: 1, score }] }).grade.grade).toBe(grade);
  });

  it("MIG-EVAL-1: scores out of their own maximum, and point weights normalised on request", () => {
    const r = evaluatePerformance({
      unit: "u",
      normalize: true,
      indicators: [
        { id: "a", weight: 30, score: 27, maxScore: 30 },
        { id: "b", weight: 70, score: 7, maxScore: 10 },
      ],
    });
    // 0.3 × 90 + 0.7 × 70 = 76
    expect(r.total).toBe("76.00");
    expect(r.grade.zh).toBe("中");
    expectSannongError(
      () => evaluatePerformance({ unit: "u", indicators: [{ id: "a", weight: 30, score: 27, maxScore: 30 }] }),
      "WEIGHTS_DO_NOT_ADD_UP",
      ["indicators"],
    );
  });

  it("MIG-EVAL-1: a non-terminating total is exact in totalExact and rounded to 6 decimals as a factor value", () => {
    const r = evaluatePerformance({
      unit: "u",
      normalize: true,
      indicators: [
        { id: "a", weight: 1, score: 100 },
        { id: "b", weight: 1, score: 100 },
        { id: "c", weight: 1, score: 0 },
      ],
    });
    expect(r.totalExact).toBe("200/3");
    expect([r.total, r.factorValue, r.factorValueRounded]).toEqual(["66.67", "66.666667", true]);
  });

  it("MIG-EVAL-1: grade bands are a parameter", () => {
    const set = overlay(migrantsParameterSet, {
      "migrants.evaluation.gradeBands": {
        value: [
          { grade: "pass", zh: "合格", en: "pass", min: "70" },
          { grade: "fail", zh: "不合格", en: "fail", min: "0" },
        ],
      },
    });
    expect(evaluatePerformance({ unit: "u", indicators }, { parameters: set }).grade.grade).toBe("pass");
    const gap = overlay(migrantsParameterSet, {
      "migrants.evaluation.gradeBands": { value: [{ grade: "top", zh: "优", en: "top", min: "90" }] },
    });
    expectSannongError(() => evaluatePerformance({ unit: "u", indicators }, { parameters: gap }), "INVALID_PARAMETER");
  });

  it("MIG-EVAL-1 (property): the total lies between the lowest and highest indicator score; raising a score never lowers it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.nat(9),
        (ws, k) => {
          const ind = ws.map(([w, s], i) => ({ id: `i${i}`, weight: w, score: s }));
          const r = evaluatePerformance({ unit: "u", indicators: ind, normalize: true });
          const t = Number(r.total);
          expect(t).toBeGreaterThanOrEqual(Math.min(...ws.map(([, s]) => s)) - 0.005);
          expect(t).toBeLessThanOrEqual(Math.max(...ws.map(([, s]) => s)) + 0.005);
          const j = k % ind.length;
          const up = evaluatePerformance({
            unit: "u",
            normalize: true,
            indicators: ind.map((x, i) => (i === j ? { ...x, score: Math.min(100, x.score + 5) } : x)),
          });
          expect(Number(up.total)).toBeGreaterThanOrEqual(t);
          for (const p of r.pulledDown) expect(Number(p.score100)).toBeLessThan(t + 0.005);
        },
      ),
    );
  });

  describe("MIG-EVAL-1: bad input", () => {
    it.each([
      ["no indicators", { unit: "u", indicators: [] }, ["indicators"]],
      ["score above max", { unit: "u", indicators: [{ id: "a", weight: 1, score: 101 }] }, ["indicators", 0, "score"]],
      ["negative weight", { unit: "u", indicators: [{ id: "a", weight: -1, score: 1 }] }, ["indicators", 0, "weight"]],
      ["NaN score", { unit: "u", indicators: [{ id: "a", weight: 1, score: Number.NaN }] }, ["indicators", 0, "score"]],
      [
        "zero max",
        { unit: "u", indicators: [{ id: "a", weight: 1, score: 0, maxScore: 0 }] },
        ["indicators", 0, "maxScore"],
      ],
      [
        "duplicate ids",
        {
          unit: "u",
          indicators: [
            { id: "a", weight: "0.5", score: 1 },
            { id: "a", weight: "0.5", score: 1 },
          ],
        },
        ["indicators", 1, "id"],
      ],
      ["missing unit", { indicators: [{ id: "a", weight: 1, score: 1 }] }, ["unit"]],
      ["unknown key", { unit: "u", indicators: [{ id: "a", weight: 1, score: 1, note: "x" }] }, ["indicators", 0]],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(() => evaluatePerformance(input as never), "INVALID_INPUT", path as (string | number)[]);
    });
    it("all weights zero → WEIGHTS_DO_NOT_ADD_UP", () => {
      expectSannongError(
        () => evaluatePerformance({ unit: "u", normalize: true, indicators: [{ id: "a", weight: 0, score: 1 }] }),
        "WEIGHTS_DO_NOT_ADD_UP",
      );
    });
  });
});
