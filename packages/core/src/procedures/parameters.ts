import type * as z from "zod";
import { defineParameter, parameterSet, type Parameter, type ParameterSet } from "../params/parameter";
import {
  FIVE_DELIBERATIONS_PARAMETER,
  FIVE_DELIBERATIONS_TWO_DISCLOSURES,
  PARTY_MEETING_QUORUM,
  VILLAGERS_MEETING_QUORUM,
} from "./builtins";
import { procedureSchema, quorumRuleSchema, type Procedure, type QuorumRule } from "./procedure";

const VILLAGE_LAW = "《中华人民共和国村民委员会组织法》（2010年修订）";
const BRANCH_RULES = "《中国共产党支部工作条例（试行）》（2018年10月28日）";

/**
 * Quorum and majority of a 村民会议 or 村民代表会议 (村民会议/村民代表会议的法定人数
 * 和表决规则). Three lawful forms: a 村民会议 attended by more than half of the
 * villagers aged 18 and over, or by representatives of at least two-thirds of
 * the households, and a 村民代表会议 attended by at least two-thirds of its
 * members; each decides by more than half of those present.
 * @remarks Implements CORE-PROC-2 (《村民委员会组织法》第二十二条、第二十六条).
 */
export const villagersMeetingQuorum: Parameter<QuorumRule> = defineParameter<QuorumRule>({
  id: VILLAGERS_MEETING_QUORUM,
  unit: "quorum rule",
  label: {
    zh: "村民（代表）会议法定人数与表决规则",
    en: "quorum and majority of a villagers' (representatives') meeting",
  },
  schema: quorumRuleSchema as unknown as z.ZodType<QuorumRule>,
  values: [
    {
      from: "2010-10-28",
      value: {
        forms: [
          {
            id: "villagers-meeting-adults",
            label: { zh: "村民会议（按十八周岁以上村民计）", en: "villagers' meeting (counted by villagers aged 18+)" },
            attendance: { moreThan: "1/2" },
            approval: { moreThan: "1/2", of: "present" },
          },
          {
            id: "villagers-meeting-households",
            label: { zh: "村民会议（按户的代表计）", en: "villagers' meeting (counted by household representatives)" },
            attendance: { atLeast: "2/3" },
            approval: { moreThan: "1/2", of: "present" },
          },
          {
            id: "representatives-meeting",
            label: { zh: "村民代表会议", en: "villagers' representatives' meeting" },
            attendance: { atLeast: "2/3" },
            approval: { moreThan: "1/2", of: "present" },
          },
        ],
      },
      source: {
        document: VILLAGE_LAW,
        article: "第二十二条、第二十六条",
        verified: false,
        note: "Not in the seeds. 第二十二条: 村民会议应当有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加，所作决定应当经到会人员的过半数通过; 第二十六条: 村民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会人员的过半数同意. 以上 read as including the number itself (《民法典》第一千二百五十九条). Start date = the 2010 revision; earlier meetings need an overlay.",
      },
    },
  ],
});

/**
 * Quorum and majority of a Party branch members' meeting (党员大会的法定人数和
 * 表决规则): at least half of the members with a vote present, and more than
 * half of all members entitled to attend voting for.
 * @remarks Implements CORE-PROC-2 (《中国共产党支部工作条例（试行）》).
 */
export const partyMembersMeetingQuorum: Parameter<QuorumRule> = defineParameter<QuorumRule>({
  id: PARTY_MEETING_QUORUM,
  unit: "quorum rule",
  label: { zh: "党员大会法定人数与表决规则", en: "quorum and majority of a Party members' meeting" },
  schema: quorumRuleSchema as unknown as z.ZodType<QuorumRule>,
  values: [
    {
      from: "2018-10-28",
      value: {
        forms: [
          {
            id: "party-members-meeting",
            label: { zh: "党支部党员大会", en: "Party branch members' meeting" },
            attendance: { atLeast: "1/2" },
            approval: { moreThan: "1/2", of: "eligible" },
          },
        ],
      },
      source: {
        document: BRANCH_RULES,
        article: "第十一条",
        verified: false,
        note: "Not in the seeds. 表决必须有半数以上有表决权的党员到会方可进行，赞成人数超过应到会有表决权的党员的半数为通过; 半数以上 read as including exactly half. Article number and start date not checked against the official text; earlier meetings need an overlay.",
      },
    },
  ],
});

/**
 * The steps of 五议两公开 as an effective-dated parameter, so a locality can
 * overlay its own reading (e.g. 四议两公开 without the 建议 step). The default
 * is {@link FIVE_DELIBERATIONS_TWO_DISCLOSURES}.
 * @remarks Implements CORE-PROC-2 (002 §三(三)).
 */
export const fiveDeliberationsParameter: Parameter<Procedure> = defineParameter<Procedure>({
  id: FIVE_DELIBERATIONS_PARAMETER,
  unit: "procedure",
  label: { zh: "五议两公开的步骤", en: "steps of the five deliberations and two disclosures" },
  schema: procedureSchema as unknown as z.ZodType<Procedure>,
  values: [
    {
      from: "1900-01-01",
      value: FIVE_DELIBERATIONS_TWO_DISCLOSURES,
      source: {
        document: "台政办函〔2019〕47号",
        article: "§三(三)",
        verified: false,
        note: "The seed names 五议两公开 but does not list its steps. Default: 党员群众建议 → 村党组织提议 → 村“两委”商议 → 党员大会审议 → 村民(代表)会议决议 → 决议公开 → 实施结果公开 (Zhejiang's reading; the five 议 include the 建议 step). In force on every date until a locality overlays its own.",
      },
    },
  ],
});

/**
 * The parameters of @sannong/core (核心参数): the procedure parameters —
 * the steps of 五议两公开 and the quorum rules of the meetings it and the
 * seeds' chains hold.
 * @example
 * ```ts
 * import { coreParameters } from "@sannong/core";
 * coreParameters.map((p) => p.id); // → ["core.procedure.fiveDeliberations", "core.procedure.quorum.partyMembersMeeting", "core.procedure.quorum.villagersMeeting"]
 * ```
 * @remarks Implements CORE-PROC-2, CORE-PARAM-1.
 */
export const coreParameters: readonly Parameter[] = Object.freeze([
  fiveDeliberationsParameter as Parameter,
  partyMembersMeetingQuorum as Parameter,
  villagersMeetingQuorum as Parameter,
]);

/**
 * {@link coreParameters} as a parameter set, the default of `checkProcedure`;
 * overlay it (core `overlay`) for a local rule.
 * @example
 * ```ts
 * import { paramAt, coreParameterSet } from "@sannong/core";
 * paramAt<{ forms: readonly unknown[] }>(coreParameterSet, "core.procedure.quorum.villagersMeeting", "2024-01-01").value.forms.length; // → 3
 * ```
 * @remarks Implements CORE-PROC-2, CORE-PARAM-2.
 */
export const coreParameterSet: ParameterSet = parameterSet(coreParameters);
