import * as z from "zod";
import { idSchema, legalDateSchema, type LegalDate, deepFreeze } from "@sannong/core";
import { ageOn } from "./age";

/** zod schema of a member of a household or of the collective, as the matching rules read one. @internal */
export const memberSchema = z.strictObject({
  id: idSchema,
  /** 出生日期 */
  birthDate: legalDateSchema,
  /** 本村集体经济组织成员 */
  collectiveMember: z.boolean(),
  /** 已参加被征地农民社会保障（或其他职工养老保险） */
  alreadyInsured: z.boolean(),
});

/** A member as the matching rules read one. */
export type Member = z.output<typeof memberSchema>;

/** Why a person may not take a place (INS-MATCH-2). */
export type IneligibilityReason =
  | "UNDER_MIN_AGE"
  | "ALREADY_INSURED"
  | "NOT_COLLECTIVE_MEMBER"
  | "NOT_IN_HOUSEHOLD"
  | "NO_PLACE_LEFT"
  | "NO_LAND_EXPROPRIATED"
  | "NOT_SAME_COLLECTIVE";

/** The bilingual text of each reason. @internal */
export const REASON_TEXT: Readonly<Record<IneligibilityReason, { zh: string; en: string }>> = /*#__PURE__*/ deepFreeze({
  UNDER_MIN_AGE: { zh: "未满参保最低年龄", en: "under the minimum age" },
  ALREADY_INSURED: { zh: "已参保", en: "already insured" },
  NOT_COLLECTIVE_MEMBER: { zh: "非本集体经济组织成员", en: "not a member of the collective" },
  NOT_IN_HOUSEHOLD: { zh: "不是本户成员", en: "not a member of the household" },
  NO_LAND_EXPROPRIATED: { zh: "承包地未被征收", en: "no contracted land was expropriated" },
  NOT_SAME_COLLECTIVE: {
    zh: "非本村集体成员，节余指标不调剂至外村",
    en: "not of this collective, and surplus places stay in the village",
  },
  NO_PLACE_LEFT: {
    zh: "本户名额已用完（按选择顺序）",
    en: "the household's places are taken (in the order of choice)",
  },
});

/** The reasons, in a fixed order, why a member may not be insured on `asOf`. @internal */
export function memberReasons(m: Member, asOf: LegalDate, minAge: number): IneligibilityReason[] {
  const out: IneligibilityReason[] = [];
  if (ageOn(m.birthDate, asOf) < minAge) out.push("UNDER_MIN_AGE");
  if (m.alreadyInsured) out.push("ALREADY_INSURED");
  if (!m.collectiveMember) out.push("NOT_COLLECTIVE_MEMBER");
  return out;
}
