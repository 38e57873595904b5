import * as z from "zod";
import {
  addFractions,
  addIssue,
  compareFractions,
  fraction,
  fractionFromDecimal,
  fractionToDecimalString,
  formatFraction,
  idSchema,
  legalDateSchema,
  multiplyFractions,
  nonNegativeDecimalSchema,
  parseInput,
  positiveDecimalSchema,
  refineUniqueIds,
  traceStep,
  type Fraction,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { paramOn, parametersOf, type MigrantsOptions } from "../internal/options";
import { compareCodeUnits } from "../internal/select";
import type { GradeBand } from "../parameters";
import { RULES } from "../rules";

/** One indicator (绩效指标): its weight, its score and the most it can score (default 100). */
export const performanceIndicatorSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1).max(200).optional(),
  weight: nonNegativeDecimalSchema,
  score: nonNegativeDecimalSchema,
  maxScore: positiveDecimalSchema.optional(),
});

/**
 * Input of {@link evaluatePerformance}: the unit evaluated, the indicators
 * (unique ids, weights adding up to 1 unless `normalize`), and the date whose
 * grade bands apply (latest when absent).
 */
export const evaluatePerformanceInputSchema = z.strictObject({
  unit: idSchema,
  indicators: z
    .array(performanceIndicatorSchema)
    .min(1)
    .max(1000)
    .superRefine((is, ctx) => {
      refineUniqueIds(ctx, is);
      is.forEach((it, i) => {
        const max = it.maxScore ?? 100;
        if (it.score.gt(max))
          addIssue(
            ctx,
            `得分 ${it.score.toFixed()} 超过满分 ${String(max)}`,
            `score ${it.score.toFixed()} exceeds the maximum ${String(max)}`,
            [i, "score"],
            "too_big",
          );
      });
    }),
  normalize: z.boolean().optional(),
  date: legalDateSchema.optional(),
});

/** Input of {@link evaluatePerformance}. */
export type EvaluatePerformanceInput = z.input<typeof evaluatePerformanceInputSchema>;

/** An indicator that pulled the total down. */
export interface PullingDownIndicator {
  readonly id: string;
  readonly label?: string;
  /** The indicator's own score on the 100-point scale (2 decimals, half-up). */
  readonly score100: string;
  /** Points of the total lost on it: weight × (100 − score100), 2 decimals half-up. */
  readonly pointsLost: string;
}

/** Result of {@link evaluatePerformance}. */
export interface EvaluatePerformanceResult {
  readonly unit: string;
  /** Exact total on the 100-point scale, `"num/den"`. */
  readonly totalExact: string;
  /** The total, 2 decimals half-up (for reading; the grade uses the exact total). */
  readonly total: string;
  readonly grade: GradeBand;
  /** Indicators scoring below the total, most points lost first (then by id). */
  readonly pulledDown: readonly PullingDownIndicator[];
  /**
   * The total as a decimal string for the performance factor of funds
   * `allocateByFactors` (FUNDS-FACTOR-2): exact when it has at most 18
   * decimals, else rounded half-up to 6 (`factorValueRounded`).
   */
  readonly factorValue: string;
  readonly factorValueRounded: boolean;
  readonly trace: TraceNode;
}

function exactDecimal(f: Fraction): string | undefined {
  let d = f.den;
  let places = 0;
  while (d % 10n === 0n) {
    d /= 10n;
    places++;
  }
  while (d % 2n === 0n) {
    d /= 2n;
    places++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    places++;
  }
  if (d !== 1n || places > 18) return undefined;
  return fractionToDecimalString(f, places);
}

/**
 * Evaluates the performance of migrant-fund use (移民资金使用绩效评价):
 * indicators, weights and scores are data; the total on the 100-point scale
 * is Σ weight × score / maxScore × 100 (exact; weights must add up to 1, or are
 * normalised on request), the grade comes from the grade-band parameter (优
 * ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 by default, unverified), and the indicators that
 * pulled the total down are those scoring below it, most points lost first.
 * The total is also given as `factorValue`, ready to be the performance factor
 * value of funds `allocateByFactors` (FUNDS-FACTOR-2).
 *
 * @param input - `{ unit, indicators: [{ id, label?, weight, score, maxScore? }], normalize?, date? }`
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns exact and rounded total, grade, pulled-down indicators, factor value, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (a score above its maximum,
 *   duplicate ids, negative weights …); {@link PolicyError}
 *   `WEIGHTS_DO_NOT_ADD_UP`, `INVALID_PARAMETER` (bands that do not cover the total)
 * @example
 * ```ts
 * import { evaluatePerformance } from "@sannong/migrants";
 * const r = evaluatePerformance({ unit: "衢江区", indicators: [
 *   { id: "spending", weight: "0.4", score: 95 },
 *   { id: "projects", weight: "0.4", score: 80 },
 *   { id: "satisfaction", weight: "0.2", score: 70 },
 * ] });
 * r.total; // → "84.00"
 * r.grade.zh; // → "良"
 * r.pulledDown; // → [{ id: "projects", score100: "80.00", pointsLost: "8.00" }, { id: "satisfaction", score100: "70.00", pointsLost: "6.00" }]
 * r.factorValue; // → "84"
 * ```
 * @remarks Implements MIG-EVAL-1 (004 §二(五)3).
 */
export function evaluatePerformance(
  input: EvaluatePerformanceInput,
  options?: MigrantsOptions,
): EvaluatePerformanceResult {
  const d = parseInput(evaluatePerformanceInputSchema, input, "evaluatePerformance");
  const set = parametersOf(options, "evaluatePerformance");
  let wSum = fraction(0n);
  for (const it of d.indicators) wSum = addFractions(wSum, fractionFromDecimal(it.weight));
  if (wSum.num === 0n) fail("WEIGHTS_DO_NOT_ADD_UP", { sum: "0" }, ["indicators"]);
  if (!d.normalize && compareFractions(wSum, fraction(1n)) !== 0)
    fail("WEIGHTS_DO_NOT_ADD_UP", { sum: exactDecimal(wSum) ?? formatFraction(wSum) }, ["indicators"]);
  const rows = d.indicators.map((it) => {
    const score100 = multiplyFractions(
      fractionFromDecimal(it.score),
      fraction(100n * fractionFromDecimal(it.maxScore ?? 100).den, fractionFromDecimal(it.maxScore ?? 100).num),
    );
    const w = multiplyFractions(fractionFromDecimal(it.weight), fraction(wSum.den, wSum.num));
    const contribution = multiplyFractions(w, score100);
    const lost = multiplyFractions(w, addFractions(fraction(100n), fraction(-score100.num, score100.den)));
    return { it, score100, contribution, lost };
  });
  let total = fraction(0n);
  for (const r of rows) total = addFractions(total, r.contribution);

  const bandsUse = paramOn<readonly GradeBand[]>(set, "migrants.evaluation.gradeBands", d.date);
  const bands = [...bandsUse.value].sort((a, b) =>
    compareFractions(fractionFromDecimal(b.min), fractionFromDecimal(a.min)),
  );
  const grade = bands.find((b) => compareFractions(total, fractionFromDecimal(b.min)) >= 0);
  if (!grade)
    fail("INVALID_PARAMETER", {
      id: bandsUse.id,
      reason: `no grade band covers the total ${fractionToDecimalString(total, 2)}`,
    });

  const pulledDown: PullingDownIndicator[] = rows
    .filter((r) => compareFractions(r.score100, total) < 0)
    .sort((a, b) => compareFractions(b.lost, a.lost) || compareCodeUnits(a.it.id, b.it.id))
    .map((r) => ({
      id: r.it.id,
      ...(r.it.label !== undefined ? { label: r.it.label } : {}),
      score100: fractionToDecimalString(r.score100, 2),
      pointsLost: fractionToDecimalString(r.lost, 2),
    }));
  const exact = exactDecimal(total);
  const factorValue = exact ?? fractionToDecimalString(total, 6);
  const totalText = fractionToDecimalString(total, 2);
  const trace = traceStep(RULES["MIG-EVAL-1"], {
    inputs: {
      unit: d.unit,
      indicators: rows.map((r) => ({
        id: r.it.id,
        weight: r.it.weight.toFixed(),
        score: r.it.score.toFixed(),
        maxScore: r.it.maxScore?.toFixed() ?? "100",
      })),
      ...(d.normalize ? { normalize: true, weightSum: formatFraction(wSum) } : {}),
    },
    parameters: [bandsUse],
    output: {
      total: totalText,
      totalExact: formatFraction(total),
      grade: grade.grade,
      pulledDown: pulledDown.map((p) => p.id),
    },
    note: {
      zh: "总分 = Σ 权重 × 得分 ÷ 满分 × 100；低于总分的指标为拉低项（按失分从多到少）",
      en: "total = Σ weight × score ÷ max × 100; indicators below the total pulled it down (most points lost first)",
    },
  });
  return {
    unit: d.unit,
    totalExact: formatFraction(total),
    total: totalText,
    grade,
    pulledDown,
    factorValue,
    factorValueRounded: exact === undefined,
    trace,
  };
}
