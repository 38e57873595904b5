import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { moneyFromFen, overlay, sum } from "@sannong/core";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey } from "../../test/fixtures";
import { assetsParameterSet } from "../parameters";
import { resolveMaintainer } from "./resolveMaintainer";
import { splitMaintenanceCost } from "./splitMaintenanceCost";

describe("resolveMaintainer", () => {
  it("ASSET-CARE-1: the beneficiary maintains a village asset; no district filing needed", () => {
    expect(resolveMaintainer({ kind: "single-village", beneficiary: "甲村" })).toMatchObject({
      status: "determined",
      maintainer: "甲村",
      filing: { required: false },
      rule: "ASSET-CARE-1",
    });
  });

  it("ASSET-CARE-1: cross-township → the township where it stands; cross-village → the body the township names; both filed", () => {
    expect(
      resolveMaintainer({
        kind: "cross-township",
        beneficiary: "甲村、乙村",
        locatedInTownship: "河西镇",
        filedWithDistrict: true,
      }),
    ).toMatchObject({ maintainer: "河西镇", filing: { required: true, done: true } });
    expect(
      resolveMaintainer({ kind: "cross-village", beneficiary: "甲村、乙村", designatedBody: "甲村股份经济合作社" }),
    ).toMatchObject({ maintainer: "甲村股份经济合作社", filing: { required: true, done: false } });
  });

  it("ASSET-CARE-1: a cross-village asset without a named body is pending, never guessed", () => {
    const r = resolveMaintainer({ kind: "cross-village", beneficiary: "甲村、乙村" });
    expect(r.status).toBe("pending");
    expect("maintainer" in r).toBe(false);
    expect(r.reason.zh).toContain("尚未明确");
  });

  it("ASSET-CARE-1: rejects bad input", () => {
    expectUnknownKey(
      () => resolveMaintainer({ kind: "single-village", beneficiary: "甲村", owner: "x" } as never),
      "owner",
    );
    expectSannongError(() => resolveMaintainer({ kind: "single-village", beneficiary: " " }), "INVALID_INPUT", [
      "beneficiary",
    ]);
  });
});

const items = [
  { id: "m1", description: "光伏板清洗", use: "repairs", amount: "5000.00" },
  { id: "m2", description: "管护人员补贴", use: "staff-pay", amount: "2000.00" },
  { id: "m3", description: "围栏维修", use: "repairs", amount: "1000.00" },
];

describe("splitMaintenanceCost", () => {
  it("ASSET-CARE-2: township finance first, the shortfall from income at actual cost", () => {
    const r = splitMaintenanceCost(
      deepFreeze({ asOf: "2021-12-31", townshipBudget: "3000.00", operatingIncome: "10000.00", items: [items[0]!] }),
    );
    expect(
      asJson({ township: r.township, fromIncome: r.fromIncome, unfunded: r.unfunded, incomeLeft: r.incomeLeft }),
    ).toEqual({ township: "3000.00", fromIncome: "2000.00", unfunded: "0.00", incomeLeft: "8000.00" });
    expect(r.violations).toEqual([]);
  });

  it("ASSET-CARE-2: negative-list items are covered by township money first and never by income", () => {
    const r = splitMaintenanceCost({
      asOf: "2021-12-31",
      townshipBudget: "2500.00",
      operatingIncome: "100000.00",
      items,
    });
    expect(asJson(r.items.map((i) => [i.id, i.township, i.fromIncome, i.unfunded, i.onNegativeList]))).toEqual([
      ["m1", "416.67", "4583.33", "0.00", false],
      ["m2", "2000.00", "0.00", "0.00", true],
      ["m3", "83.33", "916.67", "0.00", false],
    ]);
    expect(r.violations).toEqual([]);
    const short = splitMaintenanceCost({
      asOf: "2021-12-31",
      townshipBudget: "1500.00",
      operatingIncome: "100000.00",
      items,
    });
    expect(String(short.items[1]!.unfunded)).toBe("500.00");
    expect(short.violations.map((v) => [v.code, v.rule])).toEqual([["NEGATIVE_LIST_UNFUNDED", "ASSET-CARE-2"]]);
    expect(short.trace.parameters?.[0]?.id).toBe("assets.maintenance.negativeList");
  });

  it("ASSET-CARE-2: income too small leaves the rest unfunded", () => {
    const r = splitMaintenanceCost({
      asOf: "2021-12-31",
      townshipBudget: "0",
      operatingIncome: "600.00",
      items: [items[0]!, items[2]!],
    });
    expect([String(r.fromIncome), String(r.unfunded), String(r.incomeLeft)]).toEqual(["600.00", "5400.00", "0.00"]);
    expect(r.items.map((i) => String(i.fromIncome))).toEqual(["500.00", "100.00"]);
  });

  it("ASSET-CARE-2: the negative list is a parameter", () => {
    const local = overlay(assetsParameterSet, { "assets.maintenance.negativeList": { value: [] } });
    const r = splitMaintenanceCost(
      { asOf: "2021-12-31", townshipBudget: "0", operatingIncome: "100000.00", items },
      { parameters: local },
    );
    expect(r.items.every((i) => !i.onNegativeList)).toBe(true);
    expect(String(r.fromIncome)).toBe("8000.00");
  });

  it("ASSET-CARE-3: a mortgage or guarantee on the asset is a violation", () => {
    const r = splitMaintenanceCost({
      asOf: "2021-12-31",
      townshipBudget: "8000.00",
      operatingIncome: "0",
      items,
      encumbrances: [{ id: "e1", kind: "guarantee", description: "为村集体贷款提供担保" }],
    });
    expect(r.violations.map((v) => [v.code, v.rule, v.path])).toEqual([
      ["COLLATERAL_FORBIDDEN", "ASSET-CARE-3", ["encumbrances", 0]],
    ]);
    expect(r.violations[0]!.zh).toContain("担保");
  });

  it("ASSET-CARE-2: property — each item's parts add up to it; totals add up; nothing negative", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ fen: fc.integer({ min: 0, max: 10 ** 9 }), neg: fc.boolean() }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.integer({ min: 0, max: 10 ** 10 }),
        (xs, budget, income) => {
          const r = splitMaintenanceCost({
            asOf: "2022-01-01",
            townshipBudget: moneyFromFen(budget),
            operatingIncome: moneyFromFen(income),
            items: xs.map((x, i) => ({
              id: `i${i}`,
              description: "d",
              use: x.neg ? "hospitality" : "repairs",
              amount: moneyFromFen(x.fen),
            })),
          });
          for (const i of r.items) {
            expect(i.township.fen + i.fromIncome.fen + i.unfunded.fen).toBe(i.amount.fen);
            expect(i.township.fen >= 0n && i.fromIncome.fen >= 0n && i.unfunded.fen >= 0n).toBe(true);
            if (i.onNegativeList) expect(i.fromIncome.fen).toBe(0n);
          }
          expect(sum(r.items.map((i) => i.township)).fen).toBe(r.township.fen);
          expect(sum(r.items.map((i) => i.fromIncome)).fen).toBe(r.fromIncome.fen);
          expect(r.township.fen <= BigInt(budget) && r.fromIncome.fen <= BigInt(income)).toBe(true);
          expect(r.fromIncome.fen + r.incomeLeft.fen).toBe(BigInt(income));
        },
      ),
      { numRuns: 80 },
    );
  });

  it("ASSET-CARE-2: rejects bad input", () => {
    expectSannongError(
      () => splitMaintenanceCost({ asOf: "2021-12-31", townshipBudget: "-1", operatingIncome: "0", items }),
      "INVALID_INPUT",
      ["townshipBudget"],
    );
    expectSannongError(
      () => splitMaintenanceCost({ asOf: "2021-12-31", townshipBudget: "0", operatingIncome: "0", items: [] }),
      "INVALID_INPUT",
      ["items"],
    );
    expectSannongError(
      () =>
        splitMaintenanceCost({
          asOf: "2021-12-31",
          townshipBudget: "0",
          operatingIncome: "0",
          items: [items[0]!, items[0]!],
        }),
      "INVALID_INPUT",
      ["items", 1, "id"],
    );
    expectSannongError(
      () => splitMaintenanceCost({ asOf: "2020-01-01", townshipBudget: "0", operatingIncome: "0", items }),
      "PARAM_NOT_IN_FORCE",
    );
    expectUnknownKey(
      () =>
        splitMaintenanceCost({
          asOf: "2021-12-31",
          townshipBudget: "0",
          operatingIncome: "0",
          items,
          budget: 1,
        } as never),
      "budget",
    );
  });
});
