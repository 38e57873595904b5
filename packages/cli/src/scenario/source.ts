import {
  LineCounter,
  parseDocument,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import { Decimal } from "@sannong/core";
import { ScenarioError, type ScenarioProblem } from "./errors";

/** A parsed scenario file with what is needed to point at its lines. @internal */
export interface Source {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/**
 * An unquoted number in an `expected:` block (预期中的数字字面量), kept as
 * written so that it is compared by exact decimal value, never through a
 * binary float: `100` matches `"100.00"`, `0.3` does not match
 * `"0.30000000000000004"`.
 * @example
 * ```ts
 * const c = parseScenario("computation: x\ninput: {}\nexpected: { total: 100.00 }\n").cases[0];
 * (c.expected as { total: NumberLiteral }).total.text; // "100.00"
 * ```
 * @remarks Implements CLI-SCEN-2.
 */
export class NumberLiteral {
  constructor(readonly text: string) {
    Object.freeze(this);
  }
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

const YAML_ZH: Record<string, string> = {
  BAD_INDENT: "缩进不正确",
  BAD_ALIAS: "别名（alias）无效",
  BAD_DIRECTIVE: "指令无效",
  BAD_DQ_ESCAPE: "双引号字符串中的转义无效",
  BAD_SCALAR_START: "值的开头字符无效（如需以该字符开头请加引号）",
  BLOCK_AS_IMPLICIT_KEY: "这一行的值里又出现了“: ”（值中含冒号加空格时，请给整个值加引号；也可能是缩进错误）",
  BLOCK_IN_FLOW: "方括号/花括号内不能使用块结构",
  DUPLICATE_KEY: "键重复（同一层级的键必须唯一）",
  IMPOSSIBLE: "无法解析",
  KEY_OVER_1024_CHARS: "键超过 1024 个字符",
  MISSING_CHAR: "缺少字符（如闭合的引号、括号或冒号后的空格）",
  MULTILINE_IMPLICIT_KEY: "键不能跨行（可能漏了冒号）",
  MULTIPLE_ANCHORS: "一个节点有多个锚点",
  MULTIPLE_DOCS: "一个文件只能包含一个 YAML 文档（请删除 --- 分隔符，多个用例请写在 cases: 下）",
  MULTIPLE_TAGS: "一个节点有多个标签",
  TAB_AS_INDENT: "不能用制表符（Tab）缩进，请用空格",
  TAG_RESOLVE_FAILED: "无法解析的标签",
  UNEXPECTED_TOKEN: "出现意外的符号",
  BAD_COLLECTION_TYPE: "集合类型无效",
};

/** Builds a problem at an offset of the source. @internal */
export function problemAt(
  src: Source,
  offset: number | undefined,
  init: Omit<ScenarioProblem, "file" | "line" | "column" | "frame">,
): ScenarioProblem {
  if (offset === undefined) return { ...init, file: src.file };
  const { line, col } = src.lines.linePos(offset);
  return { ...init, file: src.file, line, column: col, frame: frame(src.text, line, col) };
}

/** The source line and a caret under the column (display-width aware). @internal */
export function frame(text: string, line: number, column: number): string {
  const lines = text.split(/\r?\n/);
  const content = lines[line - 1] ?? "";
  const gutter = String(line).length;
  const before = [...content].slice(0, Math.max(0, column - 1)).join("");
  let caretPad = "";
  for (const ch of before) caretPad += ch === "\t" ? "\t" : /[\u1100-\uffff]/u.test(ch) ? "  " : " ";
  return `  ${String(line)} | ${content}\n  ${" ".repeat(gutter)} | ${caretPad}^`;
}

/**
 * Parses YAML (or JSON, which YAML 1.2 reads too) and returns the source, or
 * the syntax problems each at its line.
 * @internal
 */
export function parseSource(file: string, text: string): Source | ScenarioProblem[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    merge: true,
  });
  const src: Source = { file, text, doc, lines };
  if (doc.errors.length) {
    // Only the first: later syntax errors are mostly echoes of the first.
    return doc.errors.slice(0, 1).map((e) => {
      const en = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      const opener = unclosedOpener(text, e.pos[0], en);
      if (opener) {
        return problemAt(src, opener.offset, {
          code: "YAML_SYNTAX",
          path: [],
          zh: `YAML 语法错误：从这里开始的${opener.zh}没有闭合（${e.code}）`,
          en: `YAML syntax error: the ${opener.en} that starts here is never closed (${e.code})`,
        });
      }
      return problemAt(src, e.pos[0], {
        code: "YAML_SYNTAX",
        path: [],
        zh: `YAML 语法错误：${YAML_ZH[e.code] ?? "无法解析"}（${e.code}）`,
        en: `YAML syntax error: ${en} (${e.code})`,
      });
    });
  }
  return src;
}

/**
 * For "missing closing quote" and "flow collection must end with ] / }"
 * errors, which the parser reports where it gave up (often the end of the
 * file), the place where the unclosed string or bracket starts.
 */
function unclosedOpener(
  text: string,
  pos: number,
  message: string,
): { offset: number; zh: string; en: string } | undefined {
  const quote = /Missing closing (['"])quote/.exec(message)?.[1];
  if (quote) {
    const i = text.lastIndexOf(quote, Math.max(0, pos - 1));
    return i >= 0
      ? {
          offset: i,
          zh: quote === "'" ? "单引号字符串" : "双引号字符串",
          en: `${quote === "'" ? "single" : "double"}-quoted string`,
        }
      : undefined;
  }
  if (!/^Flow (sequence|map) .* end with a [\]}]/.test(message)) return undefined;
  const stack: number[] = [];
  let q: string | undefined;
  for (let i = 0; i < Math.min(pos, text.length); i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === q) q = undefined;
    } else if (ch === "'" || ch === '"') q = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "[" || ch === "{") stack.push(i);
    else if ((ch === "]" || ch === "}") && stack.length) stack.pop();
  }
  const at = stack.pop();
  if (at === undefined) return undefined;
  return text[at] === "["
    ? { offset: at, zh: "方括号 [ ", en: "bracket [" }
    : { offset: at, zh: "花括号 { ", en: "brace {" };
}

/** Where a path of the file is: the node, and the offset to point at. @internal */
export function locate(
  src: Source,
  path: readonly (string | number)[],
  options: { key?: boolean } = {},
): { offset: number | undefined; exact: boolean } {
  let node: unknown = src.doc.contents;
  let offset: number | undefined = rangeStart(node);
  let keyOffset: number | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isAlias(node)) node = node.resolve(src.doc);
    if (isMap(node)) {
      const pair = findPair(src, node, String(seg));
      if (!pair) return { offset: keyOffset ?? offset, exact: false };
      keyOffset = rangeStart(pair.key);
      const last = i === path.length - 1;
      if (last && options.key) return { offset: keyOffset, exact: true };
      node = pair.value;
      offset = isScalar(node) || isAlias(node) ? (rangeStart(node) ?? keyOffset) : keyOffset;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) return { offset: keyOffset ?? offset, exact: false };
      node = item;
      offset = rangeStart(item) ?? offset;
      keyOffset = offset;
    } else {
      return { offset, exact: false };
    }
  }
  return { offset, exact: true };
}

const MERGE = "<<";

/** The maps a `<<:` key merges into a map, in order (earlier ones win). */
function mergeSources(src: Source, map: YAMLMap): YAMLMap[] {
  const out: YAMLMap[] = [];
  for (const p of map.items) {
    if (keyText(p.key) !== MERGE) continue;
    const v = isAlias(p.value) ? p.value.resolve(src.doc) : p.value;
    if (isMap(v)) out.push(v);
    else if (isSeq(v))
      for (const it of v.items) {
        const m = isAlias(it) ? it.resolve(src.doc) : it;
        if (isMap(m)) out.push(m);
      }
  }
  return out;
}

/** The pair of a key in a map, looking into merged maps (`<<: *anchor`) when the map has no such key itself. */
function findPair(src: Source, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const own = map.items.find((p) => isPair(p) && keyText(p.key) === key && key !== MERGE);
  if (own || depth > 10) return own;
  for (const m of mergeSources(src, map)) {
    const p = findPair(src, m, key, depth + 1);
    if (p) return p;
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? r[0] : undefined;
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  // with merge keys on, yaml gives `<<` as a symbol
  return typeof key.value === "symbol" ? (key.value.description ?? String(key.value)) : String(key.value);
}

/**
 * Converts a YAML node to plain data. Keys become own properties (even
 * `__proto__`, which the API schemas then refuse). With `literals`, unquoted
 * numbers become {@link NumberLiteral}s kept as written.
 * @internal
 */
export function toData(src: Source, node: unknown, literals = false): unknown {
  return convert(src, node, literals, { left: MAX_ALIAS_EXPANSION, at: undefined });
}

/** How many values aliases (`*a`, `<<: *a`) may expand to in one conversion: a guard against alias bombs. @internal */
export const MAX_ALIAS_EXPANSION = 100_000;

interface Budget {
  left: number;
  /** Where the outermost alias being expanded starts (undefined outside aliases). */
  at: number | undefined;
}

function expand(src: Source, node: unknown, literals: boolean, budget: Budget, at: number | undefined): unknown {
  if (budget.at !== undefined) return convert(src, node, literals, budget);
  budget.at = at ?? 0;
  try {
    return convert(src, node, literals, budget);
  } finally {
    budget.at = undefined;
  }
}

function convert(src: Source, node: unknown, literals: boolean, budget: Budget): unknown {
  if (budget.at !== undefined && --budget.left < 0) {
    throw new ScenarioError([
      problemAt(src, budget.at, {
        code: "INVALID_SCENARIO",
        path: [],
        zh: `别名（*…）展开后超过 ${MAX_ALIAS_EXPANSION} 个值，拒绝读取（疑似别名炸弹）`,
        en: `the aliases (*…) expand to more than ${MAX_ALIAS_EXPANSION} values; refusing to read on (an alias bomb?)`,
      }),
    ]);
  }
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return expand(src, node.resolve(src.doc), literals, budget, rangeStart(node));
  if (isScalar(node)) {
    const v = node.value;
    if (literals && typeof v === "number" && typeof node.source === "string") return new NumberLiteral(node.source);
    return v;
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const set = (k: string, v: unknown): void =>
      void Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    // Merged maps first, later sources overwritten by earlier ones, then the map's own keys (YAML merge-key rules).
    for (const m of mergeSources(src, node).reverse()) {
      const merged = expand(src, m, literals, budget, rangeStart(node)) as Record<string, unknown>;
      for (const k of Object.keys(merged)) set(k, merged[k]);
    }
    for (const p of node.items) {
      const k = keyText(p.key) ?? String(p.key);
      if (k === MERGE) continue;
      set(k, convert(src, p.value, literals, budget));
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((n) => convert(src, n, literals, budget));
  return null;
}

/** The node at a path (no alias resolution at the end). @internal */
export function nodeAt(src: Source, path: readonly (string | number)[]): unknown {
  return src.doc.getIn(path, true) as Node | undefined;
}

/**
 * Unquoted numbers that a binary float cannot hold exactly
 * (`12345678901234567.89`, 20-digit integers): each is a problem, so a
 * number is never changed silently on its way to the computation. (Under
 * `expected:` numbers are kept as written, so they are not checked.)
 * @internal
 */
export function inexactNumbers(src: Source): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isScalar(node)) {
      if (
        typeof node.value === "number" &&
        Number.isFinite(node.value) &&
        typeof node.source === "string" &&
        !sameNumber(node.source, node.value)
      ) {
        problems.push(
          problemAt(src, rangeStart(node), {
            code: "NUMBER_NOT_EXACT",
            path,
            zh: `数字 ${node.source} 超出双精度浮点数能精确表示的范围，会被改成 ${String(node.value)}；请加引号写成字符串，如 "${node.source}"`,
            en: `the number ${node.source} cannot be held exactly by a binary float and would become ${String(node.value)}; quote it as a string, e.g. "${node.source}"`,
          }),
        );
      }
    } else if (isMap(node)) {
      // Numbers under expected are kept as written (NumberLiteral), so they lose nothing.
      if (path.length === 1 && path[0] === "expected") return;
      if (path.length === 3 && path[0] === "cases" && path[2] === "expected") return;
      for (const p of node.items) walk(p.value, [...path, keyText(p.key) ?? "?"]);
    } else if (isSeq(node)) {
      if (path.length === 1 && path[0] === "expected") return;
      if (path.length === 3 && path[0] === "cases" && path[2] === "expected") return;
      node.items.forEach((n, i) => walk(n, [...path, i]));
    }
  };
  walk(src.doc.contents, []);
  return problems;
}

function sameNumber(source: string, value: number): boolean {
  try {
    const text = source.replace(/_/g, "").replace(/^\+/, "");
    return new Decimal(text).eq(new Decimal(String(value)));
  } catch {
    return true;
  }
}
