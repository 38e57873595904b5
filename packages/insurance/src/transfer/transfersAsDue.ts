import * as z from "zod";
import {
  idSchema,
  legalDateSchema,
  moneySchema,
  parseInput,
  refineUniqueIds,
  type LegalDate,
  type Money,
} from "@sannong/core";
import { resolveParameters, type InsuranceOptions } from "../internal/options";

const dueSchema = z.strictObject({
  id: idSchema,
  fund: z.enum(["pension", "reserve"]),
  period: z.strictObject({ from: legalDateSchema, to: legalDateSchema }),
  dueDate: legalDateSchema,
  amount: moneySchema,
  enrolments: z.number().int().nonnegative(),
  label: z.string(),
});

/** The input schema of {@link transfersAsDue}: a `buildTransferSchedule` result (as returned or after a JSON round trip). */
export const transfersAsDueInputSchema = z.strictObject({
  // Ids are unique: computeArrears matches payments to amounts due by id, so two rows with one id would be one debt.
  due: z
    .array(dueSchema)
    .superRefine((ds, ctx) => refineUniqueIds(ctx, ds))
    .readonly(),
  pensionTotal: moneySchema,
  reserveTotal: moneySchema,
  trace: z.unknown(),
});

/** The input of {@link transfersAsDue}. */
export type TransfersAsDueInput = z.input<typeof transfersAsDueInputSchema>;

/** One amount due, as the arrears computation (FUNDS-TRANSFER-1) reads it. */
export interface DueItem {
  readonly id: string;
  readonly dueDate: LegalDate;
  readonly amount: Money;
  readonly label: string;
}

/**
 * Turns a transfer schedule (按月划转、按季到位) into the list of amounts due
 * of `@sannong/funds` `computeArrears` (FUNDS-TRANSFER-1): `{ id, dueDate,
 * amount, label }` per row, pension rows then reserve rows. Zero rows are
 * dropped (nothing can be in arrears on them).
 *
 * @param schedule - a `buildTransferSchedule` result
 * @param options - accepted for uniformity; no parameter is read
 * @returns the non-zero amounts due, in schedule order
 * @throws {@link ValidationError} `INVALID_INPUT` when the argument is not a
 *   schedule, or two rows share an id (issue code `duplicate_id`, path `due[i].id`)
 * @example
 * ```ts
 * import { transfersAsDue, buildTransferSchedule } from "@sannong/insurance";
 * const schedule = buildTransferSchedule({ enrolments: [{ id: "e1", enrolledOn: "2024-01-15", pensionFund: "30000.00", riskReserve: "1500.00" }] });
 * transfersAsDue(schedule).map((d) => [d.id, d.dueDate, String(d.amount)]); // → [["pension-2024-01", "2024-01-31", "30000.00"], ["reserve-2024-Q1", "2024-03-31", "1500.00"]]
 * transfersAsDue(schedule).map((d) => d.label); // → ["划转职工基本养老保险基金 2024-01", "充实社保风险金 2024年第1季度"]
 * ```
 * @remarks Implements INS-TRANSFER-1 (002 §二(三); FUNDS-TRANSFER-1).
 */
export function transfersAsDue(schedule: TransfersAsDueInput, options?: InsuranceOptions): DueItem[] {
  const data = parseInput(transfersAsDueInputSchema, schedule, "transfersAsDue");
  resolveParameters(options, "transfersAsDue"); // validated for uniformity; no parameter is read
  return data.due
    .filter((d) => d.amount.fen !== 0n)
    .map((d) => ({ id: d.id, dueDate: d.dueDate, amount: d.amount, label: d.label }));
}
