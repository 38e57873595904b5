import * as z from "zod";
import { describe, expect, it } from "vitest";
import { idSchema, isIdentifier, parseInput, plainObject } from "../index";
import { expectSannongError } from "../../../../test/helpers";

describe("idSchema and isIdentifier (issue 17)", () => {
  const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

  it("CORE-ERR-1: isIdentifier refuses exactly the ids with an invisible character inside, for every code point", () => {
    const wrong: string[] = [];
    for (let cp = 0x21; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const id = `a${String.fromCodePoint(cp)}b`;
      if (isIdentifier(id) === INVISIBLE.test(id)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(isIdentifier("a\uD800b")).toBe(false); // a lone surrogate
  });

  it.each([
    ["U+200B", "东岭\u200B镇", ["x"]],
    ["U+2060", "H\u20601", ["x"]],
    ["a newline", "H\n1", ["x"]],
  ])("CORE-ERR-1: idSchema refuses %s inside an id, at the id's path", (_n, id, path) => {
    const e = expectSannongError(
      () => parseInput(z.strictObject({ x: idSchema }), { x: id }, "demo"),
      "INVALID_INPUT",
      path,
    );
    expect(e.zh).toContain("不可见字符");
  });

  it("CORE-ERR-1: white space (and a BOM) around an id is trimmed, inner ordinary spaces are kept", () => {
    expect(parseInput(idSchema, " \uFEFF东岭镇　一组 ")).toBe("东岭镇　一组");
    expect([isIdentifier(" H1"), isIdentifier("H1"), isIdentifier("x".repeat(201)), isIdentifier(1)]).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });
});

describe("plainObject (issue 17)", () => {
  const options = plainObject(z.strictObject({ lang: z.enum(["zh", "en"]).optional() }));

  it("CORE-ERR-1: accepts { … } and Object.create(null), refuses Date, Map, Set, class instances", () => {
    expect(parseInput(options, { lang: "zh" })).toEqual({ lang: "zh" });
    expect(parseInput(options, Object.create(null))).toEqual({});
    for (const v of [new Date(0), new Map(), new Set(), new (class Options {})(), /x/]) {
      const e = expectSannongError(() => parseInput(options, v, "demo"), "INVALID_INPUT", []);
      expect(e.en).toContain("expected a plain object");
    }
  });

  it("CORE-ERR-1: arrays and primitives still get the inner schema's own error", () => {
    for (const v of [[], 5, "x", null]) expectSannongError(() => parseInput(options, v), "INVALID_INPUT");
  });

  it("CORE-ERR-1: refuses a non-schema argument with INVALID_ARGUMENT", () => {
    expectSannongError(() => plainObject({} as never), "INVALID_ARGUMENT");
  });
});
