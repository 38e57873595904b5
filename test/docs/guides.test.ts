/**
 * DOCS-SITE-1: every guide's worked example runs, and every number it shows
 * (`expr; // → value`) is what the code returns.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { doctestModule } from "./doctest";
import { repoRoot } from "../../scripts/docs/rule-map";

const guideDir = join(repoRoot, "docs", "guides");
const guides = ["zh", "en"].flatMap((lang) => {
  try {
    return readdirSync(join(guideDir, lang))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `${lang}/${f}`);
  } catch {
    return [];
  }
});
const outDir = join(repoRoot, "test", "docs", ".generated");

/** Runs a guide's blocks; returns the failures and how many checks ran. */
async function runGuide(markdown: string, name: string): Promise<{ failures: string[]; ran: number; checks: number }> {
  const { source, checks } = doctestModule(markdown);
  const failures: string[] = [];
  let ran = 0;
  (globalThis as unknown as { __docCheck: unknown }).__docCheck = (
    line: number,
    actual: () => unknown,
    expected: string,
  ): void => {
    ran++;
    let value: unknown;
    try {
      value = JSON.parse(JSON.stringify(actual()) ?? "null");
    } catch (e) {
      failures.push(`${name}:${line}: threw ${String(e)}`);
      return;
    }
    const want: unknown = new Function(`return (${expected});`)();
    if (JSON.stringify(value) !== JSON.stringify(want))
      failures.push(`${name}:${line}: expected ${JSON.stringify(want)}, got ${JSON.stringify(value)}`);
  };
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${name.replace(/[/\\]/g, "-").replace(/\.md$/, "")}.ts`);
  writeFileSync(file, source);
  await import(`${file}?t=${Date.now()}`);
  return { failures, ran, checks };
}

describe("DOCS-SITE-1: guides", () => {
  it("DOCS-SITE-1: there is a getting-started guide and one guide per policy area, in Chinese and in English", () => {
    for (const lang of ["zh", "en"])
      for (const name of ["getting-started", "funds", "assets", "insurance", "migrants"])
        expect(guides).toContain(`${lang}/${name}.md`);
  });

  it("DOCS-SITE-1: a guide showing a wrong number fails", async () => {
    const md = [
      "```ts",
      'import { allocate } from "@sannong/core";',
      'allocate("100.00", [1, 1, 1]).map(String); // → ["33.33", "33.33", "33.34"]',
      "const n = 1 + 1; // → 2",
      "```",
    ].join("\n");
    const r = await runGuide(md, "self-test-wrong.md");
    expect(r.checks).toBe(2);
    expect(r.ran).toBe(2);
    expect(r.failures).toEqual([
      'self-test-wrong.md:3: expected ["33.33","33.33","33.34"], got ["33.34","33.33","33.33"]',
    ]);
  });

  const readmes = [
    "README.md",
    ...["core", "funds", "assets", "insurance", "migrants", "cli"].map((p) => `packages/${p}/README.md`),
  ];
  it.each(readmes)("DOCS-SITE-1: the examples in %s are produced by the code", async (file) => {
    const r = await runGuide(readFileSync(join(repoRoot, file), "utf8"), file);
    expect(r.failures).toEqual([]);
    expect(r.ran).toBe(r.checks);
  });

  it.each(guides)("DOCS-SITE-1: the numbers in %s are produced by the code", async (guide) => {
    const r = await runGuide(readFileSync(join(guideDir, guide), "utf8"), guide);
    expect(r.checks, "a guide must show at least three checked results").toBeGreaterThanOrEqual(3);
    expect(r.failures).toEqual([]);
    expect(r.ran).toBe(r.checks);
  });
});
