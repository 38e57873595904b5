import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { computeArrears, type ComputeArrearsInput } from "./computeArrears";
import { fundsParameterSet } from "../parameters";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const BASE: ComputeArrearsInput = {
  asOf: "2024-05-15",
  since: "2024-03-31",
  obligations: [
    {
      id: "pension",
      label: "划转职工基本养老保险基金（按月）",
      frequency: "monthly",
      first: "2024-01",
      amount: "100000.00",
    },
    {
      id: "reserve",
      label: "充实社保风险准备金（按季）",
      frequency: "quarterly",
      first: "2024-01",
      amount: "60000.00",
    },
  ],
  transfers: [
    { obligation: "pension", date: "2024-01-25", amount: "100000.00" },
    { obligation: "pension", date: "2024-03-10", amount: "150000.00" },
    { obligation: "reserve", date: "2024-03-31", amount: "60000.00" },
    { obligation: "pension", date: "2024-06-01", amount: "500000.00" },
  ],
};
const rows = (r: ReturnType<typeof computeArrears>, k: number): unknown[] =>
  r.obligations[k]!.periods.map((p) => [p.period, p.dueDate, p.status, String(p.paid), String(p.overdue), p.daysLate]);

describe("computeArrears", () => {
  it("FUNDS-TRANSFER-1: monthly transfers — overdue per period, days late, new arrears since the last report", () => {
    const r = computeArrears(BASE);
    expect(rows(r, 0)).toEqual([
      ["2024-01", "2024-01-31", "paid", "100000.00", "0.00", 0],
      ["2024-02", "2024-02-29", "paid-late", "100000.00", "0.00", 10],
      ["2024-03", "2024-03-31", "overdue", "50000.00", "50000.00", 45],
      ["2024-04", "2024-04-30", "overdue", "0.00", "100000.00", 15],
    ]);
    expect(String(r.obligations[0]!.arrears)).toBe("150000.00");
    expect(r.obligations[0]!.newArrears).toEqual(["2024-04"]);
    expect(r.ignoredTransfers).toBe(1);
    expect(r.newArrears).toBe(true);
    expect(String(r.arrears)).toBe("150000.00");
  });

  it("FUNDS-TRANSFER-1: quarterly transfers to the risk reserve (按季到位) by calendar quarter", () => {
    const r = computeArrears(BASE);
    expect(rows(r, 1)).toEqual([["2024-Q1", "2024-03-31", "paid", "60000.00", "0.00", 0]]);
    const later = computeArrears({ ...BASE, asOf: "2024-07-10", since: "2024-05-15" });
    expect(rows(later, 1)).toEqual([
      ["2024-Q1", "2024-03-31", "paid", "60000.00", "0.00", 0],
      ["2024-Q2", "2024-06-30", "overdue", "0.00", "60000.00", 10],
    ]);
    // a quarterly obligation whose first month is mid-quarter starts with that quarter
    const mid = computeArrears({
      ...BASE,
      obligations: [{ id: "reserve", frequency: "quarterly", first: "2024-02", amount: "1.00" }],
      transfers: [],
    });
    expect(mid.obligations[0]!.periods.map((p) => p.period)).toEqual(["2024-Q1"]);
  });

  it("FUNDS-TRANSFER-1: no new arrears when everything due since the last report was paid on time; prepayments are credit", () => {
    const r = computeArrears({
      asOf: "2024-03-31",
      since: "2024-02-29",
      obligations: [{ id: "pension", frequency: "monthly", first: "2024-01", amount: "100.00" }],
      transfers: [
        { obligation: "pension", date: "2024-02-05", amount: "200.00" }, // January late, February early
        { obligation: "pension", date: "2024-03-31", amount: "150.00" }, // March on its due date, 50.00 ahead
      ],
    });
    expect(r.obligations[0]!.periods.map((p) => p.status)).toEqual(["paid-late", "paid", "paid"]);
    expect(r.newArrears).toBe(false);
    expect(String(r.obligations[0]!.credit)).toBe("50.00");
    const today = computeArrears({
      asOf: "2024-01-31",
      obligations: [{ id: "p", frequency: "monthly", first: "2024-01", amount: "1.00" }],
      transfers: [],
    });
    expect(today.obligations[0]!.periods.map((p) => [p.status, String(p.overdue)])).toEqual([["due-today", "0.00"]]);
  });

  it("FUNDS-TRANSFER-1: grace days are a parameter (0 by default, unverified)", () => {
    const r = computeArrears(BASE);
    expect(r.trace.parameters).toEqual([
      expect.objectContaining({ id: "funds.transfer.graceDays", value: 0, verified: false }),
    ]);
    const local = overlay(fundsParameterSet, { "funds.transfer.graceDays": { value: 15 } });
    const g = computeArrears(BASE, { parameters: local });
    expect(g.obligations[0]!.periods.map((p) => [p.period, p.dueDate, p.status])).toEqual([
      ["2024-01", "2024-02-15", "paid"],
      ["2024-02", "2024-03-15", "paid"],
      ["2024-03", "2024-04-15", "overdue"],
      ["2024-04", "2024-05-15", "due-today"],
    ]);
  });

  it("FUNDS-TRANSFER-1: paid + outstanding = due for every period; arrears never exceed what is due; order of transfers does not matter", () => {
    const arb = fc.record({
      months: fc.integer({ min: 1, max: 30 }),
      amount: fc.integer({ min: 0, max: 1_000_000 }),
      transfers: fc.array(
        fc.record({ day: fc.integer({ min: 0, max: 1000 }), amount: fc.integer({ min: 0, max: 3_000_000 }) }),
        { maxLength: 15 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ months, amount, transfers }) => {
        const asOf = new Date(Date.UTC(2022, 0, 1 + months * 30)).toISOString().slice(0, 10);
        const input: ComputeArrearsInput = {
          asOf,
          obligations: [{ id: "o", frequency: "monthly", first: "2022-01", amount: (amount / 100).toFixed(2) }],
          transfers: transfers.map((t) => ({
            obligation: "o",
            date: new Date(Date.UTC(2022, 0, 1 + t.day)).toISOString().slice(0, 10),
            amount: (t.amount / 100).toFixed(2),
          })),
        };
        const r = computeArrears(deepFreeze(input));
        const o = r.obligations[0]!;
        let paid = 0n;
        for (const p of o.periods) {
          expect(p.paid.fen + p.outstanding.fen).toBe(p.due.fen);
          expect(p.overdue.fen <= p.outstanding.fen && p.paidLate.fen <= p.paid.fen).toBe(true);
          expect(p.daysLate >= 0).toBe(true);
          paid += p.paid.fen;
        }
        const counted = input.transfers
          .filter((t) => t.date <= asOf)
          .reduce((s, t) => s + BigInt(Math.round(Number(t.amount) * 100)), 0n);
        expect(paid + o.credit.fen).toBe(counted);
        const rev = computeArrears({ ...input, transfers: [...input.transfers].reverse() });
        expect(asJson(rev.obligations[0]!.periods.map((p) => [p.paid, p.overdue]))).toEqual(
          asJson(o.periods.map((p) => [p.paid, p.overdue])),
        );
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [
      "unknown obligation",
      { ...BASE, transfers: [{ obligation: "x", date: "2024-01-01", amount: "1.00" }] },
      ["transfers", 0, "obligation"],
    ],
    [
      "last before first",
      { ...BASE, obligations: [{ id: "p", frequency: "monthly", first: "2024-03", last: "2024-01", amount: "1.00" }] },
      ["obligations", 0, "last"],
    ],
    ["since after asOf", { ...BASE, since: "2024-06-01" }, ["since"]],
    [
      "bad frequency",
      { ...BASE, obligations: [{ id: "p", frequency: "weekly", first: "2024-01", amount: "1.00" }] },
      ["obligations", 0, "frequency"],
    ],
    [
      "bad month",
      { ...BASE, obligations: [{ id: "p", frequency: "monthly", first: "2024-1", amount: "1.00" }] },
      ["obligations", 0, "first"],
    ],
    [
      "negative transfer",
      { ...BASE, transfers: [{ obligation: "pension", date: "2024-01-01", amount: "-1" }] },
      ["transfers", 0, "amount"],
    ],
    [
      "duplicate obligation",
      { ...BASE, obligations: [BASE.obligations[0], BASE.obligations[0]] },
      ["obligations", 1, "id"],
    ],
    ["unknown key", { ...BASE, asof: "2024-01-01" }, []],
  ])("FUNDS-TRANSFER-1: %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => computeArrears(input as ComputeArrearsInput), "INVALID_INPUT", path);
  });

  it("FUNDS-TRANSFER-1: periods before the grace-days parameter takes effect are refused, not guessed", () => {
    expectSannongError(
      () =>
        computeArrears({
          ...BASE,
          obligations: [{ id: "pension", frequency: "monthly", first: "2019-01", amount: "1.00" }],
          transfers: [],
        }),
      "PARAM_NOT_IN_FORCE",
    );
  });
});
