import {
  allocate,
  moneyFromFen,
  parseInput,
  traceStep,
  ValidationError,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { finding } from "../internal/findings";
import { yearMonthOf } from "../internal/months";
import type { DepreciationStartRule } from "../parameters";
import { accumulatedAfter, doubleDecliningYears, type DepreciationMethod, type Normalised } from "./engine";
import { depreciationInputSchema, normalise, unitsOutsideLife, type Defaults, type DepreciationInput } from "./input";

/** zod schema of {@link depreciationSchedule}'s input. */
export const depreciationScheduleInputSchema = depreciationInputSchema;

/** Input of {@link depreciationSchedule}. */
export type DepreciationScheduleInput = DepreciationInput;

/** One month of a depreciation schedule. */
export interface DepreciationRow {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Depreciation of the month (月折旧额). */
  readonly amount: Money;
  /** Accumulated depreciation at the end of the month (累计折旧). */
  readonly accumulated: Money;
  /** Net value at the end of the month (净值 = 原值 − 累计折旧). */
  readonly netValue: Money;
}

/** Result of {@link depreciationSchedule}. */
export interface DepreciationScheduleResult {
  readonly method: DepreciationMethod;
  readonly startRule: DepreciationStartRule;
  readonly salvageRate: string;
  readonly cost: Money;
  /** Salvage value (预计净残值) = cost × rate, rounded half-up to the 分. */
  readonly salvage: Money;
  /** cost − salvage: what the rows add up to (units of output: rows + `undepreciated`). */
  readonly depreciable: Money;
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly rows: readonly DepreciationRow[];
  /** Units of output only: the part of `depreciable` not yet reached by the recorded output (0 otherwise). */
  readonly undepreciated: Money;
  readonly trace: TraceNode;
}

/**
 * Monthly amounts in 分 by the reference method: core Decimal and core
 * `allocate` for every split (the closed form in `engine.ts` is checked
 * against this by property tests).
 */
function monthlyAmounts(a: Normalised): number[] {
  const D = moneyFromFen(a.costFen - a.salvageFen);
  const ones = (n: number): number[] => new Array<number>(n).fill(1);
  const fen = (list: readonly Money[]): number[] => list.map((m) => Number(m.fen));
  switch (a.method) {
    case "straight-line":
      return fen(allocate(D, ones(a.life)));
    case "double-declining":
      // the yearly amounts of the engine (the same numbers netValueAt uses), each spread over its 12 months
      return doubleDecliningYears(a).flatMap((y) => fen(allocate(moneyFromFen(y), ones(12))));
    case "units-of-output": {
      const out: number[] = [];
      let prev = 0;
      for (let k = 1; k <= a.life; k++) {
        const acc = accumulatedAfter(a, k);
        out.push(acc - prev);
        prev = acc;
      }
      return out;
    }
  }
}

/** Trace parameters of the defaults used. @internal */
export function defaultUses(defaults: Defaults) {
  return [defaults.salvage, defaults.startRule].filter((u) => u !== undefined);
}

/**
 * Builds the monthly depreciation schedule of a fixed asset (折旧计提表):
 * straight-line (年限平均法, default), units of output (工作量法) or
 * double-declining balance (双倍余额递减法: 2 ÷ years of the opening net value
 * each year, the last two years straight-line down to salvage). Depreciation
 * starts the month after the asset is added, or the same month, by the start
 * rule; the salvage value is cost × salvage rate rounded half-up to the 分.
 * Every split goes through core `allocate` (equal months: the odd 分 go to
 * the earliest months), so the rows add up EXACTLY to cost − salvage. For
 * units of output, each month's amount is the change in
 * round(depreciable × cumulative units ÷ expected total), so booked months
 * never change when later output is recorded, and the rows add up to
 * cost − salvage once the expected total is reached (`undepreciated` is the
 * rest).
 *
 * @param input - cost, salvageRate?, lifeMonths, start, method?, startRule?, output?
 * @param options - `{ parameters? }`: salvage rate and start rule defaults, read on the asset's `start` date
 * @returns the rows with accumulated depreciation and net value, and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for negative or zero lives,
 *   negative cost, a rate outside [0, 1], unknown keys, output months out of
 *   order or outside the life, output above the expected total
 * @example
 * ```ts
 * import { depreciationSchedule } from "@sannong/assets";
 * const s = depreciationSchedule({ cost: "120000.00", salvageRate: "0.05", lifeMonths: 120, start: "2020-01-15" });
 * String(s.rows[0]?.amount); // → "950.00"
 * s.rows[0]?.month; // → "2020-02"
 * String(s.rows[119]?.netValue); // → "6000.00"
 * ```
 * @remarks Implements ASSET-DEP-1 (001 §三(十一)1; 003 §二(一)).
 */
export function depreciationSchedule(
  input: DepreciationScheduleInput,
  options?: AssetsOptions,
): DepreciationScheduleResult {
  const d = parseInput(depreciationScheduleInputSchema, input, "depreciationSchedule");
  const set = paramsOf(options, "depreciationSchedule");
  const { a, defaults, salvageRate } = normalise(d, set);
  const outside = unitsOutsideLife(d, a);
  if (outside.length) {
    const i = outside[0]!;
    const f = finding(
      "out_of_range",
      "ASSET-DEP-1",
      `工作量月份 ${d.output!.byMonth[i]!.month} 不在折旧期间 ${yearMonthOf(a.first)}–${yearMonthOf(a.first + a.life - 1)} 内`,
      `output month ${d.output!.byMonth[i]!.month} is outside the depreciation months ${yearMonthOf(a.first)}–${yearMonthOf(a.first + a.life - 1)}`,
      ["output", "byMonth", i, "month"],
    );
    throw new ValidationError([{ code: f.code, path: f.path, zh: f.zh, en: f.en }], "depreciationSchedule");
  }
  const amounts = monthlyAmounts(a);
  const rows: DepreciationRow[] = new Array(amounts.length);
  let acc = 0;
  for (let k = 0; k < amounts.length; k++) {
    const amt = amounts[k]!;
    acc += amt;
    rows[k] = Object.freeze({
      month: yearMonthOf(a.first + k),
      amount: moneyFromFen(amt),
      accumulated: moneyFromFen(acc),
      netValue: moneyFromFen(a.costFen - acc),
    });
  }
  const D = a.costFen - a.salvageFen;
  const cost = moneyFromFen(a.costFen);
  const salvage = moneyFromFen(a.salvageFen);
  const depreciable = moneyFromFen(D);
  const undepreciated = moneyFromFen(D - acc);
  const firstMonth = yearMonthOf(a.first);
  const lastMonth = yearMonthOf(a.first + a.life - 1);
  const methodLabel = {
    "straight-line": "年限平均法",
    "units-of-output": "工作量法",
    "double-declining": "双倍余额递减法",
  }[a.method];
  return Object.freeze({
    method: a.method,
    startRule: a.startRule,
    salvageRate,
    cost,
    salvage,
    depreciable,
    firstMonth,
    lastMonth,
    rows: Object.freeze(rows),
    undepreciated,
    trace: traceStep(RULES["ASSET-DEP-1"], {
      inputs: { cost, salvageRate, lifeMonths: a.life, start: d.start, method: a.method, startRule: a.startRule },
      parameters: defaultUses(defaults),
      output: {
        salvage,
        depreciable,
        firstMonth,
        lastMonth,
        months: rows.length,
        firstAmount: rows[0]?.amount ?? null,
        total: moneyFromFen(acc),
        undepreciated,
      },
      note: {
        zh: `${methodLabel}；残值 = 原值 × 残值率（四舍五入到分）；各月折旧合计恰为原值 − 残值${a.method === "units-of-output" ? "（工作量法：达到预计总工作量时）" : ""}；起始月：${a.startRule === "next-month" ? "次月" : "当月"}`,
        en: `${a.method}; salvage = cost × rate (half-up to the fen); the months add up exactly to cost − salvage${a.method === "units-of-output" ? " (units of output: once the expected total is reached)" : ""}; starts ${a.startRule === "next-month" ? "the next month" : "the same month"}`,
      },
    }),
  });
}

export type { DepreciationMethod };
