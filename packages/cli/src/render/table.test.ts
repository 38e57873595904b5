import { describe, expect, it } from "vitest";
import { displayWidth } from "../internal/width";
import { renderOutput } from "./result";
import { table } from "./table";

describe("table", () => {
  it("CLI-RUN-1: aligns Chinese text by display width and right-aligns numbers", () => {
    const t = table(
      ["名称", "金额"],
      [
        ["东岭镇", "390076.24"],
        ["北坪乡", "74865.64"],
      ],
    );
    const lines = t.split("\n");
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines[1]).toMatch(/-:\|$/);
    expect(lines[3]).toContain("|  74865.64 |");
  });

  it("CLI-RUN-1: renders a result with Chinese headers; data keys (factor ids) are not translated", () => {
    const text = renderOutput(
      {
        allocations: [{ id: "A", amount: "1.00", byFactor: { 移民人口: "1.00" } }],
        factorTotals: { 移民人口: "1.00" },
        zeroRecipients: [],
      },
      "zh",
    );
    expect(text).toContain("金额（元）");
    expect(text).toContain("按因素·移民人口");
    expect(text).toContain("| 移民人口 |");
    expect(text).toContain("（无）");
  });

  it("CLI-RUN-1: bilingual messages show in the chosen language only; enum values are translated", () => {
    const out = {
      gates: [{ gate: "approval", passed: false, zh: "未批准", en: "not approved" }],
      status: "partly-filled",
    };
    const zh = renderOutput(out, "zh");
    expect(zh).toContain("未批准");
    expect(zh).not.toContain("not approved");
    expect(zh).toContain("部分落实");
    const en = renderOutput(out, "en");
    expect(en).toContain("not approved");
    expect(en).not.toContain("未批准");
  });
});
