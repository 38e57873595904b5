/**
 * DOCS-SITE-1 (STYLE.md habit 6): the `@example` of every documented symbol in
 * packages/<pkg>/src runs as written, and every output it shows
 * (`expr; // → value`) is what the code returns — with the same doc-test
 * machinery as the guides (test/docs/doctest.ts).
 *
 * An example is a ```ts block after an `@example` tag of a `/** … *\/` comment,
 * with the leading ` * ` of each line stripped. It must be self-contained: its
 * imports come from "@sannong/<pkg>" (never a relative path) and it shows at
 * least one checked output. Illustrative snippets that cannot run are fenced
 * ```ts ignore and are skipped.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { doctestModule } from "./doctest";
import { repoRoot } from "../../scripts/docs/rule-map";

interface TsdocExample {
  /** Repository-relative path of the source file. */
  file: string;
  /** The declaration the doc comment belongs to. */
  symbol: string;
  /** 1-based line of the opening ```ts fence in the source file. */
  fenceLine: number;
  /** The example's code, comment stars stripped. */
  code: string;
}

const DECLARATION =
  /^\s*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;

/** The `@example` ts blocks of the doc comments of one source file. */
function tsdocExamples(source: string, file: string): TsdocExample[] {
  const out: TsdocExample[] = [];
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\/\*\*/.test(lines[i]!)) continue;
    const start = i;
    while (i < lines.length && !lines[i]!.includes("*/")) i++;
    const end = i;
    // the declaration the comment documents: the next non-blank line
    let symbol = "(anonymous)";
    for (let j = end + 1; j < lines.length; j++) {
      if (lines[j]!.trim() === "") continue;
      const m = DECLARATION.exec(lines[j]!) ?? /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*[:(]/.exec(lines[j]!);
      if (m) symbol = m[1]!;
      break;
    }
    let inExample = false;
    for (let k = start; k <= end; k++) {
      const text = lines[k]!.replace(/^\s*\/\*\*\s?/, "").replace(/^\s*\*(?!\/) ?/, "");
      if (/^@\w+/.test(text)) inExample = /^@example\b/.test(text);
      if (!inExample || !/^```(ts|typescript)\s*$/.test(text)) continue;
      const fenceLine = k + 1;
      const body: string[] = [];
      for (k++; k <= end; k++) {
        const t = lines[k]!.replace(/^\s*\*(?!\/) ?/, "");
        if (/^```\s*$/.test(t)) break;
        body.push(t);
      }
      out.push({ file, symbol, fenceLine, code: body.join("\n") });
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const packages = ["core", "funds", "assets", "insurance", "migrants"];
const examples = packages.flatMap((pkg) =>
  sourceFiles(join(repoRoot, "packages", pkg, "src")).flatMap((path) =>
    tsdocExamples(readFileSync(path, "utf8"), relative(repoRoot, path).replace(/\\/g, "/")),
  ),
);
const outDir = join(repoRoot, "test", "docs", ".generated");
/** The modules generated for the package examples in this run (type-checked at the end). */
const generated: string[] = [];

/** Runs one example as its own module; returns the failures and how many checks ran. */
async function runExample(example: TsdocExample): Promise<{ failures: string[]; ran: number; checks: number }> {
  // padding puts the block at its own line numbers, so failures point into the source file
  const markdown = `${"\n".repeat(example.fenceLine - 1)}\`\`\`ts\n${example.code}\n\`\`\`\n`;
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
      failures.push(`${example.file}:${line}: threw ${String(e)}`);
      return;
    }
    const want: unknown = new Function(`return (${expected});`)();
    if (JSON.stringify(value) !== JSON.stringify(want))
      failures.push(`${example.file}:${line}: expected ${JSON.stringify(want)}, got ${JSON.stringify(value)}`);
  };
  mkdirSync(outDir, { recursive: true });
  const file = join(
    outDir,
    `tsdoc-${example.file.replace(/^packages\//, "").replace(/[/\\.]/g, "-")}-${example.fenceLine}.ts`,
  );
  writeFileSync(file, source);
  if (example.file.startsWith("packages/")) generated.push(file);
  await import(`${file}?t=${Date.now()}`);
  return { failures, ran, checks };
}

/** The module specifiers an example imports from. */
function importSources(code: string): string[] {
  return [...code.matchAll(/^\s*import\s[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]!);
}

const seen = new Map<string, number>();
const cases = examples.map((example) => {
  const key = `${example.symbol} (${example.file})`;
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return { title: n === 1 ? key : `${example.symbol} #${n} (${example.file})`, example };
});

describe("DOCS-SITE-1: TSDoc @example blocks", () => {
  it("DOCS-SITE-1: examples are found in every policy package", () => {
    for (const pkg of packages)
      expect(examples.filter((e) => e.file.startsWith(`packages/${pkg}/`)).length, pkg).toBeGreaterThan(0);
  });

  it("DOCS-SITE-1: extraction strips the comment stars, skips `ts ignore` blocks and names the symbol", () => {
    const src = [
      "/**",
      " * Sum.",
      " * @example",
      " * ```ts",
      ' * import { allocate } from "@sannong/core";',
      ' * allocate("1.00", [1, 1]).map(String); // → ["0.50", "0.50"]',
      " * ```",
      " * ```ts ignore",
      " * nope();",
      " * ```",
      " * @remarks Implements X-1.",
      " */",
      "export function sum(): void {}",
    ].join("\n");
    expect(tsdocExamples(src, "x.ts")).toEqual([
      {
        file: "x.ts",
        symbol: "sum",
        fenceLine: 4,
        code: 'import { allocate } from "@sannong/core";\nallocate("1.00", [1, 1]).map(String); // → ["0.50", "0.50"]',
      },
    ]);
  });

  it("DOCS-SITE-1: an example showing a wrong output fails, at its source line", async () => {
    const r = await runExample({
      file: "self-test.ts",
      symbol: "allocate",
      fenceLine: 10,
      code: [
        'import { allocate } from "@sannong/core";',
        'allocate("100.00", [1, 1, 1]).map(String); // → ["33.33", "33.33", "33.34"]',
      ].join("\n"),
    });
    expect(r.checks).toBe(1);
    expect(r.ran).toBe(1);
    expect(r.failures).toEqual(['self-test.ts:12: expected ["33.33","33.33","33.34"], got ["33.34","33.33","33.33"]']);
  });

  it.each(cases)("DOCS-SITE-1: @example of $title", async ({ example }) => {
    for (const from of importSources(example.code))
      expect(from, "examples import from the public door, @sannong/<pkg>").toMatch(/^@sannong\/[a-z]+$/);
    const r = await runExample(example);
    expect(r.checks, "an example shows at least one output as `// → VALUE`").toBeGreaterThanOrEqual(1);
    expect(r.failures).toEqual([]);
    expect(r.ran).toBe(r.checks);
  });

  it("DOCS-SITE-1: every example type-checks under the repository's strict settings (a reader can paste it)", () => {
    if (generated.length < cases.length) return; // a filtered run (-t) generated only some examples
    const config = join(outDir, "tsconfig.tsdoc.json");
    writeFileSync(
      config,
      JSON.stringify({
        extends: "../../../tsconfig.base.json",
        compilerOptions: { noEmit: true, noUnusedLocals: false },
        files: generated.map((f) => relative(outDir, f)),
      }),
    );
    let output = "";
    try {
      execFileSync(process.execPath, [join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", config], {
        cwd: repoRoot,
        encoding: "utf8",
      });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe("");
  });
});
