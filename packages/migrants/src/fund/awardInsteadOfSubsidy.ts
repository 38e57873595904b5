import * as z from "zod";
import {
  addIssue,
  compareDates,
  idSchema,
  legalDateSchema,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  type LegalDate,
  type MoneyInput,
  type TraceNode,
} from "@sannong/core";
import {
  planDisbursement,
  settleDisbursement,
  type PlanDisbursementResult,
  type SettleDisbursementResult,
} from "@sannong/funds";
import { fail } from "../errors";
import { delegate } from "../internal/delegate";
import { parametersOf, type MigrantsOptions } from "../internal/options";
import { RULES } from "../rules";

/** Village-level migrant projects that may be funded by award instead of subsidy: 美丽家园 village construction, 村级“一事一议”, other village projects. */
export const awardProjectKindSchema = z.enum([
  "beautiful-home-village",
  "one-matter-one-discussion",
  "other-village-project",
]);

/**
 * Input of {@link awardInsteadOfSubsidy}: the project, its kind, the award
 * approved, the acceptance (passed or not, its date, the accepted cost), the
 * payment date (not before the acceptance) and an optional retention.
 */
export const awardInsteadOfSubsidyInputSchema = z
  .strictObject({
    projectId: idSchema,
    kind: awardProjectKindSchema,
    award: nonNegativeMoneySchema,
    acceptance: z.strictObject({ passed: z.boolean(), date: legalDateSchema, acceptedCost: nonNegativeMoneySchema }),
    date: legalDateSchema,
    retention: z
      .strictObject({ ratio: z.union([z.string(), z.number()]).optional(), until: legalDateSchema })
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (compareDates(d.date, d.acceptance.date) < 0)
      addIssue(
        ctx,
        `奖补支付日 ${d.date} 早于验收日 ${d.acceptance.date}`,
        `the award is paid (${d.date}) before the acceptance (${d.acceptance.date})`,
        ["date"],
        "before_acceptance",
      );
  });

/** Input of {@link awardInsteadOfSubsidy}. */
export interface AwardInsteadOfSubsidyInput {
  readonly projectId: string;
  readonly kind: z.input<typeof awardProjectKindSchema>;
  readonly award: MoneyInput;
  readonly acceptance: { readonly passed: boolean; readonly date: LegalDate; readonly acceptedCost: MoneyInput };
  readonly date: LegalDate;
  readonly retention?: { readonly ratio?: string | number; readonly until: LegalDate };
}

/** Result of {@link awardInsteadOfSubsidy}. */
export interface AwardInsteadOfSubsidyResult {
  readonly projectId: string;
  /** The payment plan: no advance and no progress payment — everything at settlement after acceptance. */
  readonly plan: PlanDisbursementResult;
  /** The settlement: min(award, accepted cost), paid now less any retention. */
  readonly settlement: SettleDisbursementResult;
  readonly trace: TraceNode;
}

/**
 * Pays a village-level migrant project by award instead of an up-front
 * subsidy (以奖代补: 美丽家园移民村建设、村级“一事一议” …): nothing is paid
 * before acceptance; after the project passes acceptance the award is settled
 * by funds FUNDS-PAY-1 — the plan (`planDisbursement` with no advance and no
 * progress payments) and the settlement (`settleDisbursement`: min(award,
 * accepted cost), less a retention when one is held).
 *
 * @param input - `{ projectId, kind, award, acceptance: { passed, date, acceptedCost }, date, retention? }`
 * @param options - `parameters`: an overlay of {@link migrantsParameterSet}
 * @returns the plan, the settlement, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (payment before acceptance …);
 *   {@link PolicyError} `NOT_ACCEPTED` (acceptance not passed); the funds PolicyErrors
 * @example
 * ```ts
 * import { awardInsteadOfSubsidy } from "@sannong/migrants";
 * const r = awardInsteadOfSubsidy({ projectId: "V-2024-01", kind: "beautiful-home-village", award: "500000.00",
 *   acceptance: { passed: true, date: "2024-11-20", acceptedCost: "480000.00" }, date: "2024-12-01" });
 * String(r.settlement.payNow); // → "480000.00"
 * ```
 * @remarks Implements MIG-FUND-3 (004 §二(三)2, §二(三)3) on FUNDS-PAY-1.
 */
export function awardInsteadOfSubsidy(
  input: AwardInsteadOfSubsidyInput,
  options?: MigrantsOptions,
): AwardInsteadOfSubsidyResult {
  const fn = "awardInsteadOfSubsidy";
  const d = parseInput(awardInsteadOfSubsidyInputSchema, input, fn);
  const parameters = parametersOf(options, fn);
  if (!d.acceptance.passed) fail("NOT_ACCEPTED", { id: d.projectId }, ["acceptance", "passed"]);
  const raw = input as AwardInsteadOfSubsidyInput;
  const retention = raw.retention ? { retention: raw.retention } : {};
  const plan = delegate(fn, [], () =>
    planDisbursement(
      {
        approved: raw.award,
        date: d.acceptance.date,
        advanceRatio: "0",
        progressPaymentRatio: "0",
        milestones: [],
        ...retention,
      },
      { parameters },
    ),
  );
  const settlement = delegate(fn, [], () =>
    settleDisbursement(
      { approved: raw.award, acceptedCost: raw.acceptance.acceptedCost, paid: [], date: d.date, ...retention },
      { parameters },
    ),
  );
  const trace = traceStep(RULES["MIG-FUND-3"], {
    inputs: {
      projectId: d.projectId,
      kind: d.kind,
      award: d.award,
      acceptedOn: d.acceptance.date,
      acceptedCost: d.acceptance.acceptedCost,
    },
    output: { payNow: settlement.payNow },
    note: {
      zh: "以奖代补：验收合格前不预拨、不按进度拨款，验收后按核定金额结算",
      en: "award instead of subsidy: no advance and no progress payment; settled after acceptance",
    },
    children: [plan.trace, settlement.trace],
  });
  return { projectId: d.projectId, plan, settlement, trace };
}
