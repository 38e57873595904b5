import * as z from "zod";
import { idSchema, parseInput, traceStep, type TraceNode } from "@sannong/core";
import {
  repoolUnclaimed,
  spreadOverYears,
  type RepoolUnclaimedInput,
  type RepoolUnclaimedResult,
  type SpreadOverYearsInput,
  type SpreadOverYearsResult,
} from "@sannong/funds";
import { delegate } from "../internal/delegate";
import { parametersOf, type MigrantsOptions } from "../internal/options";
import { RULES } from "../rules";

/**
 * Input of {@link repoolMigrantFunds}: the county and the funds
 * `repoolUnclaimed` input (allocations to townships or villages, their
 * project applications with dates, the deadline, the re-allocation method),
 * validated by funds with errors under `repool`.
 */
export const repoolMigrantFundsInputSchema = z.strictObject({
  county: idSchema,
  repool: z.unknown(),
});

/** Input of {@link repoolMigrantFunds}. */
export interface RepoolMigrantFundsInput {
  readonly county: string;
  readonly repool: RepoolUnclaimedInput;
}

/** Result of {@link repoolMigrantFunds}. */
export interface RepoolMigrantFundsResult {
  readonly county: string;
  readonly repool: RepoolUnclaimedResult;
  readonly trace: TraceNode;
}

/**
 * Re-pools migrant money not applied for in time within the county
 * (对在规定时间内未申报项目的移民资金，县级移民管理机构可以重新在县域内统筹安排):
 * the money of units without a timely project application is taken back by
 * the county migrant bureau and re-allocated among the units that applied —
 * funds `repoolUnclaimed` (FUNDS-REPOOL-1), conserving the totals.
 *
 * @param input - `{ county, repool }` (repool: funds `RepoolUnclaimedInput`)
 * @param options - `parameters`: an overlay of {@link migrantsParameterSet}
 * @returns the county, the funds result, a MIG-FUND-1 trace over the funds trace
 * @throws {@link ValidationError} `INVALID_INPUT` (paths under `repool`); the funds PolicyErrors
 * @example
 * ```ts
 * import { repoolMigrantFunds } from "@sannong/migrants";
 * const r = repoolMigrantFunds({ county: "衢江区", repool: {
 *   allocations: [{ id: "湖南镇", amount: "300000.00" }, { id: "高家镇", amount: "100000.00" }],
 *   applications: [{ unit: "湖南镇", date: "2024-03-20" }], deadline: "2024-03-31" } });
 * r.repool.units.map((u) => String(u.final)); // → ["400000.00", "0.00"]
 * ```
 * @remarks Implements MIG-FUND-1 (004 §二(三)1) on FUNDS-REPOOL-1.
 */
export function repoolMigrantFunds(
  input: RepoolMigrantFundsInput,
  options?: MigrantsOptions,
): RepoolMigrantFundsResult {
  const d = parseInput(repoolMigrantFundsInputSchema, input, "repoolMigrantFunds");
  const parameters = parametersOf(options, "repoolMigrantFunds");
  const repool = delegate("repoolMigrantFunds", ["repool"], () =>
    repoolUnclaimed(d.repool as RepoolUnclaimedInput, { parameters }),
  );
  const trace = traceStep(RULES["MIG-FUND-1"], {
    inputs: { county: d.county },
    note: {
      zh: "规定时间内未申报项目的移民资金由县级移民管理机构在县域内统筹",
      en: "money not applied for in time is re-pooled within the county by the county migrant bureau",
    },
    children: [repool.trace],
  });
  return { county: d.county, repool, trace };
}

/**
 * Input of {@link planTownshipEntrepreneurshipFunds}: the township and the
 * funds `spreadOverYears` input (total, start year, 3–5 years, weights,
 * spending), validated by funds with errors under `plan`.
 */
export const planTownshipEntrepreneurshipFundsInputSchema = z.strictObject({
  township: idSchema,
  plan: z.unknown(),
});

/** Input of {@link planTownshipEntrepreneurshipFunds}. */
export interface PlanTownshipEntrepreneurshipFundsInput {
  readonly township: string;
  readonly plan: SpreadOverYearsInput;
}

/** Result of {@link planTownshipEntrepreneurshipFunds}. */
export interface PlanTownshipEntrepreneurshipFundsResult {
  readonly township: string;
  readonly plan: SpreadOverYearsResult;
  readonly trace: TraceNode;
}

/**
 * Plans a township's entrepreneurship funds over a 3–5 year cycle
 * (创业致富资金可以乡镇为单位，以3—5年为周期统筹使用): funds `spreadOverYears`
 * (FUNDS-CYCLE-1) spreads the total over the years (the cycle length checked
 * against the funds parameters `funds.cycle.minYears` / `maxYears`, in
 * {@link migrantsParameterSet}) and reports cumulative use.
 *
 * @param input - `{ township, plan }` (plan: funds `SpreadOverYearsInput`)
 * @param options - `parameters`: an overlay of {@link migrantsParameterSet}
 * @returns the township, the funds plan, a MIG-FUND-1 trace over the funds trace
 * @throws {@link ValidationError} `INVALID_INPUT` (paths under `plan`); the funds PolicyErrors (a cycle outside 3–5 years …)
 * @example
 * ```ts
 * import { planTownshipEntrepreneurshipFunds } from "@sannong/migrants";
 * const r = planTownshipEntrepreneurshipFunds({ township: "湖南镇", plan: { total: "900000.00", startYear: 2024, years: 3 } });
 * r.plan.years.map((y) => String(y.planned)); // → ["300000.00", "300000.00", "300000.00"]
 * ```
 * @remarks Implements MIG-FUND-1 (004 §二(三)2) on FUNDS-CYCLE-1.
 */
export function planTownshipEntrepreneurshipFunds(
  input: PlanTownshipEntrepreneurshipFundsInput,
  options?: MigrantsOptions,
): PlanTownshipEntrepreneurshipFundsResult {
  const d = parseInput(planTownshipEntrepreneurshipFundsInputSchema, input, "planTownshipEntrepreneurshipFunds");
  const parameters = parametersOf(options, "planTownshipEntrepreneurshipFunds");
  const plan = delegate("planTownshipEntrepreneurshipFunds", ["plan"], () =>
    spreadOverYears(d.plan as SpreadOverYearsInput, { parameters }),
  );
  const trace = traceStep(RULES["MIG-FUND-1"], {
    inputs: { township: d.township },
    note: {
      zh: "创业致富资金以乡镇为单位、以3—5年为周期统筹使用",
      en: "entrepreneurship funds pooled by township over a 3–5 year cycle",
    },
    children: [plan.trace],
  });
  return { township: d.township, plan, trace };
}
