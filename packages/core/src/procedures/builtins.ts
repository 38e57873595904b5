import { deepFreeze } from "../data/deepFreeze";
import { defineProcedure, type Procedure, type ProcedureStep } from "./procedure";

/** Parameter id of the quorum rule of a 村民会议 / 村民代表会议 (see `coreParameters`). */
export const VILLAGERS_MEETING_QUORUM = "core.procedure.quorum.villagersMeeting";
/** Parameter id of the quorum rule of a 党支部党员大会 (see `coreParameters`). */
export const PARTY_MEETING_QUORUM = "core.procedure.quorum.partyMembersMeeting";
/** Parameter id of the steps of 五议两公开 (see `coreParameters`). */
export const FIVE_DELIBERATIONS_PARAMETER = "core.procedure.fiveDeliberations";

const DOC_000 = "《丰台区关于加强绿化隔离地区超转人员保障资金使用管理的实施意见（试行）》（征求意见稿）";
const DOC_001 = "清河门区加强扶贫资金风险防控和扶贫资产监管工作实施方案";
const DOC_002 = "台政办函〔2019〕47号《台州市人民政府办公室关于切实加强被征地农民社会保障工作的意见》";
const DOC_004 = "《衢州市人民政府办公室关于推进水库移民精准扶持工作的实施意见》";

const body = /*#__PURE__*/ deepFreeze({
  partyMembersAndVillagers: { zh: "党员、群众", en: "party members and villagers" },
  villagePartyBranch: { zh: "村党组织", en: "village Party organisation" },
  villageCommittees: {
    zh: "村“两委”（村务联席会议）",
    en: "the village Party and villagers' committees (joint meeting)",
  },
  partyMembersMeeting: { zh: "党员大会", en: "Party members' meeting" },
  villagersMeeting: { zh: "村民会议或村民代表会议", en: "villagers' meeting or villagers' representatives' meeting" },
  villageCommittee: { zh: "村民委员会", en: "villagers' committee" },
  township: { zh: "镇政府", en: "township government" },
  districtPovertyOffice: { zh: "区扶贫办", en: "district poverty-alleviation office" },
  districtGovernment: { zh: "区政府（网站）", en: "district government (website)" },
  propertyOwner: { zh: "产权人（所有权人）", en: "property owner" },
  supervisor: { zh: "上级主管单位", en: "supervising authority" },
  appraiser: { zh: "具有相关资质的独立第三方", en: "qualified independent third party" },
  countyMigrantOffice: { zh: "县级移民管理机构", en: "county migrant-management agency" },
  thirdPartyReviewer: { zh: "第三方评审机构", en: "third-party reviewer" },
  villageCollective: { zh: "村集体（集体经济组织）", en: "village collective (economic organisation)" },
} as const);

const democraticDecision: ProcedureStep = /*#__PURE__*/ deepFreeze({
  id: "democratic-decision",
  label: { zh: "村集体民主决策", en: "democratic decision of the village collective" },
  body: "villagers-meeting",
  bodyLabel: body.villagersMeeting,
  quorum: { parameter: VILLAGERS_MEETING_QUORUM },
});

/**
 * 五议两公开 (five deliberations, two disclosures): 党员群众建议 → 村党组织提议 →
 * 村“两委”（村务联席会议）商议 → 党员大会审议 → 村民(代表)会议决议, then 决议公开
 * and 实施结果公开. Required for the reassignment list of insurance places
 * (002 §三(三)). The seed names the procedure but does not spell out its
 * steps: these are sannong's best reading, taken from Zhejiang's practice
 * (the seed is from 台州, Zhejiang), where the first of the five 议 is
 * 党员群众建议; the four-step 四议两公开 of other provinces starts at 村党组织提议.
 * The same value is the effective-dated parameter
 * `core.procedure.fiveDeliberations` (verified: false) so a locality can
 * overlay its own steps; the two meetings read their quorum rules from the
 * parameters `core.procedure.quorum.partyMembersMeeting` and
 * `core.procedure.quorum.villagersMeeting`.
 *
 * To check whether the resolution may be acted on before the result of the
 * implementation is published, call `checkProcedure` with
 * `{ through: "resolution-disclosure" }`.
 *
 * @example
 * ```ts
 * import { FIVE_DELIBERATIONS_TWO_DISCLOSURES } from "@sannong/core";
 * FIVE_DELIBERATIONS_TWO_DISCLOSURES.steps.map((s) => s.id); // → ["suggestion", "proposal", "consultation", "review", "resolution", "resolution-disclosure", "result-disclosure"]
 * ```
 * @remarks Implements CORE-PROC-2 (002 §三(三)); used by INS-MATCH-3.
 */
export const FIVE_DELIBERATIONS_TWO_DISCLOSURES: Procedure = defineProcedure({
  id: "five-deliberations-two-disclosures",
  label: { zh: "五议两公开", en: "five deliberations and two disclosures" },
  steps: [
    {
      id: "suggestion",
      label: { zh: "党员群众建议", en: "suggestion by Party members and villagers" },
      body: "party-members-and-villagers",
      bodyLabel: body.partyMembersAndVillagers,
    },
    {
      id: "proposal",
      label: { zh: "村党组织提议", en: "proposal by the village Party organisation" },
      body: "village-party-branch",
      bodyLabel: body.villagePartyBranch,
    },
    {
      id: "consultation",
      label: { zh: "村“两委”商议", en: "consultation of the two village committees" },
      body: "village-committees",
      bodyLabel: body.villageCommittees,
    },
    {
      id: "review",
      label: { zh: "党员大会审议", en: "review by the Party members' meeting" },
      body: "party-members-meeting",
      bodyLabel: body.partyMembersMeeting,
      quorum: { parameter: PARTY_MEETING_QUORUM },
    },
    {
      id: "resolution",
      label: { zh: "村民（代表）会议决议", en: "resolution of the villagers' (representatives') meeting" },
      body: "villagers-meeting",
      bodyLabel: body.villagersMeeting,
      quorum: { parameter: VILLAGERS_MEETING_QUORUM },
    },
    {
      id: "resolution-disclosure",
      label: { zh: "决议公开", en: "disclosure of the resolution" },
      body: "village-committee",
      bodyLabel: body.villageCommittee,
    },
    {
      id: "result-disclosure",
      label: { zh: "实施结果公开", en: "disclosure of the result of implementation" },
      body: "village-committee",
      bodyLabel: body.villageCommittee,
    },
  ],
  source: {
    document: DOC_002,
    article: "§三(三)",
    citation: "002 §三(三)",
    rules: ["CORE-PROC-2", "INS-MATCH-3"],
    verified: false,
    note: "The seed requires 五议两公开 but does not list its steps. Default: Zhejiang's reading (党员群众建议、村党组织提议、村“两委”商议、党员大会审议、村民(代表)会议决议；决议公开、实施结果公开). Localities using 四议两公开 can overlay core.procedure.fiveDeliberations.",
  },
});

/** Both operation-change chains come from the same passage of 001 (§三(八)2 运营程序). */
const ASSET_OPERATION_SOURCE = /*#__PURE__*/ deepFreeze({
  document: DOC_001,
  article: "§三(八)2 运营程序",
  citation: "001 §三(八)2",
  rules: ["CORE-PROC-2", "ASSET-OPS-2"],
  verified: false,
  note: "Steps and order from the seed; that the democratic decision is a 村民(代表)会议 with its quorum rule is sannong's reading.",
} as const);

/**
 * Changing how a village-owned poverty-alleviation asset is operated
 * (归村集体所有扶贫资产经营方式确定及变动): 村集体民主决策 → 报镇审核备案. The
 * democratic decision is a 村民会议 or 村民代表会议 (《村民委员会组织法》第二十四条:
 * using and disposing of collective property), so its quorum rule applies.
 * @example
 * ```ts
 * import { ASSET_OPERATION_CHANGE_VILLAGE } from "@sannong/core";
 * ASSET_OPERATION_CHANGE_VILLAGE.steps.map((s) => s.body); // → ["villagers-meeting", "township-government"]
 * ```
 * @remarks Implements CORE-PROC-2, ASSET-OPS-2 (001 §三(八)2).
 */
export const ASSET_OPERATION_CHANGE_VILLAGE: Procedure = defineProcedure({
  id: "asset-operation-change-village",
  label: { zh: "村集体扶贫资产经营方式变动", en: "change of operation of a village-owned asset" },
  steps: [
    democraticDecision,
    {
      id: "township-review-filing",
      label: { zh: "报镇审核备案", en: "review and filing by the township" },
      body: "township-government",
      bodyLabel: body.township,
    },
  ],
  source: ASSET_OPERATION_SOURCE,
});

/**
 * Changing how a cross-township, cross-village or jointly built asset is
 * operated (改变跨镇跨村及村级联建的扶贫资金经营方式): 村集体民主决策 → 镇审核 →
 * 区扶贫办备案. Where several villages own the asset, check the procedure for
 * each village's own record.
 * @example
 * ```ts
 * import { ASSET_OPERATION_CHANGE_JOINT } from "@sannong/core";
 * ASSET_OPERATION_CHANGE_JOINT.steps.map((s) => s.id); // → ["democratic-decision", "township-review", "district-filing"]
 * ```
 * @remarks Implements CORE-PROC-2, ASSET-OPS-2 (001 §三(八)2).
 */
export const ASSET_OPERATION_CHANGE_JOINT: Procedure = defineProcedure({
  id: "asset-operation-change-joint",
  label: {
    zh: "跨镇跨村及村级联建扶贫资产经营方式变动",
    en: "change of operation of a cross-township, cross-village or jointly built asset",
  },
  steps: [
    democraticDecision,
    {
      id: "township-review",
      label: { zh: "报镇审核", en: "review by the township" },
      body: "township-government",
      bodyLabel: body.township,
    },
    {
      id: "district-filing",
      label: { zh: "区扶贫办备案", en: "filing with the district poverty office" },
      body: "district-poverty-office",
      bodyLabel: body.districtPovertyOffice,
    },
  ],
  source: ASSET_OPERATION_SOURCE,
});

/**
 * Approval of an asset-revenue distribution plan (扶贫资产收益分配方案):
 * 民主决策 → 产权人提方案 → 上级主管单位审核 → 区扶贫办审批备案, and 公告公示. The
 * seed fixes the order of the three-step chain and says the plan is proposed
 * "通过民主决策程序", so the democratic decision comes first; it does not say when
 * the public notice falls, so 公告公示 must follow the democratic decision and
 * may happen at any time relative to the chain (parallel). The plan is final
 * when every step is done.
 * @example
 * ```ts
 * import { REVENUE_PLAN_APPROVAL } from "@sannong/core";
 * REVENUE_PLAN_APPROVAL.steps.find((s) => s.id === "public-notice")?.after; // → ["democratic-decision"]
 * ```
 * @remarks Implements CORE-PROC-2, ASSET-REV-5 (001 §三(十)1).
 */
export const REVENUE_PLAN_APPROVAL: Procedure = defineProcedure({
  id: "revenue-plan-approval",
  label: { zh: "扶贫资产收益分配方案审批", en: "approval of an asset-revenue distribution plan" },
  steps: [
    { ...democraticDecision, label: { zh: "民主决策（提出分配方案）", en: "democratic decision on the plan" } },
    {
      id: "owner-proposal",
      label: { zh: "产权人提方案", en: "plan proposed by the owner" },
      body: "property-owner",
      bodyLabel: body.propertyOwner,
    },
    {
      id: "supervisor-review",
      label: { zh: "上级主管单位审核", en: "review by the supervising authority" },
      body: "supervising-authority",
      bodyLabel: body.supervisor,
    },
    {
      id: "district-approval",
      label: { zh: "区扶贫办审批备案", en: "approval and filing by the district poverty office" },
      body: "district-poverty-office",
      bodyLabel: body.districtPovertyOffice,
    },
    {
      id: "public-notice",
      label: { zh: "公告公示", en: "public notice" },
      body: "property-owner",
      bodyLabel: body.propertyOwner,
      after: ["democratic-decision"],
    },
  ],
  source: {
    document: DOC_001,
    article: "§三(十)1 分配原则",
    citation: "001 §三(十)1",
    rules: ["CORE-PROC-2", "ASSET-REV-5"],
    verified: false,
    note: "Chain order from the seed; the place of 公告公示 (after the democratic decision, parallel to the chain) is sannong's reading.",
  },
});

/**
 * Disposal of a poverty-alleviation asset (扶贫资产处置): valuation by a
 * qualified independent third party → 镇政府批准 → 区扶贫办备案 → 处置, with the
 * valuation published on the district government website. The seed does not
 * say when the publication falls; sannong requires it after the valuation and
 * before the disposal (parallel to the approvals). Disposal without a
 * valuation is never complete.
 * @example
 * ```ts
 * import { ASSET_DISPOSAL } from "@sannong/core";
 * ASSET_DISPOSAL.steps.find((s) => s.id === "disposal")?.after; // → ["district-filing", "valuation-publication"]
 * ```
 * @remarks Implements CORE-PROC-2, ASSET-DISP-2 (001 §三(十一)2).
 */
export const ASSET_DISPOSAL: Procedure = defineProcedure({
  id: "asset-disposal",
  label: { zh: "扶贫资产处置", en: "disposal of a poverty-alleviation asset" },
  steps: [
    {
      id: "valuation",
      label: { zh: "资产评估", en: "valuation" },
      body: "qualified-appraiser",
      bodyLabel: body.appraiser,
    },
    {
      id: "township-approval",
      label: { zh: "报请镇政府批准", en: "approval by the township government" },
      body: "township-government",
      bodyLabel: body.township,
    },
    {
      id: "district-filing",
      label: { zh: "区扶贫办备案", en: "filing with the district poverty office" },
      body: "district-poverty-office",
      bodyLabel: body.districtPovertyOffice,
    },
    {
      id: "valuation-publication",
      label: { zh: "评估结果在区政府网站公开", en: "valuation published on the district government website" },
      body: "district-government",
      bodyLabel: body.districtGovernment,
      after: ["valuation"],
    },
    {
      id: "disposal",
      label: { zh: "实施处置（拍卖、转让、报废）", en: "disposal (auction, transfer, scrapping)" },
      body: "property-owner",
      bodyLabel: body.propertyOwner,
      after: ["district-filing", "valuation-publication"],
    },
  ],
  source: {
    document: DOC_001,
    article: "§三(十一)2 扶贫资产处置",
    citation: "001 §三(十一)2",
    rules: ["CORE-PROC-2", "ASSET-DISP-2"],
    verified: false,
    note: "Chain order from the seed; that the website publication must precede the disposal is sannong's reading.",
  },
});

/**
 * Competitive project funding (项目法竞争性分配): 发布公告 → 第三方评审 → 集体决策,
 * performed by the county migrant-management agency and a third-party
 * reviewer. The funding decision is final only after the collective decision.
 * @example
 * ```ts
 * import { COLLECTIVE_DECISION } from "@sannong/core";
 * COLLECTIVE_DECISION.steps.map((s) => s.id); // → ["announcement", "third-party-review", "collective-decision"]
 * ```
 * @remarks Implements CORE-PROC-2, FUNDS-PROJECT-2 (004 §二(三)1).
 */
export const COLLECTIVE_DECISION: Procedure = defineProcedure({
  id: "collective-decision",
  label: { zh: "项目资金集体决策", en: "collective decision on project funding" },
  steps: [
    {
      id: "announcement",
      label: { zh: "发布公告", en: "public announcement" },
      body: "county-migrant-office",
      bodyLabel: body.countyMigrantOffice,
    },
    {
      id: "third-party-review",
      label: { zh: "第三方评审", en: "third-party review" },
      body: "third-party-reviewer",
      bodyLabel: body.thirdPartyReviewer,
    },
    {
      id: "collective-decision",
      label: { zh: "集体决策", en: "collective decision" },
      body: "county-migrant-office",
      bodyLabel: body.countyMigrantOffice,
    },
  ],
  source: {
    document: DOC_004,
    article: "§二(三)1",
    citation: "004 §二(三)1",
    rules: ["CORE-PROC-2", "FUNDS-PROJECT-2"],
    verified: false,
    note: "Steps and order from the seed (发布公告、第三方评审、集体决策); the bodies (the county migrant-management agency announces and decides) are sannong's reading.",
  },
});

/**
 * Voluntary entrustment of collective money to the district guarantee
 * platform (村集体自愿委托区级超转平台): 履行民主程序 → 委托. The seed says only
 * "履行相应民主程序"; sannong reads it as a decision of the 村民会议 or
 * 村民代表会议 (《村民委员会组织法》第二十四条, disposing of collective property),
 * with that meeting's quorum rule.
 * @example
 * ```ts
 * import { VOLUNTARY_ENTRUSTMENT } from "@sannong/core";
 * VOLUNTARY_ENTRUSTMENT.steps.map((s) => s.id); // → ["democratic-decision", "entrustment"]
 * ```
 * @remarks Implements CORE-PROC-2, FUNDS-POOL-1 (000 §二).
 */
export const VOLUNTARY_ENTRUSTMENT: Procedure = defineProcedure({
  id: "voluntary-entrustment",
  label: { zh: "村集体资金自愿委托", en: "voluntary entrustment of collective money" },
  steps: [
    {
      ...democraticDecision,
      label: { zh: "履行民主程序（村民（代表）会议决议）", en: "democratic procedure (villagers' meeting resolution)" },
    },
    {
      id: "entrustment",
      label: { zh: "委托区级超转平台", en: "entrustment to the district platform" },
      body: "village-collective",
      bodyLabel: body.villageCollective,
    },
  ],
  source: {
    document: DOC_000,
    article: "§二",
    citation: "000 §二",
    rules: ["CORE-PROC-2", "FUNDS-POOL-1"],
    verified: false,
    note: "The seed says 履行相应民主程序 without naming it; sannong reads it as a 村民(代表)会议 decision.",
  },
});

/**
 * Every built-in procedure, by id (内置程序).
 * @example
 * ```ts
 * import { builtInProcedures } from "@sannong/core";
 * Object.keys(builtInProcedures); // → ["five-deliberations-two-disclosures", "asset-operation-change-village", "asset-operation-change-joint", "revenue-plan-approval", "asset-disposal", "collective-decision", "voluntary-entrustment"]
 * ```
 * @remarks Implements CORE-PROC-2.
 */
export const builtInProcedures = Object.freeze({
  "five-deliberations-two-disclosures": FIVE_DELIBERATIONS_TWO_DISCLOSURES,
  "asset-operation-change-village": ASSET_OPERATION_CHANGE_VILLAGE,
  "asset-operation-change-joint": ASSET_OPERATION_CHANGE_JOINT,
  "revenue-plan-approval": REVENUE_PLAN_APPROVAL,
  "asset-disposal": ASSET_DISPOSAL,
  "collective-decision": COLLECTIVE_DECISION,
  "voluntary-entrustment": VOLUNTARY_ENTRUSTMENT,
});

/** The id of a built-in procedure. */
export type BuiltInProcedureId = keyof typeof builtInProcedures;
