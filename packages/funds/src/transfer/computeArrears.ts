import * as z from "zod";
import {
  addDays,
  addIssue,
  compareDates,
  daysBetween,
  endOfMonth,
  endOfQuarter,
  fromMonthIndex,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  yearMonthSchema,
  type LegalDate,
  type Money,
  type MoneyInput,
  type ParameterUse,
  type TraceNode,
  type YearMonth,
} from "@sannong/core";
import { ONLY_WHEN_VALID, paramsOf, readParam } from "../internal/common";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";

/** How often an amount falls due: 按月划转 (monthly) or 按季到位 (quarterly). */
export type TransferFrequency = "monthly" | "quarterly";
/** The state of one period at the report date. */
export type PeriodStatus = "paid" | "paid-late" | "overdue" | "due-today";

const monthIndexOf = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/** The zod schema of {@link computeArrears}'s input. */
export const computeArrearsInputSchema = z
  .strictObject({
    asOf: legalDateSchema,
    since: legalDateSchema.optional(),
    obligations: z
      .array(
        z.strictObject({
          id: idSchema,
          label: z.string().max(200).optional(),
          frequency: z.enum(["monthly", "quarterly"]),
          first: yearMonthSchema,
          last: yearMonthSchema.optional(),
          amount: nonNegativeMoneySchema,
        }),
      )
      .min(1)
      .max(1000),
    transfers: z
      .array(z.strictObject({ obligation: idSchema, date: legalDateSchema, amount: nonNegativeMoneySchema }))
      .max(1_000_000),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.obligations.forEach((o, i) => {
      if (ids.has(o.id))
        addIssue(
          ctx,
          `重复的划转项目 “${o.id}”`,
          `duplicate obligation "${o.id}"`,
          ["obligations", i, "id"],
          "duplicate_id",
        );
      ids.add(o.id);
      if (o.last !== undefined && o.last < o.first)
        addIssue(ctx, "last 早于 first", "last is before first", ["obligations", i, "last"], "out_of_range");
    });
    d.transfers.forEach((t, i) => {
      if (!ids.has(t.obligation))
        addIssue(
          ctx,
          `未知的划转项目 “${t.obligation}”`,
          `unknown obligation "${t.obligation}"`,
          ["transfers", i, "obligation"],
          "unknown_obligation",
        );
    });
    if (d.since !== undefined && compareDates(d.since, d.asOf) > 0)
      addIssue(ctx, "since 晚于 asOf", "since is after asOf", ["since"], "out_of_range");
  }, ONLY_WHEN_VALID);

/** The input of {@link computeArrears}. */
export interface ComputeArrearsInput {
  /** The report date (截至日). */
  readonly asOf: LegalDate;
  /** The previous report date: arrears on periods due after it are "new" (all periods when absent). */
  readonly since?: LegalDate;
  /**
   * What must be transferred: e.g. `{ id: "pension", frequency: "monthly",
   * first: "2024-01", amount: "120000.00" }` (按月划转职工基本养老保险基金) or a
   * quarterly transfer to the social-insurance risk reserve (按季到位). A
   * quarterly obligation's periods are calendar quarters, from the quarter
   * containing `first`.
   */
  readonly obligations: readonly {
    readonly id: string;
    readonly label?: string;
    readonly frequency: TransferFrequency;
    readonly first: YearMonth;
    readonly last?: YearMonth;
    readonly amount: MoneyInput;
  }[];
  /** Transfers made: each pays the oldest unpaid period of its obligation first. */
  readonly transfers: readonly { readonly obligation: string; readonly date: LegalDate; readonly amount: MoneyInput }[];
}

/** One period of an obligation. */
export interface ArrearsPeriod {
  /** `YYYY-MM`, or `YYYY-Qn` for a quarter. */
  readonly period: string;
  /** Last day to transfer: the period's last day plus the grace days ([param] `funds.transfer.graceDays`). */
  readonly dueDate: LegalDate;
  readonly due: Money;
  /** Transferred for this period by the report date. */
  readonly paid: Money;
  /** Of which after the due date. */
  readonly paidLate: Money;
  /** Still owed (due − paid). */
  readonly outstanding: Money;
  /** Owed and past the due date (拖欠). */
  readonly overdue: Money;
  /** Days past the due date: to the report date while owed, else to the transfer that completed the period; 0 if on time. */
  readonly daysLate: number;
  readonly status: PeriodStatus;
}

/** One obligation's account. */
export interface ObligationArrears {
  readonly id: string;
  readonly frequency: TransferFrequency;
  /** Periods due on or before the report date, oldest first. */
  readonly periods: readonly ArrearsPeriod[];
  readonly totalDue: Money;
  readonly totalPaid: Money;
  /** Σ overdue. */
  readonly arrears: Money;
  /** Transferred beyond what is due by the report date (prepaid). */
  readonly credit: Money;
  /** Periods due after `since` that were overdue or paid late (新产生的拖欠). */
  readonly newArrears: readonly string[];
}

/** The result of {@link computeArrears}. */
export interface ComputeArrearsResult {
  readonly obligations: readonly ObligationArrears[];
  /** Σ arrears of every obligation. */
  readonly arrears: Money;
  /** True when any new arrears arose (保证不产生新的拖欠). */
  readonly newArrears: boolean;
  /** Transfers dated after the report date, not counted. */
  readonly ignoredTransfers: number;
  readonly trace: TraceNode;
}

/**
 * Transfer arrears as of a date (划转拖欠): from obligations due monthly
 * (按月划转, e.g. to the employee pension fund) or quarterly (按季到位, e.g. to
 * the social-insurance risk reserve) and the transfers actually made —
 * matched oldest period first — the amount overdue per period, the days late,
 * and whether new arrears arose since the previous report.
 *
 * @param input - see {@link ComputeArrearsInput}
 * @param options - `parameters`: the parameter set (default `fundsParameterSet`); the grace days are read at each period's end
 * @returns per obligation and period: due, paid, paid late, outstanding, overdue, days late; totals; whether new arrears arose
 * @throws {@link ValidationError} `INVALID_INPUT` (unknown obligations, last before first, since after asOf, bad dates)
 * @example
 * ```ts
 * import { computeArrears } from "@sannong/funds";
 * const r = computeArrears({
 *   asOf: "2024-05-15", since: "2024-03-31",
 *   obligations: [{ id: "pension", frequency: "monthly", first: "2024-01", amount: "100000.00" }],
 *   transfers: [
 *     { obligation: "pension", date: "2024-01-25", amount: "100000.00" },
 *     { obligation: "pension", date: "2024-03-10", amount: "150000.00" },
 *   ],
 * });
 * r.obligations[0]?.periods.map((p) => [p.period, p.status, String(p.overdue), p.daysLate]); // → [["2024-01","paid","0.00",0], ["2024-02","paid-late","0.00",10], ["2024-03","overdue","50000.00",45], ["2024-04","overdue","100000.00",15]]
 * r.newArrears; // → true
 * ```
 * @remarks Implements FUNDS-TRANSFER-1 (002 §二(三)).
 */
export function computeArrears(input: ComputeArrearsInput, options?: FundsOptions): ComputeArrearsResult {
  const data = parseInput(computeArrearsInputSchema, input, "computeArrears");
  const set = paramsOf(options, "computeArrears");
  const uses: ParameterUse[] = [];
  let ignored = 0;
  const byObligation = new Map<string, { date: LegalDate; amount: bigint; order: number }[]>();
  data.transfers.forEach((t, i) => {
    if (compareDates(t.date, data.asOf) > 0) {
      ignored++;
      return;
    }
    const list = byObligation.get(t.obligation) ?? [];
    list.push({ date: t.date, amount: t.amount.fen, order: i });
    byObligation.set(t.obligation, list);
  });

  const obligations: ObligationArrears[] = data.obligations.map((o) => {
    // periods due on or before asOf
    const step = o.frequency === "monthly" ? 1 : 3;
    let mi = monthIndexOf(o.first);
    if (step === 3) mi -= mi % 3;
    const lastMi = o.last !== undefined ? monthIndexOf(o.last) : Number.POSITIVE_INFINITY;
    const periods: { label: string; dueDate: LegalDate }[] = [];
    while (mi <= lastMi && mi <= 2199 * 12 + 11) {
      const ym = fromMonthIndex(mi);
      const end = step === 1 ? endOfMonth(ym) : endOfQuarter(ym);
      const grace = readParam<number>(set, "funds.transfer.graceDays", end, uses);
      const dueDate = grace === 0 ? end : addDays(end, grace);
      if (compareDates(dueDate, data.asOf) > 0) break;
      periods.push({ label: step === 1 ? ym : `${ym.slice(0, 4)}-Q${(mi % 12) / 3 + 1}`, dueDate });
      mi += step;
    }
    const due = o.amount.fen;
    const paid: bigint[] = periods.map(() => 0n);
    const paidLate: bigint[] = periods.map(() => 0n);
    const completedOn: (LegalDate | null)[] = periods.map(() => null);
    const transfers = (byObligation.get(o.id) ?? []).sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order,
    );
    let k = 0;
    let credit = 0n;
    for (const t of transfers) {
      let left = t.amount;
      while (left > 0n && k < periods.length) {
        const need = due - paid[k]!;
        const take = left < need ? left : need;
        paid[k]! += take;
        if (compareDates(t.date, periods[k]!.dueDate) > 0) paidLate[k]! += take;
        left -= take;
        if (paid[k] === due) {
          completedOn[k] = t.date;
          k++;
        }
      }
      credit += left;
    }
    const rows: ArrearsPeriod[] = periods.map((p, i) => {
      const outstanding = due - paid[i]!;
      const past = compareDates(data.asOf, p.dueDate) > 0;
      const overdue = past ? outstanding : 0n;
      const status: PeriodStatus =
        outstanding > 0n ? (past ? "overdue" : "due-today") : paidLate[i]! > 0n ? "paid-late" : "paid";
      const daysLate =
        overdue > 0n
          ? daysBetween(p.dueDate, data.asOf)
          : status === "paid-late"
            ? daysBetween(p.dueDate, completedOn[i]!)
            : 0;
      return {
        period: p.label,
        dueDate: p.dueDate,
        due: o.amount,
        paid: moneyFromFen(paid[i]!),
        paidLate: moneyFromFen(paidLate[i]!),
        outstanding: moneyFromFen(outstanding),
        overdue: moneyFromFen(overdue),
        daysLate,
        status,
      };
    });
    const since = data.since;
    const newArrears = rows
      .filter(
        (r) =>
          (since === undefined || compareDates(r.dueDate, since) > 0) &&
          (r.status === "overdue" || r.status === "paid-late"),
      )
      .map((r) => r.period);
    return {
      id: o.id,
      frequency: o.frequency,
      periods: rows,
      totalDue: moneyFromFen(due * BigInt(rows.length)),
      totalPaid: moneyFromFen(paid.reduce((s, x) => s + x, 0n)),
      arrears: moneyFromFen(rows.reduce((s, r) => s + r.overdue.fen, 0n)),
      credit: moneyFromFen(credit),
      newArrears,
    };
  });
  const arrears = moneyFromFen(obligations.reduce((s, o) => s + o.arrears.fen, 0n));
  const newArrears = obligations.some((o) => o.newArrears.length > 0);
  const trace = traceStep(RULES["FUNDS-TRANSFER-1"], {
    inputs: {
      asOf: data.asOf,
      ...(data.since ? { since: data.since } : {}),
      obligations: data.obligations.map((o) => ({ id: o.id, frequency: o.frequency, amount: o.amount })),
      ignoredTransfers: ignored,
    },
    parameters: uses,
    output: {
      arrears,
      newArrears,
      byObligation: obligations.map((o) => ({ id: o.id, arrears: o.arrears, newArrears: [...o.newArrears] })),
    },
    note: {
      zh: "每期应于期末（加宽限天数）前划转；实际划转按先到期先冲抵；期满未足额即为拖欠",
      en: "each period is due at its end (plus the grace days); transfers pay the oldest period first; what is unpaid after the due date is in arrears",
    },
  });
  return { obligations, arrears, newArrears, ignoredTransfers: ignored, trace };
}
