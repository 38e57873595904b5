import * as z from "zod";
import {
  legalDateSchema,
  paramAt,
  parseInput,
  traceStep,
  type LegalDate,
  type ParameterUse,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { ageOn } from "../internal/age";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import {
  GOVERNMENT_LEVELS,
  governmentLevelSchema,
  landTypeSchema,
  P,
  type GovernmentLevel,
  type LandType,
} from "../parameters";
import { RULES } from "../rules";

const decisionSchema = z.strictObject({ level: governmentLevelSchema, date: legalDateSchema });

/** The input schema of {@link checkQuotaEligibility} (strict: unknown keys are rejected). */
export const checkQuotaEligibilityInputSchema = z.strictObject({
  /** The date the gates are checked on. */
  asOf: legalDateSchema,
  expropriation: z.strictObject({
    /** 征地时间 */
    date: legalDateSchema,
    /** 征地批准: the approving government's level and the approval date; absent when not (yet) approved. */
    approval: decisionSchema.optional(),
    /** 地类: the land types taken. */
    landTypes: z.array(landTypeSchema).min(1),
  }),
  /** 重点工程: a county-or-higher decision to enrol before the expropriation is approved. */
  keyProjectDecision: decisionSchema.optional(),
  /** 参保对象: the person, when a person is checked too. */
  person: z
    .strictObject({
      birthDate: legalDateSchema,
      collectiveMember: z.boolean(),
      alreadyInsured: z.boolean(),
      /** 承包地中有被征收的耕地或其他农用地 */
      contractedLandExpropriated: z.boolean(),
    })
    .optional(),
});

/** The input of {@link checkQuotaEligibility}. */
export type CheckQuotaEligibilityInput = z.input<typeof checkQuotaEligibilityInputSchema>;

/** A gate of 准入门槛 (002 §三(一)). */
export type EligibilityGate =
  | "time"
  | "approval"
  | "landType"
  | "person.age"
  | "person.membership"
  | "person.notInsured"
  | "person.landLost";

/** The outcome of one gate. */
export interface GateResult {
  readonly gate: EligibilityGate;
  readonly passed: boolean;
  /** Stable code: `OK`, `KEY_PROJECT_DECISION`, or the failure code. */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** The result of {@link checkQuotaEligibility}. */
export interface CheckQuotaEligibilityResult {
  /** True when every gate passes. */
  readonly eligible: boolean;
  /** Every gate checked, in a fixed order. */
  readonly gates: readonly GateResult[];
  /** The gates that fail (all of them, not only the first). */
  readonly failures: readonly GateResult[];
  /** How the approval gate passed: a qualifying approval, a key-project decision, or not at all. */
  readonly approvalBasis: "approval" | "key-project" | null;
  readonly trace: TraceNode;
}

const rank = (l: GovernmentLevel): number => GOVERNMENT_LEVELS.indexOf(l);
const LEVEL_ZH: Record<GovernmentLevel, string> = /*#__PURE__*/ deepFreeze({
  village: "村",
  township: "乡镇",
  county: "县级",
  city: "市级",
  province: "省级",
  "state-council": "国务院",
});

/**
 * Checks the eligibility gates (准入门槛) of an expropriation, and optionally of
 * a person, for land-expropriated farmers' insurance: the expropriation time
 * is within the policy window, the expropriation is approved at provincial
 * level or above (or, for a key project, a county-or-higher government decided
 * to enrol before approval), the land type is within scope (耕地和其他农用地),
 * and the person is 16 or over, a member of the collective, not yet insured and
 * lost contracted land. Every failing gate is listed, not only the first.
 *
 * @param input - `asOf`, `expropriation { date, approval?, landTypes }`, `keyProjectDecision?`, `person?`
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet`
 * @returns `{ eligible, gates, failures, approvalBasis, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input
 * @example
 * ```ts
 * import { checkQuotaEligibility } from "@sannong/insurance";
 * const r = checkQuotaEligibility({ asOf: "2024-05-01",
 *   expropriation: { date: "2024-03-01", landTypes: ["cultivated"] },
 *   keyProjectDecision: { level: "township", date: "2024-04-01" } });
 * r.failures.map((f) => f.code); // → ["KEY_PROJECT_DECISION_LEVEL_TOO_LOW"]
 * ```
 * @remarks Implements INS-QUOTA-4 (002 §三(一), §三(二)).
 */
export function checkQuotaEligibility(
  input: CheckQuotaEligibilityInput,
  options?: InsuranceOptions,
): CheckQuotaEligibilityResult {
  const data = parseInput(checkQuotaEligibilityInputSchema, input, "checkQuotaEligibility");
  const set = resolveParameters(options, "checkQuotaEligibility");
  const asOf: LegalDate = data.asOf;
  const windowUse = paramAt<{ from: string | null; until: string | null }>(set, P.window, asOf);
  const approvalUse = paramAt<GovernmentLevel>(set, P.minApprovalLevel, asOf);
  const keyUse = paramAt<GovernmentLevel>(set, P.keyProjectLevel, asOf);
  const typesUse = paramAt<readonly LandType[]>(set, P.landTypes, asOf);
  const used: ParameterUse[] = [windowUse, approvalUse, keyUse, typesUse];
  const gates: GateResult[] = [];
  const pass = (gate: EligibilityGate, zh: string, en: string, code = "OK"): void =>
    void gates.push({ gate, passed: true, code, zh, en });
  const deny = (gate: EligibilityGate, code: string, zh: string, en: string): void =>
    void gates.push({ gate, passed: false, code, zh, en });

  // 征地时间
  const e = data.expropriation;
  const w = windowUse.value;
  if (w.from !== null && e.date < w.from)
    deny(
      "time",
      "EXPROPRIATION_BEFORE_WINDOW",
      `征地时间 ${e.date} 早于政策起始日 ${w.from}`,
      `expropriated on ${e.date}, before the policy window starts (${w.from})`,
    );
  else if (w.until !== null && e.date > w.until)
    deny(
      "time",
      "EXPROPRIATION_AFTER_WINDOW",
      `征地时间 ${e.date} 晚于政策截止日 ${w.until}`,
      `expropriated on ${e.date}, after the policy window ends (${w.until})`,
    );
  else
    pass(
      "time",
      w.from === null && w.until === null ? "未设定征地时间范围" : "征地时间在政策范围内",
      w.from === null && w.until === null
        ? "no expropriation-time window declared"
        : "expropriation time within the policy window",
    );

  // 征地要求：省级以上批准，或重点工程经县级以上政府决定
  let approvalBasis: "approval" | "key-project" | null = null;
  const minLevel = approvalUse.value;
  const approved = e.approval !== undefined && e.approval.date <= asOf && rank(e.approval.level) >= rank(minLevel);
  if (approved) {
    approvalBasis = "approval";
    pass(
      "approval",
      `已经${LEVEL_ZH[e.approval!.level]}政府批准（${e.approval!.date}）`,
      `approved by the ${e.approval!.level} government on ${e.approval!.date}`,
    );
  } else {
    const why =
      e.approval === undefined
        ? { code: "NOT_APPROVED", zh: "征地尚未批准", en: "the expropriation is not approved" }
        : e.approval.date > asOf
          ? {
              code: "NOT_APPROVED",
              zh: `征地批准日 ${e.approval.date} 晚于 ${asOf}`,
              en: `the approval (${e.approval.date}) is after ${asOf}`,
            }
          : {
              code: "APPROVAL_LEVEL_TOO_LOW",
              zh: `征地由${LEVEL_ZH[e.approval.level]}政府批准，须${LEVEL_ZH[minLevel]}以上`,
              en: `approved by the ${e.approval.level} government; ${minLevel} or higher is required`,
            };
    const k = data.keyProjectDecision;
    if (k === undefined) deny("approval", why.code, why.zh, why.en);
    else if (rank(k.level) < rank(keyUse.value)) {
      deny(
        "approval",
        "KEY_PROJECT_DECISION_LEVEL_TOO_LOW",
        `${why.zh}；重点工程提前参保须由${LEVEL_ZH[keyUse.value]}以上政府决定，实际为${LEVEL_ZH[k.level]}`,
        `${why.en}; early enrolment for a key project needs a decision of the ${keyUse.value} government or higher, got ${k.level}`,
      );
    } else if (k.date > asOf) {
      deny(
        "approval",
        "KEY_PROJECT_DECISION_AFTER_AS_OF",
        `${why.zh}；重点工程决定日 ${k.date} 晚于 ${asOf}`,
        `${why.en}; the key-project decision (${k.date}) is after ${asOf}`,
      );
    } else {
      approvalBasis = "key-project";
      pass(
        "approval",
        `${why.zh}，但重点工程已由${LEVEL_ZH[k.level]}政府决定提前参保（${k.date}）`,
        `${why.en}, but the ${k.level} government decided early enrolment for a key project on ${k.date}`,
        "KEY_PROJECT_DECISION",
      );
    }
  }

  // 地类范围
  const inScope = e.landTypes.filter((t) => typesUse.value.includes(t));
  const outOfScope = e.landTypes.filter((t) => !typesUse.value.includes(t));
  if (inScope.length === 0)
    deny(
      "landType",
      "LAND_TYPE_OUT_OF_SCOPE",
      `地类 ${outOfScope.join("、")} 不在政策范围（${typesUse.value.join("、")}）`,
      `land types ${outOfScope.join(", ")} are outside the policy (${typesUse.value.join(", ")})`,
    );
  else
    pass(
      "landType",
      outOfScope.length ? `${inScope.join("、")} 在政策范围内；${outOfScope.join("、")} 不计入` : "地类在政策范围内",
      outOfScope.length
        ? `${inScope.join(", ")} within the policy; ${outOfScope.join(", ")} do not count`
        : "land types within the policy",
    );

  // 参保对象
  const p = data.person;
  if (p) {
    const minAge = paramAt<number>(set, P.minAge, asOf);
    used.push(minAge);
    const age = ageOn(p.birthDate, asOf);
    if (age < minAge.value)
      deny(
        "person.age",
        "UNDER_MIN_AGE",
        `${age} 周岁，未满 ${minAge.value} 周岁`,
        `aged ${age}, under ${minAge.value}`,
      );
    else pass("person.age", `${age} 周岁`, `aged ${age}`);
    if (p.collectiveMember) pass("person.membership", "本集体经济组织成员", "member of the collective");
    else deny("person.membership", "NOT_COLLECTIVE_MEMBER", "非本集体经济组织成员", "not a member of the collective");
    if (p.alreadyInsured) deny("person.notInsured", "ALREADY_INSURED", "已参保", "already insured");
    else pass("person.notInsured", "尚未参保", "not yet insured");
    if (p.contractedLandExpropriated) pass("person.landLost", "承包地被征收", "contracted land expropriated");
    else
      deny(
        "person.landLost",
        "NO_LAND_EXPROPRIATED",
        "承包地未被征收（人地对应）",
        "no contracted land expropriated (person–land correspondence)",
      );
  }

  const failures = gates.filter((g) => !g.passed);
  const trace = traceStep(RULES["INS-QUOTA-4"], {
    inputs: {
      asOf,
      expropriationDate: e.date,
      approval: e.approval ?? null,
      landTypes: e.landTypes,
      keyProjectDecision: data.keyProjectDecision ?? null,
      person: !!p,
    },
    parameters: used,
    output: {
      eligible: failures.length === 0,
      approvalBasis,
      gates: gates.map((g) => ({ gate: g.gate, passed: g.passed, code: g.code })),
    },
    note: {
      zh: gates.map((g) => `${g.gate}：${g.passed ? "通过" : "不通过"}（${g.zh}）`).join("；"),
      en: gates.map((g) => `${g.gate}: ${g.passed ? "pass" : "fail"} (${g.en})`).join("; "),
    },
  });
  return { eligible: failures.length === 0, gates, failures, approvalBasis, trace };
}
