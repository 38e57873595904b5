import * as z from "zod";
import {
  addIssue,
  formatFraction,
  fraction,
  fractionFromDecimal,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  paramAt,
  parseInput,
  traceStep,
  type Fraction,
  type Label,
  type Money,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { RULES } from "../rules";
import { PARAM } from "../parameters";
import { paramsOf, type AssetsOptions } from "../internal/options";
import type { ReadonlyInput } from "../internal/types";

/** What is compared between merging villages. */
export const MERGER_MEASURES = /*#__PURE__*/ deepFreeze([
  "net-assets-per-member",
  "assets-per-member",
  "debts-per-member",
] as const);
/** What is compared between merging villages. */
export type MergerMeasure = (typeof MERGER_MEASURES)[number];

/** zod schema of {@link planVillageMerger}'s input. */
export const planVillageMergerInputSchema = z
  .strictObject({
    asOf: legalDateSchema,
    villages: z
      .array(
        z.strictObject({
          id: idSchema,
          name: z.string().trim().min(1).max(200).optional(),
          assets: nonNegativeMoneySchema,
          debts: nonNegativeMoneySchema,
          members: z.number().int().min(1).max(10_000_000),
        }),
      )
      .min(2)
      .max(100),
    /** Default `net-assets-per-member` (集体净资产 ÷ 成员数). */
    measure: z.enum(MERGER_MEASURES).optional(),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.villages.forEach((v, i) => {
      if (seen.has(v.id))
        addIssue(ctx, `村标识 “${v.id}” 重复`, `duplicate village id "${v.id}"`, ["villages", i, "id"], "duplicate_id");
      seen.add(v.id);
    });
  });

/** Input of {@link planVillageMerger}. */
export type PlanVillageMergerInput = ReadonlyInput<z.input<typeof planVillageMergerInputSchema>>;

/** One village's figures. */
export interface MergerVillageFigures {
  readonly id: string;
  readonly assets: Money;
  readonly debts: Money;
  /** assets − debts (may be negative). */
  readonly netAssets: Money;
  readonly members: number;
  /** The measure per member in 元, two decimals (display). */
  readonly perMember: string;
  /** The measure per member in 元, exact `"num/den"`. */
  readonly perMemberExact: string;
}

/** Result of {@link planVillageMerger}. */
export interface PlanVillageMergerResult {
  /** `direct`: 直接移交、统一管理; `classified`: 明确归属后分类划入合并村. */
  readonly mode: "direct" | "classified";
  readonly figures: {
    readonly measure: MergerMeasure;
    readonly villages: readonly MergerVillageFigures[];
    /** Highest and lowest per-member figure, 元 (display). */
    readonly max: string;
    readonly min: string;
    /** (max − min) ÷ max, exact `"num/den"` (absent when max ≤ 0). */
    readonly difference?: string;
    /** The same as a 4-decimal ratio (display). */
    readonly differenceRatio?: string;
    readonly threshold: string;
  };
  readonly reason: Label;
  /** What to do, in order. */
  readonly steps: readonly Label[];
  readonly rule: "ASSET-MERGE-1";
  readonly trace: TraceNode;
}

function show(f: Fraction, places: number): string {
  // half-up display of a fraction (sign aware)
  const neg = f.num < 0n;
  const n = neg ? -f.num : f.num;
  const scale = 10n ** BigInt(places);
  const q = (2n * n * scale + f.den) / (2n * f.den);
  const s = q.toString().padStart(places + 1, "0");
  return `${neg && q !== 0n ? "-" : ""}${s.slice(0, -places)}.${s.slice(-places)}`;
}

const cmp = (a: Fraction, b: Fraction): number => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};

/**
 * Decides how the collective assets and debts of merging villages are
 * transferred (撤并村集体资产和债权债务移交): compare the villages — by default
 * net assets (assets − debts) per member — as (max − min) ÷ max; when that is
 * at most the threshold (parameter `assets.merger.differenceThreshold`,
 * `verified: false`), the difference is small: transfer directly and manage
 * together; otherwise, or when the largest figure is not positive, first
 * clarify ownership, then allocate by category into the merged village with
 * separate accounts for the original members' operating assets and debts.
 * Everything is exact (fractions); the displayed figures are rounded half-up.
 *
 * @param input - asOf, villages (assets, debts, members), measure?
 * @param options - `{ parameters? }`: the threshold
 * @returns mode, figures, reason, steps and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for fewer than two villages, zero members, negative amounts, duplicate ids, unknown keys
 * @example
 * ```ts
 * import { planVillageMerger } from "@sannong/assets";
 * const r = planVillageMerger({ asOf: "2021-04-01", villages: [
 *   { id: "甲村", assets: "1200000.00", debts: "200000.00", members: 1000 },
 *   { id: "乙村", assets: "900000.00", debts: "0.00", members: 1000 },
 * ] });
 * [r.mode, r.figures.difference, r.figures.max, r.figures.min]; // → ["direct", "1/10", "1000.00", "900.00"]
 * ```
 * @remarks Implements ASSET-MERGE-1 (《盘活用好镇村公有资产工作方案》 §二(二)).
 */
export function planVillageMerger(input: PlanVillageMergerInput, options?: AssetsOptions): PlanVillageMergerResult {
  const d = parseInput(planVillageMergerInputSchema, input, "planVillageMerger");
  const set = paramsOf(options, "planVillageMerger");
  const thresholdUse = paramAt<string>(set, PARAM.mergerThreshold, d.asOf);
  const threshold = fractionFromDecimal(thresholdUse.value);
  const measure: MergerMeasure = d.measure ?? "net-assets-per-member";
  const rows = d.villages.map((v) => {
    const assets = v.assets as Money;
    const debts = v.debts as Money;
    const net = assets.fen - debts.fen;
    const base = measure === "net-assets-per-member" ? net : measure === "assets-per-member" ? assets.fen : debts.fen;
    const per = fraction(base, 100n * BigInt(v.members));
    return { v, assets, debts, net, per };
  });
  let max = rows[0]!.per;
  let min = rows[0]!.per;
  for (const r of rows) {
    if (cmp(r.per, max) > 0) max = r.per;
    if (cmp(r.per, min) < 0) min = r.per;
  }
  let difference: Fraction | undefined;
  let mode: "direct" | "classified";
  let reason: Label;
  if (max.num <= 0n) {
    if (measure === "debts-per-member") {
      difference = fraction(0n, 1n);
      mode = "direct";
      reason = { zh: "各村均无债务，债务状况无差异", en: "no village has debts: no difference" };
    } else {
      mode = "classified";
      reason = {
        zh: "最高的人均数不为正，无法按比例比较，须先明确归属再分类划入",
        en: "the highest per-member figure is not positive, so no ratio can be formed: clarify ownership, then allocate by category",
      };
    }
  } else {
    // (max − min) / max
    difference = fraction(max.num * min.den - min.num * max.den, max.den * min.den);
    difference = fraction(difference.num * max.den, difference.den * max.num);
    if (cmp(difference, threshold) <= 0) {
      mode = "direct";
      reason = {
        zh: `差异率 ${show(difference, 4)} 不超过阈值 ${thresholdUse.value}，资产和债权债务状况相差不大`,
        en: `the difference ${show(difference, 4)} is within the threshold ${thresholdUse.value}: the villages differ little`,
      };
    } else {
      mode = "classified";
      reason = {
        zh: `差异率 ${show(difference, 4)} 超过阈值 ${thresholdUse.value}，资产和债权债务状况差异较大`,
        en: `the difference ${show(difference, 4)} exceeds the threshold ${thresholdUse.value}: the villages differ widely`,
      };
    }
  }
  const steps: Label[] =
    mode === "direct"
      ? [
          { zh: "直接移交", en: "transfer directly" },
          {
            zh: "纳入合并村集体经济组织统一承接、维护、管理和经营",
            en: "manage together in the merged village's collective economic organisation",
          },
        ]
      : [
          { zh: "明确资产和债权债务归属", en: "clarify the ownership of assets and debts" },
          { zh: "分类划入合并村", en: "allocate by category into the merged village" },
          {
            zh: "原村成员的经营性资产和债务单独建账、独立核算",
            en: "keep separate accounts for the original members' operating assets and debts",
          },
        ];
  const villages = rows.map((r) =>
    Object.freeze({
      id: r.v.id,
      assets: r.assets,
      debts: r.debts,
      netAssets: moneyFromFen(r.net),
      members: r.v.members,
      perMember: show(r.per, 2),
      perMemberExact: formatFraction(r.per),
    }),
  );
  const figures = Object.freeze({
    measure,
    villages: Object.freeze(villages),
    max: show(max, 2),
    min: show(min, 2),
    ...(difference ? { difference: formatFraction(difference), differenceRatio: show(difference, 4) } : {}),
    threshold: thresholdUse.value,
  });
  return Object.freeze({
    mode,
    figures,
    reason: Object.freeze(reason),
    steps: Object.freeze(steps.map((s) => Object.freeze(s))),
    rule: "ASSET-MERGE-1" as const,
    trace: traceStep(RULES["ASSET-MERGE-1"], {
      inputs: { measure, villages: villages.map((v) => `${v.id}: ${v.perMember}`) },
      parameters: [thresholdUse],
      output: { mode, difference: difference ? formatFraction(difference) : null },
      note: reason,
    }),
  });
}
