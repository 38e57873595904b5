import * as z from "zod";
import {
  defineParameter,
  parameterSet,
  legalDateSchema,
  ratioSchema,
  POLICY_DOCUMENTS,
  citeDocument,
  type Parameter,
  type ParameterSet,
} from "@sannong/core";

const P001 = POLICY_DOCUMENTS["qinghemen-poverty-assets"];
const P003 = POLICY_DOCUMENTS["public-assets-revitalization"];
/** The one start date of each document (its parameters take effect then). */
const FROM_001 = P001.effectiveFrom;
const FROM_003 = P003.effectiveFrom;
/** A value the documents leave open: its source is sannong, never the document. */
const SANNONG = "sannong default";
/** Depreciation conventions apply to assets of any date. */
const ANY_DATE = "1900-01-01";
const cite001 = (section: string): string => citeDocument("qinghemen-poverty-assets", section);
const cite003 = (section: string): string => citeDocument("public-assets-revitalization", section);

const decimalString = z.string().regex(/^\d+(\.\d+)?$/);
const ratioString = z.string().refine((v) => ratioSchema.safeParse(v).success, "ratio between 0 and 1");

/** Smallest share of distributable income kept as a reserve (不分光分净). ASSET-REV-2. */
export const minReserveRatio: Parameter<string> = defineParameter({
  id: "assets.revenue.minReserveRatio",
  unit: "ratio",
  label: { zh: "收益分配最低预留比例", en: "minimum reserve ratio of a revenue distribution" },
  schema: ratioString,
  values: [
    {
      from: FROM_001,
      value: "0.1",
      source: {
        document: SANNONG,
        article: "ASSET-REV-2",
        verified: false,
        note: `${cite001("§三(十)3")} requires “收益分配应留有余地,不分光分净” without a figure; 10% is sannong's placeholder, not the document's.`,
      },
    },
  ],
});

/** Smallest combined share of the priority uses (poor households + collective economy). ASSET-REV-3. */
export const minPriorityShare: Parameter<string> = defineParameter({
  id: "assets.revenue.minPriorityShare",
  unit: "ratio",
  label: {
    zh: "优先用途（建档立卡贫困人口、村集体经济）最低合计占比",
    en: "minimum combined share of the priority uses",
  },
  schema: ratioString,
  values: [
    {
      from: FROM_001,
      value: "0.5",
      source: {
        document: SANNONG,
        article: "ASSET-REV-3",
        verified: false,
        note: `${cite001("§三(十)1")} says “扶贫资产收益优先用于建档立卡贫困人口和用于发展壮大村集体经济” without a figure; reading 'first' as at least half of what is distributed is sannong's.`,
      },
    },
  ],
});

/** One tier of the stable-work incentive: households with at least `minMonths` months worked get `factor`. */
export interface StableWorkTier {
  readonly minMonths: number;
  readonly factor: string;
}

const tiersSchema = z
  .array(z.strictObject({ minMonths: z.number().int().min(0).max(12), factor: decimalString }))
  .min(1)
  .refine(
    (t) => t[0]?.minMonths === 0 && t.every((x, i) => i === 0 || x.minMonths > t[i - 1]!.minMonths),
    "tiers start at 0 months and increase",
  );

/** Tiered (阶梯式) incentive factors for stably lifted households by months worked in the year. ASSET-REV-4. */
export const stableWorkTiers: Parameter<readonly StableWorkTier[]> = defineParameter({
  id: "assets.revenue.stableWorkTiers",
  unit: "factor by months worked",
  label: { zh: "稳定脱贫户阶梯式奖补系数（按务工月数）", en: "stable-work incentive tiers by months worked" },
  schema: tiersSchema as unknown as z.ZodType<readonly StableWorkTier[]>,
  values: [
    {
      from: FROM_001,
      value: [
        { minMonths: 0, factor: "0" },
        { minMonths: 3, factor: "1" },
        { minMonths: 6, factor: "1.5" },
        { minMonths: 10, factor: "2" },
      ],
      source: {
        document: SANNONG,
        article: "ASSET-REV-4",
        verified: false,
        note: `${cite001("§三(十)2")} asks for “差别化、阶梯式奖补政策” that reward 长期务工、稳定务工 but gives no tiers; these tiers are sannong's placeholders.`,
      },
    },
  ],
});

/** One entry of the negative list of uses that may not be paid from operating income. */
export interface NegativeListEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

const negativeListSchema = z
  .array(z.strictObject({ code: z.string().min(1), zh: z.string().min(1), en: z.string().min(1) }))
  .min(0);

/** The 资金管理负面清单 applied to maintenance paid from operating income. ASSET-CARE-2. */
export const maintenanceNegativeList: Parameter<readonly NegativeListEntry[]> = defineParameter({
  id: "assets.maintenance.negativeList",
  unit: "list of use codes",
  label: { zh: "管护费用列支负面清单", en: "negative list of maintenance spending from income" },
  schema: negativeListSchema as unknown as z.ZodType<readonly NegativeListEntry[]>,
  values: [
    {
      from: FROM_001,
      value: [
        { code: "staff-pay", zh: "发放工资、奖金、津贴和福利补助", en: "wages, bonuses, allowances and benefits" },
        { code: "administrative", zh: "行政事业单位基本支出", en: "basic expenditure of administrative units" },
        { code: "vehicles", zh: "购置交通工具及通讯设备", en: "vehicles and communication equipment" },
        { code: "buildings", zh: "修建楼堂馆所", en: "office buildings and halls" },
        { code: "debt-repayment", zh: "偿还债务", en: "repaying debts" },
        { code: "loss-coverage", zh: "弥补企业亏损", en: "covering an enterprise's losses" },
        { code: "hospitality", zh: "招待费用", en: "hospitality" },
      ],
      source: {
        document: SANNONG,
        article: "ASSET-CARE-2",
        verified: false,
        note: `${cite001("§三(九)3")} refers to “资金管理负面清单” without listing it; these entries are sannong's reading of the uses national fiscal poverty-fund rules (e.g. 《财政专项扶贫资金管理办法》) forbid, not a list the document gives.`,
      },
    },
  ],
});

/** Whether an asset starts depreciating in the month it is added or the next month. */
export type DepreciationStartRule = "next-month" | "same-month";

/** When depreciation starts. ASSET-DEP-2. */
export const depreciationStartRule: Parameter<DepreciationStartRule> = defineParameter({
  id: "assets.depreciation.startRule",
  unit: "rule",
  label: { zh: "折旧起始月份规则", en: "month depreciation starts" },
  schema: z.enum(["next-month", "same-month"]),
  values: [
    {
      from: ANY_DATE,
      value: "next-month",
      source: {
        document: SANNONG,
        article: "ASSET-DEP-2",
        verified: false,
        note: `${cite001("§三(十一)1")} requires depreciation “依法依规” but not the convention; 当月增加的固定资产当月不提折旧、从下月起计提 is the usual rule of collective accounting (《农村集体经济组织会计制度》). Township state assets kept under 《政府会计准则第3号——固定资产》 start in the month itself: overlay "same-month" for them.`,
      },
    },
  ],
});

/** Salvage-value rate of fixed assets. ASSET-DEP-2. */
export const salvageRate: Parameter<string> = defineParameter({
  id: "assets.depreciation.salvageRate",
  unit: "ratio",
  label: { zh: "预计净残值率", en: "salvage-value rate" },
  schema: ratioString,
  values: [
    {
      from: ANY_DATE,
      value: "0.05",
      source: {
        document: SANNONG,
        article: "ASSET-DEP-2",
        verified: false,
        note: 'The documents give no salvage rate, and no national rule fixes one for collective assets; 5% is a common default of Chinese fixed-asset accounting. Township state assets kept under 《政府会计准则第3号——固定资产》 are depreciated without a salvage value: overlay "0" for them.',
      },
    },
  ],
});

/**
 * How straight-line depreciation books the months: `constant` — one monthly
 * amount (depreciable ÷ months, rounded half-up to the 分) every month, the
 * rounding difference (尾差) in the last month; `spread` — equal parts with
 * the odd 分 in the earliest months (core `allocate`).
 */
export type StraightLineMonthly = "constant" | "spread";

/** The monthly amounts of straight-line depreciation. ASSET-DEP-2. */
export const straightLineMonthly: Parameter<StraightLineMonthly> = defineParameter({
  id: "assets.depreciation.straightLineMonthly",
  unit: "rule",
  label: {
    zh: "年限平均法月折旧额（每月定额、尾差计入最后一个月，或平均分摊）",
    en: "straight-line monthly amounts (constant with the remainder in the last month, or spread)",
  },
  schema: z.enum(["constant", "spread"]),
  values: [
    {
      from: ANY_DATE,
      value: "constant",
      source: {
        document: SANNONG,
        article: "ASSET-DEP-2",
        verified: false,
        note: 'Neither the documents nor the national accounting rules fix how a monthly amount is rounded; a constant 月折旧额 rounded to the fen with the rounding difference booked in the last month (so the asset ends exactly at its salvage value) is the usual bookkeeping practice. "spread" (the odd 分 in the earliest months) was sannong\'s earlier reading.',
      },
    },
  ],
});

/** Risk level of a poverty-reduction entity. */
export type RiskLevel = "low" | "medium" | "high";

/** One risk indicator: its id, the project stage it applies to, its weight and label. */
export interface RiskIndicator {
  readonly id: string;
  readonly stage: "not-implemented" | "implemented";
  readonly weight: string;
  readonly zh: string;
  readonly en: string;
}

/** The risk model: indicators with weights, thresholds on the 0–100 weighted score, and the level a loss-making project is raised to. */
export interface RiskModel {
  readonly indicators: readonly RiskIndicator[];
  /** A weighted score at or above `lowAtLeast` is low risk, at or above `mediumAtLeast` medium, below it high. */
  readonly thresholds: { readonly lowAtLeast: string; readonly mediumAtLeast: string };
  /** The lowest level of a loss-making project (效益亏损必预警). */
  readonly lossMakingLevel: "medium" | "high";
}

const riskModelSchema = z
  .strictObject({
    indicators: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          stage: z.enum(["not-implemented", "implemented"]),
          weight: decimalString,
          zh: z.string().min(1),
          en: z.string().min(1),
        }),
      )
      .min(1),
    thresholds: z.strictObject({ lowAtLeast: decimalString, mediumAtLeast: decimalString }),
    lossMakingLevel: z.enum(["medium", "high"]),
  })
  .refine(
    (m) =>
      Number(m.thresholds.mediumAtLeast) <= Number(m.thresholds.lowAtLeast) && Number(m.thresholds.lowAtLeast) <= 100,
    "0 ≤ mediumAtLeast ≤ lowAtLeast ≤ 100",
  )
  .refine(
    (m) => new Set(m.indicators.map((i) => `${i.stage}/${i.id}`)).size === m.indicators.length,
    "indicator ids are unique per stage",
  );

/** Indicators, weights and thresholds of the risk assessment. ASSET-RISK-1. */
export const riskModel: Parameter<RiskModel> = defineParameter({
  id: "assets.risk.model",
  unit: "model",
  label: { zh: "带贫主体风险评估指标、权重与阈值", en: "risk indicators, weights and thresholds" },
  schema: riskModelSchema as unknown as z.ZodType<RiskModel>,
  values: [
    {
      from: FROM_001,
      value: {
        indicators: [
          { id: "production-scale", stage: "not-implemented", weight: "1", zh: "生产规模", en: "production scale" },
          { id: "sales-channels", stage: "not-implemented", weight: "1", zh: "销售渠道", en: "sales channels" },
          {
            id: "poverty-reduction-capacity",
            stage: "not-implemented",
            weight: "1",
            zh: "带贫能力",
            en: "poverty-reduction capacity",
          },
          {
            id: "policy-implementation",
            stage: "not-implemented",
            weight: "1",
            zh: "政策落实",
            en: "policy implementation",
          },
          { id: "output-benefit", stage: "implemented", weight: "1", zh: "产出效益", en: "output and benefit" },
          { id: "operating-status", stage: "implemented", weight: "1", zh: "经营状况", en: "operating status" },
          { id: "sales-channels", stage: "implemented", weight: "1", zh: "销售渠道", en: "sales channels" },
          {
            id: "poverty-reduction-capacity",
            stage: "implemented",
            weight: "1",
            zh: "带贫能力",
            en: "poverty-reduction capacity",
          },
          { id: "assistance-measures", stage: "implemented", weight: "1", zh: "帮扶措施", en: "assistance measures" },
        ],
        thresholds: { lowAtLeast: "80", mediumAtLeast: "60" },
        lossMakingLevel: "medium",
      },
      source: {
        document: SANNONG,
        article: "ASSET-RISK-1",
        verified: false,
        note: `The indicators are the document's (${cite001("§二(一)")}: “对尚未实施的扶贫项目,评估生产规模、销售渠道、带贫能力和政策落实等方面;对已实施的扶贫项目,评估产出效益、经营状况、销售渠道、带贫能力、帮扶措施等方面”); equal weights, the 80/60 thresholds on a 0–100 score and raising loss-making projects to at least medium are sannong's placeholders.`,
      },
    },
  ],
});

/** Largest relative difference of net assets per member for a direct transfer on merger. ASSET-MERGE-1. */
export const mergerDifferenceThreshold: Parameter<string> = defineParameter({
  id: "assets.merger.differenceThreshold",
  unit: "ratio",
  label: { zh: "撤并村集体资产状况“相差不大”的阈值", en: "threshold of a 'small difference' between merging villages" },
  schema: ratioString,
  values: [
    {
      from: FROM_003,
      value: "0.2",
      source: {
        document: SANNONG,
        article: "ASSET-MERGE-1",
        verified: false,
        note: `${cite003("§二(二)")} says “相差不大” / “差异较大” without a figure; (max − min) ÷ max ≤ 20% is sannong's placeholder.`,
      },
    },
  ],
});

/** A milestone of the revitalisation plan. */
export interface Milestone {
  readonly id: string;
  readonly due: string;
  readonly zh: string;
  readonly en: string;
}

const milestonesSchema = z
  .array(z.strictObject({ id: z.string().min(1), due: legalDateSchema, zh: z.string().min(1), en: z.string().min(1) }))
  .min(1)
  .refine((m) => new Set(m.map((x) => x.id)).size === m.length, "milestone ids are unique");

/** Milestones of the plan for town and village public assets. ASSET-REVIT-3. */
export const revitalizationMilestones: Parameter<readonly Milestone[]> = defineParameter({
  id: "assets.revitalization.milestones",
  unit: "dates",
  label: { zh: "镇村公有资产盘活工作时限", en: "milestones of the revitalisation plan" },
  schema: milestonesSchema as unknown as z.ZodType<readonly Milestone[]>,
  values: [
    {
      from: FROM_003,
      value: [
        {
          id: "inventory",
          due: "2021-03-31",
          zh: "资产清查（2021年3月底前）",
          en: "inventory (by the end of March 2021)",
        },
        { id: "transfer", due: "2021-05-31", zh: "资产移交（2021年5月底前）", en: "transfer (by the end of May 2021)" },
        {
          id: "plans",
          due: "2021-06-30",
          zh: "制定盘活方案（2021年6月底前）",
          en: "revitalisation plans (by the end of June 2021)",
        },
        {
          id: "revitalization",
          due: "2021-12-31",
          zh: "闲置资产盘活利用（2021年12月底前）",
          en: "revitalisation of idle assets (by the end of 2021)",
        },
      ],
      source: {
        document: P003.short,
        article: "§二(一)–(五)",
        verified: true,
        note: "Transcribed from the document's 完成时限: §二(一) “（完成时限：2021年3月底前）”, §二(二) “（完成时限：2021年5月底前）”, §二(三) “（完成时限：2021年6月底前）”, §二(四) and §二(五) “（完成时限：2021年12月底前）”; 月底前 is read as the month's last day.",
      },
    },
  ],
});

/** Months allowed to revitalise an idle item, by difficulty (根据难易程度明确盘活时限). */
export interface DeadlineMonths {
  readonly easy: number;
  readonly medium: number;
  readonly hard: number;
}

/** Default revitalisation period by difficulty, used when an item has no explicit deadline. ASSET-REVIT-1. */
export const revitalizationDeadlineMonths: Parameter<DeadlineMonths> = defineParameter({
  id: "assets.revitalization.deadlineMonths",
  unit: "months",
  label: { zh: "按难易程度的盘活时限（月）", en: "revitalisation period by difficulty (months)" },
  schema: z.strictObject({
    easy: z.number().int().min(1).max(120),
    medium: z.number().int().min(1).max(120),
    hard: z.number().int().min(1).max(120),
  }),
  values: [
    {
      from: FROM_003,
      value: { easy: 3, medium: 6, hard: 12 },
      source: {
        document: SANNONG,
        article: "ASSET-REVIT-1",
        verified: false,
        note: `${cite003("§二(三)")} asks “根据难易程度明确盘活时限要求” without figures; 3/6/12 months are sannong's placeholders (a deadline past the plan's end is flagged, ASSET-REVIT-4).`,
      },
    },
  ],
});

/** A need's purpose: one of the 一批 an idle asset can be put to (五个一批 / 四个一批 minus disposal and capital injection). */
export type NeedPurpose =
  | "office-use"
  | "public-welfare-use"
  | "industry-support"
  | "convenience-services"
  | "public-welfare"
  | "collective-economy"
  | "market-operation";

/** Every need purpose, in the order the document lists them. */
export const NEED_PURPOSES: readonly NeedPurpose[] = Object.freeze([
  "office-use",
  "public-welfare-use",
  "industry-support",
  "convenience-services",
  "public-welfare",
  "collective-economy",
  "market-operation",
]);

const purposeSchema = z.enum(NEED_PURPOSES as [NeedPurpose, ...NeedPurpose[]]);

const prioritySchema = z
  .array(z.array(purposeSchema).min(1))
  .min(1)
  .refine((tiers) => {
    const all = tiers.flat();
    return all.length === NEED_PURPOSES.length && new Set(all).size === all.length;
  }, "the tiers name every purpose exactly once");

/** The order in which needs are served when idle assets are matched (调剂匹配): tiers of purposes, first tier first. ASSET-NEED-2. */
export const needPurposePriority: Parameter<readonly (readonly NeedPurpose[])[]> = defineParameter({
  id: "assets.needs.purposePriority",
  unit: "tiers of purposes",
  label: { zh: "资产需求调剂优先次序（按用途分档）", en: "order of serving needs by purpose (tiers)" },
  schema: prioritySchema as unknown as z.ZodType<readonly (readonly NeedPurpose[])[]>,
  values: [
    {
      from: FROM_003,
      value: [
        ["office-use"],
        ["public-welfare-use", "convenience-services", "public-welfare"],
        ["industry-support", "collective-economy", "market-operation"],
      ],
      source: {
        document: SANNONG,
        article: "ASSET-NEED-2",
        verified: false,
        note: `Office first is the document's (${cite003("§二(四)")}: “通过调剂、置换、租用等方式优先保障镇村办公用房、乡镇干部周转用房需要”), and so is public welfare before other uses (“将部分乡镇闲置资产优先调整用于便民服务站点…”); putting the village convenience-service and public-welfare uses in that second tier, and the rest in a third, is sannong's reading.`,
      },
    },
  ],
});

/**
 * Every parameter of `@sannong/assets`, each effective-dated and cited:
 * `verified: true` with the sentence quoted where a document states the value
 * (the plan's milestones), `verified: false` with its real source (a sannong
 * default, general accounting practice) where the documents leave it open.
 *
 * @example
 * ```ts
 * import { assetsParameters } from "@sannong/assets";
 * assetsParameters.map((p) => p.id).includes("assets.revenue.minReserveRatio"); // → true
 * ```
 * @remarks Implements ASSET-REV-2, ASSET-REV-3, ASSET-REV-4, ASSET-CARE-2, ASSET-DEP-2, ASSET-RISK-1, ASSET-MERGE-1, ASSET-REVIT-1, ASSET-REVIT-3, ASSET-NEED-2.
 */
export const assetsParameters: readonly Parameter[] = Object.freeze([
  minReserveRatio,
  minPriorityShare,
  stableWorkTiers,
  maintenanceNegativeList,
  depreciationStartRule,
  salvageRate,
  straightLineMonthly,
  riskModel,
  mergerDifferenceThreshold,
  revitalizationMilestones,
  revitalizationDeadlineMonths,
  needPurposePriority,
] as Parameter[]);

/**
 * The default parameter set of `@sannong/assets`; overlay it with core
 * `overlay` to apply a local standard.
 *
 * @example
 * ```ts
 * import { overlay, paramAt } from "@sannong/core";
 * import { assetsParameterSet } from "@sannong/assets";
 * const local = overlay(assetsParameterSet, { "assets.revenue.minReserveRatio": { value: "0.2" } });
 * paramAt(local, "assets.revenue.minReserveRatio", "2024-01-01").value; // → "0.2"
 * ```
 * @remarks Implements CORE-PARAM-2 for this package.
 */
export const assetsParameterSet: ParameterSet = parameterSet(assetsParameters);

/** Ids of the parameters, for reading them with `paramAt`. */
export const PARAM = Object.freeze({
  minReserveRatio: "assets.revenue.minReserveRatio",
  minPriorityShare: "assets.revenue.minPriorityShare",
  stableWorkTiers: "assets.revenue.stableWorkTiers",
  negativeList: "assets.maintenance.negativeList",
  startRule: "assets.depreciation.startRule",
  salvageRate: "assets.depreciation.salvageRate",
  straightLineMonthly: "assets.depreciation.straightLineMonthly",
  riskModel: "assets.risk.model",
  mergerThreshold: "assets.merger.differenceThreshold",
  milestones: "assets.revitalization.milestones",
  deadlineMonths: "assets.revitalization.deadlineMonths",
  purposePriority: "assets.needs.purposePriority",
} as const);
