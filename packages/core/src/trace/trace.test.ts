import { describe, expect, it } from "vitest";
import {
  Decimal,
  defineParameter,
  fraction,
  money,
  renderTrace,
  toJson,
  traceStep,
  valueAt,
  type RuleRef,
} from "../index";

const rule: RuleRef = {
  id: "CORE-ALLOC-1",
  citation: "spec core §Allocation",
  label: { zh: "按比例分配", en: "proportional split" },
};
const child: RuleRef = { id: "CORE-MONEY-2", citation: "spec core §Money", label: { zh: "舍入", en: "rounding" } };
const p = defineParameter({
  id: "t.rate",
  unit: "ratio",
  label: { zh: "比例", en: "rate" },
  values: [{ from: "2020-01-01", value: "0.3", source: { document: "某文件", article: "§二", verified: false } }],
});

describe("trace", () => {
  const node = traceStep(rule, {
    inputs: {
      total: money("100.00"),
      weights: [1, 1, 1],
      rate: new Decimal("0.30"),
      share: fraction(6n, 10n),
      skip: undefined,
    },
    output: [money("33.34"), money("33.33"), money("33.33")],
    parameters: [valueAt(p, "2024-01-01")],
    note: { zh: "余数给小数部分最大者", en: "remainders to the largest fractions" },
    children: [traceStep(child, { output: "half-up" })],
  });

  it("CORE-TRACE-1: a trace is plain JSON with rule IDs, citations, inputs, parameters and output", () => {
    const json = JSON.parse(JSON.stringify(node)) as unknown;
    expect(json).toEqual({
      rule: "CORE-ALLOC-1",
      citation: "spec core §Allocation",
      label: { zh: "按比例分配", en: "proportional split" },
      inputs: { total: "100.00", weights: [1, 1, 1], rate: "0.3", share: "3/5" },
      output: ["33.34", "33.33", "33.33"],
      parameters: [
        { id: "t.rate", value: "0.3", from: "2020-01-01", source: "某文件 §二", verified: false, overridden: false },
      ],
      note: { zh: "余数给小数部分最大者", en: "remainders to the largest fractions" },
      children: [
        {
          rule: "CORE-MONEY-2",
          citation: "spec core §Money",
          label: { zh: "舍入", en: "rounding" },
          output: "half-up",
        },
      ],
    });
  });

  it("CORE-TRACE-1: renders to readable Chinese and English text", () => {
    expect(renderTrace(node)).toMatchInlineSnapshot(`
      "• 按比例分配 (CORE-ALLOC-1，spec core §Allocation)
          输入: total = 100.00; weights = [1,1,1]; rate = 0.3; share = 3/5
          参数: t.rate = 0.3 (自 2020-01-01，来源: 某文件 §二，未核实)
          说明: 余数给小数部分最大者
          结果: ["33.34","33.33","33.33"]
        • 舍入 (CORE-MONEY-2，spec core §Money)
            结果: half-up"
    `);
    expect(renderTrace(node, { lang: "en" })).toContain("• proportional split (CORE-ALLOC-1, spec core §Allocation)");
    expect(renderTrace(node, { lang: "en" })).toContain(
      "parameters: t.rate = 0.3 (from 2020-01-01, source: 某文件 §二, unverified)",
    );
    expect(renderTrace(node, { maxDepth: 0 })).not.toContain("舍入");
  });

  it("CORE-TRACE-1: toJson turns non-JSON values into strings and drops undefined", () => {
    expect(toJson({ a: 1n, b: Number.NaN, c: undefined, d: new Map([["k", money(1)]]) })).toEqual({
      a: "1",
      b: "NaN",
      d: { k: "1.00" },
    });
    expect(toJson(() => 1)).toBeNull();
  });
});
