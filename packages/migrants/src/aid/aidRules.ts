import * as z from "zod";
import { idSchema, deepFreeze } from "@sannong/core";

/** Causes of hardship recorded in the register (致困主要原因). */
export const HARDSHIP_CAUSES = /*#__PURE__*/ deepFreeze([
  "disaster",
  "illness",
  "disability",
  "education",
  "lack-of-labour",
  "lack-of-skills",
  "lack-of-funds",
  "other",
] as const);
/** zod schema of a hardship cause. */
export const hardshipCauseSchema = z.enum(HARDSHIP_CAUSES);
/** A cause of hardship. */
export type HardshipCause = z.output<typeof hardshipCauseSchema>;

/**
 * Schooling of a person: `senior-secondary` is 高中段 (general or vocational
 * senior secondary); `college-full-time` is 全日制普通高校本专科（含高职）.
 */
export const schoolingSchema = z.enum([
  "none",
  "preschool",
  "compulsory",
  "senior-secondary",
  "college-full-time",
  "college-part-time",
  "postgraduate",
]);

/**
 * The facts of an applicant that aid rules test: the household's situation
 * and, for person-level aid, the person concerned.
 */
export const aidFactsSchema = z.strictObject({
  householdId: idSchema,
  /** 低收入移民 on the register. */
  lowIncome: z.boolean(),
  /** 困难移民: in hardship. */
  hardship: z.boolean(),
  /** 特殊贫困移民. */
  specialPoverty: z.boolean().optional(),
  hardshipCauses: z.array(hardshipCauseSchema).max(HARDSHIP_CAUSES.length).optional(),
  person: z
    .strictObject({
      id: idSchema,
      age: z.number().int().min(0).max(150),
      /** A child (子女) of the household. */
      childOfHousehold: z.boolean().optional(),
      schooling: schoolingSchema.optional(),
      seekingWork: z.boolean().optional(),
    })
    .optional(),
  medicalInsurance: z
    .strictObject({
      /** Takes part in 城乡居民基本医疗保险. */
      enrolled: z.boolean(),
      /** The personal contribution is still unaffordable after the fiscal subsidy (享受财政补贴后个人缴费仍困难). */
      unaffordableAfterSubsidy: z.boolean(),
    })
    .optional(),
});

/** The facts of an applicant. */
export type AidFacts = z.output<typeof aidFactsSchema>;

/** The fact paths a condition may test (so a typo is an error, never a silent "not eligible"). */
export const AID_FACT_PATHS = /*#__PURE__*/ deepFreeze([
  "lowIncome",
  "hardship",
  "specialPoverty",
  "hardshipCauses",
  "person.age",
  "person.childOfHousehold",
  "person.schooling",
  "person.seekingWork",
  "medicalInsurance.enrolled",
  "medicalInsurance.unaffordableAfterSubsidy",
] as const);
/** A fact path. */
export type AidFactPath = (typeof AID_FACT_PATHS)[number];

const scalar = z.union([z.boolean(), z.number(), z.string()]);
const parameterRef = z.strictObject({ parameter: z.string().min(1) });

/**
 * One condition of an aid rule: `fact` `op` `value`, where `value` may name a
 * parameter (`{ parameter: id }`, e.g. the relaxed age limit):
 * `is` (equal), `in` (one of), `includesAny` (a list fact contains one of),
 * `atMost` / `atLeast` (numbers).
 */
export const aidConditionSchema = z.discriminatedUnion("op", [
  z.strictObject({ fact: z.enum(AID_FACT_PATHS), op: z.literal("is"), value: scalar }),
  z.strictObject({ fact: z.enum(AID_FACT_PATHS), op: z.literal("in"), value: z.array(scalar).min(1) }),
  z.strictObject({ fact: z.enum(AID_FACT_PATHS), op: z.literal("includesAny"), value: z.array(z.string()).min(1) }),
  z.strictObject({ fact: z.enum(AID_FACT_PATHS), op: z.literal("atMost"), value: z.union([z.number(), parameterRef]) }),
  z.strictObject({
    fact: z.enum(AID_FACT_PATHS),
    op: z.literal("atLeast"),
    value: z.union([z.number(), parameterRef]),
  }),
]);
/** A condition of an aid rule. */
export type AidCondition = z.output<typeof aidConditionSchema>;

/**
 * An aid rule as data (帮扶项目): its id, label, citation, the conditions
 * that must all hold, and the parameter holding its amount (null when the
 * rule grants no money, e.g. a post).
 */
export const aidRuleSchema = z.strictObject({
  id: idSchema,
  label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  citation: z.string().min(1),
  conditions: z.array(aidConditionSchema).min(1),
  amountParameter: z.string().min(1).nullable(),
});
/** An aid rule. */
export type AidRule = z.output<typeof aidRuleSchema>;

/**
 * The aid rules of seed 004 §二(一)2 as data (困难移民帮扶):
 * special relief after disaster or illness (专项救助); education aid for
 * children of households in hardship at senior secondary school (高中段) or
 * full-time college/university incl. higher vocational (全日制普通高校本专科（含高职）);
 * help with the resident medical-insurance contribution for specially poor
 * migrants still unable to pay after the fiscal subsidy; public-welfare posts
 * with a relaxed age limit (公益岗位，适当放宽年龄). Amounts are parameters.
 * @remarks Implements MIG-AID-1 (004 §二(一)2).
 */
export const migrantAidRules: readonly AidRule[] = /*#__PURE__*/ deepFreeze([
  {
    id: "special-relief",
    label: { zh: "因灾、因病困难移民专项救助", en: "special relief after disaster or illness" },
    citation: "004 §二(一)2",
    conditions: [
      { fact: "hardship", op: "is", value: true },
      { fact: "hardshipCauses", op: "includesAny", value: ["disaster", "illness"] },
    ],
    amountParameter: "migrants.aid.specialRelief.amount",
  },
  {
    id: "education-senior-secondary",
    label: { zh: "困难移民子女高中段教育资助", en: "education aid: senior secondary school" },
    citation: "004 §二(一)2",
    conditions: [
      { fact: "hardship", op: "is", value: true },
      { fact: "person.childOfHousehold", op: "is", value: true },
      { fact: "person.schooling", op: "is", value: "senior-secondary" },
    ],
    amountParameter: "migrants.aid.education.seniorSecondary.amount",
  },
  {
    id: "education-college",
    label: {
      zh: "困难移民子女全日制普通高校本专科（含高职）教育资助",
      en: "education aid: full-time college or university (incl. higher vocational)",
    },
    citation: "004 §二(一)2",
    conditions: [
      { fact: "hardship", op: "is", value: true },
      { fact: "person.childOfHousehold", op: "is", value: true },
      { fact: "person.schooling", op: "is", value: "college-full-time" },
    ],
    amountParameter: "migrants.aid.education.college.amount",
  },
  {
    id: "medical-insurance-contribution",
    label: {
      zh: "特殊贫困移民城乡居民医保个人缴费补助",
      en: "help with the resident medical-insurance personal contribution",
    },
    citation: "004 §二(一)2",
    conditions: [
      { fact: "specialPoverty", op: "is", value: true },
      { fact: "medicalInsurance.enrolled", op: "is", value: true },
      { fact: "medicalInsurance.unaffordableAfterSubsidy", op: "is", value: true },
    ],
    amountParameter: "migrants.aid.medicalInsurance.amount",
  },
  {
    id: "public-welfare-post",
    label: { zh: "困难移民公益岗位（适当放宽年龄）", en: "public-welfare post (relaxed age limit)" },
    citation: "004 §二(一)2",
    conditions: [
      { fact: "hardship", op: "is", value: true },
      { fact: "person.seekingWork", op: "is", value: true },
      { fact: "person.age", op: "atLeast", value: 16 },
      { fact: "person.age", op: "atMost", value: { parameter: "migrants.aid.publicWelfarePost.maxAge" } },
    ],
    amountParameter: null,
  },
] satisfies AidRule[]);
