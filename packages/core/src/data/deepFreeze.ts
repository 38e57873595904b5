/**
 * Freezes a value and everything reachable from it through own properties
 * (深度冻结): plain objects, arrays, class instances (Money, Decimal) and the
 * values of Maps and Sets. Nothing reachable can then be changed by an
 * assignment, a `push` or a `delete` — a shared table or label stays what the
 * package defined, whatever a caller does with a result that contains it.
 * Typed arrays (which cannot be frozen) and functions are left as they are;
 * a Map or Set object itself still answers `set`/`add` (use a `ReadonlyMap`
 * type, or core's parameter sets, which refuse them). Stack-safe: iterative.
 *
 * Mark a module-level call `/*#__PURE__*\/` so a bundler can drop an unused
 * constant: `const LABELS = /*#__PURE__*\/ deepFreeze({ … })`.
 *
 * @param value - any value; returned as is (frozen) for chaining
 * @returns `value`, frozen all the way down
 * @throws never
 * @example
 * ```ts
 * import { deepFreeze } from "@sannong/core";
 * const labels = deepFreeze({ funded: { zh: "全额安排", en: "funded" } });
 * [Object.isFrozen(labels), Object.isFrozen(labels.funded)]; // → [true, true]
 * ```
 * @remarks Every package freezes its module constants (labels, tables, enums)
 * with it, so a result that shows one cannot be used to change a later answer.
 */
export function deepFreeze<T>(value: T): Readonly<T> {
  const todo: unknown[] = [value];
  const seen = new Set<object>();
  while (todo.length > 0) {
    const v = todo.pop();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) continue;
    if (v instanceof Map) for (const x of v.values()) todo.push(x);
    else if (v instanceof Set) for (const x of v) todo.push(x);
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d && "value" in d) todo.push(d.value);
    }
    Object.freeze(v);
  }
  return value;
}

/**
 * A deep-frozen copy of JSON data (plain objects, arrays, strings, numbers,
 * booleans, null): the caller's objects are neither shared nor frozen — except
 * a part that is already deep-frozen, which is kept as it is (so a frozen
 * built-in keeps its identity).
 * @internal
 */
export function frozenJsonCopy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  let same = Object.isFrozen(value);
  if (Array.isArray(value)) {
    const out = value.map((x) => {
      const c = frozenJsonCopy(x);
      if (c !== x) same = false;
      return c;
    });
    return same ? value : (Object.freeze(out) as T);
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const x = (value as Record<string, unknown>)[k];
    const c = frozenJsonCopy(x);
    if (c !== x) same = false;
    // defineProperty, not assignment: a "__proto__" key stays a key and never becomes the prototype
    Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
  }
  return same ? value : (Object.freeze(out) as T);
}
