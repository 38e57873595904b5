import * as z from "zod";
import {
  addIssue,
  fractionFromDecimal,
  idSchema,
  legalDateSchema,
  parseInput,
  ratioSchema,
  refineUniqueIds,
  traceStep,
  type Decimal,
  type LegalDate,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { drawKey, drawSeeds } from "../internal/hash";
import { isCleanId, isPlainItem, isPlainRecord, without } from "../internal/fast";
import { paramOn, parametersOf, type MigrantsOptions } from "../internal/options";
import { compareCodeUnits, smallestByKey } from "../internal/select";
import { hasDuplicateIds } from "../internal/unique";
import { RULES } from "../rules";

/** Most households one draw accepts (ten million). */
const MAX_HOUSEHOLDS = 10_000_000;

/** A draw seed: a non-empty string (≤ 200 characters) or a non-negative safe integer (`42` and `"42"` draw the same sample). */
export const surveySeedSchema = z.union([
  z.string().min(1).max(200),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
]);

/** One household of the sampling frame: its register id and, for a stratified draw, its stratum (county, village, old reservoir area, low-income …). */
export const surveyHouseholdSchema = z.strictObject({
  id: idSchema,
  stratum: z.string().min(1).max(200).optional(),
});

const householdsSchema = z
  .array(surveyHouseholdSchema)
  .min(1)
  .max(MAX_HOUSEHOLDS)
  .superRefine((hs, ctx) => {
    refineUniqueIds(ctx, hs);
    const first = hs[0]?.stratum !== undefined;
    for (let i = 1; i < hs.length; i++) {
      if ((hs[i]!.stratum !== undefined) !== first) {
        addIssue(
          ctx,
          "分层抽样时每户都要有 stratum，不分层时都不能有",
          "in a stratified draw every household needs a stratum; in a plain draw none may have one",
          [i, "stratum"],
          "mixed_strata",
        );
        break;
      }
    }
  });

const head = {
  rate: ratioSchema.optional(),
  seed: surveySeedSchema,
  date: legalDateSchema.optional(),
};
const headSchema = z.strictObject(head);

/**
 * Input of {@link drawSurveySample}: the households (unique ids, all with a
 * stratum or none), the sampling rate (default: the minimum rate parameter,
 * 5%), the seed, and optionally the date whose parameters apply.
 */
export const drawSurveySampleInputSchema = z.strictObject({ households: householdsSchema, ...head });

/** Input of {@link drawSurveySample}. */
export type DrawSurveySampleInput = z.input<typeof drawSurveySampleInputSchema>;

/** The sample of one stratum. */
export interface SurveyStratumSample {
  readonly stratum: string;
  /** Households of the stratum (N_s). */
  readonly population: number;
  /** ceil(rate × N_s). */
  readonly size: number;
  /** Sampled ids in draw order. */
  readonly sample: readonly string[];
}

/** Result of {@link drawSurveySample}. */
export interface DrawSurveySampleResult {
  /** Households sampled: ceil(rate × N), or Σ ceil(rate × N_s) when stratified. */
  readonly size: number;
  /** Households in the frame (N). */
  readonly population: number;
  /** The rate used, as a decimal string. */
  readonly rate: string;
  /** The seed as text (the draw depends only on this text and the ids). */
  readonly seed: string;
  /** Sampled ids: strata in code-unit order of their names, each in draw order. */
  readonly sample: readonly string[];
  /** Per stratum, in code-unit order of their names (empty when not stratified). */
  readonly byStratum: readonly SurveyStratumSample[];
  readonly trace: TraceNode;
}

type Household = { readonly id: string; readonly stratum?: string | undefined };
type Parsed = {
  households: readonly Household[];
  rate?: Decimal | undefined;
  seed: string | number;
  date?: LegalDate | undefined;
};

/**
 * Fast acceptance of well-formed input (see internal/fast); `undefined` means
 * "let zod decide". Exported for the equivalence test only (not re-exported).
 * @internal
 */
export function fastParseSurveyInput(input: unknown): Parsed | undefined {
  if (!isPlainRecord(input)) return undefined;
  const hs = input["households"];
  if (!Array.isArray(hs) || hs.length === 0 || hs.length > MAX_HOUSEHOLDS) return undefined;
  const h = headSchema.safeParse(without(input, "households"));
  if (!h.success) return undefined;
  const stratified = isPlainItem(hs[0]) && hs[0]["stratum"] !== undefined;
  for (let i = 0; i < hs.length; i++) {
    const x: unknown = hs[i];
    if (!isPlainItem(x)) return undefined;
    for (const k in x) if (k !== "id" && k !== "stratum") return undefined;
    if (!isCleanId(x["id"])) return undefined;
    const s = x["stratum"];
    if (stratified) {
      if (typeof s !== "string" || s.length === 0 || s.length > 200) return undefined;
    } else if (s !== undefined || "stratum" in x) return undefined;
  }
  return { ...h.data, households: hs as Household[] };
}

/** ceil(num × n / den) for a rate num/den. */
function ceilShare(num: bigint, den: bigint, n: number): number {
  const a = num * BigInt(n);
  return Number((a + den - 1n) / den);
}

/**
 * Draws the yearly living-conditions sample (水库移民生产生活状况抽样调查):
 * at least 5% of all migrant households, reproducible from a seed and
 * independent of the order of the input list, optionally stratified.
 *
 * The draw: every household gets the 53-bit key
 * `(murmur3(id, s1) >>> 11) × 2^32 + murmur3(id, s2)`, where `murmur3` is
 * MurmurHash3_x86_32 over the UTF-16LE bytes and `s1`, `s2` are murmur3 of
 * the seed text with seeds 0 and 1; within each stratum the households with
 * the smallest (key, id) are taken (ties of key by id in code-unit order).
 * The size is ceil(rate × N) unstratified and Σ ceil(rate × N_s) stratified.
 * Since the key depends only on (seed, id), the sample depends only on the
 * set of households, never on their order, and no household is drawn twice.
 *
 * @param input - households `[{ id, stratum? }]`, `rate?` (decimal, default the
 *   minimum rate parameter `migrants.survey.minRate` = 0.05), `seed`, `date?`
 *   (the date whose parameters apply; the latest value when absent)
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns size, population, rate, seed text, sample ids, per-stratum samples, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (empty frame, duplicate ids,
 *   strata on some households only, a rate outside [0, 1], a bad seed);
 *   {@link PolicyError} `RATE_BELOW_MINIMUM`
 * @example
 * ```ts
 * import { drawSurveySample } from "@sannong/migrants";
 * const households = Array.from({ length: 1234 }, (_, i) => ({ id: `H${i + 1}` }));
 * const r = drawSurveySample({ households, seed: "2024-survey" });
 * // ceil(0.05 × 1234)
 * r.size; // → 62
 * r.sample.length; // → 62
 * ```
 * @remarks Implements MIG-SURVEY-1 (004 §二(五)2).
 */
export function drawSurveySample(input: DrawSurveySampleInput, options?: MigrantsOptions): DrawSurveySampleResult {
  const data: Parsed =
    fastParseSurveyInput(input) ?? parseInput(drawSurveySampleInputSchema, input, "drawSurveySample");
  const set = parametersOf(options, "drawSurveySample");
  const minUse = paramOn<string>(set, "migrants.survey.minRate", data.date);
  const minRate = ratioSchema.safeParse(minUse.value);
  if (!minRate.success) fail("INVALID_PARAMETER", { id: minUse.id, reason: `not a ratio: ${String(minUse.value)}` });
  const rate = data.rate ?? minRate.data;
  if (rate.lt(minRate.data))
    fail("RATE_BELOW_MINIMUM", { rate: rate.toFixed(), minimum: minRate.data.toFixed() }, ["rate"]);
  const { num, den } = fractionFromDecimal(rate);

  const hs = data.households;
  const n = hs.length;
  const seedText = String(data.seed);
  const seeds = drawSeeds(seedText);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = drawKey(hs[i]!.id, seeds);
  if (hasDuplicateIds(n, (i) => hs[i]!.id, keys)) {
    parseInput(drawSurveySampleInputSchema, input, "drawSurveySample"); // reports the duplicate with its path
    fail("UNEXPECTED", { what: "duplicate ids passed validation" });
  }
  const idOf = (i: number): string => hs[i]!.id;

  const stratified = hs[0]!.stratum !== undefined;
  const groups = new Map<string, number[]>();
  if (stratified) {
    for (let i = 0; i < n; i++) {
      const s = hs[i]!.stratum!;
      const g = groups.get(s);
      if (g) g.push(i);
      else groups.set(s, [i]);
    }
  }
  const rateText = rate.toFixed();
  const children: TraceNode[] = [];
  const byStratum: SurveyStratumSample[] = [];
  const sample: string[] = [];
  if (!stratified) {
    const k = ceilShare(num, den, n);
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    for (const i of smallestByKey(all, keys, idOf, k)) sample.push(idOf(i));
  } else {
    const names = [...groups.keys()].sort(compareCodeUnits);
    for (const name of names) {
      const g = groups.get(name)!;
      const k = ceilShare(num, den, g.length);
      const ids = smallestByKey(g, keys, idOf, k).map(idOf);
      for (const id of ids) sample.push(id);
      byStratum.push({ stratum: name, population: g.length, size: k, sample: ids });
      children.push(
        traceStep(RULES["MIG-SURVEY-1"], {
          inputs: { stratum: name, population: g.length, rate: rateText },
          output: { size: k },
          note: { zh: `ceil(${rateText} × ${g.length}) = ${k}`, en: `ceil(${rateText} × ${g.length}) = ${k}` },
        }),
      );
    }
  }
  const size = sample.length;
  const trace = traceStep(RULES["MIG-SURVEY-1"], {
    inputs: { population: n, rate: rateText, seed: seedText, strata: stratified ? groups.size : 0 },
    parameters: [minUse],
    output: { size },
    note: stratified
      ? {
          zh: `分层抽样：各层 ceil(比例 × 层户数) 之和 = ${size}；每层按 (murmur3 键, 户号) 最小者入样`,
          en: `stratified: Σ ceil(rate × N_s) = ${size}; in each stratum the smallest (murmur3 key, id) are drawn`,
        }
      : {
          zh: `ceil(${rateText} × ${n}) = ${size}；按 (murmur3 键, 户号) 最小者入样`,
          en: `ceil(${rateText} × ${n}) = ${size}; the smallest (murmur3 key, id) are drawn`,
        },
    children,
  });
  return { size, population: n, rate: rateText, seed: seedText, sample, byStratum, trace };
}
