/**
 * DOCS-MAP-1: maps every rule ID in the spec to the exported symbols whose
 * TSDoc says `Implements <ID>` and to the tests whose titles (or scenario
 * files) name it. Generated, so it cannot go stale; `buildRuleMap().missing`
 * lists rules without an implementation or a test, and the docs build fails on
 * any.
 *
 * The spec is read from docs/spec/ (a copy kept equal to ../shared/spec by a
 * test when that folder is present).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const ID = /\b[A-Z]+(?:-[A-Z]+)+-\d+\b/g;

export interface RuleEntry {
  id: string;
  specFile: string;
  summary: string;
  implementations: { symbol: string; file: string }[];
  tests: { title: string; file: string }[];
}

function walk(dir: string, keep: (p: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    if (n === "node_modules" || n === "dist" || n.startsWith(".")) return [];
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, keep) : keep(p) ? [p] : [];
  });
}

/** Rules of the spec: `**ID** summary…` bullets. */
export function specRules(
  specDir = join(repoRoot, "docs", "spec"),
): { id: string; specFile: string; summary: string }[] {
  const out: { id: string; specFile: string; summary: string }[] = [];
  for (const f of readdirSync(specDir)
    .filter((n) => n.endsWith(".md"))
    .sort()) {
    const text = readFileSync(join(specDir, f), "utf8");
    for (const m of text.matchAll(/\*\*([A-Z]+(?:-[A-Z]+)+-\d+)\*\*\s*([\s\S]*?)(?=\n\s*\n|\n- |$)/g)) {
      out.push({ id: m[1]!, specFile: f, summary: m[2]!.replace(/\*\*/g, "").replace(/\s+/g, " ").trim() });
    }
  }
  return out;
}

/** Exported symbols whose doc comment says `Implements …ID…`. */
function implementations(): Map<string, { symbol: string; file: string }[]> {
  const map = new Map<string, { symbol: string; file: string }[]>();
  const files = walk(
    join(repoRoot, "packages"),
    (p) => p.endsWith(".ts") && !p.endsWith(".test.ts") && p.includes(`${join("src", "")}`),
  );
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(
      /\/\*\*([\s\S]*?)\*\/\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z0-9_$]+)/g,
    )) {
      const doc = m[1]!;
      const implemented = [...doc.matchAll(/Implements([^\n@]*(?:\n\s*\*[^\n@]*)*)/g)].flatMap(
        (x) => x[1]!.match(ID) ?? [],
      );
      for (const id of new Set(implemented)) {
        const list = map.get(id) ?? [];
        list.push({ symbol: m[2]!, file: relative(repoRoot, file) });
        map.set(id, list);
      }
    }
  }
  return map;
}

/** Tests (titles of it/test/describe, or scenario files) naming each ID. */
function tests(): Map<string, { title: string; file: string }[]> {
  const map = new Map<string, { title: string; file: string }[]>();
  const files = [
    ...walk(join(repoRoot, "packages"), (p) => p.endsWith(".test.ts")),
    ...walk(join(repoRoot, "test"), (p) => p.endsWith(".test.ts")),
    ...walk(join(repoRoot, "examples"), (p) => /\.(ya?ml|json)$/.test(p)),
  ];
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    const scenario = /\.(ya?ml|json)$/.test(file);
    for (const line of lines) {
      const ids = line.match(ID);
      if (!ids) continue;
      if (!scenario && !/\b(it|test|describe)(\.\w+)*\s*\(|\bit\.each|\bdescribe\.each|^\s*\[?\s*["'`]/.test(line))
        continue;
      const title = line
        .trim()
        .replace(/^.*?(?:it|test|describe)(?:\.[\w]+)*(?:\([^)]*\))?\s*\(\s*/, "")
        .replace(/["'`],?\s*(\(|async|function|\{).*$/, "")
        .replace(/^["'`]/, "")
        .slice(0, 140);
      for (const id of new Set(ids)) {
        const list = map.get(id) ?? [];
        if (!list.some((t) => t.file === relative(repoRoot, file) && t.title === title))
          list.push({ title, file: relative(repoRoot, file) });
        map.set(id, list);
      }
    }
  }
  return map;
}

/** Rules that are about the docs and tooling themselves, implemented by scripts rather than exported symbols. */
const IMPLEMENTED_BY_SCRIPTS: Record<string, { symbol: string; file: string }> = {
  "DOCS-SITE-1": { symbol: "pnpm docs (typedoc + guides)", file: "scripts/docs/build.ts" },
  "DOCS-MAP-1": { symbol: "buildRuleMap", file: "scripts/docs/rule-map.ts" },
};

/** The whole map and the rules missing an implementation or a test. */
export function buildRuleMap(): {
  rules: RuleEntry[];
  missing: { id: string; implementation: boolean; test: boolean }[];
} {
  const impl = implementations();
  const tst = tests();
  const rules = specRules().map((r) => ({
    ...r,
    implementations: impl.get(r.id) ?? (IMPLEMENTED_BY_SCRIPTS[r.id] ? [IMPLEMENTED_BY_SCRIPTS[r.id]!] : []),
    tests: tst.get(r.id) ?? [],
  }));
  const missing = rules
    .filter((r) => r.implementations.length === 0 || r.tests.length === 0)
    .map((r) => ({ id: r.id, implementation: r.implementations.length > 0, test: r.tests.length > 0 }));
  return { rules, missing };
}

const esc = (s: string): string => s.replace(/\|/g, "\\|");

/** The rule map as a markdown page. */
export function ruleMapMarkdown(): string {
  const { rules, missing } = buildRuleMap();
  const lines = [
    "---",
    "title: Rule map 规则对照表",
    "---",
    "",
    "# Rule map 规则对照表",
    "",
    "Every rule ID of the specification, the exported function that implements it, and the tests that check it. Generated by `scripts/docs/rule-map.ts` from the spec, the `Implements` remarks of the source and the test titles; the docs build fails when a rule lacks either.",
    "",
    `${rules.length} rules; ${rules.length - missing.length} with both an implementation and a test.`,
    "",
    "| rule | spec | implemented by | checked by |",
    "|---|---|---|---|",
  ];
  for (const r of rules) {
    const impl = r.implementations.map((i) => `\`${i.symbol}\` (${i.file})`).join("<br>") || "**missing**";
    const shown = r.tests.slice(0, 4).map((t) => `${esc(t.title)} (${t.file})`);
    const more = r.tests.length > 4 ? [`… and ${r.tests.length - 4} more`] : [];
    lines.push(
      `| **${r.id}** | ${r.specFile}: ${esc(r.summary.slice(0, 90))}${r.summary.length > 90 ? "…" : ""} | ${impl} | ${[...shown, ...more].join("<br>") || "**missing**"} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
