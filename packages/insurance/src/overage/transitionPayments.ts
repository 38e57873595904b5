import * as z from "zod";
import {
  addIssue,
  fromMonthIndex,
  idSchema,
  isLegalDate,
  isYearMonth,
  legalDateSchema,
  monthIndex,
  moneyFromFen,
  moneySchema,
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
import { fail } from "../errors";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import { warning, type InsuranceWarning } from "../internal/warning";
import { P } from "../parameters";
import { RULES } from "../rules";

const personSchema = z.strictObject({
  id: idSchema,
  /** First month of the person's temporary guarantee (when later than `startMonth`). */
  from: yearMonthSchema.optional(),
  /** Last day of cover (death or exit); the month containing it is covered. */
  until: legalDateSchema.optional(),
});

/** The input schema of {@link transitionPayments} (strict: unknown keys are rejected). */
export const transitionPaymentsInputSchema = z
  .strictObject({
    /** First month of the temporary guarantee (the month after the village's money was injected, say). */
    startMonth: yearMonthSchema,
    /** 正式转非批复: the transition covers through the month of approval. */
    approvalDate: legalDateSchema.optional(),
    /** Last month to project while no approval is known (required without `approvalDate`). */
    until: yearMonthSchema.optional(),
    /** The civil-affairs monthly standard per person (区民政局标准); the parameter, month by month, when absent. */
    monthlyStandard: nonNegativeMoneySchema.optional(),
    /** Payment period (按期拨付); the parameter `insurance.overage.transitionPaymentPeriod` when absent. */
    paymentPeriod: z.enum(["month", "quarter", "year"]).optional(),
    /** The money the village injected for these persons (注入资金), to compare with the payments. */
    injectedAmount: moneySchema.optional(),
    /** The pending persons (待转非人员) that correspond to the injected money. */
    persons: z
      .array(personSchema)
      .max(1_000_000)
      .superRefine((ps, ctx) => refineUniqueIds(ctx, ps)),
  })
  .superRefine((v, ctx) => {
    if (v.approvalDate === undefined && v.until === undefined) {
      addIssue(
        ctx,
        "未取得转非批复时须给出 until（测算截止月）",
        "without an approval date, give until (the last month to project)",
        ["until"],
        "missing_until",
      );
    }
    if (!isYearMonth(v.startMonth)) return;
    if (v.approvalDate !== undefined && isLegalDate(v.approvalDate) && v.approvalDate.slice(0, 7) < v.startMonth) {
      addIssue(
        ctx,
        `转非批复 ${v.approvalDate} 早于过渡期起始月 ${v.startMonth}`,
        `the approval (${v.approvalDate}) is before the transition starts (${v.startMonth})`,
        ["approvalDate"],
        "date_order",
      );
    }
    if (v.until !== undefined && isYearMonth(v.until) && v.until < v.startMonth) {
      addIssue(
        ctx,
        `截止月 ${v.until} 早于起始月 ${v.startMonth}`,
        `until (${v.until}) is before startMonth (${v.startMonth})`,
        ["until"],
        "date_order",
      );
    }
  });

/** The input of {@link transitionPayments}. */
export type TransitionPaymentsInput = z.input<typeof transitionPaymentsInputSchema>;

/** One payment to the village collective's account. */
export interface TransitionPayment {
  /** Paid on the first day of the period (in advance). */
  readonly dueDate: LegalDate;
  readonly from: YearMonth;
  readonly to: YearMonth;
  readonly personMonths: number;
  readonly amount: Money;
  /** Always the village collective's account (村集体账户). */
  readonly payee: "village-collective";
}

/** The result of {@link transitionPayments}. */
export interface TransitionPaymentsResult {
  readonly payments: readonly TransitionPayment[];
  readonly total: Money;
  /** The last month covered: the approval month, or `until`. */
  readonly lastMonth: YearMonth;
  /** True when the payments exceed the injected money (when it was given). */
  readonly exceedsInjected: boolean | null;
  readonly warnings: readonly InsuranceWarning[];
  readonly trace: TraceNode;
}

/**
 * Computes the transition guarantee (过渡期保障): until the village gets its
 * official conversion approval (正式转非批复), the district platform pays
 * temporary guarantee fees for the pending persons that correspond to the
 * money the village injected, at the civil-affairs standard (区民政局标准), to
 * the village collective's account each period (按期拨付). A person counts in
 * every month from `startMonth` (or the person's `from`) through the month
 * containing `until`, and never after the approval month (cover then passes to
 * the remittance schedule, which starts the month after handover by default).
 * Without `monthlyStandard`, the standard is the parameter in force on the
 * first day of each month.
 *
 * @param input - `startMonth`, `approvalDate?` or `until`, `monthlyStandard?`, `paymentPeriod?`, `injectedAmount?`, `persons`
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet`
 * @returns `{ payments, total, lastMonth, exceedsInjected, warnings, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input;
 *   {@link PolicyError} `STANDARD_NOT_SET` when no standard is given or set for a month
 * @example
 * ```ts
 * import { transitionPayments } from "@sannong/insurance";
 * const r = transitionPayments({ startMonth: "2024-02", approvalDate: "2024-08-20", monthlyStandard: "1800.00",
 *   persons: [{ id: "a" }, { id: "b", until: "2024-05-03" }] });
 * r.payments.map((p) => [p.dueDate, p.from, p.to, p.personMonths, String(p.amount)]); // → [["2024-02-01", "2024-02", "2024-03", 4, "7200.00"], ["2024-04-01", "2024-04", "2024-06", 5, "9000.00"], ["2024-07-01", "2024-07", "2024-08", 2, "3600.00"]]
 * ```
 * @remarks Implements INS-OVERAGE-4 (000 §三4); feeds FUNDS-POOL-2 as outflows.
 */
export function transitionPayments(
  input: TransitionPaymentsInput,
  options?: InsuranceOptions,
): TransitionPaymentsResult {
  const data = parseInput(transitionPaymentsInputSchema, input, "transitionPayments");
  const set = resolveParameters(options, "transitionPayments");
  const start = monthIndex(data.startMonth);
  const end = data.approvalDate !== undefined ? monthIndex(data.approvalDate) : monthIndex(data.until!);
  const used = new Map<string, ParameterUse>();
  const record = (u: ParameterUse): void => void used.set(`${u.id}@${u.from}`, u);
  let period = data.paymentPeriod;
  if (period === undefined) {
    const u = paramAt<"month" | "quarter" | "year">(set, P.transitionPeriod, `${data.startMonth}-01`);
    record(u);
    period = u.value;
  }
  const span = end - start + 1;
  // persons covered per month
  const delta = new Array<number>(span + 1).fill(0);
  for (const p of data.persons) {
    const a = Math.max(p.from !== undefined ? monthIndex(p.from) : start, start);
    const b = Math.min(p.until !== undefined ? monthIndex(p.until) : end, end);
    if (a > b) continue;
    delta[a - start]! += 1;
    delta[b - start + 1]! -= 1;
  }
  const stdFen = (m: number): bigint => {
    if (data.monthlyStandard !== undefined) return data.monthlyStandard.fen;
    const u = paramAt<string | null>(set, P.transitionStandard, `${fromMonthIndex(m)}-01`);
    record(u);
    if (u.value === null)
      fail("STANDARD_NOT_SET", { parameter: P.transitionStandard, date: `${fromMonthIndex(m)}-01` }, [
        "monthlyStandard",
      ]);
    return parseInput(moneySchema, u.value, "transitionPayments").fen;
  };
  const len = period === "month" ? 1 : period === "quarter" ? 3 : 12;
  const payments: TransitionPayment[] = [];
  let covered = 0;
  let total = 0n;
  let cur: { from: number; personMonths: number; fen: bigint } | null = null;
  const flush = (to: number): void => {
    if (!cur) return;
    payments.push({
      dueDate: `${fromMonthIndex(cur.from)}-01`,
      from: fromMonthIndex(cur.from),
      to: fromMonthIndex(to),
      personMonths: cur.personMonths,
      amount: moneyFromFen(cur.fen),
      payee: "village-collective",
    });
    total += cur.fen;
    cur = null;
  };
  for (let m = start; m <= end; m++) {
    if (cur === null) cur = { from: m, personMonths: 0, fen: 0n };
    covered += delta[m - start]!;
    if (covered > 0) {
      cur.personMonths += covered;
      cur.fen += stdFen(m) * BigInt(covered);
    }
    if ((m + 1) % len === 0 || m === end) flush(m);
  }
  const warnings: InsuranceWarning[] = [];
  let exceeds: boolean | null = null;
  if (data.injectedAmount !== undefined) {
    exceeds = total > data.injectedAmount.fen;
    if (exceeds)
      warnings.push(
        warning(
          "EXCEEDS_INJECTED",
          `过渡期保障费用 ${String(moneyFromFen(total))} 元超过村集体注入资金 ${String(data.injectedAmount)} 元`,
          `the transition payments (${String(moneyFromFen(total))} 元) exceed the money the village injected (${String(data.injectedAmount)} 元)`,
        ),
      );
  }
  if (data.approvalDate === undefined)
    warnings.push(
      warning(
        "NO_APPROVAL_YET",
        `尚未取得转非批复，测算至 ${data.until}`,
        `no conversion approval yet: projected through ${data.until}`,
      ),
    );
  const trace = traceStep(RULES["INS-OVERAGE-4"], {
    inputs: {
      startMonth: data.startMonth,
      approvalDate: data.approvalDate ?? null,
      until: data.until ?? null,
      monthlyStandard: data.monthlyStandard ?? null,
      paymentPeriod: period,
      persons: data.persons.length,
      injectedAmount: data.injectedAmount ?? null,
    },
    parameters: [...used.values()],
    output: { payments: payments.length, total: moneyFromFen(total), exceedsInjected: exceeds },
    note: {
      zh: "正式转非批复前，按区民政局标准向注入资金对应的待转非人员支付临时保障费用，按期拨付至村集体账户",
      en: "until the conversion approval, temporary guarantee fees at the civil-affairs standard for the pending persons matching the injected money, paid each period to the village collective's account",
    },
  });
  return {
    payments,
    total: moneyFromFen(total),
    lastMonth: fromMonthIndex(end),
    exceedsInjected: exceeds,
    warnings,
    trace,
  };
}
