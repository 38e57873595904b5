import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import {
  compareFractions,
  formatFraction,
  fraction,
  fractionFromDecimal,
  multiplyFractions,
  type Fraction,
} from "../ratio/fraction";
import { parseInput } from "../validation/parse";
import {
  AREA_UNITS,
  areaInUnit,
  areaRatio,
  areaSchema,
  areaUnitLabel,
  formatArea,
  muPerUnit,
  toMu,
  totalMu,
  type AreaUnit,
} from "./area";

const unitArb = fc.constantFrom<AreaUnit>(...AREA_UNITS);
/** Non-negative decimals with up to 6 decimals, as strings. */
const valueArb = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 })).map(([n, p]) => {
  const s = n.toString().padStart(p + 1, "0");
  return p === 0 ? s : `${s.slice(0, -p)}.${s.slice(-p)}`;
});
const eqF = (a: Fraction, b: Fraction): boolean => compareFractions(a, b) === 0;

describe("land area", () => {
  it.each([
    [{ value: 1, unit: "hectare" as const }, "15"],
    [{ value: "2.5", unit: "hectare" as const }, "37.5"],
    [{ value: 10000, unit: "sqm" as const }, "15"],
    [{ value: 1, unit: "sqm" as const }, "0.0015"],
    [{ value: "666.67", unit: "sqm" as const }, "1.000005"],
    [{ value: "450", unit: "mu" as const }, "450"],
    ["450", "450"],
    [12.5, "12.5"],
    [0, "0"],
  ])("CORE-UNIT-1: toMu(%j) = %s 亩 exactly", (a, mu) => {
    expect(toMu(a).toFixed()).toBe(mu);
  });

  it.each([
    [{ value: 1, unit: "mu" as const }, "sqm" as const, "2000/3"],
    [{ value: 15, unit: "mu" as const }, "hectare" as const, "1/1"],
    [{ value: 1, unit: "mu" as const }, "hectare" as const, "1/15"],
    [{ value: 10000, unit: "sqm" as const }, "mu" as const, "15/1"],
    [{ value: 1, unit: "hectare" as const }, "sqm" as const, "10000/1"],
    [{ value: "0.3", unit: "mu" as const }, "sqm" as const, "200/1"],
    [{ value: 7, unit: "sqm" as const }, "sqm" as const, "7/1"],
  ])("CORE-UNIT-1: areaInUnit(%j, %s) = %s (exact fraction)", (a, u, f) => {
    expect(formatFraction(areaInUnit(a, u))).toBe(f);
  });

  it("CORE-UNIT-1: 1 公顷 = 15 亩 = 10000 平方米, as exact unit factors", () => {
    expect(formatFraction(muPerUnit("mu"))).toBe("1/1");
    expect(formatFraction(muPerUnit("hectare"))).toBe("15/1");
    expect(formatFraction(muPerUnit("sqm"))).toBe("3/2000");
    expect(eqF(multiplyFractions(muPerUnit("sqm"), fraction(10000n)), muPerUnit("hectare"))).toBe(true);
  });

  it("CORE-UNIT-1: areaRatio — the 以地定量 worked figure 450 亩 ÷ 2 亩/人 = 225, whatever the units (002 §三(二))", () => {
    expect(formatFraction(areaRatio("450", "2"))).toBe("225/1");
    expect(formatFraction(areaRatio({ value: 30, unit: "hectare" }, { value: 2, unit: "mu" }))).toBe("225/1");
    expect(formatFraction(areaRatio({ value: 300000, unit: "sqm" }, { value: "0.2", unit: "hectare" }))).toBe("150/1");
    // 1 亩 over 1 m²: 2000/3, not 666.67
    expect(formatFraction(areaRatio({ value: 1, unit: "mu" }, { value: 1, unit: "sqm" }))).toBe("2000/3");
  });

  it("CORE-UNIT-1: totalMu sums areas in any unit exactly", () => {
    expect(totalMu([{ value: 1, unit: "hectare" }, "2.5", { value: 1000, unit: "sqm" }]).toFixed()).toBe("19");
    expect(totalMu([]).toFixed()).toBe("0");
  });

  it("CORE-UNIT-1: property — conversions round-trip exactly through every unit", () => {
    fc.assert(
      fc.property(valueArb, unitArb, unitArb, unitArb, (v, from, via, to) => {
        const direct = areaInUnit({ value: v, unit: from }, to);
        const inVia = areaInUnit({ value: v, unit: from }, via);
        // back to the source unit gives the value back exactly
        expect(eqF(areaInUnit({ value: v, unit: from }, from), fractionFromDecimal(v))).toBe(true);
        // a conversion through any unit equals the direct one
        const viaThenTo = multiplyFractions(
          inVia,
          multiplyFractions(muPerUnit(via), fraction(muPerUnit(to).den, muPerUnit(to).num)),
        );
        expect(eqF(viaThenTo, direct)).toBe(true);
        // toMu (a terminating decimal) equals the exact fraction in 亩
        expect(
          eqF(fractionFromDecimal(toMu({ value: v, unit: from })), areaInUnit({ value: v, unit: from }, "mu")),
        ).toBe(true);
        // 亩 is always a finite decimal, so a round trip through toMu loses nothing
        const mu = toMu({ value: v, unit: from }).toFixed();
        expect(eqF(areaInUnit({ value: mu, unit: "mu" }, from), fractionFromDecimal(v))).toBe(true);
      }),
    );
  });

  it("CORE-UNIT-1: property — totalMu is the exact sum and does not depend on order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(valueArb, unitArb), { maxLength: 20 }), (list) => {
        const areas = list.map(([value, unit]) => ({ value, unit }));
        const t = totalMu(areas);
        const ref = areas.reduce((s, a) => {
          const f = areaInUnit(a, "mu");
          return fraction(s.num * f.den + f.num * s.den, s.den * f.den);
        }, fraction(0n));
        expect(eqF(fractionFromDecimal(t), ref)).toBe(true);
        expect(totalMu([...areas].reverse()).eq(t)).toBe(true);
      }),
    );
  });

  it("CORE-UNIT-1: areaSchema accepts { value, unit } or a bare decimal meaning 亩, normalised", () => {
    expect(areaSchema.parse("12.5")).toEqual({ value: "12.5", unit: "mu" });
    expect(areaSchema.parse(12)).toEqual({ value: "12", unit: "mu" });
    expect(areaSchema.parse("0012.50")).toEqual({ value: "12.5", unit: "mu" });
    expect(areaSchema.parse({ value: 2, unit: "hectare" })).toEqual({ value: "2", unit: "hectare" });
    expect(areaSchema.parse({ value: "-0", unit: "sqm" })).toEqual({ value: "0", unit: "sqm" });
  });

  it.each([
    [-1, [], "negative_area"],
    ["-0.5", [], "negative_area"],
    [NaN, [], "invalid_decimal"],
    [Infinity, [], "invalid_decimal"],
    ["1e3", [], "invalid_decimal"],
    ["", [], "invalid_decimal"],
    [null, [], "invalid_type"],
    [[1], [], "invalid_type"],
    [{ value: 1 }, ["unit"], "invalid_unit"],
    [{ value: 1, unit: "acre" }, ["unit"], "invalid_unit"],
    [{ value: -3, unit: "mu" }, ["value"], "negative_area"],
    [{ value: "abc", unit: "mu" }, ["value"], "invalid_decimal"],
    [{ value: 1, unit: "mu", note: "x" }, ["note"], "unrecognized_keys"],
    [JSON.parse('{"value":1,"unit":"mu","__proto__":{"x":1}}'), ["__proto__"], "unrecognized_keys"],
  ])("CORE-UNIT-1: areaSchema and toMu reject %j (path %j, issue %s)", (bad, path, code) => {
    expect(areaSchema.safeParse(bad).success).toBe(false);
    const e = expectSannongError(() => parseInput(areaSchema, bad, "demo"), "INVALID_INPUT", path);
    expect((e as unknown as { issues: { code: string }[] }).issues[0]?.code).toBe(code);
    expectSannongError(() => toMu(bad as never), "INVALID_INPUT", ["area", ...path]);
  });

  it("CORE-UNIT-1: formatArea shows exact values, marks rounded ones with ≈, and speaks zh or en", () => {
    expect(formatArea({ value: "2.5", unit: "hectare" }, { unit: "mu" })).toBe("37.5亩");
    expect(formatArea({ value: 1, unit: "mu" }, { unit: "sqm" })).toBe("≈666.6667平方米");
    expect(formatArea({ value: 1, unit: "mu" }, { unit: "sqm", places: 2 })).toBe("666.67平方米");
    expect(formatArea({ value: 3, unit: "mu" }, { unit: "sqm" })).toBe("2000平方米");
    expect(formatArea("12", { lang: "en" })).toBe("12 mu");
    expect(formatArea({ value: "0.5", unit: "hectare" }, { lang: "en" })).toBe("0.5 ha");
    expect(formatArea({ value: 10, unit: "mu" }, { unit: "hectare", places: 3, lang: "en" })).toBe("0.667 ha");
    expect(areaUnitLabel("hectare")).toBe("公顷");
    expect(areaUnitLabel("sqm", "en")).toBe("m²");
  });

  it("CORE-UNIT-1: bad arguments of the unit helpers are typed errors", () => {
    expectSannongError(() => areaInUnit("1", "acre" as never), "INVALID_INPUT", ["unit"]);
    expectSannongError(() => areaInUnit({ value: 1, unit: "are" } as never, "mu"), "INVALID_INPUT", ["area", "unit"]);
    expectSannongError(() => muPerUnit("" as never), "INVALID_INPUT", ["unit"]);
    expectSannongError(() => areaRatio("1", "0"), "ZERO_AREA", ["b"]);
    expectSannongError(() => areaRatio("1", { value: 0, unit: "hectare" }), "ZERO_AREA", ["b"]);
    expectSannongError(() => areaRatio(-1, "1"), "INVALID_INPUT", ["a"]);
    expectSannongError(() => totalMu(["1", -2]), "INVALID_INPUT", ["areas", 1]);
    expectSannongError(() => totalMu("1" as never), "INVALID_INPUT", ["areas"]);
    expectSannongError(() => formatArea("1", { places: -1 }), "INVALID_INPUT", ["options", "places"]);
    expectSannongError(() => formatArea("1", { places: 2.5 }), "INVALID_INPUT", ["options", "places"]);
    expectSannongError(() => formatArea("1", { lang: "fr" } as never), "INVALID_INPUT", ["options", "lang"]);
    expectSannongError(() => formatArea("1", { unit: "acre" } as never), "INVALID_INPUT", ["options", "unit"]);
    expectSannongError(() => formatArea("1", { digits: 2 } as never), "INVALID_INPUT", ["options", "digits"]);
    expectSannongError(() => areaUnitLabel("mu", "de" as never), "INVALID_INPUT", ["lang"]);
  });

  it("CORE-UNIT-1: inputs are not mutated", () => {
    const a = deepFreeze({ value: "2.5", unit: "hectare" as const });
    expect(toMu(a).toFixed()).toBe("37.5");
    expect(areaSchema.parse(a)).not.toBe(a);
    expect(a).toEqual({ value: "2.5", unit: "hectare" });
  });
});
