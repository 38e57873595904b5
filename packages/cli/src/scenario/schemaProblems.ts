import type * as z from "zod";
import { ValidationError, parseInput, type Issue } from "@sannong/core";
import { closest } from "../internal/levenshtein";
import { locate, problemAt, type Source } from "./source";
import type { ScenarioProblem } from "./errors";

type Path = readonly (string | number)[];

/**
 * Validates `value` with `schema` and returns one problem per zod issue, each
 * located at its line in the file: `at` is where `value` sits in the file.
 * Unknown keys point at the key itself and suggest the closest allowed key.
 * @internal
 */
export function schemaProblems(
  src: Source,
  schema: z.ZodType,
  value: unknown,
  at: Path,
  code: string,
  fn: string,
): ScenarioProblem[] {
  const raw = schema.safeParse(value);
  if (raw.success) return [];
  let issues: readonly Issue[] = [];
  try {
    parseInput(schema, value, fn);
  } catch (e) {
    if (e instanceof ValidationError) issues = e.issues;
    else throw e;
  }
  const problems: ScenarioProblem[] = [];
  raw.error.issues.forEach((r, i) => {
    const iss = issues[i];
    const path = r.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (r.code === "unrecognized_keys") {
      const allowed = allowedKeys(schema, path);
      for (const key of r.keys) {
        const near = allowed ? closest(key, allowed, 1) : [];
        const full = [...at, ...path, key];
        problems.push(
          problemAt(src, locate(src, full, { key: true }).offset, {
            code,
            path: full,
            zh: `未知的键 “${key}”${near.length ? `，是否应为 “${near[0]}”？` : ""}${allowed ? `（允许的键：${allowed.join("、")}）` : ""}`,
            en: `unknown key "${key}"${near.length ? `; did you mean "${near[0]}"?` : ""}${allowed ? ` (allowed: ${allowed.join(", ")})` : ""}`,
          }),
        );
      }
      return;
    }
    const full = [...at, ...path];
    const loc = locate(src, full);
    const missing = !loc.exact && isMissing(value, path);
    problems.push(
      problemAt(src, loc.offset, {
        code,
        path: full,
        zh: missing
          ? `缺少必填字段 “${String(path[path.length - 1] ?? "")}”（${iss?.zh ?? r.message}）`
          : (iss?.zh ?? r.message),
        en: missing
          ? `missing required field "${String(path[path.length - 1] ?? "")}" (${iss?.en ?? r.message})`
          : (iss?.en ?? r.message),
      }),
    );
  });
  return problems;
}

function isMissing(value: unknown, path: Path): boolean {
  let v: unknown = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, seg)) return true;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v === undefined;
}

interface Def {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  element?: unknown;
  valueType?: unknown;
  options?: unknown[];
  getter?: () => unknown;
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

function unwrap(schema: unknown, depth = 0): unknown {
  const def = defOf(schema);
  if (!def || depth > 20) return schema;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return unwrap(def.innerType, depth + 1);
    case "pipe":
      // z.preprocess(fn, schema) is a pipe from a transform to the schema
      return unwrap(defOf(def.in)?.type === "transform" ? def.out : def.in, depth + 1);
    case "lazy":
      return def.getter ? unwrap(def.getter(), depth + 1) : schema;
    default:
      return schema;
  }
}

/** The keys an object schema allows at a path, when the schema says (best effort). @internal */
export function allowedKeys(schema: unknown, path: Path): string[] | undefined {
  let s = unwrap(schema);
  for (const seg of path) {
    const def = defOf(s);
    if (!def) return undefined;
    if (def.type === "object" && def.shape && typeof seg === "string") s = unwrap(def.shape[seg]);
    else if (def.type === "array" && typeof seg === "number") s = unwrap(def.element);
    else if (def.type === "record") s = unwrap(def.valueType);
    else return undefined;
  }
  const def = defOf(s);
  if (def?.type === "object" && def.shape) return Object.keys(def.shape);
  return undefined;
}
