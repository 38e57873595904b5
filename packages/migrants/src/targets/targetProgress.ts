import * as z from "zod";
import {
  addIssue,
  compareDates,
  daysBetween,
  fraction,
  fractionToDecimalString,
  idSchema,
  legalDateSchema,
  parseInput,
  traceStep,
  type LegalDate,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { param, parametersOf, type MigrantsOptions } from "../internal/options";
import type { TargetDefinition } from "../parameters";
import { RULES } from "../rules";

/** One achievement: an item (a village, a centre, a town) that met a target's standard on a date. */
export const achievementSchema = z.strictObject({
  target: idSchema,
  id: idSchema,
  achievedOn: legalDateSchema,
  name: z.string().min(1).max(200).optional(),
});

/** A caller's target (overriding the parameter): id, labels, the required count. */
export const targetDefinitionSchema = z.strictObject({
  id: idSchema,
  zh: z.string().min(1),
  en: z.string().min(1),
  required: z.number().int().min(0).max(1_000_000),
});

/**
 * Input of {@link targetProgress}: the date of the report, the achievements
 * (unique per target and id), and optionally the targets and deadline
 * (default: the 2020 targets of seed §一, parameter `migrants.targets.2020`).
 */
export const targetProgressInputSchema = z.strictObject({
  asOf: legalDateSchema,
  achievements: z
    .array(achievementSchema)
    .max(100_000)
    .superRefine((as, ctx) => {
      const seen = new Set<string>();
      as.forEach((a, i) => {
        const k = `${a.target}\u0000${a.id}`;
        if (seen.has(k))
          addIssue(
            ctx,
            `目标 ${a.target} 下的 “${a.id}” 重复`,
            `"${a.id}" is listed twice under target ${a.target}`,
            [i, "id"],
            "duplicate_id",
          );
        seen.add(k);
      });
    }),
  targets: z.array(targetDefinitionSchema).min(1).max(100).optional(),
  deadline: legalDateSchema.optional(),
});

/** Input of {@link targetProgress}. */
export type TargetProgressInput = z.input<typeof targetProgressInputSchema>;

/** Progress on one target. */
export interface TargetProgressLine {
  readonly target: string;
  readonly zh: string;
  readonly en: string;
  readonly required: number;
  /** Achieved on or before `asOf`. */
  readonly achieved: number;
  /** Achieved on or before the deadline. */
  readonly achievedByDeadline: number;
  readonly remaining: number;
  /** achieved ÷ required as a percentage with 2 decimals (null when nothing is required). */
  readonly percent: string | null;
  /** At least the required count achieved by `asOf`. */
  readonly met: boolean;
  /** The deadline has passed and the target was not met by it. */
  readonly missedDeadline: boolean;
}

/** Result of {@link targetProgress}. */
export interface TargetProgressResult {
  readonly asOf: LegalDate;
  readonly deadline: LegalDate;
  /** Days from `asOf` to the deadline (negative once it has passed). */
  readonly daysToDeadline: number;
  readonly targets: readonly TargetProgressLine[];
  readonly allMet: boolean;
  readonly trace: TraceNode;
}

/**
 * Compares achievements with the targets (建设目标完成情况): by 2020 at least
 * 30 city-level “美丽家园” migrant villages, 6 county migrant culture centres,
 * 6 migrant training centres and 12 migrant tourism towns (seed §一; the
 * targets and the deadline are a parameter, or the caller's own). Counts what
 * was achieved by the report date and by the deadline.
 *
 * @param input - `{ asOf, achievements: [{ target, id, achievedOn, name? }], targets?, deadline? }`
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns per target required, achieved, remaining, percent, met, missedDeadline; trace
 * @throws {@link ValidationError} `INVALID_INPUT` (an achievement under an
 *   unknown target is reported at its path; duplicates …)
 * @example
 * ```ts
 * import { targetProgress } from "@sannong/migrants";
 * const r = targetProgress({ asOf: "2019-12-31", achievements: [
 *   { target: "culture-centres", id: "柯城区", achievedOn: "2018-06-01" },
 * ] });
 * const t = r.targets.find((t) => t.target === "culture-centres");
 * [t?.required, t?.achieved, t?.remaining, t?.percent, t?.met]; // → [6, 1, 5, "16.67", false]
 * ```
 * @remarks Implements MIG-TARGET-1 (004 §一).
 */
export function targetProgress(input: TargetProgressInput, options?: MigrantsOptions): TargetProgressResult {
  const d = parseInput(targetProgressInputSchema, input, "targetProgress");
  const set = parametersOf(options, "targetProgress");
  const uses: ParameterUse[] = [];
  let defs: readonly TargetDefinition[];
  let deadline: LegalDate;
  if (d.targets && d.deadline) {
    defs = d.targets;
    deadline = d.deadline;
  } else {
    const u = param<{ deadline: string; targets: readonly TargetDefinition[] }>(set, "migrants.targets.2020", d.asOf);
    uses.push(u);
    defs = d.targets ?? u.value.targets;
    deadline = d.deadline ?? u.value.deadline;
  }
  const known = new Set(defs.map((t) => t.id));
  if (known.size !== defs.length) fail("INVALID_PARAMETER", { id: "targets", reason: "target ids must be unique" });
  d.achievements.forEach((a, i) => {
    if (!known.has(a.target)) {
      // report it as the input error it is, through the one validation path
      parseInput(
        z
          .unknown()
          .superRefine((_, ctx) =>
            addIssue(
              ctx,
              `未知目标 “${a.target}”（应为 ${[...known].join("、")} 之一）`,
              `unknown target "${a.target}" (expected one of ${[...known].join(", ")})`,
              ["achievements", i, "target"],
              "unknown_target",
            ),
          ),
        input,
        "targetProgress",
      );
    }
  });
  const targets: TargetProgressLine[] = defs.map((t) => {
    const mine = d.achievements.filter((a) => a.target === t.id);
    const achieved = mine.filter((a) => compareDates(a.achievedOn, d.asOf) <= 0).length;
    const achievedByDeadline = mine.filter(
      (a) => compareDates(a.achievedOn, deadline) <= 0 && compareDates(a.achievedOn, d.asOf) <= 0,
    ).length;
    const met = achieved >= t.required;
    return {
      target: t.id,
      zh: t.zh,
      en: t.en,
      required: t.required,
      achieved,
      achievedByDeadline,
      remaining: Math.max(0, t.required - achieved),
      percent:
        t.required === 0 ? null : fractionToDecimalString(fraction(BigInt(achieved) * 100n, BigInt(t.required)), 2),
      met,
      missedDeadline: compareDates(d.asOf, deadline) > 0 && achievedByDeadline < t.required,
    };
  });
  const allMet = targets.every((t) => t.met);
  const trace = traceStep(RULES["MIG-TARGET-1"], {
    inputs: { asOf: d.asOf, deadline, achievements: d.achievements.length },
    parameters: uses,
    output: targets.map((t) => ({ target: t.target, required: t.required, achieved: t.achieved, met: t.met })),
  });
  return { asOf: d.asOf, deadline, daysToDeadline: daysBetween(d.asOf, deadline), targets, allMet, trace };
}
