import * as z from "zod";
import {
  defineParameter,
  legalDateSchema,
  parameterSet,
  type Parameter,
  type ParameterSet,
  type ParameterSource,
  deepFreeze,
} from "@sannong/core";

/** Seed 002: 台州市人民政府办公室关于切实加强被征地农民社会保障工作的意见. */
const SEED_002 = "台政办函〔2019〕47号（台州市 被征地农民社会保障工作意见）";
const SEED_002_FROM = "2019-08-09";
/** Seed 000: 丰台区 超转人员保障资金使用管理实施意见, implementing 京政字〔2021〕35号. */
const SEED_000 = "丰台区关于加强绿化隔离地区超转人员保障资金使用管理的实施意见（试行）（征求意见稿）";
const SEED_000_FROM = "2021-12-04";
const BEIJING_PRACTICE = "Beijing practice (北京市超转人员认定口径)";
/** No effective date of the Beijing thresholds is known to sannong: in force on every legal date. */
const BEIJING_FROM = "1900-01-01";

const src = (document: string, article: string | undefined, note: string): ParameterSource =>
  article === undefined ? { document, verified: false, note } : { document, article, verified: false, note };

function param<T>(
  id: string,
  unit: string,
  zh: string,
  en: string,
  from: string,
  value: T,
  source: ParameterSource,
  schema: z.ZodType<T>,
): Parameter<T> {
  return defineParameter<T>({ id, unit, label: { zh, en }, values: [{ from, value, source }], schema });
}

/** Government levels, lowest to highest, as used by the approval and decision gates. */
export const GOVERNMENT_LEVELS = /*#__PURE__*/ deepFreeze([
  "village",
  "township",
  "county",
  "city",
  "province",
  "state-council",
] as const);
/** A level of government (行政层级) that approves an expropriation or decides on a key project. */
export type GovernmentLevel = (typeof GOVERNMENT_LEVELS)[number];
/** zod schema of {@link GovernmentLevel}. */
export const governmentLevelSchema = z.enum(GOVERNMENT_LEVELS);

/** Land types (地类) that an expropriation may concern. */
export const LAND_TYPES = /*#__PURE__*/ deepFreeze([
  "cultivated",
  "other-agricultural",
  "construction",
  "unused",
] as const);
/** A land type: 耕地, 其他农用地, 建设用地, 未利用地. */
export type LandType = (typeof LAND_TYPES)[number];
/** zod schema of {@link LandType}. */
export const landTypeSchema = z.enum(LAND_TYPES);

/** Keys that order candidates for surplus places within a tier (INS-MATCH-3). */
export const SURPLUS_ORDER_KEYS = /*#__PURE__*/ deepFreeze(["rank", "landLost", "age"] as const);
/** A surplus ordering key: the meeting's rank (lower first), land lost (more first), age (older first). */
export type SurplusOrderKey = (typeof SURPLUS_ORDER_KEYS)[number];

const count = z.number().int().nonnegative();
const positiveInt = z.number().int().positive();
const moneyOrNull = z.union([z.string().regex(/^\d{1,13}(\.\d{1,2})?$/), z.null()]);

/** INS-QUOTA-2: whether the base of the quota is cultivated land only or all agricultural land. */
export const quotaBaseLand = param<"agricultural" | "cultivated">(
  "insurance.quota.baseLand",
  "enum",
  "以地定量的土地口径",
  "land base of the quota",
  SEED_002_FROM,
  "agricultural",
  src(
    SEED_002,
    "§三(二)",
    "The seed names 耕地和其他农用地 (cultivated and other agricultural land); the statutory resettlement formula (土地管理法实施条例) uses cultivated land only. Applies when areas are given with a cultivated / otherAgricultural breakdown.",
  ),
  z.enum(["agricultural", "cultivated"]),
);
/** INS-QUOTA-2: the rounding of the quota (default down: a fraction of a person is not a place). */
export const quotaRounding = param<"down" | "half-up" | "up">(
  "insurance.quota.rounding",
  "enum",
  "参保指标取整方式",
  "rounding of the quota",
  SEED_002_FROM,
  "down",
  src(
    SEED_002,
    "§三(二)",
    "The seed says 合理确定 without a rounding; sannong default rounds down so the quota never exceeds the exact figure.",
  ),
  z.enum(["down", "half-up", "up"]),
);
/** INS-QUOTA-1, INS-MATCH-2: the minimum age of an insured person (16 周岁以上). */
export const minInsuredAge = param<number>(
  "insurance.quota.minAge",
  "years",
  "参保对象最低年龄",
  "minimum age of an insured person",
  SEED_002_FROM,
  16,
  src(SEED_002, "§三(二)", "The seed counts the agricultural population aged 16 and over (16周岁以上农业人口)."),
  count,
);
/** INS-QUOTA-4: the lowest government level whose approval of the expropriation counts. */
export const minApprovalLevel = param<GovernmentLevel>(
  "insurance.eligibility.minApprovalLevel",
  "level",
  "征收批准的最低政府层级",
  "lowest level of government whose approval counts",
  SEED_002_FROM,
  "province",
  src(SEED_002, "§三(二)", "省级以上政府批准征收耕地和其他农用地."),
  governmentLevelSchema,
);
/** INS-QUOTA-4: the lowest level that may decide a key project enrols before approval. */
export const keyProjectMinDecisionLevel = param<GovernmentLevel>(
  "insurance.eligibility.keyProjectMinDecisionLevel",
  "level",
  "重点工程提前参保的决定层级",
  "lowest level that may decide early enrolment for a key project",
  SEED_002_FROM,
  "county",
  src(SEED_002, "§三(一)", "重点工程建设项目用地确需在土地征用批准前安排参保的，由县级以上政府统筹考虑、研究决定."),
  governmentLevelSchema,
);
/** INS-QUOTA-4: the land types within the policy (地类范围). */
export const eligibleLandTypes = param<readonly LandType[]>(
  "insurance.eligibility.landTypes",
  "list",
  "政策内地类",
  "land types within the policy",
  SEED_002_FROM,
  ["cultivated", "other-agricultural"],
  src(SEED_002, "§三(二)", "The seed's quota counts 耕地和其他农用地."),
  z.array(landTypeSchema).min(1),
);
/** INS-QUOTA-4: the expropriation-time window of the policy (征地时间); null bounds mean none declared. */
export const expropriationWindow = param<{ from: string | null; until: string | null }>(
  "insurance.eligibility.expropriationWindow",
  "dates",
  "政策内征地时间范围",
  "expropriation-time window of the policy",
  SEED_002_FROM,
  { from: null, until: null },
  src(
    SEED_002,
    "§三(一)",
    "The seed refers to province and city rules on 征地时间 without dates; no bound is declared until a caller overlays the local window.",
  ),
  z.strictObject({ from: legalDateSchema.nullable(), until: legalDateSchema.nullable() }),
);
/** INS-MATCH-1: the apportionment method of the village quota to households. */
export const apportionMethod = param<"hamilton" | "jefferson" | "webster" | "adams" | "huntington-hill">(
  "insurance.match.apportionMethod",
  "enum",
  "指标到户的分配方法",
  "apportionment method of places to households",
  SEED_002_FROM,
  "hamilton",
  src(SEED_002, "§三(三)", "The seed says 人地对应 without a method; sannong default is largest remainder (Hamilton)."),
  z.enum(["hamilton", "jefferson", "webster", "adams", "huntington-hill"]),
);
/** INS-MATCH-3: the order of candidates for surplus places within a tier. */
export const surplusOrder = param<readonly SurplusOrderKey[]>(
  "insurance.match.surplusOrder",
  "list",
  "节余指标调剂的排序规则",
  "order of candidates for surplus places",
  SEED_002_FROM,
  ["rank", "landLost", "age"],
  src(
    SEED_002,
    "§三(三)",
    "The seed gives priority to same-collective expropriated members, decided by 五议两公开; sannong default orders by the meeting's rank, then more land lost, then older first, then id.",
  ),
  z.array(z.enum(SURPLUS_ORDER_KEYS)),
);
/** INS-MATCH-3: whether surplus places may go to members of other collectives after the village's own. */
export const surplusToOtherCollectives = param<boolean>(
  "insurance.match.surplusToOtherCollectives",
  "boolean",
  "节余指标可否调剂至外村",
  "may surplus places go to other collectives",
  SEED_002_FROM,
  false,
  src(
    SEED_002,
    "§三(三)",
    "The seed gives the village's own members priority (优先) and leaves 符合规定的调剂 to local rules; sannong default keeps places in the village.",
  ),
  z.boolean(),
);
/** INS-MATCH-3: the 五议两公开 step through which the record must be complete (null: every step). */
export const procedureThrough = param<string | null>(
  "insurance.match.procedureThrough",
  "step",
  "调剂名单生效须完成的程序步骤",
  "step of 五议两公开 through which the record must be complete",
  SEED_002_FROM,
  null,
  src(
    SEED_002,
    "§三(三)",
    '调剂名单的产生必须履行五议两公开程序: sannong default requires every step, including 实施结果公开; a locality that acts on the disclosed resolution can set "resolution-disclosure".',
  ),
  z.string().min(1).nullable(),
);
/** INS-VALID-1: how long a place stays valid after the list is confirmed. */
export const placeValidityMonths = param<number>(
  "insurance.validity.placeValidityMonths",
  "months",
  "参保名额指标有效期",
  "validity of a place",
  SEED_002_FROM,
  12,
  src(SEED_002, "§三(四)", "参保名额指标有效期最长为1年."),
  positiveInt,
);
/** INS-VALID-1: the enrolment period after the list is reported (规定期限). */
export const enrolmentPeriodDays = param<number>(
  "insurance.validity.enrolmentPeriodDays",
  "days",
  "参保缴费办理期限",
  "period to complete enrolment and payment",
  SEED_002_FROM,
  90,
  src(
    SEED_002,
    "§三(四)",
    "The seed says 在规定期限内 without a figure; sannong default 90 days from the report, never beyond the place's validity.",
  ),
  positiveInt,
);
/** INS-TRANSFER-1: months after the month of enrolment by whose end the pension-fund transfer is due. */
export const pensionDueLagMonths = param<number>(
  "insurance.transfer.pensionDueLagMonths",
  "months",
  "养老保险基金划转的滞后月数",
  "months of lag of the pension-fund transfer",
  SEED_002_FROM,
  0,
  src(SEED_002, "§二(三)", "按月划转: sannong default is due by the last day of the month of enrolment."),
  count,
);
/** INS-TRANSFER-1: quarters after the quarter of enrolment by whose end the risk-reserve money is due. */
export const reserveDueLagQuarters = param<number>(
  "insurance.transfer.reserveDueLagQuarters",
  "quarters",
  "风险金到位的滞后季数",
  "quarters of lag of the risk-reserve money",
  SEED_002_FROM,
  0,
  src(SEED_002, "§二(三)", "按季到位: sannong default is due by the last day of the quarter of enrolment."),
  count,
);
/** INS-OVERAGE-1: age from which a man is over-age at conversion. */
export const overageAgeMen = param<number>(
  "insurance.overage.ageMen",
  "years",
  "男性超转年龄",
  "over-age threshold, men",
  BEIJING_FROM,
  60,
  src(
    BEIJING_PRACTICE,
    undefined,
    "Commonly used Beijing threshold (男满60周岁); not stated in seed 000; to verify against 北京市建设征地补偿安置办法 (市政府令第148号).",
  ),
  count,
);
/** INS-OVERAGE-1: age from which a woman is over-age at conversion. */
export const overageAgeWomen = param<number>(
  "insurance.overage.ageWomen",
  "years",
  "女性超转年龄",
  "over-age threshold, women",
  BEIJING_FROM,
  50,
  src(
    BEIJING_PRACTICE,
    undefined,
    "Commonly used Beijing threshold (女满50周岁); not stated in seed 000; to verify against 北京市建设征地补偿安置办法 (市政府令第148号).",
  ),
  count,
);
/** INS-OVERAGE-1: whether persons of working age certified wholly unable to work are converted. */
export const overageIncapacityIncluded = param<boolean>(
  "insurance.overage.incapacityIncluded",
  "boolean",
  "劳动年龄内完全丧失劳动能力者是否列入超转",
  "are working-age persons certified wholly unable to work included",
  BEIJING_FROM,
  true,
  src(BEIJING_PRACTICE, undefined, "Commonly used Beijing practice (经鉴定完全丧失劳动能力); not stated in seed 000."),
  z.boolean(),
);
/** INS-OVERAGE-1: the lowest age of working age (劳动年龄). */
export const workingAgeFrom = param<number>(
  "insurance.overage.workingAgeFrom",
  "years",
  "劳动年龄下限",
  "lowest working age",
  BEIJING_FROM,
  16,
  src(BEIJING_PRACTICE, undefined, "Working age starts at 16 (劳动法); assumed by sannong."),
  count,
);
/** INS-OVERAGE-2: the monthly guarantee standard per person (living + medical); not set by default. */
export const overageMonthlyStandard = param<string | null>(
  "insurance.overage.monthlyStandard",
  "元/人·月",
  "超转人员月保障标准（生活+医疗）",
  "monthly guarantee standard per person (living + medical)",
  SEED_000_FROM,
  null,
  src(
    SEED_000,
    "§三3",
    "The seed says 每期汇缴的费用金额应由区民政局核算确定 without a figure; no default: pass monthlyStandard or overlay this parameter.",
  ),
  moneyOrNull,
);
/** INS-OVERAGE-2: the annual growth of the standard for future years. */
export const overageAnnualGrowth = param<string>(
  "insurance.overage.annualGrowth",
  "ratio/year",
  "保障标准年增长率",
  "annual growth of the standard",
  SEED_000_FROM,
  "0",
  src(
    SEED_000,
    "§一",
    "The seed speaks of 缴纳资金逐年递增 without a rate; sannong default assumes no growth until a rate is declared.",
  ),
  z.string().regex(/^-?\d{1,3}(\.\d{1,18})?$/),
);
/** INS-OVERAGE-3: the length of a remittance period in years. */
export const overagePeriodYears = param<number>(
  "insurance.overage.periodYears",
  "years",
  "汇缴期长度",
  "length of a remittance period",
  SEED_000_FROM,
  3,
  src(SEED_000, "§三3", "The seed says 每期 without a length; sannong default 3 years (an assumption)."),
  positiveInt,
);
/** INS-OVERAGE-3: how many periods after the first remittance are scheduled. */
export const overageSchedulePeriods = param<number>(
  "insurance.overage.schedulePeriods",
  "periods",
  "首次汇缴后排列的期数",
  "periods scheduled after the first remittance",
  SEED_000_FROM,
  4,
  src(SEED_000, "§三3", "A planning horizon, not a rule; sannong default 4."),
  count,
);
/** INS-OVERAGE-3: whether cover starts the month after handover (next) or the handover month itself. */
export const overageFirstMonth = param<"next" | "handover">(
  "insurance.overage.firstMonth",
  "enum",
  "移交当年保障起始月",
  "first covered month of the handover year",
  SEED_000_FROM,
  "next",
  src(SEED_000, "§三3", "当年剩余月份: sannong reads 'remaining months' as the months after the handover month."),
  z.enum(["next", "handover"]),
);
/** INS-OVERAGE-3: the month and day by which each later remittance is due in the last year of a period. */
export const overageRemittanceDeadline = param<{ month: number; day: number | "end" }>(
  "insurance.overage.remittanceDeadline",
  "month-day",
  "后续汇缴截止日",
  "deadline of later remittances",
  SEED_000_FROM,
  { month: 11, day: "end" },
  src(SEED_000, "§三3", "于每期最后一年11月底前 (by the end of November, i.e. 30 November)."),
  z.strictObject({
    month: z.number().int().min(1).max(12),
    day: z.union([z.number().int().min(1).max(28), z.literal("end")]),
  }),
);
/** INS-OVERAGE-4: the civil-affairs monthly standard of the transition guarantee; not set by default. */
export const transitionMonthlyStandard = param<string | null>(
  "insurance.overage.transitionMonthlyStandard",
  "元/人·月",
  "过渡期临时保障标准（区民政局）",
  "civil-affairs monthly standard of the transition guarantee",
  SEED_000_FROM,
  null,
  src(
    SEED_000,
    "§三4",
    "按照区民政局超转人员保障的相关标准: the figure is not in the seed; pass monthlyStandard or overlay this parameter.",
  ),
  moneyOrNull,
);
/** INS-OVERAGE-4: the payment period of the transition guarantee (按期拨付). */
export const transitionPaymentPeriod = param<"month" | "quarter" | "year">(
  "insurance.overage.transitionPaymentPeriod",
  "enum",
  "过渡期保障拨付周期",
  "payment period of the transition guarantee",
  SEED_000_FROM,
  "quarter",
  src(SEED_000, "§三4", "按期拨付 without a period; sannong default quarterly, paid on the first day of the period."),
  z.enum(["month", "quarter", "year"]),
);

/** Every parameter of @sannong/insurance, in a stable order. */
export const insuranceParameters: readonly Parameter[] = Object.freeze([
  quotaBaseLand,
  quotaRounding,
  minInsuredAge,
  minApprovalLevel,
  keyProjectMinDecisionLevel,
  eligibleLandTypes,
  expropriationWindow,
  apportionMethod,
  surplusOrder,
  surplusToOtherCollectives,
  procedureThrough,
  placeValidityMonths,
  enrolmentPeriodDays,
  pensionDueLagMonths,
  reserveDueLagQuarters,
  overageAgeMen,
  overageAgeWomen,
  overageIncapacityIncluded,
  workingAgeFrom,
  overageMonthlyStandard,
  overageAnnualGrowth,
  overagePeriodYears,
  overageSchedulePeriods,
  overageFirstMonth,
  overageRemittanceDeadline,
  transitionMonthlyStandard,
  transitionPaymentPeriod,
] as Parameter[]);

/**
 * The default parameter set of @sannong/insurance (参数集). Overlay it with
 * core `overlay` to apply a local standard, and pass the result as
 * `options.parameters`.
 * @example
 * ```ts
 * import { overlay } from "@sannong/core";
 * import { insuranceParameterSet, buildRemittanceSchedule } from "@sannong/insurance";
 * const local = overlay(insuranceParameterSet, { "insurance.overage.periodYears": { value: 5 } });
 * const input = { handoverDate: "2022-07-15", monthlyStandard: "1500.00", periods: 0, persons: [{ id: "p1" }] };
 * buildRemittanceSchedule(input).remittances[0]?.to; // → "2025-12"
 * buildRemittanceSchedule(input, { parameters: local }).remittances[0]?.to; // → "2027-12"
 * ```
 */
export const insuranceParameterSet: ParameterSet = parameterSet(insuranceParameters);

/** Parameter ids as constants, so code never misspells one. @internal */
export const P = /*#__PURE__*/ deepFreeze({
  baseLand: quotaBaseLand.id,
  rounding: quotaRounding.id,
  minAge: minInsuredAge.id,
  minApprovalLevel: minApprovalLevel.id,
  keyProjectLevel: keyProjectMinDecisionLevel.id,
  landTypes: eligibleLandTypes.id,
  window: expropriationWindow.id,
  apportionMethod: apportionMethod.id,
  surplusOrder: surplusOrder.id,
  surplusOther: surplusToOtherCollectives.id,
  procedureThrough: procedureThrough.id,
  validityMonths: placeValidityMonths.id,
  enrolmentDays: enrolmentPeriodDays.id,
  pensionLag: pensionDueLagMonths.id,
  reserveLag: reserveDueLagQuarters.id,
  ageMen: overageAgeMen.id,
  ageWomen: overageAgeWomen.id,
  incapacity: overageIncapacityIncluded.id,
  workingAgeFrom: workingAgeFrom.id,
  monthlyStandard: overageMonthlyStandard.id,
  annualGrowth: overageAnnualGrowth.id,
  periodYears: overagePeriodYears.id,
  schedulePeriods: overageSchedulePeriods.id,
  firstMonth: overageFirstMonth.id,
  remittanceDeadline: overageRemittanceDeadline.id,
  transitionStandard: transitionMonthlyStandard.id,
  transitionPeriod: transitionPaymentPeriod.id,
} as const);
