import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey } from "../../test/fixtures";
import { assetsParameterSet } from "../parameters";
import { planVillageMerger, type PlanVillageMergerInput } from "./planVillageMerger";
import { planFunctionalTransfer } from "./planFunctionalTransfer";

const close: PlanVillageMergerInput = {
  asOf: "2021-04-01",
  villages: [
    { id: "甲村", assets: "1200000.00", debts: "200000.00", members: 1000 },
    { id: "乙村", assets: "900000.00", debts: "0.00", members: 1000 },
  ],
};

describe("planVillageMerger", () => {
  it("ASSET-MERGE-1: (max − min) ÷ max of net assets per member within the threshold → direct transfer", () => {
    const r = planVillageMerger(deepFreeze(close));
    expect(r.mode).toBe("direct");
    expect(r.figures).toMatchObject({
      measure: "net-assets-per-member",
      max: "1000.00",
      min: "900.00",
      difference: "1/10",
      differenceRatio: "0.1000",
      threshold: "0.2",
    });
    expect(r.figures.villages.map((v) => [v.id, String(v.netAssets), v.perMember])).toEqual([
      ["甲村", "1000000.00", "1000.00"],
      ["乙村", "900000.00", "900.00"],
    ]);
    expect(r.steps[0]!.zh).toBe("直接移交");
    expect(r.trace.parameters?.[0]).toMatchObject({ id: "assets.merger.differenceThreshold", verified: false });
  });

  it("ASSET-MERGE-1: a large difference → clarify ownership, then allocate by category", () => {
    const r = planVillageMerger({
      ...close,
      villages: [...close.villages, { id: "丙村", assets: "300000.00", debts: "100000.00", members: 400 }],
    });
    expect(r.mode).toBe("classified");
    expect(r.figures.difference).toBe("1/2");
    expect(r.steps.map((s) => s.zh)).toContain("分类划入合并村");
    expect(r.reason.zh).toContain("差异较大");
  });

  it("ASSET-MERGE-1: the threshold is a parameter; exactly at the threshold is direct", () => {
    const local = overlay(assetsParameterSet, { "assets.merger.differenceThreshold": { value: "0.1" } });
    expect(planVillageMerger(close, { parameters: local }).mode).toBe("direct");
    const tighter = overlay(assetsParameterSet, { "assets.merger.differenceThreshold": { value: "0.0999" } });
    expect(planVillageMerger(close, { parameters: tighter }).mode).toBe("classified");
  });

  it("ASSET-MERGE-1: non-positive net assets cannot be compared as a ratio → classified, not guessed", () => {
    const r = planVillageMerger({
      ...close,
      villages: [
        { id: "a", assets: "100.00", debts: "500.00", members: 10 },
        { id: "b", assets: "0", debts: "0", members: 5 },
      ],
    });
    expect(r.mode).toBe("classified");
    expect(r.figures.difference).toBeUndefined();
    expect(r.figures.villages[0]!.perMember).toBe("-40.00");
  });

  it("ASSET-MERGE-1: other measures (debts per member)", () => {
    expect(planVillageMerger({ ...close, measure: "debts-per-member" }).mode).toBe("classified");
    expect(planVillageMerger({ ...close, measure: "assets-per-member" }).figures.difference).toBe("1/4");
    expect(
      planVillageMerger({
        ...close,
        measure: "debts-per-member",
        villages: close.villages.map((v) => ({ ...v, debts: "0" })),
      }).mode,
    ).toBe("direct");
  });

  it("ASSET-MERGE-1: property — the order of the villages does not change the decision", () => {
    const vs = [
      ...close.villages,
      { id: "丙村", assets: "950000.00", debts: "10000.00", members: 990 },
      { id: "丁村", assets: "77.77", debts: "0.01", members: 3 },
    ];
    const base = planVillageMerger({ ...close, villages: vs });
    fc.assert(
      fc.property(fc.shuffledSubarray(vs, { minLength: 4, maxLength: 4 }), (p) => {
        const r = planVillageMerger({ ...close, villages: p });
        expect([r.mode, r.figures.difference, r.figures.max, r.figures.min]).toEqual([
          base.mode,
          base.figures.difference,
          base.figures.max,
          base.figures.min,
        ]);
      }),
    );
  });

  it("ASSET-MERGE-1: rejects bad input", () => {
    expectSannongError(() => planVillageMerger({ ...close, villages: [close.villages[0]!] }), "INVALID_INPUT", [
      "villages",
    ]);
    expectSannongError(
      () => planVillageMerger({ ...close, villages: [close.villages[0]!, { ...close.villages[1]!, members: 0 }] }),
      "INVALID_INPUT",
      ["villages", 1, "members"],
    );
    expectSannongError(
      () => planVillageMerger({ ...close, villages: [close.villages[0]!, close.villages[0]!] }),
      "INVALID_INPUT",
      ["villages", 1, "id"],
    );
    expectSannongError(
      () => planVillageMerger({ ...close, villages: [close.villages[0]!, { ...close.villages[1]!, debts: "-1" }] }),
      "INVALID_INPUT",
      ["villages", 1, "debts"],
    );
    expectSannongError(() => planVillageMerger({ ...close, asOf: "2019-06-01" }), "PARAM_NOT_IN_FORCE");
    expectUnknownKey(() => planVillageMerger({ ...close, threshold: "0.5" } as never), "threshold");
  });
});

describe("planFunctionalTransfer", () => {
  const input = {
    date: "2021-05-20",
    assets: [
      { id: "车-1", holder: "原甲乡政府", function: "农技推广" },
      { id: "电脑-7", holder: "原甲乡政府", person: "张三" },
      { id: "房-2", holder: "原甲乡政府" },
      { id: "仪器-3", holder: "原甲乡政府", function: "农技推广", person: "李四" },
    ],
    functionMoves: [{ function: "农技推广", from: "原甲乡政府", to: "乙镇农业服务中心" }],
    personMoves: [
      { person: "张三", from: "原甲乡政府", to: "乙镇党政办" },
      { person: "李四", from: "原甲乡政府", to: "乙镇党政办" },
    ],
  };

  it("ASSET-MERGE-2: assets follow functions and people; both sides record the transfer", () => {
    const r = planFunctionalTransfer(deepFreeze(input));
    expect(r.lines.map((l) => [l.assetId, l.status, l.to ?? null, l.follows ?? null])).toEqual([
      ["车-1", "transfer", "乙镇农业服务中心", "function"],
      ["电脑-7", "transfer", "乙镇党政办", "person"],
      ["房-2", "stay", null, null],
      ["仪器-3", "conflict", null, null],
    ]);
    expect(r.lines[0]!.entries).toEqual([
      { side: "transferor", unit: "原甲乡政府", action: "transfer-out", date: "2021-05-20" },
      { side: "recipient", unit: "乙镇农业服务中心", action: "transfer-in", date: "2021-05-20" },
    ]);
    expect(r.counts).toEqual({ transfer: 2, stay: 1, conflict: 1 });
    expect(r.rule).toBe("ASSET-MERGE-2");
  });

  it("ASSET-MERGE-2: rejects bad input", () => {
    expectSannongError(
      () => planFunctionalTransfer({ ...input, functionMoves: [{ function: "x", from: "a", to: "a" }] }),
      "INVALID_INPUT",
      ["functionMoves", 0, "to"],
    );
    expectSannongError(
      () => planFunctionalTransfer({ ...input, assets: [input.assets[0]!, input.assets[0]!] }),
      "INVALID_INPUT",
      ["assets", 1, "id"],
    );
    expectSannongError(
      () => planFunctionalTransfer({ ...input, personMoves: [input.personMoves[0]!, input.personMoves[0]!] }),
      "INVALID_INPUT",
      ["personMoves", 1],
    );
    expectUnknownKey(
      () =>
        planFunctionalTransfer({
          ...input,
          functionMoves: [{ function: "x", from: "a", to: "b", when: "now" }],
        } as never),
      "when",
      ["functionMoves", 0],
    );
  });
});
