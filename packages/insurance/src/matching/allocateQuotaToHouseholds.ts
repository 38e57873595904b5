import * as z from "zod";
import {
  addIssue,
  apportion,
  countSchema,
  idSchema,
  legalDateSchema,
  paramAt,
  parseInput,
  traceStep,
  type ApportionMethod,
  type LegalDate,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { fastPrepare, prepare, type Prepared } from "../internal/fastHouseholds";
import { fastAreaSchema } from "../internal/land";
import { memberReasons, memberSchema, REASON_TEXT, type IneligibilityReason } from "../internal/member";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import { P } from "../parameters";
import { RULES } from "../rules";

/** Most households one village call accepts. */
const MAX_HOUSEHOLDS = 1_000_000;

const householdSchema = z.strictObject({
  id: idSchema,
  /** 承包地中被征收的耕地和其他农用地: `{ value, unit }` or a bare number of 亩. */
  landLost: fastAreaSchema,
  /** The household's members (needed to check choices). */
  members: z.array(memberSchema).max(1000).optional(),
  /** The members the household chose (户内选择), by id, in order of preference; absent while the household has not chosen. */
  chosen: z.array(idSchema).max(1000).optional(),
});

/** Duplicate household ids, member ids (within and across households) and repeated choices. */
function checkHouseholds(hs: readonly z.output<typeof householdSchema>[], ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  const members = new Map<string, number>();
  hs.forEach((h, i) => {
    if (ids.has(h.id))
      addIssue(ctx, `重复的户标识 “${h.id}”`, `duplicate household id "${h.id}"`, [i, "id"], "duplicate_id");
    ids.add(h.id);
    h.members?.forEach((m, j) => {
      const other = members.get(m.id);
      if (other === i)
        addIssue(
          ctx,
          `本户成员标识重复 “${m.id}”`,
          `duplicate member id "${m.id}" in the household`,
          [i, "members", j, "id"],
          "duplicate_id",
        );
      else if (other !== undefined)
        addIssue(
          ctx,
          `成员 “${m.id}” 同时属于两户`,
          `member "${m.id}" belongs to two households`,
          [i, "members", j, "id"],
          "duplicate_id",
        );
      members.set(m.id, i);
    });
    if (h.chosen && h.chosen.length > 1) {
      const chosen = new Set<string>();
      h.chosen.forEach((c, j) => {
        if (chosen.has(c))
          addIssue(ctx, `重复选择成员 “${c}”`, `member "${c}" is chosen twice`, [i, "chosen", j], "duplicate_id");
        chosen.add(c);
      });
    }
  });
}

/** The input schema of {@link allocateQuotaToHouseholds} (strict: unknown keys are rejected). */
export const allocateQuotaToHouseholdsInputSchema = z.strictObject({
  /** The village's places (e.g. `computeLandQuota(...).quota`). */
  quota: countSchema,
  /** The date the list is drawn up: ages are taken on it and parameters read on it. */
  asOf: legalDateSchema,
  /** Apportionment method; the parameter `insurance.match.apportionMethod` (Hamilton) when absent. */
  method: z.enum(["hamilton", "jefferson", "webster", "adams", "huntington-hill"]).optional(),
  households: z.array(householdSchema).min(1).max(MAX_HOUSEHOLDS).superRefine(checkHouseholds),
});

/** The input of {@link allocateQuotaToHouseholds}. */
export type AllocateQuotaToHouseholdsInput = z.input<typeof allocateQuotaToHouseholdsInputSchema>;

/** A rejected choice and why (INS-MATCH-2). */
export interface RejectedChoice {
  readonly memberId: string;
  readonly reasons: readonly IneligibilityReason[];
  readonly zh: string;
  readonly en: string;
}

/** One household's places and choices. */
export interface HouseholdPlaces {
  readonly id: string;
  /** Land lost in 亩 (exact decimal string). */
  readonly landLostMu: string;
  /** Places apportioned to the household. */
  readonly places: number;
  /** `awaiting-choice` (no choice made yet), `filled`, or `partly-filled` (fewer valid choices than places). */
  readonly status: "awaiting-choice" | "filled" | "partly-filled";
  /** Accepted choices, in order of preference. */
  readonly insured: readonly string[];
  readonly rejected: readonly RejectedChoice[];
  /** Places the household did not fill although it chose: they go to the surplus (节余指标). */
  readonly surplus: number;
}

/** The result of {@link allocateQuotaToHouseholds}. */
export interface AllocateQuotaToHouseholdsResult {
  readonly method: ApportionMethod;
  /** In input order; the places add up to the quota. */
  readonly households: readonly HouseholdPlaces[];
  /** Places filled by accepted choices. */
  readonly filled: number;
  /** Places left unfilled by households that chose (for INS-MATCH-3). */
  readonly surplus: number;
  /** Places of households that have not chosen yet. */
  readonly awaiting: number;
  /** Ties the apportionment had to break (households by id; the lower id won). */
  readonly ties: readonly {
    readonly among: readonly string[];
    readonly awarded: readonly string[];
    readonly places: number;
  }[];
  readonly trace: TraceNode;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The shared empty list of households that have not chosen (frozen). */
const NONE: readonly never[] = Object.freeze([]);

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return false;
  return true;
}

/**
 * Apportions a village's insurance places to the households whose contracted
 * land was expropriated (人地对应、征收谁安置谁), in proportion to the land each
 * lost, by a declared method (Hamilton by default; core `apportion`). Each
 * household then chooses among its own eligible members (户内选择): a choice of
 * a member under 16, already insured, not a member of the collective or not in
 * the household is rejected with its reasons, and valid choices beyond the
 * household's places are rejected in the order given. Places a household does
 * not fill go to the surplus (INS-MATCH-3).
 *
 * Households are apportioned in id order, so the result does not depend on the
 * order of the input: a tie goes to the lower id (code-unit order) and is
 * reported in `ties`.
 *
 * @param input - `quota`, `asOf`, `method?`, `households [{ id, landLost, members?, chosen? }]`
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet`
 * @returns `{ method, households, filled, surplus, awaiting, ties, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (duplicate
 *   household or member ids, a member in two households, a member chosen twice,
 *   bad areas or dates, unknown keys);
 *   {@link PolicyError} `ALL_ZERO_WEIGHTS` when places are to be given but no household lost land
 * @example
 * ```ts
 * import { allocateQuotaToHouseholds } from "@sannong/insurance";
 * const r = allocateQuotaToHouseholds({ quota: 5, asOf: "2024-06-01", households: [
 *   { id: "h1", landLost: 6 }, { id: "h2", landLost: 3 }, { id: "h3", landLost: { value: 1000, unit: "sqm" } },
 * ] });
 * // quotas 2.857…, 1.428…, 0.714…: floors 2, 1, 0; the two places left go to the largest remainders, h1 and h3
 * r.households.map((h) => h.places); // → [3, 1, 1]
 * ```
 * @remarks Implements INS-MATCH-1, INS-MATCH-2 (002 §三(三)).
 */
export function allocateQuotaToHouseholds(
  input: AllocateQuotaToHouseholdsInput,
  options?: InsuranceOptions,
): AllocateQuotaToHouseholdsResult {
  // The fast path gives what the schema gives for the common large input; the schema is the reference.
  const data: Prepared =
    fastPrepare(input) ?? prepare(parseInput(allocateQuotaToHouseholdsInputSchema, input, "allocateQuotaToHouseholds"));
  const set = resolveParameters(options, "allocateQuotaToHouseholds");
  const asOf: LegalDate = data.asOf;
  const used: ParameterUse[] = [];
  let method = data.method;
  if (method === undefined) {
    const u = paramAt<ApportionMethod>(set, P.apportionMethod, asOf);
    used.push(u);
    method = u.value;
  }
  const minAge = paramAt<number>(set, P.minAge, asOf);
  used.push(minAge);

  const { ids, mu, weights, choices } = data;
  const n = ids.length;
  // Apportion in id order (so the input order never decides a tie); skip the permutation when already sorted.
  const sorted = isSorted(ids);
  let order: number[] | null = null;
  if (!sorted) {
    order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => byId(ids[a]!, ids[b]!));
  }
  const { seats, ties } = apportion(
    data.quota,
    order ? order.map((i) => weights[i]!) : (weights as (number | string)[]),
    method === "hamilton" ? undefined : { method },
  );
  let places = seats;
  if (order) {
    places = new Array<number>(n);
    for (let k = 0; k < n; k++) places[order[k]!] = seats[k]!;
  }
  const pos = (k: number): number => (order ? order[k]! : k);

  let filled = 0;
  let surplus = 0;
  let awaiting = 0;
  const households = new Array<HouseholdPlaces>(n);
  for (let i = 0; i < n; i++) {
    const p = places[i]!;
    const ch = choices?.[i];
    if (ch?.chosen === undefined) {
      awaiting += p;
      households[i] = {
        id: ids[i]!,
        landLostMu: mu[i]!,
        places: p,
        status: "awaiting-choice",
        insured: NONE,
        rejected: NONE,
        surplus: 0,
      };
      continue;
    }
    const members = new Map((ch.members ?? []).map((m) => [m.id, m]));
    const insured: string[] = [];
    const rejected: RejectedChoice[] = [];
    for (const c of ch.chosen) {
      const m = members.get(c);
      const reasons: IneligibilityReason[] =
        m === undefined ? ["NOT_IN_HOUSEHOLD"] : memberReasons(m, asOf, minAge.value);
      if (reasons.length === 0 && insured.length >= p) reasons.push("NO_PLACE_LEFT");
      if (reasons.length === 0) insured.push(c);
      else
        rejected.push({
          memberId: c,
          reasons,
          zh: reasons.map((r) => REASON_TEXT[r].zh).join("；"),
          en: reasons.map((r) => REASON_TEXT[r].en).join("; "),
        });
    }
    const left = p - insured.length;
    filled += insured.length;
    surplus += left;
    households[i] = {
      id: ids[i]!,
      landLostMu: mu[i]!,
      places: p,
      status: left === 0 ? "filled" : "partly-filled",
      insured,
      rejected,
      surplus: left,
    };
  }

  const tieIds = ties.map((t) => ({
    among: t.among.map((k) => ids[pos(k)]!),
    awarded: t.awarded.map((k) => ids[pos(k)]!),
    places: t.places,
  }));
  const rejectedCount = households.reduce((a, h) => a + h.rejected.length, 0);
  const trace = traceStep(RULES["INS-MATCH-1"], {
    inputs: { quota: data.quota, asOf, households: n, method },
    parameters: used,
    output: { filled, surplus, awaiting, ties: tieIds },
    note: {
      zh: `按各户被征收承包地面积（亩）用 ${method} 法分配 ${data.quota} 个名额；按户标识排序后分配，同分时标识在前者得`,
      en: `${data.quota} places apportioned by land lost (亩) with the ${method} method; households in id order, a tie goes to the lower id`,
    },
    children: [
      traceStep(RULES["INS-MATCH-2"], {
        inputs: { minAge: minAge.value },
        output: { accepted: filled, rejected: rejectedCount },
        note: {
          zh: "户内选择须为本户、已满最低年龄、本集体成员、尚未参保的成员；超出名额的选择按顺序不予接受",
          en: "a choice must be a member of the household, of the minimum age, a member of the collective and not yet insured; choices beyond the places are refused in order",
        },
      }),
    ],
  });
  return { method, households, filled, surplus, awaiting, ties: tieIds, trace };
}
