import * as z from "zod";
import { MAX_RECIPIENTS } from "../allocation/allocateMinorUnits";
import { defineErrors } from "../errors/errors";
import type { Dec } from "../internal/decimal";
import { largestRemainderBig, largestRemainderNumber } from "../internal/largestRemainder";
import type { Selection } from "../internal/select";
import { countSchema, nonNegativeDecimalSchema } from "../validation/decimal";
import { addIssue, parseInput, plainObject } from "../validation/parse";
import { divisorApportion } from "./divisor";

/**
 * The apportionment methods (分配方法). `"hamilton"` is largest remainder
 * (最大余数法); the others are divisor methods: `"jefferson"` (D'Hondt,
 * 洪德法, divisor s+1), `"webster"` (Sainte-Laguë, 圣拉格法, s+½), `"adams"`
 * (s) and `"huntington-hill"` (√(s(s+1))).
 */
export type ApportionMethod = "hamilton" | "jefferson" | "webster" | "adams" | "huntington-hill";

/** Every {@link ApportionMethod}, in documentation order. */
export const APPORTION_METHODS: readonly ApportionMethod[] = Object.freeze([
  "hamilton",
  "jefferson",
  "webster",
  "adams",
  "huntington-hill",
] as const);

/** Options of {@link apportion}. */
export interface ApportionOptions {
  /** The method; default `"hamilton"`. */
  readonly method?: ApportionMethod;
  /** Per-recipient minimum seats (保底名额), `null` for none; same length as the weights. */
  readonly min?: readonly (number | null)[];
  /** Per-recipient maximum seats (名额上限), `null` for none; same length as the weights. */
  readonly max?: readonly (number | null)[];
}

/**
 * A tie that decided places: the recipients in `among` had exactly the same
 * claim to the last `places` places and could not all have one. The places
 * went to the lowest indices (`awarded`).
 */
export interface ApportionTie {
  /** Indices that tied, ascending. */
  readonly among: number[];
  /** Of those, the ones that got the place(s): the lowest indices, ascending. */
  readonly awarded: number[];
  /** How many places the tie decided (`awarded.length`). */
  readonly places: number;
}

/** Result of {@link apportion}. */
export interface ApportionResult {
  /** Whole places per recipient, in input order; they add up to `places`. */
  readonly seats: number[];
  /** Ties that decided places (empty when the result did not depend on the tie rule). */
  readonly ties: ApportionTie[];
}

const boundsSchema = z.array(countSchema.nullable()).max(MAX_RECIPIENTS);

const optionsObject = z.strictObject({
  method: z.enum(["hamilton", "jefferson", "webster", "adams", "huntington-hill"]).optional(),
  min: boundsSchema.optional(),
  max: boundsSchema.optional(),
});

/** Options must be a plain object: an inherited `method` (`{ __proto__: … }`), a Date or a Map is refused, not read. */
const optionsSchema = plainObject(optionsObject);

/**
 * The zod schema of {@link apportion}'s arguments `{ places, weights, options }`:
 * `places` a non-negative safe integer, `weights` 1 to 10,000,000 non-negative
 * decimals (numbers or decimal strings, read exactly), `options` a strict
 * object (unknown keys refused) whose `min`/`max` arrays, when given, have one
 * entry (a non-negative safe integer or `null`) per weight.
 */
export const apportionInputSchema = z
  .strictObject({
    places: countSchema,
    weights: z.array(nonNegativeDecimalSchema).min(1).max(MAX_RECIPIENTS),
    options: optionsSchema.optional(),
  })
  .superRefine(checkLengths);

/**
 * The same schema for the common case of integer weights given as numbers:
 * it accepts exactly the inputs {@link apportionInputSchema} accepts when every
 * weight is a non-negative safe integer, without building a Decimal per weight.
 */
const integerInputSchema = z
  .strictObject({
    places: countSchema,
    weights: z.array(countSchema).min(1).max(MAX_RECIPIENTS),
    options: optionsSchema.optional(),
  })
  .superRefine(checkLengths);

function checkLengths(
  v: {
    weights: readonly unknown[];
    options?: { min?: readonly unknown[] | undefined; max?: readonly unknown[] | undefined } | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  for (const key of ["min", "max"] as const) {
    const b = v.options?.[key];
    if (b && b.length !== v.weights.length) {
      addIssue(
        ctx,
        `${key} 有 ${b.length} 项，而权重有 ${v.weights.length} 项`,
        `${key} has ${b.length} entries for ${v.weights.length} weights`,
        ["options", key],
        "length_mismatch",
      );
    }
  }
}

function allSafeIntegers(ws: unknown): ws is readonly number[] {
  if (!Array.isArray(ws)) return false;
  for (let i = 0; i < ws.length; i++) {
    const w: unknown = ws[i];
    if (typeof w !== "number" || !Number.isSafeInteger(w) || w < 0) return false;
  }
  return true;
}

const fail = defineErrors({
  INFEASIBLE_BOUNDS: {
    zh: (d: { index: number; min: number; max: number; by: string }) =>
      `第 ${d.index} 个对象的最少名额 ${d.min} 高于最多名额 ${d.max}，超出 ${d.by}`,
    en: (d: { index: number; min: number; max: number; by: string }) =>
      `recipient ${d.index} has min ${d.min} above max ${d.max}, by ${d.by}`,
  },
  INFEASIBLE_MIN: {
    zh: (d: { minSum: string; places: number; by: string }) =>
      `最少名额合计 ${d.minSum} 超过名额总数 ${d.places}，超出 ${d.by}`,
    en: (d: { minSum: string; places: number; by: string }) =>
      `the minimums add up to ${d.minSum}, more than the ${d.places} places, by ${d.by}`,
  },
  ALL_ZERO_WEIGHTS: {
    zh: (d: { places: number; by: string }) => `所有权重均为零，尚有 ${d.by} 个名额（共 ${d.places} 个）无处分配`,
    en: (d: { places: number; by: string }) =>
      `all weights are zero: ${d.by} of the ${d.places} places have nowhere to go`,
  },
  INFEASIBLE_MAX: {
    zh: (d: { reachable: string; places: number; by: string }) =>
      `最多名额合计（零权重者按最少名额计）${d.reachable} 少于名额总数 ${d.places}，差 ${d.by}`,
    en: (d: { reachable: string; places: number; by: string }) =>
      `the maximums (minimums for zero weights) add up to ${d.reachable}, fewer than the ${d.places} places, by ${d.by}`,
  },
});

/** Exact integer form of decimals with a common scale: value·10^scale. */
function scaleWeights(ws: readonly Dec[]): bigint[] {
  let scale = 0;
  for (const w of ws) scale = Math.max(scale, w.decimalPlaces());
  return ws.map((w) => {
    const s = w.toFixed();
    const dot = s.indexOf(".");
    return dot < 0 ? BigInt(s + "0".repeat(scale)) : BigInt(s.slice(0, dot) + s.slice(dot + 1).padEnd(scale, "0"));
  });
}

function tiesOf(sel: Selection): ApportionTie[] {
  return sel.tiedAmong.length === 0
    ? []
    : [{ among: [...sel.tiedAmong], awarded: [...sel.tiedAwarded], places: sel.tiedAwarded.length }];
}

/**
 * Apportions whole places (名额分配: quota slots, seats, shares) in proportion
 * to non-negative weights, by largest remainder (Hamilton, the default) or a
 * divisor method (Jefferson/D'Hondt, Webster/Sainte-Laguë, Adams,
 * Huntington–Hill), with optional per-recipient minimum and maximum. The seats
 * add up to `places` exactly; weights are compared exactly (decimal strings
 * and numbers are scaled to integers, never rounded).
 *
 * - **Hamilton**: each gets the floor of its exact quota `places·w/Σw`; the
 *   places left go to the largest remainders. With bounds the quotas are
 *   first clamped by water-filling (what a maximum cuts off or a minimum adds
 *   is shared by the others in proportion to their weights, until stable).
 * - **Divisor methods**: every recipient starts at its minimum; each further
 *   place goes to the highest priority `w / d(s)` where `s` is the seats held
 *   and `d(s)` is `s+1` (Jefferson), `s+½` (Webster), `s` (Adams) or
 *   `√(s(s+1))` (Huntington–Hill, compared exactly through squares), never past
 *   a maximum. Adams and Huntington–Hill give every positive weight a first
 *   seat before anyone gets a second (priority `w/0` = ∞). When there are fewer
 *   places than positive weights, those infinite priorities are all equal: it
 *   is a tie, settled by the rule below and reported.
 * - **Ties**: equal claims go to the lower index (input order). Whenever that
 *   rule decided a place, `ties` says who tied, who got the place(s) and how
 *   many places it decided.
 * - A zero weight gets its minimum (0 by default) and never more.
 *
 * @param places - the number of places, a non-negative safe integer
 * @param weights - one non-negative weight per recipient (numbers or decimal strings)
 * @param options - `method`, `min`, `max` (see {@link ApportionOptions})
 * @returns `{ seats, ties }`: seats in input order, adding up to `places`
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (places not a
 *   non-negative safe integer; a weight negative, NaN, ±Infinity or not a decimal;
 *   no weights; `min`/`max` of the wrong length; an unknown method or option key)
 * @throws {@link PolicyError} `INFEASIBLE_BOUNDS` (a min above its max),
 *   `INFEASIBLE_MIN` (Σmin > places), `ALL_ZERO_WEIGHTS` (places left over and
 *   every weight zero), `INFEASIBLE_MAX` (the maximums, and the minimums of
 *   zero weights, cannot absorb the places); each with `details.by`, the
 *   number of places by which it is infeasible, as a decimal string
 * @example
 * ```ts
 * import { apportion } from "@sannong/core";
 * apportion(10, [5, 3, 2]).seats; // → [5, 3, 2]
 * apportion(8, [100000, 80000, 30000, 20000], { method: "jefferson" }).seats; // → [4, 3, 1, 0]
 * apportion(8, [100000, 80000, 30000, 20000], { method: "adams" }).seats; // → [3, 3, 1, 1]
 * apportion(1, [1, 1]); // → { seats: [1, 0], ties: [{ among: [0, 1], awarded: [0], places: 1 }] }
 * apportion(5, [1, 1, 1], { method: "webster", min: [3, null, null] }).seats; // → [3, 1, 1]
 * ```
 * @remarks Implements CORE-APPORTION-1 (core.md).
 */
export function apportion(
  places: number,
  weights: readonly (number | string)[],
  options?: ApportionOptions,
): ApportionResult {
  const raw = options === undefined ? { places, weights } : { places, weights, options };
  let input: { places: number; options?: z.output<typeof optionsObject> | undefined };
  let wb: bigint[];
  if (allSafeIntegers(weights)) {
    const parsed = parseInput(integerInputSchema, raw, "apportion");
    input = parsed;
    wb = parsed.weights.map((w) => BigInt(w));
  } else {
    const parsed = parseInput(apportionInputSchema, raw, "apportion");
    input = parsed;
    wb = scaleWeights(parsed.weights);
  }
  const opts = input.options ?? {};
  const method = opts.method ?? "hamilton";
  const n = wb.length;
  const T = input.places;
  const minIn = opts.min;
  const maxIn = opts.max;
  const hasBounds = Boolean(minIn?.some((x) => x !== null && x !== 0) || maxIn?.some((x) => x !== null));

  let minSum = 0n;
  let reach = 0n;
  let unbounded = false;
  let anyPositive = false;
  for (let i = 0; i < n; i++) {
    const lo = minIn?.[i] ?? 0;
    const hi = maxIn?.[i] ?? null;
    if (hi !== null && lo > hi)
      fail("INFEASIBLE_BOUNDS", { index: i, min: lo, max: hi, by: String(lo - hi) }, ["options", "min", i]);
    minSum += BigInt(lo);
    if (wb[i] === 0n) reach += BigInt(lo);
    else {
      anyPositive = true;
      if (hi === null) unbounded = true;
      else reach += BigInt(hi);
    }
  }
  const P = BigInt(T);
  if (minSum > P)
    fail("INFEASIBLE_MIN", { minSum: String(minSum), places: T, by: String(minSum - P) }, ["options", "min"]);
  if (!anyPositive && P > minSum) fail("ALL_ZERO_WEIGHTS", { places: T, by: String(P - minSum) }, ["weights"]);
  if (!unbounded && reach < P)
    fail("INFEASIBLE_MAX", { reachable: String(reach), places: T, by: String(P - reach) }, ["options", "max"]);

  // Every weight zero (and places = Σmin): each recipient gets its minimum.
  if (!anyPositive) return { seats: Array.from({ length: n }, (_, i) => minIn?.[i] ?? 0), ties: [] };

  if (method === "hamilton") {
    if (!hasBounds && wb.every((w) => w <= BigInt(Number.MAX_SAFE_INTEGER))) {
      const fast = largestRemainderNumber(T, wb.map(Number));
      if (fast) return { seats: Array.from(fast.parts), ties: tiesOf(fast.selection) };
    }
    const toBig = (b: readonly (number | null)[] | undefined): (bigint | null)[] | undefined =>
      b?.map((x) => (x === null ? null : BigInt(x)));
    const big = hasBounds ? largestRemainderBig(P, wb, toBig(minIn), toBig(maxIn)) : largestRemainderBig(P, wb);
    return { seats: big.parts.map(Number), ties: tiesOf(big.selection) };
  }

  const lo = new Float64Array(n);
  const hi = new Float64Array(n).fill(Infinity);
  if (minIn) for (let i = 0; i < n; i++) lo[i] = minIn[i] ?? 0;
  if (maxIn) for (let i = 0; i < n; i++) hi[i] = maxIn[i] ?? Infinity;
  const out = divisorApportion({ method, places: T, wf: Float64Array.from(wb, Number), wb, lo, hi });
  return {
    seats: Array.from(out.seats),
    ties: out.tie ? [{ among: out.tie.among, awarded: out.tie.awarded, places: out.tie.awarded.length }] : [],
  };
}
