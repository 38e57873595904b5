import { describe, expect, it } from "vitest";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey } from "../../test/fixtures";
import { checkDisposal, type CheckDisposalInput } from "./checkDisposal";
import { routeRevitalizationProceeds } from "./routeRevitalizationProceeds";

const events = [
  { step: "valuation", date: "2023-03-01" },
  { step: "township-approval", date: "2023-03-10" },
  { step: "district-filing", date: "2023-03-15" },
  { step: "valuation-publication", date: "2023-03-05" },
  { step: "disposal", date: "2023-04-01" },
];
const base: CheckDisposalInput = {
  asset: { id: "A-9", name: "旧烘干设备", originalValue: "80000.00", netValue: "4000.00" },
  ground: "end-of-life",
  method: "auction",
  valuation: {
    appraiser: "某资产评估有限公司",
    qualified: true,
    independent: true,
    value: "5000.00",
    date: "2023-03-01",
  },
  events,
  proceeds: "5200.00",
};

describe("checkDisposal", () => {
  it("ASSET-DISP-2: valuation → township approval → district filing, published, then disposal", () => {
    const r = checkDisposal(deepFreeze(base));
    expect(r.allowed).toBe(true);
    expect(r.approval.complete).toBe(true);
    expect(r.violations).toEqual([]);
    expect(r.trace.rule).toBe("ASSET-DISP-2");
  });

  it("ASSET-DISP-3: proceeds go to the district treasury and a write-off entry is made", () => {
    const r = checkDisposal(base);
    expect(r.proceeds).toMatchObject({ destination: "district-treasury", budgetManaged: true, rule: "ASSET-DISP-3" });
    expect(String(r.proceeds?.amount)).toBe("5200.00");
    expect(r.writeOff).toMatchObject({
      assetId: "A-9",
      date: "2023-04-01",
      method: "auction",
      ground: "end-of-life",
      appraiser: "某资产评估有限公司",
      rule: "ASSET-DISP-3",
    });
    expect(String(r.writeOff?.gainOrLoss)).toBe("1200.00");
  });

  it("ASSET-DISP-2: disposal before filing or without publication is not allowed, and nothing is written off", () => {
    const r = checkDisposal({ ...base, events: events.filter((e) => e.step !== "valuation-publication") });
    expect(r.allowed).toBe(false);
    expect(r.approval.missing).toEqual(["valuation-publication"]);
    expect(r.violations[0]).toMatchObject({ code: "PROCEDURE_INCOMPLETE", rule: "ASSET-DISP-2" });
    expect(r.writeOff).toBeNull();
    const early = checkDisposal({
      ...base,
      events: events.map((e) => (e.step === "disposal" ? { ...e, date: "2023-03-12" } : e)),
    });
    expect(early.allowed).toBe(false);
    expect(early.approval.outOfOrder[0]?.step).toBe("disposal");
  });

  it("ASSET-DISP-2: disposal without a valuation is refused; so is an unqualified or dependent appraiser", () => {
    const { valuation: _v, ...none } = base;
    expectSannongError(() => checkDisposal(none), "DISPOSAL_WITHOUT_VALUATION", ["valuation"]);
    const e = expectSannongError(
      () => checkDisposal({ ...base, valuation: { ...base.valuation!, independent: false } }),
      "VALUATION_NOT_QUALIFIED",
      ["valuation"],
    );
    expect(e.zh).toContain("独立第三方");
  });

  it("ASSET-DISP-1: only the four grounds; auction, transfer or scrap", () => {
    for (const ground of ["natural-disaster", "development-planning", "unusable", "end-of-life"] as const)
      expect(checkDisposal({ ...base, ground }).allowed).toBe(true);
    expectSannongError(
      () => checkDisposal({ ...base, ground: "other", groundNote: "村委会想卖" }),
      "DISPOSAL_GROUND_NOT_ALLOWED",
      ["ground"],
    );
    expectSannongError(() => checkDisposal({ ...base, method: "gift" } as never), "INVALID_INPUT", ["method"]);
  });

  it("ASSET-DISP-2: proceeds below the valuation are a warning (asset loss)", () => {
    const r = checkDisposal({ ...base, proceeds: "4000.00" });
    expect(r.allowed).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(["PROCEEDS_BELOW_VALUATION"]);
    expect(checkDisposal({ ...base, method: "scrap", proceeds: "100.00" }).warnings).toEqual([]);
  });

  it("ASSET-DISP-1: rejects malformed input", () => {
    expectUnknownKey(() => checkDisposal({ ...base, price: "1" } as never), "price");
    expectSannongError(() => checkDisposal({ ...base, proceeds: "-5" }), "INVALID_INPUT", ["proceeds"]);
    expectSannongError(
      () => checkDisposal({ ...base, valuation: { ...base.valuation!, date: "2023-02-29" } }),
      "INVALID_INPUT",
      ["valuation", "date"],
    );
  });
});

describe("routeRevitalizationProceeds", () => {
  it("ASSET-DISP-4: revitalisation proceeds go to the district treasury for other poverty projects", () => {
    const r = routeRevitalizationProceeds({
      assetId: "A-3",
      condition: "loss-making",
      method: "principal-recovery",
      proceeds: "30000.00",
      date: "2022-05-01",
    });
    expect(r).toMatchObject({ destination: "district-treasury", use: "other-poverty-projects", rule: "ASSET-DISP-4" });
    expect(String(r.amount)).toBe("30000.00");
    expect(r.trace.note?.zh).toContain("收回本金");
  });

  it("ASSET-DISP-4: rejects bad input", () => {
    expectSannongError(
      () =>
        routeRevitalizationProceeds({
          assetId: "A-3",
          condition: "loss-making",
          method: "sale",
          proceeds: "1",
          date: "2022-05-01",
        } as never),
      "INVALID_INPUT",
      ["method"],
    );
    expectUnknownKey(
      () =>
        routeRevitalizationProceeds({
          assetId: "A-3",
          condition: "idle",
          method: "restructuring",
          proceeds: "1",
          date: "2022-05-01",
          to: "x",
        } as never),
      "to",
    );
  });
});
