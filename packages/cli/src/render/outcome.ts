import { renderTrace, type Json, type TraceNode } from "@sannong/core";
import type { Mismatch } from "../scenario/compare";
import { formatPath, formatProblem, type ScenarioProblem } from "../scenario/errors";
import type { CaseOutcome } from "../scenario/run";
import { NumberLiteral, locate, type Source } from "../scenario/source";
import { renderOutput } from "./result";

type Lang = "zh" | "en";
type Path = readonly (string | number)[];

const isObj = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const isTrace = (v: unknown): v is TraceNode =>
  isObj(v) && typeof v["rule"] === "string" && typeof v["citation"] === "string" && isObj(v["label"]);

/** A value as written: strings quoted, numbers bare, so `"100"` and `100` differ visibly. @internal */
export function show(v: unknown, lang: Lang): string {
  if (v === undefined) return lang === "zh" ? "（无）" : "(none)";
  if (v instanceof NumberLiteral) return v.text;
  const s = JSON.stringify(v, (_k, x: unknown) => (x instanceof NumberLiteral ? x.text : x));
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

function indent(s: string, by: string): string {
  return s
    .split("\n")
    .map((l) => (l ? by + l : l))
    .join("\n");
}

function contains(v: Json | undefined, leaf: Json): boolean {
  if (v === undefined) return false;
  if (v === leaf) return true;
  if (Array.isArray(v)) return v.some((x) => contains(x, leaf));
  if (isObj(v)) return Object.values(v).some((x) => contains(x, leaf));
  return false;
}

/**
 * The trace steps that explain a value of the output: the trace nearest the
 * value's path (a record's own `trace`, else the result's), and in it the
 * deepest steps whose output contains the value.
 * @internal
 */
export function traceFor(output: Json | undefined, path: Path, actual: Json | undefined): TraceNode[] {
  let root: TraceNode | undefined;
  for (let n = path.length; n >= 0 && !root; n--) {
    let cur: unknown = output;
    for (const seg of path.slice(0, n))
      cur = isObj(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[seg] : undefined;
    if (isObj(cur) && isTrace(cur["trace"])) root = cur["trace"];
  }
  if (!root) return [];
  if (actual === undefined || (typeof actual === "object" && actual !== null)) return [root];
  const found: { node: TraceNode; depth: number }[] = [];
  const walk = (n: TraceNode, depth: number): void => {
    if (contains(n.output, actual)) found.push({ node: n, depth });
    for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(root, 0);
  if (!found.length) return [root];
  const deepest = found.reduce((m, f) => Math.max(m, f.depth), -Infinity);
  return found
    .filter((f) => f.depth === deepest)
    .slice(0, 2)
    .map((f) => f.node);
}

function mismatchText(m: Mismatch, o: CaseOutcome, src: Source | undefined, lang: Lang): string {
  const zh = lang === "zh";
  const field = m.path.length ? formatPath(m.path) : zh ? "（整个结果）" : "(the whole result)";
  let place = "";
  if (src && m.path[0] !== "error") {
    const loc = locate(src, [...o.case.at, "expected", ...m.path]);
    if (loc.exact && loc.offset !== undefined) {
      const { line } = src.lines.linePos(loc.offset);
      place = zh ? `（预期写在 ${o.case.file}:${line}）` : ` (expected at ${o.case.file}:${line})`;
    }
  }
  const lines = [`${field}${place}`];
  switch (m.reason) {
    case "missing":
      lines.push(
        `  ${zh ? "预期：" : "expected: "}${show(m.expected, lang)}`,
        `  ${zh ? "实际：（结果中没有这个字段）" : "actual: (not in the result)"}`,
      );
      break;
    case "unexpected":
      lines.push(
        `  ${zh ? "预期：（expected 中没有写这个字段；若只想比对部分字段，请用 check:）" : "expected: (not in expected; to compare only some fields, use check:)"}`,
        `  ${zh ? "实际：" : "actual: "}${show(m.actual, lang)}`,
      );
      break;
    case "length":
      lines.push(
        `  ${zh ? `列表长度：预期 ${show(m.expected, lang)} 项，实际 ${show(m.actual, lang)} 项` : `list length: expected ${show(m.expected, lang)}, actual ${show(m.actual, lang)}`}`,
      );
      break;
    default:
      lines.push(
        `  ${zh ? "预期：" : "expected: "}${show(m.expected, lang)}`,
        `  ${zh ? "实际：" : "actual: "}${show(m.actual, lang)}`,
      );
  }
  return lines.join("\n");
}

/**
 * The details of a failing case (CLI-SCEN-2): each difference with expected
 * vs actual and where the expectation is written, then the trace of the
 * first failing value.
 * @internal
 */
export function renderFailure(o: CaseOutcome, src: Source | undefined, lang: Lang, maxMismatches = 10): string {
  const zh = lang === "zh";
  const out: string[] = [];
  if (o.error && o.status === "failed" && !(o.mismatches ?? []).some((m) => m.path[0] === "error")) {
    out.push(
      zh ? `规则拒绝了输入，而用例预期的是结果：` : `the rule refused the input, but the case expects a result:`,
    );
    out.push(indent(refusalText(o, lang), "  "));
  }
  const ms = o.mismatches ?? [];
  ms.slice(0, maxMismatches).forEach((m, i) =>
    out.push(`${zh ? `差异 ${i + 1}：` : `difference ${i + 1}: `}${mismatchText(m, o, src, lang)}`),
  );
  if (ms.length > maxMismatches)
    out.push(
      zh
        ? `……另有 ${ms.length - maxMismatches} 处差异（用 --json 查看完整结果）`
        : `… and ${ms.length - maxMismatches} more differences (see the full result with --json)`,
    );
  const first = ms.find((m) => m.path[0] !== "error");
  if (first) {
    const nodes = traceFor(o.output, first.path, first.actual);
    if (nodes.length) {
      out.push(
        zh
          ? `${formatPath(first.path) || "结果"} 的计算过程：`
          : `how ${formatPath(first.path) || "the result"} was computed:`,
      );
      for (const n of nodes) out.push(indent(renderTrace(n, { lang, maxDepth: 1 }), "  "));
    } else if (o.output !== undefined) {
      out.push(zh ? "（此计算不输出计算过程）" : "(this computation gives no trace)");
    }
  }
  return out.join("\n");
}

/** A refusal by the rule, with its place in the file. @internal */
export function refusalText(o: CaseOutcome, lang: Lang): string {
  const e = o.error;
  if (!e) return "";
  const p: ScenarioProblem = o.refusal ?? { code: e.code, file: o.case.file, path: [], zh: e.zh, en: e.en };
  return formatProblem({ ...p, code: e.code, zh: e.zh, en: e.en }, lang).replace(
    /^(错误|error) /,
    lang === "zh" ? "规则拒绝 " : "refused ",
  );
}

/** The problems that stop a case from running. @internal */
export function renderProblems(problems: readonly ScenarioProblem[], lang: Lang, max = 20): string {
  const shown = problems.slice(0, max).map((p) => formatProblem(p, lang));
  if (problems.length > max)
    shown.push(
      lang === "zh" ? `……另有 ${problems.length - max} 处问题` : `… and ${problems.length - max} more problems`,
    );
  return shown.join("\n");
}

/** The trace of an output, rendered, or `undefined` when it has none. @internal */
export function renderExplain(output: Json | undefined, lang: Lang, maxDepth?: number): string | undefined {
  if (!isObj(output) || !isTrace(output["trace"])) return undefined;
  return renderTrace(output["trace"], { lang, ...(maxDepth !== undefined ? { maxDepth } : {}) });
}

/** The heading of a case: its name, computation and place. @internal */
export function caseHeading(o: CaseOutcome, lang: Lang): string {
  const c = o.case;
  const zh = lang === "zh";
  const lines = [
    `== ${c.name} ==`,
    zh ? `文件：${c.file}    计算：${c.computation}` : `file: ${c.file}    computation: ${c.computation}`,
  ];
  if (c.description) lines.push(c.description.trim());
  return lines.join("\n");
}

/** The result tables of a computed case. @internal */
export function renderResultBlock(o: CaseOutcome, lang: Lang): string {
  return o.output === undefined ? "" : renderOutput(o.output, lang);
}
