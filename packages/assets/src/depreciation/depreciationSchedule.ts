import {
  allocate,
  compare,
  moneyFromFen,
  multiply,
  parseInput,
  roundMoney,
  toDecimal,
  traceStep,
  ValidationError,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { finding } from "../internal/findings";
import { yearMonthOf } from "../internal/months";
import type { DepreciationStartRule, StraightLineMonthly } from "../parameters";
import { accumulatedAfter, doubleDecliningYears, type DepreciationMethod, type Normalised } from "./engine";
import { depreciationInputSchema, normalise, unitsOutsideLife, type DepreciationInput } from "./input";
import { conventionsStep, defaultUses } from "./conventions";

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
  /**
   * Straight-line only: `constant` (one monthly amount, the remainder in the
   * last month) or `spread` (equal parts, the odd 分 in the earliest months).
   */
  readonly straightLineMonthly?: StraightLineMonthly;
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
 * The constant monthly amount by the reference method (core Decimal and
 * rounding): D ÷ n half-up to the 分, or rounded down where rounding up would
 * book more than D in the first n − 1 months.
 */
function referenceConstantMonthly(D: Money, n: number): Money {
  const exact = toDecimal(D).dividedBy(n);
  const up = roundMoney(exact);
  return compare(multiply(up, n - 1), D) > 0 ? roundMoney(exact, { rounding: "down" }) : up;
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
    case "straight-line": {
      if (a.monthly === "spread" || a.life === 1) return fen(allocate(D, ones(a.life)));
      // every month but the last is held at the constant amount (floor = cap); the last takes what is left
      const m = referenceConstantMonthly(D, a.life);
      const held: (Money | null)[] = new Array<Money | null>(a.life).fill(m);
      held[a.life - 1] = null;
      return fen(allocate(D, ones(a.life), { floors: held, caps: held }));
    }
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

/**
 * Builds the monthly depreciation schedule of a fixed asset (折旧计提表).
 * The document requires fixed assets to be depreciated “依法依规”
 * (ASSET-DEP-1); the method and the monthly conventions are general
 * accounting practice (ASSET-DEP-2): straight-line (年限平均法, default), units
 * of output (工作量法) or double-declining balance (双倍余额递减法: 2 ÷ years of
 * the opening net value each year, the last two years straight-line down to
 * salvage). Depreciation starts the month after the asset is added, or the
 * same month, by the start rule; the salvage value is cost × salvage rate
 * rounded half-up to the 分.
 *
 * Straight-line books a constant monthly amount by default
 * (`straightLineMonthly: "constant"`): (cost − salvage) ÷ months rounded
 * half-up to the 分 every month, and the rounding difference (尾差) in the last
 * month, so the asset ends exactly at its salvage value (where rounding up
 * would leave the last month negative — a monthly amount under
 * (months − 1) ÷ 2 分 — the amount is rounded down instead).
 * `straightLineMonthly: "spread"` (or the parameter
 * `assets.depreciation.straightLineMonthly`) gives equal parts with the odd 分
 * in the earliest months instead. Either way every split goes through core
 * `allocate` and the rows add up EXACTLY to cost − salvage. For units of
 * output, each month's amount is the change in round(depreciable × cumulative
 * units ÷ expected total), so booked months never change when later output is
 * recorded, and the rows add up to cost − salvage once the expected total is
 * reached (`undepreciated` is the rest).
 *
 * @param input - cost, salvageRate?, lifeMonths, start, method?, startRule?, straightLineMonthly?, output?
 * @param options - `{ parameters? }`: salvage rate, start rule and straight-line monthly defaults, read on the asset's `start` date
 * @returns the rows with accumulated depreciation and net value, and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for negative or zero lives,
 *   negative cost, a rate outside [0, 1], unknown keys, `straightLineMonthly`
 *   with another method, output months out of order or outside the life,
 *   output above the expected total
 * @example
 * ```ts
 * import { depreciationSchedule } from "@sannong/assets";
 * const s = depreciationSchedule({ cost: "120000.00", salvageRate: "0.05", lifeMonths: 120, start: "2020-01-15" });
 * String(s.rows[0]?.amount); // → "950.00"
 * s.rows[0]?.month; // → "2020-02"
 * String(s.rows[119]?.netValue); // → "6000.00"
 * // 9,500.00 over 36 months: 263.89 a month (263.888… half-up), 35 × 263.89 = 9,236.15, the last month 263.85
 * const t = depreciationSchedule({ cost: "10000.00", salvageRate: "0.05", lifeMonths: 36, start: "2021-03-10" });
 * [String(t.rows[0]?.amount), String(t.rows[34]?.amount), String(t.rows[35]?.amount)]; // → ["263.89", "263.89", "263.85"]
 * ```
 * @remarks Implements ASSET-DEP-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(十一)1), ASSET-DEP-2 (general accounting practice).
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
  const straight = a.method === "straight-line";
  return Object.freeze({
    method: a.method,
    startRule: a.startRule,
    ...(straight ? { straightLineMonthly: a.monthly } : {}),
    salvageRate,
    cost,
    salvage,
    depreciable,
    firstMonth,
    lastMonth,
    rows: Object.freeze(rows),
    undepreciated,
    trace: traceStep(RULES["ASSET-DEP-1"], {
      inputs: { cost, salvageRate, lifeMonths: a.life, start: d.start },
      output: {
        salvage,
        depreciable,
        firstMonth,
        lastMonth,
        months: rows.length,
        firstAmount: rows[0]?.amount ?? null,
        lastAmount: rows.at(-1)?.amount ?? null,
        total: moneyFromFen(acc),
        undepreciated,
      },
      note: {
        zh: `各月折旧合计恰为原值 − 残值${a.method === "units-of-output" ? "（工作量法：达到预计总工作量时）" : ""}`,
        en: `the months add up exactly to cost − salvage${a.method === "units-of-output" ? " (units of output: once the expected total is reached)" : ""}`,
      },
      children: [conventionsStep(a, salvageRate, defaultUses(defaults))],
    }),
  });
}

export type { DepreciationMethod };
