/**
 * Results cannot be tampered with (issue 17): for every case of every
 * scenario file under examples/ (loaded with the command's own scenario
 * loader, so each case runs with its parameter overlay), the computation runs,
 * a hostile caller tries to change every object, array and Map reachable from
 * the result, and the same input then gives exactly the clean first answer.
 * The package's exported constants and default parameter sets are deep-frozen
 * or read-only, so no caller can change a later answer through them either.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as core from "@sannong/core";
import * as funds from "@sannong/funds";
import * as assets from "@sannong/assets";
import * as insurance from "@sannong/insurance";
import * as migrants from "@sannong/migrants";
import { builtInRegistry, loadScenario, runCase, type ScenarioCase } from "@sannong/cli";
import { canonical, firstDifference, isSchema, reachable, tamper } from "../tamper";
import { expectSannongError } from "../helpers";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory() ? scenarioFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
    );
}

const cases: [string, ScenarioCase][] = scenarioFiles(join(root, "examples")).flatMap((f) =>
  loadScenario(f, f.slice(root.length + 1)).cases.map((c) => [`${c.file} › ${c.name}`, c] as [string, ScenarioCase]),
);

/** Runs a case the way `sannong` does and returns the library's own result (or the refusal's code). */
function answer(c: ScenarioCase): { result?: unknown; refused?: string } {
  const o = runCase(c);
  if (o.error) return { refused: o.error.code };
  expect(o.problems ?? [], `${c.file} › ${c.name} cannot run`).toEqual([]);
  return { result: o.result };
}

describe("results cannot be tampered with (issue 17)", () => {
  it("finds the example cases and covers every registered computation", () => {
    const covered = new Set(cases.map(([, c]) => c.computation));
    expect(builtInRegistry.ids().filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(cases)("CORE-ERR-1: %s — a tampered result does not change the next answer", (_name, c) => {
    const first = answer(c);
    if (first.refused !== undefined) return; // a refusal has no result to tamper with
    const clean = canonical(first.result);
    expect(tamper(first.result)).toBeGreaterThan(0);
    const second = answer(c);
    expect(second.refused).toBeUndefined();
    const diff = firstDifference(clean, canonical(second.result));
    if (diff) throw new Error(`the second answer changed: ${diff}`);
  });
});

const exported = Object.entries({ core, funds, assets, insurance, migrants }).flatMap(([pkg, ns]) =>
  Object.entries(ns)
    .filter(([, v]) => typeof v === "object" && v !== null && !isSchema(v))
    .map(([name, v]) => [`${pkg}.${name}`, v] as [string, object]),
);

describe("exported constants are immutable (issue 17)", () => {
  it.each(exported)("CORE-PARAM-2: %s is deep-frozen (Maps read-only)", (_name, value) => {
    const mutable = reachable(value).filter((o) => !Object.isFrozen(o) && !(o instanceof Map));
    expect(mutable.map((o) => canonical(o).slice(0, 80))).toEqual([]);
  });

  it.each(
    Object.entries({
      core: core.coreParameterSet,
      funds: funds.fundsParameterSet,
      assets: assets.assetsParameterSet,
      insurance: insurance.insuranceParameterSet,
      migrants: migrants.migrantsParameterSet,
    }),
  )("CORE-PARAM-2: %sParameterSet.parameters refuses set, delete and clear", (_pkg, set) => {
    const before = canonical(set);
    const map = set.parameters as Map<string, core.Parameter>;
    const [id, p] = [...map][0]!;
    expectSannongError(() => map.set(id, { ...p, values: [] }), "READ_ONLY", ["parameters"]);
    expectSannongError(() => map.set("x", p), "READ_ONLY", ["parameters"]);
    expectSannongError(() => map.delete(id), "READ_ONLY", ["parameters"]);
    expectSannongError(() => map.clear(), "READ_ONLY", ["parameters"]);
    // Not even the Map methods called by hand reach what the set answers.
    try {
      Map.prototype.set.call(map, id, { ...p, values: [] });
      Map.prototype.clear.call(map);
    } catch {
      // refused: fine
    }
    expect(canonical(set)).toBe(before);
    expect(map.get(id)).toBe(p);
    expect(map instanceof Map).toBe(true);
  });

  it("CORE-PARAM-2: an overlay's parameters are read-only too, and the base set is unchanged", () => {
    const base = funds.fundsParameterSet;
    const before = canonical(base);
    const id = [...base.parameters.keys()][0]!;
    const over = core.overlay(base, {});
    expectSannongError(() => (over.parameters as Map<string, core.Parameter>).delete(id), "READ_ONLY");
    expect(canonical(base)).toBe(before);
  });
});

/** The first input of an example case of `computation`. */
function exampleInput(computation: string): unknown {
  const c = cases.find(([, x]) => x.computation === computation);
  if (!c) throw new Error(`no example of ${computation}`);
  return c[1].input;
}

describe("the probe's cases (issue 17)", () => {
  const attempt = (f: () => void): void => {
    try {
      f();
    } catch {
      // refused: fine
    }
  };

  it("MIG-EVAL-1: changing grade.min of a result does not change the next grade", () => {
    const input = exampleInput("migrants.evaluatePerformance") as migrants.EvaluatePerformanceInput;
    const clean = canonical(migrants.evaluatePerformance(input));
    const r = migrants.evaluatePerformance(input) as unknown as { grade: { min: string } };
    attempt(() => (r.grade.min = "86"));
    expect(canonical(migrants.evaluatePerformance(input))).toBe(clean);
  });

  it("FUNDS-PROJECT-1: a HACKED reason does not reach later results", () => {
    const input = exampleInput("funds.allocateByProjects") as funds.AllocateByProjectsInput;
    const r = funds.allocateByProjects(input) as unknown as { results: { reason: { en: string } }[] };
    attempt(() => (r.results[0]!.reason.en = "HACKED"));
    expect(JSON.stringify(funds.allocateByProjects(input))).not.toContain("HACKED");
  });

  it("FUNDS-COMBINED-1: fundsParameterSet.parameters.set(…) cannot change the default split", () => {
    const input = exampleInput("funds.allocateCombined") as funds.AllocateCombinedInput;
    const clean = canonical(funds.allocateCombined(input));
    const map = funds.fundsParameterSet.parameters as Map<string, core.Parameter>;
    for (const [id, p] of [...map]) attempt(() => map.set(id, { ...p, values: [] }));
    attempt(() => map.clear());
    expect(canonical(funds.allocateCombined(input))).toBe(clean);
  });
});
