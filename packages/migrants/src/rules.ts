import type { RuleRef } from "@sannong/core";

/** The seed every migrants rule comes from. */
export const SEED_004 = "衢政办发〔2016〕65号";

function rule(id: string, section: string, zh: string, en: string): RuleRef {
  return Object.freeze({ id, citation: `004 ${section}（${SEED_004}）`, label: Object.freeze({ zh, en }) });
}

/**
 * Every rule of the migrants spec (`spec/migrants.md`) this package
 * implements, with its citation in seed 004 (衢州市 水库移民精准扶持实施意见).
 * Trace nodes carry these ids and citations.
 * @remarks Implements the rule index of spec/migrants.md.
 */
export const RULES = Object.freeze({
  "MIG-REG-1": rule(
    "MIG-REG-1",
    "§二(一)1",
    "低收入移民与经济薄弱移民村建档立卡、动态管理",
    "low-income migrant and weak-village register with dated changes",
  ),
  "MIG-AID-1": rule(
    "MIG-AID-1",
    "§二(一)2",
    "困难移民帮扶资格（专项救助、助学、医保个人缴费补助、公益岗位）",
    "aid eligibility (special relief, education aid, medical-insurance contribution help, public-welfare posts)",
  ),
  "MIG-AID-2": rule(
    "MIG-AID-2",
    "§二(一)3、§二(二)3",
    "叠加补助（避险解困建购房、移民大学生回乡创业）",
    "stacked subsidies (moving out of danger, returning graduates starting businesses)",
  ),
  "MIG-PROJ-1": rule(
    "MIG-PROJ-1",
    "§二(二)1",
    "项目储备库：3月、9月集中申报入库，4月、10月更新",
    "project reserve: applications in March and September, updates in April and October",
  ),
  "MIG-PROJ-2": rule(
    "MIG-PROJ-2",
    "§二(二)1、§二(三)1",
    "扶持项目从储备库中抽取、遴选实施",
    "projects to fund are drawn from the reserve",
  ),
  "MIG-FUND-1": rule(
    "MIG-FUND-1",
    "§二(三)1、§二(三)2",
    "移民资金分配：因素法、项目法及相结合，县域统筹",
    "migrant fund allocation: factor, project or combined method, county re-pooling",
  ),
  "MIG-FUND-2": rule("MIG-FUND-2", "§二(三)2", "创业致富贷款贴息", "entrepreneurship loan interest subsidy"),
  "MIG-FUND-3": rule(
    "MIG-FUND-3",
    "§二(三)2、§二(三)3",
    "以奖代补与报账拨款",
    "award instead of subsidy, paid by the reimbursement plan",
  ),
  "MIG-SHARE-1": rule(
    "MIG-SHARE-1",
    "§二(五)1",
    "经营性资产折股量化到移民户",
    "quantifying an operating asset as shares of migrant households",
  ),
  "MIG-SHARE-2": rule(
    "MIG-SHARE-2",
    "§二(五)1",
    "按股分红或按交易额分红",
    "dividends by shares held or by transaction volume",
  ),
  "MIG-SHARE-3": rule(
    "MIG-SHARE-3",
    "§二(五)1",
    "按有偿投入部分参与经营收益分配",
    "sharing project income by the paid part of contributions",
  ),
  "MIG-SURVEY-1": rule(
    "MIG-SURVEY-1",
    "§二(五)2",
    "每年不低于总移民户数5%的抽样调查",
    "yearly sample survey of at least 5% of migrant households",
  ),
  "MIG-EVAL-1": rule("MIG-EVAL-1", "§二(五)3", "移民资金使用绩效评价", "performance evaluation of migrant fund use"),
  "MIG-AUDIT-1": rule(
    "MIG-AUDIT-1",
    "§二(四)2、§二(四)3",
    "资金使用、项目进度季报制度与年度内审",
    "quarterly reports of fund use and project progress, yearly internal audit",
  ),
  "MIG-TARGET-1": rule("MIG-TARGET-1", "§一", "2020年建设目标", "targets for 2020"),
} satisfies Record<string, RuleRef>);

/** A rule id of this package. */
export type MigrantsRuleId = keyof typeof RULES;
