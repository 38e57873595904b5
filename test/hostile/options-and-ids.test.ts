/**
 * Two small holes the reliability probe found (issue 17), closed in core and
 * checked through every package's real functions on the example inputs:
 * - options that are not plain `{ … }` data (a Date, a Map, an array, a class
 *   instance) used to be read as `{}` — "no options" — and are now refused;
 * - ids that differ only by an invisible character (zero-width space, word
 *   joiner, BOM …) used to count as different ids and are now refused at the
 *   id's path (core `idSchema`, and the fast validators through `isIdentifier`).
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
import { loadScenario, type ScenarioCase } from "@sannong/cli";
import { expectSannongError } from "../helpers";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const packages: Record<string, Record<string, unknown>> = { funds, assets, insurance, migrants };

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory() ? scenarioFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
    );
}

type Fn = (input: unknown, options?: unknown) => unknown;

/** Example cases of the policy packages that compute (no expected refusal), with their function. */
const cases: [string, Fn, unknown][] = scenarioFiles(join(root, "examples"))
  .flatMap((f) => loadScenario(f, f.slice(root.length + 1)).cases)
  .filter((c: ScenarioCase) => c.expectedError === undefined && c.computation.split(".")[0]! in packages)
  .map((c) => {
    const [pkg, name] = c.computation.split(".") as [string, string];
    return [`${c.computation} (${c.file} › ${c.name})`, packages[pkg]![name] as Fn, c.input];
  });

/** Runs `f` and says whether it succeeded (a refusal of the clean input is not this test's business). */
const computes = (f: () => unknown): boolean => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};

class LocalOptions {
  readonly note = "not a plain object";
}
const notPlain: [string, unknown][] = [
  ["a Date", new Date(0)],
  ["a Map", new Map([["parameters", funds.fundsParameterSet]])],
  ["an array", []],
  ["a class instance", new LocalOptions()],
  ["a class instance with no fields", new (class Empty {})()],
];

describe("options must be plain objects (issue 17)", () => {
  it("finds example cases of every policy package", () => {
    expect(new Set(cases.map(([n]) => n.split(".")[0]))).toEqual(new Set(Object.keys(packages)));
  });

  it.each(cases)("CORE-ERR-1: %s refuses a Date, a Map, an array or a class instance as options", (_n, fn, input) => {
    if (!computes(() => fn(input))) return;
    expect(computes(() => fn(input, {}))).toBe(true); // a plain {} still means "no options"
    for (const [, options] of notPlain) expectSannongError(() => fn(input, options), "INVALID_INPUT");
  });

  const t = core.traceStep({ id: "X-1", citation: "c", label: { zh: "步", en: "step" } });
  it.each<[string, (o: unknown) => unknown]>([
    ["allocate", (o) => core.allocate("1.00", [1, 1], o as never)],
    ["apportion", (o) => core.apportion(3, [1, 1], o as never)],
    ["roundMoney", (o) => core.roundMoney("1.005", o as never)],
    ["multiply", (o) => core.multiply("1.00", "0.5", o as never)],
    ["renderTrace", (o) => core.renderTrace(t, o as never)],
    ["checkProcedure", (o) => core.checkProcedure(core.COLLECTIVE_DECISION, [], o as never)],
    ["rollUp", (o) => core.rollUp([], [{ code: "33", name: "市", level: "city" }], "city", o as never)],
    ["formatArea", (o) => core.formatArea({ value: 1, unit: "mu" }, o as never)],
    ["monthsRemainingInYear", (o) => core.monthsRemainingInYear("2024-05-01", o as never)],
    ["calendarPeriods", (o) => core.calendarPeriods("quarter", "2024-01-01", "2024-12-31", o as never)],
  ])("CORE-ERR-1: core.%s refuses non-plain options", (_n, f) => {
    expect(computes(() => f({}))).toBe(true);
    for (const [what, options] of notPlain) {
      let code: string | undefined;
      try {
        f(options);
      } catch (e) {
        code = core.isSannongError(e) ? e.code : `not a sannong error: ${String(e)}`;
      }
      expect(["INVALID_INPUT", "INVALID_ARGUMENT"], `${what}: ${code}`).toContain(code);
    }
  });
});

/** The path of the first string `id` in a value (depth first), or undefined. */
function firstIdPath(v: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = firstIdPath(v[i], [...path, i]);
      if (p) return p;
    }
    return undefined;
  }
  if (v === null || typeof v !== "object") return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o["id"] === "string" && o["id"].length > 0) return [...path, "id"];
  for (const k of Object.keys(o)) {
    const p = firstIdPath(o[k], [...path, k]);
    if (p) return p;
  }
  return undefined;
}

/** A copy of `v` with the string at `path` given an invisible character after its first character. */
function withInvisible(v: unknown, path: readonly (string | number)[], ch: string): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const id = cur[last] as string;
  cur[last] = `${id.slice(0, 1)}${ch}${id.slice(1)}`;
  return copy;
}

const INVISIBLE: [string, string][] = [
  ["U+200B zero-width space", "\u200B"],
  ["U+200C zero-width non-joiner", "\u200C"],
  ["U+200D zero-width joiner", "\u200D"],
  ["U+2060 word joiner", "\u2060"],
  ["U+FEFF byte-order mark", "\uFEFF"],
  ["U+00AD soft hyphen", "\u00AD"],
  ["U+202E right-to-left override", "\u202E"],
  ["U+FE0F variation selector", "\uFE0F"],
  ["U+0007 bell", "\u0007"],
];

describe("ids that differ only by an invisible character are not different ids (issue 17)", () => {
  it.each(INVISIBLE)("CORE-ERR-1: idSchema refuses %s inside an id, and isIdentifier agrees", (_n, ch) => {
    const e = expectSannongError(() => core.parseInput(core.idSchema, `东岭${ch}镇`, "demo"), "INVALID_INPUT");
    expect(e.en).toContain("invisible character");
    expect(core.isIdentifier(`东岭${ch}镇`)).toBe(false);
    expect(core.isIdentifier(`H${ch}1`)).toBe(false); // ASCII at both ends: still scanned
  });

  it("CORE-ERR-1: a BOM or a space around an id is trimmed (the same id), as before", () => {
    expect(core.parseInput(core.idSchema, "\uFEFF东岭镇 ")).toBe("东岭镇");
  });

  it("CORE-ERR-1: ordinary ids (Chinese, ASCII, inner spaces, composed accents) are still ids", () => {
    for (const id of ["东岭镇", "H-001", "东岭镇 一组", "东岭镇\u3000一组", "Émile", "e\u0301"])
      expect([id, core.isIdentifier(id), core.parseInput(core.idSchema, id)]).toEqual([id, true, id]);
  });

  const withIds = cases
    .map(([n, fn, input]) => [n, fn, input, firstIdPath(input)] as const)
    .filter((c): c is readonly [string, Fn, unknown, (string | number)[]] => c[3] !== undefined);

  it.each(withIds)(
    "CORE-ERR-1: %s refuses a zero-width space inside its first id, at that id",
    (_n, fn, input, path) => {
      if (!computes(() => fn(input))) return;
      // (a BOM at either end is white space to String.prototype.trim, so it is trimmed like a space: the same id)
      for (const [, ch] of [INVISIBLE[0]!, INVISIBLE[3]!]) {
        const e = expectSannongError(() => fn(withInvisible(input, path, ch)), "INVALID_INPUT");
        const issues = (e as core.ValidationError).issues ?? [];
        expect(issues.map((i) => [i.code, i.path])).toContainEqual(["invisible_character", path]);
      }
    },
  );

  it("FUNDS-FACTOR-1: two recipients 东岭镇 and 东岭镇+U+200B are refused, not allocated twice", () => {
    const input = {
      total: "100.00",
      factors: [{ id: "人口", weight: 1 }],
      recipients: [
        { id: "东岭镇", values: { 人口: 1 } },
        { id: "东岭\u200B镇", values: { 人口: 1 } },
      ],
    };
    expectSannongError(() => funds.allocateByFactors(input), "INVALID_INPUT", ["recipients", 1, "id"]);
  });

  it("MIG-SHARE-2: the dividend fast path sends a zero-width id to the schema, which refuses it", () => {
    const holders = Array.from({ length: 50 }, (_, i) => ({ id: `H${i}`, shares: 1 }));
    holders[7] = { id: "H\u20607", shares: 1 };
    expectSannongError(
      () => migrants.distributeDividends({ pool: "100.00", mode: "shares", holders }),
      "INVALID_INPUT",
      ["holders", 7, "id"],
    );
  });
});
