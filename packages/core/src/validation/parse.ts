import * as z from "zod";
import { en as enLocale, zhCN } from "zod/locales";
import { ValidationError, type Issue } from "../errors/errors";
import { badArgument, isSchema } from "../internal/args";

const zhError = zhCN().localeError;
const enError = enLocale().localeError;

type RawIssue = Parameters<typeof zhError>[0];

function mapFor(lang: "zh" | "en"): (iss: RawIssue) => string {
  const base = lang === "zh" ? zhError : enError;
  return (iss) => {
    const params = (iss as { params?: { zh?: unknown; en?: unknown } }).params;
    if (iss.code === "custom" && params && typeof params.zh === "string" && typeof params.en === "string") {
      return lang === "zh" ? params.zh : params.en;
    }
    const r = base(iss);
    return typeof r === "string" ? r : (r?.message ?? (lang === "zh" ? "输入无效" : "invalid input"));
  };
}
const zhMap = mapFor("zh");
const enMap = mapFor("en");

function bilingual(iss: z.core.$ZodIssue): { zh: string; en: string } | undefined {
  const params = (iss as unknown as { params?: { zh?: unknown; en?: unknown } }).params;
  return iss.code === "custom" && typeof params?.zh === "string" && typeof params.en === "string"
    ? { zh: params.zh, en: params.en }
    : undefined;
}

function customCode(iss: z.core.$ZodIssue): string | undefined {
  const params = (iss as unknown as { params?: { code?: unknown } }).params;
  return iss.code === "custom" && typeof params?.code === "string" ? params.code : undefined;
}

/** Converts a failed zod parse into sannong issues with zh and en messages. */
function toIssues(schema: z.ZodType, input: unknown, zhIssues: readonly z.core.$ZodIssue[]): Issue[] {
  const en = schema.safeParse(input, { error: enMap });
  const enIssues = en.success ? [] : en.error.issues;
  return zhIssues.map((iss, i) => ({
    code: customCode(iss) ?? iss.code,
    path: iss.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    zh: bilingual(iss)?.zh ?? iss.message,
    en: bilingual(iss)?.en ?? enIssues[i]?.message ?? iss.message,
  }));
}

/**
 * Validates `input` with `schema` and returns the parsed (new, never the same
 * object) value, or throws a {@link ValidationError} whose issues carry the
 * field path and a zh and an en message.
 *
 * @param schema - the exported zod schema of the function's input
 * @param input - untrusted input
 * @param fn - the public function's name, used in messages
 * @throws {@link ValidationError} code `INVALID_INPUT`
 * @example
 * ```ts
 * import { parseInput, periodSchema, safe } from "@sannong/core";
 * parseInput(periodSchema, { from: "2024-01-01", to: "2024-12-31" }, "demo"); // → { from: "2024-01-01", to: "2024-12-31" }
 * const r = safe(() => parseInput(periodSchema, { from: "2024-01-01" }, "demo"));
 * r.ok ? "ok" : [r.error.code, r.error.path]; // → ["INVALID_INPUT", ["to"]]
 * ```
 * @remarks Implements CORE-ERR-1.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, fn?: string): z.output<S> {
  if (!isSchema(schema)) badArgument("parseInput", "schema", "zod 模式", "a zod schema", schema);
  if (fn !== undefined && typeof fn !== "string")
    badArgument("parseInput", "fn", "函数名字符串", "a function name", fn);
  const r = schema.safeParse(input, { error: zhMap });
  if (r.success) return r.data;
  throw new ValidationError(toIssues(schema, input, r.error.issues), fn);
}

/**
 * Adds a custom issue with a zh and an en message inside a zod refinement or
 * transform.
 * @param ctx - the refinement context
 * @param zh - Chinese message
 * @param en - English message
 * @param path - path relative to the value being refined
 * @param code - stable issue code (defaults to `custom`)
 */
export function addIssue(
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void } | z.RefinementCtx,
  zh: string,
  en: string,
  path: readonly (string | number)[] = [],
  code?: string,
): void {
  if (typeof ctx !== "object" || ctx === null || typeof (ctx as { addIssue?: unknown }).addIssue !== "function")
    badArgument("addIssue", "ctx", "zod 细化上下文", "a zod refinement context", ctx);
  if (typeof zh !== "string" || typeof en !== "string")
    badArgument("addIssue", "zh/en", "字符串消息", "string messages", typeof zh === "string" ? en : zh);
  if (!Array.isArray(path)) badArgument("addIssue", "path", "路径数组", "a path array", path);
  (ctx as { addIssue: (issue: unknown) => void }).addIssue({
    code: "custom",
    message: en,
    path: [...path],
    params: code ? { zh, en, code } : { zh, en },
  });
}

/** A non-empty identifier (trimmed, at most 200 characters). */
export const idSchema = z.string().trim().min(1).max(200);

/**
 * A record keyed by strings that refuses `__proto__`, `constructor` and
 * `prototype` keys (so untrusted JSON cannot reach an object's prototype).
 */
export function safeRecord<V extends z.ZodType>(
  value: V,
): z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>> {
  if (!isSchema(value)) badArgument("safeRecord", "value", "zod 模式", "a zod schema", value);
  // The keys are checked on the raw input: z.record's output would already have lost a `__proto__` key.
  return z
    .unknown()
    .superRefine((rec, ctx) => {
      if (typeof rec !== "object" || rec === null) return;
      for (const k of ["__proto__", "constructor", "prototype"]) {
        if (Object.hasOwn(rec, k)) {
          addIssue(ctx, `不允许的键名 “${k}”`, `key "${k}" is not allowed`, [k], "forbidden_key");
        }
      }
    })
    .pipe(z.record(z.string(), value)) as unknown as z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>>;
}

/** Adds an issue for every id that occurs twice in a list of `{ id }` items. */
export function refineUniqueIds(ctx: z.RefinementCtx, items: readonly { id: string }[], field = "id"): void {
  if (typeof ctx !== "object" || ctx === null || typeof (ctx as { addIssue?: unknown }).addIssue !== "function")
    badArgument("refineUniqueIds", "ctx", "zod 细化上下文", "a zod refinement context", ctx);
  if (!Array.isArray(items)) badArgument("refineUniqueIds", "items", "数组", "an array", items);
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (typeof it !== "object" || it === null || typeof it.id !== "string") return;
    if (seen.has(it.id)) addIssue(ctx, `重复的标识 “${it.id}”`, `duplicate id "${it.id}"`, [i, field], "duplicate_id");
    seen.add(it.id);
  });
}
