/**
 * `pnpm docs` (DOCS-SITE-1, DOCS-MAP-1): writes the generated pages (the rule
 * map and the parameters page) into docs/generated/, builds one typedoc site
 * for all packages with the guides into docs/site/, and checks the site's
 * internal links. Fails when a rule lacks an implementation or a test, when
 * typedoc warns, or when a link is broken.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { buildRuleMap, repoRoot, ruleMapMarkdown } from "./rule-map";
import { parametersMarkdown } from "./parameters-page";

export const siteDir = join(repoRoot, "docs", "site");

/** Internal links of the built site that point at no file. */
export function brokenLinks(dir = siteDir): string[] {
  const broken: string[] = [];
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  for (const file of walk(dir).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(file, "utf8");
    for (const m of html.matchAll(/\b(?:href|src)="([^"]+)"/g)) {
      const url = m[1]!;
      if (/^(?:[a-z]+:|\/\/|#)/i.test(url)) continue;
      const path = decodeURI(url.split("#")[0]!.split("?")[0]!);
      if (!path) continue;
      const target = resolve(dirname(file), path);
      if (!existsSync(target)) broken.push(`${relative(dir, file)} → ${url}`);
    }
  }
  return [...new Set(broken)].sort();
}

export async function buildDocs(): Promise<void> {
  const { missing } = buildRuleMap();
  if (missing.length) {
    throw new Error(
      `rules without an implementation or a test: ${missing.map((m) => `${m.id}${m.implementation ? "" : " (no implementation)"}${m.test ? "" : " (no test)"}`).join(", ")}`,
    );
  }
  const gen = join(repoRoot, "docs", "generated");
  mkdirSync(gen, { recursive: true });
  writeFileSync(join(gen, "rule-map.md"), ruleMapMarkdown());
  writeFileSync(join(gen, "parameters.md"), await parametersMarkdown());
  const out = execFileSync(
    join(repoRoot, "node_modules", ".bin", "typedoc"),
    ["--options", join(repoRoot, "docs", "typedoc.json")],
    { cwd: join(repoRoot, "docs"), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  process.stdout.write(out);
  const warnings = out.split("\n").filter((l) => /\[warning\]|\[error\]/.test(l) && !/git remote/.test(l));
  if (warnings.length) throw new Error(`typedoc reported ${warnings.length} warning(s):\n${warnings.join("\n")}`);
  const broken = brokenLinks();
  if (broken.length) throw new Error(`broken links in the site:\n${broken.join("\n")}`);
  console.log(`docs built into ${relative(repoRoot, siteDir)}; no broken internal links`);
}

if (process.argv[1]?.endsWith("build.ts")) {
  buildDocs().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
