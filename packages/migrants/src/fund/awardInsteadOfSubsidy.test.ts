import { describe, expect, it } from "vitest";
import { asJson, expectSannongError } from "../../../../test/helpers";
import { awardInsteadOfSubsidy } from "./awardInsteadOfSubsidy";

const ok = {
  projectId: "V-2024-01",
  kind: "beautiful-home-village" as const,
  award: "500000.00",
  acceptance: { passed: true, date: "2024-11-20", acceptedCost: "480000.00" },
  date: "2024-12-01",
};

describe("awardInsteadOfSubsidy", () => {
  it("MIG-FUND-3: nothing before acceptance; after it the award is settled at min(award, accepted cost)", () => {
    const r = awardInsteadOfSubsidy(ok);
    expect(asJson(r.plan.tranches.map((t) => [t.kind, t.amount]))).toEqual([
      ["advance", "0.00"],
      ["settlement", "500000.00"],
    ]);
    expect(asJson([r.settlement.final, r.settlement.payNow, r.settlement.recovery])).toEqual([
      "480000.00",
      "480000.00",
      "0.00",
    ]);
    expect(r.trace.rule).toBe("MIG-FUND-3");
    expect(r.trace.children?.map((c) => c.rule)).toEqual(["FUNDS-PAY-1", "FUNDS-PAY-1"]);
  });

  it("MIG-FUND-3: a retention is held until its date (村级“一事一议” project)", () => {
    const r = awardInsteadOfSubsidy({
      ...ok,
      kind: "one-matter-one-discussion",
      award: "100000.00",
      acceptance: { passed: true, date: "2024-11-20", acceptedCost: "120000.00" },
      retention: { ratio: "0.05", until: "2025-11-20" },
    });
    expect(
      asJson([r.settlement.final, r.settlement.payNow, r.settlement.retentionHeld, r.settlement.retentionReleaseOn]),
    ).toEqual(["100000.00", "95000.00", "5000.00", "2025-11-20"]);
  });

  it("MIG-FUND-3: no award without passing acceptance", () => {
    expectSannongError(
      () => awardInsteadOfSubsidy({ ...ok, acceptance: { ...ok.acceptance, passed: false } }),
      "NOT_ACCEPTED",
      ["acceptance", "passed"],
    );
  });

  it("MIG-FUND-3: bad input", () => {
    expectSannongError(() => awardInsteadOfSubsidy({ ...ok, date: "2024-11-19" }), "INVALID_INPUT", ["date"]);
    expectSannongError(() => awardInsteadOfSubsidy({ ...ok, kind: "county-road" } as never), "INVALID_INPUT", ["kind"]);
    expectSannongError(() => awardInsteadOfSubsidy({ ...ok, award: "-1" }), "INVALID_INPUT", ["award"]);
    expectSannongError(
      () => awardInsteadOfSubsidy({ ...ok, acceptance: { passed: true, date: "2024-11-20" } } as never),
      "INVALID_INPUT",
      ["acceptance", "acceptedCost"],
    );
    expectSannongError(
      () => awardInsteadOfSubsidy({ ...ok, retention: { ratio: "2", until: "2025-01-01" } }),
      "INVALID_INPUT",
      ["retention", "ratio"],
    );
    expectSannongError(() => awardInsteadOfSubsidy({ ...ok, advance: "1" } as never), "INVALID_INPUT", []);
  });
});
