import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planDisbursement, type PlanDisbursementInput } from "./planDisbursement";
import { settleDisbursement, type SettleDisbursementInput } from "./settleDisbursement";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const PLAN: PlanDisbursementInput = {
  approved: "500000.00",
  date: "2024-03-01",
  advanceRatio: "0.3",
  progressPaymentRatio: "0.8",
  milestones: [
    { id: "主体完成一半", progress: "0.5" },
    { id: "主体完工", progress: "1" },
  ],
  retention: { ratio: "0.03", until: "2026-06-30" },
};

describe("planDisbursement", () => {
  it("FUNDS-PAY-1: advance 30%, progress payments at 80% of the work done, settlement, 3% retention", () => {
    const r = planDisbursement(PLAN);
    expect(
      r.tranches.map((t) => [t.kind, t.milestone ?? null, String(t.amount), String(t.cumulative), t.cumulativeRatio]),
    ).toEqual([
      ["advance", null, "150000.00", "150000.00", "0.3"],
      ["progress", "主体完成一半", "50000.00", "200000.00", "0.4"],
      ["progress", "主体完工", "200000.00", "400000.00", "0.8"],
      ["settlement", null, "85000.00", "485000.00", "0.97"],
      ["retention", null, "15000.00", "500000.00", "1"],
    ]);
    expect(r.tranches[4]!.releaseOn).toBe("2026-06-30");
  });

  it("FUNDS-PAY-1: a progress payment is never below the advance already paid (it is earned back first)", () => {
    const r = planDisbursement({
      ...PLAN,
      milestones: [
        { id: "m1", progress: "0.2" },
        { id: "m2", progress: "0.6" },
      ],
    });
    expect(r.tranches.map((t) => String(t.amount))).toEqual(["150000.00", "0.00", "90000.00", "245000.00", "15000.00"]);
  });

  it("FUNDS-PAY-1: full pre-allocation (预拨全额) without retention; the ratios default to the parameters", () => {
    const all = planDisbursement({ approved: "80000.00", date: "2024-03-01", advanceRatio: 1, milestones: [] });
    expect(all.tranches.map((t) => [t.kind, String(t.amount)])).toEqual([
      ["advance", "80000.00"],
      ["settlement", "0.00"],
    ]);
    const defaults = planDisbursement({
      approved: "100000.00",
      date: "2024-03-01",
      milestones: [{ id: "done", progress: 1 }],
      retention: { until: "2025-03-01" },
    });
    expect(defaults.tranches.map((t) => String(t.amount))).toEqual(["30000.00", "60000.00", "7000.00", "3000.00"]);
    expect(defaults.trace.parameters!.map((p) => [p.id, p.value, p.verified])).toEqual([
      ["funds.pay.advanceRatio", "0.3", false],
      ["funds.pay.progressPaymentRatio", "0.9", false],
      ["funds.pay.retentionRatio", "0.03", false],
    ]);
  });

  it("FUNDS-PAY-1: the tranches add up to the approved amount and cumulative payments never exceed it", () => {
    const arb = fc.record({
      approved: fc.integer({ min: 0, max: 1e12 }),
      advance: fc.integer({ min: 0, max: 50 }),
      ratio: fc.integer({ min: 0, max: 90 }),
      steps: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 6 }),
      retention: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, (p) => {
        const input: PlanDisbursementInput = {
          approved: (p.approved / 100).toFixed(2),
          date: "2024-01-01",
          advanceRatio: p.advance / 100,
          progressPaymentRatio: p.ratio / 100,
          milestones: [...p.steps].sort((a, b) => a - b).map((s) => ({ id: `m${s}`, progress: s / 100 })),
          ...(p.retention !== undefined ? { retention: { ratio: p.retention / 100, until: "2026-01-01" } } : {}),
        };
        const r = planDisbursement(deepFreeze(input));
        let cum = 0n;
        for (const t of r.tranches) {
          expect(t.amount.fen >= 0n).toBe(true);
          cum += t.amount.fen;
          expect(t.cumulative.fen).toBe(cum);
          expect(cum <= BigInt(p.approved)).toBe(true);
        }
        expect(cum).toBe(BigInt(p.approved));
        expect(asJson(planDisbursement(input))).toEqual(asJson(r));
      }),
      { numRuns: 300 },
    );
  });

  it("FUNDS-PAY-1: an advance or a milestone that would pay into the retention is refused", () => {
    expectSannongError(() => planDisbursement({ ...PLAN, advanceRatio: "0.99" }), "PROGRESS_EXCEEDS_PAYABLE", [
      "advanceRatio",
    ]);
    expectSannongError(() => planDisbursement({ ...PLAN, progressPaymentRatio: 1 }), "PROGRESS_EXCEEDS_PAYABLE", [
      "milestones",
      1,
    ]);
  });

  it.each([
    [
      "progress not increasing",
      {
        ...PLAN,
        milestones: [
          { id: "a", progress: "0.5" },
          { id: "b", progress: "0.5" },
        ],
      },
      ["milestones", 1, "progress"],
    ],
    ["zero progress", { ...PLAN, milestones: [{ id: "a", progress: 0 }] }, ["milestones", 0, "progress"]],
    ["progress above 1", { ...PLAN, milestones: [{ id: "a", progress: "1.2" }] }, ["milestones", 0, "progress"]],
    [
      "duplicate milestone",
      {
        ...PLAN,
        milestones: [
          { id: "a", progress: "0.5" },
          { id: "a", progress: "0.6" },
        ],
      },
      ["milestones", 1, "id"],
    ],
    ["negative advance", { ...PLAN, advanceRatio: "-0.1" }, ["advanceRatio"]],
    [
      "retention before approval",
      { ...PLAN, retention: { ratio: "0.03", until: "2024-01-01" } },
      ["retention", "until"],
    ],
    ["missing date", { ...PLAN, date: undefined }, ["date"]],
    ["unknown key", { ...PLAN, advance: "0.3" }, []],
  ])("FUNDS-PAY-1: plan with %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => planDisbursement(input as PlanDisbursementInput), "INVALID_INPUT", path);
  });
});

const SETTLE: SettleDisbursementInput = {
  approved: "500000.00",
  acceptedCost: "480000.00",
  date: "2025-06-30",
  paid: [
    { date: "2024-03-10", amount: "150000.00" },
    { date: "2024-09-01", amount: "250000.00" },
  ],
  retention: { ratio: "0.03", until: "2027-06-30" },
};

describe("settleDisbursement", () => {
  it("FUNDS-PAY-1: settlement pays min(approved, accepted) − paid, holding 3% retention until its date", () => {
    const r = settleDisbursement(SETTLE);
    expect([
      String(r.final),
      String(r.paid),
      String(r.payNow),
      String(r.retentionHeld),
      r.retentionReleaseOn,
      String(r.recovery),
    ]).toEqual(["480000.00", "400000.00", "65600.00", "14400.00", "2027-06-30", "0.00"]);
  });

  it("FUNDS-PAY-1: the approved amount caps the final amount when the accepted cost is higher", () => {
    const { retention: _, ...noRetention } = SETTLE;
    const r = settleDisbursement({ ...noRetention, acceptedCost: "520000.00" });
    expect([String(r.final), String(r.payNow)]).toEqual(["500000.00", "100000.00"]);
  });

  it("FUNDS-PAY-1: payments above the accepted cost are recovered (应收回)", () => {
    const r = settleDisbursement({ ...SETTLE, acceptedCost: "380000.00" });
    expect([String(r.final), String(r.payNow), String(r.retentionHeld), String(r.recovery)]).toEqual([
      "380000.00",
      "0.00",
      "0.00",
      "20000.00",
    ]);
    expect(r.trace.note!.en).toMatch(/recovered/);
    const above = settleDisbursement({ ...SETTLE, paid: [{ date: "2024-03-10", amount: "510000.00" }] });
    expect(above.paidAboveApproved).toBe(true);
  });

  it("FUNDS-PAY-1: on or after its date the retention is paid with the settlement; the retention ratio defaults to the parameter", () => {
    const r = settleDisbursement({ ...SETTLE, date: "2027-06-30" });
    expect([String(r.payNow), String(r.retentionHeld), r.retentionReleaseOn]).toEqual(["80000.00", "0.00", null]);
    const d = settleDisbursement({ ...SETTLE, retention: { until: "2027-06-30" } });
    expect(String(d.retentionHeld)).toBe("14400.00");
    expect(d.trace.parameters![0]!.id).toBe("funds.pay.retentionRatio");
  });

  it("FUNDS-PAY-1: paid + payNow + retentionHeld − recovery = final, nothing negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (approved, accepted, paid, pct, due) => {
          const r = settleDisbursement({
            approved: (approved / 100).toFixed(2),
            acceptedCost: (accepted / 100).toFixed(2),
            date: "2025-01-01",
            paid: paid.map((p) => ({ date: "2024-06-01", amount: (p / 100).toFixed(2) })),
            retention: { ratio: pct / 100, until: due ? "2024-12-31" : "2026-01-01" },
          });
          expect(r.paid.fen + r.payNow.fen + r.retentionHeld.fen - r.recovery.fen).toBe(r.final.fen);
          expect(r.final.fen).toBe(BigInt(Math.min(approved, accepted)));
          for (const m of [r.payNow, r.retentionHeld, r.recovery]) expect(m.fen >= 0n).toBe(true);
          expect(
            r.paid.fen + r.payNow.fen + r.retentionHeld.fen <= BigInt(Math.max(approved, Number(r.paid.fen))),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("FUNDS-PAY-1: the plan's retention tranche is the retention held at settlement, to the fen (regression: 3000.01 planned, 3000.00 held)", () => {
    // 3% of 100000.14 is 3000.0042: the plan used to round it up (the four tranches shared the leftover fen),
    // while settlement splits the retention off on its own and rounds it down
    const retention = { ratio: "0.03", until: "2026-06-30" };
    const plan = planDisbursement({
      approved: "100000.14",
      date: "2024-03-01",
      advanceRatio: "0.3",
      progressPaymentRatio: "0.8",
      milestones: [{ id: "主体完工", progress: "1" }],
      retention,
    });
    expect(plan.tranches.map((t) => [t.kind, String(t.amount)])).toEqual([
      ["advance", "30000.04"],
      ["progress", "50000.07"],
      ["settlement", "17000.03"],
      ["retention", "3000.00"],
    ]);
    const paid = plan.tranches.slice(0, 2).map((t) => ({ date: "2024-03-10", amount: t.amount }));
    const s = settleDisbursement({
      approved: "100000.14",
      acceptedCost: "100000.14",
      date: "2025-06-30",
      paid,
      retention,
    });
    expect([String(s.payNow), String(s.retentionHeld)]).toEqual(["17000.03", "3000.00"]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e12 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        (fen, advance, pct) => {
          const approved = (fen / 100).toFixed(2);
          const ret = { ratio: pct / 100, until: "2026-06-30" };
          const p = planDisbursement({
            approved,
            date: "2024-03-01",
            advanceRatio: advance / 100,
            progressPaymentRatio: "0.8",
            milestones: [{ id: "done", progress: 1 }],
            retention: ret,
          });
          const r = settleDisbursement({
            approved,
            acceptedCost: approved,
            date: "2025-06-30",
            paid: p.tranches.slice(0, 2).map((t) => ({ date: "2024-03-10", amount: t.amount })),
            retention: ret,
          });
          expect([r.payNow.fen, r.retentionHeld.fen]).toEqual([p.tranches[2]!.amount.fen, p.tranches[3]!.amount.fen]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ["payment after settlement", { ...SETTLE, paid: [{ date: "2025-07-01", amount: "1.00" }] }, ["paid", 0, "date"]],
    ["negative payment", { ...SETTLE, paid: [{ date: "2025-01-01", amount: "-1.00" }] }, ["paid", 0, "amount"]],
    ["bad accepted cost", { ...SETTLE, acceptedCost: "abc" }, ["acceptedCost"]],
    ["retention ratio above 1", { ...SETTLE, retention: { ratio: 2, until: "2027-01-01" } }, ["retention", "ratio"]],
    ["unknown key", { ...SETTLE, accepted: "1.00" }, []],
  ])("FUNDS-PAY-1: settlement with %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => settleDisbursement(input as SettleDisbursementInput), "INVALID_INPUT", path);
  });
});
