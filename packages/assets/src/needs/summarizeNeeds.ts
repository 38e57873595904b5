import * as z from "zod";
import { parseInput, traceStep, type Label, type TraceNode } from "@sannong/core";
import { RULES } from "../rules";
import { NEED_PURPOSES, type NeedPurpose } from "../parameters";
import { paramsOf, type AssetsOptions } from "../internal/options";
import type { ReadonlyInput } from "../internal/types";
import { CATEGORY_LABELS } from "../revitalization/revitalizationReport";
import {
  assetNeedSchema,
  MAX_PLACE_LEVELS,
  NEED_LEVELS,
  refuseDuplicateIds,
  type NeedLevel,
  type NeedStatus,
} from "./assetNeed";

/** zod schema of {@link summarizeNeeds}'s input: the register and the place depth to group by (default 2: county › township). */
export const summarizeNeedsInputSchema = z
  .strictObject({
    needs: z.array(assetNeedSchema).max(1_000_000),
    placeDepth: z.number().int().min(1).max(MAX_PLACE_LEVELS).optional(),
  })
  .superRefine((d, ctx) => refuseDuplicateIds(d.needs, "needs", { zh: "需求", en: "need" }, ctx));

/** Input of {@link summarizeNeeds}. */
export type SummarizeNeedsInput = ReadonlyInput<z.input<typeof summarizeNeedsInputSchema>>;

/** Counts of one group of needs: all of them and those still open. */
export interface NeedCount {
  readonly needs: number;
  readonly open: number;
}

/** Result of {@link summarizeNeeds}. */
export interface SummarizeNeedsResult {
  readonly total: number;
  /** 状况: how many needs are open, met and withdrawn. */
  readonly byStatus: Readonly<Record<NeedStatus, number>>;
  /** 分级: by the level of the requesting body (county, township, village; empty levels left out). */
  readonly byLevel: readonly (NeedCount & { readonly level: NeedLevel })[];
  /** 类别: by the kind of asset wanted, in code-unit order. */
  readonly byCategory: readonly (NeedCount & { readonly category: string })[];
  /** By use (五个一批 / 四个一批), in the document's order; empty uses left out. */
  readonly byPurpose: readonly (NeedCount & { readonly purpose: NeedPurpose; readonly label: Label })[];
  /** 分布: by the first `placeDepth` levels of the place, in code-unit order of the path. */
  readonly byPlace: readonly (NeedCount & { readonly place: readonly string[] })[];
  readonly trace: TraceNode;
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

function tally<K>(map: Map<K, { needs: number; open: number }>, key: K, open: boolean): void {
  const c = map.get(key) ?? { needs: 0, open: 0 };
  c.needs += 1;
  if (open) c.open += 1;
  map.set(key, c);
}

/**
 * Analyses the asset-needs register (资产需求台账): “分级建立资产需求台账，按资产
 * 需求类别、分布、状况进行数据分析”. Counts the needs, and the open ones, by
 * the level of the requesting body (分级), by the kind of asset wanted (类别),
 * by use (五个一批 / 四个一批), by place (分布, grouped by the first
 * `placeDepth` levels) and by state (状况) — the figures of the 资产需求综合分析报告.
 * Every group is listed in a fixed order, so the same register gives the same
 * report whatever the order of its entries.
 *
 * @param input - `{ needs, placeDepth? }`
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns the counts by status, level, category, purpose and place, and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a malformed entry, a duplicate id or an unknown key
 * @example
 * ```ts
 * import { summarizeNeeds } from "@sannong/assets";
 * const r = summarizeNeeds({ needs: [
 *   { id: "N-1", requester: "东镇人民政府", level: "township", place: ["清河县", "东镇"], category: "办公用房", purpose: "office-use", registeredOn: "2021-05-10" },
 *   { id: "N-2", requester: "西村村委会", level: "village", place: ["清河县", "东镇", "西村"], category: "仓储用房", purpose: "collective-economy", registeredOn: "2021-05-01", status: "met" },
 * ] });
 * [r.total, r.byStatus.open, r.byPlace]; // → [2, 1, [{ place: ["清河县", "东镇"], needs: 2, open: 1 }]]
 * ```
 * @remarks Implements ASSET-NEED-1 (《盘活用好镇村公有资产工作方案》 §二(三)).
 */
export function summarizeNeeds(input: SummarizeNeedsInput, options?: AssetsOptions): SummarizeNeedsResult {
  const d = parseInput(summarizeNeedsInputSchema, input, "summarizeNeeds");
  paramsOf(options, "summarizeNeeds");
  const depth = d.placeDepth ?? 2;
  const byStatus: Record<NeedStatus, number> = { open: 0, met: 0, withdrawn: 0 };
  const levels = new Map<NeedLevel, { needs: number; open: number }>();
  const categories = new Map<string, { needs: number; open: number }>();
  const purposes = new Map<NeedPurpose, { needs: number; open: number }>();
  const places = new Map<string, { needs: number; open: number }>();
  const paths = new Map<string, readonly string[]>();
  for (const n of d.needs) {
    const status = n.status ?? "open";
    const open = status === "open";
    byStatus[status] += 1;
    tally(levels, n.level, open);
    tally(categories, n.category, open);
    tally(purposes, n.purpose, open);
    const path = n.place.slice(0, depth);
    const key = path.join("\u0000");
    paths.set(key, path);
    tally(places, key, open);
  }
  const count = (c: { needs: number; open: number }): NeedCount => ({ needs: c.needs, open: c.open });
  const byLevel = NEED_LEVELS.filter((l) => levels.has(l)).map((level) =>
    Object.freeze({ level, ...count(levels.get(level)!) }),
  );
  const byCategory = [...categories.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((category) => Object.freeze({ category, ...count(categories.get(category)!) }));
  const byPurpose = NEED_PURPOSES.filter((p) => purposes.has(p)).map((purpose) =>
    Object.freeze({ purpose, label: CATEGORY_LABELS[purpose], ...count(purposes.get(purpose)!) }),
  );
  const byPlace = [...paths.entries()]
    .sort(([, a], [, b]) => comparePaths(a, b))
    .map(([key, place]) => Object.freeze({ place: Object.freeze([...place]), ...count(places.get(key)!) }));
  return Object.freeze({
    total: d.needs.length,
    byStatus: Object.freeze(byStatus),
    byLevel: Object.freeze(byLevel),
    byCategory: Object.freeze(byCategory),
    byPurpose: Object.freeze(byPurpose),
    byPlace: Object.freeze(byPlace),
    trace: traceStep(RULES["ASSET-NEED-1"], {
      inputs: { needs: d.needs.length, placeDepth: depth },
      output: { byStatus, levels: byLevel.length, categories: byCategory.length, places: byPlace.length },
      note: {
        zh: "按需求类别、分布（地区前若干级）、状况和用途分级统计资产需求",
        en: "needs counted by category, place (leading levels), state and use, per level",
      },
    }),
  });
}
