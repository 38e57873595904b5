/**
 * Malformed-input generators for the public-API fuzz suite (issue 9): wrong
 * types, missing and extra keys, `__proto__`/`constructor` keys, NaN,
 * ±Infinity, -0, huge numbers, too many decimals, empty and huge arrays,
 * invalid dates, duplicated ids — and structural mutations of valid inputs.
 */
import fc from "fast-check";

/** JSON text of any value (bigint, symbol, functions and cycles become null). */
function jsonOf(v: unknown): string {
  try {
    return JSON.stringify(v) ?? "null";
  } catch {
    return "null";
  }
}

const protoKey = (v: unknown): Record<string, unknown> =>
  JSON.parse(`{"__proto__": ${jsonOf(v ?? null)}, "a": 1}`) as Record<string, unknown>;

/** One nasty leaf value. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    1e308,
    -1e308,
    2 ** 53 + 2,
    0.1 + 0.2,
    1.005,
    -1,
    "",
    " ",
    "abc",
    "NaN",
    "Infinity",
    "1e5",
    "-1",
    "1.005",
    "0.30000000000000004",
    "2023-02-30",
    "2024-13-01",
    "20240101",
    "9999999999999999999999",
    "1/0",
    true,
    false,
    [],
    {},
    [null],
    [Number.NaN],
    { constructor: 1 },
    { prototype: {} },
    () => 1,
    Symbol("s"),
    10n,
    new Date(0),
    // issue 17: numbers near and above 2^53, as numbers and as text
    2 ** 53 - 1,
    2 ** 53,
    -(2 ** 53),
    2 ** 54,
    2 ** 63,
    1e15,
    1e16,
    100000000000000.02, // the number the literal 100000000000000.01 becomes
    "9007199254740993",
    "-9007199254740993",
    "9007199254740993.01",
    "100000000000000.01",
    "18446744073709551616",
    // issue 17: look-alike text (invisible characters) and objects that are not plain data
    "东岭镇\u200B",
    "\u200B",
    "H\u20601",
    "a\u200Db",
    "\uFEFF",
    "x\u202Ey",
    new Map([["a", 1]]),
    new Set([1]),
    new (class Opaque {})(),
  ),
  fc.constant(null).map(() => protoKey({ polluted: true })),
  fc.constant(null).map(() => ({ constructor: { prototype: { polluted: true } } })),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(Number.NaN)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 }),
);

/** A huge array, produced rarely (memory). */
export const hugeArray = (): unknown[] => new Array<number>(200_000).fill(1);

type Path = (string | number)[];

function paths(v: unknown, prefix: Path = [], out: Path[] = [], depth = 0): Path[] {
  out.push(prefix);
  if (depth > 8 || v === null || typeof v !== "object") return out;
  if (Array.isArray(v)) {
    const n = Math.min(v.length, 6);
    for (let i = 0; i < n; i++) paths(v[i], [...prefix, i], out, depth + 1);
  } else {
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...prefix, k], out, depth + 1);
  }
  return out;
}

function clone<T>(v: T): T {
  return structuredCloneSafe(v) as T;
}

function structuredCloneSafe(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(structuredCloneSafe);
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v)) o[k] = structuredCloneSafe((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

function parentOf(
  root: unknown,
  path: Path,
): { parent: Record<string | number, unknown>; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let cur = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]!] as Record<string | number, unknown>;
  return { parent: cur, key: path[path.length - 1]! };
}

export type Mutation =
  | "replace"
  | "delete"
  | "extraKey"
  | "protoKey"
  | "duplicate"
  | "empty"
  | "huge"
  | "stringify"
  | "negate"
  | "big"
  | "invisible";

/** Numbers near and above 2^53 (issue 17), as numbers and as decimal text. */
export const BIG_VALUES: readonly unknown[] = [
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 64,
  1e15,
  100000000000000.02, // the number the literal 100000000000000.01 becomes
  "9007199254740991",
  "9007199254740993",
  "90071992547409.93",
  "9007199254740993.5",
  "-9007199254740993",
];

/**
 * Characters that do not show and that String.prototype.trim does not remove
 * (so inside or at the end of an id they are still there): zero-width space,
 * non-joiner, joiner, word joiner, soft hyphen, right-to-left override,
 * variation selector, bell.
 */
export const INVISIBLE_CHARS: readonly string[] = [
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\u00AD",
  "\u202E",
  "\uFE0F",
  "\u0007",
];

/** Applies one structural mutation at one path of a valid argument tuple. */
export function mutate(args: readonly unknown[], pathIndex: number, kind: Mutation, value: unknown): unknown[] {
  const root = clone([...args]) as unknown[];
  const all = paths(root).filter((p) => p.length > 0);
  if (all.length === 0) return root;
  const path = all[pathIndex % all.length]!;
  const at = parentOf(root, path)!;
  const current = at.parent[at.key];
  switch (kind) {
    case "replace":
      at.parent[at.key] = value;
      break;
    case "delete":
      if (Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1);
      else delete at.parent[at.key];
      break;
    case "extraKey":
      if (current && typeof current === "object" && !Array.isArray(current))
        (current as Record<string, unknown>)["unexpectedKey"] = value;
      else at.parent[at.key] = value;
      break;
    case "protoKey":
      if (current && typeof current === "object" && !Array.isArray(current))
        Object.defineProperty(current, "__proto__", { value, enumerable: true, configurable: true, writable: true });
      else at.parent[at.key] = protoKey(value);
      break;
    case "duplicate":
      if (Array.isArray(current) && current.length > 0) current.push(clone(current[0]));
      else if (Array.isArray(at.parent)) at.parent.push(clone(current));
      break;
    case "empty":
      at.parent[at.key] = Array.isArray(current) ? [] : typeof current === "string" ? "" : {};
      break;
    case "huge":
      at.parent[at.key] = Array.isArray(current) ? new Array(200_000).fill(current[0] ?? 1) : 1e300;
      break;
    case "stringify":
      at.parent[at.key] =
        typeof current === "number"
          ? `${current}.001`
          : typeof current === "string"
            ? Number(current)
            : jsonOf(current ?? null);
      break;
    case "big":
      at.parent[at.key] =
        BIG_VALUES[(typeof value === "number" ? Math.abs(Math.trunc(value)) : pathIndex) % BIG_VALUES.length];
      break;
    case "invisible": {
      const ch = INVISIBLE_CHARS[pathIndex % INVISIBLE_CHARS.length]!;
      at.parent[at.key] =
        typeof current === "string" ? `${current.slice(0, 1)}${ch}${current.slice(1)}` : `${String(current)}${ch}`;
      break;
    }
    case "negate":
      at.parent[at.key] =
        typeof current === "number"
          ? -current - 1
          : typeof current === "string" && /^\d/.test(current)
            ? `-${current}`
            : value;
      break;
  }
  return root;
}

/** A mutation of a seed argument tuple. */
export function mutatedArgs(seed: readonly unknown[]): fc.Arbitrary<unknown[]> {
  return fc
    .record({
      pathIndex: fc.nat(),
      kind: fc.constantFrom<Mutation>(
        "replace",
        "replace",
        "replace",
        "delete",
        "extraKey",
        "protoKey",
        "duplicate",
        "empty",
        "stringify",
        "negate",
        "big",
        "invisible",
        "huge",
      ),
      value: nastyValue,
    })
    .filter((r) => r.kind !== "huge" || r.pathIndex % 20 === 0)
    .map((r) => mutate(seed, r.pathIndex, r.kind, r.value));
}

/** Whole argument tuples of nasty values (for functions without a seed too). */
export const nastyArgs: fc.Arbitrary<unknown[]> = fc.array(nastyValue, { minLength: 0, maxLength: 3 });
