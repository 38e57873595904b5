import * as z from "zod";
import {
  addIssue,
  Decimal,
  decimalSchema,
  idSchema,
  legalDateSchema,
  paramAt,
  parseInput,
  safeRecord,
  traceStep,
  ValidationError,
  type Issue,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { RULES } from "../rules";
import { PARAM, type RiskLevel, type RiskModel } from "../parameters";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { byKey } from "../internal/labels";
import type { ReadonlyInput } from "../internal/types";

/** Kinds of poverty-reduction entity (带贫主体). */
export const ENTITY_KINDS = /*#__PURE__*/ deepFreeze([
  "enterprise",
  "cooperative",
  "large-household",
  "village-collective",
] as const);
/** A kind of poverty-reduction entity (带贫主体). */
export type EntityKind = (typeof ENTITY_KINDS)[number];

const scoreSchema = decimalSchema.superRefine((d, ctx) => {
  if (d.lt(0) || d.gt(100))
    addIssue(
      ctx,
      `评分应在 0 到 100 之间，实际为 ${d.toFixed()}`,
      `a score must be between 0 and 100, got ${d.toFixed()}`,
      [],
      "out_of_range",
    );
});

/**
 * zod schema of {@link assessRisk}'s input: the entity, the project's stage,
 * a 0–100 score per indicator of that stage (100 = no concern), and whether
 * the project is loss-making (效益亏损).
 */
export const assessRiskInputSchema = z.strictObject({
  asOf: legalDateSchema,
  entity: z.strictObject({
    id: idSchema,
    name: z.string().trim().min(1).max(200).optional(),
    kind: z.enum(ENTITY_KINDS),
  }),
  stage: z.enum(["not-implemented", "implemented"]),
  scores: safeRecord(scoreSchema),
  lossMaking: z.boolean(),
});

/** Input of {@link assessRisk}. */
export type AssessRiskInput = ReadonlyInput<z.input<typeof assessRiskInputSchema>>;

/** An indicator that raised the risk. */
export interface RiskCause {
  /** Indicator id, or `loss-making`. */
  readonly indicator: string;
  readonly zh: string;
  readonly en: string;
  /** The indicator's score (absent for loss-making). */
  readonly score?: string;
  readonly weight?: string;
}

/** Result of {@link assessRisk}. */
export interface AssessRiskResult {
  readonly entity: string;
  readonly level: RiskLevel;
  /** A warning is raised: medium or high risk, and always for a loss-making project. */
  readonly warn: boolean;
  /** Weighted score, two decimals (display). */
  readonly score: string;
  /** The indicators below the low-risk threshold, worst weighted shortfall first; loss-making first of all. */
  readonly causes: readonly RiskCause[];
  readonly rule: "ASSET-RISK-1";
  readonly trace: TraceNode;
}

const RANK: Record<RiskLevel, number> = /*#__PURE__*/ deepFreeze({ low: 0, medium: 1, high: 2 });

/**
 * Assesses the risk of a poverty-reduction entity (带贫主体风险评估): for a
 * project not yet implemented, production scale, sales channels,
 * poverty-reduction capacity and policy implementation; for one implemented,
 * output and benefit, operating status, sales channels, capacity and
 * assistance measures. Indicators, weights and thresholds are data (parameter
 * `assets.risk.model`): the weighted score is compared exactly with the
 * thresholds, and the result names the indicators that caused the level. A
 * loss-making project always raises a warning (at least the model's
 * `lossMakingLevel`).
 *
 * @param input - asOf, entity, stage, scores (one per indicator of the stage), lossMaking
 * @param options - `{ parameters? }`: the risk model
 * @returns level, warning, score, causes and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a missing or unknown indicator, a score outside 0–100, unknown keys
 * @example
 * ```ts
 * import { assessRisk } from "@sannong/assets";
 * const r = assessRisk({
 *   asOf: "2021-06-30", entity: { id: "E-1", kind: "cooperative" }, stage: "implemented", lossMaking: false,
 *   scores: { "output-benefit": 50, "operating-status": 60, "sales-channels": 90, "poverty-reduction-capacity": 80, "assistance-measures": 85 },
 * });
 * [r.level, r.score, r.causes.map((c) => c.indicator)]; // → ["medium", "73.00", ["output-benefit", "operating-status"]]
 * ```
 * @remarks Implements ASSET-RISK-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §二(一)–(三)).
 */
export function assessRisk(input: AssessRiskInput, options?: AssetsOptions): AssessRiskResult {
  const d = parseInput(assessRiskInputSchema, input, "assessRisk");
  const set = paramsOf(options, "assessRisk");
  const modelUse = paramAt<RiskModel>(set, PARAM.riskModel, d.asOf);
  const model = modelUse.value;
  const indicators = model.indicators.filter((i) => i.stage === d.stage);
  const issues: Issue[] = [];
  for (const i of indicators) {
    if (!Object.hasOwn(d.scores, i.id))
      issues.push({
        code: "required",
        path: ["scores", i.id],
        zh: `缺少指标“${i.zh}”（${i.id}）的评分`,
        en: `missing the score of indicator ${i.id} (${i.en})`,
      });
  }
  for (const k of Object.keys(d.scores).sort(byKey)) {
    if (!indicators.some((i) => i.id === k))
      issues.push({
        code: "unknown_indicator",
        path: ["scores", k],
        zh: `“${k}”不是${d.stage === "implemented" ? "已实施" : "尚未实施"}项目的评估指标`,
        en: `"${k}" is not an indicator of a${d.stage === "implemented" ? "n implemented" : " not-yet-implemented"} project`,
      });
  }
  if (issues.length) throw new ValidationError(issues, "assessRisk");
  let wsum = new Decimal(0);
  let total = new Decimal(0);
  for (const i of indicators) {
    const w = new Decimal(i.weight);
    wsum = wsum.plus(w);
    total = total.plus(w.times(d.scores[i.id]!));
  }
  const score = wsum.isZero() ? new Decimal(0) : total.div(wsum);
  const low = new Decimal(model.thresholds.lowAtLeast);
  const medium = new Decimal(model.thresholds.mediumAtLeast);
  let level: RiskLevel = score.gte(low) ? "low" : score.gte(medium) ? "medium" : "high";
  if (d.lossMaking && RANK[level] < RANK[model.lossMakingLevel]) level = model.lossMakingLevel;
  const causes: RiskCause[] = indicators
    .filter((i) => d.scores[i.id]!.lt(low))
    .map((i) => ({ i, shortfall: new Decimal(i.weight).times(low.minus(d.scores[i.id]!)) }))
    .sort((a, b) => b.shortfall.comparedTo(a.shortfall) || byKey(a.i.id, b.i.id))
    .map(({ i }) =>
      Object.freeze({ indicator: i.id, zh: i.zh, en: i.en, score: d.scores[i.id]!.toFixed(), weight: i.weight }),
    );
  if (d.lossMaking) causes.unshift(Object.freeze({ indicator: "loss-making", zh: "效益亏损", en: "loss-making" }));
  const warn = level !== "low" || d.lossMaking;
  const shown = score.toFixed(2, Decimal.ROUND_HALF_UP);
  return Object.freeze({
    entity: d.entity.id,
    level,
    warn,
    score: shown,
    causes: Object.freeze(causes),
    rule: "ASSET-RISK-1" as const,
    trace: traceStep(RULES["ASSET-RISK-1"], {
      inputs: {
        entity: d.entity.id,
        kind: d.entity.kind,
        stage: d.stage,
        lossMaking: d.lossMaking,
        scores: Object.fromEntries(indicators.map((i) => [i.id, d.scores[i.id]!.toFixed()])),
      },
      parameters: [modelUse],
      output: { score: shown, level, warn, causes: causes.map((c) => c.indicator) },
    }),
  });
}
