import { describe, expect, it } from "vitest";
import { parseScenario } from "./load";
import { ScenarioError } from "./errors";
import { NumberLiteral } from "./source";

function problems(text: string): ScenarioError["problems"] {
  try {
    parseScenario(text, "s.yaml");
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  throw new Error("expected a ScenarioError");
}

describe("parseScenario", () => {
  it("CLI-SCEN-1: reads a single-case file with computation, input, parameters, expected and check", () => {
    const s = parseScenario(
      [
        "name: 三等分",
        "computation: core.allocate",
        "input:",
        "  total: '100.00'",
        "  weights: [1, 1, 1]",
        "parameters:",
        "  some.param: '0.5'",
        "expected: ['33.34', '33.33', '33.33']",
        "check: ['[0]']",
        "",
      ].join("\n"),
      "a.yaml",
    );
    expect(s.cases).toHaveLength(1);
    const c = s.cases[0]!;
    expect(c).toMatchObject({
      name: "三等分",
      computation: "core.allocate",
      input: { total: "100.00", weights: [1, 1, 1] },
      parameters: { "some.param": "0.5" },
      hasExpected: true,
      check: ["[0]"],
      at: [],
      computationAt: ["computation"],
    });
    expect(c.expected).toEqual(["33.34", "33.33", "33.33"]);
  });

  it("CLI-SCEN-1: several cases inherit the file's computation and parameters; a case's own parameters win", () => {
    const s = parseScenario(
      [
        "name: 多用例",
        "computation: core.allocate",
        "parameters: { a: 1, b: 2 }",
        "cases:",
        "  - input: { total: '1.00', weights: [1] }",
        "    expected: ['1.00']",
        "  - name: 第二",
        "    computation: other.fn",
        "    parameters: { b: 3 }",
        "    input: {}",
        "",
      ].join("\n"),
      "m.yaml",
    );
    expect(s.name).toBe("多用例");
    expect(s.cases.map((c) => [c.name, c.computation, c.parameters])).toEqual([
      ["多用例 #1", "core.allocate", { a: 1, b: 2 }],
      ["第二", "other.fn", { a: 1, b: 3 }],
    ]);
    expect(s.cases[1]!.parametersAt).toEqual({ a: ["parameters", "a"], b: ["cases", 1, "parameters", "b"] });
    expect(s.cases[1]!.hasExpected).toBe(false);
  });

  it("CLI-SCEN-2: a long unquoted number in expected is kept exactly as written (no float on the way)", () => {
    const c = parseScenario("computation: x\ninput: {}\nexpected: { c: 12345678901234567.89 }\n", "n.yaml").cases[0]!;
    expect((c.expected as Record<string, unknown>)["c"]).toEqual(new NumberLiteral("12345678901234567.89"));
  });

  it("CLI-SCEN-1: a number a float cannot hold exactly is an error at its line, never silently changed", () => {
    const ps = problems("computation: x\ninput:\n  total: 12345678901234567.89\n");
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ code: "NUMBER_NOT_EXACT", line: 3, column: 10, path: ["input", "total"] });
    expect(ps[0]!.zh).toContain("请加引号");
  });

  it("CLI-SCEN-2: expected numbers become NumberLiterals with their source text", () => {
    const c = parseScenario(
      "computation: x\ninput: {}\nexpected: { a: 100.00, b: '100.00', c: [1e3, 0.10] }\n",
      "n.yaml",
    ).cases[0]!;
    const e = c.expected as Record<string, unknown>;
    expect(e["a"]).toEqual(new NumberLiteral("100.00"));
    expect(e["b"]).toBe("100.00");
    expect(e["c"]).toEqual([new NumberLiteral("1e3"), new NumberLiteral("0.10")]);
    // the input keeps plain numbers for the API's schemas
    expect(c.input).toEqual({});
  });

  it("CLI-SCEN-1: a YAML syntax error names the file and the line", () => {
    const ps = problems("computation: x\ninput:\n  total: '1\n  weights: [1]\n");
    expect(ps).toHaveLength(1);
    expect(ps[0]!.code).toBe("YAML_SYNTAX");
    expect(ps[0]!.file).toBe("s.yaml");
    expect(ps[0]!.line).toBeGreaterThanOrEqual(3);
    expect(ps[0]!.zh).toContain("YAML 语法错误");
    expect(ps[0]!.en).toContain("YAML syntax error");
  });

  it.each([
    ["computation: x\ninput:\n  total: '1.00\n  weights: [1]\n", 3, 10, "单引号字符串"],
    ['computation: x\ninput: { total: "1.00 }\n', 2, 17, "双引号字符串"],
    ["computation: x\ninput:\n  weights: [1, 2\nexpected: 1\n", 3, 12, "方括号"],
    ["computation: x\ninput: {total: 1\nexpected: 1\n", 2, 8, "花括号"],
  ])(
    "CLI-SCEN-1: an unclosed string or bracket is reported where it starts, not at the end of the file (%#)",
    (text, line, column, what) => {
      const ps = problems(text);
      expect(ps[0]).toMatchObject({ code: "YAML_SYNTAX", line, column });
      expect(ps[0]!.zh).toContain(what);
    },
  );

  it("CLI-SCEN-1: a duplicate key is a syntax error (a typo must not override silently)", () => {
    const ps = problems("computation: x\ninput: {}\ninput: {}\n");
    expect(ps[0]).toMatchObject({ code: "YAML_SYNTAX", line: 3 });
    expect(ps[0]!.zh).toContain("键重复");
  });

  it("CLI-SCEN-1: an unknown top-level key points at its line and suggests the closest key", () => {
    const ps = problems("computation: x\ninptu: {}\n");
    const unknown = ps.find((p) => p.path.join(".") === "inptu");
    expect(unknown).toMatchObject({ code: "INVALID_SCENARIO", line: 2, column: 1 });
    expect(unknown!.zh).toContain("“input”");
    expect(unknown!.en).toContain('did you mean "input"');
    expect(ps.some((p) => p.path.join(".") === "input")).toBe(true); // and input is missing
  });

  it("CLI-SCEN-1: a missing computation, an empty file, a list at the top are each one clear problem", () => {
    expect(problems("input: {}\n")[0]).toMatchObject({ code: "INVALID_SCENARIO", path: ["computation"] });
    expect(problems("")[0]).toMatchObject({ code: "INVALID_SCENARIO" });
    expect(problems("- a\n- b\n")[0]).toMatchObject({ code: "INVALID_SCENARIO", line: 1 });
    expect(problems("computation: x\ninput: {}\nexpected: 1\nexpectedError: X\n")[0]).toMatchObject({
      path: ["expectedError"],
      line: 4,
    });
    expect(problems("computation: x\ninput: {}\ncheck: [a]\n")[0]).toMatchObject({ path: ["check"], line: 3 });
    expect(problems("computation: x\ncases:\n  - input: {}\ninput: {}\n")[0]).toMatchObject({
      path: ["input"],
      line: 4,
    });
    expect(problems("computation: x\ncases:\n  - name: a\n")[0]).toMatchObject({
      path: ["cases", 0, "input"],
      line: 3,
    });
  });

  it("CLI-SCEN-1: JSON files are read with their lines too", () => {
    const ps = problems('{\n  "computation": "x",\n  "input": {},\n  "extra": 1\n}\n');
    expect(ps[0]).toMatchObject({ code: "INVALID_SCENARIO", line: 4, path: ["extra"] });
    const s = parseScenario(
      '{\n\t"computation": "core.allocate",\n\t"input": {"total": "1.00", "weights": [1]},\n\t"expected": ["1.00"]\n}\n',
      "t.json",
    );
    expect(s.cases[0]!.input).toEqual({ total: "1.00", weights: [1] });
  });

  it("CLI-SCEN-1: a __proto__ key becomes an own property (the API schemas then refuse it), never the prototype", () => {
    const c = parseScenario("computation: x\ninput:\n  __proto__: { polluted: true }\n", "p.yaml").cases[0]!;
    expect(Object.hasOwn(c.input as object, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(c.input)).toBe(Object.prototype);
  });

  it("CLI-SCEN-1: ScenarioError carries zh and en messages with file:line:column", () => {
    try {
      parseScenario("computation: x\ninptu: {}\n", "s.yaml");
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const err = e as ScenarioError;
      expect(err.zh).toMatch(/^s\.yaml:\d+:\d+：/);
      expect(err.en).toMatch(/^s\.yaml:\d+:\d+: /);
      expect(JSON.parse(JSON.stringify(err)).problems.length).toBe(err.problems.length);
      return;
    }
    throw new Error("expected a ScenarioError");
  });

  it("CLI-SCEN-1: anchors and merge keys (<<: *base) are read as YAML says; the case's own keys win", () => {
    const s = parseScenario(
      [
        "computation: x",
        "cases:",
        "  - input: &base",
        "      a: 1",
        "      b: 2",
        "  - input:",
        "      <<: *base",
        "      b: 3",
        "",
      ].join("\n"),
      "m.yaml",
    );
    expect(s.cases.map((c) => c.input)).toEqual([
      { a: 1, b: 2 },
      { a: 1, b: 3 },
    ]);
  });
});

describe("parseScenario — aliases", () => {
  it("CLI-SCEN-1: an alias bomb is refused as INVALID_SCENARIO at the alias, not expanded until memory runs out", () => {
    const levels = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"];
    for (let i = 1; i <= 7; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${new Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const text = [...levels, "computation: core.allocate", "input: { total: '1.00', weights: *h }", ""].join("\n");
    const ps = problems(text);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ code: "INVALID_SCENARIO", file: "s.yaml" });
    expect(ps[0]!.line).toBeGreaterThan(1);
    expect(ps[0]!.en).toMatch(/aliases/);
  });

  it("CLI-SCEN-1: aliases that expand to a reasonable size are read in full", () => {
    const row = `[${new Array(100).fill(1).join(", ")}]`;
    const s = parseScenario(
      [
        "computation: x",
        "cases:",
        `  - input: { w: &w ${row} }`,
        `  - input: { ws: [${new Array(100).fill("*w").join(", ")}] }`,
        "",
      ].join("\n"),
      "a.yaml",
    );
    const ws = (s.cases[1]!.input as { ws: number[][] }).ws;
    expect(ws).toHaveLength(100);
    expect(ws.every((w) => w.length === 100 && w.every((x) => x === 1))).toBe(true);
  });
});
