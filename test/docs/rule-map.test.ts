/**
 * DOCS-MAP-1: the generated rule map covers every rule of the spec, each with
 * an implementation and a test; docs/spec is the project's living copy of the spec
 * (issues change and add rules there), which never drops a rule of the original.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildRuleMap, repoRoot, ruleMapMarkdown, specRules } from "../../scripts/docs/rule-map";

describe("DOCS-MAP-1: rule map", () => {
  it("DOCS-MAP-1: every rule in the spec has an implementation and a test", () => {
    const { rules, missing } = buildRuleMap();
    expect(rules.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("DOCS-MAP-1: the page has one row per rule, naming the implementing function", () => {
    const md = ruleMapMarkdown();
    for (const r of specRules()) expect(md).toContain(`| **${r.id}** |`);
    expect(md).toMatch(/\| \*\*CORE-ALLOC-1\*\* \|[^\n]*`allocate` \(packages\/core\/src\/allocation\/allocate\.ts\)/);
    expect(md).not.toContain("**missing**");
  });

  const shared = join(repoRoot, "..", "shared", "spec");
  const ids = (text: string): string[] => [...text.matchAll(/\*\*([A-Z]+(?:-[A-Z]+)+-\d+)\*\*/g)].map((m) => m[1]!);
  it.skipIf(!existsSync(shared))(
    "DOCS-MAP-1: docs/spec, the living copy, keeps every file and every rule ID of the original specification",
    () => {
      const names = readdirSync(shared).filter((n) => n.endsWith(".md"));
      for (const n of names) {
        const living = readFileSync(join(repoRoot, "docs", "spec", n), "utf8");
        for (const id of ids(readFileSync(join(shared, n), "utf8"))) expect(ids(living), `${n}: ${id}`).toContain(id);
      }
    },
  );
});
