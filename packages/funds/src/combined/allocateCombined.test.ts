import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { allocateCombined, type AllocateCombinedInput } from "./allocateCombined";
import { fundsParameterSet } from "../parameters";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const BASE: AllocateCombinedInput = {
  budget: "1000000.00",
  factorRatio: "0.6",
  factor: {
    factors: [{ id: "migrants", weight: 1 }],
    recipients: [
      { id: "A", values: { migrants: 300 } },
      { id: "B", values: { migrants: 100 } },
    ],
  },
  project: { projects: [{ id: "冷库", requested: "300000.00", scores: [90] }] },
};

const conserved = (r: ReturnType<typeof allocateCombined>): bigint =>
  r.factor.allocations.reduce((s, a) => s + a.amount.fen, 0n) +
  r.project.results.reduce((s, p) => s + p.amount.fen, 0n) +
  r.unallocated.fen;

describe("allocateCombined", () => {
  it("FUNDS-COMBINED-1: 60/40 split; by default what projects do not use stays unallocated", () => {
    const r = allocateCombined(BASE);
    expect([String(r.split.factor), String(r.split.project)]).toEqual(["600000.00", "400000.00"]);
    expect(r.factor.allocations.map((a) => String(a.amount))).toEqual(["450000.00", "150000.00"]);
    expect(String(r.unallocated)).toBe("100000.00");
    expect(String(r.movedToFactor)).toBe("0.00");
    expect(conserved(r)).toBe(100_000_000n);
  });

  it("FUNDS-COMBINED-1: declared to-other, the project method's remainder flows to the factor method", () => {
    const r = allocateCombined({ ...BASE, unused: "to-other" });
    expect(String(r.movedToFactor)).toBe("100000.00");
    expect(r.factor.allocations.map((a) => String(a.amount))).toEqual(["525000.00", "175000.00"]);
    expect(String(r.unallocated)).toBe("0.00");
    expect(conserved(r)).toBe(100_000_000n);
  });

  it("FUNDS-COMBINED-1: when no project is eligible all project money flows to the factor method (to-other)", () => {
    const r = allocateCombined({
      ...BASE,
      unused: "to-other",
      project: { projects: [{ id: "x", requested: "1.00", eligible: false, ineligibleReason: "不在储备库" }] },
    });
    expect(String(r.movedToFactor)).toBe("400000.00");
    expect(r.factor.allocations.map((a) => String(a.amount))).toEqual(["750000.00", "250000.00"]);
  });

  it("FUNDS-COMBINED-1: when nothing fits the project share, all of it flows (to-other) or stays unallocated (default)", () => {
    const proj = {
      projects: [
        { id: "a", requested: "500000.00", scores: [90] },
        { id: "b", requested: "400000.00", scores: [80] },
      ],
    };
    const stays = allocateCombined({ ...BASE, project: proj });
    expect(String(stays.unallocated)).toBe("400000.00");
    const flows = allocateCombined({ ...BASE, project: proj, unused: "to-other" });
    expect(flows.factor.allocations.map((a) => String(a.amount))).toEqual(["750000.00", "250000.00"]);
    expect(String(flows.unallocated)).toBe("0.00");
  });

  it("FUNDS-COMBINED-1: a remainder below the unit stays unallocated when money flows", () => {
    const r = allocateCombined({
      ...BASE,
      unit: "100",
      unused: "to-other",
      project: { projects: [{ id: "p", requested: "399950.50", scores: [1] }] },
    });
    expect(String(r.movedToFactor)).toBe("0.00");
    expect(String(r.unallocated)).toBe("49.50");
  });

  it("FUNDS-COMBINED-1: without factorRatio the ratio is the parameter (0.5, unverified) read at the date", () => {
    const { factorRatio: _, ...rest } = BASE;
    const r = allocateCombined({ ...rest, date: "2024-01-01" });
    expect(String(r.split.factor)).toBe("500000.00");
    expect(r.trace.parameters).toEqual([
      expect.objectContaining({ id: "funds.combined.factorRatio", verified: false }),
    ]);
    const local = overlay(fundsParameterSet, { "funds.combined.factorRatio": { value: "0.7" } });
    expect(String(allocateCombined({ ...rest, date: "2024-01-01" }, { parameters: local }).split.factor)).toBe(
      "700000.00",
    );
  });

  it("FUNDS-COMBINED-1: conservation for any ratio and either declaration", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 900_000 }),
        (pct, budget, toOther, req) => {
          const input: AllocateCombinedInput = {
            ...BASE,
            budget: (budget / 100).toFixed(2),
            factorRatio: (pct / 100).toFixed(2),
            unused: toOther ? "to-other" : "unallocated",
            project: { projects: [{ id: "p", requested: (req / 100).toFixed(2), scores: [1] }] },
          };
          const r = allocateCombined(deepFreeze(input));
          expect(conserved(r)).toBe(BigInt(budget));
          expect(r.split.factor.fen + r.split.project.fen).toBe(BigInt(budget));
          expect(asJson(allocateCombined(input))).toEqual(asJson(r));
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ["ratio above 1", { ...BASE, factorRatio: "1.2" }, ["factorRatio"]],
    ["total inside the factor part", { ...BASE, factor: { ...BASE.factor, total: "1.00" } }, ["factor", "total"]],
    [
      "budget inside the project part",
      { ...BASE, project: { ...BASE.project, budget: "1.00" } },
      ["project", "budget"],
    ],
    ["no ratio and no date", { ...BASE, factorRatio: undefined }, ["date"]],
    ["factor part not an object", { ...BASE, factor: [] }, ["factor"]],
    [
      "a bad value inside the factor part (path prefixed)",
      { ...BASE, factor: { ...BASE.factor, recipients: [{ id: "A", values: { migrants: -1 } }] } },
      ["factor", "recipients", 0, "values", "migrants"],
    ],
    [
      "a bad project (path prefixed)",
      { ...BASE, project: { projects: [{ id: "p", requested: "0", scores: [1] }] } },
      ["project", "projects", 0, "requested"],
    ],
    ["unknown key", { ...BASE, ratio: "0.5" }, []],
  ])("FUNDS-COMBINED-1: %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => allocateCombined(input as AllocateCombinedInput), "INVALID_INPUT", path);
  });
});
