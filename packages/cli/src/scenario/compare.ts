import { Decimal, type Json } from "@sannong/core";
import { NumberLiteral } from "./source";

type Path = readonly (string | number)[];

/**
 * One difference between an expected and an actual output (差异).
 * @remarks Implements CLI-SCEN-2.
 */
export interface Mismatch {
  /** Path of the field in the output, e.g. `["recipients", 0, "amount"]`. */
  readonly path: Path;
  /** `value`: different; `missing`: expected but absent; `unexpected`: present but not expected; `length`: lists of different lengths. */
  readonly reason: "value" | "missing" | "unexpected" | "length";
  /** What was expected, as written (`undefined` for `unexpected`). */
  readonly expected?: unknown;
  /** What the computation gave (`undefined` for `missing`). */
  readonly actual?: Json;
}

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function exactNumber(text: string): InstanceType<typeof Decimal> | undefined {
  try {
    const d = new Decimal(text.replace(/_/g, "").replace(/^\+/, ""));
    return d.isFinite() ? d : undefined;
  } catch {
    return undefined;
  }
}

function sameNumber(expected: string, actual: Json): boolean {
  const e = exactNumber(expected);
  if (!e) return false;
  if (typeof actual === "number") return Number.isFinite(actual) && e.eq(new Decimal(String(actual)));
  if (typeof actual === "string" && PLAIN_DECIMAL.test(actual.trim())) return e.eq(new Decimal(actual.trim()));
  return false;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof NumberLiteral);

function diff(expected: unknown, actual: Json | undefined, path: Path, out: Mismatch[]): void {
  if (actual === undefined) {
    out.push({ path, reason: "missing", expected });
    return;
  }
  if (expected instanceof NumberLiteral || typeof expected === "number") {
    if (!sameNumber(String(expected), actual)) out.push({ path, reason: "value", expected, actual });
    return;
  }
  if (typeof expected === "string") {
    const ok =
      actual === expected ||
      (typeof actual === "number" && PLAIN_DECIMAL.test(expected.trim()) && sameNumber(expected, actual));
    if (!ok) out.push({ path, reason: "value", expected, actual });
    return;
  }
  if (expected === null || typeof expected === "boolean") {
    if (actual !== expected) out.push({ path, reason: "value", expected, actual });
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path, reason: "value", expected, actual });
      return;
    }
    const list = actual as readonly Json[];
    if (list.length !== expected.length)
      out.push({ path, reason: "length", expected: expected.length, actual: list.length });
    for (let i = 0; i < Math.min(list.length, expected.length); i++) diff(expected[i], list[i], [...path, i], out);
    return;
  }
  if (isObj(expected)) {
    if (!isObj(actual)) {
      out.push({ path, reason: "value", expected, actual });
      return;
    }
    const a = actual as Record<string, Json>;
    for (const k of Object.keys(expected)) {
      diff(expected[k], Object.hasOwn(a, k) ? a[k] : undefined, [...path, k], out);
    }
    for (const k of Object.keys(a)) {
      if (!Object.hasOwn(expected, k) && !(path.length === 0 && k === "trace")) {
        out.push({ path: [...path, k], reason: "unexpected", actual: a[k] as Json });
      }
    }
    return;
  }
  out.push({ path, reason: "value", expected, actual });
}

/**
 * Parses a field path (字段路径) as written in `check:`: `recipients[0].amount`
 * or `recipients.0.amount`.
 * @param text - the path as written
 * @returns the path, or `undefined` when it is malformed (never throws)
 * @example
 * ```ts
 * parseFieldPath("recipients[0].amount"); // ["recipients", 0, "amount"]
 * parseFieldPath("a..b");                 // undefined
 * ```
 * @remarks Implements CLI-SCEN-2.
 */
export function parseFieldPath(text: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/gy;
  let pos = 0;
  const t = text.trim();
  if (!t) return undefined;
  while (pos < t.length) {
    if (t[pos] === "." && pos > 0 && pos < t.length - 1) pos++;
    re.lastIndex = pos;
    const m = re.exec(t);
    if (!m) return undefined;
    if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(/^\d+$/.test(m[1]!) ? Number(m[1]) : m[1]!);
    pos = re.lastIndex;
  }
  return out;
}

/** The value at a path of plain data, or `undefined`. @internal */
export function valueAtPath(v: unknown, path: Path): unknown {
  let cur: unknown = v;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object" || cur instanceof NumberLiteral) return undefined;
    if (!Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/**
 * Compares an expected output with the actual one exactly (精确比对): money
 * and decimals as strings character by character; an unquoted number in the
 * expectation by exact decimal value (`100` = `"100.00"`), never through a
 * binary float; objects key by key (a missing or an unexpected field is a
 * difference; the top-level `trace` is ignored unless expected); lists
 * element by element. With `check`, only those paths are compared.
 *
 * @param expected - the expectation (from a scenario file)
 * @param actual - the output as JSON (money as decimal strings)
 * @param check - optional paths (already parsed) to compare
 * @returns every difference, empty when the output matches
 * @throws never: malformed expectations are differences, not errors
 * @example
 * ```ts
 * compareExpected(["33.34", "33.33"], ["33.34", "33.33"]); // []
 * compareExpected({ total: 100 }, { total: "100.00" });     // []
 * compareExpected({ total: "100" }, { total: "100.00" });   // [{ path: ["total"], reason: "value", … }]
 * ```
 * @remarks Implements CLI-SCEN-2.
 */
export function compareExpected(expected: unknown, actual: Json, check?: readonly Path[]): Mismatch[] {
  const out: Mismatch[] = [];
  if (!check) {
    diff(expected, actual, [], out);
    return out;
  }
  for (const p of check) diff(valueAtPath(expected, p), valueAtPath(actual, p) as Json | undefined, p, out);
  return out;
}
