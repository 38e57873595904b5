import * as z from "zod";
import { addIssue, parseInput, traceStep, type TraceNode, deepFreeze } from "@sannong/core";
import {
  allocateByFactors,
  allocateByProjects,
  allocateCombined,
  type AllocateByFactorsInput,
  type AllocateByFactorsResult,
  type AllocateByProjectsInput,
  type AllocateByProjectsResult,
  type AllocateCombinedInput,
  type AllocateCombinedResult,
} from "@sannong/funds";
import { delegate } from "../internal/delegate";
import { parametersOf, type MigrantsOptions } from "../internal/options";
import { RULES } from "../rules";

/** The two groups of the factor method for migrant funds (按一定比例的基数和绩效进行分配). */
export const MIGRANT_FACTOR_GROUPS = /*#__PURE__*/ deepFreeze(["base", "performance"] as const);

/** Adds an issue unless every factor is grouped as `base` or `performance` and both groups are used. */
function refineBaseAndPerformance(factors: unknown, ctx: z.RefinementCtx, path: (string | number)[]): void {
  if (!Array.isArray(factors)) return;
  const used = new Set<string>();
  factors.forEach((f: unknown, i) => {
    const g = typeof f === "object" && f !== null ? (f as { group?: unknown }).group : undefined;
    if (g !== "base" && g !== "performance") {
      addIssue(
        ctx,
        "移民资金因素法按基数和绩效分配：每个因素须归入 group “base”（基数）或 “performance”（绩效）",
        'migrant funds are split by base and performance: every factor needs group "base" or "performance"',
        [...path, i, "group"],
        "base_and_performance",
      );
    } else used.add(g);
  });
  for (const g of MIGRANT_FACTOR_GROUPS) {
    if (factors.length > 0 && used.size > 0 && !used.has(g)) {
      addIssue(
        ctx,
        `缺少${g === "base" ? "基数" : "绩效"}组（group “${g}”）的因素`,
        `no factor in the "${g}" group`,
        path,
        "base_and_performance",
      );
    }
  }
}

/**
 * Input of {@link allocateMigrantFunds}: the method and the @sannong/funds
 * input of that method — `factor` (funds `allocateByFactorsInputSchema`, its
 * factors grouped into `base` and `performance`), `project` (funds
 * `allocateByProjectsInputSchema`) or `combined` (funds
 * `allocateCombinedInputSchema`, its factor part grouped the same way). This
 * schema checks the method and the grouping; the part itself is validated by
 * the funds function, its errors re-based under the part's key.
 */
export const allocateMigrantFundsInputSchema = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("factor"), factor: z.unknown() }).superRefine((d, ctx) => {
    if (typeof d.factor === "object" && d.factor !== null)
      refineBaseAndPerformance((d.factor as { factors?: unknown }).factors, ctx, ["factor", "factors"]);
  }),
  z.strictObject({ method: z.literal("project"), project: z.unknown() }),
  z.strictObject({ method: z.literal("combined"), combined: z.unknown() }).superRefine((d, ctx) => {
    const part =
      typeof d.combined === "object" && d.combined !== null ? (d.combined as { factor?: unknown }).factor : undefined;
    if (typeof part === "object" && part !== null)
      refineBaseAndPerformance((part as { factors?: unknown }).factors, ctx, ["combined", "factor", "factors"]);
  }),
]);

/** Input of {@link allocateMigrantFunds}. */
export type AllocateMigrantFundsInput =
  | { readonly method: "factor"; readonly factor: AllocateByFactorsInput }
  | { readonly method: "project"; readonly project: AllocateByProjectsInput }
  | { readonly method: "combined"; readonly combined: AllocateCombinedInput };

/** Result of {@link allocateMigrantFunds}: the method and the funds result of that method. */
export type AllocateMigrantFundsResult =
  | { readonly method: "factor"; readonly factor: AllocateByFactorsResult; readonly trace: TraceNode }
  | { readonly method: "project"; readonly project: AllocateByProjectsResult; readonly trace: TraceNode }
  | { readonly method: "combined"; readonly combined: AllocateCombinedResult; readonly trace: TraceNode };

/**
 * Allocates migrant funds (移民资金分配) by the factor method — base and
 * performance shares (因素法按一定比例的基数和绩效进行分配, FUNDS-FACTOR-2) —, the
 * project method (项目法, competitive, FUNDS-PROJECT-1) or both
 * (FUNDS-COMBINED-1). A composition over @sannong/funds: the migrants rule
 * added here is that factor-method money is split by a base group and a
 * performance group (their ratios: funds parameter `funds.factor.groupRatios`,
 * in {@link migrantsParameterSet}). `evaluatePerformance(...).factorValue`
 * (MIG-EVAL-1) is the value of a performance factor.
 *
 * @param input - `{ method: "factor", factor }`, `{ method: "project", project }` or `{ method: "combined", combined }`
 * @param options - `parameters`: an overlay of {@link migrantsParameterSet} (which holds the funds parameters)
 * @returns the method, the funds result, and a MIG-FUND-1 trace over the funds trace
 * @throws {@link ValidationError} `INVALID_INPUT` (paths under `factor`,
 *   `project` or `combined`; a factor outside the base/performance groups);
 *   the PolicyErrors of the funds function called
 * @example
 * ```ts
 * import { allocateMigrantFunds } from "@sannong/migrants";
 * const r = allocateMigrantFunds({ method: "factor", factor: {
 *   total: "1000000.00", date: "2024-03-01",
 *   factors: [{ id: "migrants", weight: 1, group: "base" }, { id: "evaluation", weight: 1, group: "performance" }],
 *   recipients: [{ id: "A", values: { migrants: 3000, evaluation: 90 } }, { id: "B", values: { migrants: 1000, evaluation: 60 } }],
 * } });
 * // 70% by migrants, 30% by evaluation (the unverified default group ratios)
 * r.method === "factor" && r.factor.allocations.map((a) => String(a.amount)); // → ["705000.00", "295000.00"]
 * ```
 * @remarks Implements MIG-FUND-1 (004 §二(三)1) on FUNDS-FACTOR-2, FUNDS-PROJECT-1, FUNDS-COMBINED-1.
 */
export function allocateMigrantFunds(
  input: AllocateMigrantFundsInput,
  options?: MigrantsOptions,
): AllocateMigrantFundsResult {
  const d = parseInput(allocateMigrantFundsInputSchema, input, "allocateMigrantFunds");
  const parameters = parametersOf(options, "allocateMigrantFunds");
  const fn = "allocateMigrantFunds";
  const node = (child: TraceNode, method: string): TraceNode =>
    traceStep(RULES["MIG-FUND-1"], {
      inputs: { method },
      note: {
        zh: "移民资金按因素法（基数与绩效）、项目法或两者结合分配",
        en: "migrant funds by the factor method (base and performance), the project method, or both",
      },
      children: [child],
    });
  if (d.method === "factor") {
    const factor = delegate(fn, ["factor"], () =>
      allocateByFactors(d.factor as AllocateByFactorsInput, { parameters }),
    );
    return { method: "factor", factor, trace: node(factor.trace, "factor") };
  }
  if (d.method === "project") {
    const project = delegate(fn, ["project"], () =>
      allocateByProjects(d.project as AllocateByProjectsInput, { parameters }),
    );
    return { method: "project", project, trace: node(project.trace, "project") };
  }
  const combined = delegate(fn, ["combined"], () =>
    allocateCombined(d.combined as AllocateCombinedInput, { parameters }),
  );
  return { method: "combined", combined, trace: node(combined.trace, "combined") };
}
