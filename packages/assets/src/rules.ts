import type { RuleRef } from "@sannong/core";

function rule(id: string, citation: string, zh: string, en: string): RuleRef {
  return Object.freeze({ id, citation, label: Object.freeze({ zh, en }) });
}

/**
 * Every rule of the assets spec (`spec/assets.md`) this package implements:
 * its ID, the seed passage it comes from and a zh/en label. Traces cite these.
 *
 * @example
 * ```ts
 * import { RULES } from "@sannong/assets";
 * RULES["ASSET-DEP-1"].citation; // → "001 §三(十一)1; 003 §二(一)"
 * ```
 * @remarks Implements every ASSET-* rule ID (001 §三(五)–(十一); 003 §二; 004 §二(五)1).
 */
export const RULES = Object.freeze({
  "ASSET-REG-1": rule("ASSET-REG-1", "001 §三(七)1", "扶贫资产登记内容", "asset record contents"),
  "ASSET-REG-2": rule("ASSET-REG-2", "001 §三(七)1–2", "资产登记台账汇总与导出", "register summary and export"),
  "ASSET-SCOPE-1": rule(
    "ASSET-SCOPE-1",
    "001 §三(五)1",
    "扶贫资产管理范围",
    "scope of poverty-alleviation asset management",
  ),
  "ASSET-SCOPE-2": rule("ASSET-SCOPE-2", "001 §三(五)2", "扶贫资产类型", "types of poverty-alleviation assets"),
  "ASSET-OWN-1": rule(
    "ASSET-OWN-1",
    "001 §三(六)",
    "单独到村项目产权归村集体",
    "a single-village project belongs to the village collective",
  ),
  "ASSET-OWN-2": rule(
    "ASSET-OWN-2",
    "001 §三(六)",
    "跨乡跨村项目按投入比例或事先约定确权",
    "cross-village projects: by contribution or prior agreement",
  ),
  "ASSET-OWN-3": rule(
    "ASSET-OWN-3",
    "001 §三(六)",
    "产权无法清晰界定的由区脱贫攻坚领导小组确定",
    "undetermined ownership goes to the district leading group",
  ),
  "ASSET-OWN-4": rule(
    "ASSET-OWN-4",
    "004 §二(五)1",
    "水库移民项目资产权属",
    "ownership of reservoir-migrant project assets",
  ),
  "ASSET-OPS-1": rule(
    "ASSET-OPS-1",
    "001 §三(八)1",
    "经营合同与经营者、经营方式变更须经所有权人同意",
    "operating contract; changes need the owner's consent",
  ),
  "ASSET-OPS-2": rule("ASSET-OPS-2", "001 §三(八)2", "经营方式变动程序", "approval chain for changing the operation"),
  "ASSET-CARE-1": rule(
    "ASSET-CARE-1",
    "001 §三(九)1",
    "收益权与管护权相结合",
    "the maintainer follows the beneficiary",
  ),
  "ASSET-CARE-2": rule(
    "ASSET-CARE-2",
    "001 §三(九)3",
    "管护费用：镇级财政统筹，不足部分从经营收入据实列支",
    "maintenance cost: township finance first, shortfall from income at actual cost",
  ),
  "ASSET-CARE-3": rule(
    "ASSET-CARE-3",
    "001 §三(九)1; §三(十一)2",
    "严禁以扶贫资产抵押、担保",
    "no collateral or guarantee on the asset",
  ),
  "ASSET-REV-1": rule("ASSET-REV-1", "001 §三(九)3; §三(十)", "可分配收益", "net distributable income"),
  "ASSET-REV-2": rule(
    "ASSET-REV-2",
    "001 §三(十)3",
    "收益分配留有余地，不分光分净",
    "keep a reserve; do not distribute everything",
  ),
  "ASSET-REV-3": rule(
    "ASSET-REV-3",
    "001 §三(十)1",
    "收益优先用于建档立卡贫困人口和村集体经济",
    "priority to registered poor households and the collective economy",
  ),
  "ASSET-REV-4": rule(
    "ASSET-REV-4",
    "001 §三(十)2–3",
    "差异化扶持，严禁一发了之、一股了之、一分了之",
    "conditional, differentiated payments; no unconditional handouts",
  ),
  "ASSET-REV-5": rule(
    "ASSET-REV-5",
    "001 §三(十)1",
    "产权人提方案、上级主管单位审核、区扶贫办审批备案",
    "plan approval chain",
  ),
  "ASSET-REV-6": rule(
    "ASSET-REV-6",
    "001 §三(十)",
    "分配到户到项，分毫不差",
    "every distribution conserves the money to the fen",
  ),
  "ASSET-INV-1": rule(
    "ASSET-INV-1",
    "001 §三(十一)1; 003 §二(一)",
    "年度清查：账账、账卡、账实相符",
    "annual inventory: book, cards and site agree",
  ),
  "ASSET-DEP-1": rule("ASSET-DEP-1", "001 §三(十一)1; 003 §二(一)", "固定资产计提折旧", "depreciation of fixed assets"),
  "ASSET-DISP-1": rule("ASSET-DISP-1", "001 §三(十一)2", "处置情形与处置方式", "grounds and methods of disposal"),
  "ASSET-DISP-2": rule(
    "ASSET-DISP-2",
    "001 §三(十一)2",
    "处置程序：评估、镇批准、区备案、网站公开",
    "disposal procedure: valuation, approval, filing, publication",
  ),
  "ASSET-DISP-3": rule(
    "ASSET-DISP-3",
    "001 §三(十一)2",
    "处置收入上缴区财政，办理资产核销",
    "proceeds to the district treasury; write-off entry",
  ),
  "ASSET-DISP-4": rule(
    "ASSET-DISP-4",
    "001 §三(十一)3",
    "闲置、亏损资产盘活所得上缴区财政统筹用于其他扶贫项目",
    "revitalisation proceeds go to the district treasury",
  ),
  "ASSET-RISK-1": rule(
    "ASSET-RISK-1",
    "001 §二(一)–(三)",
    "带贫主体风险评估与预警",
    "risk assessment of poverty-reduction entities",
  ),
  "ASSET-MERGE-1": rule(
    "ASSET-MERGE-1",
    "003 §二(二)",
    "撤并村集体资产和债权债务移交",
    "transfer of collective assets and debts on village merger",
  ),
  "ASSET-MERGE-2": rule("ASSET-MERGE-2", "003 §二(二)", "资产随职能和人员走", "assets follow functions and people"),
  "ASSET-REVIT-1": rule("ASSET-REVIT-1", "003 §二(三)", "清单制+责任制+销号制", "list, responsibility and close-out"),
  "ASSET-REVIT-2": rule(
    "ASSET-REVIT-2",
    "003 §二(四)–(五)",
    "五个一批、四个一批",
    "the five and four categories of revitalisation",
  ),
  "ASSET-REVIT-3": rule("ASSET-REVIT-3", "003 §一; §二(一)–(五)", "工作时限节点", "plan milestones"),
} as const satisfies Record<string, RuleRef>);

/** The ID of a rule this package implements. */
export type AssetRuleId = keyof typeof RULES;
