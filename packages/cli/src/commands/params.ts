import {
  isSannongError,
  legalDateSchema,
  staleParameters,
  toJson,
  valueAt,
  type Json,
  type Parameter,
} from "@sannong/core";
import type { Registry } from "../scenario/computation";
import { cell } from "../render/result";
import { table } from "../render/table";
import { truncate } from "../internal/width";
import { EXIT, type Io, type Lang } from "./io";
import { usageError } from "./usage";

/** Options of `sannong params`. */
export interface ParamsCommandOptions {
  readonly lang: Lang;
  readonly json: boolean;
  readonly staleBefore?: string;
  readonly asOf?: string;
}

function inForce(
  p: Parameter,
  date: string,
):
  | { value: Json; from: string; until?: string; document: string; article?: string; verified: boolean; note?: string }
  | undefined {
  try {
    const u = valueAt(p, date);
    return {
      value: toJson(u.value),
      from: u.from,
      ...(u.until !== undefined ? { until: u.until } : {}),
      document: u.source.document,
      ...(u.source.article !== undefined ? { article: u.source.article } : {}),
      verified: u.source.verified,
      ...(u.source.note !== undefined ? { note: u.source.note } : {}),
    };
  } catch (e) {
    if (isSannongError(e)) return undefined;
    throw e;
  }
}

/**
 * `sannong params [--stale-before DATE] [--as-of DATE]`: every built-in
 * parameter with the value in force, its effective date, source and whether
 * a person has verified it.
 * @remarks Implements CLI-PARAM-1.
 * @internal
 */
export function paramsCommand(registry: Registry, opts: ParamsCommandOptions, io: Io): number {
  const zh = opts.lang === "zh";
  for (const [flag, v] of [
    ["--stale-before", opts.staleBefore],
    ["--as-of", opts.asOf],
  ] as const) {
    if (v !== undefined && !legalDateSchema.safeParse(v).success) {
      return usageError(
        io,
        opts.lang,
        `${flag} 需要一个日期（YYYY-MM-DD），实际为 “${v}”`,
        `${flag} needs a date (YYYY-MM-DD), got "${v}"`,
      );
    }
  }
  const asOf = opts.asOf ?? io.today();
  let entries = registry.parameters();
  if (opts.staleBefore !== undefined) {
    const stale = new Set(
      staleParameters(
        entries.map((e) => e.parameter),
        opts.staleBefore,
      ).map((s) => s.id),
    );
    entries = entries.filter((e) => stale.has(e.parameter.id));
  }
  const rows = entries.map(({ pkg, parameter: p }) => {
    const v = inForce(p, asOf);
    const last = p.values[p.values.length - 1]!;
    return { pkg, p, v, last };
  });
  if (opts.json) {
    io.out(
      JSON.stringify(
        rows.map(({ pkg, p, v, last }) => ({
          id: p.id,
          package: pkg,
          label: p.label,
          unit: p.unit,
          asOf,
          inForce: v ?? null,
          lastFrom: last.from,
          verified: last.source.verified,
        })),
        null,
        2,
      ),
    );
    return EXIT.OK;
  }
  if (!rows.length) {
    io.out(
      opts.staleBefore !== undefined
        ? zh
          ? `没有最新取值早于 ${opts.staleBefore} 生效的参数。`
          : `No parameter's last value took effect before ${opts.staleBefore}.`
        : zh
          ? "没有内置参数。"
          : "No built-in parameters.",
    );
    return EXIT.OK;
  }
  const headers = zh
    ? ["参数编号", "名称", `取值（${asOf}）`, "单位", "生效日", "来源", "已核实"]
    : ["parameter", "name", `value (${asOf})`, "unit", "in force from", "source", "verified"];
  const body = rows.map(({ p, v, last }) => [
    p.id,
    p.label[opts.lang],
    v
      ? cell(v.value, opts.lang, 40)
      : zh
        ? `（未生效，自 ${p.values[0]!.from} 起）`
        : `(not in force; from ${p.values[0]!.from})`,
    p.unit,
    v ? `${v.from}${v.until ? ` ~ ${v.until}` : ""}` : "—",
    truncate([v?.document ?? last.source.document, v?.article ?? last.source.article].filter(Boolean).join(" "), 48),
    (v?.verified ?? last.source.verified) ? (zh ? "是" : "yes") : zh ? "否" : "no",
  ]);
  io.out(table(headers, body));
  const unverified = rows.filter(({ v, last }) => !(v?.verified ?? last.source.verified)).length;
  const tail = zh
    ? `共 ${rows.length} 个参数，其中 ${unverified} 个尚未由人工对照原文核实（verified: false）。${opts.staleBefore !== undefined ? `以上参数的最新取值均早于 ${opts.staleBefore} 生效，请复核是否仍然适用。` : ""}`
    : `${rows.length} parameters, ${unverified} not yet verified against the document by a person (verified: false).${opts.staleBefore !== undefined ? ` Each one's last value took effect before ${opts.staleBefore}: check that it still applies.` : ""}`;
  io.out(tail);
  return EXIT.OK;
}
