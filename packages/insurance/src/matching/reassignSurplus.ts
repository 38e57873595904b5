import * as z from "zod";
import {
  addIssue,
  areaSchema,
  checkProcedure,
  coreParameterSet,
  countSchema,
  type Decimal,
  FIVE_DELIBERATIONS_PARAMETER,
  idSchema,
  legalDateSchema,
  paramAt,
  parseInput,
  procedureEventSchema,
  refineUniqueIds,
  toMu,
  traceStep,
  type LegalDate,
  type ParameterSet,
  type ParameterUse,
  type Procedure,
  type ProcedureEvent,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { ageOn } from "../internal/age";
import { REASON_TEXT, type IneligibilityReason } from "../internal/member";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import { P, SURPLUS_ORDER_KEYS, type SurplusOrderKey } from "../parameters";
import { RULES } from "../rules";

const candidateSchema = z.strictObject({
  id: idSchema,
  birthDate: legalDateSchema,
  /** `same`: member of this village's collective; `other`: of another collective; `none`: of no collective. */
  collective: z.enum(["same", "other", "none"]),
  /** 已征地: the person's contracted land was expropriated. */
  landExpropriated: z.boolean(),
  alreadyInsured: z.boolean(),
  /** Land the person's household lost (for the `landLost` order key). */
  landLost: areaSchema.optional(),
  /** Rank decided by the village meeting (1 first), for the `rank` order key. */
  rank: z.number().int().min(1).optional(),
});

/** The input schema of {@link reassignSurplus} (strict: unknown keys are rejected). */
export const reassignSurplusInputSchema = z.strictObject({
  /** The date of reassignment: ages, parameters and the procedure record are read on it. */
  asOf: legalDateSchema,
  /** 节余指标 (places given up) and 调剂指标 (adjustable places). */
  surplus: z.strictObject({ givenUp: countSchema, adjustable: countSchema }),
  candidates: z
    .array(candidateSchema)
    .max(1_000_000)
    .superRefine((cs, ctx) => refineUniqueIds(ctx, cs)),
  /** Order within a tier; the parameter `insurance.match.surplusOrder` when absent. Ties end in id order. */
  order: z
    .array(z.enum(SURPLUS_ORDER_KEYS))
    .max(3)
    .superRefine((ks, ctx) => {
      if (new Set(ks).size !== ks.length) addIssue(ctx, "排序键重复", "an order key is repeated", [], "duplicate_key");
    })
    .optional(),
  /** The 五议两公开 record of the reassignment list. */
  procedure: z.array(procedureEventSchema).max(10_000),
});

/** The input of {@link reassignSurplus}. */
export type ReassignSurplusInput = z.input<typeof reassignSurplusInputSchema>;

/** A candidate given a surplus place. */
export interface SurplusAssignment {
  readonly id: string;
  /** 1: same collective, land expropriated, not insured (the seed's priority); 2: another collective (only when allowed). */
  readonly tier: 1 | 2;
  /** 1-based position in the priority order. */
  readonly position: number;
}

/** A candidate who cannot take a surplus place, and why. */
export interface ExcludedCandidate {
  readonly id: string;
  readonly reasons: readonly IneligibilityReason[];
  readonly zh: string;
  readonly en: string;
}

/** The result of {@link reassignSurplus}. */
export interface ReassignSurplusResult {
  /** Surplus places available: givenUp + adjustable. */
  readonly places: number;
  /** Who gets a place, in priority order. */
  readonly assigned: readonly SurplusAssignment[];
  /** Eligible candidates left without a place, in priority order (the waiting list). */
  readonly waiting: readonly SurplusAssignment[];
  /** Candidates who may not take a place, in input order. */
  readonly excluded: readonly ExcludedCandidate[];
  /** Places left when every eligible candidate has one. */
  readonly remaining: number;
  /** The date the 五议两公开 record was completed. */
  readonly procedureCompletedOn: LegalDate;
  readonly trace: TraceNode;
}

/**
 * Reassigns surplus places (节余指标 given up and 调剂指标 adjustable places):
 * first to members of the same village collective whose land was expropriated
 * but who are not yet insured, then — only when the parameter
 * `insurance.match.surplusToOtherCollectives` allows — to such members of
 * other collectives; within a tier in a declared order (the meeting's rank,
 * then more land lost, then older first by default), ties by id. The list is
 * valid only after 五议两公开: the record is checked with core `checkProcedure`
 * (the procedure and quorum rules are read from `options.parameters` when it
 * holds core's procedure parameters, else from core's defaults), and it must
 * be complete — through every step, or through the step set by
 * `insurance.match.procedureThrough` — on or before `asOf`.
 *
 * @param input - `asOf`, `surplus { givenUp, adjustable }`, `candidates`, `order?`, `procedure` (events)
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet` (optionally merged with core's parameters)
 * @returns `{ places, assigned, waiting, excluded, remaining, procedureCompletedOn, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (duplicate
 *   ids, bad events, unknown keys); {@link PolicyError} `PROCEDURE_INCOMPLETE`
 *   when 五议两公开 is not complete, `PROCEDURE_AFTER_AS_OF` when it completed after `asOf`
 * @example
 * ```ts
 * import { reassignSurplus } from "@sannong/insurance";
 * const r = reassignSurplus({ asOf: "2024-09-01", surplus: { givenUp: 1, adjustable: 0 },
 *   candidates: [
 *     { id: "p1", birthDate: "1970-01-01", collective: "same", landExpropriated: true, alreadyInsured: false, rank: 2 },
 *     { id: "p2", birthDate: "1975-01-01", collective: "same", landExpropriated: true, alreadyInsured: false, rank: 1 },
 *   ],
 *   procedure: [ // a complete 五议两公开 record
 *     { step: "suggestion", date: "2024-07-01" }, { step: "proposal", date: "2024-07-05" },
 *     { step: "consultation", date: "2024-07-08" },
 *     { step: "review", date: "2024-07-10", attendees: 30, eligible: 40, votesFor: 28 },
 *     { step: "resolution", date: "2024-07-15", form: "representatives-meeting", attendees: 40, eligible: 45, votesFor: 35 },
 *     { step: "resolution-disclosure", date: "2024-07-16" }, { step: "result-disclosure", date: "2024-07-25" },
 *   ] });
 * r.assigned; // → [{ id: "p2", tier: 1, position: 1 }]
 * r.waiting; // → [{ id: "p1", tier: 1, position: 2 }]
 * ```
 * @remarks Implements INS-MATCH-3 (002 §三(三); CORE-PROC-2).
 */
export function reassignSurplus(input: ReassignSurplusInput, options?: InsuranceOptions): ReassignSurplusResult {
  const data = parseInput(reassignSurplusInputSchema, input, "reassignSurplus");
  const set = resolveParameters(options, "reassignSurplus");
  const asOf = data.asOf;
  const used: ParameterUse[] = [];
  const minAge = paramAt<number>(set, P.minAge, asOf);
  const other = paramAt<boolean>(set, P.surplusOther, asOf);
  const through = paramAt<string | null>(set, P.procedureThrough, asOf);
  used.push(minAge, other, through);
  let order = data.order;
  if (order === undefined) {
    const u = paramAt<readonly SurplusOrderKey[]>(set, P.surplusOrder, asOf);
    used.push(u);
    order = [...u.value];
  }

  // 五议两公开
  const procSet: ParameterSet = set.parameters.has(FIVE_DELIBERATIONS_PARAMETER) ? set : coreParameterSet;
  const procUse = paramAt<Procedure>(procSet, FIVE_DELIBERATIONS_PARAMETER, asOf);
  const check = checkProcedure(
    procUse.value,
    data.procedure as unknown as readonly ProcedureEvent[],
    through.value === null ? { parameters: procSet } : { parameters: procSet, through: through.value },
  );
  if (!check.complete) {
    const problems = [
      ...check.outOfOrder.map((o) => `${o.step} < ${o.mustFollow}`),
      ...check.wrongBody.map((w) => `${w.step}: ${w.actual} ≠ ${w.expected}`),
      ...check.failedVotes.map((f) => `${f.step}: ${f.reason.en}`),
    ];
    fail("PROCEDURE_INCOMPLETE", { missing: check.missing.join(", ") || "—", problems: problems.join("; ") || "—" }, [
      "procedure",
    ]);
  }
  const completedOn = check.completedOn!;
  if (completedOn > asOf) fail("PROCEDURE_AFTER_AS_OF", { completedOn, asOf }, ["procedure"]);

  // Tiers and exclusions
  const places = data.surplus.givenUp + data.surplus.adjustable;
  const excluded: ExcludedCandidate[] = [];
  const eligible: {
    id: string;
    tier: 1 | 2;
    rank: number;
    land: InstanceType<typeof Decimal>;
    birth: string;
    index: number;
  }[] = [];
  data.candidates.forEach((c, index) => {
    const reasons: IneligibilityReason[] = [];
    if (ageOn(c.birthDate, asOf) < minAge.value) reasons.push("UNDER_MIN_AGE");
    if (c.alreadyInsured) reasons.push("ALREADY_INSURED");
    if (c.collective === "none") reasons.push("NOT_COLLECTIVE_MEMBER");
    if (c.collective === "other" && !other.value) reasons.push("NOT_SAME_COLLECTIVE");
    if (!c.landExpropriated) reasons.push("NO_LAND_EXPROPRIATED");
    if (reasons.length) {
      excluded.push({
        id: c.id,
        reasons,
        zh: reasons.map((r) => REASON_TEXT[r].zh).join("；"),
        en: reasons.map((r) => REASON_TEXT[r].en).join("; "),
      });
      return;
    }
    eligible.push({
      id: c.id,
      tier: c.collective === "same" ? 1 : 2,
      rank: c.rank ?? Number.POSITIVE_INFINITY,
      land: c.landLost ? toMu(c.landLost) : toMu(0),
      birth: c.birthDate,
      index,
    });
  });
  const keys = order;
  eligible.sort((a, b) => {
    if (a.tier !== b.tier) return a.tier - b.tier;
    for (const k of keys) {
      if (k === "rank" && a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
      if (k === "landLost") {
        const c = b.land.comparedTo(a.land);
        if (c !== 0) return c;
      }
      if (k === "age" && a.birth !== b.birth) return a.birth < b.birth ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const ranked = eligible.map((e, k) => ({ id: e.id, tier: e.tier, position: k + 1 }));
  const assigned = ranked.slice(0, places);
  const waiting = ranked.slice(places);
  const remaining = Math.max(places - ranked.length, 0);

  const trace = traceStep(RULES["INS-MATCH-3"], {
    inputs: {
      asOf,
      givenUp: data.surplus.givenUp,
      adjustable: data.surplus.adjustable,
      candidates: data.candidates.length,
      order,
    },
    parameters: [...used, procUse],
    output: { assigned: assigned.map((a) => a.id), waiting: waiting.length, excluded: excluded.length, remaining },
    note: {
      zh: `先本村已征地未参保成员，${other.value ? "再外村" : "不调剂至外村"}；组内按 ${order.join(" → ") || "（无）"} → 标识排序`,
      en: `first this collective's expropriated, uninsured members, ${other.value ? "then other collectives'" : "no other collectives"}; within a tier by ${order.join(" → ") || "(none)"} → id`,
    },
    children: [check.trace],
  });
  return { places, assigned, waiting, excluded, remaining, procedureCompletedOn: completedOn, trace };
}
