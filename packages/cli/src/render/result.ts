import type { Json } from "@sannong/core";
import { truncate } from "../internal/width";
import { FIELD_LABELS, fieldLabel, valueLabel } from "./labels";
import { table } from "./table";

type Lang = "zh" | "en";
type Obj = { readonly [k: string]: Json };

const isObj = (v: Json | undefined): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
/** A bilingual label `{ zh, en }`: shown as one cell in the chosen language. */
const isLabel = (v: Json | undefined): boolean =>
  isObj(v) && Object.keys(v).length === 2 && typeof v["zh"] === "string" && typeof v["en"] === "string";
const isScalar = (v: Json | undefined): boolean => v === null || typeof v !== "object" || isLabel(v);
const isScalarList = (v: Json | undefined): boolean => Array.isArray(v) && v.every(isScalar);
const isTraceLike = (k: string, v: Json | undefined): boolean =>
  k === "trace" || (isObj(v) && typeof v["rule"] === "string" && typeof v["citation"] === "string");

/** A record in one cell: its id-like field and its message, e.g. `张小梅（未满参保最低年龄）`. */
function brief(o: Obj, lang: Lang): string | undefined {
  const key = ["id", "memberId", "name", "step", "gate", "code"]
    .map((k) => o[k])
    .find((x) => typeof x === "string" || typeof x === "number");
  const msg =
    typeof o[lang] === "string"
      ? o[lang]
      : isLabel(o["reason"])
        ? (o["reason"] as Obj)[lang]
        : isLabel(o["label"])
          ? (o["label"] as Obj)[lang]
          : undefined;
  if (key === undefined && msg === undefined) return undefined;
  if (key === undefined) return String(msg);
  return msg === undefined
    ? String(key)
    : lang === "zh"
      ? `${String(key)}（${String(msg)}）`
      : `${String(key)} (${String(msg)})`;
}

/** A scalar (or a short list of them) as a table cell. @internal */
export function cell(v: Json | undefined, lang: Lang, max = 60, field?: string): string {
  if (v === undefined || v === null) return "—";
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no";
  if (typeof v === "string") return truncate(valueLabel(field, v, lang), max);
  if (typeof v === "number") return truncate(String(v), max);
  if (Array.isArray(v) && v.length === 0) return lang === "zh" ? "（无）" : "(none)";
  if (Array.isArray(v) && v.every(isScalar))
    return truncate(v.map((x) => cell(x, lang)).join(lang === "zh" ? "、" : ", "), max);
  if (Array.isArray(v) && v.every((x) => isObj(x) && brief(x, lang) !== undefined))
    return truncate(v.map((x) => brief(x as Obj, lang)).join(lang === "zh" ? "；" : "; "), max);
  if (Array.isArray(v)) return lang === "zh" ? `[${v.length} 项]` : `[${v.length} items]`;
  if (isObj(v)) {
    if (isLabel(v)) return truncate(v[lang] as string, max);
    const label = v["label"];
    if (isObj(label) && typeof label[lang] === "string") return truncate(label[lang] as string, max);
    return truncate(JSON.stringify(v), max);
  }
  return truncate(JSON.stringify(v), max);
}

/** Columns of a list of objects: scalar fields, and the scalar fields of nested objects as `a.b`. */
function columns(rows: readonly Obj[]): string[][] {
  const cols: string[][] = [];
  const seen = new Set<string>();
  const add = (p: string[]): void => {
    const k = p.join(".");
    if (!seen.has(k)) {
      seen.add(k);
      cols.push(p);
    }
  };
  for (const r of rows) {
    for (const [k, v] of Object.entries(r)) {
      if (isTraceLike(k, v)) continue;
      if (
        isObj(v) &&
        !isLabel(v) &&
        !isObj(v["label"]) &&
        Object.values(v).every((x) => isScalar(x) || isScalarList(x)) &&
        Object.keys(v).length <= 8
      ) {
        for (const sub of Object.keys(v)) add([k, sub]);
      } else {
        add([k]);
      }
    }
  }
  return cols;
}

function get(o: Obj, p: readonly string[]): Json | undefined {
  let cur: Json | undefined = o;
  for (const k of p) cur = isObj(cur) && Object.hasOwn(cur, k) ? cur[k] : undefined;
  return cur;
}

/**
 * Keys of a nested plain object are often data (factor ids, village names),
 * not field names: they are translated only when every one is a known field.
 */
function keysAreFields(o: Obj): boolean {
  return Object.keys(o).every((k) => Object.hasOwn(FIELD_LABELS, k));
}

function header(p: readonly string[], lang: Lang, subFields: ReadonlySet<string>): string {
  const [first, ...rest] = p;
  const head = fieldLabel(first!, lang);
  if (!rest.length) return head;
  return [head, ...rest.map((k) => (subFields.has(first!) ? fieldLabel(k, lang) : k))].join("·");
}

function listTable(list: readonly Json[], lang: Lang): string {
  if (list.every(isObj)) {
    const rows = list as readonly Obj[];
    const cols = columns(rows);
    if (cols.length === 0) return lang === "zh" ? "（空）" : "(empty)";
    const other = lang === "zh" ? "en" : "zh";
    if (cols.some((c) => c.length === 1 && c[0] === lang) && cols.some((c) => c.length === 1 && c[0] === other)) {
      cols.splice(
        cols.findIndex((c) => c.length === 1 && c[0] === other),
        1,
      );
    }
    const subFields = new Set(
      cols
        .filter((c) => c.length > 1 && rows.every((r) => !isObj(r[c[0]!]) || keysAreFields(r[c[0]!] as Obj)))
        .map((c) => c[0]!),
    );
    return table(
      cols.map((c) => header(c, lang, subFields)),
      rows.map((r) => cols.map((c) => cell(get(r, c), lang, 100, c[c.length - 1]))),
    );
  }
  return table(
    [fieldLabel("index", lang), fieldLabel("value", lang)],
    list.map((v, i) => [String(i + 1), cell(v, lang, 100)]),
  );
}

/**
 * Renders a computation's output (as JSON data) as readable sections: the
 * scalar fields in a two-column table, each list of records as a table with
 * Chinese (or English) headers, nested objects as their own sections. Traces
 * are left out (shown by `--explain`).
 * @internal
 */
export function renderOutput(output: Json, lang: Lang, heading = "", keysAreData = false): string {
  const parts: string[] = [];
  const title = (k: string): string => (heading ? `${heading} › ${fieldLabel(k, lang)}` : fieldLabel(k, lang));
  if (Array.isArray(output)) return listTable(output, lang);
  if (!isObj(output)) return cell(output, lang, 200);
  const scalars: [string, Json][] = [];
  const sections: [string, Json][] = [];
  for (const [k, v] of Object.entries(output)) {
    if (isTraceLike(k, v)) continue;
    if ((k === "zh" || k === "en") && k !== lang && typeof output[lang] === "string") continue;
    if (isScalar(v) || (isScalarList(v) && (v as Json[]).length <= 6) || (isObj(v) && isObj(v["label"])))
      scalars.push([k, v]);
    else sections.push([k, v]);
  }
  if (scalars.length) {
    parts.push(
      table(
        [lang === "zh" ? "项目" : "field", lang === "zh" ? "值" : "value"],
        scalars.map(([k, v]) => [
          keysAreData ? k : fieldLabel(k, lang),
          cell(v, lang, 100, keysAreData ? undefined : k),
        ]),
      ),
    );
  }
  for (const [k, v] of sections) {
    if (Array.isArray(v) && v.length === 0) {
      parts.push(lang === "zh" ? `${title(k)}：（无）` : `${title(k)}: (none)`);
    } else if (Array.isArray(v)) {
      parts.push(`${title(k)}\n${listTable(v, lang)}`);
    } else {
      const inner = renderOutput(v, lang, title(k), !keysAreFields(v as Obj));
      parts.push(inner.startsWith("|") ? `${title(k)}\n${inner}` : inner);
    }
  }
  return parts.join("\n\n");
}
