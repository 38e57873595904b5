/**
 * The reliability probe's cases (issue 17), kept fixed by fuzzing every
 * public function that has a valid seed (a scenario in examples/ or a core
 * seed):
 * - a tampered result does not change the next answer: the seed and random
 *   mutations of it are computed, every object, array and Map reachable from
 *   the result is attacked, and the same arguments must give exactly the clean
 *   first answer;
 * - an invisible character (zero-width space, joiner, word joiner …) inside
 *   any id of the input is refused with `INVALID_INPUT`, never counted as a
 *   different id;
 * - options that are not plain data (a Date, a Map, an array, a class
 *   instance …) are refused with `INVALID_INPUT`, never read as `{}`.
 * Numbers near and above 2^53 are among the values of the mutation arbitraries
 * (`arbitraries.ts`), so every function meets them in public-api.fuzz.test.ts.
 *
 * FUZZ_RUNS sets the cases per function and property (default 200).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as core from "@sannong/core";
import * as funds from "@sannong/funds";
import * as assets from "@sannong/assets";
import * as insurance from "@sannong/insurance";
import * as migrants from "@sannong/migrants";
import { deepFreeze } from "../helpers";
import { canonical, firstDifference, reachable, tamper } from "../tamper";
import { INVISIBLE_CHARS, mutatedArgs } from "./arbitraries";
import { seedsFor } from "./seeds";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 200);
/** Results with more objects than this are not attacked (a mutation may make a 200,000-item input). */
const MAX_OBJECTS = 20_000;

const packages: Record<string, Record<string, unknown>> = { core, funds, assets, insurance, migrants };
type Fn = (...a: unknown[]) => unknown;

const isClass = (f: unknown): boolean =>
  typeof f === "function" && /^class[\s{]/.test(Function.prototype.toString.call(f));

/** Not pure computations of their arguments: `deepFreeze` returns (and freezes) its argument; `Decimal` is decimal.js. */
const SKIPPED = new Set(["core.deepFreeze", "core.Decimal"]);

const seeded: { name: string; pkg: string; fn: Fn; seeds: unknown[][] }[] = [];
for (const [pkg, ns] of Object.entries(packages))
  for (const [exportName, value] of Object.entries(ns)) {
    const name = `${pkg}.${exportName}`;
    if (typeof value !== "function" || isClass(value) || SKIPPED.has(name)) continue;
    const seeds = seedsFor(name);
    if (seeds.length > 0) seeded.push({ name, pkg, fn: value as Fn, seeds });
  }

function outcome(fn: Fn, args: readonly unknown[]): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: fn(...args) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Computes, attacks the result, computes again: the second answer must be the clean first one. */
function tamperThenRerun(name: string, fn: Fn, args: unknown[]): void {
  const frozen = deepFreeze(args);
  const first = outcome(fn, frozen);
  if (!first.ok || reachable(first.value, MAX_OBJECTS).length >= MAX_OBJECTS) return;
  const clean = canonical(first.value);
  tamper(first.value);
  const second = outcome(fn, frozen);
  if (!second.ok) throw new Error(`${name}: after tampering with a result, the same arguments threw ${second.error}`);
  const diff = firstDifference(clean, canonical(second.value));
  if (diff) throw new Error(`${name}: a tampered result changed the next answer, ${diff}`);
}

type Path = (string | number)[];

/** Paths of the non-empty string `id` members of a value (at most 40). */
function idPaths(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (out.length >= 40 || v === null || typeof v !== "object") return out;
  if (Array.isArray(v)) v.slice(0, 20).forEach((x, i) => idPaths(x, [...path, i], out));
  else
    for (const [k, x] of Object.entries(v)) {
      if (k === "id" && typeof x === "string" && x.trim().length > 0) out.push([...path, k]);
      else idPaths(x, [...path, k], out);
    }
  return out;
}

function plainCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainCopy);
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainCopy(x)]));
  return v;
}

/** The arguments with `ch` put inside the (trimmed) id at `path`: after its first character. */
function withInvisible(args: readonly unknown[], path: Path, ch: string): unknown[] {
  const copy = plainCopy([...args]) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const id = (cur[key] as string).trim();
  cur[key] = `${id.slice(0, 1)}${ch}${id.slice(1)}`;
  return copy as unknown as unknown[];
}

class Opaque {
  readonly parameters = undefined;
}
/** Options that are objects but not plain `{ … }` data. */
const nonPlainOptions: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  new Date(0),
  new Map(),
  new Map([["parameters", core.coreParameterSet]]),
  new Set(),
  [],
  [{}],
  new Opaque(),
  new (class Empty {})(),
  /x/,
  new Error("options"),
  new Number(1),
  new Uint8Array(2),
  Object.create({ parameters: undefined }) as object,
);

describe("fuzz: the reliability probe's cases stay fixed (issue 17)", () => {
  it("finds seeded functions in every package", () => {
    expect(new Set(seeded.map((s) => s.pkg))).toEqual(new Set(Object.keys(packages)));
  });

  describe.each(seeded)("$name", ({ name, pkg, fn, seeds }) => {
    it(`${name}: a tampered result does not change the next answer (seeds and their mutations)`, () => {
      for (const seed of seeds) tamperThenRerun(name, fn, [...seed]);
      fc.assert(
        fc.property(
          fc.constantFrom(...seeds).chain((s) => mutatedArgs(s)),
          (args) => tamperThenRerun(name, fn, args),
        ),
        { numRuns: RUNS, seed: 17 },
      );
    });

    const withIds = seeds
      .filter((s) => outcome(fn, s).ok)
      .map((s) => ({ seed: s, paths: idPaths(s) }))
      .filter((s) => s.paths.length > 0);
    if (withIds.length > 0)
      it(`${name}: an invisible character inside an id is refused, never a different id`, () => {
        fc.assert(
          fc.property(
            fc.constantFrom(...withIds),
            fc.nat(),
            fc.constantFrom(...INVISIBLE_CHARS),
            ({ seed, paths }, i, ch) => {
              const path = paths[i % paths.length]!;
              const r = outcome(fn, deepFreeze(withInvisible(seed, path, ch)));
              const code = r.ok ? "(computed)" : core.isSannongError(r.error) ? r.error.code : String(r.error);
              expect(code, `${name} with U+${ch.codePointAt(0)!.toString(16)} in the id at ${path.join(".")}`).toBe(
                "INVALID_INPUT",
              );
            },
          ),
          { numRuns: Math.min(RUNS, 50 * withIds.length), seed: 17 },
        );
      });

    const computing = seeds.filter((s) => outcome(fn, s).ok);
    if (pkg !== "core" && computing.length > 0)
      it(`${name}: options that are not plain objects are refused, never read as {}`, () => {
        fc.assert(
          fc.property(fc.constantFrom(...computing), nonPlainOptions, (seed, options) => {
            const r = outcome(fn, [seed[0], options]);
            const code = r.ok ? "(computed)" : core.isSannongError(r.error) ? r.error.code : String(r.error);
            expect(code, `${name} with options ${Object.prototype.toString.call(options)}`).toBe("INVALID_INPUT");
          }),
          { numRuns: Math.min(RUNS, 50), seed: 17 },
        );
      });
  });
});
