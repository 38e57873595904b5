import * as z from "zod";
import {
  addIssue,
  defineParameter,
  parameterSet,
  type Parameter,
  type ParameterSet,
  type ParameterSource,
} from "@sannong/core";
import { fundsParameters } from "@sannong/funds";
import { SEED_004 } from "./rules";

/** The date seed 004 took effect (本意见自2016年10月18日起施行). */
export const SEED_004_IN_FORCE = "2016-10-18";

const DOC = `衢州市人民政府办公室关于推进水库移民精准扶持工作的实施意见（${SEED_004}）`;

function src(article: string, note: string): ParameterSource {
  return { document: DOC, article, verified: false, note };
}

const LEFT_OPEN =
  "文中所涉具体奖补标准，由市级移民管理机构会同相关部门另行制定 — the seed sets no amount; the default is null (standard not set) and a caller must overlay its local standard or pass the amount in the input.";

const decimalString = z.string().regex(/^\d+(\.\d+)?$/);
const moneyString = z.string().regex(/^\d+(\.\d{1,2})?$/);
const optionalMoney = moneyString.nullable();
const month = z.number().int().min(1).max(12);

/** 专项救助 amount per household per case (元/户·次); not set by the seed. */
export const specialReliefAmount = defineParameter<string | null>({
  id: "migrants.aid.specialRelief.amount",
  unit: "元/户·次",
  label: { zh: "因灾因病困难移民专项救助标准", en: "special relief after disaster or illness, per household" },
  values: [{ from: SEED_004_IN_FORCE, value: null, source: src("§二(一)2；末段", LEFT_OPEN) }],
  schema: optionalMoney,
});

/** 高中段助学 amount per student per year (元/人·年); not set by the seed. */
export const seniorSecondaryAidAmount = defineParameter<string | null>({
  id: "migrants.aid.education.seniorSecondary.amount",
  unit: "元/人·年",
  label: { zh: "困难移民子女高中段教育资助标准", en: "education aid, senior secondary, per student per year" },
  values: [{ from: SEED_004_IN_FORCE, value: null, source: src("§二(一)2；末段", LEFT_OPEN) }],
  schema: optionalMoney,
});

/** 全日制普通高校本专科（含高职）助学 amount per student per year; not set by the seed. */
export const collegeAidAmount = defineParameter<string | null>({
  id: "migrants.aid.education.college.amount",
  unit: "元/人·年",
  label: {
    zh: "困难移民子女全日制普通高校本专科（含高职）教育资助标准",
    en: "education aid, full-time college or university (incl. higher vocational), per student per year",
  },
  values: [{ from: SEED_004_IN_FORCE, value: null, source: src("§二(一)2；末段", LEFT_OPEN) }],
  schema: optionalMoney,
});

/** 城乡居民基本医疗保险个人缴费补助 per person per year; not set by the seed. */
export const medicalContributionAidAmount = defineParameter<string | null>({
  id: "migrants.aid.medicalInsurance.amount",
  unit: "元/人·年",
  label: {
    zh: "特殊贫困移民城乡居民医保个人缴费补助标准",
    en: "help with the resident medical-insurance personal contribution, per person per year",
  },
  values: [{ from: SEED_004_IN_FORCE, value: null, source: src("§二(一)2；末段", LEFT_OPEN) }],
  schema: optionalMoney,
});

/** Highest age (inclusive) for a public-welfare post after the relaxation (适当放宽年龄). */
export const publicWelfarePostMaxAge = defineParameter<number>({
  id: "migrants.aid.publicWelfarePost.maxAge",
  unit: "周岁",
  label: { zh: "困难移民公益岗位放宽后的年龄上限", en: "relaxed upper age for public-welfare posts" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: 65,
      source: src(
        "§二(一)2",
        "The seed only says 适当放宽年龄. Assumed default: 60 (a common upper age for 公益性岗位) relaxed by 5 years; overlay the local standard.",
      ),
    },
  ],
  schema: z.number().int().min(16).max(120),
});

/** 避险解困 migrant top-up on the relocation subsidy (元/户); set by each county. */
export const dangerRelocationTopUp = defineParameter<string | null>({
  id: "migrants.aid.stack.dangerRelocation.topUp",
  unit: "元/户",
  label: { zh: "移民避险解困建（购）房叠加补助", en: "migrant top-up on the relocation housing subsidy" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: null,
      source: src(
        "§二(一)3",
        "具体数额由各县(市、区)确定 — no default; overlay the county's amount or pass it in the input.",
      ),
    },
  ],
  schema: optionalMoney,
});

/** 移民大学生回乡创业 top-up on other departments' support (元/人); not set by the seed. */
export const graduateStartupTopUp = defineParameter<string | null>({
  id: "migrants.aid.stack.graduateStartup.topUp",
  unit: "元/人",
  label: { zh: "移民大学生回乡创业叠加补助", en: "top-up for returning migrant graduates who start businesses" },
  values: [{ from: SEED_004_IN_FORCE, value: null, source: src("§二(二)3；末段", LEFT_OPEN) }],
  schema: optionalMoney,
});

/** Months in which reserve applications are accepted (每年分3月份和9月份2次集中申报入库). */
export const applicationMonths = defineParameter<readonly number[]>({
  id: "migrants.projects.applicationMonths",
  unit: "月",
  label: { zh: "储备项目集中申报入库月份", en: "months in which reserve applications are accepted" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: [3, 9],
      source: src("§二(二)1", "Transcribed from the seed: 3月份和9月份; a whole calendar month each."),
    },
  ],
  schema: z.array(month).min(1).max(12),
});

/** Months in which the reserve is updated (每年4月份和10月份对储备项目库信息进行更新). */
export const reserveUpdateMonths = defineParameter<readonly number[]>({
  id: "migrants.projects.updateMonths",
  unit: "月",
  label: { zh: "储备项目库信息更新月份", en: "months in which the project reserve is updated" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: [4, 10],
      source: src("§二(二)1", "Transcribed from the seed: 4月份和10月份; a whole calendar month each."),
    },
  ],
  schema: z.array(month).min(1).max(12),
});

/** Day-count basis of the loan interest subsidy (360 or 365). */
export const loanDayCountBasis = defineParameter<360 | 365>({
  id: "migrants.fund.loanSubsidy.dayCountBasis",
  unit: "天/年",
  label: { zh: "贷款贴息计息基数（年天数）", en: "day-count basis of the loan interest subsidy" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: 360,
      source: src(
        "§二(三)2",
        "The seed does not say. Assumed default 360: Chinese bank loans quote a daily rate as the annual rate ÷ 360; overlay 365 if the local 贴息办法 says so.",
      ),
    },
  ],
  schema: z.union([z.literal(360), z.literal(365)]),
});

/** Share of the interest that is subsidised (贴息比例); not set by the seed. */
export const loanSubsidyRatio = defineParameter<string | null>({
  id: "migrants.fund.loanSubsidy.ratio",
  unit: "ratio",
  label: { zh: "创业致富贷款贴息比例", en: "share of the loan interest that is subsidised" },
  values: [{ from: SEED_004_IN_FORCE, value: null, source: src("§二(三)2；末段", LEFT_OPEN) }],
  schema: decimalString.nullable(),
});

/** Cap of the interest subsidy per household (每户贴息上限); none unless declared. */
export const loanSubsidyCapPerHousehold = defineParameter<string | null>({
  id: "migrants.fund.loanSubsidy.capPerHousehold",
  unit: "元/户",
  label: { zh: "创业致富贷款贴息每户上限", en: "cap of the loan interest subsidy per household" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: null,
      source: src("§二(三)2", "The seed declares no cap; null means no cap until a local standard is overlaid."),
    },
  ],
  schema: optionalMoney,
});

/** The apportionment method that turns a basis into whole shares. */
export const shareApportionMethod = defineParameter<"hamilton" | "jefferson" | "webster" | "adams" | "huntington-hill">(
  {
    id: "migrants.shares.apportionMethod",
    unit: "method",
    label: { zh: "折股量化取整方法", en: "apportionment method of share quantification" },
    values: [
      {
        from: SEED_004_IN_FORCE,
        value: "hamilton",
        source: src(
          "§二(五)1",
          "The seed does not say how to round shares. Assumed default: largest remainder (Hamilton), the method core uses for money.",
        ),
      },
    ],
    schema: z.enum(["hamilton", "jefferson", "webster", "adams", "huntington-hill"]),
  },
);

/** Minimum sampling rate of the yearly living-conditions survey (不低于总移民户数的5%). */
export const surveyMinRate = defineParameter<string>({
  id: "migrants.survey.minRate",
  unit: "ratio",
  label: { zh: "移民生产生活状况抽样调查最低比例", en: "minimum sampling rate of the yearly survey" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: "0.05",
      source: src("§二(五)2", "Transcribed from the seed: 不低于总移民户数的5%."),
    },
  ],
  schema: decimalString,
});

/** One grade band: a total at or above `min` earns `grade`. */
export interface GradeBand {
  readonly grade: string;
  readonly zh: string;
  readonly en: string;
  /** Lowest total (inclusive) of the band, a decimal string on the 100-point scale. */
  readonly min: string;
}

/** Grade bands of the performance evaluation (绩效评价等级). */
export const evaluationGradeBands = defineParameter<readonly GradeBand[]>({
  id: "migrants.evaluation.gradeBands",
  unit: "分（百分制）",
  label: { zh: "移民资金使用绩效评价等级划分", en: "grade bands of the fund-use performance evaluation" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: [
        { grade: "excellent", zh: "优", en: "excellent", min: "90" },
        { grade: "good", zh: "良", en: "good", min: "80" },
        { grade: "fair", zh: "中", en: "fair", min: "60" },
        { grade: "poor", zh: "差", en: "poor", min: "0" },
      ],
      source: src(
        "§二(五)3",
        "The seed refers to the evaluation method of the higher authority. Assumed default: the four bands of 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) — 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60.",
      ),
    },
  ],
  schema: z
    .array(
      z.strictObject({ grade: z.string().min(1), zh: z.string().min(1), en: z.string().min(1), min: decimalString }),
    )
    .min(1),
});

/** Days after the end of a quarter within which the quarterly reports are due. */
export const quarterlyReportDueDays = defineParameter<number>({
  id: "migrants.audit.quarterlyReportDueDays",
  unit: "天",
  label: { zh: "季报报送期限（季后天数）", en: "days after the quarter within which the quarterly reports are due" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: 10,
      source: src(
        "§二(四)3",
        "The seed sets up 季报制度 without a deadline. Assumed default: within 10 days after the quarter ends (季后10日内); overlay the local rule.",
      ),
    },
  ],
  schema: z.number().int().min(0).max(366),
});

/** One target of seed §一 (到2020年). */
export interface TargetDefinition {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** Required count (至少 … 个). */
  readonly required: number;
}

/** The 2020 targets of seed §一 and their deadline. */
export const migrantTargets = defineParameter<{
  readonly deadline: string;
  readonly targets: readonly TargetDefinition[];
}>({
  id: "migrants.targets.2020",
  unit: "个",
  label: { zh: "2020年移民建设目标", en: "targets for 2020" },
  values: [
    {
      from: SEED_004_IN_FORCE,
      value: {
        deadline: "2020-12-31",
        targets: [
          {
            id: "beautiful-home-villages",
            zh: "市级“美丽家园”移民特色精品村",
            en: "city-level “beautiful home” migrant villages",
            required: 30,
          },
          { id: "culture-centres", zh: "县级移民文化中心", en: "county migrant culture centres", required: 6 },
          { id: "training-centres", zh: "移民培训中心", en: "migrant training centres", required: 6 },
          { id: "tourism-towns", zh: "移民旅游风情小镇", en: "migrant tourism towns", required: 12 },
        ],
      },
      source: src(
        "§一",
        "Transcribed from the seed: 到2020年…至少建成30个以上…6个…6个…12个; the deadline is read as the end of 2020.",
      ),
    },
  ],
  schema: z.strictObject({
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    targets: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          zh: z.string().min(1),
          en: z.string().min(1),
          required: z.number().int().min(0),
        }),
      )
      .min(1),
  }),
});

/**
 * Every parameter of @sannong/migrants (水库移民参数), each effective-dated
 * with its source in seed 004 and `verified: false`.
 * @remarks Implements CORE-PARAM-1 for the MIG-* rules.
 */
export const migrantsParameters: readonly Parameter[] = Object.freeze([
  specialReliefAmount,
  seniorSecondaryAidAmount,
  collegeAidAmount,
  medicalContributionAidAmount,
  publicWelfarePostMaxAge,
  dangerRelocationTopUp,
  graduateStartupTopUp,
  applicationMonths,
  reserveUpdateMonths,
  loanDayCountBasis,
  loanSubsidyRatio,
  loanSubsidyCapPerHousehold,
  shareApportionMethod,
  surveyMinRate,
  evaluationGradeBands,
  quarterlyReportDueDays,
  migrantTargets,
] as Parameter[]);

/**
 * The default parameter set of @sannong/migrants: {@link migrantsParameters}
 * and the @sannong/funds parameters its allocation and payment functions use
 * (group ratios of the factor method, the combined ratio, the 3–5 year cycle,
 * payment ratios), so one overlay serves the whole pipeline. Overlay it (core
 * `overlay`) with local standards and pass it as `options.parameters`.
 * @example
 * ```ts
 * import { overlay } from "@sannong/core";
 * import { migrantsParameterSet } from "@sannong/migrants";
 * const local = overlay(migrantsParameterSet, {
 *   "migrants.fund.loanSubsidy.ratio": { value: "0.5" },
 *   "funds.factor.groupRatios": { value: { base: "0.6", performance: "0.4" } },
 * });
 * local.overridden.map((o) => o.id); // → ["migrants.fund.loanSubsidy.ratio", "funds.factor.groupRatios"]
 * ```
 */
export const migrantsParameterSet: ParameterSet = parameterSet([...migrantsParameters, ...fundsParameters]);

/**
 * What every public function of @sannong/migrants accepts as its second
 * argument: what is not data — the parameter set (an overlay of
 * {@link migrantsParameterSet} with local standards).
 */
export interface MigrantsOptions {
  readonly parameters?: ParameterSet;
}

function isParameterSet(v: unknown): v is ParameterSet {
  return (
    typeof v === "object" &&
    v !== null &&
    (v as { parameters?: unknown }).parameters instanceof Map &&
    Array.isArray((v as { overridden?: unknown }).overridden)
  );
}

/** zod schema of {@link MigrantsOptions} (strict; `parameters` must be a core ParameterSet). */
export const migrantsOptionsSchema = z.strictObject({
  parameters: z
    .unknown()
    .superRefine((v, ctx) => {
      if (!isParameterSet(v))
        addIssue(
          ctx,
          "parameters 应为 core 的参数集（parameterSet / overlay 的结果）",
          "parameters must be a core ParameterSet (from parameterSet or overlay)",
          [],
          "invalid_parameter_set",
        );
    })
    .optional(),
});
