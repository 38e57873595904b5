import * as z from "zod";
import {
  legalDateSchema,
  moneyFromFen,
  parseInput,
  ValidationError,
  type LegalDate,
  type Money,
  type ParameterSet,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { RULES } from "../rules";
import { assetsParameterSet } from "../parameters";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { isMonthEnd, monthIndex, yearMonthOf } from "../internal/months";
import { accumulatedAfter, type Normalised } from "./engine";
import { conventionsStep, defaultUses } from "./conventions";
import {
  defaultsAt,
  depreciationInputSchema,
  normalise,
  quickDate,
  quickNormalise,
  unitsOutsideLife,
  type Defaults,
  type DepreciationInput,
} from "./input";

/** zod schema of {@link netValueAt}'s first argument (the same as the schedule's input). */
export const netValueAtInputSchema = depreciationInputSchema;

/** Input of {@link netValueAt}. */
export type NetValueAtInput = DepreciationInput;

/** Result of {@link netValueAt}. */
export interface NetValueAtResult {
  readonly date: LegalDate;
  /** Net value (净值) = cost − accumulated depreciation. */
  readonly netValue: Money;
  /** Accumulated depreciation (累计折旧) of every month that has ended by `date`. */
  readonly accumulated: Money;
  /** How many depreciation months have ended by `date`. */
  readonly monthsDepreciated: number;
  /** True once every month of the life has been depreciated. */
  readonly fullyDepreciated: boolean;
  readonly trace: TraceNode;
}

const dateArgSchema = z.strictObject({ date: legalDateSchema });

function invalidDate(date: unknown): never {
  // the error names the argument: path ["date"], as netValuesAt does for its date
  parseInput(dateArgSchema, { date }, "netValueAt");
  throw new Error("unreachable");
}

/** Months of `a` whose last day is on or before `date`. @internal */
export function monthsEnded(a: Normalised, date: string): number {
  return monthsEndedAt(a, monthIndex(date) + (isMonthEnd(date) ? 1 : 0));
}

/** Months of `a` ended by a date given as its month index (+1 when the date is a month end). @internal */
export function monthsEndedAt(a: Normalised, endedIndex: number): number {
  const k = endedIndex - a.first;
  return k < 0 ? 0 : k > a.life ? a.life : k;
}

function resolve(
  input: unknown,
  set: ParameterSet,
): { a: Normalised; defaults: Defaults; start: string; salvageRate: string } {
  const quick = quickNormalise(input, set);
  if (quick) {
    const def =
      quick.usedSalvageDefault || quick.usedStartRuleDefault || quick.usedMonthlyDefault
        ? defaultsAt(set, quick.start)
        : undefined;
    const defaults: Defaults = {
      ...(quick.usedSalvageDefault ? { salvage: def!.salvage } : {}),
      ...(quick.usedStartRuleDefault ? { startRule: def!.startRule } : {}),
      ...(quick.usedMonthlyDefault ? { monthly: def!.monthly } : {}),
    };
    return { a: quick.a, defaults, start: quick.start, salvageRate: quick.salvageRate };
  }
  const d = parseInput(netValueAtInputSchema, input, "netValueAt");
  const n = normalise(d, set);
  const outside = unitsOutsideLife(d, n.a);
  if (outside.length) {
    const i = outside[0]!;
    throw new ValidationError(
      [
        {
          code: "out_of_range",
          path: ["output", "byMonth", i, "month"],
          zh: `工作量月份 ${d.output!.byMonth[i]!.month} 不在折旧期间内`,
          en: `output month ${d.output!.byMonth[i]!.month} is outside the depreciation months`,
        },
      ],
      "netValueAt",
    );
  }
  return { a: n.a, defaults: n.defaults, start: d.start, salvageRate: n.salvageRate };
}

/**
 * The net value (净值) of a fixed asset on a date, in closed form — without
 * building the schedule: cost − the accumulated depreciation of every
 * depreciation month whose last day is on or before `date` (a month's
 * depreciation is booked at its end). Equal to the `netValue` of the
 * schedule's row for the last such month, to the 分. Fast enough for a whole
 * province's registers (see `bench/assets.bench.ts`).
 *
 * @param input - the asset, as for {@link depreciationSchedule}
 * @param date - the legal date `YYYY-MM-DD`
 * @param options - `{ parameters? }`: salvage rate, start rule and straight-line monthly defaults, read on the asset's `start` date
 * @returns net value, accumulated depreciation, months depreciated, and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a malformed asset or date;
 *   {@link PolicyError} `DATE_BEFORE_START` when `date` is before `start`
 * @example
 * ```ts
 * import { netValueAt } from "@sannong/assets";
 * const asset = { cost: "120000.00", salvageRate: "0.05", lifeMonths: 120, start: "2020-01-15" };
 * // 11 months of 950.00 booked by the last day of December
 * String(netValueAt(asset, "2020-12-31").netValue); // → "109550.00"
 * // a day earlier December is not yet booked
 * String(netValueAt(asset, "2020-12-30").netValue); // → "110500.00"
 * ```
 * @remarks Implements ASSET-DEP-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(十一)1), ASSET-DEP-2.
 */
export function netValueAt(input: NetValueAtInput, date: LegalDate, options?: AssetsOptions): NetValueAtResult {
  const set = options === undefined ? assetsParameterSet : paramsOf(options, "netValueAt");
  const { a, defaults, start, salvageRate } = resolve(input, set);
  if (!quickDate(date)) invalidDate(date);
  if (date < start) fail("DATE_BEFORE_START", { date, start }, ["date"]);
  const m = monthsEnded(a, date);
  const accFen = accumulatedAfter(a, m);
  const netValue = moneyFromFen(a.costFen - accFen);
  const accumulated = moneyFromFen(accFen);
  const rule = RULES["ASSET-DEP-1"];
  const trace: TraceNode = {
    rule: rule.id,
    citation: rule.citation,
    label: rule.label,
    ...(rule.quote ? { quote: rule.quote } : {}),
    inputs: {
      cost: moneyFromFen(a.costFen).toString(),
      lifeMonths: a.life,
      start,
      date,
      firstMonth: yearMonthOf(a.first),
    },
    output: { monthsDepreciated: m, accumulated: accumulated.toString(), netValue: netValue.toString() },
    children: [conventionsStep(a, salvageRate, defaultUses(defaults))],
  };
  return Object.freeze({ date, netValue, accumulated, monthsDepreciated: m, fullyDepreciated: m === a.life, trace });
}
