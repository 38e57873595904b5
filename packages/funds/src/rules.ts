import type { RuleRef } from "@sannong/core";

const QUZHOU = "衢政办发〔2016〕65号";
const FENGTAI = "丰台区超转人员保障资金使用管理实施意见";
const TAIZHOU = "台政办函〔2019〕47号";
const QINGHEMEN = "清河门区扶贫资金风险防控和扶贫资产监管实施方案";

function rule(id: string, citation: string, zh: string, en: string): RuleRef {
  return Object.freeze({ id, citation, label: Object.freeze({ zh, en }) });
}

/**
 * Every rule of the funds specification (`shared/spec/funds.md`) that this
 * package implements, with the seed passage it comes from. Trace nodes cite
 * these.
 * @remarks Implements the rule map of FUNDS-* (spec funds.md).
 */
export const RULES = Object.freeze({
  "FUNDS-FACTOR-1": rule("FUNDS-FACTOR-1", `004 §二(三)1 ${QUZHOU}`, "因素法分配", "factor-method allocation"),
  "FUNDS-FACTOR-2": rule(
    "FUNDS-FACTOR-2",
    `004 §二(三)1 ${QUZHOU}`,
    "基数与绩效按比例分配",
    "base and performance shares",
  ),
  "FUNDS-FACTOR-3": rule(
    "FUNDS-FACTOR-3",
    `004 §二(三)1 ${QUZHOU}`,
    "逆向因素转换为系数",
    "inverse factors turned into coefficients",
  ),
  "FUNDS-FACTOR-4": rule(
    "FUNDS-FACTOR-4",
    `004 §二(三)1 ${QUZHOU}`,
    "保底、封顶与零因素对象",
    "floors, caps and all-zero recipients",
  ),
  "FUNDS-PROJECT-1": rule(
    "FUNDS-PROJECT-1",
    `004 §二(三)1 ${QUZHOU}`,
    "项目法竞争性分配",
    "competitive project allocation",
  ),
  "FUNDS-PROJECT-2": rule("FUNDS-PROJECT-2", `004 §二(三)1 ${QUZHOU}`, "集体决策程序", "collective decision procedure"),
  "FUNDS-COMBINED-1": rule(
    "FUNDS-COMBINED-1",
    `004 §二(三)1 ${QUZHOU}`,
    "因素法与项目法相结合",
    "factor and project methods combined",
  ),
  "FUNDS-REPOOL-1": rule(
    "FUNDS-REPOOL-1",
    `004 §二(三)1 ${QUZHOU}`,
    "未申报项目资金县域内重新统筹",
    "re-pooling money not applied for",
  ),
  "FUNDS-CYCLE-1": rule("FUNDS-CYCLE-1", `004 §二(三)1、2 ${QUZHOU}`, "3—5年资金计划统筹", "3–5 year fund plan"),
  "FUNDS-PAY-1": rule(
    "FUNDS-PAY-1",
    `004 §二(三)3 ${QUZHOU}`,
    "预拨、按进度拨款与完工验收后结算",
    "advance, progress payments and settlement",
  ),
  "FUNDS-POOL-1": rule(
    "FUNDS-POOL-1",
    `000 §二 ${FENGTAI}`,
    "保障资金池筹集渠道与分户账",
    "pool sources and ledger by source and depositor",
  ),
  "FUNDS-POOL-2": rule(
    "FUNDS-POOL-2",
    `000 §三2、§四 ${FENGTAI}`,
    "资金池动态平衡与风险补偿",
    "dynamic balance and risk compensation",
  ),
  "FUNDS-POOL-3": rule("FUNDS-POOL-3", `000 §二 ${FENGTAI}`, "委托资金份额核算", "unit accounting for entrusted money"),
  "FUNDS-TRANSFER-1": rule(
    "FUNDS-TRANSFER-1",
    `002 §二(三) ${TAIZHOU}`,
    "按月划转、按季到位与拖欠",
    "monthly and quarterly transfers and arrears",
  ),
  "FUNDS-MONITOR-1": rule(
    "FUNDS-MONITOR-1",
    `001 §二(四)2 ${QINGHEMEN}`,
    "支出进度动态监控预警",
    "spending progress monitoring",
  ),
} satisfies Record<string, RuleRef>);

/** A rule ID of this package. */
export type FundsRuleId = keyof typeof RULES;
