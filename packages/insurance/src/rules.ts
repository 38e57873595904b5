import type { RuleRef } from "@sannong/core";

const rule = (id: string, citation: string, zh: string, en: string): RuleRef =>
  Object.freeze({ id, citation, label: Object.freeze({ zh, en }) });

/**
 * Every rule of the insurance spec (`spec/insurance.md`) this package
 * implements, as traces cite them: the rule ID, the seed passage and a
 * bilingual label. Seed 002 is 台政办函〔2019〕47号 (台州 被征地农民社会保障);
 * seed 000 is the 丰台区 超转人员保障资金 implementation opinion.
 */
export const RULES = Object.freeze({
  "INS-QUOTA-1": rule(
    "INS-QUOTA-1",
    "002 §三(二)",
    "以地定量：核定参保指标的基本参数",
    "land-based quota: the four parameters of the quota",
  ),
  "INS-QUOTA-2": rule(
    "INS-QUOTA-2",
    "002 §三(二)",
    "以地定量：参保指标 = 被征收土地 ÷ 人均土地",
    "land-based quota: places = land expropriated ÷ land per person",
  ),
  "INS-QUOTA-3": rule("INS-QUOTA-3", "002 §三(二)", "以地定量：边界情形", "land-based quota: edge cases"),
  "INS-QUOTA-4": rule("INS-QUOTA-4", "002 §三(一)", "准入门槛", "eligibility gates (准入门槛)"),
  "INS-MATCH-1": rule(
    "INS-MATCH-1",
    "002 §三(三)",
    "人地对应：按被征收承包地分配指标到户",
    "person–land correspondence: places to households by land lost",
  ),
  "INS-MATCH-2": rule(
    "INS-MATCH-2",
    "002 §三(三)",
    "人地对应：户内选择符合条件的成员",
    "person–land correspondence: the household chooses eligible members",
  ),
  "INS-MATCH-3": rule(
    "INS-MATCH-3",
    "002 §三(三)",
    "节余及调剂指标的再分配（五议两公开）",
    "reassignment of surplus and adjustable places (五议两公开)",
  ),
  "INS-VALID-1": rule(
    "INS-VALID-1",
    "002 §三(四)",
    "即征即保：参保指标有效期与视为放弃",
    "insure on expropriation: validity of a place and deemed abandonment",
  ),
  "INS-TRANSFER-1": rule(
    "INS-TRANSFER-1",
    "002 §二(三)",
    "资金按月划转、风险金按季到位",
    "monthly transfers to the pension fund, quarterly to the risk reserve",
  ),
  "INS-OVERAGE-1": rule("INS-OVERAGE-1", "000 §三", "超转人员的认定", "who is an over-age converted person (超转人员)"),
  "INS-OVERAGE-2": rule(
    "INS-OVERAGE-2",
    "000 §三3",
    "超转人员月保障费用",
    "monthly guarantee cost of over-age converted persons",
  ),
  "INS-OVERAGE-3": rule(
    "INS-OVERAGE-3",
    "000 §三3",
    "趸缴变分期：分期汇缴计划",
    "installments instead of a lump sum (趸缴变分期): the remittance schedule",
  ),
  "INS-OVERAGE-4": rule("INS-OVERAGE-4", "000 §三4", "过渡期保障", "transition guarantee (过渡期保障)"),
  "INS-OVERAGE-5": rule(
    "INS-OVERAGE-5",
    "000 §三2–3",
    "汇缴计划作为资金池的支出",
    "the schedule as the fund pool's outflows",
  ),
} as const satisfies Record<string, RuleRef>);

/** A rule ID of this package. */
export type InsuranceRuleId = keyof typeof RULES;
