import * as z from "zod";
import {
  addIssue,
  allocate,
  compareDates,
  fraction,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  type LegalDate,
  type Money,
  type MoneyInput,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { paramsOf, ONLY_WHEN_VALID } from "../internal/common";
import { showFraction } from "../internal/format";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";
import { fractionWeights, ratioOrParam, retentionSchema } from "./planDisbursement";

/** The zod schema of {@link settleDisbursement}'s input. */
export const settleDisbursementInputSchema = z
  .strictObject({
    approved: nonNegativeMoneySchema,
    acceptedCost: nonNegativeMoneySchema,
    paid: z.array(z.strictObject({ date: legalDateSchema, amount: nonNegativeMoneySchema })).max(10_000),
    date: legalDateSchema,
    retention: retentionSchema.optional(),
  })
  .superRefine((d, ctx) => {
    d.paid.forEach((p, i) => {
      if (compareDates(p.date, d.date) > 0)
        addIssue(
          ctx,
          `付款日 ${p.date} 晚于结算日 ${d.date}`,
          `payment dated ${p.date} is after the settlement date ${d.date}`,
          ["paid", i, "date"],
          "after_settlement",
        );
    });
  }, ONLY_WHEN_VALID);

/** The input of {@link settleDisbursement}. */
export interface SettleDisbursementInput {
  /** The approved amount (批复金额). */
  readonly approved: MoneyInput;
  /** The cost accepted at completion (验收核定金额). */
  readonly acceptedCost: MoneyInput;
  /** Payments already made (advance and progress payments), on or before the settlement date. */
  readonly paid: readonly { readonly date: LegalDate; readonly amount: MoneyInput }[];
  /** The settlement date. */
  readonly date: LegalDate;
  /** Retention (质保金) held until a date; its ratio defaults to [param] `funds.pay.retentionRatio`. */
  readonly retention?: { readonly ratio?: number | string; readonly until: LegalDate };
}

/** The result of {@link settleDisbursement}. */
export interface SettleDisbursementResult {
  /** min(approved, accepted cost): what the project is finally owed (结算金额). */
  readonly final: Money;
  /** Σ payments already made. */
  readonly paid: Money;
  /** Paid now at settlement. */
  readonly payNow: Money;
  /** Retention still held (zero once its date has come). */
  readonly retentionHeld: Money;
  /** When the held retention is released (null when none is held). */
  readonly retentionReleaseOn: LegalDate | null;
  /** To recover when payments exceeded the final amount (应收回). */
  readonly recovery: Money;
  /** True when the payments already exceeded the approved amount (a breach of the plan). */
  readonly paidAboveApproved: boolean;
  readonly trace: TraceNode;
}

/**
 * Settles a project after completion and acceptance (完工验收后结算): the
 * project is owed min(approved, accepted cost); settlement pays that minus
 * what was already paid, holding back the retention (质保金, a share of the
 * final amount split off with core `allocate`) until its date, or reports the
 * amount to recover when payments exceeded the final amount. Always
 * paid + payNow + retentionHeld − recovery = final.
 *
 * @param input - see {@link SettleDisbursementInput}
 * @param options - `parameters`: the parameter set (default `fundsParameterSet`), read at the settlement date
 * @returns final amount, payment now, retention held and its date, recovery
 * @throws {@link ValidationError} `INVALID_INPUT` (payments after the settlement date, bad amounts)
 * @example
 * ```ts
 * import { settleDisbursement } from "@sannong/funds";
 * const r = settleDisbursement({
 *   approved: "500000.00", acceptedCost: "480000.00", date: "2025-06-30",
 *   paid: [{ date: "2024-03-10", amount: "150000.00" }, { date: "2024-09-01", amount: "250000.00" }],
 *   retention: { ratio: "0.03", until: "2027-06-30" },
 * });
 * [String(r.final), String(r.payNow), String(r.retentionHeld), String(r.recovery)]; // → ["480000.00", "65600.00", "14400.00", "0.00"]
 * ```
 * @remarks Implements FUNDS-PAY-1 (004 §二(三)3).
 */
export function settleDisbursement(input: SettleDisbursementInput, options?: FundsOptions): SettleDisbursementResult {
  const data = parseInput(settleDisbursementInputSchema, input, "settleDisbursement");
  const set = paramsOf(options, "settleDisbursement");
  const uses: ParameterUse[] = [];
  const finalFen = data.approved.fen < data.acceptedCost.fen ? data.approved.fen : data.acceptedCost.fen;
  const paid = data.paid.reduce((s, p) => s + p.amount.fen, 0n);
  const rho = data.retention
    ? ratioOrParam(data.retention.ratio, set, "funds.pay.retentionRatio", data.date, uses)
    : fraction(0n);
  // the retention is split off the final amount with core allocate: [payable, retention], a tie goes to the payable part
  const finalMoney = moneyFromFen(finalFen);
  const retention =
    rho.num === 0n ? 0n : allocate(finalMoney, fractionWeights([fraction(rho.den - rho.num, rho.den), rho]))[1]!.fen;
  const released = data.retention !== undefined && compareDates(data.date, data.retention.until) >= 0;
  const due = finalFen - paid;
  let payNow = 0n;
  let held = 0n;
  let recovery = 0n;
  if (due >= 0n) {
    held = released ? 0n : retention < due ? retention : due;
    payNow = due - held;
  } else recovery = -due;
  const result = {
    final: finalMoney,
    paid: moneyFromFen(paid),
    payNow: moneyFromFen(payNow),
    retentionHeld: moneyFromFen(held),
    retentionReleaseOn: held > 0n ? data.retention!.until : null,
    recovery: moneyFromFen(recovery),
    paidAboveApproved: paid > data.approved.fen,
  };
  const trace = traceStep(RULES["FUNDS-PAY-1"], {
    inputs: {
      approved: data.approved,
      acceptedCost: data.acceptedCost,
      paid: result.paid,
      retentionRatio: showFraction(rho),
      date: data.date,
    },
    parameters: uses,
    output: {
      final: result.final,
      payNow: result.payNow,
      retentionHeld: result.retentionHeld,
      recovery: result.recovery,
    },
    note:
      recovery > 0n
        ? {
            zh: "已拨付超过结算金额，应收回多拨部分",
            en: "payments exceeded the final amount: the excess is to be recovered",
          }
        : {
            zh: "结算金额 = min(批复金额, 验收核定金额)；本次支付 = 结算金额 − 已拨付 − 未到期质保金",
            en: "final = min(approved, accepted cost); paid now = final − already paid − retention not yet due",
          },
  });
  return { ...result, trace };
}
