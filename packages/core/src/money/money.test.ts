import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Decimal,
  abs,
  add,
  compare,
  equals,
  isMoney,
  isNegative,
  isZero,
  maxMoney,
  minMoney,
  money,
  moneyFromFen,
  moneySchema,
  multiply,
  negate,
  parseInput,
  roundMoney,
  subtract,
  sum,
  toDecimal,
  ZERO,
} from "../index";
import { expectSannongError } from "../../../../test/helpers";

describe("money", () => {
  it.each([
    ["1234.56", "1234.56"],
    ["33.3", "33.30"],
    ["0", "0.00"],
    ["-0.05", "-0.05"],
    ["-0", "0.00"],
    ["1.500", "1.50"],
    ["  7 ", "7.00"],
    [12.5, "12.50"],
    [-0, "0.00"],
    [100, "100.00"],
  ] as const)("CORE-MONEY-1: money(%j) is %s", (input, expected) => {
    expect(String(money(input))).toBe(expected);
  });

  it("CORE-MONEY-1: money is immutable and can be built from 分 or another Money", () => {
    const m = money("1.23");
    expect(Object.isFrozen(m)).toBe(true);
    expect(() => {
      (m as unknown as { fen: bigint }).fen = 5n;
    }).toThrow(TypeError);
    expect(money(m)).toBe(m);
    expect(String(moneyFromFen(3334))).toBe("33.34");
    expect(String(moneyFromFen(-5n))).toBe("-0.05");
    expect(isMoney(m)).toBe(true);
    expect(isMoney({ fen: 1n })).toBe(false);
  });

  it.each([
    ["0.1 + 0.2 (float noise)", 0.1 + 0.2],
    ["three decimals", "1.005"],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["exponent string", "1e5"],
    ["empty string", ""],
    ["words", "一百元"],
    ["null", null],
    ["object", {}],
    ["boolean", true],
    ["beyond 10^15 元", "10000000000000000"],
    ["unsafe number", 2 ** 60],
  ])("CORE-MONEY-1: %s is rejected, not rounded", (_n, v) => {
    expectSannongError(() => money(v as string), "INVALID_MONEY");
  });

  it("CORE-MONEY-1: moneyFromFen refuses non-integers", () => {
    expectSannongError(() => moneyFromFen(1.5), "INVALID_MONEY");
  });

  it("CORE-MONEY-3: JSON is the canonical 2-decimal string and parsing it gives the same value", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), (fen) => {
        const m = moneyFromFen(fen);
        const json = JSON.stringify({ m });
        expect(json).toMatch(/^\{"m":"-?\d+\.\d{2}"\}$/);
        const back = money((JSON.parse(json) as { m: string }).m);
        expect(back.fen).toBe(fen);
      }),
    );
  });

  it("CORE-MONEY-1: arithmetic is exact", () => {
    expect(String(add(money("0.10"), money("0.20")))).toBe("0.30");
    expect(String(subtract(money("1.00"), money("0.99")))).toBe("0.01");
    expect(String(sum([money("1.11"), money("2.22"), money("3.33")]))).toBe("6.66");
    expect(String(sum([]))).toBe("0.00");
    expect(String(negate(money("1.00")))).toBe("-1.00");
    expect(String(abs(money("-1.00")))).toBe("1.00");
    expect(compare(money("1"), money("2"))).toBe(-1);
    expect(equals(money("1"), money("1.00"))).toBe(true);
    expect(String(minMoney(money("1"), money("2")))).toBe("1.00");
    expect(String(maxMoney(money("1"), money("2")))).toBe("2.00");
    expect(isZero(ZERO)).toBe(true);
    expect(isNegative(money("-0.01"))).toBe(true);
    expect(toDecimal(money("12.34")).toFixed()).toBe("12.34");
  });

  it("CORE-MONEY-1: arithmetic helpers accept money inputs and refuse anything else with a typed error", () => {
    expect(String(add("0.10", 0.2))).toBe("0.30");
    expect(String(sum(["1.00", money("2.00")]))).toBe("3.00");
    expectSannongError(() => add(money("1.00"), {} as never), "INVALID_MONEY", ["b"]);
    expectSannongError(() => sum([money("1"), "1.001"]), "INVALID_MONEY", ["list[1]"]);
    expectSannongError(() => sum("1" as never), "INVALID_ARGUMENT", ["list"]);
    expectSannongError(() => compare(Number.NaN, 1), "INVALID_MONEY", ["a"]);
  });

  it("CORE-MONEY-1: sum of many amounts never overflows and never loses a fen", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 200 }), (fens) => {
        expect(sum(fens.map((f) => moneyFromFen(f))).fen).toBe(fens.reduce((a, b) => a + b, 0n));
      }),
    );
  });
});

describe("rounding", () => {
  it.each([
    ["1.005", {}, "1.01"],
    ["1.005", { rounding: "half-even" }, "1.00"],
    ["1.015", { rounding: "half-even" }, "1.02"],
    ["1.009", { rounding: "down" }, "1.00"],
    ["1.001", { rounding: "up" }, "1.01"],
    ["-1.005", {}, "-1.01"],
    ["-1.009", { rounding: "down" }, "-1.00"],
    ["12345", { unit: "100" }, "12300.00"],
    ["12350", { unit: "100" }, "12400.00"],
    ["12350", { unit: "100", rounding: "half-even" }, "12400.00"],
    ["12250", { unit: "100", rounding: "half-even" }, "12200.00"],
    ["15000", { unit: "10000" }, "20000.00"],
    ["14999.99", { unit: "10000" }, "10000.00"],
    ["0.55", { unit: "0.1" }, "0.60"],
    ["3.7", { unit: "1", rounding: "down" }, "3.00"],
  ] as const)("CORE-MONEY-2: roundMoney(%s, %j) = %s", (v, opts, expected) => {
    expect(String(roundMoney(v, opts as object))).toBe(expected);
  });

  it("CORE-MONEY-2: multiply by a rate rounds once with the named rounding", () => {
    expect(String(multiply(money("100.00"), "0.035"))).toBe("3.50");
    expect(String(multiply(money("0.10"), "0.05"))).toBe("0.01");
    expect(String(multiply(money("0.10"), "0.05", { rounding: "half-even" }))).toBe("0.00");
    expect(String(multiply(money("1500.00"), new Decimal("1.05").pow(3)))).toBe("1736.44");
  });

  it("CORE-MONEY-2: rounding to a unit gives a multiple of the unit within one unit of the value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom("0.01", "0.1", "1", "100", "10000"),
        fc.constantFrom("half-up", "half-even", "down", "up"),
        (i, f, unit, rounding) => {
          const v = new Decimal(i).plus(new Decimal(f).div(10000));
          const m = roundMoney(v, { unit, rounding: rounding as "up" });
          const u = new Decimal(unit);
          expect(toDecimal(m).div(u).isInteger()).toBe(true);
          expect(toDecimal(m).minus(v).abs().lte(u)).toBe(true);
        },
      ),
    );
  });

  it("CORE-MONEY-2: bad units and values are typed errors", () => {
    expectSannongError(() => roundMoney("1", { unit: "0" }), "INVALID_UNIT", ["unit"]);
    expectSannongError(() => roundMoney("1", { unit: "0.005" }), "INVALID_UNIT");
    expectSannongError(() => roundMoney("abc"), "INVALID_DECIMAL");
    expectSannongError(() => multiply(money("1"), Number.NaN), "INVALID_DECIMAL");
  });

  it("CORE-RATIO-1: moneySchema parses inside other schemas with a field path", () => {
    const e = expectSannongError(() => parseInput(moneySchema.array(), ["1.00", "2.005"]), "INVALID_INPUT", [1]);
    expect(e.zh).toContain("两位小数");
    expect(e.en).toContain("two decimals");
  });
});
