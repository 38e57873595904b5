/**
 * The @example blocks of the TSDoc, run as written: the outputs shown in the
 * documentation are checked here so they cannot go stale.
 */
import { describe, expect, it } from "vitest";
import { overlay, PolicyError } from "@sannong/core";
import {
  RULES,
  assetsParameters,
  assetsParameterSet,
  assetRecordSchema,
  summarizeRegister,
  exportRegisterRows,
  classifyAssetScope,
  resolveOwnership,
  splitByOwnership,
  depreciationSchedule,
  netValueAt,
  netValuesAt,
  distributeRevenue,
  checkOperationChange,
  resolveMaintainer,
  splitMaintenanceCost,
  reconcileInventory,
  checkDisposal,
  routeRevitalizationProceeds,
  assessRisk,
  planVillageMerger,
  planFunctionalTransfer,
  revitalizationReport,
} from "../src/index";
import { fail } from "../src/errors";
import { record } from "./fixtures";

describe("TSDoc examples", () => {
  it("ASSET-REG-1, ASSET-REG-2: register examples", () => {
    expect(RULES["ASSET-DEP-1"].citation).toBe("《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(十一)1");
    expect(RULES["ASSET-DEP-1"].quote).toBe("扶贫资产已成为固定资产的,须依法依规计提折旧。");
    expect(RULES["ASSET-DEP-2"].quote).toBeUndefined();
    expect(() => fail("DISPOSAL_WITHOUT_VALUATION", { assetId: "A-1" }, ["valuation"])).toThrow(PolicyError);
    expect(assetsParameters.map((p) => p.id).includes("assets.revenue.minReserveRatio")).toBe(true);
    expect(overlay(assetsParameterSet, { "assets.revenue.minReserveRatio": { value: "0.2" } }).overridden[0]?.id).toBe(
      "assets.revenue.minReserveRatio",
    );
    expect(String(assetRecordSchema.parse(record()).originalValue)).toBe("100000.00");
    const a1 = record({ owner: "甲村集体" });
    const a2 = record({
      id: "A-2",
      owner: "乙村集体",
      originalValue: "50000.00",
      netValue: "45000.00",
      fundingSources: [{ source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "50000.00" }],
    });
    expect(summarizeRegister({ records: [a1, a2] }).byOwner.map((r) => [r.key, String(r.netValue)])).toEqual([
      ["乙村集体", "45000.00"],
      ["甲村集体", "80000.00"],
    ]);
    const t = exportRegisterRows({ records: [a1] });
    expect(t.headers.slice(0, 3)).toEqual(["资产编号", "资产名称", "类别"]);
    expect(t.rows[0]![9]).toBe("100000.00");
  });

  it("ASSET-SCOPE-1, ASSET-OWN-2: scope and ownership examples", () => {
    expect(classifyAssetScope({ ...record(), acquiredOn: "2015-05-01" }).status).toBe("pending-trace");
    expect(classifyAssetScope({ ...record(), type: "household" }).status).toBe("excluded");
    const r = resolveOwnership({
      kind: "cross-village",
      contributions: [
        { owner: "甲村", amount: "600000" },
        { owner: "乙村", amount: "300000" },
        { owner: "丙村", amount: "100000" },
      ],
    });
    expect(r.status === "determined" && r.owners).toEqual([
      { owner: "甲村", share: "3/5", percent: "60.00" },
      { owner: "乙村", share: "3/10", percent: "30.00" },
      { owner: "丙村", share: "1/10", percent: "10.00" },
    ]);
    expect(
      splitByOwnership({
        amount: "1000.00",
        owners: [
          { owner: "甲村", share: "1/3" },
          { owner: "乙村", share: "2/3" },
        ],
      }).parts.map((p) => String(p.amount)),
    ).toEqual(["333.33", "666.67"]);
  });

  it("ASSET-DEP-1: depreciation examples", () => {
    const s = depreciationSchedule({ cost: "120000.00", salvageRate: "0.05", lifeMonths: 120, start: "2020-01-15" });
    expect([String(s.rows[0]!.amount), s.rows[0]!.month, String(s.rows[119]!.netValue)]).toEqual([
      "950.00",
      "2020-02",
      "6000.00",
    ]);
    const asset = { cost: "120000.00", salvageRate: "0.05", lifeMonths: 120, start: "2020-01-15" };
    expect(String(netValueAt(asset, "2020-12-31").netValue)).toBe("109550.00");
    expect(String(netValueAt(asset, "2020-12-30").netValue)).toBe("110500.00");
    const r = netValuesAt({
      date: "2020-12-31",
      assets: [
        asset,
        { cost: "1000.00", salvageRate: "0", lifeMonths: 10, start: "2020-01-01", startRule: "same-month" },
      ],
    });
    expect([r.netValues.map(String), String(r.total)]).toEqual([["109550.00", "0.00"], "109550.00"]);
  });

  it("ASSET-REV-6: revenue example", () => {
    const r = distributeRevenue({
      asOf: "2021-12-31",
      income: "100000.00",
      maintenanceFromIncome: "10000.00",
      reserveRatio: "0.1",
      uses: [
        { id: "posts", kind: "poor-households", share: "0.6", basis: "public-welfare-post" },
        { id: "collective", kind: "collective-economy", share: "0.4" },
      ],
      households: [
        { id: "h1", use: "posts", months: 12 },
        { id: "h2", use: "posts", months: 6 },
      ],
    });
    expect([String(r.reserve), r.households.map((h) => String(h.amount)), String(r.uses[1]!.amount)]).toEqual([
      "9000.00",
      ["32400.00", "16200.00"],
      "32400.00",
    ]);
  });

  it("ASSET-OPS-2, ASSET-CARE-1, ASSET-CARE-2, ASSET-INV-1: operation, maintenance and inventory examples", () => {
    expect(
      checkOperationChange({
        asset: { id: "A-1", ownership: "village" },
        contract: {
          operator: "甲合作社",
          mode: "lease",
          term: { from: "2020-01-01", to: "2024-12-31" },
          revenueDistribution: "租金归村集体",
          riskControl: "押金",
        },
        proposed: { operator: "乙公司" },
        ownerConsent: { given: true, date: "2022-03-01" },
        events: [
          {
            step: "democratic-decision",
            date: "2022-03-05",
            form: "representatives-meeting",
            attendees: 30,
            eligible: 40,
            votesFor: 25,
          },
          { step: "township-review-filing", date: "2022-03-20" },
        ],
      }).valid,
    ).toBe(true);
    expect(
      resolveMaintainer({ kind: "cross-township", beneficiary: "甲村、乙村", locatedInTownship: "河西镇" }).maintainer,
    ).toBe("河西镇");
    const m = splitMaintenanceCost({
      asOf: "2021-12-31",
      townshipBudget: "3000.00",
      operatingIncome: "10000.00",
      items: [{ id: "m1", description: "光伏板清洗", use: "repairs", amount: "5000.00" }],
    });
    expect([String(m.township), String(m.fromIncome), String(m.incomeLeft)]).toEqual(["3000.00", "2000.00", "8000.00"]);
    const inv = reconcileInventory({
      year: 2020,
      countedOn: "2021-01-15",
      generalLedger: { total: "150000.00" },
      ledger: [
        { id: "A-1", quantity: "1", value: "100000.00" },
        { id: "A-2", quantity: "10", value: "50000.00" },
      ],
      cards: [{ id: "A-1", quantity: "1", value: "100000.00" }],
      onSite: [
        { id: "A-1", quantity: "1" },
        { id: "A-2", quantity: "8" },
      ],
    });
    expect(inv.discrepancies.map((x) => [x.check, x.type, x.assetId])).toEqual([
      ["ledger-card", "missing", "A-2"],
      ["ledger-physical", "missing", "A-2"],
    ]);
  });

  it("ASSET-DISP-3, ASSET-DISP-4, ASSET-RISK-1: disposal and risk examples", () => {
    const r = checkDisposal({
      asset: { id: "A-9", originalValue: "80000.00", netValue: "4000.00" },
      ground: "end-of-life",
      method: "auction",
      valuation: {
        appraiser: "某资产评估公司",
        qualified: true,
        independent: true,
        value: "5000.00",
        date: "2023-03-01",
      },
      events: [
        { step: "valuation", date: "2023-03-01" },
        { step: "township-approval", date: "2023-03-10" },
        { step: "district-filing", date: "2023-03-15" },
        { step: "valuation-publication", date: "2023-03-05" },
        { step: "disposal", date: "2023-04-01" },
      ],
      proceeds: "5200.00",
    });
    expect([r.allowed, String(r.writeOff?.gainOrLoss)]).toEqual([true, "1200.00"]);
    expect(
      routeRevitalizationProceeds({
        assetId: "A-3",
        condition: "loss-making",
        method: "principal-recovery",
        proceeds: "30000.00",
        date: "2022-05-01",
      }).destination,
    ).toBe("district-treasury");
    const risk = assessRisk({
      asOf: "2021-06-30",
      entity: { id: "E-1", kind: "cooperative" },
      stage: "implemented",
      lossMaking: false,
      scores: {
        "output-benefit": 50,
        "operating-status": 60,
        "sales-channels": 90,
        "poverty-reduction-capacity": 80,
        "assistance-measures": 85,
      },
    });
    expect([risk.level, risk.score, risk.causes.map((c) => c.indicator)]).toEqual([
      "medium",
      "73.00",
      ["output-benefit", "operating-status"],
    ]);
  });

  it("ASSET-MERGE-1, ASSET-MERGE-2, ASSET-REVIT-1: merger and revitalisation examples", () => {
    const m = planVillageMerger({
      asOf: "2021-04-01",
      villages: [
        { id: "甲村", assets: "1200000.00", debts: "200000.00", members: 1000 },
        { id: "乙村", assets: "900000.00", debts: "0.00", members: 1000 },
      ],
    });
    expect([m.mode, m.figures.difference, m.figures.max, m.figures.min]).toEqual([
      "direct",
      "1/10",
      "1000.00",
      "900.00",
    ]);
    const t = planFunctionalTransfer({
      date: "2021-05-20",
      assets: [{ id: "车-1", holder: "原甲乡政府", function: "农技推广" }],
      functionMoves: [{ function: "农技推广", from: "原甲乡政府", to: "新乙镇农业服务中心" }],
      personMoves: [],
    });
    expect(t.lines[0]!.to).toBe("新乙镇农业服务中心");
    const r = revitalizationReport({
      asOf: "2021-09-30",
      items: [
        {
          id: "R-1",
          name: "原乡政府办公楼",
          level: "township",
          category: "office-use",
          measure: "调剂为镇便民服务中心",
          responsible: "镇党政办",
          listedOn: "2021-06-15",
          deadline: "2021-08-31",
          value: "800000.00",
        },
        {
          id: "R-2",
          name: "原村小学",
          level: "village",
          category: "collective-economy",
          measure: "改作仓储用房",
          responsible: "村股份经济合作社",
          listedOn: "2021-06-15",
          difficulty: "easy",
          value: "200000.00",
          closedOn: "2021-09-01",
        },
      ],
    });
    expect([r.overdue, r.rate.byCount.percent, r.rate.byValue.percent]).toEqual([["R-1"], "50.00", "20.00"]);
  });
});
