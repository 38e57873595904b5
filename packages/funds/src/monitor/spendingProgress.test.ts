import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { spendingProgress, type SpendingProgressInput } from "./spendingProgress";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

const BASE: SpendingProgressInput = {
  asOf: "2024-07-01",
  projects: [
    { id: "产业路", budget: "1000000.00" },
    { id: "冷库", budget: "400000.00" },
    { id: "光伏", budget: "300000.00", period: { from: "2024-03-01", to: "2024-12-31" } },
  ],
  payments: [
    { project: "产业路", date: "2024-05-20", amount: "500000.00" },
    { project: "冷库", date: "2024-06-30", amount: "100000.00" },
    { project: "冷库", date: "2024-07-02", amount: "350000.00" },
    { project: "光伏", date: "2024-06-01", amount: "90000.00" },
  ],
};

describe("spendingProgress", () => {
  it("FUNDS-MONITOR-1: progress against time progress (序时进度) — warn below 80 % of it by default", () => {
    const r = spendingProgress(BASE);
    // 2024-07-01 is day 183 of 366: time progress 0.5, warning line 0.8 × 0.5 = 0.4
    // 光伏: 123 of 306 days elapsed (0.4020), line 0.3216; progress 0.3
    expect(
      r.projects.map((p) => [p.id, String(p.paid), p.progress, p.timeProgress, p.required, p.warning?.code ?? null]),
    ).toEqual([
      ["产业路", "500000.00", "0.5000", "0.5000", "0.4000", null],
      ["冷库", "100000.00", "0.2500", "0.5000", "0.4000", "BELOW_THRESHOLD"],
      ["光伏", "90000.00", "0.3000", "0.4020", "0.3216", "BELOW_THRESHOLD"],
    ]);
    expect(r.warnings).toEqual(["冷库", "光伏"]);
    expect(r.total).toEqual({ budget: expect.anything(), paid: expect.anything(), progress: "0.4059" });
    expect(r.trace.parameters).toEqual([
      expect.objectContaining({ id: "funds.monitor.minScheduleRatio", value: "0.8", verified: false }),
    ]);
    expect(r.projects[1]!.warning!.zh).toContain("预警线");
  });

  it("FUNDS-MONITOR-1: a fixed warning line (parameter 50 % or declared), and overspending", () => {
    const fixed = spendingProgress({ ...BASE, basis: "fixed" });
    expect(fixed.projects.map((p) => [p.required, p.warning?.code ?? null])).toEqual([
      ["0.5000", null],
      ["0.5000", "BELOW_THRESHOLD"],
      ["0.5000", "BELOW_THRESHOLD"],
    ]);
    expect(fixed.projects[0]!.timeProgress).toBeNull();
    const declared = spendingProgress({ ...BASE, basis: "fixed", threshold: "0.25" });
    expect(declared.warnings).toEqual([]);
    expect(declared.trace.parameters).toBeUndefined();
    const over = spendingProgress({ ...BASE, asOf: "2024-07-31", basis: "fixed" });
    expect(over.projects[1]!.warning).toMatchObject({ code: "OVERSPENT" });
  });

  it("FUNDS-MONITOR-1: before the period starts nothing is required; after it ends everything is", () => {
    const before = spendingProgress({
      asOf: "2024-02-01",
      projects: [{ id: "p", budget: "1.00", period: { from: "2024-03-01", to: "2024-12-31" } }],
      payments: [],
    });
    expect([before.projects[0]!.timeProgress, before.projects[0]!.warning]).toEqual(["0.0000", null]);
    const after = spendingProgress({
      asOf: "2025-02-01",
      threshold: 1,
      projects: [{ id: "p", budget: "1.00", period: { from: "2024-03-01", to: "2024-12-31" } }],
      payments: [{ project: "p", date: "2024-12-01", amount: "0.99" }],
    });
    expect([after.projects[0]!.timeProgress, after.projects[0]!.warning?.code]).toEqual(["1.0000", "BELOW_THRESHOLD"]);
  });

  it("FUNDS-MONITOR-1: a warning exactly when progress is below the line (exact comparison), payments after asOf never count", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 1, max: 360 })), { maxLength: 6 }),
        fc.integer({ min: 0, max: 100 }),
        (budget, pays, pct) => {
          const input: SpendingProgressInput = {
            asOf: "2024-06-30",
            basis: "fixed",
            threshold: pct / 100,
            projects: [{ id: "p", budget: (budget / 100).toFixed(2) }],
            payments: pays.map(([a, d]) => ({
              project: "p",
              date: new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10),
              amount: (a / 100).toFixed(2),
            })),
          };
          const r = spendingProgress(deepFreeze(input));
          const paid = pays
            .filter(([, d]) => new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10) <= "2024-06-30")
            .reduce((s, [a]) => s + a, 0);
          expect(r.projects[0]!.paid.fen).toBe(BigInt(paid));
          const below = paid * 100 < pct * budget;
          expect(r.projects[0]!.warning !== null).toBe(below || paid > budget);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ["zero budget", { ...BASE, projects: [{ id: "p", budget: "0" }], payments: [] }, ["projects", 0, "budget"]],
    [
      "payment of an unknown project",
      { ...BASE, payments: [{ project: "x", date: "2024-01-01", amount: "1.00" }] },
      ["payments", 0, "project"],
    ],
    [
      "period ending before it starts",
      {
        ...BASE,
        projects: [{ id: "p", budget: "1.00", period: { from: "2024-05-01", to: "2024-04-01" } }],
        payments: [],
      },
      ["projects", 0, "period", "to"],
    ],
    ["threshold above 1", { ...BASE, threshold: "1.5" }, ["threshold"]],
    ["bad basis", { ...BASE, basis: "weekly" }, ["basis"]],
    ["duplicate project", { ...BASE, projects: [BASE.projects[0], BASE.projects[0]] }, ["projects", 1, "id"]],
    ["unknown key", { ...BASE, date: "2024-01-01" }, []],
  ])("FUNDS-MONITOR-1: %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => spendingProgress(input as SpendingProgressInput), "INVALID_INPUT", path);
  });
});
