/**
 * Tampering with results (issue 17), shared by the immutability test and the
 * fuzz suite (not published): a canonical text of any value, to compare a
 * clean first answer with a later one, and a hostile caller that tries to
 * change every object, array, Map and Set reachable from a result.
 */

/** Zod schemas are builders a caller composes (and zod caches into them): not data, never walked. */
export const isSchema = (v: unknown): boolean =>
  typeof v === "object" && v !== null && typeof (v as { safeParse?: unknown }).safeParse === "function";

/** A canonical text of a value: Maps, Sets, bigints, class instances (by name), cycles and shared objects. */
export function canonical(v: unknown, budget = { n: 0 }, stack = new Set<unknown>()): string {
  if (++budget.n > 5_000_000) return "…";
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Object.is(v, -0) ? "-0" : String(v);
    case "bigint":
      return `${v}n`;
    case "boolean":
    case "undefined":
      return String(v);
    case "symbol":
      return v.toString();
    case "function":
      return `fn ${(v as { name?: string }).name ?? ""}`;
  }
  if (v === null) return "null";
  if (isSchema(v)) return "<schema>";
  if (stack.has(v)) return "<cycle>";
  stack.add(v);
  try {
    const o = v as object;
    const proto = Object.getPrototypeOf(o) as { constructor?: { name?: string } } | null;
    const name = proto === null ? "null" : (proto.constructor?.name ?? "?");
    if (o instanceof Map)
      return `${name}{${[...o].map(([k, x]) => `${canonical(k, budget, stack)}=>${canonical(x, budget, stack)}`).join(",")}}`;
    if (o instanceof Set) return `${name}{${[...o].map((x) => canonical(x, budget, stack)).join(",")}}`;
    if (ArrayBuffer.isView(o)) return `${name}[${Array.from(o as unknown as ArrayLike<number>).join(",")}]`;
    if (Array.isArray(o)) return `[${o.map((x) => canonical(x, budget, stack)).join(",")}]`;
    const keys = Reflect.ownKeys(o).filter((k) => k !== "constructor");
    const parts = keys.map((k) => {
      const d = Object.getOwnPropertyDescriptor(o, k)!;
      return `${String(k)}:${"value" in d ? canonical(d.value, budget, stack) : "<accessor>"}`;
    });
    return `${name === "Object" ? "" : name}{${parts.join(",")}}`;
  } finally {
    stack.delete(v);
  }
}

/**
 * Every object reachable from `root` through own data properties, Map keys
 * and values, and Set members (zod schemas excluded).
 */
export function reachable(root: unknown, limit = 200_000): object[] {
  const out: object[] = [];
  const seen = new Set<object>();
  const todo: unknown[] = [root];
  while (todo.length && out.length < limit) {
    const v = todo.pop();
    if (v === null || (typeof v !== "object" && typeof v !== "function") || seen.has(v as object)) continue;
    if (typeof v === "function" || isSchema(v)) continue;
    seen.add(v);
    out.push(v);
    if (v instanceof Map) for (const [k, x] of v) todo.push(k, x);
    else if (v instanceof Set) for (const x of v) todo.push(x);
    if (ArrayBuffer.isView(v)) continue;
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d && "value" in d) todo.push(d.value);
    }
  }
  return out;
}

function attempt(f: () => unknown): void {
  try {
    f();
  } catch {
    // a frozen object refuses: that is the point
  }
}

/** A different value of the same kind (so a shared value that changes shows in the next answer). */
function other(v: unknown): unknown {
  switch (typeof v) {
    case "string":
      return `${v}TAMPERED`;
    case "number":
      return v + 1001;
    case "bigint":
      return v + 1001n;
    case "boolean":
      return !v;
    case "undefined":
      return "TAMPERED";
    default:
      return v === null ? "TAMPERED" : Array.isArray(v) ? [] : {};
  }
}

/**
 * Tries to change everything reachable from `root` the way a careless or
 * hostile caller would: assigns every own property and element a different
 * value, adds and deletes keys, pushes, pops and splices arrays, sets,
 * deletes and clears Maps and Sets, writes typed arrays. Every attempt runs
 * in a try/catch (a frozen object throws in strict mode). Objects are
 * collected before any is changed, so the deepest are reached too.
 * @returns how many objects were attacked
 */
export function tamper(root: unknown): number {
  const all = reachable(root);
  for (const o of all) {
    if (o instanceof Map) {
      const m = o as Map<unknown, unknown>;
      for (const [k, x] of [...m]) attempt(() => m.set(k, other(x)));
      attempt(() => m.set("TAMPERED", "TAMPERED"));
      const first = m.keys().next();
      if (!first.done) attempt(() => m.delete(first.value));
      attempt(() => m.clear());
    } else if (o instanceof Set) {
      const s = o as Set<unknown>;
      attempt(() => s.add("TAMPERED"));
      const first = s.values().next();
      if (!first.done) attempt(() => s.delete(first.value));
      attempt(() => s.clear());
    } else if (ArrayBuffer.isView(o) && !(o instanceof DataView)) {
      const t = o as unknown as { length: number; [i: number]: number | bigint };
      for (let i = 0; i < t.length; i++) attempt(() => (t[i] = typeof t[i] === "bigint" ? 7n : 7));
      continue;
    }
    const rec = o as Record<string | symbol, unknown>;
    for (const k of Reflect.ownKeys(o)) attempt(() => (rec[k] = other(rec[k])));
    attempt(() => (rec["tampered"] = "TAMPERED"));
    attempt(() => Object.defineProperty(o, "tamperedDefined", { value: 1, enumerable: true }));
    if (Array.isArray(o)) {
      attempt(() => o.push("TAMPERED"));
      attempt(() => o.reverse());
      attempt(() => o.splice(0, 1));
      attempt(() => o.pop());
      attempt(() => (o.length = 0));
    }
    for (const k of Reflect.ownKeys(o)) attempt(() => delete rec[k]);
  }
  return all.length;
}

/** Where two canonical texts first differ, with some context (for a readable failure). */
export function firstDifference(clean: string, now: string): string | undefined {
  if (clean === now) return undefined;
  let i = 0;
  while (i < clean.length && clean[i] === now[i]) i++;
  const from = Math.max(0, i - 160);
  return `differs at ${i}:\n  clean: …${clean.slice(from, i + 80)}\n  now:   …${now.slice(from, i + 80)}`;
}
