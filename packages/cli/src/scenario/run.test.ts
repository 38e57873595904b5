import { describe, expect, it } from "vitest";
import * as z from "zod";
import { defineParameter, paramAt, parameterSet, PolicyError, traceStep, type ParameterSet } from "@sannong/core";
import { createRegistry } from "./computation";
import { parseScenario } from "./load";
import { runScenario } from "./run";

const rate = defineParameter({
  id: "demo.rate",
  unit: "ratio",
  label: { zh: "比率", en: "rate" },
  schema: z.string().regex(/^0\.\d+$/),
  values: [{ from: "2020-01-01", value: "0.5", source: { document: "test", verified: false } }],
});
const other = defineParameter({
  id: "demo.other",
  unit: "ratio",
  label: { zh: "其他", en: "other" },
  values: [{ from: "2020-01-01", value: "1", source: { document: "test", verified: false } }],
});
const set = parameterSet([rate, other]);
const rule = { id: "DEMO-1", citation: "test §1", label: { zh: "演示", en: "demo" } };

const inputSchema = z.strictObject({
  amount: z.string(),
  date: z.string(),
  refuse: z.boolean().optional(),
  crash: z.boolean().optional(),
});
function half(
  input: z.input<typeof inputSchema>,
  options?: { parameters?: ParameterSet },
): { amount: string; rate: string; trace: ReturnType<typeof traceStep> } {
  if (input.refuse) throw new PolicyError({ code: "DEMO_REFUSED", zh: "拒绝", en: "refused", path: ["amount"] });
  if (input.crash) throw new TypeError("boom");
  const use = paramAt<string>(options?.parameters ?? set, "demo.rate", input.date);
  const amount = (Number(input.amount) * Number(use.value)).toFixed(2);
  return {
    amount,
    rate: use.value,
    trace: traceStep(rule, { inputs: { amount: input.amount }, parameters: [use], output: amount }),
  };
}
const registry = createRegistry()
  .register("demo.half", half, inputSchema, set)
  .register("demo.plain", (i: { x: number }) => ({ y: i.x }), z.strictObject({ x: z.number() }));

const run = (text: string) => runScenario(parseScenario(text, "t.yaml"), { registry });

describe("runScenario", () => {
  it("CLI-SCEN-1: computes, and passes when the expectation holds", () => {
    const [o] = run(
      "computation: demo.half\ninput: { amount: '10.00', date: '2024-01-01' }\nexpected: { amount: '5.00', rate: '0.5' }\n",
    );
    expect(o!.status).toBe("passed");
    expect(o!.output).toMatchObject({ amount: "5.00", rate: "0.5" });
  });

  it("CLI-SCEN-1: a case without expectation is computed, not judged", () => {
    expect(run("computation: demo.half\ninput: { amount: '10.00', date: '2024-01-01' }\n")[0]!.status).toBe("computed");
  });

  it("CLI-SCEN-1: the parameters overlay reaches the computation (bare value or { value, from })", () => {
    const [a, b] = run(
      [
        "computation: demo.half",
        "cases:",
        "  - input: { amount: '10.00', date: '2024-01-01' }",
        "    parameters: { demo.rate: '0.3' }",
        "    check: [amount]",
        "    expected: { amount: '3.00' }",
        "  - input: { amount: '10.00', date: '2024-01-01' }",
        "    parameters: { demo.rate: { value: '0.2', from: '2025-01-01' } }",
        "    check: [amount]",
        "    expected: { amount: '5.00' }",
        "",
      ].join("\n"),
    );
    expect(a!.status).toBe("passed");
    expect(b!.status).toBe("passed"); // the overlay starts after the date: the base value holds
    expect(a!.parameters?.overridden.map((r) => r.id)).toEqual(["demo.rate"]);
  });

  it("CLI-SCEN-1: an overlaid parameter that the trace never shows in use is reported (the overlay changed nothing)", () => {
    const [used] = run(
      "computation: demo.half\ninput: { amount: '1.00', date: '2024-01-01' }\nparameters: { demo.rate: '0.3' }\n",
    );
    expect(used!.unusedParameters).toBeUndefined();
    const [unused] = run(
      "computation: demo.half\ninput: { amount: '1.00', date: '2024-01-01' }\nparameters: { demo.other: '2' }\n",
    );
    expect(unused!.status).toBe("computed");
    expect(unused!.unusedParameters).toEqual(["demo.other"]);
  });

  it("CLI-SCEN-1: an unknown parameter suggests the closest id, a bad value points into the overlay", () => {
    const [a] = run(
      "computation: demo.half\ninput: { amount: '1.00', date: '2024-01-01' }\nparameters:\n  demo.rat: '0.3'\n",
    );
    expect(a!.status).toBe("invalid");
    expect(a!.problems![0]).toMatchObject({ code: "UNKNOWN_PARAMETER", line: 4, column: 3 });
    expect(a!.problems![0]!.zh).toContain("demo.rate");
    const [b] = run(
      "computation: demo.half\ninput: { amount: '1.00', date: '2024-01-01' }\nparameters:\n  demo.rate: { value: 'half' }\n",
    );
    expect(b!.problems![0]).toMatchObject({ code: "INVALID_PARAMETER", line: 4 });
    const [c] = run("computation: demo.plain\ninput: { x: 1 }\nparameters:\n  demo.rate: '0.3'\n");
    expect(c!.problems![0]).toMatchObject({ code: "INVALID_PARAMETER", line: 4 });
  });

  it("CLI-SCEN-1: the input is validated with the computation's own schema, each issue at its line", () => {
    const [o] = run("computation: demo.half\ninput:\n  amount: 10\n  date: '2024-01-01'\n  extra: 1\n");
    expect(o!.status).toBe("invalid");
    expect(o!.problems!.map((p) => [p.code, p.line, p.path.join(".")])).toEqual([
      ["INVALID_INPUT", 3, "input.amount"],
      ["INVALID_INPUT", 5, "input.extra"],
    ]);
  });

  it("CLI-SCEN-1: an unknown computation suggests the closest registered names", () => {
    const [o] = run("computation: demo.hlaf\ninput: {}\n");
    expect(o!.problems![0]).toMatchObject({ code: "UNKNOWN_COMPUTATION", line: 1, column: 14 });
    expect(o!.problems![0]!.en).toContain("demo.half");
  });

  it("CLI-SCEN-2: a mismatch is failed with the differences", () => {
    const [o] = run(
      "computation: demo.half\ninput: { amount: '10.00', date: '2024-01-01' }\ncheck: [amount]\nexpected: { amount: '5.01' }\n",
    );
    expect(o!.status).toBe("failed");
    expect(o!.mismatches).toEqual([{ path: ["amount"], reason: "value", expected: "5.01", actual: "5.00" }]);
  });

  it("CLI-SCEN-2: a check path missing from expected, or malformed, is bad input", () => {
    const [o] = run(
      "computation: demo.half\ninput: { amount: '10.00', date: '2024-01-01' }\ncheck: [rate, 'a..b']\nexpected: { amount: '5.00' }\n",
    );
    expect(o!.status).toBe("invalid");
    expect(o!.problems!.map((p) => p.code)).toEqual(["INVALID_CHECK", "INVALID_CHECK"]);
  });

  it("CLI-TEST-1: expectedError passes on that code, fails on another code or on a result", () => {
    const base = "computation: demo.half\ninput: { amount: '1.00', date: '2024-01-01', refuse: true }\n";
    expect(run(`${base}expectedError: DEMO_REFUSED\n`)[0]!.status).toBe("passed");
    const other = run(`${base}expectedError: OTHER\n`)[0]!;
    expect(other.status).toBe("failed");
    expect(other.mismatches![0]).toMatchObject({ path: ["error"], expected: "OTHER", actual: "DEMO_REFUSED" });
    const none = run(
      "computation: demo.half\ninput: { amount: '1.00', date: '2024-01-01' }\nexpectedError: DEMO_REFUSED\n",
    )[0]!;
    expect(none.status).toBe("failed");
  });

  it("CLI-RUN-1: a refusal without expectation is 'refused' and points at the refused field", () => {
    const [o] = run("computation: demo.half\ninput:\n  amount: '1.00'\n  date: '2024-01-01'\n  refuse: true\n");
    expect(o!.status).toBe("refused");
    expect(o!.refusal).toMatchObject({ code: "DEMO_REFUSED", line: 3, path: ["input", "amount"] });
    // with an expectation, a refusal is a failed case
    expect(
      run("computation: demo.half\ninput: { amount: '1.00', date: '2024-01-01', refuse: true }\nexpected: {}\n")[0]!
        .status,
    ).toBe("failed");
  });

  it("CLI-RUN-1: a non-sannong error is 'crashed' (a bug), never thrown at the caller", () => {
    const [o] = run("computation: demo.half\ninput: { amount: '1.00', date: '2024-01-01', crash: true }\n");
    expect(o!.status).toBe("crashed");
    expect(o!.problems![0]!.code).toBe("INTERNAL_ERROR");
    expect(o!.problems![0]!.en).toContain("boom");
  });

  it("CLI-SCEN-1: runs are deterministic and never mutate the scenario", () => {
    const s = parseScenario("computation: demo.half\ninput: { amount: '10.00', date: '2024-01-01' }\n", "t.yaml");
    const before = JSON.stringify(s);
    const a = JSON.stringify(runScenario(s, { registry }).map((o) => o.output));
    const b = JSON.stringify(runScenario(s, { registry }).map((o) => o.output));
    expect(a).toBe(b);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe("createRegistry", () => {
  it("CLI-SCEN-1: one line registers a computation; a duplicate id is refused", () => {
    const r = createRegistry().register("x.y", (i: { a: number }) => i.a, z.strictObject({ a: z.number() }));
    expect(r.ids()).toEqual(["x.y"]);
    expect(r.get("x.y")!.run({ a: 2 }, {})).toBe(2);
    expect(r.get("__proto__")).toBeUndefined();
    expect(() => r.register("x.y", () => 0, z.unknown())).toThrow(/DUPLICATE_COMPUTATION/);
  });

  it("CLI-PARAM-1: parameters registered by package are listed in id order, duplicates refused", () => {
    const b = defineParameter({
      id: "b.x",
      unit: "u",
      label: { zh: "乙", en: "b" },
      values: [{ from: "2020-01-01", value: 1, source: { document: "t", verified: true } }],
    });
    const r = createRegistry().registerParameters("b", [b]).registerParameters("demo", [rate]);
    expect(r.parameters().map((p) => [p.pkg, p.parameter.id])).toEqual([
      ["b", "b.x"],
      ["demo", "demo.rate"],
    ]);
    expect(() => r.registerParameters("again", [rate])).toThrow(/PARAM_DUPLICATE/);
  });
});
