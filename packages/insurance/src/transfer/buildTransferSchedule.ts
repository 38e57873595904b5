import * as z from "zod";
import {
  addIssue,
  endOfMonth,
  fromMonthIndex,
  idSchema,
  isLegalDate,
  isYearMonth,
  legalDateSchema,
  monthIndex,
  moneyFromFen,
  nonNegativeMoneySchema,
  paramAt,
  parseInput,
  refineUniqueIds,
  traceStep,
  yearMonthSchema,
  type LegalDate,
  type Money,
  type ParameterUse,
  type TraceNode,
  type YearMonth,
} from "@sannong/core";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import { P } from "../parameters";
import { RULES } from "../rules";

const enrolmentSchema = z.strictObject({
  id: idSchema,
  /** The date the farmer's enrolment (参保) took effect. */
  enrolledOn: legalDateSchema,
  /** Money to be transferred to the employee basic pension fund (划转职工基本养老保险基金) for this enrolment. */
  pensionFund: nonNegativeMoneySchema,
  /** Money to be put into the social-insurance risk reserve (充实社保风险金) for this enrolment. */
  riskReserve: nonNegativeMoneySchema,
});

/** The input schema of {@link buildTransferSchedule} (strict: unknown keys are rejected). */
export const buildTransferScheduleInputSchema = z
  .strictObject({
    enrolments: z
      .array(enrolmentSchema)
      .max(1_000_000)
      .superRefine((es, ctx) => refineUniqueIds(ctx, es)),
    /** First month of the schedule; the month of the earliest enrolment when absent. */
    from: yearMonthSchema.optional(),
    /** Last month of the schedule; the month of the latest enrolment when absent. */
    to: yearMonthSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.enrolments.length === 0 && (v.from === undefined || v.to === undefined)) {
      addIssue(
        ctx,
        "没有参保记录时须给出 from 与 to",
        "with no enrolments, give both from and to",
        [],
        "missing_window",
      );
    }
    if (v.from !== undefined && v.to !== undefined && isYearMonth(v.from) && isYearMonth(v.to) && v.from > v.to) {
      addIssue(
        ctx,
        `起始月 ${v.from} 晚于截止月 ${v.to}`,
        `from (${v.from}) is after to (${v.to})`,
        ["to"],
        "date_order",
      );
    }
    v.enrolments.forEach((e, i) => {
      if (!isLegalDate(e.enrolledOn)) return;
      const m = e.enrolledOn.slice(0, 7);
      if ((v.from !== undefined && m < v.from) || (v.to !== undefined && m > v.to)) {
        addIssue(
          ctx,
          `参保日期 ${e.enrolledOn} 不在计划期间内，其资金不会被遗漏，请调整 from/to`,
          `enrolment date ${e.enrolledOn} is outside the schedule; widen from/to so its money is not left out`,
          ["enrolments", i, "enrolledOn"],
          "outside_window",
        );
      }
    });
  });

/** The input of {@link buildTransferSchedule}. */
export type BuildTransferScheduleInput = z.input<typeof buildTransferScheduleInputSchema>;

/** One amount due (应划转/应到位). */
export interface TransferDue {
  /** Stable id: `pension-YYYY-MM` or `reserve-YYYY-Qn`. */
  readonly id: string;
  /** `pension`: employee basic pension fund (monthly); `reserve`: social-insurance risk reserve (quarterly). */
  readonly fund: "pension" | "reserve";
  /** The enrolment month or quarter the money belongs to. */
  readonly period: { readonly from: LegalDate; readonly to: LegalDate };
  /** The last day the money must arrive. */
  readonly dueDate: LegalDate;
  readonly amount: Money;
  /** Enrolments in the period. */
  readonly enrolments: number;
  /** e.g. `划转职工基本养老保险基金 2024-03`. */
  readonly label: string;
}

/** The result of {@link buildTransferSchedule}. */
export interface BuildTransferScheduleResult {
  /** Monthly pension-fund rows, then quarterly reserve rows, each in date order; every month and quarter of the window has a row (zero when nothing is due). */
  readonly due: readonly TransferDue[];
  readonly pensionTotal: Money;
  readonly reserveTotal: Money;
  readonly trace: TraceNode;
}

/**
 * Builds the schedule of fund transfers for enrolled land-expropriated
 * farmers (资金按月划转、风险金按季到位): the money of the enrolments of each
 * month is due to the employee basic pension fund by the end of that month,
 * and the risk-reserve money of each quarter's enrolments by the end of that
 * quarter (lags are parameters). The rows are the "due" schedule of
 * `@sannong/funds` `computeArrears` (FUNDS-TRANSFER-1): pass
 * `transfersAsDue(schedule)` — `{ id, dueDate, amount, label }` per row — as its
 * amounts due, and the transfers actually made as its payments.
 *
 * @param input - `enrolments [{ id, enrolledOn, pensionFund, riskReserve }]`, `from?`, `to?` (months)
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet`
 * @returns `{ due, pensionTotal, reserveTotal, trace }`; the totals equal the sums of the enrolments' amounts
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (bad money
 *   or dates, duplicate ids, an enrolment outside the window, unknown keys)
 * @example
 * ```ts
 * import { buildTransferSchedule } from "@sannong/insurance";
 * const s = buildTransferSchedule({ enrolments: [
 *   { id: "e1", enrolledOn: "2024-01-15", pensionFund: "30000.00", riskReserve: "1500.00" },
 *   { id: "e2", enrolledOn: "2024-03-02", pensionFund: "28000.00", riskReserve: "1400.00" } ] });
 * s.due.map((d) => [d.id, d.dueDate, String(d.amount)]); // → [["pension-2024-01", "2024-01-31", "30000.00"], ["pension-2024-02", "2024-02-29", "0.00"], ["pension-2024-03", "2024-03-31", "28000.00"], ["reserve-2024-Q1", "2024-03-31", "2900.00"]]
 * ```
 * @remarks Implements INS-TRANSFER-1 (002 §二(三); feeds FUNDS-TRANSFER-1).
 */
export function buildTransferSchedule(
  input: BuildTransferScheduleInput,
  options?: InsuranceOptions,
): BuildTransferScheduleResult {
  const data = parseInput(buildTransferScheduleInputSchema, input, "buildTransferSchedule");
  const set = resolveParameters(options, "buildTransferSchedule");
  const es = data.enrolments;
  let lo = data.from !== undefined ? monthIndex(data.from) : Number.POSITIVE_INFINITY;
  let hi = data.to !== undefined ? monthIndex(data.to) : Number.NEGATIVE_INFINITY;
  if (data.from === undefined || data.to === undefined) {
    for (const e of es) {
      const m = monthIndex(e.enrolledOn);
      if (data.from === undefined && m < lo) lo = m;
      if (data.to === undefined && m > hi) hi = m;
    }
  }
  const months = hi - lo + 1;
  const pension = new Array<bigint>(months).fill(0n);
  const pensionCount = new Array<number>(months).fill(0);
  const qLo = Math.floor(lo / 3);
  const quarters = Math.floor(hi / 3) - qLo + 1;
  const reserve = new Array<bigint>(quarters).fill(0n);
  const reserveCount = new Array<number>(quarters).fill(0);
  let pensionTotal = 0n;
  let reserveTotal = 0n;
  for (const e of es) {
    const m = monthIndex(e.enrolledOn);
    pension[m - lo]! += e.pensionFund.fen;
    pensionCount[m - lo]! += 1;
    reserve[Math.floor(m / 3) - qLo]! += e.riskReserve.fen;
    reserveCount[Math.floor(m / 3) - qLo]! += 1;
    pensionTotal += e.pensionFund.fen;
    reserveTotal += e.riskReserve.fen;
  }
  // Lags are read on the first day of each month / quarter (effective-dated); record each distinct use.
  const uses = new Map<string, ParameterUse>();
  const lagOn = (id: string, date: LegalDate): number => {
    const u = paramAt<number>(set, id, date);
    uses.set(`${u.id}@${u.from}`, u);
    return u.value;
  };
  const due: TransferDue[] = [];
  for (let k = 0; k < months; k++) {
    const ym: YearMonth = fromMonthIndex(lo + k);
    const first = `${ym}-01`;
    const lag = lagOn(P.pensionLag, first);
    due.push({
      id: `pension-${ym}`,
      fund: "pension",
      period: { from: first, to: endOfMonth(ym) },
      dueDate: endOfMonth(fromMonthIndex(lo + k + lag)),
      amount: moneyFromFen(pension[k]!),
      enrolments: pensionCount[k]!,
      label: `划转职工基本养老保险基金 ${ym}`,
    });
  }
  for (let k = 0; k < quarters; k++) {
    const q = qLo + k;
    const year = Math.floor(q / 4);
    const qn = (q % 4) + 1;
    const first = `${fromMonthIndex(q * 3)}-01`;
    const lag = lagOn(P.reserveLag, first);
    due.push({
      id: `reserve-${year}-Q${qn}`,
      fund: "reserve",
      period: { from: first, to: endOfMonth(fromMonthIndex(q * 3 + 2)) },
      dueDate: endOfMonth(fromMonthIndex((q + lag) * 3 + 2)),
      amount: moneyFromFen(reserve[k]!),
      enrolments: reserveCount[k]!,
      label: `充实社保风险金 ${year}年第${qn}季度`,
    });
  }
  const trace = traceStep(RULES["INS-TRANSFER-1"], {
    inputs: { enrolments: es.length, from: fromMonthIndex(lo), to: fromMonthIndex(hi) },
    parameters: [...uses.values()],
    output: { months, quarters, pensionTotal: moneyFromFen(pensionTotal), reserveTotal: moneyFromFen(reserveTotal) },
    note: {
      zh: "应划转职工基本养老保险基金的资金按月划转，充实社保风险金的资金按季到位",
      en: "pension-fund money is transferred monthly, risk-reserve money quarterly",
    },
  });
  return { due, pensionTotal: moneyFromFen(pensionTotal), reserveTotal: moneyFromFen(reserveTotal), trace };
}
