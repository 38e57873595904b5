/** Every rule of the assets spec is implemented, cited in a trace label and named by a test. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/index";

const src = join(__dirname, "..", "src");
/** The project's living copy of the spec (docs/spec), which this package's rules follow. */
const spec = join(__dirname, "..", "..", "..", "docs", "spec", "assets.md");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe("rule coverage", () => {
  const tests = files(src)
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const code = files(src)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");

  it("ASSET-REG-1: every rule in RULES is named by a test title and cited in TSDoc", () => {
    for (const id of Object.keys(RULES)) {
      expect(tests.includes(`"${id}:`) || tests.includes(`"${id},`), `no test title names ${id}`).toBe(true);
      expect(new RegExp(`@remarks Implements[^\\n]*${id}\\b`).test(code), `no @remarks cites ${id}`).toBe(true);
    }
  });

  it("ASSET-REG-2: RULES lists exactly the ASSET-* rules of the spec", () => {
    const ids = [...new Set(readFileSync(spec, "utf8").match(/ASSET-[A-Z]+-\d+/g) ?? [])].sort();
    expect(Object.keys(RULES).sort()).toEqual(ids);
  });
});
