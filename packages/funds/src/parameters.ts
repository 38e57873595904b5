import * as z from "zod";
import { addIssue, defineParameter, parameterSet, Decimal, type Parameter, type ParameterSet } from "@sannong/core";

const QUZHOU = "衢政办发〔2016〕65号 衢州市人民政府办公室关于推进水库移民精准扶持工作的实施意见";
const FENGTAI = "丰台区关于加强绿化隔离地区超转人员保障资金使用管理的实施意见（试行）（征求意见稿）";
const TAIZHOU = "台政办函〔2019〕47号 台州市人民政府办公室关于切实加强被征地农民社会保障工作的意见";
const QINGHEMEN = "清河门区加强扶贫资金风险防控和扶贫资产监管工作实施方案";

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** A decimal string within [min, max] (inclusive). */
function decimalText(min: string, max: string): z.ZodType<string> {
  return z.string().superRefine((v, ctx) => {
    if (!DECIMAL_TEXT.test(v) || new Decimal(v).lt(min) || new Decimal(v).gt(max)) {
      addIssue(
        ctx,
        `应为 ${min} 到 ${max} 之间的十进制字符串：${v}`,
        `expected a decimal string between ${min} and ${max}: ${v}`,
        [],
        "out_of_range",
      );
    }
  });
}
const ratioText = decimalText("0", "1");

/**
 * Ratios of the factor groups (基数、绩效) as a share of the total, used when
 * a call groups its factors but gives no `groups`.
 */
export const groupRatiosParameter: Parameter<Readonly<Record<string, string>>> = defineParameter({
  id: "funds.factor.groupRatios",
  unit: "ratio",
  label: { zh: "因素法基数与绩效分配比例", en: "factor-method base and performance ratios" },
  schema: z.record(z.string().min(1), ratioText) as z.ZodType<Readonly<Record<string, string>>>,
  values: [
    {
      from: "2016-10-18",
      value: { base: "0.7", performance: "0.3" },
      source: {
        document: QUZHOU,
        article: "§二(三)1",
        verified: false,
        note: "The seed says 因素法分配的移民资金按一定比例的基数和绩效进行分配 without giving the ratio; 70% base / 30% performance is an assumed default, to be set by the county.",
      },
    },
  ],
});

/** Significant digits kept when an inverse factor is turned into its reciprocal coefficient (1/x). */
export const reciprocalDigitsParameter: Parameter<number> = defineParameter({
  id: "funds.factor.reciprocalSignificantDigits",
  unit: "significant digits",
  label: { zh: "逆向因素倒数系数的有效数字位数", en: "significant digits of reciprocal coefficients" },
  schema: z.number().int().min(6).max(30),
  values: [
    {
      from: "2016-10-18",
      value: 12,
      source: {
        document: QUZHOU,
        article: "§二(三)1",
        verified: false,
        note: "The seed does not say how inverse factors become coefficients. An exact reciprocal needs the lcm of every value, so 1/x is rounded half-up to 12 significant digits (more than a spreadsheet keeps reliably); the split is exact from these coefficients on.",
      },
    },
  ],
});

/** The factor method's share of the budget when factor and project methods are combined. */
export const combinedFactorRatioParameter: Parameter<string> = defineParameter({
  id: "funds.combined.factorRatio",
  unit: "ratio",
  label: { zh: "因素法与项目法相结合时因素法所占比例", en: "factor-method share in a combined allocation" },
  schema: ratioText,
  values: [
    {
      from: "2016-10-18",
      value: "0.5",
      source: {
        document: QUZHOU,
        article: "§二(三)1",
        verified: false,
        note: "The seed allows 因素法与项目法相结合 without a ratio; an even split is an assumed default.",
      },
    },
  ],
});

/** Shortest multi-year fund plan (years). */
export const cycleMinYearsParameter: Parameter<number> = defineParameter({
  id: "funds.cycle.minYears",
  unit: "years",
  label: { zh: "资金计划统筹最短年限", en: "shortest multi-year plan" },
  schema: z.number().int().min(1).max(50),
  values: [
    {
      from: "2016-10-18",
      value: 3,
      source: {
        document: QUZHOU,
        article: "§二(三)1",
        verified: false,
        note: "3—5年内移民资金计划可统筹安排 (stated in the seed; not yet checked by a person).",
      },
    },
  ],
});

/** Longest multi-year fund plan (years). */
export const cycleMaxYearsParameter: Parameter<number> = defineParameter({
  id: "funds.cycle.maxYears",
  unit: "years",
  label: { zh: "资金计划统筹最长年限", en: "longest multi-year plan" },
  schema: z.number().int().min(1).max(50),
  values: [
    {
      from: "2016-10-18",
      value: 5,
      source: {
        document: QUZHOU,
        article: "§二(三)1",
        verified: false,
        note: "3—5年内移民资金计划可统筹安排 (stated in the seed; not yet checked by a person).",
      },
    },
  ],
});

/** Share of the approved amount paid in advance (预拨比例). */
export const advanceRatioParameter: Parameter<string> = defineParameter({
  id: "funds.pay.advanceRatio",
  unit: "ratio",
  label: { zh: "预拨资金比例", en: "advance payment ratio" },
  schema: ratioText,
  values: [
    {
      from: "2016-10-18",
      value: "0.3",
      source: {
        document: QUZHOU,
        article: "§二(三)3",
        verified: false,
        note: "The seed allows 全额或预拨一部分 without a percentage; 30% is the upper bound of 预付款 in 财建〔2004〕369号 建设工程价款结算暂行办法 第十二条, an assumed default.",
      },
    },
  ],
});

/** Share of the value of completed work paid as progress payments (按进度拨款比例). */
export const progressRatioParameter: Parameter<string> = defineParameter({
  id: "funds.pay.progressPaymentRatio",
  unit: "ratio",
  label: { zh: "按进度拨款占已完成工作量的比例", en: "progress payment share of completed work" },
  schema: ratioText,
  values: [
    {
      from: "2016-10-18",
      value: "0.9",
      source: {
        document: QUZHOU,
        article: "§二(三)3",
        verified: false,
        note: "The seed says 按进度拨款 without a percentage; 90% is the upper bound of 进度款 in 财建〔2004〕369号 第十三条, an assumed default.",
      },
    },
  ],
});

/** Retention (质保金) as a share of the settled amount. */
export const retentionRatioParameter: Parameter<string> = defineParameter({
  id: "funds.pay.retentionRatio",
  unit: "ratio",
  label: { zh: "质保金比例", en: "retention ratio" },
  schema: ratioText,
  values: [
    {
      from: "2016-10-18",
      value: "0.03",
      source: {
        document: QUZHOU,
        article: "§二(三)3",
        verified: false,
        note: "The seed does not mention retention; 3% is the maximum in 建质〔2017〕138号 建设工程质量保证金管理办法 第七条, an assumed default used only when a retention is declared without a ratio.",
      },
    },
  ],
});

/** Annual investment return of the guarantee fund pool (a path over time). */
export const poolReturnRateParameter: Parameter<string> = defineParameter({
  id: "funds.pool.annualReturnRate",
  unit: "ratio per year",
  label: { zh: "保障资金池年化投资收益率", en: "annual return of the guarantee fund pool" },
  schema: decimalText("-0.5", "1"),
  values: [
    {
      from: "2021-12-04",
      value: "0.03",
      source: {
        document: FENGTAI,
        article: "§三2",
        verified: false,
        note: "The seed asks for 长期稳定收益 without a rate; 3% a year is an assumed planning rate. Monthly return = annual rate ÷ 12 on the opening balance.",
      },
    },
  ],
});

/** Decimal places of the units (份额) of entrusted money. */
export const poolUnitDecimalsParameter: Parameter<number> = defineParameter({
  id: "funds.pool.unitDecimals",
  unit: "decimal places",
  label: { zh: "委托资金份额的小数位数", en: "decimal places of pool units" },
  schema: z.number().int().min(2).max(12),
  values: [
    {
      from: "2021-12-04",
      value: 6,
      source: {
        document: FENGTAI,
        article: "§二",
        verified: false,
        note: "The seed does not describe unit accounting. Units start at 1 元 each and are held to 6 decimals; purchases round the units down and redemptions round them up, so a sub-unit residue always stays with the remaining holders.",
      },
    },
  ],
});

/** Months of future outflows kept in reserve before risk compensation is paid back. */
export const poolReserveMonthsParameter: Parameter<number> = defineParameter({
  id: "funds.pool.repaymentReserveMonths",
  unit: "months",
  label: { zh: "返还风险补偿前须预留的支出月数", en: "months of outflows kept before repaying compensation" },
  schema: z.number().int().min(0).max(120),
  values: [
    {
      from: "2021-12-04",
      value: 12,
      source: {
        document: FENGTAI,
        article: "§四（区财政局…明确补偿资金返还路径）",
        verified: false,
        note: "The seed asks for a 补偿资金返还路径 without details; keeping the next 12 months of outflows before repaying is an assumed default.",
      },
    },
  ],
});

/** Share of the surplus above the reserve that repays risk compensation. */
export const poolRepaymentShareParameter: Parameter<string> = defineParameter({
  id: "funds.pool.repaymentShare",
  unit: "ratio",
  label: { zh: "结余中用于返还风险补偿的比例", en: "share of surplus that repays compensation" },
  schema: ratioText,
  values: [
    {
      from: "2021-12-04",
      value: "1",
      source: {
        document: FENGTAI,
        article: "§四",
        verified: false,
        note: "Assumed default: the whole surplus above the reserve repays outstanding compensation.",
      },
    },
  ],
});

/** Calendar month in which risk compensation is paid back each year. */
export const poolRepaymentMonthParameter: Parameter<number> = defineParameter({
  id: "funds.pool.repaymentMonth",
  unit: "month (1–12)",
  label: { zh: "每年返还风险补偿的月份", en: "month of the yearly compensation repayment" },
  schema: z.number().int().min(1).max(12),
  values: [
    {
      from: "2021-12-04",
      value: 12,
      source: {
        document: FENGTAI,
        article: "§三3",
        verified: false,
        note: "Remittances are due by the end of November (每期最后一年11月底前); repaying in December, after them, is an assumed default.",
      },
    },
  ],
});

/** Days after the end of a transfer period before the transfer is overdue. */
export const transferGraceDaysParameter: Parameter<number> = defineParameter({
  id: "funds.transfer.graceDays",
  unit: "days",
  label: { zh: "划转期末后的宽限天数", en: "grace days after a transfer period" },
  schema: z.number().int().min(0).max(366),
  values: [
    {
      from: "2019-08-09",
      value: 0,
      source: {
        document: TAIZHOU,
        article: "§二(三)",
        verified: false,
        note: "The seed says 按月划转、按季到位 without a due day; a transfer is taken as due on the last day of its month or quarter.",
      },
    },
  ],
});

/** Lowest spending progress (支出进度) before a warning, on the fixed basis. */
export const monitorMinProgressParameter: Parameter<string> = defineParameter({
  id: "funds.monitor.minProgress",
  unit: "ratio",
  label: { zh: "支出进度预警线（固定比例）", en: "spending progress warning line (fixed)" },
  schema: ratioText,
  values: [
    {
      from: "2020-09-14",
      value: "0.5",
      source: {
        document: QINGHEMEN,
        article: "§二(四)2",
        verified: false,
        note: "The seed asks for 动态监控预警 without a threshold; 50% is an assumed default.",
      },
    },
  ],
});

/** Lowest ratio of spending progress to time progress (序时进度) before a warning. */
export const monitorScheduleRatioParameter: Parameter<string> = defineParameter({
  id: "funds.monitor.minScheduleRatio",
  unit: "ratio",
  label: { zh: "支出进度与序时进度之比的预警线", en: "warning line of spending progress over time progress" },
  schema: ratioText,
  values: [
    {
      from: "2020-09-14",
      value: "0.8",
      source: {
        document: QINGHEMEN,
        article: "§二(四)2",
        verified: false,
        note: "The seed asks for 动态监控预警 without a threshold; warning below 80% of 序时进度 is an assumed default.",
      },
    },
  ],
});

/**
 * Every parameter of @sannong/funds (资金参数), each effective-dated and
 * cited, all `verified: false` until a person checks them.
 * @example
 * ```ts
 * import { fundsParameters } from "@sannong/funds";
 * fundsParameters.map((p) => p.id).slice(0, 3); // → ["funds.factor.groupRatios", "funds.factor.reciprocalSignificantDigits", "funds.combined.factorRatio"]
 * ```
 * @remarks Implements CORE-PARAM-1 for the FUNDS-* rules marked [param].
 */
export const fundsParameters: readonly Parameter[] = Object.freeze([
  groupRatiosParameter,
  reciprocalDigitsParameter,
  combinedFactorRatioParameter,
  cycleMinYearsParameter,
  cycleMaxYearsParameter,
  advanceRatioParameter,
  progressRatioParameter,
  retentionRatioParameter,
  poolReturnRateParameter,
  poolUnitDecimalsParameter,
  poolReserveMonthsParameter,
  poolRepaymentShareParameter,
  poolRepaymentMonthParameter,
  transferGraceDaysParameter,
  monitorMinProgressParameter,
  monitorScheduleRatioParameter,
] as Parameter[]);

/**
 * The default parameter set of @sannong/funds; overlay it with core
 * `overlay` to apply local standards and pass it as `options.parameters`.
 * @example
 * ```ts
 * import { overlay, paramAt } from "@sannong/core";
 * import { fundsParameterSet } from "@sannong/funds";
 * const local = overlay(fundsParameterSet, { "funds.factor.groupRatios": { value: { base: "0.6", performance: "0.4" } } });
 * const use = paramAt(local, "funds.factor.groupRatios", "2024-01-01");
 * [use.value, use.overridden]; // → [{ base: "0.6", performance: "0.4" }, true]
 * ```
 * @remarks Implements CORE-PARAM-2.
 */
export const fundsParameterSet: ParameterSet = parameterSet(fundsParameters);

/** Options every function of @sannong/funds accepts. */
export interface FundsOptions {
  /** The parameter set to read (default {@link fundsParameterSet}). */
  readonly parameters?: ParameterSet;
}
