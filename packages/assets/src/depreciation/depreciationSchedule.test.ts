import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { money, overlay, sum } from "@sannong/core";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey } from "../../test/fixtures";
import { assetsParameterSet } from "../parameters";
import { depreciationSchedule } from "./depreciationSchedule";
import { netValueAt } from "./netValueAt";
import { netValuesAt } from "./netValuesAt";

const example = { cost: "120000.00", salvageRate: "0.05", lifeMonths: 120, start: "2020-01-15" } as const;

describe("depreciationSchedule", () => {
  it("ASSET-DEP-1: 120,000 元 with 5% salvage over 120 months straight-line is 950.00 a month", () => {
    const s = depreciationSchedule(deepFreeze({ ...example }));
    expect(String(s.salvage)).toBe("6000.00");
    expect(String(s.depreciable)).toBe("114000.00");
    expect(s.rows).toHaveLength(120);
    expect(s.rows.every((r) => String(r.amount) === "950.00")).toBe(true);
    expect(s.rows[0]).toMatchObject({ month: "2020-02" });
    expect(String(s.rows[0]!.netValue)).toBe("119050.00");
    expect(s.rows[119]!.month).toBe("2030-01");
    expect(String(s.rows[119]!.accumulated)).toBe("114000.00");
    expect(String(s.rows[119]!.netValue)).toBe("6000.00");
    expect(String(s.undepreciated)).toBe("0.00");
    expect(s.straightLineMonthly).toBe("constant");
    // the document's sentence on the root; the conventions (general accounting practice) in the ASSET-DEP-2 child
    expect(s.trace).toMatchObject({ rule: "ASSET-DEP-1", quote: "扶贫资产已成为固定资产的,须依法依规计提折旧。" });
    expect(s.trace.children?.map((c) => [c.rule, c.quote])).toEqual([["ASSET-DEP-2", undefined]]);
  });

  it("ASSET-DEP-2: same-month start; a constant 33.33 a month, the remainder in the last month", () => {
    // 100.00 ÷ 3 = 33.333… → 33.33 (half-up); 2 × 33.33 = 66.66; the last month 100.00 − 66.66 = 33.34
    const s = depreciationSchedule({
      cost: "100.00",
      salvageRate: "0",
      lifeMonths: 3,
      start: "2021-05-31",
      startRule: "same-month",
    });
    expect(s.rows.map((r) => [r.month, String(r.amount)])).toEqual([
      ["2021-05", "33.33"],
      ["2021-06", "33.33"],
      ["2021-07", "33.34"],
    ]);
  });

  it("ASSET-DEP-2: rounding up leaves a smaller last month (10,000.00, 5% salvage, 36 months)", () => {
    // 9,500.00 ÷ 36 = 263.888… → 263.89; 35 × 263.89 = 9,236.15; the last month 9,500.00 − 9,236.15 = 263.85
    const s = depreciationSchedule({ cost: "10000.00", salvageRate: "0.05", lifeMonths: 36, start: "2021-03-10" });
    expect(new Set(s.rows.slice(0, 35).map((r) => String(r.amount)))).toEqual(new Set(["263.89"]));
    expect(s.rows[35]).toMatchObject({ month: "2024-03" });
    expect([String(s.rows[34]!.accumulated), String(s.rows[35]!.amount), String(s.rows[35]!.netValue)]).toEqual([
      "9236.15",
      "263.85",
      "500.00",
    ]);
  });

  it("ASSET-DEP-2: a monthly amount too small to round up is rounded down (7 分 over 10 months)", () => {
    // 0.07 ÷ 10 = 0.007 → 0.01 half-up, but 9 × 0.01 = 0.09 > 0.07 would leave the last month −0.02:
    // rounded down to 0.00 instead, and the last month books the 0.07
    const s = depreciationSchedule({ cost: "0.07", salvageRate: "0", lifeMonths: 10, start: "2022-01-01" });
    expect(s.rows.map((r) => String(r.amount))).toEqual([...new Array(9).fill("0.00"), "0.07"]);
    expect(
      String(
        netValueAt({ cost: "0.07", salvageRate: "0", lifeMonths: 10, start: "2022-01-01" }, "2022-10-31").netValue,
      ),
    ).toBe("0.07");
  });

  it('ASSET-DEP-2: straightLineMonthly "spread" (input or parameter) puts the odd 分 in the earliest months', () => {
    // 100.00 = 33.34 + 33.33 + 33.33 (core allocate: the odd 分 to the earliest month)
    const input = {
      cost: "100.00",
      salvageRate: "0",
      lifeMonths: 3,
      start: "2021-05-31",
      startRule: "same-month",
    } as const;
    const s = depreciationSchedule({ ...input, straightLineMonthly: "spread" });
    expect(s.rows.map((r) => String(r.amount))).toEqual(["33.34", "33.33", "33.33"]);
    expect(s.straightLineMonthly).toBe("spread");
    const local = overlay(assetsParameterSet, { "assets.depreciation.straightLineMonthly": { value: "spread" } });
    const t = depreciationSchedule(input, { parameters: local });
    expect(t.rows.map((r) => String(r.amount))).toEqual(["33.34", "33.33", "33.33"]);
    expect(t.trace.children?.[0]?.parameters?.map((p) => [p.id, p.value, p.overridden])).toEqual([
      ["assets.depreciation.straightLineMonthly", "spread", true],
    ]);
    // a month into the life: 33.34 booked (spread) against 33.33 (constant)
    expect(String(netValueAt({ ...input, straightLineMonthly: "spread" }, "2021-05-31").netValue)).toBe("66.66");
    expect(String(netValueAt(input, "2021-05-31").netValue)).toBe("66.67");
  });

  it("ASSET-DEP-2: defaults come from the parameters (5% salvage, next month, constant) and are traced", () => {
    const s = depreciationSchedule({ cost: "120000.00", lifeMonths: 120, start: "2020-01-15" });
    expect(s.startRule).toBe("next-month");
    expect(s.salvageRate).toBe("0.05");
    expect(s.trace.parameters).toBeUndefined();
    expect(s.trace.children?.[0]?.parameters?.map((p) => [p.id, p.verified])).toEqual([
      ["assets.depreciation.salvageRate", false],
      ["assets.depreciation.startRule", false],
      ["assets.depreciation.straightLineMonthly", false],
    ]);
    const local = overlay(assetsParameterSet, {
      "assets.depreciation.startRule": { value: "same-month" },
      "assets.depreciation.salvageRate": { value: "0.03" },
    });
    const t = depreciationSchedule(
      { cost: "120000.00", lifeMonths: 120, start: "2020-01-15", straightLineMonthly: "constant" },
      { parameters: local },
    );
    expect(t.firstMonth).toBe("2020-01");
    expect(String(t.salvage)).toBe("3600.00");
    expect(t.trace.children?.[0]?.parameters?.map((p) => [p.id, p.overridden])).toEqual([
      ["assets.depreciation.salvageRate", true],
      ["assets.depreciation.startRule", true],
    ]);
  });

  it("ASSET-DEP-2: property — constant booking: every month but the last is the same amount, the last what is left (≥ 0)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 1200 }),
        (fen, pct, lifeMonths) => {
          const s = depreciationSchedule({
            cost: (fen / 100).toFixed(2),
            salvageRate: (pct / 100).toFixed(2),
            lifeMonths,
            start: "2019-03-31",
          });
          const D = s.depreciable.fen;
          const n = BigInt(lifeMonths);
          const m = s.rows[0]!.amount.fen;
          // the constant is D ÷ n rounded half-up, or rounded down where that would overdraw the last month
          const up = (2n * D + n) / (2n * n);
          expect(m).toBe(lifeMonths === 1 ? D : up * (n - 1n) > D ? D / n : up);
          for (const r of s.rows.slice(0, -1)) expect(r.amount.fen).toBe(m);
          const last = s.rows.at(-1)!.amount.fen;
          expect(last).toBe(D - m * (n - 1n));
          expect(last >= 0n).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("ASSET-DEP-1: double-declining balance, last two years straight-line", () => {
    const s = depreciationSchedule({
      cost: "100000.00",
      salvageRate: "0.05",
      lifeMonths: 60,
      start: "2020-12-01",
      method: "double-declining",
    });
    const years = [0, 1, 2, 3, 4].map((y) => String(sum(s.rows.slice(y * 12, y * 12 + 12).map((r) => r.amount))));
    expect(years).toEqual(["40000.00", "24000.00", "14400.00", "8300.00", "8300.00"]);
    expect(String(s.rows[0]!.amount)).toBe("3333.34");
    expect(String(s.rows[59]!.netValue)).toBe("5000.00");
  });

  it("ASSET-DEP-1: units of output — amounts follow output; rows + undepreciated = cost − salvage", () => {
    const input = {
      cost: "10000.00",
      salvageRate: "0",
      lifeMonths: 4,
      start: "2022-01-10",
      method: "units-of-output" as const,
      output: {
        expectedTotal: "3",
        byMonth: [
          { month: "2022-02", units: "1" },
          { month: "2022-04", units: "1" },
        ],
      },
    };
    const s = depreciationSchedule(input);
    expect(s.rows.map((r) => String(r.amount))).toEqual(["3333.33", "0.00", "3333.34", "0.00"]);
    expect(String(s.undepreciated)).toBe("3333.33");
    const full = depreciationSchedule({
      ...input,
      output: { ...input.output, byMonth: [...input.output.byMonth, { month: "2022-05", units: "1" }] },
    });
    // booked months do not change when later output is recorded
    expect(full.rows.slice(0, 3).map((r) => String(r.amount))).toEqual(["3333.33", "0.00", "3333.34"]);
    expect(String(sum(full.rows.map((r) => r.amount)))).toBe("10000.00");
    expect(String(full.undepreciated)).toBe("0.00");
  });

  it("ASSET-DEP-1: property — the rows add up exactly to cost − salvage, never negative, net value never below salvage", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("straight-line", "straight-line-spread", "double-declining"),
        fc.constantFrom("next-month", "same-month"),
        (fen, pct, years, method, startRule) => {
          const lifeMonths = method === "double-declining" ? years * 12 : years * 7;
          const s = depreciationSchedule({
            cost: (fen / 100).toFixed(2),
            salvageRate: (pct / 100).toFixed(2),
            lifeMonths,
            start: "2019-03-31",
            ...(method === "straight-line-spread"
              ? { straightLineMonthly: "spread" as const }
              : { method: method as "straight-line" }),
            startRule: startRule as "next-month",
          });
          expect(sum(s.rows.map((r) => r.amount)).fen).toBe(s.depreciable.fen);
          expect(s.rows.every((r) => r.amount.fen >= 0n && r.netValue.fen >= s.salvage.fen)).toBe(true);
          expect(s.rows.at(-1)!.netValue.fen).toBe(s.salvage.fen);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("ASSET-DEP-1: deterministic — same input, same output", () => {
    expect(JSON.stringify(depreciationSchedule(example))).toBe(JSON.stringify(depreciationSchedule({ ...example })));
  });

  it.each([
    ["a negative life", { lifeMonths: -12 }, ["lifeMonths"]],
    ["a zero life", { lifeMonths: 0 }, ["lifeMonths"]],
    ["a fractional life", { lifeMonths: 1.5 }, ["lifeMonths"]],
    ["a negative cost", { cost: "-1.00" }, ["cost"]],
    ["a cost of 10^13 元", { cost: "10000000000000.00" }, ["cost"]],
    ["a salvage rate above 1", { salvageRate: "1.5" }, ["salvageRate"]],
    ["a non-existent start", { start: "2021-02-29" }, ["start"]],
    ["double-declining over part years", { method: "double-declining", lifeMonths: 30 }, ["lifeMonths"]],
    ["units of output without output", { method: "units-of-output" }, ["output"]],
    ["output with straight-line", { output: { expectedTotal: "1", byMonth: [] } }, ["output"]],
    [
      "output above the expected total",
      { method: "units-of-output", output: { expectedTotal: "1", byMonth: [{ month: "2020-03", units: "2" }] } },
      ["output", "byMonth"],
    ],
    [
      "output dated before the start",
      { method: "units-of-output", output: { expectedTotal: "1", byMonth: [{ month: "2019-12", units: "1" }] } },
      ["output", "byMonth", 0, "month"],
    ],
    [
      "output after the life",
      { method: "units-of-output", output: { expectedTotal: "1", byMonth: [{ month: "2031-01", units: "1" }] } },
      ["output", "byMonth", 0, "month"],
    ],
    [
      "a duplicate output month",
      {
        method: "units-of-output",
        output: {
          expectedTotal: "2",
          byMonth: [
            { month: "2020-03", units: "1" },
            { month: "2020-03", units: "1" },
          ],
        },
      },
      ["output", "byMonth", 1, "month"],
    ],
    [
      "straightLineMonthly with double-declining",
      { method: "double-declining", straightLineMonthly: "constant" },
      ["straightLineMonthly"],
    ],
    ["an unknown straightLineMonthly", { straightLineMonthly: "even" }, ["straightLineMonthly"]],
  ])("ASSET-DEP-1: rejects %s", (_n, over, path) => {
    expectSannongError(
      () => depreciationSchedule({ ...example, ...(over as object) } as never),
      "INVALID_INPUT",
      path as (string | number)[],
    );
  });

  it("ASSET-DEP-1: rejects unknown keys and bad options", () => {
    expectUnknownKey(() => depreciationSchedule({ ...example, life: 10 } as never), "life");
    expectSannongError(() => depreciationSchedule(example, { parameters: {} } as never), "INVALID_INPUT", [
      "parameters",
    ]);
  });
});

describe("netValueAt", () => {
  it("ASSET-DEP-1: net value at a date counts the months ended by then", () => {
    expect(String(netValueAt(example, "2020-01-15").netValue)).toBe("120000.00");
    expect(String(netValueAt(example, "2020-02-28").netValue)).toBe("120000.00");
    expect(String(netValueAt(example, "2020-02-29").netValue)).toBe("119050.00");
    expect(String(netValueAt(example, "2020-12-30").netValue)).toBe("110500.00");
    const r = netValueAt(example, "2020-12-31");
    expect(String(r.netValue)).toBe("109550.00");
    expect(String(r.accumulated)).toBe("10450.00");
    expect(r.monthsDepreciated).toBe(11);
    expect(r.fullyDepreciated).toBe(false);
    expect(netValueAt(example, "2199-12-31")).toMatchObject({ monthsDepreciated: 120, fullyDepreciated: true });
    expect(r.trace.rule).toBe("ASSET-DEP-1");
  });

  it("ASSET-DEP-1: property — the closed form equals the schedule (straight-line, double-declining, units)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 11 }),
        fc.constantFrom("0", "0.05", "0.037", "1"),
        fc.integer({ min: 2, max: 12 }),
        fc.constantFrom("straight-line", "straight-line-spread", "double-declining", "units-of-output"),
        fc.constantFrom("next-month", "same-month"),
        fc.integer({ min: 0, max: 150 }),
        fc.boolean(),
        (fen, salvageRate, years, method, startRule, offset, monthEnd) => {
          const lifeMonths = method === "straight-line" ? years * 12 - (fen % 11) : years * 12;
          const start = "2018-11-20";
          const base = {
            cost: (fen / 100).toFixed(2),
            salvageRate,
            lifeMonths,
            start,
            ...(method === "straight-line-spread"
              ? { straightLineMonthly: "spread" as const }
              : { method: method as "straight-line" }),
            startRule: startRule as "next-month",
          };
          const input =
            method === "units-of-output"
              ? {
                  ...base,
                  output: {
                    expectedTotal: String(lifeMonths * 3),
                    byMonth: [
                      { month: "2019-01", units: "2.5" },
                      { month: "2019-06", units: "7" },
                      { month: "2020-02", units: "4" },
                    ],
                  },
                }
              : base;
          const s = depreciationSchedule(input);
          const idx = 2018 * 12 + 10 + offset;
          const y = Math.floor(idx / 12);
          const m = (idx % 12) + 1;
          const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
          const date = `${y}-${String(m).padStart(2, "0")}-${monthEnd ? last : Math.min(15, last - 1)}`;
          if (date < start) return;
          const r = netValueAt(input, date);
          const ended = s.rows.filter(
            (row) => `${row.month}-31` <= date || (monthEnd && row.month === date.slice(0, 7)),
          );
          const expected = ended.length ? ended.at(-1)!.netValue : s.cost;
          expect(r.netValue.fen).toBe(expected.fen);
          expect(r.monthsDepreciated).toBe(ended.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("ASSET-DEP-1: the fast path and the schema path agree (Money or number cost, numeric rate)", () => {
    const a = netValueAt({ cost: "1234.50", salvageRate: "0.05", lifeMonths: 24, start: "2021-01-01" }, "2021-12-31");
    const b = netValueAt(
      { cost: money("1234.5"), salvageRate: 0.05, lifeMonths: 24, start: "2021-01-01" },
      "2021-12-31",
    );
    const c = netValueAt(
      { cost: " 1234.50", salvageRate: "0.050", lifeMonths: 24, start: "2021-01-01" } as never,
      "2021-12-31",
    );
    expect(String(a.netValue)).toBe(String(b.netValue));
    expect(String(a.netValue)).toBe(String(c.netValue));
  });

  it('ASSET-DEP-1: a malformed valuation date is INVALID_INPUT at path ["date"], like netValuesAt\'s', () => {
    for (const bad of ["2020-02-30", "2020-13-01", 20200101, null, undefined]) {
      expectSannongError(() => netValueAt(example, bad as never), "INVALID_INPUT", ["date"]);
    }
  });

  it("ASSET-DEP-1: rejects dates out of order and malformed input", () => {
    const e = expectSannongError(() => netValueAt(example, "2020-01-14"), "DATE_BEFORE_START", ["date"]);
    expect(e.zh).toContain("2020-01-15");
    expectSannongError(() => netValueAt(example, "2020-13-01"), "INVALID_INPUT");
    expectSannongError(() => netValueAt(example, 20200101 as never), "INVALID_INPUT");
    expectSannongError(() => netValueAt({ ...example, lifeMonths: -1 }, "2021-01-01"), "INVALID_INPUT", ["lifeMonths"]);
    expectUnknownKey(() => netValueAt({ ...example, colour: 1 } as never, "2021-01-01"), "colour");
    expectSannongError(() => netValueAt(null as never, "2021-01-01"), "INVALID_INPUT");
  });
});

describe("netValuesAt", () => {
  const assets = [
    example,
    { cost: "1000.00", salvageRate: "0", lifeMonths: 10, start: "2020-01-01", startRule: "same-month" as const },
    { cost: money("5000"), lifeMonths: 36, start: "2019-06-30", method: "double-declining" as const },
    {
      cost: "300",
      salvageRate: 0.1,
      lifeMonths: 3,
      start: "2020-01-01",
      method: "units-of-output" as const,
      output: { expectedTotal: "3", byMonth: [{ month: "2020-02", units: "1" }] },
    },
  ];

  it("ASSET-DEP-1: bulk net values equal netValueAt asset by asset, with their total", () => {
    const r = netValuesAt(deepFreeze({ assets, date: "2020-12-31" }));
    expect(r.netValues.map(String)).toEqual(assets.map((a) => String(netValueAt(a, "2020-12-31").netValue)));
    expect(r.netValues.map(String).slice(0, 2)).toEqual(["109550.00", "0.00"]);
    expect(String(r.total)).toBe(String(sum(r.netValues)));
    expect(r.trace.children?.[0]?.rule).toBe("ASSET-DEP-2");
    expect(r.trace.children?.[0]?.parameters?.map((p) => p.id)).toEqual([
      "assets.depreciation.salvageRate",
      "assets.depreciation.startRule",
      "assets.depreciation.straightLineMonthly",
    ]);
  });

  it("ASSET-DEP-1: bulk rejects a bad asset with its index, and dates out of order", () => {
    expectSannongError(
      () => netValuesAt({ assets: [example, { ...example, lifeMonths: -3 }], date: "2021-01-01" }),
      "INVALID_INPUT",
      ["assets", 1, "lifeMonths"],
    );
    expectSannongError(() => netValuesAt({ assets: [example], date: "2019-12-31" }), "DATE_BEFORE_START", [
      "assets",
      0,
      "start",
    ]);
    expectSannongError(() => netValuesAt({ assets: [example], date: "2021-02-30" }), "INVALID_INPUT", ["date"]);
    expectUnknownKey(() => netValuesAt({ assets: [], date: "2021-01-01", when: 1 } as never), "when");
    expect(String(netValuesAt({ assets: [], date: "2021-01-01" }).total)).toBe("0.00");
  });
});
