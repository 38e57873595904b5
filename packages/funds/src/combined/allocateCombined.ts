import * as z from "zod";
import {
  addIssue,
  allocate,
  fractionFromDecimal,
  fractionSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  unitSchema,
  ValidationError,
  type Fraction,
  type LegalDate,
  type Money,
  type MoneyInput,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import {
  allocateByFactors,
  type AllocateByFactorsInput,
  type AllocateByFactorsResult,
} from "../factor/allocateByFactors";
import { paramsOf, readParam, requireMultiple, unitFen, ONLY_WHEN_VALID } from "../internal/common";
import { showFraction } from "../internal/format";
import type { FundsOptions } from "../parameters";
import {
  allocateByProjects,
  type AllocateByProjectsInput,
  type AllocateByProjectsResult,
} from "../project/allocateByProjects";
import { RULES } from "../rules";

/** What happens to money a method cannot use. */
export type UnusedMoney = "to-other" | "unallocated";
/** The default: money a method cannot use stays unallocated (nothing moves unless declared). */
export const DEFAULT_UNUSED_MONEY: UnusedMoney = "unallocated";

const ratio = fractionSchema.superRefine((f, ctx) => {
  if (f.num < 0n || f.num > f.den)
    addIssue(ctx, "比例必须在 0 到 1 之间", "the ratio must be between 0 and 1", [], "out_of_range");
});
const part = z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
  params: { zh: "应为对象", en: "expected an object", code: "invalid_type" },
});

/** The zod schema of {@link allocateCombined}'s input (the two parts are validated by their own functions' schemas). */
export const allocateCombinedInputSchema = z
  .strictObject({
    budget: nonNegativeMoneySchema,
    unit: unitSchema.optional(),
    date: legalDateSchema.optional(),
    factorRatio: ratio.optional(),
    unused: z.enum(["to-other", "unallocated"]).optional(),
    factor: part,
    project: part,
  })
  .superRefine((d, ctx) => {
    for (const k of ["total", "unit"])
      if (k in d.factor)
        addIssue(
          ctx,
          `factor.${k} 由组合分配确定，不能给出`,
          `factor.${k} is set by the combination and must not be given`,
          ["factor", k],
          "set_by_combination",
        );
    for (const k of ["budget", "unit"])
      if (k in d.project)
        addIssue(
          ctx,
          `project.${k} 由组合分配确定，不能给出`,
          `project.${k} is set by the combination and must not be given`,
          ["project", k],
          "set_by_combination",
        );
    if (d.factorRatio === undefined && d.date === undefined)
      addIssue(
        ctx,
        "未给出 factorRatio 时需要 date 以读取参数",
        "date is required to read the factor ratio parameter when factorRatio is not given",
        ["date"],
        "date_required",
      );
  }, ONLY_WHEN_VALID);

/** The input of {@link allocateCombined}. */
export interface AllocateCombinedInput {
  /** The whole budget. */
  readonly budget: MoneyInput;
  /** Rounding unit in 元 (default `"0.01"`), used by both methods. */
  readonly unit?: string;
  /** Legal date to read parameters (the factor ratio when not given; the factor part's parameters when it has no date). */
  readonly date?: LegalDate;
  /** The factor method's share of the budget; the project method gets the rest ([param] `funds.combined.factorRatio`). */
  readonly factorRatio?: number | string;
  /** Money a method cannot use: `"unallocated"` (default) or `"to-other"` (flows to the other method). */
  readonly unused?: UnusedMoney;
  /** The factor part: an {@link AllocateByFactorsInput} without `total` and `unit`. */
  readonly factor: Omit<AllocateByFactorsInput, "total" | "unit">;
  /** The project part: an {@link AllocateByProjectsInput} without `budget` and `unit`. */
  readonly project: Omit<AllocateByProjectsInput, "budget" | "unit">;
}

/** The result of {@link allocateCombined}. */
export interface AllocateCombinedResult {
  /** The budget split by the ratio. */
  readonly split: { readonly factor: Money; readonly project: Money };
  /** Money the project method did not use that moved to the factor method (`unused: "to-other"`). */
  readonly movedToFactor: Money;
  /** The factor allocation (of its share plus what moved to it). */
  readonly factor: AllocateByFactorsResult;
  /** The project allocation. */
  readonly project: AllocateByProjectsResult;
  /** Money neither method used. */
  readonly unallocated: Money;
  readonly trace: TraceNode;
}

function prefixed<T>(where: "factor" | "project", fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ValidationError)
      throw new ValidationError(
        e.issues.map((i) => ({ ...i, path: [where, ...i.path] })),
        "allocateCombined",
      );
    throw e;
  }
}

/**
 * Factor and project methods combined (因素法与项目法相结合): the budget is
 * split by ratio (core `allocate`, exact to the unit); the project method
 * runs on its share; what it cannot use (no eligible project, nothing that
 * fits) flows to the factor method when `unused: "to-other"` (rounded down to
 * the unit) and otherwise stays unallocated. The factor method always uses
 * its whole total (a factor that is zero for every recipient is refused by
 * `allocateByFactors`), so nothing flows the other way.
 *
 * @param input - see {@link AllocateCombinedInput}
 * @param options - `parameters`: the parameter set (default `fundsParameterSet`)
 * @returns both allocations, the split, what moved and the unallocated remainder
 * @throws {@link ValidationError} `INVALID_INPUT` (paths of the parts start with `factor` / `project`); the parts' own policy errors
 * @example
 * ```ts
 * import { allocateCombined } from "@sannong/funds";
 * const r = allocateCombined({
 *   budget: "1000000.00", factorRatio: "0.6", unused: "to-other",
 *   factor: { factors: [{ id: "migrants", weight: 1 }], recipients: [{ id: "A", values: { migrants: 300 } }, { id: "B", values: { migrants: 100 } }] },
 *   project: { projects: [{ id: "冷库", requested: "300000.00", scores: [90] }] },
 * });
 * String(r.split.factor); // → "600000.00"
 * String(r.movedToFactor); // → "100000.00"
 * r.factor!.allocations.map((a) => String(a.amount)); // → ["525000.00", "175000.00"]
 * ```
 * @remarks Implements FUNDS-COMBINED-1 (004 §二(三)1).
 */
export function allocateCombined(input: AllocateCombinedInput, options?: FundsOptions): AllocateCombinedResult {
  const data = parseInput(allocateCombinedInputSchema, input, "allocateCombined");
  const set = paramsOf(options, "allocateCombined");
  const uses: ParameterUse[] = [];
  const uFen = unitFen(data.unit);
  const unit = data.unit ?? "0.01";
  requireMultiple(data.budget, uFen, data.unit, ["budget"]);
  const r: Fraction =
    data.factorRatio ??
    fractionFromDecimal(readParam<string>(set, "funds.combined.factorRatio", data.date as LegalDate, uses));
  const unused = data.unused ?? DEFAULT_UNUSED_MONEY;
  const [factorShare, projectShare] = allocate(data.budget, [r.num, r.den - r.num], { unit }) as [Money, Money];

  const factorPart = {
    ...data.factor,
    ...(data.factor["date"] === undefined && data.date !== undefined ? { date: data.date } : {}),
  } as unknown as Omit<AllocateByFactorsInput, "total" | "unit">;
  const projectPart = data.project as unknown as Omit<AllocateByProjectsInput, "budget" | "unit">;
  const runProject = (budget: Money): AllocateByProjectsResult =>
    prefixed("project", () => allocateByProjects({ ...projectPart, budget, unit }, options));
  const project = runProject(projectShare);
  // The factor method always uses its whole total (a factor zero for everyone is refused), so money only moves from projects to factors.
  const projectToFactor = unused === "to-other" ? (project.unallocated.fen / uFen) * uFen : 0n;
  const factorTotal = moneyFromFen(factorShare.fen + projectToFactor);
  const factor = prefixed("factor", () => allocateByFactors({ ...factorPart, total: factorTotal, unit }, options));
  const projectGranted = project.results.reduce((s, p) => s + p.amount.fen, 0n);
  const unallocated = moneyFromFen(data.budget.fen - factorTotal.fen - projectGranted);
  const movedToFactor = moneyFromFen(projectToFactor);

  const trace = traceStep(RULES["FUNDS-COMBINED-1"], {
    inputs: { budget: data.budget, factorRatio: showFraction(r), unused },
    parameters: uses,
    output: { factor: factorTotal, project: moneyFromFen(projectGranted), unallocated, movedToFactor },
    note: {
      zh: "预算按比例分为因素法与项目法两部分；项目法未用完的资金按声明转入因素法或保留未分配",
      en: "the budget is split by ratio between the factor and project methods; money the project method does not use moves to the factor method or stays unallocated, as declared",
    },
    children: [factor.trace, project.trace],
  });
  return { split: { factor: factorShare, project: projectShare }, movedToFactor, factor, project, unallocated, trace };
}
