import * as z from "zod";
import { deepFreeze, legalDateSchema, paramAt, parseInput, traceStep, type Label, type TraceNode } from "@sannong/core";
import { RULES } from "../rules";
import { PARAM, type NeedPurpose } from "../parameters";
import { paramsOf, type AssetsOptions } from "../internal/options";
import type { ReadonlyInput } from "../internal/types";
import { assetNeedSchema, idleAssetSchema, MAX_PLACE_LEVELS, refuseDuplicateIds } from "./assetNeed";

/**
 * zod schema of {@link matchIdleAssets}'s input: the date of the matching
 * round, the needs (the register), the idle assets, and how many leading
 * place levels a need and an asset must share at least (default 0: anywhere,
 * “跨区域”; 1: the same county; 2: the same township …).
 */
export const matchIdleAssetsInputSchema = z
  .strictObject({
    asOf: legalDateSchema,
    needs: z.array(assetNeedSchema).max(1_000_000),
    assets: z.array(idleAssetSchema).max(1_000_000),
    minSharedLevels: z.number().int().min(0).max(MAX_PLACE_LEVELS).optional(),
  })
  .superRefine((d, ctx) => {
    refuseDuplicateIds(d.needs, "needs", { zh: "需求", en: "need" }, ctx);
    refuseDuplicateIds(d.assets, "assets", { zh: "闲置资产", en: "asset" }, ctx);
  });

/** Input of {@link matchIdleAssets}. */
export type MatchIdleAssetsInput = ReadonlyInput<z.input<typeof matchIdleAssetsInputSchema>>;

/** One need served by one idle asset. */
export interface NeedMatch {
  readonly need: string;
  readonly asset: string;
  readonly category: string;
  readonly purpose: NeedPurpose;
  /** The need's priority tier (1 = served first), from the parameter `assets.needs.purposePriority`. */
  readonly tier: number;
  /** The leading place levels the need and the asset share (就近就地: the more, the nearer). */
  readonly sharedLevels: number;
  readonly sharedPlace: readonly string[];
}

/** Why a need got no asset. */
export type UnmatchedReason = "no-asset-of-category" | "out-of-reach" | "taken";

/** A need left without an asset, and why. */
export interface UnmatchedNeed {
  readonly id: string;
  readonly tier: number;
  readonly reason: UnmatchedReason;
  readonly label: Label;
}

/** Result of {@link matchIdleAssets}. */
export interface MatchIdleAssetsResult {
  readonly asOf: string;
  /** In the order the needs were served. */
  readonly matches: readonly NeedMatch[];
  /** Open needs left without an asset, in the order they were considered. */
  readonly unmatchedNeeds: readonly UnmatchedNeed[];
  /** Ids of the idle assets no need took (left for the other 一批: industry, market disposal …), in code-unit order. */
  readonly unmatchedAssets: readonly string[];
  /** Ids of the needs not considered: met, withdrawn, or registered after `asOf`. */
  readonly skipped: readonly string[];
  readonly trace: TraceNode;
}

type Need = z.output<typeof assetNeedSchema>;
type Asset = z.output<typeof idleAssetSchema>;

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const SEP = "\u0000";
const keyOf = (place: readonly string[], depth: number): string => `${depth}${SEP}${place.slice(0, depth).join(SEP)}`;

/** The idle assets of one category, indexed by every leading part of their place; each list in id order. */
interface Bucket {
  readonly ids: readonly Asset[];
  pos: number;
}

function index(assets: readonly Asset[]): Map<string, Map<string, Bucket>> {
  const byCategory = new Map<string, Map<string, Asset[]>>();
  for (const a of [...assets].sort(byId)) {
    let buckets = byCategory.get(a.category);
    if (!buckets) {
      buckets = new Map();
      byCategory.set(a.category, buckets);
    }
    for (let depth = 0; depth <= a.place.length; depth++) {
      const k = keyOf(a.place, depth);
      const list = buckets.get(k);
      if (list) list.push(a);
      else buckets.set(k, [a]);
    }
  }
  const out = new Map<string, Map<string, Bucket>>();
  for (const [c, buckets] of byCategory) {
    const m = new Map<string, Bucket>();
    for (const [k, ids] of buckets) m.set(k, { ids, pos: 0 });
    out.set(c, m);
  }
  return out;
}

const REASONS: Readonly<Record<UnmatchedReason, Label>> = /*#__PURE__*/ deepFreeze({
  "no-asset-of-category": { zh: "没有该类别的闲置资产", en: "no idle asset of that category" },
  "out-of-reach": { zh: "该类别的闲置资产都不在调剂范围内", en: "no idle asset of that category within reach" },
  taken: {
    zh: "该类别范围内的闲置资产已调剂给更优先的需求",
    en: "the idle assets of that category within reach went to needs served earlier",
  },
});

/**
 * Matches idle assets to the needs of the register (调剂匹配): “实现资产调剂匹配
 * 跨行业、跨区域、跨部门互通互联、共享共用”, office needs first (“优先保障镇村办公
 * 用房、乡镇干部周转用房需要”), the nearest asset first (“就近就地”). The rule,
 * deterministic and independent of the order of the input:
 *
 * 1. Only open needs registered on or before `asOf` are considered.
 * 2. They are served one at a time in the order: priority tier of their use
 *    (parameter `assets.needs.purposePriority`: office use; then public
 *    welfare and convenience services; then the rest), then the date
 *    registered (earlier first), then the need's id (code-unit order).
 * 3. A need can take an idle asset not yet taken whose category is exactly
 *    its category and whose place shares at least `minSharedLevels` leading
 *    levels with its place.
 * 4. Of those, it takes the one sharing the most leading levels (the
 *    nearest); a tie goes to the smallest asset id (code-unit order).
 * 5. One asset serves one need, and a need gets one asset.
 *
 * Priority comes before proximity: an office need takes the nearest idle
 * office building even when a public-welfare need stands next to it. An
 * unmatched need says why (no asset of its category, none within reach, or
 * all taken by needs served earlier); the assets left over are listed for the
 * other 一批 (industry, market disposal …).
 *
 * @param input - asOf, needs, assets, minSharedLevels?
 * @param options - `{ parameters? }`: the priority tiers, read on `asOf`
 * @returns the matches in serving order, the needs and assets left over, and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a malformed need or asset, a duplicate id, an unknown key
 * @example
 * ```ts
 * import { matchIdleAssets } from "@sannong/assets";
 * const r = matchIdleAssets({
 *   asOf: "2021-06-30",
 *   assets: [
 *     { id: "A-1", category: "办公用房", place: ["清河县", "东镇", "西村"] },
 *     { id: "A-2", category: "办公用房", place: ["清河县", "南镇"] },
 *   ],
 *   needs: [
 *     { id: "N-1", requester: "南镇中村", level: "village", place: ["清河县", "南镇", "中村"], category: "办公用房", purpose: "public-welfare-use", registeredOn: "2021-05-02" },
 *     { id: "N-2", requester: "东镇人民政府", level: "township", place: ["清河县", "东镇"], category: "办公用房", purpose: "office-use", registeredOn: "2021-05-10" },
 *   ],
 * });
 * // the office need is served first and takes the nearer A-1 (2 levels shared); the public-welfare need gets A-2
 * r.matches.map((m) => [m.need, m.asset, m.sharedLevels]); // → [["N-2", "A-1", 2], ["N-1", "A-2", 2]]
 * ```
 * @remarks Implements ASSET-NEED-2 (《盘活用好镇村公有资产工作方案》 §二(四)).
 */
export function matchIdleAssets(input: MatchIdleAssetsInput, options?: AssetsOptions): MatchIdleAssetsResult {
  const d = parseInput(matchIdleAssetsInputSchema, input, "matchIdleAssets");
  const set = paramsOf(options, "matchIdleAssets");
  const priority = paramAt<readonly (readonly NeedPurpose[])[]>(set, PARAM.purposePriority, d.asOf);
  const tierOf = new Map<NeedPurpose, number>();
  priority.value.forEach((tier, i) => {
    for (const p of tier) tierOf.set(p, i + 1);
  });
  const minShared = d.minSharedLevels ?? 0;
  const considered: (Need & { tier: number })[] = [];
  const skipped: string[] = [];
  for (const n of d.needs) {
    if ((n.status ?? "open") !== "open" || n.registeredOn > d.asOf) skipped.push(n.id);
    else considered.push({ ...n, tier: tierOf.get(n.purpose)! });
  }
  considered.sort(
    (a, b) =>
      a.tier - b.tier || (a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : 0) || byId(a, b),
  );
  const buckets = index(d.assets);
  const taken = new Set<string>();
  const matches: NeedMatch[] = [];
  const unmatched: UnmatchedNeed[] = [];
  for (const n of considered) {
    const mine = buckets.get(n.category);
    let found: { asset: Asset; depth: number } | undefined;
    if (mine) {
      for (let depth = n.place.length; depth >= minShared && !found; depth--) {
        const b = mine.get(keyOf(n.place, depth));
        if (!b) continue;
        while (b.pos < b.ids.length && taken.has(b.ids[b.pos]!.id)) b.pos += 1;
        if (b.pos < b.ids.length) found = { asset: b.ids[b.pos]!, depth };
      }
    }
    if (found) {
      taken.add(found.asset.id);
      matches.push(
        Object.freeze({
          need: n.id,
          asset: found.asset.id,
          category: n.category,
          purpose: n.purpose,
          tier: n.tier,
          sharedLevels: found.depth,
          sharedPlace: Object.freeze(n.place.slice(0, found.depth)),
        }),
      );
    } else {
      const reason: UnmatchedReason = !mine
        ? "no-asset-of-category"
        : minShared > n.place.length || !mine.has(keyOf(n.place, minShared))
          ? "out-of-reach"
          : "taken";
      unmatched.push(Object.freeze({ id: n.id, tier: n.tier, reason, label: REASONS[reason] }));
    }
  }
  const unmatchedAssets = d.assets
    .map((a) => a.id)
    .filter((id) => !taken.has(id))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  skipped.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.freeze({
    asOf: d.asOf,
    matches: Object.freeze(matches),
    unmatchedNeeds: Object.freeze(unmatched),
    unmatchedAssets: Object.freeze(unmatchedAssets),
    skipped: Object.freeze(skipped),
    trace: traceStep(RULES["ASSET-NEED-2"], {
      inputs: { asOf: d.asOf, needs: d.needs.length, assets: d.assets.length, minSharedLevels: minShared },
      parameters: [priority],
      output: { matched: matches.length, unmatchedNeeds: unmatched.length, unmatchedAssets: unmatchedAssets.length },
      note: {
        zh: "按用途优先档次、登记日期、需求标识依次调剂；同类别、范围内、就近（共同的地区级数最多）者优先，同等时取资产标识最小者",
        en: "needs served by priority tier, date registered and id; each takes an untaken asset of its category within reach, the nearest (most leading place levels shared) first, ties to the smallest asset id",
      },
    }),
  });
}
