import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey } from "../../test/fixtures";
import { assetsParameterSet } from "../parameters";
import { revitalizationReport, type RevitalizationReportInput } from "./revitalizationReport";

const office = {
  id: "R-1",
  name: "原乡政府办公楼",
  level: "township" as const,
  category: "office-use" as const,
  measure: "调剂为镇便民服务中心",
  responsible: "镇党政办",
  listedOn: "2021-06-15",
  deadline: "2021-08-31",
  value: "800000.00",
};
const school = {
  id: "R-2",
  name: "原村小学",
  level: "village" as const,
  category: "collective-economy" as const,
  measure: "改作仓储用房",
  responsible: "村股份经济合作社",
  listedOn: "2021-06-15",
  difficulty: "easy" as const,
  value: "200000.00",
  closedOn: "2021-09-01",
};
const input: RevitalizationReportInput = { asOf: "2021-09-30", items: [office, school] };

describe("revitalizationReport", () => {
  it("ASSET-REVIT-1: overdue items at a date; rate by count and by value", () => {
    const r = revitalizationReport(deepFreeze(input));
    expect(r.overdue).toEqual(["R-1"]);
    expect(r.items.map((x) => [x.id, x.status, x.deadline, x.daysLate ?? null])).toEqual([
      ["R-1", "overdue", "2021-08-31", 30],
      ["R-2", "closed", "2021-09-15", null],
    ]);
    expect(asJson(r.rate)).toEqual({
      byCount: { closed: 1, total: 2, ratio: "1/2", percent: "50.00" },
      byValue: { closed: "200000.00", total: "1000000.00", ratio: "1/5", percent: "20.00" },
    });
  });

  it("ASSET-REVIT-1: the deadline follows the difficulty (parameter) when none is given", () => {
    const local = overlay(assetsParameterSet, {
      "assets.revitalization.deadlineMonths": { value: { easy: 1, medium: 6, hard: 12 } },
    });
    const r = revitalizationReport(input, { parameters: local });
    expect(r.items[1]).toMatchObject({ deadline: "2021-07-15", status: "closed-late", daysLate: 48 });
  });

  it("ASSET-REVIT-1: a close-out after the report date does not count yet; later listings are left out", () => {
    const r = revitalizationReport({
      asOf: "2021-08-15",
      items: [office, school, { ...office, id: "R-3", listedOn: "2021-10-01", deadline: "2021-12-31" }],
    });
    expect(r.items.map((x) => x.status)).toEqual(["open", "open"]);
    expect(r.rate.byCount.percent).toBe("0.00");
    expect(r.notYetListed).toBe(1);
    expect(revitalizationReport({ asOf: "2021-08-15", items: [] }).rate.byCount).toEqual({
      closed: 0,
      total: 0,
      ratio: null,
      percent: null,
    });
  });

  it("ASSET-REVIT-2: 五个一批 for township assets, 四个一批 for village assets", () => {
    const r = revitalizationReport(input);
    expect(r.byCategory.map((c) => [c.category, c.label.zh, c.items, c.closed])).toEqual([
      ["office-use", "充实办公用房一批", 1, 0],
      ["collective-economy", "集体经济使用一批", 1, 1],
    ]);
    expectSannongError(
      () => revitalizationReport({ ...input, items: [{ ...office, category: "market-operation" }] }),
      "INVALID_INPUT",
      ["items", 0, "category"],
    );
    expectSannongError(
      () => revitalizationReport({ ...input, items: [{ ...school, category: "state-capital" }] }),
      "INVALID_INPUT",
      ["items", 0, "category"],
    );
  });

  it("ASSET-REVIT-2: a market disposal closed without a valuation is flagged", () => {
    const sale = { ...office, id: "R-4", category: "market-disposal" as const, closedOn: "2021-08-01" };
    expect(revitalizationReport({ ...input, items: [sale] }).flags.map((f) => [f.code, f.rule])).toEqual([
      ["DISPOSED_WITHOUT_VALUATION", "ASSET-REVIT-2"],
    ]);
    expect(revitalizationReport({ ...input, items: [{ ...sale, valuedOn: "2021-07-01" }] }).flags).toEqual([]);
  });

  it("ASSET-REVIT-4: a deadline after the plan's end (the last milestone, 2021-12-31) is flagged, given or set by difficulty", () => {
    // hard: listed 2021-06-15 + 12 months (parameter) = 2022-06-15 > 2021-12-31; medium: + 6 months = 2021-12-15 ≤ 2021-12-31
    const hard = { ...school, id: "R-5", difficulty: "hard" as const, closedOn: undefined };
    const medium = { ...school, id: "R-6", difficulty: "medium" as const, closedOn: undefined };
    const late = { ...office, id: "R-7", deadline: "2022-01-31" };
    const r = revitalizationReport({ asOf: "2021-09-30", items: [hard, medium, late, office] });
    expect(r.items.map((x) => [x.id, x.deadline])).toEqual([
      ["R-5", "2022-06-15"],
      ["R-6", "2021-12-15"],
      ["R-7", "2022-01-31"],
      ["R-1", "2021-08-31"],
    ]);
    expect(r.flags.map((f) => [f.code, f.rule, f.path])).toEqual([
      ["DEADLINE_AFTER_PLAN_END", "ASSET-REVIT-4", ["items", 0, "difficulty"]],
      ["DEADLINE_AFTER_PLAN_END", "ASSET-REVIT-4", ["items", 2, "deadline"]],
    ]);
    expect(r.flags[0]!.zh).toContain("2022-06-15");
    expect(r.flags[0]!.zh).toContain("2021-12-31");
    // a flag, not a refusal; and the plan's end follows the milestones parameter
    const later = overlay(assetsParameterSet, {
      "assets.revitalization.milestones": {
        value: [{ id: "revitalization", due: "2022-06-30", zh: "盘活", en: "revitalisation" }],
      },
    });
    expect(revitalizationReport({ asOf: "2021-09-30", items: [hard, late] }, { parameters: later }).flags).toEqual([]);
    expect(r.trace.children?.map((c) => c.rule)).toContain("ASSET-REVIT-4");
  });

  it("ASSET-REVIT-3: milestones (2021-03-31, 05-31, 06-30, 12-31) are data; the report says what is late", () => {
    const r = revitalizationReport({
      asOf: "2021-07-10",
      items: [office],
      milestones: [
        { id: "inventory", completedOn: "2021-03-20" },
        { id: "transfer", completedOn: "2021-06-10" },
      ],
    });
    expect(r.milestones.map((m) => [m.id, m.due, m.status, m.daysLate ?? null])).toEqual([
      ["inventory", "2021-03-31", "done", null],
      ["transfer", "2021-05-31", "done-late", 10],
      ["plans", "2021-06-30", "late", 10],
      ["revitalization", "2021-12-31", "pending", null],
    ]);
    expect(r.late).toEqual(["transfer", "plans"]);
    const end = revitalizationReport({ asOf: "2022-01-31", items: [{ ...office, closedOn: "2021-11-30" }, school] });
    expect(end.milestones.find((m) => m.id === "revitalization")).toMatchObject({
      status: "done",
      completedOn: "2021-11-30",
      derived: true,
    });
    const local = overlay(assetsParameterSet, {
      "assets.revitalization.milestones": {
        value: [{ id: "inventory", due: "2021-04-30", zh: "清查", en: "inventory" }],
      },
    });
    expect(
      revitalizationReport({ asOf: "2021-04-15", items: [] }, { parameters: local }).milestones.map((m) => m.status),
    ).toEqual(["pending"]);
  });

  it("ASSET-REVIT-1: the deadline by difficulty is the one in force on the listing date, not on the report date", () => {
    // from 2021-08-01 an easy item gets 1 month; the school was listed on 2021-06-15 under the 3-month rule
    const local = overlay(assetsParameterSet, {
      "assets.revitalization.deadlineMonths": { value: { easy: 1, medium: 6, hard: 12 }, from: "2021-08-01" },
    });
    const later = { ...school, id: "R-3", listedOn: "2021-08-02", closedOn: undefined };
    const r = revitalizationReport({ asOf: "2021-09-30", items: [school, later] }, { parameters: local });
    expect(r.items.map((x) => [x.id, x.deadline, x.status])).toEqual([
      ["R-2", "2021-09-15", "closed"],
      ["R-3", "2021-09-02", "overdue"],
    ]);
    expect(
      r.trace.parameters?.filter((u) => u.id === "assets.revitalization.deadlineMonths").map((u) => u.from),
    ).toEqual(["2020-01-01", "2021-08-01"]);
  });

  it("ASSET-REVIT-1: property — the order of the items does not change the rates or the overdue list", () => {
    const items = [
      office,
      school,
      { ...office, id: "R-5", deadline: "2021-07-31", value: "1.00" },
      { ...school, id: "R-6", closedOn: undefined },
    ];
    const base = revitalizationReport({ asOf: "2021-12-01", items });
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: 4, maxLength: 4 }), (p) => {
        const r = revitalizationReport({ asOf: "2021-12-01", items: p });
        expect([r.overdue, asJson(r.rate), asJson(r.byCategory)]).toEqual([
          base.overdue,
          asJson(base.rate),
          asJson(base.byCategory),
        ]);
      }),
    );
  });

  it("ASSET-REVIT-1: rejects dates out of order, missing deadlines, unknown milestones and keys", () => {
    expectSannongError(
      () => revitalizationReport({ ...input, items: [{ ...office, deadline: "2021-06-01" }] }),
      "INVALID_INPUT",
      ["items", 0, "deadline"],
    );
    expectSannongError(
      () => revitalizationReport({ ...input, items: [{ ...school, closedOn: "2021-06-01" }] }),
      "INVALID_INPUT",
      ["items", 0, "closedOn"],
    );
    const { deadline: _d, ...noDeadline } = office;
    expectSannongError(() => revitalizationReport({ ...input, items: [noDeadline] }), "INVALID_INPUT", [
      "items",
      0,
      "deadline",
    ]);
    expectSannongError(() => revitalizationReport({ ...input, items: [office, office] }), "INVALID_INPUT", [
      "items",
      1,
      "id",
    ]);
    expectSannongError(() => revitalizationReport({ ...input, milestones: [{ id: "party" }] }), "INVALID_INPUT", [
      "milestones",
      0,
      "id",
    ]);
    expectSannongError(() => revitalizationReport({ ...input, asOf: "2019-12-31" }), "PARAM_NOT_IN_FORCE");
    expectUnknownKey(() => revitalizationReport({ ...input, items: [{ ...office, owner: "x" }] } as never), "owner", [
      "items",
      0,
    ]);
  });
});
