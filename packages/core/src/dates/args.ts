/**
 * Fast argument checks for the date, unit and region functions (no zod in the
 * hot path). Never re-exported from the package.
 * @internal
 * @packageDocumentation
 */
import { ValidationError, type ErrorPath } from "../errors/errors";

/** A short, safe description of any value for messages. @internal */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/**
 * Throws a {@link ValidationError} (`INVALID_INPUT`) with one issue.
 * @internal
 */
export function argError(fn: string, path: ErrorPath, code: string, zh: string, en: string): never {
  throw new ValidationError([{ code, path, zh, en }], fn);
}

/**
 * Checks that `v` is an integer within [min, max] and returns it.
 * @internal
 */
export function intArg(v: unknown, fn: string, name: string | ErrorPath, min: number, max: number): number {
  const path = typeof name === "string" ? [name] : name;
  if (typeof v !== "number" || !Number.isInteger(v)) {
    return argError(fn, path, "invalid_integer", `应为整数，实际为 ${show(v)}`, `expected an integer, got ${show(v)}`);
  }
  if (v < min || v > max) {
    return argError(
      fn,
      path,
      "out_of_range",
      `应在 ${min} 到 ${max} 之间，实际为 ${v}`,
      `must be between ${min} and ${max}, got ${v}`,
    );
  }
  return v;
}

/**
 * Checks that `v` is a plain object whose keys are all in `allowed`.
 * @internal
 */
export function objectArg(
  v: unknown,
  fn: string,
  path: ErrorPath,
  allowed: readonly string[],
): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return argError(fn, path, "invalid_type", `应为对象，实际为 ${show(v)}`, `expected an object, got ${show(v)}`);
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) {
    // A Date, a Map or a class instance has no own keys and would read as "no options".
    return argError(
      fn,
      path,
      "not_plain_object",
      "应为普通对象（{ … }），实际为带原型的对象（如 Date、Map 或类的实例）",
      "expected a plain object ({ … }), got an object with a prototype (a Date, a Map, a class instance …)",
    );
  }
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) {
      argError(
        fn,
        [...path, k],
        "unrecognized_keys",
        `未知的键 “${k}”（允许：${allowed.join("、")}）`,
        `unknown key "${k}" (allowed: ${allowed.join(", ")})`,
      );
    }
  }
  return v as Record<string, unknown>;
}
