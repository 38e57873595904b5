import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { insuranceParameters, insuranceParameterSet } from "./parameters";
import { RULES } from "./rules";

describe("parameters and rules", () => {
  it("INS-QUOTA-2: every parameter has a source, is marked unverified and says where its default came from", () => {
    expect(insuranceParameterSet.parameters.size).toBe(insuranceParameters.length);
    for (const p of insuranceParameters) {
      expect(p.id.startsWith("insurance.")).toBe(true);
      expect(p.label.zh.length).toBeGreaterThan(0);
      for (const v of p.values) {
        expect(v.source.verified).toBe(false);
        expect(v.source.document.length).toBeGreaterThan(0);
        expect((v.source.note ?? "").length).toBeGreaterThan(0);
      }
    }
  });

  it("INS-OVERAGE-1: RULES cites every INS rule of the spec, and every rule is tested", () => {
    const spec = readFileSync(fileURLToPath(new URL("../../../docs/spec/insurance.md", import.meta.url)), "utf8");
    const ids = [...new Set(spec.match(/INS-[A-Z]+-\d+/g) ?? [])].sort();
    expect(Object.keys(RULES).sort()).toEqual(ids);
    for (const r of Object.values(RULES)) expect(r.citation).toMatch(/^00[02] §/);
  });
});
