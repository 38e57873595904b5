import { describe, expect, it } from "vitest";
import { parseInput } from "@sannong/core";
import { expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey, record } from "../../test/fixtures";
import { assetRecordSchema, assetRegisterSchema } from "./record";

const parse = (v: unknown) => parseInput(assetRecordSchema, v, "test");

describe("assetRecordSchema", () => {
  it("ASSET-REG-1: accepts a complete record and parses amounts to Money", () => {
    const r = parse(
      record({
        letting: {
          mode: "lease",
          counterparty: "某合作社",
          fee: "6000.00",
          term: { from: "2019-01-01", to: "2023-12-31" },
        },
      }),
    );
    expect(String(r.originalValue)).toBe("100000.00");
    expect(r.fundingSources.map((s) => String(s.amount))).toEqual(["80000.00", "20000.00"]);
    expect(String(r.letting?.fee)).toBe("6000.00");
  });

  it("ASSET-REG-1: rejects funding sources that do not add up to the original value, with the difference", () => {
    const e = expectSannongError(
      () =>
        parse(
          record({
            fundingSources: [
              { source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "79999.99" },
              { source: "村集体自筹", kind: "collective", amount: "20000.00" },
            ],
          }),
        ),
      "INVALID_INPUT",
      ["fundingSources"],
    );
    expect(e.zh).toContain("少 0.01 元");
    expect(e.en).toContain("short by 0.01");
    const over = expectSannongError(
      () => parse(record({ originalValue: "90000.00", netValue: "0" })),
      "INVALID_INPUT",
      ["fundingSources"],
    );
    expect(over.en).toContain("over by 10000.00");
    expect((over as unknown as { issues: { code: string }[] }).issues[0]?.code).toBe("funding_mismatch");
  });

  it.each([
    ["negative life", { usefulLifeYears: -5 }, ["usefulLifeYears"]],
    ["zero quantity", { quantity: "0" }, ["quantity"]],
    ["three-decimal money", { netValue: "1.001" }, ["netValue"]],
    ["NaN value", { netValue: Number.NaN }, ["netValue"]],
    ["bad date", { acquiredOn: "2018-02-30" }, ["acquiredOn"]],
    ["net value above original", { netValue: "100000.01" }, ["netValue"]],
    ["unknown type", { type: "mixed" }, ["type"]],
    ["empty funding", { fundingSources: [] }, ["fundingSources"]],
  ])("ASSET-REG-1: rejects %s", (_name, over, path) => {
    expectSannongError(() => parse({ ...record(), ...(over as object) }), "INVALID_INPUT", path as (string | number)[]);
  });

  it("ASSET-REG-1: rejects unknown keys (a typo is not a silent default)", () => {
    expectUnknownKey(() => parse({ ...record(), colour: "red" }), "colour");
    expectUnknownKey(
      () => parse({ ...record(), fundingSources: [{ source: "x", kind: "other", amount: "100000.00", amout: "1" }] }),
      "amout",
      ["fundingSources", 0],
    );
  });

  it("ASSET-REG-1: a letting needs counterparty, fee and a term in order", () => {
    expectSannongError(
      () =>
        parse(
          record({
            letting: {
              mode: "contract",
              counterparty: "张三",
              fee: "100",
              term: { from: "2020-01-01", to: "2019-12-31" },
            },
          }),
        ),
      "INVALID_INPUT",
      ["letting", "term", "to"],
    );
    expectSannongError(
      () =>
        parse({
          ...record(),
          letting: { mode: "contract", fee: "100", term: { from: "2020-01-01", to: "2021-12-31" } },
        }),
      "INVALID_INPUT",
      ["letting", "counterparty"],
    );
  });

  it("ASSET-REG-2: a register refuses duplicate ids", () => {
    expectSannongError(() => parseInput(assetRegisterSchema, [record(), record()], "test"), "INVALID_INPUT", [1, "id"]);
  });
});
