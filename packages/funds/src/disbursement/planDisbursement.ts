import * as z from "zod";
import {
  addIssue,
  allocate,
  compareDates,
  compareFractions,
  fraction,
  fractionFromDecimal,
  fractionSchema,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  unitSchema,
  type Fraction,
  type Label,
  type LegalDate,
  type Money,
  type MoneyInput,
  type ParameterSet,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { paramsOf, readParam, requireMultiple, unitFen, ONLY_WHEN_VALID } from "../internal/common";
import { lcm } from "../internal/exact";
import { showFraction } from "../internal/format";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";

/** A ratio in [0, 1] given as a decimal or `"n/d"`, parsed to an exact fraction. */
export const ratioFractionSchema = fractionSchema.superRefine((f, ctx) => {
  if (f.num < 0n || f.num > f.den)
    addIssue(ctx, "比例必须在 0 到 1 之间", "the ratio must be between 0 and 1", [], "out_of_range");
});

/** A retention (质保金): a share of the amount held until a date. */
export const retentionSchema = z.strictObject({ ratio: ratioFractionSchema.optional(), until: legalDateSchema });

/** The zod schema of {@link planDisbursement}'s input. */
export const planDisbursementInputSchema = z
  .strictObject({
    approved: nonNegativeMoneySchema,
    unit: unitSchema.optional(),
    date: legalDateSchema,
    advanceRatio: ratioFractionSchema.optional(),
    progressPaymentRatio: ratioFractionSchema.optional(),
    milestones: z.array(z.strictObject({ id: idSchema, progress: ratioFractionSchema })).max(100),
    retention: retentionSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.milestones.forEach((m, i) => {
      if (ids.has(m.id))
        addIssue(ctx, `重复的节点 “${m.id}”`, `duplicate milestone "${m.id}"`, ["milestones", i, "id"], "duplicate_id");
      ids.add(m.id);
      if (m.progress.num === 0n)
        addIssue(
          ctx,
          "节点完成比例必须大于零",
          "a milestone's progress must be greater than zero",
          ["milestones", i, "progress"],
          "out_of_range",
        );
      const prev = d.milestones[i - 1];
      if (prev && compareFractions(m.progress, prev.progress) <= 0)
        addIssue(
          ctx,
          "节点完成比例必须逐个递增",
          "milestone progress must increase from one milestone to the next",
          ["milestones", i, "progress"],
          "not_increasing",
        );
    });
    if (d.retention && compareDates(d.retention.until, d.date) < 0)
      addIssue(
        ctx,
        "质保金到期日早于批复日",
        "the retention ends before the approval date",
        ["retention", "until"],
        "out_of_range",
      );
  }, ONLY_WHEN_VALID);

/** The input of {@link planDisbursement}. */
export interface PlanDisbursementInput {
  /** The approved amount (批复金额). */
  readonly approved: MoneyInput;
  /** Rounding unit in 元 (default `"0.01"`); the approved amount must be a multiple. */
  readonly unit?: string;
  /** The approval date, used to read parameters. */
  readonly date: LegalDate;
  /** Share paid in advance (预拨); `1` pays all in advance ([param] `funds.pay.advanceRatio`). */
  readonly advanceRatio?: number | string;
  /** Share of the value of completed work paid at each milestone (按进度拨款) ([param] `funds.pay.progressPaymentRatio`). */
  readonly progressPaymentRatio?: number | string;
  /** Progress milestones: cumulative share of the work completed, increasing. */
  readonly milestones: readonly { readonly id: string; readonly progress: number | string }[];
  /** Retention (质保金) held after settlement until a date; its ratio defaults to [param] `funds.pay.retentionRatio`. */
  readonly retention?: { readonly ratio?: number | string; readonly until: LegalDate };
}

/** Kind of a tranche of a payment plan. */
export type TrancheKind = "advance" | "progress" | "settlement" | "retention";

/** One tranche of a payment plan. */
export interface Tranche {
  readonly kind: TrancheKind;
  /** The milestone of a progress payment. */
  readonly milestone?: string;
  /** Cumulative share of the approved amount paid once this tranche is paid (exact, as text). */
  readonly cumulativeRatio: string;
  readonly amount: Money;
  readonly cumulative: Money;
  /** When it is paid. */
  readonly when: Label;
  /** Release date of the retention. */
  readonly releaseOn?: LegalDate;
}

/** The result of {@link planDisbursement}. */
export interface PlanDisbursementResult {
  readonly tranches: readonly Tranche[];
  readonly trace: TraceNode;
}

/** Reads a ratio given in the input or, failing that, its parameter. @internal */
export function ratioOrParam(
  given: Fraction | undefined,
  set: ParameterSet,
  id: string,
  date: LegalDate,
  uses: ParameterUse[],
): Fraction {
  return given ?? fractionFromDecimal(readParam<string>(set, id, date, uses));
}

/** Weights over a common denominator for exact fractions (non-negative). @internal */
export function fractionWeights(fs: readonly Fraction[]): bigint[] {
  let L = 1n;
  for (const f of fs) L = lcm(L, f.den);
  return fs.map((f) => (f.num * L) / f.den);
}

const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den - b.num * a.den, a.den * b.den);
const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den);
const max = (a: Fraction, b: Fraction): Fraction => (compareFractions(a, b) >= 0 ? a : b);

/**
 * A payment plan for an approved project (资金支付计划): an advance (预拨,
 * a share or all of the approved amount), progress payments at milestones
 * (按进度拨款: cumulative payments reach progress × the progress payment
 * ratio, never less than the advance), settlement after completion and
 * acceptance (完工验收后结算) up to the approved amount less any retention,
 * and the retention (质保金) released at its date. The approved amount is
 * split over the tranches by core `allocate`, so the tranches add up to it
 * exactly and cumulative payments never exceed it. The retention is split
 * off first, the way `settleDisbursement` splits it off the final amount, so
 * when the accepted cost reaches the approved amount the retention held at
 * settlement is the plan's retention tranche to the fen.
 *
 * @param input - see {@link PlanDisbursementInput}
 * @param options - `parameters`: the parameter set (default `fundsParameterSet`)
 * @returns the tranches in payment order with cumulative amounts
 * @throws {@link ValidationError} `INVALID_INPUT` (progress not increasing, ratios outside [0, 1], a retention ending before the approval);
 *   {@link PolicyError} `PROGRESS_EXCEEDS_PAYABLE` (the advance or a milestone would pay into the retention), `TOTAL_NOT_MULTIPLE_OF_UNIT`
 * @example
 * ```ts
 * import { planDisbursement } from "@sannong/funds";
 * const r = planDisbursement({
 *   approved: "500000.00", date: "2024-03-01",
 *   advanceRatio: "0.3", progressPaymentRatio: "0.8",
 *   milestones: [{ id: "主体完成一半", progress: "0.5" }, { id: "主体完工", progress: "1" }],
 *   retention: { ratio: "0.03", until: "2026-06-30" },
 * });
 * r.tranches.map((t) => [t.kind, String(t.amount)]); // → [["advance","150000.00"], ["progress","50000.00"], ["progress","200000.00"], ["settlement","85000.00"], ["retention","15000.00"]]
 * ```
 * @remarks Implements FUNDS-PAY-1 (004 §二(三)3).
 */
export function planDisbursement(input: PlanDisbursementInput, options?: FundsOptions): PlanDisbursementResult {
  const data = parseInput(planDisbursementInputSchema, input, "planDisbursement");
  const set = paramsOf(options, "planDisbursement");
  const uses: ParameterUse[] = [];
  const uFen = unitFen(data.unit);
  requireMultiple(data.approved, uFen, data.unit, ["approved"]);
  const a = ratioOrParam(data.advanceRatio, set, "funds.pay.advanceRatio", data.date, uses);
  const r = data.milestones.length
    ? ratioOrParam(data.progressPaymentRatio, set, "funds.pay.progressPaymentRatio", data.date, uses)
    : fraction(0n);
  const rho = data.retention
    ? ratioOrParam(data.retention.ratio, set, "funds.pay.retentionRatio", data.date, uses)
    : fraction(0n);
  const limit = sub(fraction(1n), rho);
  if (compareFractions(a, limit) > 0)
    fail("PROGRESS_EXCEEDS_PAYABLE", { milestone: "advance", ratio: showFraction(a), limit: showFraction(limit) }, [
      "advanceRatio",
    ]);

  const steps: { kind: TrancheKind; milestone?: string; cum: Fraction; when: Label; releaseOn?: LegalDate }[] = [
    { kind: "advance", cum: a, when: { zh: "批复后预拨", en: "in advance, after approval" } },
  ];
  data.milestones.forEach((m, i) => {
    const t = max(steps[steps.length - 1]!.cum, mul(m.progress, r));
    if (compareFractions(t, limit) > 0)
      fail("PROGRESS_EXCEEDS_PAYABLE", { milestone: m.id, ratio: showFraction(t), limit: showFraction(limit) }, [
        "milestones",
        i,
      ]);
    steps.push({
      kind: "progress",
      milestone: m.id,
      cum: t,
      when: {
        zh: `节点“${m.id}”完成（累计完成 ${showFraction(m.progress)}）后拨付`,
        en: `when milestone "${m.id}" is reached (${showFraction(m.progress)} of the work done)`,
      },
    });
  });
  steps.push({
    kind: "settlement",
    cum: limit,
    when: { zh: "主体工程完工验收后结算", en: "on settlement after completion and acceptance" },
  });
  if (data.retention)
    steps.push({
      kind: "retention",
      cum: fraction(1n),
      when: { zh: `质保金，${data.retention.until} 到期后支付`, en: `retention, paid after ${data.retention.until}` },
      releaseOn: data.retention.until,
    });

  const increments = steps.map((s, i) => (i === 0 ? s.cum : sub(s.cum, steps[i - 1]!.cum)));
  const unit = { unit: data.unit ?? "0.01" };
  // The retention is split off the approved amount first, as settleDisbursement splits it off the
  // final amount ([payable, retention], a tie to the payable part), so the plan's retention tranche is
  // the retention held at settlement to the fen; the payable part is then split over the other tranches.
  let parts: Money[];
  if (data.retention) {
    const [payable, held] = allocate(data.approved, fractionWeights([limit, rho]), unit) as [Money, Money];
    parts = [...allocate(payable, fractionWeights(increments.slice(0, -1)), unit), held];
  } else parts = allocate(data.approved, fractionWeights(increments), unit);
  let cum = 0n;
  const tranches: Tranche[] = steps.map((s, i) => {
    cum += parts[i]!.fen;
    return {
      kind: s.kind,
      ...(s.milestone !== undefined ? { milestone: s.milestone } : {}),
      cumulativeRatio: showFraction(s.cum),
      amount: parts[i]!,
      cumulative: moneyFromFen(cum),
      when: s.when,
      ...(s.releaseOn !== undefined ? { releaseOn: s.releaseOn } : {}),
    };
  });
  const trace = traceStep(RULES["FUNDS-PAY-1"], {
    inputs: {
      approved: data.approved,
      advanceRatio: showFraction(a),
      progressPaymentRatio: showFraction(r),
      retentionRatio: showFraction(rho),
      milestones: data.milestones.map((m) => ({ id: m.id, progress: showFraction(m.progress) })),
    },
    parameters: uses,
    output: tranches.map((t) => ({ kind: t.kind, amount: t.amount, cumulative: t.cumulative })),
    note: {
      zh: "预拨 → 按进度拨款（累计 = 完成比例 × 进度款比例，不低于预拨） → 完工验收后结算（至批复额扣除质保金） → 质保金到期支付；各笔由批复额精确分配",
      en: "advance → progress payments (cumulative = progress × progress ratio, never below the advance) → settlement after acceptance (up to approved less retention) → retention at its date; the tranches split the approved amount exactly",
    },
  });
  return { tranches, trace };
}
