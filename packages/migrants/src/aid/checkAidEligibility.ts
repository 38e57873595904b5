import * as z from "zod";
import {
  addIssue,
  legalDateSchema,
  money,
  parseInput,
  traceStep,
  type Json,
  type LegalDate,
  type Money,
  type ParameterSet,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { param, parametersOf, type MigrantsOptions } from "../internal/options";
import { RULES } from "../rules";
import {
  aidFactsSchema,
  aidRuleSchema,
  migrantAidRules,
  type AidCondition,
  type AidFacts,
  type AidRule,
} from "./aidRules";

/**
 * Input of {@link checkAidEligibility}: the date whose standards apply, the
 * applicant's facts, and optionally the aid rules (default
 * {@link migrantAidRules}; unique ids).
 */
export const checkAidEligibilityInputSchema = z.strictObject({
  date: legalDateSchema,
  facts: aidFactsSchema,
  rules: z
    .array(aidRuleSchema)
    .min(1)
    .max(1000)
    .superRefine((rs, ctx) => {
      const seen = new Set<string>();
      rs.forEach((r, i) => {
        if (seen.has(r.id))
          addIssue(ctx, `重复的规则 “${r.id}”`, `duplicate rule "${r.id}"`, [i, "id"], "duplicate_id");
        seen.add(r.id);
      });
    })
    .optional(),
});

/** Input of {@link checkAidEligibility}. */
export type CheckAidEligibilityInput = z.input<typeof checkAidEligibilityInputSchema>;

/** A condition as evaluated. */
export interface EvaluatedCondition {
  readonly fact: string;
  readonly op: AidCondition["op"];
  /** The value compared against (a parameter's value when the condition names one). */
  readonly expected: Json;
  /** The applicant's value, or null when the fact is missing. */
  readonly actual: Json;
  readonly holds: boolean | null;
}

/** A rule the applicant qualifies for. */
export interface EligibleAid {
  readonly ruleId: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** The standard in force, or null when none is set (the seed leaves the amount to a later standard) or the rule grants no money. */
  readonly amount: Money | null;
  /** The parameter holding the amount, if any. */
  readonly amountParameter: string | null;
  readonly standardSet: boolean;
}

/** A rule the applicant does not qualify for, with the conditions that failed. */
export interface IneligibleAid {
  readonly ruleId: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly failed: readonly EvaluatedCondition[];
}

/** A rule that cannot be decided because facts are missing. */
export interface UndeterminedAid {
  readonly ruleId: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** The fact paths that are needed and missing. */
  readonly missing: readonly string[];
}

/** Result of {@link checkAidEligibility}. */
export interface CheckAidEligibilityResult {
  readonly householdId: string;
  readonly date: LegalDate;
  readonly eligible: readonly EligibleAid[];
  readonly ineligible: readonly IneligibleAid[];
  readonly undetermined: readonly UndeterminedAid[];
  readonly trace: TraceNode;
}

function factValue(facts: AidFacts, path: string): unknown {
  let v: unknown = facts;
  for (const k of path.split(".")) {
    if (typeof v !== "object" || v === null || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function evaluate(
  c: AidCondition,
  facts: AidFacts,
  set: ParameterSet,
  date: LegalDate,
  uses: ParameterUse[],
): EvaluatedCondition {
  let expected: unknown = c.value;
  if (typeof c.value === "object" && c.value !== null && !Array.isArray(c.value)) {
    const u = param<unknown>(set, c.value.parameter, date);
    uses.push(u);
    if (typeof u.value !== "number")
      fail("INVALID_PARAMETER", { id: u.id, reason: "a compared limit must be a number" });
    expected = u.value;
  }
  const actual = factValue(facts, c.fact);
  let holds: boolean | null;
  if (actual === undefined) holds = null;
  else
    switch (c.op) {
      case "is":
        holds = actual === expected;
        break;
      case "in":
        holds = (expected as unknown[]).includes(actual);
        break;
      case "includesAny":
        holds = Array.isArray(actual) && (expected as string[]).some((x) => (actual as unknown[]).includes(x));
        break;
      case "atMost":
        holds = typeof actual === "number" && actual <= (expected as number);
        break;
      case "atLeast":
        holds = typeof actual === "number" && actual >= (expected as number);
        break;
    }
  return { fact: c.fact, op: c.op, expected: expected as Json, actual: (actual ?? null) as Json, holds };
}

/**
 * Checks which aid an applicant qualifies for (困难移民帮扶资格), with the aid
 * rules as data (default {@link migrantAidRules}: special relief, education
 * aid, medical-insurance contribution help, public-welfare posts). A rule is
 * eligible when every condition holds, ineligible when one fails (listing the
 * failed conditions), and undetermined when a needed fact is missing — never
 * a silent "no". Amounts are the standards in force on `date`; the seed
 * leaves them to a later standard (另行制定), so by default `amount` is null and
 * `standardSet` false until a local standard is overlaid.
 *
 * @param input - `{ date, facts, rules? }`
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns eligible (with amounts), ineligible (with failed conditions), undetermined (with missing facts), trace
 * @throws {@link ValidationError} `INVALID_INPUT` (unknown fact paths or
 *   causes, duplicate rule ids …); {@link PolicyError} `UNKNOWN_PARAMETER`,
 *   `PARAM_NOT_IN_FORCE`, `INVALID_PARAMETER`
 * @example
 * ```ts
 * import { checkAidEligibility } from "@sannong/migrants";
 * const r = checkAidEligibility({
 *   date: "2024-09-01",
 *   facts: { householdId: "H1", lowIncome: true, hardship: true, hardshipCauses: ["illness"],
 *            person: { id: "P1", age: 17, childOfHousehold: true, schooling: "senior-secondary" } },
 * });
 * r.eligible.map((e) => e.ruleId); // → ["special-relief", "education-senior-secondary"]
 * // standard not set; overlay migrants.aid.specialRelief.amount
 * r.eligible[0]?.amount; // → null
 * ```
 * @remarks Implements MIG-AID-1 (004 §二(一)2).
 */
export function checkAidEligibility(
  input: CheckAidEligibilityInput,
  options?: MigrantsOptions,
): CheckAidEligibilityResult {
  const d = parseInput(checkAidEligibilityInputSchema, input, "checkAidEligibility");
  const set = parametersOf(options, "checkAidEligibility");
  const rules: readonly AidRule[] = d.rules ?? migrantAidRules;
  const eligible: EligibleAid[] = [];
  const ineligible: IneligibleAid[] = [];
  const undetermined: UndeterminedAid[] = [];
  const children: TraceNode[] = [];
  for (const rule of rules) {
    const uses: ParameterUse[] = [];
    const evaluated = rule.conditions.map((c) => evaluate(c, d.facts, set, d.date, uses));
    const failed = evaluated.filter((e) => e.holds === false);
    const missing = evaluated.filter((e) => e.holds === null).map((e) => e.fact);
    let outcome: Json;
    if (failed.length) {
      ineligible.push({ ruleId: rule.id, label: rule.label, failed });
      outcome = "ineligible";
    } else if (missing.length) {
      undetermined.push({ ruleId: rule.id, label: rule.label, missing: [...new Set(missing)] });
      outcome = "undetermined";
    } else {
      let amount: Money | null = null;
      if (rule.amountParameter !== null) {
        const u = param<unknown>(set, rule.amountParameter, d.date);
        uses.push(u);
        if (u.value !== null) {
          if (typeof u.value !== "string" && typeof u.value !== "number")
            fail("INVALID_PARAMETER", { id: u.id, reason: "an amount must be a decimal string" });
          amount = money(u.value);
        }
      }
      eligible.push({
        ruleId: rule.id,
        label: rule.label,
        amount,
        amountParameter: rule.amountParameter,
        standardSet: amount !== null,
      });
      outcome = "eligible";
    }
    children.push(
      traceStep(
        { id: "MIG-AID-1", citation: rule.citation, label: rule.label },
        {
          inputs: { rule: rule.id },
          parameters: uses,
          output: { outcome, conditions: evaluated as unknown as Json },
        },
      ),
    );
  }
  const trace = traceStep(RULES["MIG-AID-1"], {
    inputs: { householdId: d.facts.householdId, date: d.date, rules: rules.length },
    output: {
      eligible: eligible.map((e) => e.ruleId),
      ineligible: ineligible.map((e) => e.ruleId),
      undetermined: undetermined.map((e) => e.ruleId),
    },
    children,
  });
  return { householdId: d.facts.householdId, date: d.date, eligible, ineligible, undetermined, trace };
}
