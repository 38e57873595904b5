import * as z from "zod";
import { addIssue, idSchema, legalDateSchema, moneySchema, nonNegativeMoneySchema, countSchema } from "@sannong/core";
import { hardshipCauseSchema } from "../aid/aidRules";

const text = z.string().trim().min(1).max(500);

/** The responsible helper (帮扶责任主体): a department, a cadre, an enterprise, a village collective, a social organisation … */
export const helperSchema = z.strictObject({
  kind: z.enum(["department", "cadre", "enterprise", "village-collective", "social-organisation", "other"]),
  name: text,
  contact: text.optional(),
});

/** One result of the help (帮扶成效), dated; `incomeChange` is the change of yearly income it brought, when measured. */
export const helpResultSchema = z.strictObject({
  date: legalDateSchema,
  description: text,
  incomeChange: moneySchema.optional(),
});

/**
 * A low-income migrant household on the register (低收入移民建档立卡): basic
 * facts, main causes of hardship (致困主要原因), main problems to solve
 * (要解决的主要问题), the responsible helper (帮扶责任主体) and the results of
 * the help (帮扶成效).
 * @remarks Implements MIG-REG-1 (004 §二(一)1).
 */
export const migrantHouseholdSchema = z.strictObject({
  id: idSchema,
  /** 户主. */
  head: text,
  county: text,
  township: text.optional(),
  village: text,
  /** The reservoir the household moved for. */
  reservoir: text.optional(),
  /** Lives in an old reservoir area (老水库库区). */
  oldReservoirArea: z.boolean().optional(),
  members: countSchema.min(1),
  /** 低收入移民. */
  lowIncome: z.boolean(),
  incomePerCapita: nonNegativeMoneySchema.optional(),
  hardshipCauses: z.array(hardshipCauseSchema).min(1).max(8),
  mainProblems: z.array(text).min(1).max(20),
  helper: helperSchema,
  results: z.array(helpResultSchema).max(1000),
});
/** A migrant household record. */
export type MigrantHousehold = z.output<typeof migrantHouseholdSchema>;

/**
 * A weak migrant village on the register (经济薄弱移民村建档立卡), kept the
 * same way as households.
 * @remarks Implements MIG-REG-1 (004 §二(一)1).
 */
export const weakMigrantVillageSchema = z.strictObject({
  id: idSchema,
  name: text,
  county: text,
  township: text.optional(),
  migrantHouseholds: countSchema,
  /** Yearly collective income (村集体经济收入), when known. */
  collectiveIncome: nonNegativeMoneySchema.optional(),
  causes: z.array(text).min(1).max(20),
  mainProblems: z.array(text).min(1).max(20),
  helper: helperSchema,
  results: z.array(helpResultSchema).max(1000),
});
/** A weak migrant village record. */
export type WeakMigrantVillage = z.output<typeof weakMigrantVillageSchema>;

/** Why a record leaves the register (销号): lifted out of low income (脱贫), moved away, the household no longer exists, merged, other. */
export const exitReasonSchema = z.enum(["lifted-out", "moved-away", "dissolved", "merged", "other"]);

// The patch schema is passed in, built from the concrete record schema, so that `set` keeps its field types.
function changes<R extends z.ZodObject, P extends z.ZodObject, S extends string>(subject: S, record: R, patch: P) {
  return z.discriminatedUnion("action", [
    z.strictObject({ subject: z.literal(subject), action: z.literal("enter"), date: legalDateSchema, record }),
    z.strictObject({
      subject: z.literal(subject),
      action: z.literal("update"),
      date: legalDateSchema,
      id: idSchema,
      set: patch.superRefine((p, ctx) => {
        if (Object.keys(p).length === 0)
          addIssue(ctx, "变更 set 至少要改一个字段", "set must change at least one field", [], "empty_update");
        // A field given as undefined would replace the old value with nothing (a required field lost, NaN persons).
        for (const [k, v] of Object.entries(p))
          if (v === undefined)
            addIssue(
              ctx,
              `变更 set 的字段 ${k} 没有值（要改就给出新值，不改就不要写这个字段）`,
              `set.${k} has no value (give the new value, or leave the field out)`,
              [k],
              "undefined_field",
            );
      }),
    }),
    z.strictObject({
      subject: z.literal(subject),
      action: z.literal("result"),
      date: legalDateSchema,
      id: idSchema,
      result: helpResultSchema.omit({ date: true }),
    }),
    z.strictObject({
      subject: z.literal(subject),
      action: z.literal("exit"),
      date: legalDateSchema,
      id: idSchema,
      reason: exitReasonSchema,
      note: text.optional(),
    }),
  ]);
}

/**
 * A dated change of the register (动态管理): a record enters (建档), is
 * updated (变更: the fields in `set` replace the old ones), gets a help result
 * (帮扶成效, appended), or exits (销号, with a reason). A record that exited may
 * enter again (返贫).
 * @remarks Implements MIG-REG-1 (004 §二(一)1).
 */
export const registerChangeSchema = z.discriminatedUnion("subject", [
  changes("household", migrantHouseholdSchema, migrantHouseholdSchema.omit({ id: true }).partial()),
  changes("village", weakMigrantVillageSchema, weakMigrantVillageSchema.omit({ id: true }).partial()),
]);
/** A register change. */
export type RegisterChange = z.output<typeof registerChangeSchema>;
/** A register change as given. */
export type RegisterChangeInput = z.input<typeof registerChangeSchema>;
