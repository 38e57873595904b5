import { defineRule, type RuleRef } from "@sannong/core";

/** 清河门区扶贫资金风险防控和扶贫资产监管实施方案 (seed 001). */
const POVERTY = "qinghemen-poverty-assets" as const;
/** 盘活用好镇村公有资产工作方案（征求意见稿） (seed 003). */
const PUBLIC = "public-assets-revitalization" as const;
/** 衢政办发〔2016〕65号 (seed 004). */
const MIGRANTS = "quzhou-reservoir-migrants" as const;

/**
 * Every rule of the assets spec (`docs/spec/assets.md`) this package
 * implements: its ID, where it comes from and a zh/en label. A rule taken from
 * a policy document is cited by the document's 文号 (or title) and section and
 * carries the document's own sentence(s) as `quote`; a rule of sannong's own
 * making (ASSET-DEP-2, ASSET-REV-6) is cited by its real source and has no
 * quote. Traces cite these.
 *
 * @example
 * ```ts
 * import { RULES } from "@sannong/assets";
 * RULES["ASSET-DEP-1"].citation; // → "《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(十一)1"
 * RULES["ASSET-DEP-1"].quote; // → "扶贫资产已成为固定资产的,须依法依规计提折旧。"
 * RULES["ASSET-DEP-2"].quote === undefined; // → true
 * ```
 * @remarks Implements every ASSET-* rule ID (清河门区实施方案 §二–§三; 盘活用好镇村公有资产工作方案 §一–§二; 衢政办发〔2016〕65号 §二(五)1).
 */
export const RULES = Object.freeze({
  "ASSET-REG-1": defineRule({
    id: "ASSET-REG-1",
    zh: "扶贫资产登记内容",
    en: "asset record contents",
    document: POVERTY,
    section: "§三(七)1",
    quote:
      "登记内容包括扶贫资产名称、类别、购建时间、预计使用年限、使用状况、数量、单位、原始价值、资金来源构成、净值、所有权人、使用权人和收益权人等。实行承包、租赁、入股经营的,还应当登记承包、租赁、入股单位(人员)名称,承包费、租赁金、分红金以及承包、租赁、入股期限等。",
  }),
  "ASSET-REG-2": defineRule({
    id: "ASSET-REG-2",
    zh: "资产登记台账汇总与导出",
    en: "register summary and export",
    document: POVERTY,
    section: "§三(七)1; §三(十二)",
    quote: "区级负责汇总,对已形成的扶贫资产应纳尽纳,做到分级分类,逐一登记造册……区扶贫办负责建立动态管理台账",
  }),
  "ASSET-SCOPE-1": defineRule({
    id: "ASSET-SCOPE-1",
    zh: "扶贫资产管理范围",
    en: "scope of poverty-alleviation asset management",
    document: POVERTY,
    section: "§三(五)1",
    quote:
      "2016年以来使用各级各类财政专项扶贫资金投入形成的扶贫资产纳入管理范围。对2016年以前各级各类财政专项扶贫资金形成的扶贫资产,要通过逐步清理、确权和登记等程序,追溯资产状态、厘清权属关系、做好资产登记,在清产核资的基础上纳入扶贫资产监管。到户类扶贫资产不纳入扶贫资产管理范围。",
  }),
  "ASSET-SCOPE-2": defineRule({
    id: "ASSET-SCOPE-2",
    zh: "扶贫资产类型",
    en: "types of poverty-alleviation assets",
    document: POVERTY,
    section: "§三(五)2",
    quote:
      "扶贫资产主要指经营类资产。主要包括农林牧业项目基地、生产加工设施等固定资产以及扶贫资金直接投入市场经营主体形成的股权、债权等。",
  }),
  "ASSET-OWN-1": defineRule({
    id: "ASSET-OWN-1",
    zh: "单独到村项目产权归村集体",
    en: "a single-village project belongs to the village collective",
    document: POVERTY,
    section: "§三(六)",
    quote: "各镇组织实施的单独到村项目形成的扶贫资产纳入村集体管理的,产权归属村集体。",
  }),
  "ASSET-OWN-2": defineRule({
    id: "ASSET-OWN-2",
    zh: "跨乡跨村项目按投入比例或事先约定确权，区、镇两级分别明确",
    en: "cross-village projects: by contribution or prior agreement, confirmed by the district or the township",
    document: POVERTY,
    section: "§三(六)",
    quote: "跨乡跨村实施的项目按照资金投入比例或事先约定确定所有权比例,并由区、镇两级分别明确权属关系。",
  }),
  "ASSET-OWN-3": defineRule({
    id: "ASSET-OWN-3",
    zh: "产权无法清晰界定的由区脱贫攻坚领导小组确定",
    en: "undetermined ownership goes to the district leading group",
    document: POVERTY,
    section: "§三(六)",
    quote: "对于产权无法清晰界定的,由区脱贫攻坚领导小组按照相关规定和项目实际情况,确定产权归属。",
  }),
  "ASSET-OWN-4": defineRule({
    id: "ASSET-OWN-4",
    zh: "水库移民项目资产权属",
    en: "ownership of reservoir-migrant project assets",
    document: MIGRANTS,
    section: "§二(五)1",
    quote:
      "固定资产按投资额比例归项目涉及到水库移民所在村村集体所有……对移民资金投向产业发展项目所形成的经营性资产,产权归移民村集体所有,也可折股量化给移民户,享有分红权利。",
  }),
  "ASSET-OPS-1": defineRule({
    id: "ASSET-OPS-1",
    zh: "经营合同与经营者、经营方式变更须经所有权人同意",
    en: "operating contract; changes need the owner's consent",
    document: POVERTY,
    section: "§三(八)1",
    quote:
      "所有权人与经营者签订经营合同或协议,确定经营方式、经营期限、收益分配、风险防控等内容,经营者和经营方式未经扶贫资产所有权人同意,不得擅自变更。",
  }),
  "ASSET-OPS-2": defineRule({
    id: "ASSET-OPS-2",
    zh: "经营方式变动程序",
    en: "approval chain for changing the operation",
    document: POVERTY,
    section: "§三(八)2",
    quote:
      "归村集体所有扶贫资产经营方式确定及变动须经村集体民主决策后报镇审核备案。改变跨镇跨村及村级联建的扶贫资金经营方式,须经村集体民主决策后报镇审核,区扶贫办备案。",
  }),
  "ASSET-CARE-1": defineRule({
    id: "ASSET-CARE-1",
    zh: "收益权与管护权相结合",
    en: "the maintainer follows the beneficiary",
    document: POVERTY,
    section: "§三(九)1",
    quote:
      "按照“收益权与管护权相结合”的原则,落实扶贫资产管护责任,明确管护主体和责任人……跨镇实施的项目在明确关系的基础上,由项目实施所在镇负责管护,区扶贫办备案。跨村实施的项目在明确权属关系的基础上,由镇明确日常管护主体,区扶贫办备案。",
  }),
  "ASSET-CARE-2": defineRule({
    id: "ASSET-CARE-2",
    zh: "管护费用：镇级财政统筹，不足部分从经营收入据实列支",
    en: "maintenance cost: township finance first, shortfall from income at actual cost",
    document: POVERTY,
    section: "§三(九)3",
    quote:
      "扶贫资产管护费用由镇级财政统筹安排,不足部分按照规定可从经营收入中据实列支运营管护费用,并严格执行资金管理负面清单要求。",
  }),
  "ASSET-CARE-3": defineRule({
    id: "ASSET-CARE-3",
    zh: "严禁以扶贫资产抵押、担保",
    en: "no collateral or guarantee on the asset",
    document: POVERTY,
    section: "§三(九)1; §三(十一)2",
    quote:
      "严禁管护人员私自利用扶贫资产通过抵押、担保等方式进行融资。……不得以扶贫资产为村集体或其他单位、个人的债务作抵押担保。",
  }),
  "ASSET-REV-1": defineRule({
    id: "ASSET-REV-1",
    zh: "可分配收益",
    en: "net distributable income",
    document: POVERTY,
    section: "§三(九)3",
    quote: "不足部分按照规定可从经营收入中据实列支运营管护费用",
  }),
  "ASSET-REV-2": defineRule({
    id: "ASSET-REV-2",
    zh: "收益分配留有余地，不分光分净",
    en: "keep a reserve; do not distribute everything",
    document: POVERTY,
    section: "§三(十)3",
    quote: "收益分配应留有余地,不分光分净、吊高胃口",
  }),
  "ASSET-REV-3": defineRule({
    id: "ASSET-REV-3",
    zh: "收益优先用于建档立卡贫困人口和村集体经济",
    en: "priority to registered poor households and the collective economy",
    document: POVERTY,
    section: "§三(十)1",
    quote: "扶贫资产收益优先用于建档立卡贫困人口和用于发展壮大村集体经济",
  }),
  "ASSET-REV-4": defineRule({
    id: "ASSET-REV-4",
    zh: "差异化扶持，严禁一发了之、一股了之、一分了之",
    en: "conditional, differentiated payments; no unconditional handouts",
    document: POVERTY,
    section: "§三(十)2–3",
    quote:
      "对已稳定脱贫的人口,应给予差别化、阶梯式奖补政策,鼓励其外出务工、长期务工和稳定务工。……扶贫资产收益分配坚持劳动致富,“不养懒人”……对丧失劳动力的,要结合实际探索有条件收益、有条件支付的方法。严禁“一发了之”“一股了之”“一分了之”",
  }),
  "ASSET-REV-5": defineRule({
    id: "ASSET-REV-5",
    zh: "产权人提方案、上级主管单位审核、区扶贫办审批备案",
    en: "plan approval chain",
    document: POVERTY,
    section: "§三(十)1",
    quote: "按照“产权人提方案、上级主管单位审核、区扶贫办审批备案”的流程,依据规定经民主决策和公告公示等相关程序确定。",
  }),
  "ASSET-REV-6": defineRule({
    id: "ASSET-REV-6",
    zh: "分配到户到项，分毫不差",
    en: "every distribution conserves the money to the fen",
    citation: "sannong (spec assets ASSET-REV-6: exact money, CORE-ALLOC-1)",
  }),
  "ASSET-INV-1": defineRule({
    id: "ASSET-INV-1",
    zh: "清查：账账、账卡、账实相符",
    en: "inventory: book, cards and site agree",
    document: PUBLIC,
    section: "§二(一)",
    quote: "分区域、分类别建立资产明细台账，确保账账相符、账卡相符、账实相符。",
  }),
  "ASSET-DEP-1": defineRule({
    id: "ASSET-DEP-1",
    zh: "固定资产依法依规计提折旧",
    en: "fixed assets are depreciated according to law and regulation",
    document: POVERTY,
    section: "§三(十一)1",
    quote: "扶贫资产已成为固定资产的,须依法依规计提折旧。",
  }),
  "ASSET-DEP-2": defineRule({
    id: "ASSET-DEP-2",
    zh: "折旧方法与按月计提惯例（年限平均法每月定额、尾差计入最后一个月）",
    en: "depreciation methods and monthly conventions (straight-line: a constant monthly amount, the remainder in the last month)",
    citation:
      "general accounting practice (《农村集体经济组织会计制度》; 《政府会计准则第3号——固定资产》) and sannong defaults (spec assets ASSET-DEP-2)",
  }),
  "ASSET-DISP-1": defineRule({
    id: "ASSET-DISP-1",
    zh: "处置情形与处置方式",
    en: "grounds and methods of disposal",
    document: POVERTY,
    section: "§三(十一)2",
    quote:
      "对扶贫资产因自然灾害、发展规划、无法使用或达到使用年限等情形确需处置的,应按照规定进行资产评估并履行报批报备手续,产权所有者按照规定可采取拍卖、转让、报废等形式对扶贫资产进行处置",
  }),
  "ASSET-DISP-2": defineRule({
    id: "ASSET-DISP-2",
    zh: "处置程序：评估、镇批准、区备案、网站公开",
    en: "disposal procedure: valuation, approval, filing, publication",
    document: POVERTY,
    section: "§三(十一)2",
    quote:
      "处置扶贫资产须在经过具有相关资质的独立第三方进行资产评估的基础上,报请镇政府批准,区扶贫办备案后实施……评估结果须在区政府网站予以公开。",
  }),
  "ASSET-DISP-3": defineRule({
    id: "ASSET-DISP-3",
    zh: "处置收入上缴区财政，办理资产核销",
    en: "proceeds to the district treasury; write-off entry",
    document: POVERTY,
    section: "§三(十一)2",
    quote:
      "相关扶贫资产处置收入上缴区财政,纳入预算管理……扶贫资产处置必须按照规定程序办理资产核销,建立扶贫资产核销登记台账。",
  }),
  "ASSET-DISP-4": defineRule({
    id: "ASSET-DISP-4",
    zh: "闲置、亏损资产盘活所得上缴区财政统筹用于其他扶贫项目",
    en: "revitalisation proceeds go to the district treasury",
    document: POVERTY,
    section: "§三(十一)3",
    quote:
      "通过股份合作、业务托管、合作经营、改制重组及收回本金等方式……所得资产要及时上缴区财政、按照程序统筹用于其他扶贫项目。",
  }),
  "ASSET-RISK-1": defineRule({
    id: "ASSET-RISK-1",
    zh: "带贫主体风险评估与预警",
    en: "risk assessment of poverty-reduction entities",
    document: POVERTY,
    section: "§二(一)–(三)",
    quote:
      "对尚未实施的扶贫项目,评估生产规模、销售渠道、带贫能力和政策落实等方面;对已实施的扶贫项目,评估产出效益、经营状况、销售渠道、带贫能力、帮扶措施等方面……各镇政府对效益亏损的扶贫项目建立风险评估、预测预警机制。",
  }),
  "ASSET-MERGE-1": defineRule({
    id: "ASSET-MERGE-1",
    zh: "撤并村集体资产和债权债务移交",
    en: "transfer of collective assets and debts on village merger",
    document: PUBLIC,
    section: "§二(二)",
    quote:
      "对撤并前村集体资产和债权债务状况相差不大的村，直接移交、统一管理；对撤并前村集体资产和债权债务状况差异较大的村，明确归属后分类划入合并村，实现平稳过渡。",
  }),
  "ASSET-MERGE-2": defineRule({
    id: "ASSET-MERGE-2",
    zh: "资产随职能和人员走",
    en: "assets follow functions and people",
    document: PUBLIC,
    section: "§二(二)",
    quote:
      "涉改乡镇按照国有资产管理规定程序和方式办理资产划转、接收，原则上“资产随职能和人员走”。资产交接手续完成后，划出方、接收方要按照规定及时进行账务处理",
  }),
  "ASSET-NEED-1": defineRule({
    id: "ASSET-NEED-1",
    zh: "资产需求台账与综合分析",
    en: "the asset-needs register and its analysis",
    document: PUBLIC,
    section: "§二(三)",
    quote: "分级建立资产需求台账，按资产需求类别、分布、状况进行数据分析……形成资产需求综合分析报告",
  }),
  "ASSET-NEED-2": defineRule({
    id: "ASSET-NEED-2",
    zh: "闲置资产与资产需求调剂匹配",
    en: "matching idle assets to needs (调剂匹配)",
    document: PUBLIC,
    section: "§二(四)",
    quote:
      "实现资产调剂匹配跨行业、跨区域、跨部门互通互联、共享共用……通过调剂、置换、租用等方式优先保障镇村办公用房、乡镇干部周转用房需要……按照就近就地、便民利民原则，将部分乡镇闲置资产优先调整用于便民服务站点",
  }),
  "ASSET-REVIT-1": defineRule({
    id: "ASSET-REVIT-1",
    zh: "清单制+责任制+销号制",
    en: "list, responsibility and close-out",
    document: PUBLIC,
    section: "§二(三)",
    quote:
      "实行“清单制+责任制+销号制”管理，根据闲置资产性能状况、权属关系等因素，逐一明确盘活措施、落实责任主体，并根据难易程度明确盘活时限要求，对盘活时限明确的，实行盘活一宗销号一宗。",
  }),
  "ASSET-REVIT-2": defineRule({
    id: "ASSET-REVIT-2",
    zh: "五个一批、四个一批",
    en: "the five and four categories of revitalisation",
    document: PUBLIC,
    section: "§二(四)–(五)",
    quote:
      "一是充实办公用房一批。……二是改作公益用房一批。……三是支持产业发展一批。……四是市场化处置变现一批。在客观评估资产价值的基础上……五是补充国有资本一批。……探索通过“四个一批”模式分类盘活撤并村活动阵地等闲置资产。一是便民服务提升一批。……二是公益事业改建一批。……三是集体经济使用一批。……四是市场运营开发一批。",
  }),
  "ASSET-REVIT-3": defineRule({
    id: "ASSET-REVIT-3",
    zh: "工作时限节点",
    en: "plan milestones",
    document: PUBLIC,
    section: "§二(一)–(五)",
    quote:
      "（完成时限：2021年3月底前）……（完成时限：2021年5月底前）……（完成时限：2021年6月底前）……（完成时限：2021年12月底前）",
  }),
  "ASSET-REVIT-4": defineRule({
    id: "ASSET-REVIT-4",
    zh: "盘活时限不晚于方案完成时限",
    en: "item deadlines fall within the plan",
    document: PUBLIC,
    section: "§一; §二(三)",
    quote:
      "即2021年底前，涉改镇村公有资产清查、移交全面完成，办公用房全面保障，闲置资产全面盘活利用……并根据难易程度明确盘活时限要求",
  }),
} as const satisfies Record<string, RuleRef>);

/** The ID of a rule this package implements. */
export type AssetRuleId = keyof typeof RULES;
