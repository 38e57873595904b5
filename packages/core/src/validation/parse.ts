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

/** The name of what a non-plain object is, for messages: `Date`, `Map`, `array`, a class's name. */
function kindOf(v: object): string {
  if (Array.isArray(v)) return "array";
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: unknown } } | null;
  const name = proto?.constructor?.name;
  return typeof name === "string" && name.length > 0 ? name : "object with a custom prototype";
}

/** True for `{ … }`: an object whose prototype is `Object.prototype` or `null` (not an array, Date, Map, class instance). */
export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Wraps an object schema so that it also refuses objects that are not plain
 * `{ … }` data — a `Date`, a `Map`, an array, a class instance — which a zod
 * object schema would otherwise read as `{}` (their own keys are none), so
 * `options: new Date()` would silently mean "no options". Use it for every
 * options argument. The issue code is `not_plain_object`.
 *
 * @param schema - the object schema (usually `z.strictObject({ … })`)
 * @returns a schema with the same input and output types
 * @example
 * ```ts
 * import { parseInput, periodSchema, plainObject, safe } from "@sannong/core";
 * const period = plainObject(periodSchema);
 * parseInput(period, { from: "2024-01-01", to: "2024-12-31" }); // → { from: "2024-01-01", to: "2024-12-31" }
 * const r = safe(() => parseInput(period, new Date(0), "demo"));
 * r.ok ? "ok" : [r.error.code, r.error.en.endsWith("expected a plain object ({ … }), got a Date")]; // → ["INVALID_INPUT", true]
 * ```
 * @remarks Implements CORE-ERR-1.
 */
export function plainObject<S extends z.ZodType>(schema: S): z.ZodType<z.output<S>, z.input<S>> {
  if (!isSchema(schema)) badArgument("plainObject", "schema", "zod 模式", "a zod schema", schema);
  return z
    .unknown()
    .superRefine((v, ctx) => {
      if (typeof v === "object" && v !== null && !Array.isArray(v) && !isPlainRecord(v)) {
        const kind = kindOf(v);
        addIssue(
          ctx,
          `应为普通对象（{ … }），实际为 ${kind}`,
          `expected a plain object ({ … }), got a ${kind}`,
          [],
          "not_plain_object",
        );
      }
    })
    .pipe(schema) as unknown as z.ZodType<z.output<S>, z.input<S>>;
}

/**
 * Characters that do not show (or show as nothing): controls (Cc), format
 * characters (Cf: zero-width space U+200B, joiners U+200C–U+200D, word joiner
 * U+2060, bidi controls, BOM U+FEFF …), line and paragraph separators, lone
 * surrogates, and every other default-ignorable code point (variation
 * selectors, Hangul fillers, tag characters …).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/**
 * The first invisible character of a text, or `undefined`. Characters of the
 * blocks that hold none (Latin up to U+02FF but the soft hyphen, CJK unified
 * ideographs U+3400–U+9FFF, Hangul syllables) are passed without the regex,
 * so the common Chinese or ASCII id costs a few nanoseconds per character.
 */
function invisibleIn(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xad) return s[i];
    if (c < 0x0300 || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) continue;
    return INVISIBLE.exec(s)?.[0];
  }
  return undefined;
}

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * A non-empty identifier (标识): trimmed, at most 200 characters, and with no
 * invisible character inside — no control, zero-width (U+200B–U+200D, U+2060,
 * U+FEFF), bidi, line-separator or other default-ignorable character. Two ids
 * that look the same must be the same id: `"东岭镇\u200B"` is refused (issue
 * code `invisible_character`, at the id's path) rather than counted as a
 * second township, and rather than silently cleaned (a cleaned id would no
 * longer match the caller's own records). Surrounding white space is trimmed,
 * as before.
 * @remarks Implements CORE-ERR-1.
 */
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .superRefine((s, ctx) => {
    const ch = invisibleIn(s);
    if (ch !== undefined)
      addIssue(
        ctx,
        `标识含不可见字符 ${codePoint(ch)}（控制字符、零宽字符等）：看起来相同的标识不能算作不同的`,
        `the id contains the invisible character ${codePoint(ch)} (a control or zero-width character): ids that look the same cannot count as different`,
        [],
        "invisible_character",
      );
  });

/**
 * True when {@link idSchema} accepts `v` unchanged: a string of 1 to 200
 * characters, no white space around it, no invisible character in it. For
 * hand-written fast validators that must agree with the schema (they leave
 * anything else to the schema, which reports it).
 * @example
 * ```ts
 * import { isIdentifier } from "@sannong/core";
 * [isIdentifier("东岭镇"), isIdentifier("东岭镇\u200B"), isIdentifier(" 东岭镇"), isIdentifier("")]; // → [true, false, false, false]
 * ```
 */
export function isIdentifier(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const n = v.length;
  if (n === 0 || n > 200) return false;
  const a = v.charCodeAt(0);
  const b = v.charCodeAt(n - 1);
  // Printable ASCII at both ends cannot be trimmed; anything else takes the exact check.
  if (!(a > 0x20 && a < 0x7f && b > 0x20 && b < 0x7f) && v.trim() !== v) return false;
  return invisibleIn(v) === undefined;
}

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
