/**
 * Helpers of the fast validation paths for million-item inputs. A fast path
 * only ever ACCEPTS input that the exported zod schema also accepts (it is
 * stricter or equal); on anything it does not accept, the caller runs the zod
 * schema through core `parseInput`, so every error still comes from one code
 * path with the same code, path and zh/en messages.
 * @internal
 */
import { isIdentifier } from "@sannong/core";

/** A plain object (prototype Object.prototype or null), not an array. @internal */
export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}

/** Own enumerable keys of `o` other than `skip`, as a new plain object. @internal */
export function without(o: Record<string, unknown>, skip: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o))
    if (k !== skip)
      Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * A string that the core `idSchema` accepts unchanged (non-empty, ≤ 200, no
 * surrounding white space, no invisible character): core's own test. @internal
 */
export const isCleanId: (v: unknown) => v is string = isIdentifier;

/** A plain object item of an array (prototype exactly Object.prototype). @internal */
export function isPlainItem(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}
