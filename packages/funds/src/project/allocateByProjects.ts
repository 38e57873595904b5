import * as z from "zod";
import {
  addIssue,
  checkProcedure,
  COLLECTIVE_DECISION,
  compareFractions,
  fraction,
  fractionSchema,
  idSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  procedureEventSchema,
  traceStep,
  unitSchema,
  type CheckProcedureResult,
  type Fraction,
  type Label,
  type Money,
  type MoneyInput,
  type ProcedureEvent,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { fail } from "../errors";
import { paramsOf, requireMultiple, unitFen, ONLY_WHEN_VALID } from "../internal/common";
import { fractionToFixed, showFraction } from "../internal/format";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";

/** How reviewers' scores become a project's score (评分规则). */
export type ScoreRule = "mean" | "trimmed-mean";
/** What happens to the first project that does not fit the remaining budget. */
export type WhenNotFit = "skip" | "partial" | "stop";
/** How projects with the same score are ordered (before the final tie-break by id). */
export type ScoreTieBreak = "smaller-request" | "larger-request" | "id";
/** Outcome of one project. */
export type ProjectStatus = "funded" | "partial" | "unfunded" | "ineligible";

/** The default score rule. */
export const DEFAULT_SCORE_RULE: ScoreRule = "mean";
/** The default treatment of a project that does not fit: stop (strict merit order). */
export const DEFAULT_WHEN_NOT_FIT: WhenNotFit = "stop";
/** The default tie-break among equal scores: the smaller request first (funds more projects), then id. */
export const DEFAULT_SCORE_TIE_BREAK: ScoreTieBreak = "smaller-request";

const scoreSchema = fractionSchema.superRefine((f, ctx) => {
  if (f.num < 0n) addIssue(ctx, "评分不能为负", "a score must not be negative", [], "out_of_range");
});
const scoresSchema = z.array(scoreSchema).min(1).max(1000);

const projectSchema = z.strictObject({
  id: idSchema,
  requested: nonNegativeMoneySchema,
  eligible: z.boolean().optional(),
  ineligibleReason: z.string().trim().min(1).max(500).optional(),
  scores: scoresSchema.optional(),
  criterionScores: z.record(idSchema, scoresSchema).optional(),
});

/** The zod schema of {@link allocateByProjects}'s input. */
export const allocateByProjectsInputSchema = z
  .strictObject({
    budget: nonNegativeMoneySchema,
    unit: unitSchema.optional(),
    projects: z.array(projectSchema).min(1).max(100_000),
    scoring: z.enum(["mean", "trimmed-mean"]).optional(),
    criteria: z
      .array(z.strictObject({ id: idSchema, weight: scoreSchema }))
      .min(1)
      .max(100)
      .optional(),
    minScore: scoreSchema.optional(),
    whenNotFit: z.enum(["skip", "partial", "stop"]).optional(),
    tieBreak: z.enum(["smaller-request", "larger-request", "id"]).optional(),
    decision: z.array(procedureEventSchema).max(1000).optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    const rule = d.scoring ?? DEFAULT_SCORE_RULE;
    const minReviewers = rule === "trimmed-mean" ? 3 : 1;
    if (d.criteria) {
      const cids = new Set<string>();
      d.criteria.forEach((c, i) => {
        if (cids.has(c.id))
          addIssue(
            ctx,
            `重复的评分指标 “${c.id}”`,
            `duplicate criterion "${c.id}"`,
            ["criteria", i, "id"],
            "duplicate_id",
          );
        cids.add(c.id);
      });
    }
    d.projects.forEach((p, i) => {
      if (ids.has(p.id))
        addIssue(ctx, `重复的项目 “${p.id}”`, `duplicate project "${p.id}"`, ["projects", i, "id"], "duplicate_id");
      ids.add(p.id);
      if (p.requested.fen === 0n)
        addIssue(
          ctx,
          "申请金额必须大于零",
          "the requested amount must be greater than zero",
          ["projects", i, "requested"],
          "out_of_range",
        );
      const eligible = p.eligible ?? true;
      if (!eligible && p.ineligibleReason === undefined)
        addIssue(
          ctx,
          "不符合条件的项目须说明原因（ineligibleReason）",
          "an ineligible project needs an ineligibleReason",
          ["projects", i, "ineligibleReason"],
          "reason_required",
        );
      if (eligible && p.ineligibleReason !== undefined)
        addIssue(
          ctx,
          "符合条件的项目不应有 ineligibleReason",
          "an eligible project must not have an ineligibleReason",
          ["projects", i, "ineligibleReason"],
          "unexpected_reason",
        );
      if (!eligible) return;
      if (d.criteria) {
        if (p.scores !== undefined)
          addIssue(
            ctx,
            "按指标评分时请用 criterionScores，而不是 scores",
            "with criteria, give criterionScores instead of scores",
            ["projects", i, "scores"],
            "scores_with_criteria",
          );
        const cs = p.criterionScores ?? {};
        for (const c of d.criteria) {
          const list = cs[c.id];
          if (list === undefined)
            addIssue(
              ctx,
              `缺少指标 “${c.id}” 的评分`,
              `missing the scores of criterion "${c.id}"`,
              ["projects", i, "criterionScores", c.id],
              "missing_scores",
            );
          else if (list.length < minReviewers)
            addIssue(
              ctx,
              `去掉最高最低分至少需要 3 个评分`,
              "a trimmed mean needs at least 3 scores",
              ["projects", i, "criterionScores", c.id],
              "too_few_scores",
            );
        }
        for (const k of Object.keys(cs)) {
          if (!d.criteria.some((c) => c.id === k))
            addIssue(
              ctx,
              `未知评分指标 “${k}”`,
              `unknown criterion "${k}"`,
              ["projects", i, "criterionScores", k],
              "unknown_criterion",
            );
        }
      } else {
        if (p.criterionScores !== undefined)
          addIssue(
            ctx,
            "未声明 criteria 时不能给 criterionScores",
            "criterionScores need declared criteria",
            ["projects", i, "criterionScores"],
            "criteria_required",
          );
        if (p.scores === undefined)
          addIssue(
            ctx,
            "符合条件的项目须有评审评分（scores）",
            "an eligible project needs its reviewers' scores",
            ["projects", i, "scores"],
            "missing_scores",
          );
        else if (p.scores.length < minReviewers)
          addIssue(
            ctx,
            "去掉最高最低分至少需要 3 个评分",
            "a trimmed mean needs at least 3 scores",
            ["projects", i, "scores"],
            "too_few_scores",
          );
      }
    });
  }, ONLY_WHEN_VALID);

/** The input of {@link allocateByProjects}. */
export interface AllocateByProjectsInput {
  /** The money for the project method. */
  readonly budget: MoneyInput;
  /** Unit in 元 to which a partial grant is rounded down (default `"0.01"`); the budget must be a multiple. */
  readonly unit?: string;
  /** Applications: requested amount, eligibility (default eligible) with a reason when not, reviewers' scores. */
  readonly projects: readonly {
    readonly id: string;
    readonly requested: MoneyInput;
    readonly eligible?: boolean;
    readonly ineligibleReason?: string;
    /** Third-party reviewers' scores (第三方评审), when no `criteria` are declared. */
    readonly scores?: readonly (number | string)[];
    /** Reviewers' scores per declared criterion. */
    readonly criterionScores?: Readonly<Record<string, readonly (number | string)[]>>;
  }[];
  /** Score rule: `"mean"` (default) or `"trimmed-mean"` (drop one highest and one lowest). */
  readonly scoring?: ScoreRule;
  /** Weighted criteria: each criterion's reviewer scores are combined by `scoring`, then weighted (weights sum to 1). */
  readonly criteria?: readonly { readonly id: string; readonly weight: number | string }[];
  /** Projects scoring below this are not funded. */
  readonly minScore?: number | string;
  /** The first project that does not fit: `"stop"` (default), `"skip"` it and try the next, or fund it `"partial"`ly. */
  readonly whenNotFit?: WhenNotFit;
  /** Order of equal scores: `"smaller-request"` (default), `"larger-request"` or `"id"`; always then by id. */
  readonly tieBreak?: ScoreTieBreak;
  /** The record of the procedure (公告、第三方评审、集体决策) checked with core `COLLECTIVE_DECISION`. */
  readonly decision?: readonly ProcedureEvent[];
}

/** One project's outcome. */
export interface ProjectResult {
  readonly id: string;
  readonly status: ProjectStatus;
  /** Money granted (zero unless funded or partial). */
  readonly amount: Money;
  /** Score rounded half-up to 2 decimals for display (ranking uses the exact value); null when ineligible. */
  readonly score: string | null;
  /** Position in the ranking of eligible projects (1 = best); null when ineligible. */
  readonly rank: number | null;
  readonly reason: Label;
}

/** The result of {@link allocateByProjects}. */
export interface AllocateByProjectsResult {
  /** One entry per project, in input order. */
  readonly results: readonly ProjectResult[];
  /** Budget left over. */
  readonly unallocated: Money;
  /** True only when the collective decision procedure is complete (FUNDS-PROJECT-2). */
  readonly final: boolean;
  /** Steps of the collective decision procedure still missing (all of them when no record is given). */
  readonly missingSteps: readonly string[];
  /** The procedure check, when a record was given. */
  readonly procedure: CheckProcedureResult | null;
  readonly trace: TraceNode;
}

const REASONS = /*#__PURE__*/ deepFreeze({
  funded: { zh: "按排名在预算内全额安排", en: "funded in full in rank order within the budget" },
  partial: { zh: "剩余预算不足，部分安排", en: "partly funded with what was left of the budget" },
  skipped: { zh: "剩余预算不足以全额安排，跳过", en: "skipped: does not fit the remaining budget" },
  stopped: {
    zh: "剩余预算不足，按规则停止安排",
    en: "not funded: allocation stopped at the first project that did not fit",
  },
  exhausted: { zh: "预算已用完", en: "not funded: the budget is used up" },
  belowMin: { zh: "评分低于最低分", en: "not funded: score below the minimum" },
} as const);

function mean(list: readonly Fraction[], rule: ScoreRule): Fraction {
  let xs = list;
  if (rule === "trimmed-mean") {
    const sorted = [...list].sort(compareFractions);
    xs = sorted.slice(1, -1);
  }
  let num = 0n;
  let den = 1n;
  for (const x of xs) {
    num = num * x.den + x.num * den;
    den *= x.den;
  }
  return fraction(num, den * BigInt(xs.length));
}

/**
 * Competitive allocation of a budget among projects (项目法竞争性分配):
 * ineligible projects are screened out first with their reason; eligible
 * ones are scored from third-party reviewers' scores (mean, or mean after
 * dropping the highest and the lowest; optionally over weighted criteria),
 * ranked by exact score (ties: the declared `tieBreak`, then id), and funded
 * in rank order until the budget runs out. The first project that does not
 * fit is skipped, partly funded or stops the allocation, as declared (default
 * stop: no lower-ranked project is funded ahead of a higher-ranked one). A
 * project below `minScore` is never funded. The decision is `final` only when
 * the record of the collective decision procedure (发布公告 → 第三方评审 →
 * 集体决策) is complete.
 *
 * @param input - see {@link AllocateByProjectsInput}
 * @param options - `parameters` (unused here; accepted for a uniform API)
 * @returns per-project status, amount, score, rank and reason; the unallocated remainder; whether the decision is final
 * @throws {@link ValidationError} `INVALID_INPUT` (duplicate ids, a zero request, an eligible project without scores, fewer than 3 scores for a trimmed mean, an ineligible one without a reason, a malformed decision record);
 *   {@link PolicyError} `TOTAL_NOT_MULTIPLE_OF_UNIT`, `WEIGHTS_NOT_ONE` (criteria weights)
 * @example
 * ```ts
 * import { allocateByProjects } from "@sannong/funds";
 * const r = allocateByProjects({
 *   budget: "500000.00",
 *   projects: [
 *     { id: "茶园", requested: "200000.00", scores: [88, 92, 90] },
 *     { id: "民宿", requested: "350000.00", scores: [95, 93, 94] },
 *     { id: "冷库", requested: "100000.00", scores: [80, 85, 82] },
 *     { id: "道路", requested: "150000.00", eligible: false, ineligibleReason: "行业部门资金已覆盖" },
 *   ],
 *   whenNotFit: "skip",
 * });
 * r.results.map((p) => [p.id, p.status, String(p.amount)]); // → [["茶园","unfunded","0.00"], ["民宿","funded","350000.00"], ["冷库","funded","100000.00"], ["道路","ineligible","0.00"]]
 * String(r.unallocated); // → "50000.00"
 * // no collective decision recorded
 * r.final; // → false
 * ```
 * @remarks Implements FUNDS-PROJECT-1, FUNDS-PROJECT-2 (004 §二(三)1).
 */
export function allocateByProjects(input: AllocateByProjectsInput, options?: FundsOptions): AllocateByProjectsResult {
  const data = parseInput(allocateByProjectsInputSchema, input, "allocateByProjects");
  paramsOf(options, "allocateByProjects");
  const uFen = unitFen(data.unit);
  requireMultiple(data.budget, uFen, data.unit, ["budget"]);
  const rule = data.scoring ?? DEFAULT_SCORE_RULE;
  const whenNotFit = data.whenNotFit ?? DEFAULT_WHEN_NOT_FIT;
  const tieBreak = data.tieBreak ?? DEFAULT_SCORE_TIE_BREAK;
  const criteria = data.criteria;
  let criteriaWeights: Fraction[] | null = null;
  if (criteria) {
    const sum = criteria.reduce(
      (s, c) => fraction(s.num * c.weight.den + c.weight.num * s.den, s.den * c.weight.den),
      fraction(0n),
    );
    if (compareFractions(sum, fraction(1n)) !== 0)
      fail("WEIGHTS_NOT_ONE", { sum: showFraction(sum), where: "criteria" }, ["criteria"]);
    criteriaWeights = criteria.map((c) => c.weight);
  }

  // --- screening and scores ---
  const n = data.projects.length;
  const scores: (Fraction | null)[] = data.projects.map((p) => {
    if (p.eligible === false) return null;
    if (!criteria) return mean(p.scores!, rule);
    let s = fraction(0n);
    criteria.forEach((c, k) => {
      const m = mean(p.criterionScores![c.id]!, rule);
      const w = criteriaWeights![k]!;
      s = fraction(s.num * m.den * w.den + m.num * w.num * s.den, s.den * m.den * w.den);
    });
    return s;
  });

  // --- ranking: exact score desc, then the declared tie-break, then id ---
  const eligibleIdx = data.projects.map((_, i) => i).filter((i) => scores[i] !== null);
  eligibleIdx.sort((a, b) => {
    const c = compareFractions(scores[b]!, scores[a]!);
    if (c !== 0) return c;
    const ra = data.projects[a]!.requested.fen;
    const rb = data.projects[b]!.requested.fen;
    if (tieBreak === "smaller-request" && ra !== rb) return ra < rb ? -1 : 1;
    if (tieBreak === "larger-request" && ra !== rb) return ra > rb ? -1 : 1;
    const ia = data.projects[a]!.id;
    const ib = data.projects[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const rankOf = new Map<number, number>();
  eligibleIdx.forEach((i, r) => rankOf.set(i, r + 1));

  // --- funding in rank order ---
  const status: ProjectStatus[] = new Array<ProjectStatus>(n);
  const amounts: bigint[] = new Array<bigint>(n).fill(0n);
  const reasons: Label[] = new Array<Label>(n);
  let remaining = data.budget.fen;
  let stopped = false;
  const steps: Record<string, unknown>[] = [];
  for (const i of eligibleIdx) {
    const p = data.projects[i]!;
    const score = scores[i]!;
    if (data.minScore && compareFractions(score, data.minScore) < 0) {
      status[i] = "unfunded";
      reasons[i] = REASONS.belowMin;
    } else if (stopped || remaining === 0n) {
      status[i] = "unfunded";
      reasons[i] = stopped ? REASONS.stopped : REASONS.exhausted;
    } else if (p.requested.fen <= remaining) {
      status[i] = "funded";
      amounts[i] = p.requested.fen;
      remaining -= p.requested.fen;
      reasons[i] = REASONS.funded;
    } else if (whenNotFit === "skip") {
      status[i] = "unfunded";
      reasons[i] = REASONS.skipped;
    } else if (whenNotFit === "partial") {
      const part = (remaining / uFen) * uFen;
      stopped = true;
      if (part > 0n) {
        status[i] = "partial";
        amounts[i] = part;
        remaining -= part;
        reasons[i] = REASONS.partial;
      } else {
        status[i] = "unfunded";
        reasons[i] = REASONS.exhausted;
      }
    } else {
      stopped = true;
      status[i] = "unfunded";
      reasons[i] = REASONS.stopped;
    }
    steps.push({
      rank: rankOf.get(i)!,
      id: p.id,
      score: showFraction(score),
      requested: p.requested,
      granted: moneyFromFen(amounts[i]!),
      status: status[i]!,
    });
  }
  data.projects.forEach((p, i) => {
    if (scores[i] === null) {
      status[i] = "ineligible";
      reasons[i] = { zh: `不符合条件：${p.ineligibleReason}`, en: `ineligible: ${p.ineligibleReason}` };
    }
  });
  const results: ProjectResult[] = data.projects.map((p, i) => ({
    id: p.id,
    status: status[i]!,
    amount: moneyFromFen(amounts[i]!),
    score: scores[i] ? fractionToFixed(scores[i]!, 2) : null,
    rank: rankOf.get(i) ?? null,
    reason: reasons[i]!,
  }));
  const unallocated = moneyFromFen(remaining);

  // --- FUNDS-PROJECT-2: collective decision ---
  const procedure = data.decision
    ? checkProcedure(COLLECTIVE_DECISION, data.decision as readonly ProcedureEvent[])
    : null;
  const final = procedure?.complete ?? false;
  const missingSteps = procedure ? procedure.missing : COLLECTIVE_DECISION.steps.map((s) => s.id);

  const children: TraceNode[] = [
    traceStep(RULES["FUNDS-PROJECT-1"], {
      inputs: {
        screenedOut: data.projects
          .filter((p) => p.eligible === false)
          .map((p) => ({ id: p.id, reason: p.ineligibleReason! })),
        scoring: rule,
        ...(criteria ? { criteria: criteria.map((c) => ({ id: c.id, weight: showFraction(c.weight) })) } : {}),
        ...(data.minScore ? { minScore: showFraction(data.minScore) } : {}),
        tieBreak: `score desc, then ${tieBreak}, then id`,
        whenNotFit,
      },
      output: steps,
      note: {
        zh: "按精确评分排名，依次安排直至预算用完",
        en: "ranked by exact score and funded in order until the budget runs out",
      },
    }),
    traceStep(RULES["FUNDS-PROJECT-2"], {
      inputs: { procedure: COLLECTIVE_DECISION.id, recorded: data.decision ? data.decision.length : 0 },
      output: { final, missingSteps },
      note: final
        ? {
            zh: "集体决策程序完整，分配结果为最终结果",
            en: "the collective decision procedure is complete: the allocation is final",
          }
        : {
            zh: "集体决策程序未完成，分配结果仅为建议",
            en: "the collective decision procedure is not complete: the allocation is a proposal only",
          },
      ...(procedure ? { children: [procedure.trace] } : {}),
    }),
  ];
  const trace = traceStep(RULES["FUNDS-PROJECT-1"], {
    inputs: { budget: data.budget, projects: n },
    output: { granted: moneyFromFen(data.budget.fen - remaining), unallocated, final },
    children,
  });
  return { results, unallocated, final, missingSteps, procedure, trace };
}
