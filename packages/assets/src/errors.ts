import { defineErrors } from "@sannong/core";

/**
 * The policy refusals of `@sannong/assets` (well-formed input that a rule
 * refuses), each with a stable code and a zh and an en message. Malformed
 * input is core's `ValidationError` (`INVALID_INPUT`) instead.
 *
 * @example
 * ```ts ignore
 * // internal: throws the PolicyError DISPOSAL_WITHOUT_VALUATION at path ["valuation"]
 * fail("DISPOSAL_WITHOUT_VALUATION", { assetId: "A-1" }, ["valuation"]);
 * ```
 * @remarks Implements CORE-ERR-1 for this package.
 */
export const fail = defineErrors({
  DEDUCTIONS_EXCEED_INCOME: {
    zh: (d: { income: string; deductions: string; by: string }) =>
      `维护费用及扣除项合计 ${d.deductions} 元超过经营收入 ${d.income} 元（差 ${d.by} 元），没有可分配收益`,
    en: (d: { income: string; deductions: string; by: string }) =>
      `maintenance and deductions (${d.deductions} 元) exceed the operating income (${d.income} 元) by ${d.by} 元: nothing is distributable`,
  },
  DISPOSAL_WITHOUT_VALUATION: {
    zh: (d: { assetId: string }) => `资产 ${d.assetId} 未经具有相关资质的独立第三方评估，不得处置`,
    en: (d: { assetId: string }) =>
      `asset ${d.assetId} has no valuation by a qualified independent third party and may not be disposed of`,
  },
  VALUATION_NOT_QUALIFIED: {
    zh: (d: { assetId: string; appraiser: string; missing: string }) =>
      `资产 ${d.assetId} 的评估机构 ${d.appraiser} 不符合要求（${d.missing}），不得据此处置`,
    en: (d: { assetId: string; appraiser: string; missing: string }) =>
      `the appraiser ${d.appraiser} of asset ${d.assetId} does not qualify (${d.missing}); the asset may not be disposed of on that valuation`,
  },
  DISPOSAL_GROUND_NOT_ALLOWED: {
    zh: (d: { assetId: string; ground: string }) =>
      `资产 ${d.assetId} 的处置理由“${d.ground}”不属于自然灾害、发展规划、无法使用或达到使用年限，不得处置`,
    en: (d: { assetId: string; ground: string }) =>
      `the ground "${d.ground}" for disposing of asset ${d.assetId} is not a natural disaster, development planning, unusability or end of useful life`,
  },
  DATE_BEFORE_START: {
    zh: (d: { date: string; start: string }) => `查询日期 ${d.date} 早于资产入账日期 ${d.start}`,
    en: (d: { date: string; start: string }) => `the date ${d.date} is before the asset's start date ${d.start}`,
  },
  SHARES_TOO_FINE: {
    zh: (d: { owners: number }) => `${d.owners} 个比例（所有权或用途比例）的公分母过大，无法精确分配`,
    en: (d: { owners: number }) =>
      `the common denominator of the ${d.owners} shares (ownership or use shares) is too large to split exactly`,
  },
});

/** The policy-error codes of `@sannong/assets`. */
export type AssetsErrorCode = Parameters<typeof fail>[0];
