import * as z from "zod";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import {
  idSchema,
  legalDateSchema,
  moneySchema,
  parseInput,
  yearMonthSchema,
  type LegalDate,
  type Money,
} from "@sannong/core";

const remittanceSchema = z.strictObject({
  dueDate: legalDateSchema,
  from: yearMonthSchema,
  to: yearMonthSchema,
  personMonths: z.number().int().nonnegative(),
  persons: z.number().int().nonnegative(),
  amount: moneySchema,
});

/**
 * The input schema of {@link remittancesAsOutflows}: a result of
 * `buildRemittanceSchedule` (as returned, or after a JSON round trip).
 */
export const remittancesAsOutflowsInputSchema = z.strictObject({
  remittances: z.array(remittanceSchema).readonly(),
  lumpSum: moneySchema,
  standards: z.array(z.strictObject({ year: z.number().int(), monthlyStandard: moneySchema })).readonly(),
  trace: z.unknown(),
  /** Optional prefix of the labels (e.g. the village or the cohort). */
  label: idSchema.optional(),
});

/** The input of {@link remittancesAsOutflows}. */
export type RemittancesAsOutflowsInput = z.input<typeof remittancesAsOutflowsInputSchema>;

/** One outflow of the fund pool projection (FUNDS-POOL-2). */
export interface PoolOutflow {
  /** The date the money leaves the pool: the remittance's due date. */
  readonly date: LegalDate;
  readonly amount: Money;
  /** e.g. `超转人员保障费用汇缴 2022-08..2025-12`. */
  readonly label: string;
}

/**
 * Turns a remittance schedule (趸缴变分期) into the outflows of the fund pool
 * projection of `@sannong/funds` `projectFundPool` (FUNDS-POOL-2): one outflow
 * per remittance, on its due date, for its amount. Zero remittances (no one
 * covered any more) are kept so the cadence stays visible; they move no money.
 *
 * @param schedule - a `buildRemittanceSchedule` result (optionally with a `label` prefix)
 * @param options - accepted for uniformity; no parameter is read
 * @returns `[{ date, amount, label }]` in due-date order
 * @throws {@link ValidationError} `INVALID_INPUT` when the argument is not a schedule
 * @example
 * ```ts
 * import { remittancesAsOutflows, buildRemittanceSchedule } from "@sannong/insurance";
 * const schedule = buildRemittanceSchedule({ handoverDate: "2022-07-15", periodYears: 3, monthlyStandard: "1500.00", periods: 0, persons: [{ id: "p1" }] });
 * remittancesAsOutflows(schedule); // → [{ date: "2022-07-15", amount: "61500.00", label: "超转人员保障费用汇缴 2022-08..2025-12" }]
 * ```
 * @remarks Implements INS-OVERAGE-5 (000 §三2–3; FUNDS-POOL-2).
 */
export function remittancesAsOutflows(schedule: RemittancesAsOutflowsInput, options?: InsuranceOptions): PoolOutflow[] {
  const data = parseInput(remittancesAsOutflowsInputSchema, schedule, "remittancesAsOutflows");
  resolveParameters(options, "remittancesAsOutflows"); // validated for uniformity; no parameter is read
  const prefix = data.label === undefined ? "" : `${data.label} `;
  return data.remittances.map((r) => ({
    date: r.dueDate,
    amount: r.amount,
    label: `${prefix}超转人员保障费用汇缴 ${r.from}..${r.to}`,
  }));
}
