import { describe, expect, it } from "vitest";
import { locate, parseSource, type Source } from "./source";

function src(text: string): Source {
  const s = parseSource("s.yaml", text);
  if (Array.isArray(s)) throw new Error("unexpected syntax error");
  return s;
}
const lineOf = (s: Source, path: (string | number)[], key = false): number | undefined => {
  const o = locate(s, path, { key }).offset;
  return o === undefined ? undefined : s.lines.linePos(o).line;
};

describe("locate", () => {
  const text = [
    "computation: x",
    "input:",
    "  total: '1.00'",
    "  list:",
    "    - { id: a, v: 1 }",
    "    - id: b",
    "      v: 2",
    "expected: [1]",
    "",
  ].join("\n");
  const s = src(text);

  it("CLI-SCEN-1: maps a field path to its line (values, list items, keys)", () => {
    expect(lineOf(s, ["input", "total"])).toBe(3);
    expect(lineOf(s, ["input", "list", 0, "v"])).toBe(5);
    expect(lineOf(s, ["input", "list", 1, "v"])).toBe(7);
    expect(lineOf(s, ["input"])).toBe(2);
    expect(lineOf(s, ["input", "total"], true)).toBe(3);
    expect(locate(s, ["input", "list", 1, "v"]).exact).toBe(true);
  });

  it("CLI-SCEN-1: a path that does not exist points at its deepest existing parent", () => {
    expect(locate(s, ["input", "missing"])).toMatchObject({ exact: false });
    expect(lineOf(s, ["input", "missing"])).toBe(2);
    expect(lineOf(s, ["input", "list", 9, "v"])).toBe(4);
  });

  it("CLI-SCEN-1: a key merged from an anchor points at the anchor's line", () => {
    const m = src(["cases:", "  - input: &b", "      a: 1", "  - input:", "      <<: *b", "      c: 2", ""].join("\n"));
    expect(lineOf(m, ["cases", 1, "input", "a"])).toBe(3);
    expect(lineOf(m, ["cases", 1, "input", "c"])).toBe(6);
  });
});
