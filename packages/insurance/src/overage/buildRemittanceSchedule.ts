import * as z from "zod";
import {
  addIssue,
  deadlineInYear,
  decimalSchema,
  fromMonthIndex,
  idSchema,
  isLegalDate,
  legalDateSchema,
  moneyFromFen,
  type Money,
  moneySchema,
  nonNegativeMoneySchema,
  parseInput,
  paramAt,
  refineUniqueIds,
  traceStep,
  type LegalDate,
  type ParameterUse,
  type TraceNode,
  type YearMonth,
} from "@sannong/core";
import { fail } from "../errors";
import { standardsByYear } from "../internal/growth";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import { P } from "../parameters";
import { RULES } from "../rules";

/** Most persons one schedule accepts. */
const MAX_PERSONS = 10_000_000;
/** Last legal year (core legal dates run to 2199). */
const MAX_YEAR = 2199;

const growthSchema = decimalSchema.superRefine((g, ctx) => {
  if (g.lte(-1) || g.gt(1))
    addIssue(
      ctx,
      `年增长率应大于 −1 且不超过 1，实际为 ${g.toFixed()}`,
      `annual growth must be greater than −1 and at most 1, got ${g.toFixed()}`,
      [],
      "out_of_range",
    );
});

/** One person handed over (移交) to the platform. */
const personSchema = z.strictObject({
  id: idSchema,
  /** Last day of cover (death or exit); the month containing it is covered in full. Absent: covered throughout. */
  coveredUntil: legalDateSchema.optional(),
});

/** The input schema of {@link buildRemittanceSchedule} (strict: unknown keys are rejected). */
export const buildRemittanceScheduleInputSchema = z
  .strictObject({
    /** 移交日期: the first remittance is due on it. */
    handoverDate: legalDateSchema,
    /** Length of a period in whole calendar years; the parameter `insurance.overage.periodYears` when absent. */
    periodYears: z.number().int().min(1).max(50).optional(),
    /** Whether cover starts the month after handover (`next`) or the handover month; the parameter when absent. */
    firstMonth: z.enum(["next", "handover"]).optional(),
    /** Monthly standard per person (living + medical) of the handover year; the parameter when absent. */
    monthlyStandard: nonNegativeMoneySchema.optional(),
    /** Growth of the standard per calendar year after the handover year (`"0.05"`); the parameter when absent. */
    annualGrowth: growthSchema.optional(),
    /** How many periods after the first remittance to schedule; the parameter when absent. */
    periods: z.number().int().min(0).max(100).optional(),
    persons: z
      .array(personSchema)
      .max(MAX_PERSONS)
      .superRefine((ps, ctx) => refineUniqueIds(ctx, ps)),
  })
  .superRefine((v, ctx) => {
    if (!isLegalDate(v.handoverDate)) return;
    v.persons.forEach((p, i) => {
      if (p.coveredUntil !== undefined && isLegalDate(p.coveredUntil) && p.coveredUntil < v.handoverDate) {
        addIssue(
          ctx,
          `保障截止日 ${p.coveredUntil} 早于移交日期 ${v.handoverDate}`,
          `coveredUntil ${p.coveredUntil} is before the handover date ${v.handoverDate}`,
          ["persons", i, "coveredUntil"],
          "cover_before_handover",
        );
      }
    });
  });

/** The input of {@link buildRemittanceSchedule}. */
export type BuildRemittanceScheduleInput = z.input<typeof buildRemittanceScheduleInputSchema>;

/** One remittance (汇缴) into the district finance special account. */
export interface Remittance {
  /** Due date: the handover date for the first, then the deadline in the last year of the preceding period. */
  readonly dueDate: LegalDate;
  /** First month covered. */
  readonly from: YearMonth;
  /** Last month covered. */
  readonly to: YearMonth;
  /** Person-months covered (人·月). */
  readonly personMonths: number;
  /** Persons covered for at least one month of the remittance. */
  readonly persons: number;
  /** Σ over the years y covered of (standard of y) × (person-months of y). */
  readonly amount: Money;
}

/** The result of {@link buildRemittanceSchedule}. */
export interface BuildRemittanceScheduleResult {
  readonly remittances: readonly Remittance[];
  /**
   * The one-off lump sum (趸缴) the old way would have required for the same
   * cover: the cost of every person-month the schedule covers, at the same
   * yearly standards, paid in full on the handover date (not discounted).
   * Always equal to the sum of the remittances; the schedule changes when the
   * money is paid, not how much.
   */
  readonly lumpSum: Money;
  /** The monthly standard of each calendar year of the schedule. */
  readonly standards: readonly { readonly year: number; readonly monthlyStandard: Money }[];
  readonly trace: TraceNode;
}

/**
 * Builds the installment schedule (趸缴变分期) of the guarantee cost of
 * over-age converted persons handed over to the district platform. Periods
 * are whole calendar years starting on 1 January of the year after the
 * handover. The first remittance is due on the handover date and covers the
 * rest of the handover year (from the month after the handover month by
 * default, or from the handover month with `firstMonth: "handover"`) plus the
 * whole first period; each later remittance covers the next period and is due
 * on 30 November (月底) of the last year of the period before it. The monthly
 * standard of calendar year y is `monthlyStandard × (1 + annualGrowth)^(y −
 * handover year)` rounded half-up to the 分, multiplied by the person-months
 * of year y. A person is covered every month from the first covered month to
 * the month containing `coveredUntil` (inclusive), or throughout when absent.
 * `periods` more remittances follow the first (so `1 + periods` in all).
 *
 * @param input - handover date, period length, standard, growth, persons
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet`
 * @returns `{ remittances, lumpSum, standards, trace }`; amounts are exact Money
 * @throws {@link ValidationError} `INVALID_INPUT` (bad dates, duplicate ids,
 *   cover ending before handover, growth ≤ −1, unknown keys);
 *   {@link PolicyError} `STANDARD_NOT_SET` when no standard is given or set,
 *   `SCHEDULE_OUT_OF_RANGE` when the schedule would run past 2199,
 *   `PARAM_NOT_IN_FORCE` for a handover before the parameters take effect
 *   (2021-12-04, 京政字〔2021〕35号) unless the caller overlays them
 * @example
 * ```ts
 * import { buildRemittanceSchedule } from "@sannong/insurance";
 * const s = buildRemittanceSchedule({
 *   handoverDate: "2022-07-15", periodYears: 3, monthlyStandard: "1500.00",
 *   annualGrowth: "0.05", periods: 1, persons: [{ id: "p1" }, { id: "p2", coveredUntil: "2027-05-31" }],
 * });
 * s.remittances.map((r) => [r.dueDate, r.from, r.to, r.personMonths, String(r.amount)]); // → [["2022-07-15", "2022-08", "2025-12", 82, "134164.56"], ["2025-11-30", "2026-01", "2028-12", 53, "100425.06"]]
 * String(s.lumpSum); // → "234589.62"
 * s.standards.map((x) => String(x.monthlyStandard)); // → ["1500.00", "1575.00", "1653.75", "1736.44", "1823.26", "1914.42", "2010.14"]
 * ```
 * @remarks Implements INS-OVERAGE-2, INS-OVERAGE-3 (000 §三3) and feeds INS-OVERAGE-5.
 */
export function buildRemittanceSchedule(
  input: BuildRemittanceScheduleInput,
  options?: InsuranceOptions,
): BuildRemittanceScheduleResult {
  const data = parseInput(buildRemittanceScheduleInputSchema, input, "buildRemittanceSchedule");
  const set = resolveParameters(options, "buildRemittanceSchedule");
  const date = data.handoverDate;
  const used: ParameterUse[] = [];
  const pick = <T>(given: T | undefined, id: string): T => {
    if (given !== undefined) return given;
    const u = paramAt<T>(set, id, date);
    used.push(u);
    return u.value;
  };
  const L = pick(data.periodYears, P.periodYears);
  const firstMonth = pick(data.firstMonth, P.firstMonth);
  const periods = pick(data.periods, P.schedulePeriods);
  const growth =
    data.annualGrowth ??
    parseInput(
      growthSchema,
      pick<string>(undefined, P.annualGrowth),
      `buildRemittanceSchedule (parameter ${P.annualGrowth})`,
    );
  let standard = data.monthlyStandard;
  if (standard === undefined) {
    const s = pick<string | null>(undefined, P.monthlyStandard);
    if (s === null) fail("STANDARD_NOT_SET", { parameter: P.monthlyStandard, date }, ["monthlyStandard"]);
    standard = parseInput(moneySchema, s, "buildRemittanceSchedule");
  }
  const deadlineUse = paramAt<{ month: number; day: number | "end" }>(set, P.remittanceDeadline, date);
  used.push(deadlineUse);

  const y0 = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7));
  const lastYear = y0 + (periods + 1) * L;
  if (lastYear > MAX_YEAR) fail("SCHEDULE_OUT_OF_RANGE", { lastYear, maxYear: MAX_YEAR }, ["periods"]);
  const startIdx = y0 * 12 + (m0 - 1) + (firstMonth === "next" ? 1 : 0);
  const endIdx = lastYear * 12 + 11;
  const span = endIdx - startIdx + 1;

  // Persons covered per month: bucket each person's last covered month, then suffix sums.
  const endsAt = new Float64Array(span + 1); // slot span = covered to the end of the schedule
  for (const p of data.persons) {
    if (p.coveredUntil === undefined) {
      endsAt[span]! += 1;
      continue;
    }
    const e = Number(p.coveredUntil.slice(0, 4)) * 12 + Number(p.coveredUntil.slice(5, 7)) - 1 - startIdx;
    if (e < 0) continue;
    endsAt[Math.min(e, span)]! += 1;
  }
  const covered = new Float64Array(span);
  let running = endsAt[span]!;
  for (let i = span - 1; i >= 0; i--) {
    running += endsAt[i]!;
    covered[i] = running;
  }

  const std = standardsByYear(standard.fen, growth, lastYear - y0 + 1);
  const stdOf = (idx: number): bigint => std[Math.floor(idx / 12) - y0]!;

  const ranges: { dueDate: LegalDate; from: number; to: number }[] = [
    { dueDate: date, from: startIdx, to: (y0 + L) * 12 + 11 },
  ];
  for (let k = 1; k <= periods; k++) {
    const prevLast = y0 + k * L;
    ranges.push({
      dueDate: deadlineInYear(prevLast, deadlineUse.value.month, deadlineUse.value.day),
      from: (prevLast + 1) * 12,
      to: (prevLast + L) * 12 + 11,
    });
  }

  let total = 0n;
  const children: TraceNode[] = [];
  const remittances: Remittance[] = ranges.map((r, k) => {
    let personMonths = 0;
    let fen = 0n;
    const byYear: Record<string, { monthlyStandard: string; personMonths: number; amount: string }> = {};
    let yearMonths = 0;
    for (let idx = r.from; idx <= r.to; idx++) {
      const c = covered[idx - startIdx]!;
      personMonths += c;
      yearMonths += c;
      if (idx % 12 === 11 || idx === r.to) {
        const s = stdOf(idx);
        const amount = s * BigInt(yearMonths);
        fen += amount;
        byYear[String(Math.floor(idx / 12))] = {
          monthlyStandard: String(moneyFromFen(s)),
          personMonths: yearMonths,
          amount: String(moneyFromFen(amount)),
        };
        yearMonths = 0;
      }
    }
    total += fen;
    const rem: Remittance = {
      dueDate: r.dueDate,
      from: fromMonthIndex(r.from),
      to: fromMonthIndex(r.to),
      personMonths,
      persons: covered[r.from - startIdx]!,
      amount: moneyFromFen(fen),
    };
    children.push(
      traceStep(RULES["INS-OVERAGE-3"], {
        inputs: { remittance: k + 1, dueDate: rem.dueDate, from: rem.from, to: rem.to },
        output: { personMonths, persons: rem.persons, amount: rem.amount, byYear },
        note:
          k === 0
            ? {
                zh: "移交时汇缴当年剩余月份和下一期费用",
                en: "at handover: the rest of the handover year plus the next period",
              }
            : {
                zh: `于上一期最后一年（${Number(rem.dueDate.slice(0, 4))} 年）${deadlineUse.value.month} 月底前汇缴下一期费用`,
                en: `due in the last year (${Number(rem.dueDate.slice(0, 4))}) of the preceding period`,
              },
      }),
    );
    return rem;
  });

  const standards = std.map((s, k) => ({ year: y0 + k, monthlyStandard: moneyFromFen(s) }));
  const lumpSum = moneyFromFen(total);
  const standardsNode = traceStep(RULES["INS-OVERAGE-2"], {
    inputs: { monthlyStandard: standard, annualGrowth: growth, handoverYear: y0 },
    output: Object.fromEntries(standards.map((s) => [String(s.year), s.monthlyStandard])),
    note: {
      zh: "y 年月标准 = 月标准 × (1 + 年增长率)^(y − 移交年)，四舍五入到分；每人仅计其保障月份",
      en: "standard of year y = monthlyStandard × (1 + growth)^(y − handover year), rounded half-up to the fen; each person counts only in covered months",
    },
  });
  const trace = traceStep(RULES["INS-OVERAGE-3"], {
    inputs: { handoverDate: date, periodYears: L, firstMonth, periods, persons: data.persons.length },
    parameters: used,
    output: { remittances: remittances.length, lumpSum },
    note: {
      zh: "趸缴额 = 计划覆盖的全部人·月费用之和（不折现），等于各期汇缴之和",
      en: "lump sum = the cost of every person-month the schedule covers (undiscounted), equal to the sum of the remittances",
    },
    children: [standardsNode, ...children],
  });
  return { remittances, lumpSum, standards, trace };
}
