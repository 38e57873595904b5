import { PolicyError } from "../errors/errors";

/** Short description of a value for messages. @internal */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/**
 * Throws the typed `INVALID_ARGUMENT` error for a positional argument of a
 * public function that is not of the documented kind.
 * @internal
 */
export function badArgument(fn: string, name: string, zhExpected: string, enExpected: string, value: unknown): never {
  throw new PolicyError({
    code: "INVALID_ARGUMENT",
    zh: `${fn}：参数 ${name} 应为${zhExpected}，实际为 ${describeValue(value)}`,
    en: `${fn}: argument ${name} must be ${enExpected}, got ${describeValue(value)}`,
    path: [name],
    details: { fn, argument: name, value: describeValue(value) },
  });
}

/** A plain (non-null, non-array) object. @internal */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A zod-like schema (has safeParse). @internal */
export function isSchema(v: unknown): boolean {
  return typeof v === "object" && v !== null && typeof (v as { safeParse?: unknown }).safeParse === "function";
}
