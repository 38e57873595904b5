import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey } from "../../test/fixtures";
import { assetsParameterSet, riskModel } from "../parameters";
import { assessRisk, type AssessRiskInput } from "./assessRisk";

const implemented: AssessRiskInput = {
  asOf: "2021-06-30",
  entity: { id: "E-1", name: "某种植合作社", kind: "cooperative" },
  stage: "implemented",
  lossMaking: false,
  scores: {
    "output-benefit": 50,
    "operating-status": 60,
    "sales-channels": 90,
    "poverty-reduction-capacity": 80,
    "assistance-measures": 85,
  },
};

describe("assessRisk", () => {
  it("ASSET-RISK-1: weighted score against thresholds, with the indicators that caused the level", () => {
    const r = assessRisk(deepFreeze(implemented));
    expect(r).toMatchObject({ level: "medium", warn: true, score: "73.00", rule: "ASSET-RISK-1" });
    expect(r.causes.map((c) => [c.indicator, c.score])).toEqual([
      ["output-benefit", "50"],
      ["operating-status", "60"],
    ]);
    expect(r.trace.parameters?.[0]?.id).toBe("assets.risk.model");
  });

  it("ASSET-RISK-1: not-yet-implemented projects use their own indicators", () => {
    const r = assessRisk({
      ...implemented,
      stage: "not-implemented",
      scores: {
        "production-scale": 90,
        "sales-channels": 85,
        "poverty-reduction-capacity": 95,
        "policy-implementation": 100,
      },
    });
    expect(r).toMatchObject({ level: "low", warn: false, score: "92.50" });
    expect(r.causes).toEqual([]);
    expect(
      assessRisk({ ...implemented, scores: { ...implemented.scores, "output-benefit": 10, "operating-status": 20 } })
        .level,
    ).toBe("high");
  });

  it("ASSET-RISK-1: a loss-making project always raises a warning", () => {
    const r = assessRisk({
      ...implemented,
      lossMaking: true,
      scores: {
        "output-benefit": 95,
        "operating-status": 95,
        "sales-channels": 95,
        "poverty-reduction-capacity": 95,
        "assistance-measures": 95,
      },
    });
    expect(r).toMatchObject({ level: "medium", warn: true });
    expect(r.causes[0]).toMatchObject({ indicator: "loss-making", zh: "效益亏损" });
  });

  it("ASSET-RISK-1: thresholds and weights are data (parameter overlay)", () => {
    const m = riskModel.values[0]!.value;
    const local = overlay(assetsParameterSet, {
      "assets.risk.model": {
        value: {
          ...m,
          indicators: m.indicators.map((i) => (i.id === "output-benefit" ? { ...i, weight: "6" } : i)),
          thresholds: { lowAtLeast: "70", mediumAtLeast: "55" },
        },
      },
    });
    const r = assessRisk(implemented, { parameters: local });
    // (6×50 + 60 + 90 + 80 + 85) / 10 = 61.5 → medium under 70/55
    expect([r.level, r.score]).toEqual(["medium", "61.50"]);
    expect(r.trace.parameters?.[0]?.overridden).toBe(true);
  });

  it("ASSET-RISK-1: property — a better score never raises the level", () => {
    const ids = Object.keys(implemented.scores);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 100 }),
        (xs, k, bump) => {
          const scores = Object.fromEntries(ids.map((id, i) => [id, xs[i]!]));
          const better = { ...scores, [ids[k]!]: Math.max(xs[k]!, bump) };
          const rank = { low: 0, medium: 1, high: 2 };
          expect(rank[assessRisk({ ...implemented, scores: better }).level]).toBeLessThanOrEqual(
            rank[assessRisk({ ...implemented, scores }).level],
          );
        },
      ),
    );
  });

  it("ASSET-RISK-1: rejects missing or unknown indicators, scores out of range, unknown keys", () => {
    const { "assistance-measures": _a, ...missing } = implemented.scores;
    expectSannongError(() => assessRisk({ ...implemented, scores: missing }), "INVALID_INPUT", [
      "scores",
      "assistance-measures",
    ]);
    expectSannongError(
      () => assessRisk({ ...implemented, scores: { ...implemented.scores, "production-scale": 50 } }),
      "INVALID_INPUT",
      ["scores", "production-scale"],
    );
    expectSannongError(
      () => assessRisk({ ...implemented, scores: { ...implemented.scores, "sales-channels": 101 } }),
      "INVALID_INPUT",
      ["scores", "sales-channels"],
    );
    expectSannongError(
      () => assessRisk({ ...implemented, scores: { ...implemented.scores, "sales-channels": Number.NaN } }),
      "INVALID_INPUT",
      ["scores", "sales-channels"],
    );
    expectSannongError(() => assessRisk({ ...implemented, scores: JSON.parse('{"__proto__": 1}') }), "INVALID_INPUT");
    expectUnknownKey(() => assessRisk({ ...implemented, loss: true } as never), "loss");
  });
});
