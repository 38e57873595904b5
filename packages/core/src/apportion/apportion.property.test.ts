/**
 * CORE-APPORTION-1 laws, and the fast code checked against plain, obviously
 * correct reference implementations on small random inputs:
 * - divisor methods: seat by seat, each place to the highest exact priority;
 * - Hamilton: exact rational quotas (clamped to the bounds by solving for the
 *   common multiplier over every breakpoint), then a full sort of remainders.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Decimal,
  apportion,
  fractionFromDecimal,
  isSannongError,
  type ApportionMethod,
  type ApportionResult,
  type Fraction,
} from "@sannong/core";
import { divisorApportion, type DivisorMethod } from "./divisor";

const METHODS: readonly ApportionMethod[] = ["hamilton", "jefferson", "webster", "adams", "huntington-hill"];
const DIVISOR: readonly DivisorMethod[] = ["jefferson", "webster", "adams", "huntington-hill"];

type Bound = number | null;
interface Case {
  places: number;
  weights: (number | string)[];
  min?: Bound[];
  max?: Bound[];
}

// ---------- plain exact rationals (bigint pairs, den > 0 unless stated) ----------

interface Q {
  n: bigint;
  d: bigint;
}
const q = (n: bigint, d = 1n): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
const cmpQ = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
const addQ = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const subQ = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mulQ = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const divQ = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const floorQ = (a: Q): bigint => (a.n >= 0n ? a.n / a.d : -((-a.n + a.d - 1n) / a.d));
const fromFraction = (f: Fraction): Q => q(f.num, f.den);

// ---------- reference: divisor methods, seat by seat ----------

/** Priority w/d(s) as num/den; den 0 means +∞. Huntington–Hill gives the square. */
function priority(method: DivisorMethod, w: Q, s: number): { num: bigint; den: bigint } {
  const S = BigInt(s);
  switch (method) {
    case "jefferson":
      return { num: w.n, den: w.d * (S + 1n) };
    case "webster":
      return { num: 2n * w.n, den: w.d * (2n * S + 1n) };
    case "adams":
      return { num: w.n, den: w.d * S };
    case "huntington-hill":
      return { num: w.n * w.n, den: w.d * w.d * S * (S + 1n) };
  }
}
function cmpPriority(a: { num: bigint; den: bigint }, b: { num: bigint; den: bigint }): number {
  if (a.den === 0n || b.den === 0n) return a.den === 0n && b.den === 0n ? 0 : a.den === 0n ? 1 : -1;
  return cmpQ(q(a.num, a.den), q(b.num, b.den));
}

function referenceDivisor(method: DivisorMethod, c: Case): ApportionResult {
  const w = c.weights.map((x) => fromFraction(fractionFromDecimal(x)));
  const n = w.length;
  const lo = w.map((_, i) => c.min?.[i] ?? 0);
  const hi = w.map((_, i) => c.max?.[i] ?? Infinity);
  const seats = [...lo];
  let left = c.places - lo.reduce((a, b) => a + b, 0);
  let last: { num: bigint; den: bigint } | null = null;
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (w[i]!.n === 0n || seats[i]! >= hi[i]!) continue;
      if (best < 0 || cmpPriority(priority(method, w[i]!, seats[i]!), priority(method, w[best]!, seats[best]!)) > 0)
        best = i;
    }
    last = priority(method, w[best]!, seats[best]!);
    seats[best]! += 1;
    left--;
  }
  const ties: ApportionResult["ties"] = [];
  if (last) {
    const among: number[] = [];
    const awarded: number[] = [];
    let open = false;
    for (let i = 0; i < n; i++) {
      if (w[i]!.n === 0n) continue;
      if (seats[i]! > lo[i]! && cmpPriority(priority(method, w[i]!, seats[i]! - 1), last) === 0) {
        among.push(i);
        awarded.push(i);
      } else if (seats[i]! < hi[i]! && cmpPriority(priority(method, w[i]!, seats[i]!), last) === 0) {
        among.push(i);
        open = true;
      }
    }
    if (open) ties.push({ among, awarded, places: awarded.length });
  }
  return { seats, ties };
}

// ---------- reference: Hamilton with clamped exact quotas ----------

function referenceHamilton(c: Case): ApportionResult {
  const w = c.weights.map((x) => fromFraction(fractionFromDecimal(x)));
  const n = w.length;
  const lo = w.map((_, i) => BigInt(c.min?.[i] ?? 0));
  const hi = w.map((_, i) => (c.max?.[i] == null ? null : BigInt(c.max[i]!)));
  if (w.every((x) => x.n === 0n)) return { seats: lo.map(Number), ties: [] };
  const H = q(BigInt(c.places));
  // x_i(t) = clamp(t·w_i, lo_i, hi_i); zero weights stay at lo_i.
  const x = (t: Q): Q[] =>
    w.map((wi, i) => {
      if (wi.n === 0n) return q(lo[i]!);
      const v = mulQ(t, wi);
      if (cmpQ(v, q(lo[i]!)) < 0) return q(lo[i]!);
      if (hi[i] !== null && cmpQ(v, q(hi[i]!)) > 0) return q(hi[i]!);
      return v;
    });
  const F = (t: Q): Q => x(t).reduce(addQ, q(0n));
  const breaks: Q[] = [q(0n)];
  w.forEach((wi, i) => {
    if (wi.n === 0n) return;
    breaks.push(divQ(q(lo[i]!), wi));
    if (hi[i] !== null) breaks.push(divQ(q(hi[i]!), wi));
  });
  breaks.sort(cmpQ);
  let t: Q | null = null;
  for (let k = 0; k < breaks.length; k++) {
    const b = breaks[k]!;
    const Fb = F(b);
    if (cmpQ(Fb, H) >= 0) {
      if (k === 0 || cmpQ(Fb, H) === 0) t = b;
      else {
        const a = breaks[k - 1]!;
        const Fa = F(a);
        t = addQ(a, divQ(mulQ(subQ(H, Fa), subQ(b, a)), subQ(Fb, Fa)));
      }
      break;
    }
  }
  if (t === null) {
    const L = breaks[breaks.length - 1]!;
    const free = w.filter((wi, i) => wi.n !== 0n && hi[i] === null).reduce(addQ, q(0n));
    t = addQ(L, divQ(subQ(H, F(L)), free));
  }
  const xs = x(t);
  const seats = xs.map(floorQ);
  const rem = xs.map((v, i) => subQ(v, q(seats[i]!)));
  const k = c.places - Number(seats.reduce((a, b) => a + b, 0n));
  const order = [...Array(n).keys()].sort((a, b) => cmpQ(rem[b]!, rem[a]!) || a - b);
  const ties: ApportionResult["ties"] = [];
  if (k > 0) {
    const chosen = order.slice(0, k);
    const th = rem[chosen[k - 1]!]!;
    const among = order.filter((i) => cmpQ(rem[i]!, th) === 0).sort((a, b) => a - b);
    const awarded = chosen.filter((i) => cmpQ(rem[i]!, th) === 0).sort((a, b) => a - b);
    if (among.length > awarded.length) ties.push({ among, awarded, places: awarded.length });
    for (const i of chosen) seats[i]! += 1n;
  }
  return { seats: seats.map(Number), ties };
}

function reference(method: ApportionMethod, c: Case): ApportionResult {
  return method === "hamilton" ? referenceHamilton(c) : referenceDivisor(method, c);
}

function run(method: ApportionMethod, c: Case): ApportionResult {
  const options = { method, ...(c.min ? { min: c.min } : {}), ...(c.max ? { max: c.max } : {}) };
  return apportion(c.places, c.weights, options);
}

// ---------- arbitraries ----------

const weightArb: fc.Arbitrary<number | string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 999 }))
      .map(([a, b]) => `${a}.${String(b).padStart(3, "0")}`),
  },
  // beyond 2^53 and with 18 decimals: float64 cannot tell these apart, the code must
  {
    weight: 1,
    arbitrary: fc.bigInt({ min: 9_007_199_254_740_000n, max: 9_007_199_254_741_000n }).map((b) => b.toString()),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }).map((d) => `0.00000000000000000${d}`) },
);

/** A feasible case: Σmin ≤ places ≤ reachable, min ≤ max, some positive weight unless places = Σmin. */
const caseArb = (withBounds: boolean): fc.Arbitrary<Case> =>
  fc
    .integer({ min: 1, max: 7 })
    .chain((n) =>
      fc.record({
        weights: fc.array(weightArb, { minLength: n, maxLength: n }),
        min: withBounds
          ? fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { minLength: n, maxLength: n })
          : fc.constant(undefined),
        extra: withBounds
          ? fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: n, maxLength: n })
          : fc.constant(undefined),
        more: fc.integer({ min: 0, max: 40 }),
      }),
    )
    .map(({ weights, min, extra, more }) => {
      const lo = (i: number): number => min?.[i] ?? 0;
      const max = extra?.map((e, i) => (e === null ? null : lo(i) + e));
      const minSum = weights.reduce<number>((a, _, i) => a + lo(i), 0);
      const positive = (i: number): boolean => fractionFromDecimal(weights[i]!).num !== 0n;
      let reach = 0;
      let unbounded = false;
      weights.forEach((_, i) => {
        if (!positive(i)) reach += lo(i);
        else if (max?.[i] == null) unbounded = true;
        else reach += max[i]!;
      });
      const places = unbounded ? minSum + more : Math.min(reach, minSum + more);
      return { places, weights, ...(min ? { min } : {}), ...(max ? { max } : {}) };
    });

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe("CORE-APPORTION-1 properties", () => {
  it.each(METHODS)("CORE-APPORTION-1: %s equals the plain reference on random inputs without bounds", (method) => {
    fc.assert(
      fc.property(caseArb(false), (c) => {
        expect(run(method, c)).toEqual(reference(method, c));
      }),
      { numRuns: 400 },
    );
  });

  it.each(METHODS)("CORE-APPORTION-1: %s equals the plain reference on random inputs with min and max", (method) => {
    fc.assert(
      fc.property(caseArb(true), (c) => {
        expect(run(method, c)).toEqual(reference(method, c));
      }),
      { numRuns: 400 },
    );
  });

  it.each(DIVISOR)(
    "CORE-APPORTION-1: %s exact repair reaches the reference result from any starting allocation",
    (method) => {
      const arb = caseArb(true).chain((c) =>
        fc.tuple(
          fc.constant(c),
          fc.array(fc.integer({ min: 0, max: 60 }), { minLength: c.weights.length, maxLength: c.weights.length }),
        ),
      );
      fc.assert(
        fc.property(arb, ([c, raw]) => {
          const w = c.weights.map((x) => fractionFromDecimal(x));
          // Every weight has at most 18 decimals, so ×10^18 makes all of them exact integers.
          const wb = w.map((f) => (f.num * 10n ** 18n) / f.den);
          const lo = Float64Array.from(c.weights, (_, i) => c.min?.[i] ?? 0);
          const hi = Float64Array.from(c.weights, (_, i) => c.max?.[i] ?? Infinity);
          const start = Float64Array.from(raw, (r, i) => (wb[i] === 0n ? lo[i]! : Math.min(hi[i]!, lo[i]! + r)));
          const out = divisorApportion({
            method,
            places: c.places,
            wf: Float64Array.from(wb, Number),
            wb,
            lo,
            hi,
            start,
          });
          const ref = referenceDivisor(method, c);
          expect(Array.from(out.seats)).toEqual(ref.seats);
          expect(out.tie ? [{ ...out.tie, places: out.tie.awarded.length }] : []).toEqual(ref.ties);
        }),
        { numRuns: 400 },
      );
    },
  );

  it.each(METHODS)(
    "CORE-APPORTION-1: %s seats add up to places, are non-negative integers and honour min and max",
    (method) => {
      fc.assert(
        fc.property(caseArb(true), (c) => {
          const { seats } = run(method, c);
          expect(sum(seats)).toBe(c.places);
          seats.forEach((s, i) => {
            expect(Number.isSafeInteger(s) && s >= 0).toBe(true);
            expect(s).toBeGreaterThanOrEqual(c.min?.[i] ?? 0);
            if (c.max?.[i] != null) expect(s).toBeLessThanOrEqual(c.max[i]!);
            if (fractionFromDecimal(c.weights[i]!).num === 0n) expect(s).toBe(c.min?.[i] ?? 0);
          });
        }),
        { numRuns: 300 },
      );
    },
  );

  it("CORE-APPORTION-1: Hamilton satisfies the quota rule (each gets the floor or the ceiling of its exact quota)", () => {
    fc.assert(
      fc.property(caseArb(false), (c) => {
        const w = c.weights.map((x) => fromFraction(fractionFromDecimal(x)));
        const total = w.reduce(addQ, q(0n));
        fc.pre(total.n > 0n);
        const { seats } = apportion(c.places, c.weights);
        seats.forEach((s, i) => {
          const quota = divQ(mulQ(q(BigInt(c.places)), w[i]!), total);
          const f = floorQ(quota);
          const ceil = cmpQ(quota, q(f)) === 0 ? f : f + 1n;
          expect(BigInt(s) >= f && BigInt(s) <= ceil).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it.each(DIVISOR)("CORE-APPORTION-1: %s is house monotone (one more place never costs anyone a seat)", (method) => {
    fc.assert(
      fc.property(caseArb(true), (c) => {
        const reach = c.weights.every((_, i) => c.max?.[i] != null || fractionFromDecimal(c.weights[i]!).num === 0n)
          ? sum(c.weights.map((x, i) => (fractionFromDecimal(x).num === 0n ? (c.min?.[i] ?? 0) : c.max![i]!)))
          : Infinity;
        fc.pre(c.places + 1 <= reach);
        const a = run(method, c).seats;
        const b = run(method, { ...c, places: c.places + 1 }).seats;
        b.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(a[i]!));
      }),
      { numRuns: 300 },
    );
  });

  it.each(METHODS)(
    "CORE-APPORTION-1: %s — permuting the weights (and bounds) permutes the seats when no tie decided",
    (method) => {
      const arb = caseArb(true).chain((c) =>
        fc.tuple(
          fc.constant(c),
          fc.shuffledSubarray([...c.weights.keys()], { minLength: c.weights.length, maxLength: c.weights.length }),
        ),
      );
      fc.assert(
        fc.property(arb, ([c, perm]) => {
          const r = run(method, c);
          fc.pre(r.ties.length === 0);
          const pc: Case = {
            places: c.places,
            weights: perm.map((i) => c.weights[i]!),
            ...(c.min ? { min: perm.map((i) => c.min![i]!) } : {}),
            ...(c.max ? { max: perm.map((i) => c.max![i]!) } : {}),
          };
          const p = run(method, pc);
          expect(p.ties).toEqual([]);
          expect(p.seats).toEqual(perm.map((i) => r.seats[i]!));
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(METHODS)("CORE-APPORTION-1: %s is deterministic, scale-invariant and does not mutate its input", (method) => {
    fc.assert(
      fc.property(caseArb(true), (c) => {
        const frozen = structuredClone(c);
        Object.freeze(c.weights);
        if (c.min) Object.freeze(c.min);
        if (c.max) Object.freeze(c.max);
        const a = run(method, c);
        const b = run(method, c);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(c).toEqual(frozen);
        // The same weights ×7, written as exact decimal strings: the same result.
        const scaled: Case = { ...c, weights: c.weights.map((x) => new Decimal(String(x)).times(7).toFixed()) };
        expect(run(method, scaled)).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it.each(METHODS)("CORE-APPORTION-1: %s reports infeasible bounds with the amount, never a wrong split", (method) => {
    const arb = fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }),
      min: fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: 5, maxLength: 5 }),
      max: fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: 5, maxLength: 5 }),
      places: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(arb, ({ weights, min, max, places }) => {
        const n = weights.length;
        const lo = min.slice(0, n);
        const hi = max.slice(0, n);
        const minSum = sum(lo.map((x) => x ?? 0));
        const badPair = lo.findIndex((l, i) => hi[i] !== null && (l ?? 0) > hi[i]!);
        const unbounded = weights.some((w, i) => w > 0 && hi[i] === null);
        const reach = sum(weights.map((w, i) => (w === 0 ? (lo[i] ?? 0) : (hi[i] ?? 0))));
        let code: string | null = null;
        let by: string | null = null;
        if (badPair >= 0) [code, by] = ["INFEASIBLE_BOUNDS", String((lo[badPair] ?? 0) - hi[badPair]!)];
        else if (minSum > places) [code, by] = ["INFEASIBLE_MIN", String(minSum - places)];
        else if (weights.every((w) => w === 0) && places > minSum)
          [code, by] = ["ALL_ZERO_WEIGHTS", String(places - minSum)];
        else if (!unbounded && reach < places) [code, by] = ["INFEASIBLE_MAX", String(places - reach)];
        let thrown: unknown = null;
        let result: ApportionResult | null = null;
        try {
          result = apportion(places, weights, { method, min: lo, max: hi });
        } catch (e) {
          thrown = e;
        }
        if (code === null) {
          expect(thrown).toBeNull();
          expect(sum(result!.seats)).toBe(places);
        } else {
          expect(isSannongError(thrown)).toBe(true);
          const err = thrown as { code: string; details: { by?: unknown } };
          expect(err.code).toBe(code);
          expect(err.details.by).toBe(by);
        }
      }),
      { numRuns: 500 },
    );
  });
});
