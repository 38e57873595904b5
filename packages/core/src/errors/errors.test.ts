import * as z from "zod";
import { describe, expect, it } from "vitest";
import {
  PolicyError,
  SannongError,
  ValidationError,
  addIssue,
  defineErrors,
  fraction,
  fractionSchema,
  formatFraction,
  addFractions,
  compareFractions,
  multiplyFractions,
  fractionToDecimalString,
  isSannongError,
  parseInput,
  safe,
  safeRecord,
  refineUniqueIds,
  idSchema,
  ratioSchema,
  decimalSchema,
} from "../index";
import { expectSannongError } from "../../../../test/helpers";

describe("errors", () => {
  const schema = z.strictObject({
    n: z.number(),
    list: z.array(z.strictObject({ id: idSchema })).superRefine((l, ctx) => refineUniqueIds(ctx, l)),
    map: safeRecord(z.number()).optional(),
  });

  it("CORE-ERR-1: a validation error has a stable code, the field path and zh + en messages for every issue", () => {
    const e = expectSannongError(
      () => parseInput(schema, { n: "1", list: [{ id: "a" }, { id: "a" }], extra: 1 }, "demo"),
      "INVALID_INPUT",
      ["n"],
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toBeInstanceOf(SannongError);
    const v = e as ValidationError;
    expect(v.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_type", ["n"]],
      ["duplicate_id", ["list", 1, "id"]],
      ["unrecognized_keys", []],
    ]);
    expect(v.issues[0]!.zh).toMatch(/期望/);
    expect(v.issues[0]!.en).toMatch(/expected number/);
    expect(v.issues[1]!.zh).toBe("重复的标识 “a”");
    expect(v.issues[1]!.en).toBe('duplicate id "a"');
    expect(v.zh).toContain("demo");
    expect(v.en).toContain("(and 2 more)");
    expect(JSON.parse(JSON.stringify(v))).toMatchObject({
      name: "ValidationError",
      code: "INVALID_INPUT",
      path: ["n"],
    });
  });

  it("CORE-ERR-1: __proto__, constructor and prototype keys are refused in records", () => {
    const e = expectSannongError(
      () => parseInput(schema, JSON.parse('{"n":1,"list":[],"map":{"__proto__":1}}')),
      "INVALID_INPUT",
    ) as ValidationError;
    expect(e.issues[0]!.code).toBe("forbidden_key");
    expectSannongError(() => parseInput(schema, { n: 1, list: [], map: { constructor: 1 } }), "INVALID_INPUT", [
      "map",
      "constructor",
    ]);
  });

  it("CORE-ERR-1: policy errors are declared with zh and en messages and matched by code", () => {
    const fail = defineErrors({
      NO_LAND: {
        zh: (d: { village: string }) => `${d.village} 无土地`,
        en: (d: { village: string }) => `${d.village} has no land`,
      },
    });
    const e = expectSannongError(() => fail("NO_LAND", { village: "东村" }, ["villageArea"]), "NO_LAND", [
      "villageArea",
    ]);
    expect(e).toBeInstanceOf(PolicyError);
    expect(e.zh).toBe("东村 无土地");
    expect(e.messageIn("en")).toBe("东村 has no land");
    expect(e.details).toEqual({ village: "东村" });
    expect(e.message).toBe("[NO_LAND] 东村 has no land");
  });

  it("CORE-ERR-1: safe() returns a result for sannong errors and rethrows bugs", () => {
    const r = safe(() => parseInput(z.number(), "x"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("INVALID_INPUT");
    expect(safe(() => 3)).toEqual({ ok: true, value: 3 });
    expect(() =>
      safe(() => {
        throw new TypeError("bug");
      }),
    ).toThrow(TypeError);
    expect(isSannongError(new Error("x"))).toBe(false);
    expect(isSannongError({ code: "X", zh: "a", en: "b", path: [] })).toBe(true);
  });

  it("CORE-ERR-1: custom issues keep their own code and both languages", () => {
    const s = z.number().superRefine((n, ctx) => {
      if (n > 1) addIssue(ctx, "太大", "too big", [], "too_big_custom");
    });
    const e = expectSannongError(() => parseInput(s, 5), "INVALID_INPUT") as ValidationError;
    expect(e.issues[0]).toEqual({ code: "too_big_custom", path: [], zh: "太大", en: "too big" });
  });
});

describe("ratios and fractions", () => {
  it("CORE-RATIO-1: fractions are exact and in lowest terms", () => {
    expect(formatFraction(fraction(6n, 10n))).toBe("3/5");
    expect(formatFraction(fraction(3, -9))).toBe("-1/3");
    expect(formatFraction(addFractions(fraction(3n, 5n), addFractions(fraction(3n, 10n), fraction(1n, 10n))))).toBe(
      "1/1",
    );
    expect(formatFraction(multiplyFractions(fraction(2n, 3n), fraction(3n, 4n)))).toBe("1/2");
    expect(compareFractions(fraction(1n, 3n), fraction(33n, 100n))).toBe(1);
    expect(fractionToDecimalString(fraction(1n, 3n))).toBe("0.33");
    expectSannongError(() => fraction(1n, 0n), "ZERO_DENOMINATOR");
  });

  it("CORE-RATIO-1: rates parse exactly from strings, numbers and fractions, never via binary floats", () => {
    expect(formatFraction(parseInput(fractionSchema, "0.35"))).toBe("7/20");
    expect(formatFraction(parseInput(fractionSchema, 0.1))).toBe("1/10");
    expect(formatFraction(parseInput(fractionSchema, "2/6"))).toBe("1/3");
    expect(parseInput(decimalSchema, 0.1).toFixed()).toBe("0.1");
    expect(parseInput(ratioSchema, "1").toFixed()).toBe("1");
    expectSannongError(() => parseInput(ratioSchema, "1.01"), "INVALID_INPUT");
    expectSannongError(() => parseInput(fractionSchema, "1/0"), "INVALID_INPUT");
    expectSannongError(() => parseInput(decimalSchema, Number.NaN), "INVALID_INPUT");
    expectSannongError(() => parseInput(decimalSchema, "1e400"), "INVALID_INPUT");
    expectSannongError(() => parseInput(decimalSchema, "0.0000000000000000001"), "INVALID_INPUT");
  });
});
