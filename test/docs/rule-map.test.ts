/**
 * DOCS-MAP-1: the generated rule map covers every rule of the spec, each with
 * an implementation and a test; the spec copy in docs/spec is the spec.
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
  it.skipIf(!existsSync(shared))("DOCS-MAP-1: docs/spec is an exact copy of the shared specification", () => {
    const names = readdirSync(shared)
      .filter((n) => n.endsWith(".md"))
      .sort();
    expect(
      readdirSync(join(repoRoot, "docs", "spec"))
        .filter((n) => n.endsWith(".md"))
        .sort(),
    ).toEqual(names);
    for (const n of names)
      expect(readFileSync(join(repoRoot, "docs", "spec", n), "utf8"), n).toBe(readFileSync(join(shared, n), "utf8"));
  });
});
