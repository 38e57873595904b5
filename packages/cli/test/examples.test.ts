import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtInRegistry } from "../src/registry";
import { embeddedExamplesModule } from "../src/internal/embed";
import { EMBEDDED_EXAMPLES } from "../src/internal/examples";
import { scenarioFilesIn } from "../src/internal/files";
import { loadScenario } from "../src/scenario/load";
import { runScenario } from "../src/scenario/run";
import { repoRoot, cliDir } from "./built";

const files = scenarioFilesIn(join(repoRoot, "examples"));
const scenarios = files.map((f) => loadScenario(f, f.slice(repoRoot.length + 1)));

describe("examples/", () => {
  it("CLI-DEMO-1: the embedded examples are the files of examples/demo/ (run packages/cli/scripts/embed-examples.ts after changing one)", () => {
    expect(readFileSync(join(cliDir, "src", "internal", "examples.ts"), "utf8")).toBe(embeddedExamplesModule(repoRoot));
  });

  it("CLI-SCEN-1: every registered computation has a scenario in examples/", () => {
    const used = new Set(scenarios.flatMap((s) => s.cases.map((c) => c.computation)));
    expect(builtInRegistry.ids().filter((id) => !used.has(id))).toEqual([]);
  });

  it("CLI-DEMO-1: the demo touches every package that has a registered computation", () => {
    const packagesOf = (ids: Iterable<string>): string[] =>
      [...new Set([...ids].map((id) => id.split(".")[0]!))].sort();
    const demo = EMBEDDED_EXAMPLES.flatMap((e) => [...e.text.matchAll(/^\s*computation:\s*(\S+)/gm)].map((m) => m[1]!));
    expect(packagesOf(demo)).toEqual(packagesOf(builtInRegistry.ids()));
  });

  it.each(scenarios.flatMap((s) => s.cases.map((c) => [`${s.file} › ${c.name}`, s, c.index] as const)))(
    "CLI-TEST-1: %s states an expectation and meets it",
    (_name, scenario, index) => {
      const o = runScenario(scenario)[index]!;
      expect(o.case.hasExpected || o.case.expectedError !== undefined).toBe(true);
      expect(o.problems ?? []).toEqual([]);
      expect(o.mismatches ?? []).toEqual([]);
      expect(o.status).toBe("passed");
    },
  );
});
