import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sum } from "@sannong/core";
import { deepFreeze, expectSannongError, asJson } from "../../../../test/helpers";
import { expectUnknownKey, record } from "../../test/fixtures";
import { summarizeRegister } from "./summarizeRegister";
import { exportRegisterRows } from "./exportRegisterRows";

const a1 = record();
const a2 = record({
  id: "A-2",
  name: "食用菌大棚",
  category: "种植基地",
  owner: "乙村股份经济合作社",
  status: "idle",
  originalValue: "50000.00",
  netValue: "45000.00",
  fundingSources: [{ source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "50000.00" }],
});
const a3 = record({
  id: "A-3",
  originalValue: "3.00",
  netValue: "1.00",
  fundingSources: [
    { source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "1.00" },
    { source: "村集体自筹", kind: "collective", amount: "1.00" },
    { source: "社会捐赠", kind: "social", amount: "1.00" },
  ],
});

describe("summarizeRegister", () => {
  it("ASSET-REG-2: summarises by category, owner, status and source", () => {
    const s = summarizeRegister(deepFreeze({ records: [a1, a2] }));
    expect(s.total.count).toBe(2);
    expect(String(s.total.originalValue)).toBe("150000.00");
    expect(asJson(s.byOwner)).toEqual([
      { key: "乙村股份经济合作社", count: 1, originalValue: "50000.00", netValue: "45000.00" },
      { key: "甲村股份经济合作社", count: 1, originalValue: "100000.00", netValue: "80000.00" },
    ]);
    expect(asJson(s.byStatus)).toEqual([
      { key: "idle", count: 1, originalValue: "50000.00", netValue: "45000.00" },
      { key: "in-use", count: 1, originalValue: "100000.00", netValue: "80000.00" },
    ]);
    expect((asJson(s.byCategory) as { key: string }[]).map((r) => r.key)).toEqual(["光伏电站", "种植基地"]);
    // A-1's net value 80000 is split 80:20 over its sources; A-2's goes to fiscal funds.
    expect(asJson(s.bySource)).toEqual([
      { source: "中央财政专项扶贫资金", kind: "fiscal-poverty", count: 2, amount: "130000.00", netValue: "109000.00" },
      { source: "村集体自筹", kind: "collective", count: 1, amount: "20000.00", netValue: "16000.00" },
    ]);
    expect(s.trace.rule).toBe("ASSET-REG-2");
  });

  it("ASSET-REG-2: the by-source net values add up to the total to the fen (1.00 over three equal sources)", () => {
    const s = summarizeRegister({ records: [a3] });
    expect(s.bySource.map((r) => String(r.netValue)).sort()).toEqual(["0.33", "0.33", "0.34"]);
    expect(String(sum(s.bySource.map((r) => r.netValue)))).toBe("1.00");
  });

  it("ASSET-REG-2: property — summaries do not depend on the order of the records", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([a1, a2, a3], { minLength: 3, maxLength: 3 }), (rs) => {
        expect(asJson({ ...summarizeRegister({ records: rs }), trace: null })).toEqual(
          asJson({ ...summarizeRegister({ records: [a1, a2, a3] }), trace: null }),
        );
      }),
    );
  });

  it("ASSET-REG-2: rejects bad input", () => {
    expectUnknownKey(() => summarizeRegister({ records: [a1], extra: 1 } as never), "extra");
    expectSannongError(() => summarizeRegister({ records: [a1, a1] }), "INVALID_INPUT", ["records", 1, "id"]);
    expectSannongError(() => summarizeRegister({ records: [a1] }, { parameters: 5 } as never), "INVALID_INPUT", [
      "parameters",
    ]);
  });
});

describe("exportRegisterRows", () => {
  it("ASSET-REG-2: exports rows with Chinese headers", () => {
    const t = exportRegisterRows({
      records: [
        record({
          letting: {
            mode: "lease",
            counterparty: "某合作社",
            fee: "6000",
            term: { from: "2019-01-01", to: "2023-12-31" },
          },
        }),
        a2,
      ],
    });
    expect(t.headers.slice(0, 4)).toEqual(["资产编号", "资产名称", "类别", "资产类型"]);
    expect(t.headers).toContain("资金来源构成");
    expect(t.headers).toContain("收益权人");
    expect(t.rows[0]).toEqual([
      "A-1",
      "村级光伏电站",
      "光伏电站",
      "经营类（固定资产）",
      "2018-06-30",
      "20",
      "在用",
      "1",
      "座",
      "100000.00",
      "中央财政专项扶贫资金（财政专项扶贫资金）80000.00；村集体自筹（村集体自筹）20000.00",
      "80000.00",
      "甲村股份经济合作社",
      "甲村股份经济合作社",
      "甲村股份经济合作社",
      "租赁",
      "某合作社",
      "6000.00",
      "2019-01-01",
      "2023-12-31",
    ]);
    expect(t.rows[1]?.[6]).toBe("闲置");
    expect(t.rows[1]?.slice(15)).toEqual(["", "", "", "", ""]);
    expect(t.rows.every((r) => r.length === t.headers.length)).toBe(true);
  });

  it("ASSET-REG-2: English headers on request", () => {
    expect(exportRegisterRows({ records: [a1], lang: "en" }).headers[0]).toBe("Asset id");
  });

  it("ASSET-REG-2: rejects bad input", () => {
    expectSannongError(() => exportRegisterRows({ records: [a1], lang: "fr" } as never), "INVALID_INPUT", ["lang"]);
  });
});
