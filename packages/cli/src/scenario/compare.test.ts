import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareExpected, parseFieldPath } from "./compare";
import { NumberLiteral } from "./source";

const lit = (t: string): NumberLiteral => new NumberLiteral(t);

describe("compareExpected", () => {
  it("CLI-SCEN-2: equal outputs give no difference", () => {
    expect(compareExpected(["33.34", "33.33", "33.33"], ["33.34", "33.33", "33.33"])).toEqual([]);
    expect(compareExpected({ a: { b: [1, "x", true, null] } }, { a: { b: [1, "x", true, null] } })).toEqual([]);
  });

  it("CLI-SCEN-2: money strings compare character by character", () => {
    expect(compareExpected({ total: "100" }, { total: "100.00" })).toEqual([
      { path: ["total"], reason: "value", expected: "100", actual: "100.00" },
    ]);
    expect(compareExpected(["33.33"], ["33.34"])).toEqual([
      { path: [0], reason: "value", expected: "33.33", actual: "33.34" },
    ]);
  });

  it("CLI-SCEN-2: an unquoted number compares by exact decimal value, never through a float", () => {
    expect(compareExpected({ total: lit("100") }, { total: "100.00" })).toEqual([]);
    expect(compareExpected({ total: lit("0.30") }, { total: "0.3" })).toEqual([]);
    expect(compareExpected({ n: lit("3") }, { n: 3 })).toEqual([]);
    // 0.1 + 0.2 as a float is 0.30000000000000004; as written it is exactly 0.3
    expect(compareExpected({ total: lit("0.3") }, { total: String(0.1 + 0.2) })).toHaveLength(1);
    // a float would call these equal; exact decimals do not
    expect(compareExpected({ big: lit("12345678901234567.89") }, { big: "12345678901234567.88" })).toHaveLength(1);
    expect(compareExpected({ big: lit("12345678901234567.89") }, { big: "12345678901234567.89" })).toEqual([]);
    expect(compareExpected({ x: lit("1") }, { x: "one" })).toHaveLength(1);
  });

  it("CLI-SCEN-2: a decimal string may stand for a count (a JS number in the output)", () => {
    expect(compareExpected({ seats: "3" }, { seats: 3 })).toEqual([]);
    expect(compareExpected({ seats: "4" }, { seats: 3 })).toHaveLength(1);
  });

  it("CLI-SCEN-2: missing and unexpected fields and list lengths are differences; the top-level trace is ignored", () => {
    expect(compareExpected({ a: "1", b: "2" }, { a: "1", c: "3", trace: { rule: "X" } })).toEqual([
      { path: ["b"], reason: "missing", expected: "2" },
      { path: ["c"], reason: "unexpected", actual: "3" },
    ]);
    expect(compareExpected({ list: ["1", "2"] }, { list: ["1"] })).toEqual([
      { path: ["list"], reason: "length", expected: 2, actual: 1 },
    ]);
    expect(compareExpected({ a: { trace: 1 } }, { a: { trace: 1, x: 2 } })).toEqual([
      { path: ["a", "x"], reason: "unexpected", actual: 2 },
    ]);
    expect(compareExpected({ a: [1] }, { a: { 0: 1 } })).toHaveLength(1);
    expect(compareExpected({ a: { b: 1 } }, { a: [1] })).toHaveLength(1);
  });

  it("CLI-SCEN-2: with check, only the listed paths are compared", () => {
    const expected = { recipients: [{ amount: "10.00" }, { amount: "90.00" }] };
    const actual = {
      recipients: [
        { amount: "10.00", share: "0.1" },
        { amount: "89.99", share: "0.9" },
      ],
      total: "99.99",
    };
    expect(compareExpected(expected, actual, [["recipients", 0, "amount"]])).toEqual([]);
    expect(compareExpected(expected, actual, [["recipients", 1, "amount"]])).toEqual([
      { path: ["recipients", 1, "amount"], reason: "value", expected: "90.00", actual: "89.99" },
    ]);
    expect(compareExpected(expected, actual)).not.toEqual([]);
  });

  it("CLI-SCEN-2: a value always matches itself (property)", () => {
    const json = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("v"), { maxLength: 4 }),
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => k !== "__proto__"),
          tie("v"),
          { maxKeys: 4 },
        ),
      ),
    })).v;
    fc.assert(fc.property(json, (v) => compareExpected(v, v as never).length === 0));
  });
});

describe("parseFieldPath", () => {
  it.each([
    ["recipients[0].amount", ["recipients", 0, "amount"]],
    ["recipients.0.amount", ["recipients", 0, "amount"]],
    ["[2]", [2]],
    ["total", ["total"]],
    ["a.b[10][2].c", ["a", "b", 10, 2, "c"]],
  ])("CLI-SCEN-2: %s", (text, path) => {
    expect(parseFieldPath(text)).toEqual(path);
  });
  it.each(["", "a..b", ".a", "a.", "a[x]", "a[0"])("CLI-SCEN-2: refuses the malformed path %j", (text) => {
    expect(parseFieldPath(text)).toBeUndefined();
  });
});
