import * as z from "zod";
import {
  addIssue,
  allocate,
  formatDate,
  moneyFromFen,
  nonNegativeDecimalSchema,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  unitSchema,
  type Money,
  type MoneyInput,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { paramsOf, readParam, requireMultiple, unitFen, ONLY_WHEN_VALID } from "../internal/common";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";

const yearSchema = z.number().int().min(1900).max(2199);

/** The zod schema of {@link spreadOverYears}'s input. */
export const spreadOverYearsInputSchema = z
  .strictObject({
    total: nonNegativeMoneySchema,
    unit: unitSchema.optional(),
    startYear: yearSchema,
    years: z.number().int().min(1).max(50),
    weights: z.array(nonNegativeDecimalSchema).min(1).max(50).optional(),
    spent: z
      .array(z.strictObject({ year: yearSchema, amount: nonNegativeMoneySchema }))
      .max(10_000)
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (d.startYear + d.years - 1 > 2199)
      addIssue(ctx, "计划超出 2199 年", "the plan runs past 2199", ["years"], "out_of_range");
    if (d.weights) {
      if (d.weights.length !== d.years)
        addIssue(
          ctx,
          `weights 有 ${d.weights.length} 项，应为 ${d.years} 项（每年一项）`,
          `weights has ${d.weights.length} entries, expected ${d.years} (one per year)`,
          ["weights"],
          "length_mismatch",
        );
      else if (d.weights.every((w) => w.isZero()))
        addIssue(ctx, "各年权重不能全为零", "the yearly weights must not all be zero", ["weights"], "all_zero");
    }
    d.spent?.forEach((s, i) => {
      if (s.year < d.startYear || s.year > d.startYear + d.years - 1)
        addIssue(
          ctx,
          `支出年度 ${s.year} 不在计划期内`,
          `year ${s.year} is outside the plan`,
          ["spent", i, "year"],
          "out_of_range",
        );
    });
  }, ONLY_WHEN_VALID);

/** The input of {@link spreadOverYears}. */
export interface SpreadOverYearsInput {
  /** The multi-year total. */
  readonly total: MoneyInput;
  /** Rounding unit in 元 (default `"0.01"`). */
  readonly unit?: string;
  /** First year of the plan. */
  readonly startYear: number;
  /** Length of the plan in years (3–5 by default, [param] `funds.cycle.minYears` / `maxYears`). */
  readonly years: number;
  /** Weight of each year (default equal); the total is split by core `allocate`, ties to the earlier year. */
  readonly weights?: readonly (number | string)[];
  /** Money actually used, by year (several entries per year are added up). */
  readonly spent?: readonly { readonly year: number; readonly amount: MoneyInput }[];
}

/** One year of the plan. */
export interface PlanYear {
  readonly year: number;
  readonly planned: Money;
  readonly cumulativePlanned: Money;
  readonly spent: Money;
  readonly cumulativeSpent: Money;
  /** total − cumulativeSpent (negative when overspent). */
  readonly remaining: Money;
  /** cumulativeSpent − cumulativePlanned: ahead of plan when positive, behind when negative. */
  readonly aheadOfPlan: Money;
}

/** The result of {@link spreadOverYears}. */
export interface SpreadOverYearsResult {
  readonly years: readonly PlanYear[];
  /** True when the money used exceeds the total. */
  readonly overspent: boolean;
  readonly trace: TraceNode;
}

/**
 * Spreads a multi-year fund plan over its years (3—5年资金计划统筹安排) and
 * reports cumulative use: the total is split by yearly weights (equal by
 * default) with core `allocate`, so the years add up exactly to the total;
 * money used is accumulated against the cumulative plan.
 *
 * @param input - see {@link SpreadOverYearsInput}
 * @param options - `parameters`: the parameter set (default `fundsParameterSet`); the plan length limits are read at 1 January of `startYear`
 * @returns per year: planned, cumulative planned, spent, cumulative spent, remaining, ahead of plan
 * @throws {@link ValidationError} `INVALID_INPUT`; {@link PolicyError} `CYCLE_LENGTH` (outside 3–5 years), `TOTAL_NOT_MULTIPLE_OF_UNIT`
 * @example
 * ```ts
 * import { spreadOverYears } from "@sannong/funds";
 * const r = spreadOverYears({ total: "1000000.00", startYear: 2024, years: 3, spent: [{ year: 2024, amount: "200000.00" }] });
 * r.years.map((y) => String(y.planned)); // → ["333333.34", "333333.33", "333333.33"]
 * String(r.years[0]?.aheadOfPlan); // → "-133333.34"
 * String(r.years[2]?.remaining); // → "800000.00"
 * ```
 * @remarks Implements FUNDS-CYCLE-1 (004 §二(三)1、2).
 */
export function spreadOverYears(input: SpreadOverYearsInput, options?: FundsOptions): SpreadOverYearsResult {
  const data = parseInput(spreadOverYearsInputSchema, input, "spreadOverYears");
  const set = paramsOf(options, "spreadOverYears");
  const uses: ParameterUse[] = [];
  const date = formatDate(data.startYear, 1, 1);
  const min = readParam<number>(set, "funds.cycle.minYears", date, uses);
  const max = readParam<number>(set, "funds.cycle.maxYears", date, uses);
  if (data.years < min || data.years > max) fail("CYCLE_LENGTH", { years: data.years, min, max }, ["years"]);
  const uFen = unitFen(data.unit);
  requireMultiple(data.total, uFen, data.unit, ["total"]);
  const weights = data.weights ? data.weights.map((w) => w.toFixed()) : new Array<string>(data.years).fill("1");
  const planned = allocate(data.total, weights, { unit: data.unit ?? "0.01" });
  const spentBy = new Array<bigint>(data.years).fill(0n);
  for (const s of data.spent ?? []) spentBy[s.year - data.startYear]! += s.amount.fen;
  let cumP = 0n;
  let cumS = 0n;
  const years: PlanYear[] = planned.map((p, k) => {
    cumP += p.fen;
    cumS += spentBy[k]!;
    return {
      year: data.startYear + k,
      planned: p,
      cumulativePlanned: moneyFromFen(cumP),
      spent: moneyFromFen(spentBy[k]!),
      cumulativeSpent: moneyFromFen(cumS),
      remaining: moneyFromFen(data.total.fen - cumS),
      aheadOfPlan: moneyFromFen(cumS - cumP),
    };
  });
  const overspent = cumS > data.total.fen;
  const trace = traceStep(RULES["FUNDS-CYCLE-1"], {
    inputs: { total: data.total, startYear: data.startYear, years: data.years, weights },
    parameters: uses,
    output: { planned: planned.map(String), spent: moneyFromFen(cumS), overspent },
    note: {
      zh: "多年总额按年度权重精确分配，逐年累计计划与使用",
      en: "the multi-year total is split exactly by yearly weights; plan and use are accumulated year by year",
    },
  });
  return { years, overspent, trace };
}
