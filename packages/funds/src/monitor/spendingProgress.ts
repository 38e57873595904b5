import * as z from "zod";
import {
  addIssue,
  compareDates,
  compareFractions,
  daysBetween,
  endOfYear,
  fraction,
  fractionFromDecimal,
  fractionSchema,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  periodSchema,
  startOfYear,
  traceStep,
  type Fraction,
  type LegalDate,
  type Money,
  type MoneyInput,
  type Period,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { ONLY_WHEN_VALID, paramsOf, readParam } from "../internal/common";
import { fractionToFixed, showFraction } from "../internal/format";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";

/** What the spending progress is compared with. */
export type ProgressBasis = "elapsed" | "fixed";
/** The default basis: time progress (序时进度). */
export const DEFAULT_PROGRESS_BASIS: ProgressBasis = "elapsed";

const ratio = fractionSchema.superRefine((f, ctx) => {
  if (f.num < 0n || f.num > f.den)
    addIssue(ctx, "比例必须在 0 到 1 之间", "the ratio must be between 0 and 1", [], "out_of_range");
});

/** The zod schema of {@link spendingProgress}'s input. */
export const spendingProgressInputSchema = z
  .strictObject({
    asOf: legalDateSchema,
    projects: z
      .array(z.strictObject({ id: idSchema, budget: nonNegativeMoneySchema, period: periodSchema.optional() }))
      .min(1)
      .max(100_000),
    payments: z
      .array(z.strictObject({ project: idSchema, date: legalDateSchema, amount: nonNegativeMoneySchema }))
      .max(1_000_000),
    basis: z.enum(["elapsed", "fixed"]).optional(),
    threshold: ratio.optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.projects.forEach((p, i) => {
      if (ids.has(p.id))
        addIssue(ctx, `重复的项目 “${p.id}”`, `duplicate project "${p.id}"`, ["projects", i, "id"], "duplicate_id");
      ids.add(p.id);
      if (p.budget.fen === 0n)
        addIssue(
          ctx,
          "预算必须大于零",
          "the budget must be greater than zero",
          ["projects", i, "budget"],
          "out_of_range",
        );
    });
    d.payments.forEach((p, i) => {
      if (!ids.has(p.project))
        addIssue(
          ctx,
          `未知项目 “${p.project}”`,
          `unknown project "${p.project}"`,
          ["payments", i, "project"],
          "unknown_project",
        );
    });
  }, ONLY_WHEN_VALID);

/** The input of {@link spendingProgress}. */
export interface SpendingProgressInput {
  /** The monitoring date. */
  readonly asOf: LegalDate;
  /** Projects with their budget and, for the time basis, their implementation period (the calendar year of `asOf` when absent). */
  readonly projects: readonly { readonly id: string; readonly budget: MoneyInput; readonly period?: Period }[];
  /** Payments (支出) by project and date; those after `asOf` are not counted. */
  readonly payments: readonly { readonly project: string; readonly date: LegalDate; readonly amount: MoneyInput }[];
  /**
   * `"elapsed"` (default): warn when spending progress < threshold × time
   * progress (序时进度, [param] `funds.monitor.minScheduleRatio`); `"fixed"`:
   * warn when spending progress < threshold ([param] `funds.monitor.minProgress`).
   */
  readonly basis?: ProgressBasis;
  /** The threshold of the basis, overriding its parameter. */
  readonly threshold?: number | string;
}

/** A monitoring warning (预警). */
export interface ProgressWarning {
  readonly code: "BELOW_THRESHOLD" | "OVERSPENT";
  readonly zh: string;
  readonly en: string;
}

/** One project's progress. */
export interface ProjectProgress {
  readonly id: string;
  readonly budget: Money;
  readonly paid: Money;
  /** paid ÷ budget, rounded half-up to 4 decimals for display (comparisons are exact). */
  readonly progress: string;
  /** Share of the period elapsed at `asOf` (basis `elapsed`), 4 decimals; null on the fixed basis. */
  readonly timeProgress: string | null;
  /** The progress below which a warning is given, 4 decimals. */
  readonly required: string;
  readonly warning: ProgressWarning | null;
}

/** The result of {@link spendingProgress}. */
export interface SpendingProgressResult {
  readonly projects: readonly ProjectProgress[];
  readonly total: { readonly budget: Money; readonly paid: Money; readonly progress: string };
  /** Ids of the projects with a warning, in input order. */
  readonly warnings: readonly string[];
  readonly trace: TraceNode;
}

/**
 * Spending progress monitoring (支出进度动态监控预警): for each project, the
 * share of its budget paid by a date, compared exactly with a declared
 * threshold — either a fixed minimum progress or a share of the time
 * progress (序时进度: the share of the project period elapsed) — with a
 * warning for each project below it and for any project paid beyond its
 * budget.
 *
 * @param input - see {@link SpendingProgressInput}
 * @param options - `parameters`: the parameter set (default `fundsParameterSet`), read at `asOf`
 * @returns per project: paid, progress, time progress, required progress, warning; totals
 * @throws {@link ValidationError} `INVALID_INPUT` (zero budget, payments of unknown projects, bad periods, a threshold outside [0, 1])
 * @example
 * ```ts
 * import { spendingProgress } from "@sannong/funds";
 * const r = spendingProgress({
 *   asOf: "2024-07-01",
 *   projects: [{ id: "产业路", budget: "1000000.00" }, { id: "冷库", budget: "400000.00" }],
 *   payments: [{ project: "产业路", date: "2024-05-20", amount: "500000.00" }, { project: "冷库", date: "2024-06-30", amount: "100000.00" }],
 * });
 * r.projects.map((p) => [p.id, p.progress, p.required, p.warning?.code ?? null]); // → [["产业路","0.5000","0.4000",null], ["冷库","0.2500","0.4000","BELOW_THRESHOLD"]]
 * ```
 * @remarks Implements FUNDS-MONITOR-1 (001 §二(四)2).
 */
export function spendingProgress(input: SpendingProgressInput, options?: FundsOptions): SpendingProgressResult {
  const data = parseInput(spendingProgressInputSchema, input, "spendingProgress");
  const set = paramsOf(options, "spendingProgress");
  const uses: ParameterUse[] = [];
  const basis = data.basis ?? DEFAULT_PROGRESS_BASIS;
  const threshold: Fraction =
    data.threshold ??
    fractionFromDecimal(
      readParam<string>(
        set,
        basis === "fixed" ? "funds.monitor.minProgress" : "funds.monitor.minScheduleRatio",
        data.asOf,
        uses,
      ),
    );
  const paid = new Map<string, bigint>();
  for (const p of data.payments)
    if (compareDates(p.date, data.asOf) <= 0) paid.set(p.project, (paid.get(p.project) ?? 0n) + p.amount.fen);
  const warnings: string[] = [];
  const projects: ProjectProgress[] = data.projects.map((p) => {
    const spent = paid.get(p.id) ?? 0n;
    const progress = fraction(spent, p.budget.fen);
    let time: Fraction | null = null;
    let required = threshold;
    if (basis === "elapsed") {
      const period = p.period ?? { from: startOfYear(data.asOf), to: endOfYear(data.asOf) };
      const length = daysBetween(period.from, period.to) + 1;
      const elapsed = Math.min(length, Math.max(0, daysBetween(period.from, data.asOf) + 1));
      time = fraction(elapsed, length);
      required = fraction(threshold.num * time.num, threshold.den * time.den);
    }
    let warning: ProgressWarning | null = null;
    if (spent > p.budget.fen) {
      warning = {
        code: "OVERSPENT",
        zh: `项目 ${p.id} 支出 ${String(moneyFromFen(spent))} 超过预算 ${String(p.budget)}`,
        en: `project ${p.id} has paid ${String(moneyFromFen(spent))}, more than its budget ${String(p.budget)}`,
      };
    } else if (compareFractions(progress, required) < 0) {
      warning = {
        code: "BELOW_THRESHOLD",
        zh: `项目 ${p.id} 支出进度 ${fractionToFixed(progress, 4)} 低于预警线 ${fractionToFixed(required, 4)}`,
        en: `project ${p.id} has spent ${fractionToFixed(progress, 4)} of its budget, below the warning line ${fractionToFixed(required, 4)}`,
      };
    }
    if (warning) warnings.push(p.id);
    return {
      id: p.id,
      budget: p.budget,
      paid: moneyFromFen(spent),
      progress: fractionToFixed(progress, 4),
      timeProgress: time ? fractionToFixed(time, 4) : null,
      required: fractionToFixed(required, 4),
      warning,
    };
  });
  const budget = data.projects.reduce((s, p) => s + p.budget.fen, 0n);
  const spentAll = projects.reduce((s, p) => s + p.paid.fen, 0n);
  const total = {
    budget: moneyFromFen(budget),
    paid: moneyFromFen(spentAll),
    progress: fractionToFixed(fraction(spentAll, budget), 4),
  };
  const trace = traceStep(RULES["FUNDS-MONITOR-1"], {
    inputs: { asOf: data.asOf, basis, threshold: showFraction(threshold), projects: data.projects.length },
    parameters: uses,
    output: { total, warnings },
    note:
      basis === "elapsed"
        ? {
            zh: "支出进度 = 已支出 ÷ 预算；低于 预警比例 × 序时进度 的项目预警",
            en: "progress = paid ÷ budget; projects below threshold × time progress are flagged",
          }
        : {
            zh: "支出进度 = 已支出 ÷ 预算；低于固定预警线的项目预警",
            en: "progress = paid ÷ budget; projects below the fixed threshold are flagged",
          },
  });
  return { projects, total, warnings, trace };
}
