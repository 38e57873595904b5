import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay, renderTrace } from "@sannong/core";
import { transitionPayments, type TransitionPaymentsInput } from "./transitionPayments";
import { insuranceParameterSet } from "../parameters";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

describe("transitionPayments", () => {
  const example = deepFreeze({
    startMonth: "2024-02",
    approvalDate: "2024-08-20",
    monthlyStandard: "1800.00",
    persons: [{ id: "a" }, { id: "b", until: "2024-05-03" }],
  });

  it("INS-OVERAGE-4: worked example — quarterly payments in advance to the village collective until the approval month", () => {
    const r = transitionPayments(example);
    expect(r.payments.map((p) => [p.dueDate, p.from, p.to, p.personMonths, String(p.amount), p.payee])).toEqual([
      ["2024-02-01", "2024-02", "2024-03", 4, "7200.00", "village-collective"],
      ["2024-04-01", "2024-04", "2024-06", 5, "9000.00", "village-collective"],
      ["2024-07-01", "2024-07", "2024-08", 2, "3600.00", "village-collective"],
    ]);
    expect(String(r.total)).toBe("19800.00");
    expect(r.lastMonth).toBe("2024-08");
    expect(r.exceedsInjected).toBeNull();
    expect(renderTrace(r.trace)).toContain("INS-OVERAGE-4");
  });

  it("INS-OVERAGE-4: the payment period and the civil-affairs standard are parameters; the standard is read month by month", () => {
    const p = overlay(insuranceParameterSet, {
      "insurance.overage.transitionMonthlyStandard": [
        { from: "2021-12-04", value: "1700.00", source: { document: "区民政局标准（示例）", verified: false } },
        { from: "2024-07-01", value: "1750.00", source: { document: "区民政局标准（示例）", verified: false } },
      ],
      "insurance.overage.transitionPaymentPeriod": { value: "month" },
    });
    const r = transitionPayments(
      { startMonth: "2024-05", until: "2024-08", persons: [{ id: "a" }, { id: "b", from: "2024-07" }] },
      { parameters: p },
    );
    expect(r.payments.map((x) => [x.from, String(x.amount)])).toEqual([
      ["2024-05", "1700.00"],
      ["2024-06", "1700.00"],
      ["2024-07", "3500.00"],
      ["2024-08", "3500.00"],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(["NO_APPROVAL_YET"]);
    expect(
      r.trace.parameters?.filter((x) => x.id === "insurance.overage.transitionMonthlyStandard").map((x) => x.value),
    ).toEqual(["1700.00", "1750.00"]);
  });

  it("INS-OVERAGE-4: no standard given and none set is a typed refusal", () => {
    expectSannongError(
      () => transitionPayments({ startMonth: "2024-05", until: "2024-08", persons: [{ id: "a" }] }),
      "STANDARD_NOT_SET",
      ["monthlyStandard"],
    );
  });

  it("INS-OVERAGE-4: payments are compared with the injected money", () => {
    expect(transitionPayments({ ...example, injectedAmount: "20000.00" })).toMatchObject({
      exceedsInjected: false,
      warnings: [],
    });
    const r = transitionPayments({ ...example, injectedAmount: "19799.99" });
    expect(r.exceedsInjected).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(["EXCEEDS_INJECTED"]);
  });

  it("INS-OVERAGE-4: yearly periods split at calendar years; approval in the start month covers one month", () => {
    const y = transitionPayments({
      startMonth: "2023-11",
      until: "2025-02",
      monthlyStandard: "10.00",
      paymentPeriod: "year",
      persons: [{ id: "a" }],
    });
    expect(y.payments.map((p) => [p.dueDate, p.from, p.to, p.personMonths])).toEqual([
      ["2023-11-01", "2023-11", "2023-12", 2],
      ["2024-01-01", "2024-01", "2024-12", 12],
      ["2025-01-01", "2025-01", "2025-02", 2],
    ]);
    const one = transitionPayments({
      startMonth: "2024-03",
      approvalDate: "2024-03-31",
      monthlyStandard: "10.00",
      persons: [{ id: "a" }],
    });
    expect(one.payments.map((p) => [p.from, p.to, String(p.amount)])).toEqual([["2024-03", "2024-03", "10.00"]]);
  });

  it("INS-OVERAGE-4: property — the total is the standard × all covered person-months, and the periods tile the months", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 40 }),
        fc.array(
          fc.record({
            from: fc.option(fc.nat({ max: 45 }), { nil: undefined }),
            until: fc.option(fc.nat({ max: 45 }), { nil: undefined }),
          }),
          { maxLength: 10 },
        ),
        fc.constantFrom("month" as const, "quarter" as const, "year" as const),
        fc.nat({ max: 500_000 }),
        (len, raw, paymentPeriod, fen) => {
          const base = 2024 * 12 + 4; // 2024-05
          const fmt = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
          const persons = raw.map((p, i) => ({
            id: `p${i}`,
            ...(p.from !== undefined ? { from: fmt(base + p.from) } : {}),
            ...(p.until !== undefined ? { until: `${fmt(base + p.until)}-15` } : {}),
          }));
          const r = transitionPayments({
            startMonth: fmt(base),
            until: fmt(base + len),
            monthlyStandard: (fen / 100).toFixed(2),
            paymentPeriod,
            persons,
          });
          let pm = 0;
          for (const p of raw) {
            const a = p.from ?? 0;
            const b = Math.min(p.until ?? len, len);
            if (b >= a) pm += b - a + 1;
          }
          expect(r.payments.reduce((a, p) => a + p.personMonths, 0)).toBe(pm);
          expect(r.total.fen).toBe(BigInt(fen) * BigInt(pm));
          expect(r.payments.reduce((a, p) => a + p.amount.fen, 0n)).toBe(r.total.fen);
          expect(r.payments[0]!.from).toBe(fmt(base));
          expect(r.payments[r.payments.length - 1]!.to).toBe(fmt(base + len));
        },
      ),
    );
  });

  const good: TransitionPaymentsInput = {
    startMonth: "2024-02",
    approvalDate: "2024-08-20",
    monthlyStandard: "1800.00",
    persons: [{ id: "a" }],
  };
  it.each([
    [{ ...good, startMonth: "2024-13" }, ["startMonth"]],
    [{ ...good, approvalDate: "2024-01-31" }, ["approvalDate"]],
    [{ startMonth: "2024-02", monthlyStandard: "1.00", persons: [] }, ["until"]],
    [{ startMonth: "2024-02", until: "2024-01", monthlyStandard: "1.00", persons: [] }, ["until"]],
    [{ ...good, monthlyStandard: "-5.00" }, ["monthlyStandard"]],
    [{ ...good, paymentPeriod: "week" }, ["paymentPeriod"]],
    [{ ...good, injectedAmount: "abc" }, ["injectedAmount"]],
    [{ ...good, persons: [{ id: "a" }, { id: "a" }] }, ["persons", 1, "id"]],
    [{ ...good, persons: [{ id: "a", from: "2024-02-01" }] }, ["persons", 0, "from"]],
    [{ ...good, persons: [{ id: "a", age: 61 }] }, ["persons", 0]],
    [{ ...good, village: "x" }, []],
  ])("INS-OVERAGE-4: bad input %# is INVALID_INPUT", (input, path) => {
    const e = expectSannongError(() => transitionPayments(input as TransitionPaymentsInput), "INVALID_INPUT");
    if (path.length) expect(e.path).toEqual(path);
  });
});
