import DecimalJs from "decimal.js";
import { isMoney } from "../money/money";
import * as z from "zod";
import type { Label, ParameterUse } from "../params/parameter";
import type { PolicyDocumentKey } from "../sources/documents";
import { badArgument, isPlainObject } from "../internal/args";
import { parseInput, plainObject } from "../validation/parse";

/** A JSON value (what a trace holds). */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

/**
 * A rule of the spec, as traces cite it: its ID, the seed passage, and a label.
 */
export interface RuleRef {
  /** Rule ID, e.g. `FUNDS-FACTOR-1`. */
  readonly id: string;
  /** The document's 文号 (or title) and section, e.g. `衢政办发〔2016〕65号 §二(三)1`; for a rule of sannong's own making, where it is specified. */
  readonly citation: string;
  readonly label: Label;
  /** The document the rule comes from; absent for a rule of sannong's own making. */
  readonly document?: PolicyDocumentKey;
  /** The section of that document, e.g. `§三(二)`. */
  readonly section?: string;
  /** The document's own sentence(s), verbatim (fragments joined by `……`); absent for a rule of sannong's own making. */
  readonly quote?: string;
}

/**
 * One step of a trace (计算过程): which rule, from which document, with which
 * inputs, parameters and output; children for sub-steps. Plain JSON data.
 * @remarks Implements CORE-TRACE-1.
 */
export interface TraceNode {
  readonly rule: string;
  readonly citation: string;
  readonly label: Label;
  /** The document's own sentence(s) the rule implements (see {@link RuleRef.quote}). */
  readonly quote?: string;
  readonly inputs?: { readonly [k: string]: Json };
  readonly output?: Json;
  readonly parameters?: readonly TraceParameter[];
  readonly note?: Label;
  readonly children?: readonly TraceNode[];
}

/** A parameter as recorded in a trace. */
export interface TraceParameter {
  readonly id: string;
  readonly value: Json;
  readonly from: string;
  readonly source: string;
  readonly verified: boolean;
  readonly overridden: boolean;
}

/**
 * Converts values to JSON for a trace: Money and Decimal become decimal
 * strings, bigint a string, fractions `"n/d"`; `undefined` members dropped.
 */
export function toJson(v: unknown): Json {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "bigint") return v.toString();
  if (isMoney(v)) return v.toString();
  if (DecimalJs.isDecimal(v)) return (v as DecimalJs).toFixed();
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o["num"] === "bigint" && typeof o["den"] === "bigint") return `${o["num"]}/${o["den"]}`;
    if (v instanceof Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), toJson(x)]));
    const out: Record<string, Json> = {};
    for (const k of Object.keys(o)) if (o[k] !== undefined) out[k] = toJson(o[k]);
    return out;
  }
  return null;
}

const labelSchema = z.strictObject({ zh: z.string(), en: z.string() });
const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().refine(Number.isFinite),
    z.boolean(),
    z.null(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

/** zod schema of a {@link TraceNode} (what {@link renderTrace} accepts). */
export const traceNodeSchema: z.ZodType<TraceNode> = z.lazy(() =>
  z.strictObject({
    rule: z.string(),
    citation: z.string(),
    label: labelSchema,
    quote: z.string().optional(),
    inputs: z.record(z.string(), jsonSchema).optional(),
    output: jsonSchema.optional(),
    parameters: z
      .array(
        z.strictObject({
          id: z.string(),
          value: jsonSchema,
          from: z.string(),
          source: z.string(),
          verified: z.boolean(),
          overridden: z.boolean(),
        }),
      )
      .optional(),
    note: labelSchema.optional(),
    children: z.array(traceNodeSchema).optional(),
  }),
) as unknown as z.ZodType<TraceNode>;

const ruleRefSchema = z.object({
  id: z.string(),
  citation: z.string(),
  label: labelSchema,
  document: z.string().optional(),
  section: z.string().optional(),
  quote: z.string().optional(),
});

/** The trace form of a parameter use. */
export function traceParameter(use: ParameterUse): TraceParameter {
  if (!isPlainObject(use) || typeof use.id !== "string" || typeof use.from !== "string" || !isPlainObject(use.source)) {
    badArgument("traceParameter", "use", "参数取值（valueAt 的结果）", "a parameter use (what valueAt returns)", use);
  }
  const s = use.source;
  return {
    id: use.id,
    value: toJson(use.value),
    from: use.from,
    source: [s.document, s.article].filter(Boolean).join(" "),
    verified: s.verified,
    overridden: use.overridden,
  };
}

/**
 * Builds a trace node for a rule.
 * @example
 * ```ts
 * import { traceStep, money } from "@sannong/core";
 * const rule = { id: "CORE-ALLOC-1", citation: "spec core §Allocation", label: { zh: "按比例分配", en: "proportional allocation" } };
 * const node = traceStep(rule, { inputs: { total: money("100.00") }, output: ["33.34", "33.33", "33.33"] });
 * [node.rule, node.inputs]; // → ["CORE-ALLOC-1", { total: "100.00" }]
 * ```
 * @remarks Implements CORE-TRACE-1.
 */
export function traceStep(
  rule: RuleRef,
  parts: {
    inputs?: Record<string, unknown>;
    output?: unknown;
    parameters?: readonly ParameterUse[];
    note?: Label;
    children?: readonly TraceNode[];
  } = {},
): TraceNode {
  parseInput(ruleRefSchema, rule, "traceStep");
  if (!isPlainObject(parts)) badArgument("traceStep", "parts", "对象", "an object", parts);
  const note = parts.note as unknown;
  if (note !== undefined && !(isPlainObject(note) && typeof note["zh"] === "string" && typeof note["en"] === "string"))
    badArgument("traceStep", "parts.note", "中英文说明 { zh, en }", "a label { zh, en }", note);
  if (parts.children !== undefined && !Array.isArray(parts.children))
    badArgument("traceStep", "parts.children", "子步骤数组", "an array of trace nodes", parts.children);
  // A fresh node: the rule's label and the note are copied, never shared with a package's constants.
  return {
    rule: rule.id,
    citation: rule.citation,
    label: { zh: rule.label.zh, en: rule.label.en },
    ...(rule.quote ? { quote: rule.quote } : {}),
    ...(parts.inputs ? { inputs: toJson(parts.inputs) as { [k: string]: Json } } : {}),
    ...(parts.output !== undefined ? { output: toJson(parts.output) } : {}),
    ...(parts.parameters?.length ? { parameters: parts.parameters.map(traceParameter) } : {}),
    ...(parts.note ? { note: { zh: parts.note.zh, en: parts.note.en } } : {}),
    ...(parts.children?.length ? { children: [...parts.children] } : {}),
  };
}

function short(v: Json, max = 120): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const renderOptionsSchema = plainObject(
  z.strictObject({
    lang: z.enum(["zh", "en"]).optional(),
    maxDepth: z.number().int().min(0).max(1000).optional(),
    quotes: z.boolean().optional(),
  }),
);

/**
 * Renders a trace as readable text in Chinese (default) or English, one line
 * per step, indented by depth, with the document's own sentence (`原文`, unless
 * `quotes: false`), inputs, parameters (value, effective date, source,
 * verified) and output.
 *
 * @example
 * ```ts
 * import { renderTrace, traceStep } from "@sannong/core";
 * const rule = { id: "CORE-ALLOC-1", citation: "spec core §Allocation", label: { zh: "按比例分配", en: "proportional allocation" } };
 * const node = traceStep(rule, { inputs: { total: "100.00" }, output: ["33.34", "33.33", "33.33"] });
 * renderTrace(node, { lang: "zh" }).split("\n"); // → ["• 按比例分配 (CORE-ALLOC-1，spec core §Allocation)", "    输入: total = 100.00", "    结果: [\"33.34\",\"33.33\",\"33.33\"]"]
 * renderTrace(node, { lang: "en" }).split("\n")[0]; // → "• proportional allocation (CORE-ALLOC-1, spec core §Allocation)"
 * ```
 * @remarks Implements CORE-TRACE-1.
 */
export function renderTrace(
  node: TraceNode,
  options: { lang?: "zh" | "en"; maxDepth?: number; quotes?: boolean } = {},
): string {
  parseInput(traceNodeSchema, node, "renderTrace");
  const opts = parseInput(renderOptionsSchema, options, "renderTrace");
  const lang = opts.lang ?? "zh";
  const maxDepth = opts.maxDepth ?? 20;
  const quotes = opts.quotes ?? true;
  const t =
    lang === "zh"
      ? {
          inputs: "输入",
          params: "参数",
          output: "结果",
          note: "说明",
          from: "自",
          src: "来源",
          unverified: "未核实",
          verified: "已核实",
          over: "调用方覆盖",
          quote: "原文",
        }
      : {
          inputs: "inputs",
          params: "parameters",
          output: "result",
          note: "note",
          from: "from",
          src: "source",
          unverified: "unverified",
          verified: "verified",
          over: "overridden",
          quote: "document",
        };
  const lines: string[] = [];
  const walk = (n: TraceNode, depth: number): void => {
    const pad = "  ".repeat(depth);
    const sep = lang === "zh" ? "，" : ", ";
    lines.push(`${pad}• ${n.label[lang]} (${n.rule}${sep}${n.citation})`);
    if (n.quote && quotes) lines.push(`${pad}    ${t.quote}: “${n.quote}”`);
    if (n.inputs && Object.keys(n.inputs).length) {
      lines.push(
        `${pad}    ${t.inputs}: ${Object.entries(n.inputs)
          .map(([k, v]) => `${k} = ${short(v, 60)}`)
          .join("; ")}`,
      );
    }
    for (const p of n.parameters ?? []) {
      lines.push(
        `${pad}    ${t.params}: ${p.id} = ${short(p.value, 60)} (${t.from} ${p.from}${sep}${t.src}: ${p.source}${sep}${p.verified ? t.verified : t.unverified}${p.overridden ? `${sep}${t.over}` : ""})`,
      );
    }
    if (n.note) lines.push(`${pad}    ${t.note}: ${n.note[lang]}`);
    if (n.output !== undefined) lines.push(`${pad}    ${t.output}: ${short(n.output)}`);
    if (depth < maxDepth) for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(node, 0);
  return lines.join("\n");
}
