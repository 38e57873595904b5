import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocate, fraction, overlay, renderTrace, type Fraction } from "@sannong/core";
import { allocateByFactors, type AllocateByFactorsInput } from "./allocateByFactors";
import { allocateByFactorsWith } from "./allocateByFactors";
import { readColumn } from "./columns";
import { readScaled } from "../internal/exact";
import { fundsParameterSet } from "../parameters";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const fen = (m: { fen: bigint }): bigint => m.fen;
const amounts = (r: { allocations: readonly { amount: unknown }[] }): string[] =>
  r.allocations.map((a) => String(a.amount));

/** Plain exact share of each recipient (fractions): Σ_k w_k × x_ik ÷ Σ_j x_jk. Positive factors only. */
function exactShares(input: {
  factors: readonly { id: string; weight: string | number }[];
  recipients: readonly { values: Readonly<Record<string, number | string>> }[];
}): Fraction[] {
  const frac = (v: number | string): Fraction => {
    const m = typeof v === "string" ? /^(\d+)\/(\d+)$/.exec(v) : null;
    if (m) return fraction(BigInt(m[1]!), BigInt(m[2]!));
    const s = readScaled(v)!;
    return fraction(s.int, 10n ** BigInt(s.scale));
  };
  const add = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, a.den * b.den);
  const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den);
  return input.recipients.map((r) =>
    input.factors.reduce((s, f) => {
      const total = input.recipients.reduce((t, q) => add(t, frac(q.values[f.id]!)), fraction(0n));
      return total.num === 0n
        ? s
        : add(s, mul(frac(f.weight), mul(frac(r.values[f.id]!), fraction(total.den, total.num))));
    }, fraction(0n)),
  );
}

const FOUR_FACTORS: AllocateByFactorsInput = {
  total: "1000000.00",
  factors: [
    { id: "population", weight: "0.3" },
    { id: "lowIncome", weight: "0.2" },
    { id: "area", weight: "0.2" },
    { id: "evaluation", weight: "0.3" },
  ],
  recipients: [
    { id: "章村乡", values: { population: 1200, lowIncome: 30, area: 15, evaluation: 92 } },
    { id: "岭洋乡", values: { population: 800, lowIncome: 45, area: 10, evaluation: 85 } },
    { id: "双桥乡", values: { population: 500, lowIncome: 25, area: 25, evaluation: 78 } },
    { id: "湖南镇", values: { population: 2300, lowIncome: 61, area: 33.5, evaluation: 88.5 } },
    { id: "举村乡", values: { population: 377, lowIncome: 17, area: 8.25, evaluation: 90 } },
    { id: "黄坛口乡", values: { population: 1023, lowIncome: 22, area: 12.75, evaluation: 81 } },
  ],
};

describe("allocateByFactors — worked examples", () => {
  it("FUNDS-FACTOR-1: three townships, 30/20/20/30 — every factor column is exact by hand", () => {
    const r = allocateByFactors({ ...FOUR_FACTORS, recipients: FOUR_FACTORS.recipients.slice(0, 3) });
    // population 0.3 × 1e6 × 1200/2500 = 144000; lowIncome 0.2 × 1e6 × 30/100 = 60000;
    // area 0.2 × 1e6 × 15/50 = 60000; evaluation 0.3 × 1e6 × 92/255 = 108235.294…
    expect(amounts(r)).toEqual(["372235.29", "326000.00", "301764.71"]);
    expect(asJson(r.allocations[0]!.byFactor)).toEqual({
      population: "144000.00",
      lowIncome: "60000.00",
      area: "60000.00",
      evaluation: "108235.29",
    });
    expect(asJson(r.factorTotals)).toEqual({
      population: "300000.00",
      lowIncome: "200000.00",
      area: "200000.00",
      evaluation: "300000.00",
    });
  });

  it("FUNDS-FACTOR-1: 30/20/20/30 split of 1,000,000.00 among six townships adds up to the fen and rounds each exact share once", () => {
    const r = allocateByFactors(FOUR_FACTORS);
    const total = r.allocations.reduce((s, a) => s + fen(a.amount), 0n);
    expect(total).toBe(100_000_000n);
    const shares = exactShares(FOUR_FACTORS);
    r.allocations.forEach((a, i) => {
      const q = shares[i]!;
      const exactFen = fraction(q.num * 100_000_000n, q.den);
      const lo = exactFen.num / exactFen.den;
      expect([lo, lo + (exactFen.num % exactFen.den === 0n ? 0n : 1n)]).toContain(fen(a.amount));
      expect(Object.values(a.byFactor).reduce((s, m) => s + fen(m), 0n)).toBe(fen(a.amount));
    });
    expect(Object.values(r.factorTotals).reduce((s, m) => s + fen(m), 0n)).toBe(100_000_000n);
  });

  it("FUNDS-FACTOR-2: 70/30 base and performance, weights summing to 1 within each group", () => {
    const r = allocateByFactors({
      total: "100000.00",
      groups: [
        { id: "base", ratio: "0.7" },
        { id: "performance", ratio: "0.3" },
      ],
      factors: [
        { id: "migrants", weight: "0.6", group: "base" },
        { id: "lowIncome", weight: "0.4", group: "base" },
        { id: "score", weight: "1", group: "performance" },
      ],
      recipients: [
        { id: "A", values: { migrants: 300, lowIncome: 10, score: 90 } },
        { id: "B", values: { migrants: 100, lowIncome: 30, score: 60 } },
      ],
    });
    // A: 0.7 × (0.6 × 300/400 + 0.4 × 10/40) × 100000 + 0.3 × 90/150 × 100000 = 38500 + 18000
    expect(amounts(r)).toEqual(["56500.00", "43500.00"]);
    expect(asJson(r.allocations[1]!.byFactor)).toEqual({
      migrants: "10500.00",
      lowIncome: "21000.00",
      score: "12000.00",
    });
    const groupStep = r.trace.children!.find((c) => c.rule === "FUNDS-FACTOR-2")!;
    expect(groupStep.output).toEqual({ base: "70000.00", performance: "30000.00" });
  });

  it("FUNDS-FACTOR-2: without groups the ratios come from the parameter (70/30, unverified) read at the date", () => {
    const input: AllocateByFactorsInput = {
      total: "1000.00",
      date: "2024-06-30",
      factors: [
        { id: "migrants", weight: 1, group: "base" },
        { id: "score", weight: 1, group: "performance" },
      ],
      recipients: [
        { id: "A", values: { migrants: 1, score: 1 } },
        { id: "B", values: { migrants: 1, score: 0 } },
      ],
    };
    const r = allocateByFactors(input);
    expect(amounts(r)).toEqual(["650.00", "350.00"]);
    expect(r.trace.parameters).toEqual([
      expect.objectContaining({
        id: "funds.factor.groupRatios",
        verified: false,
        value: { base: "0.7", performance: "0.3" },
      }),
    ]);
    const local = overlay(fundsParameterSet, {
      "funds.factor.groupRatios": { value: { base: "0.6", performance: "0.4" } },
    });
    const r2 = allocateByFactors(input, { parameters: local });
    expect(amounts(r2)).toEqual(["700.00", "300.00"]);
    expect(r2.trace.parameters![0]!.overridden).toBe(true);
  });

  it.each([
    // income 3, 0.5, 1 → reciprocals 1/3, 2, 1 (sum 10/3): 1/10, 6/10, 3/10 of 70.00
    ["reciprocal", ["7.00", "42.00", "21.00"]],
    // max − x: 3 − 3 = 0, 3 − 0.5 = 2.5, 3 − 1 = 2 → 0, 5/9, 4/9 of 70.00 (38.888… and 31.111…)
    ["max-minus", ["0.00", "38.89", "31.11"]],
    // rank from the top: 3 → 1, 0.5 → 3, 1 → 2 → 1/6, 3/6, 2/6 of 70.00
    ["rank", ["11.67", "35.00", "23.33"]],
  ] as const)("FUNDS-FACTOR-3: inverse factor with the %s transformation", (transform, expected) => {
    const r = allocateByFactors({
      total: "100.00",
      date: "2024-01-01",
      factors: [
        { id: "income", weight: "0.7", direction: "inverse", transform },
        { id: "households", weight: "0.3" },
      ],
      recipients: [
        { id: "A", values: { income: 3, households: 0 } },
        { id: "B", values: { income: "0.5", households: 1 } },
        { id: "C", values: { income: 1, households: 2 } },
      ],
    });
    const incomeOnly = r.allocations.map((a) => String(a.byFactor["income"]));
    expect(incomeOnly).toEqual(expected);
    expect(r.trace.children!.find((c) => c.rule === "FUNDS-FACTOR-3")!.inputs!["transform"]).toBe(transform);
  });

  it("FUNDS-FACTOR-3: the default transformation is the reciprocal (poorer gets more), its precision a parameter", () => {
    const r = allocateByFactors({
      total: "100.00",
      date: "2024-01-01",
      factors: [{ id: "income", weight: 1, direction: "inverse" }],
      recipients: [
        { id: "poor", values: { income: 1000 } },
        { id: "rich", values: { income: 4000 } },
      ],
    });
    expect(amounts(r)).toEqual(["80.00", "20.00"]);
    expect(r.trace.parameters!.map((p) => p.id)).toEqual(["funds.factor.reciprocalSignificantDigits"]);
  });

  it("FUNDS-FACTOR-4: a recipient with all-zero factors gets zero and the trace says why", () => {
    const r = allocateByFactors({
      total: "90.00",
      factors: [
        { id: "a", weight: "0.5" },
        { id: "b", weight: "0.5" },
      ],
      recipients: [
        { id: "X", values: { a: 1, b: 1 } },
        { id: "Y", values: { a: 0, b: 0 } },
        { id: "Z", values: { a: 2, b: 2 } },
      ],
    });
    expect(amounts(r)).toEqual(["30.00", "0.00", "60.00"]);
    expect(r.zeroRecipients).toEqual(["Y"]);
    const step = r.trace.children!.find((c) => c.rule === "FUNDS-FACTOR-4")!;
    expect(step.inputs).toEqual({ recipients: ["Y"] });
    expect(step.note!.en).toMatch(/all-zero/);
    expect(renderTrace(r.trace)).toContain("所有因素系数均为零");
  });

  it("FUNDS-FACTOR-4: floors and caps hold; what a cap cuts goes to the others by weight", () => {
    const r = allocateByFactors({
      total: "1000.00",
      factors: [{ id: "pop", weight: 1 }],
      recipients: [
        { id: "big", values: { pop: 80 }, cap: "500.00" },
        { id: "mid", values: { pop: 15 } },
        { id: "small", values: { pop: 5 }, floor: "200.00" },
        { id: "none", values: { pop: 0 }, floor: "10.00" },
      ],
    });
    // none gets its floor 10; small its floor 200; big its cap 500; mid the remaining 290.
    expect(amounts(r)).toEqual(["500.00", "290.00", "200.00", "10.00"]);
    expect(asJson(r.allocations[3]!.byFactor)).toEqual({ pop: "10.00" });
    const bound = r.trace.children!.filter((c) => c.rule === "FUNDS-FACTOR-4").map((c) => c.inputs);
    expect(bound).toContainEqual({
      bound: [
        { id: "big", bound: "cap", amount: "500.00" },
        { id: "small", bound: "floor", amount: "200.00" },
        { id: "none", bound: "floor", amount: "10.00" },
      ],
    });
  });

  it("FUNDS-FACTOR-1: normalize scales weights that do not add up to 1; a unit of 100 元 is honoured", () => {
    const r = allocateByFactors({
      total: "10000.00",
      unit: "100",
      normalize: true,
      factors: [
        { id: "a", weight: 2 },
        { id: "b", weight: 1 },
      ],
      recipients: [
        { id: "P", values: { a: 1, b: 0 } },
        { id: "Q", values: { a: 1, b: 1 } },
      ],
    });
    // P: 2/3 × 1/2 = 1/3 → 3333.33 → 3300 or 3400; Q: 2/3 × 1/2 + 1/3 = 2/3
    expect(amounts(r)).toEqual(["3300.00", "6700.00"]);
    for (const a of r.allocations) for (const m of Object.values(a.byFactor)) expect(fen(m) % 10000n).toBe(0n);
  });

  it("FUNDS-FACTOR-1: weights given as exact fractions (1/3) need no rounding", () => {
    const r = allocateByFactors({
      total: "300.00",
      factors: [
        { id: "a", weight: "1/3" },
        { id: "b", weight: "2/3" },
      ],
      recipients: [
        { id: "P", values: { a: 1, b: 0 } },
        { id: "Q", values: { a: 0, b: 1 } },
      ],
    });
    expect(amounts(r)).toEqual(["100.00", "200.00"]);
  });
});

// ---------------------------------------------------------------- properties

const factorIds = ["f0", "f1", "f2", "f3"];
const valueArb = fc.oneof(
  fc.integer({ min: 0, max: 50 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 99_999 }).map((v) => (v / 100).toFixed(2)),
);
const problemArb = fc
  .record({
    nf: fc.integer({ min: 1, max: 4 }),
    n: fc.integer({ min: 1, max: 12 }),
    totalFen: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2_000_000_000 })),
    weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }),
    inverse: fc.constantFrom<(string | null)[]>(
      [null, null, null, null],
      [null, "max-minus", null, null],
      [null, null, "rank", null],
    ),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      rows: fc.array(fc.array(valueArb, { minLength: 4, maxLength: 4 }), { minLength: p.n, maxLength: p.n }),
    }),
  )
  .map(({ p: p0, rows: rows0 }) => {
    let p = p0;
    let rows = rows0;
    const ids = factorIds.slice(0, p.nf);
    // every factor must have something to split: a positive factor some non-zero value, max − x unequal values
    for (let k = 1; k < p.nf; k++) {
      const col = rows.map((r) => Number(r[k]));
      if (p.inverse[k] === "max-minus" && col.every((v) => v === col[0]))
        p = { ...p, inverse: p.inverse.map((t, j) => (j === k ? null : t)) };
      if (!p.inverse[k] && col.every((v) => v === 0))
        rows = rows.map((r, i) => (i === 0 ? r.map((v, j) => (j === k ? 1 : v)) : r));
    }
    const w = p.weights.slice(0, p.nf).map((x, i) => (i === 0 ? x + 1 : x));
    const sum = w.reduce((a, b) => a + b, 0);
    const input: AllocateByFactorsInput = {
      total: (p.totalFen / 100).toFixed(2),
      factors: ids.map((id, k) => ({
        id,
        weight: `${w[k]}/${sum}`,
        ...(p.inverse[k] ? { direction: "inverse" as const, transform: p.inverse[k] as "max-minus" | "rank" } : {}),
      })),
      recipients: rows.map((row, i) => ({
        id: `R${(i * 7919) % 1000}-${i}`,
        values: Object.fromEntries(
          ids.map((id, k) => [id, k === 0 ? (typeof row[0] === "number" ? row[0] + 1 : "1.5") : row[k]!]),
        ),
      })),
    };
    return input;
  });

describe("allocateByFactors — laws", () => {
  it("FUNDS-FACTOR-1: conservation — amounts add up to the total, byFactor to each amount, factor totals to the total", () => {
    fc.assert(
      fc.property(problemArb, (input) => {
        const r = allocateByFactors(input);
        const T = BigInt(Math.round(Number(input.total) * 100));
        expect(r.allocations.reduce((s, a) => s + fen(a.amount), 0n)).toBe(T);
        for (const a of r.allocations) {
          expect(a.amount.fen >= 0n).toBe(true);
          expect(Object.values(a.byFactor).reduce((s, m) => s + fen(m), 0n)).toBe(fen(a.amount));
          for (const m of Object.values(a.byFactor)) expect(m.fen >= 0n).toBe(true);
        }
        expect(Object.values(r.factorTotals).reduce((s, m) => s + fen(m), 0n)).toBe(T);
      }),
      { numRuns: 300 },
    );
  });

  it("FUNDS-FACTOR-1: each amount is the floor or the ceiling of its exact share (positive factors)", () => {
    fc.assert(
      fc.property(problemArb, (raw) => {
        const input = { ...raw, factors: raw.factors.map((f) => ({ id: f.id, weight: f.weight })) };
        // The generator makes inverse (rank) columns valid with their transform; read as positive, an all-zero
        // column is refused (FACTOR_ALL_ZERO), so such inputs are outside this law.
        fc.pre(input.factors.every((f) => input.recipients.some((r) => Number(r.values[f.id]) !== 0)));
        const r = allocateByFactors(input);
        const T = BigInt(Math.round(Number(input.total) * 100));
        const shares = exactShares(input);
        r.allocations.forEach((a, i) => {
          const q = shares[i]!;
          const lo = (q.num * T) / q.den;
          expect(fen(a.amount) === lo || fen(a.amount) === lo + 1n).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("FUNDS-FACTOR-1: the fast split equals the reference (core allocate on exact bigint weights, in id order)", () => {
    fc.assert(
      fc.property(problemArb, (input) => {
        expect(asJson(allocateByFactorsWith(input, undefined, "auto"))).toEqual(
          asJson(allocateByFactorsWith(input, undefined, "reference")),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("FUNDS-FACTOR-3: the fast split equals the reference on tie-heavy inputs, reciprocal coefficients and extreme magnitudes", () => {
    const arb = fc.record({
      n: fc.integer({ min: 1, max: 40 }),
      total: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
      small: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }), {
        minLength: 40,
        maxLength: 40,
      }),
      big: fc.array(
        fc.oneof(
          fc.constant("0.000000000000000001"),
          fc.constant("999999999999999999"),
          fc.integer({ min: 1, max: 9 }).map(String),
        ),
        { minLength: 40, maxLength: 40 },
      ),
      transform: fc.constantFrom("reciprocal", "max-minus", "rank" as const),
    });
    fc.assert(
      fc.property(arb, ({ n, total, small, big, transform }) => {
        const input: AllocateByFactorsInput = {
          total: (total / 100).toFixed(2),
          date: "2024-01-01",
          factors: [
            { id: "a", weight: "1/3" },
            { id: "b", weight: "1/3", direction: "inverse", transform },
            { id: "c", weight: "1/3" },
          ],
          recipients: Array.from({ length: n }, (_, i) => ({
            id: `r${i % 7}-${i}`,
            values: {
              a: small[i]![0]! + 1,
              b: transform === "reciprocal" ? big[i]! : small[i]![1]!,
              c: i === 0 ? big[i]! : small[i]![2]!,
            },
          })),
        };
        let fast: ReturnType<typeof allocateByFactorsWith>;
        try {
          fast = allocateByFactorsWith(input, undefined, "auto");
        } catch (e) {
          expect((e as { code: string }).code).toBe("FACTOR_ALL_ZERO");
          return;
        }
        expect(asJson(fast)).toEqual(asJson(allocateByFactorsWith(input, undefined, "reference")));
      }),
      { numRuns: 300 },
    );
  });

  it("FUNDS-FACTOR-1: ties — identical recipients differ by at most one unit and the extra goes to the id that sorts first", () => {
    const r = allocateByFactors({
      total: "1.00",
      factors: [{ id: "a", weight: 1 }],
      recipients: ["c", "a", "b"].map((id) => ({ id, values: { a: 1 } })),
    });
    expect(amounts(r)).toEqual(["0.33", "0.34", "0.33"]);
  });

  it("FUNDS-FACTOR-1: permuting the recipients permutes the result", () => {
    fc.assert(
      fc.property(problemArb, fc.integer(), (input, seed) => {
        const perm = input.recipients
          .map((_, i) => i)
          .sort((a, b) => ((a * 2654435761 + seed) % 97) - ((b * 2654435761 + seed) % 97) || a - b);
        const shuffled = { ...input, recipients: perm.map((i) => input.recipients[i]!) };
        const a = allocateByFactors(input).allocations;
        const b = allocateByFactors(shuffled).allocations;
        perm.forEach((i, j) => expect(asJson(b[j])).toEqual(asJson(a[i])));
      }),
      { numRuns: 200 },
    );
  });

  it("FUNDS-FACTOR-1: monotonicity — a recipient whose positive factor values all rise never gets less (exactly, not just up to a unit)", () => {
    fc.assert(
      fc.property(
        problemArb,
        fc.nat(),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }),
        (input, who, rises) => {
          const j = who % input.recipients.length;
          const raised = {
            ...input,
            recipients: input.recipients.map((r, i) =>
              i !== j
                ? r
                : {
                    ...r,
                    values: Object.fromEntries(
                      Object.entries(r.values).map(([k, v]) => {
                        const f = input.factors.find((x) => x.id === k)!;
                        return [
                          k,
                          f.direction === "inverse" ? v : (Number(v) + rises[factorIds.indexOf(k)]!).toString(),
                        ];
                      }),
                    ),
                  },
            ),
          };
          const before = allocateByFactors(input).allocations[j]!.amount.fen;
          const after = allocateByFactors(raised).allocations[j]!.amount.fen;
          expect(after >= before).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("FUNDS-FACTOR-4: floors and caps hold and the total is still conserved", () => {
    fc.assert(
      fc.property(
        problemArb,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 12,
          maxLength: 12,
        }),
        (input, bounds) => {
          const T = Math.round(Number(input.total) * 100);
          const n = input.recipients.length;
          const even = Math.floor(T / n / 100);
          const recipients = input.recipients.map((r, i) => {
            const [kind, pct] = bounds[i]!;
            const v = ((even * pct) / 100).toFixed(2);
            return kind === 1 ? { ...r, floor: v } : kind === 2 ? { ...r, cap: (even + Number(v)).toFixed(2) } : r;
          });
          const withBounds = { ...input, recipients };
          let r: ReturnType<typeof allocateByFactors>;
          try {
            r = allocateByFactors(withBounds);
          } catch (e) {
            expect(["INFEASIBLE_CAPS", "INFEASIBLE_FLOORS"]).toContain((e as { code: string }).code);
            return;
          }
          expect(r.allocations.reduce((s, a) => s + fen(a.amount), 0n)).toBe(BigInt(T));
          recipients.forEach((q, i) => {
            const got = fen(r.allocations[i]!.amount);
            if ("floor" in q && q.floor !== undefined)
              expect(got >= BigInt(Math.round(Number(q.floor) * 100))).toBe(true);
            if ("cap" in q && q.cap !== undefined) expect(got <= BigInt(Math.round(Number(q.cap) * 100))).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("FUNDS-FACTOR-1: deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(problemArb, (input) => {
        const frozen = deepFreeze(structuredClone(input));
        expect(asJson(allocateByFactors(frozen))).toEqual(asJson(allocateByFactors(input)));
      }),
      { numRuns: 100 },
    );
  });

  it("FUNDS-FACTOR-1: a double is read as the decimal its shortest text shows (the same as core)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e15, noNaN: true }), (v) => {
        const s = readScaled(v);
        fc.pre(s !== undefined);
        const c = readColumn(1, () => v);
        expect([c.base, c.scale]).toEqual([s!.int, s!.scale]);
      }),
      { numRuns: 2000 },
    );
  });

  it("FUNDS-FACTOR-1: a large total (beyond the double filter) still splits exactly", () => {
    const r = allocateByFactors({
      total: "999999999999999.99",
      factors: [{ id: "a", weight: 1 }],
      recipients: ["x", "y", "z"].map((id) => ({ id, values: { a: 1 } })),
    });
    expect(amounts(r)).toEqual(allocate("999999999999999.99", [1, 1, 1]).map(String));
  });
});

// ---------------------------------------------------------------- bad input

const ok = (): AllocateByFactorsInput => ({
  total: "100.00",
  factors: [
    { id: "a", weight: "0.5" },
    { id: "b", weight: "0.5" },
  ],
  recipients: [
    { id: "X", values: { a: 1, b: 2 } },
    { id: "Y", values: { a: 3, b: 4 } },
  ],
});
const withValue = (v: unknown): unknown => ({
  ...ok(),
  recipients: [{ id: "X", values: { a: v, b: 1 } }, ok().recipients[1]],
});

describe("allocateByFactors — bad input", () => {
  it.each([
    ["negative total", { ...ok(), total: "-1.00" }, ["total"]],
    ["total with three decimals", { ...ok(), total: "1.005" }, ["total"]],
    ["NaN value", withValue(Number.NaN), ["recipients", 0, "values", "a"]],
    ["Infinity value", withValue(Number.POSITIVE_INFINITY), ["recipients", 0, "values", "a"]],
    ["negative value", withValue(-1), ["recipients", 0, "values", "a"]],
    ["exponent string", withValue("1e3"), ["recipients", 0, "values", "a"]],
    ["boolean value", withValue(true), ["recipients", 0, "values", "a"]],
    [
      "missing value",
      { ...ok(), recipients: [{ id: "X", values: { a: 1 } }, ok().recipients[1]] },
      ["recipients", 0, "values", "b"],
    ],
    [
      "unknown factor key (a typo)",
      { ...ok(), recipients: [{ id: "X", values: { a: 1, b: 1, c: 1 } }, ok().recipients[1]] },
      ["recipients", 0, "values", "c"],
    ],
    [
      "__proto__ key",
      { ...ok(), recipients: [{ id: "X", values: JSON.parse('{"a":1,"b":1,"__proto__":1}') }, ok().recipients[1]] },
      ["recipients", 0, "values", "__proto__"],
    ],
    ["duplicate recipient", { ...ok(), recipients: [ok().recipients[0], ok().recipients[0]] }, ["recipients", 1, "id"]],
    [
      "duplicate factor",
      {
        ...ok(),
        factors: [
          { id: "a", weight: "0.5" },
          { id: "a", weight: "0.5" },
        ],
      },
      ["factors", 1, "id"],
    ],
    ["unknown key", { ...ok(), totl: "1.00" }, []],
    [
      "unknown recipient key",
      { ...ok(), recipients: [{ id: "X", values: { a: 1, b: 1 }, flor: "1.00" }, ok().recipients[1]] },
      ["recipients", 0, "flor"],
    ],
    ["empty recipients", { ...ok(), recipients: [] }, ["recipients"]],
    ["recipient not an object", { ...ok(), recipients: [null] }, ["recipients", 0]],
    ["empty id", { ...ok(), recipients: [{ id: " ", values: { a: 1, b: 1 } }] }, ["recipients", 0, "id"]],
    [
      "negative weight",
      {
        ...ok(),
        factors: [
          { id: "a", weight: "-0.5" },
          { id: "b", weight: "1.5" },
        ],
      },
      ["factors", 0, "weight"],
    ],
    [
      "transform on a positive factor",
      {
        ...ok(),
        factors: [
          { id: "a", weight: "0.5", transform: "rank" },
          { id: "b", weight: "0.5" },
        ],
      },
      ["factors", 0, "transform"],
    ],
    [
      "reciprocal without a date",
      {
        ...ok(),
        factors: [
          { id: "a", weight: "0.5", direction: "inverse" },
          { id: "b", weight: "0.5" },
        ],
      },
      ["date"],
    ],
    [
      "mixed grouping",
      {
        ...ok(),
        factors: [
          { id: "a", weight: 1, group: "base" },
          { id: "b", weight: 1 },
        ],
      },
      ["factors", 1, "group"],
    ],
    [
      "unknown group",
      {
        ...ok(),
        groups: [{ id: "base", ratio: 1 }],
        factors: [
          { id: "a", weight: "0.5", group: "base" },
          { id: "b", weight: "0.5", group: "perf" },
        ],
      },
      ["factors", 1, "group"],
    ],
    [
      "floor above cap",
      { ...ok(), recipients: [{ id: "X", values: { a: 1, b: 1 }, floor: "5.00", cap: "4.00" }, ok().recipients[1]] },
      ["recipients", 0, "floor"],
    ],
    [
      "bad floor",
      { ...ok(), recipients: [{ id: "X", values: { a: 1, b: 1 }, floor: "abc" }, ok().recipients[1]] },
      ["recipients", 0, "floor"],
    ],
    ["bad unit", { ...ok(), unit: "0.001" }, ["unit"]],
  ])("FUNDS-FACTOR-1: %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => allocateByFactors(input as AllocateByFactorsInput), "INVALID_INPUT", path);
  });

  it("FUNDS-FACTOR-1: unknown option keys are rejected", () => {
    expectSannongError(() => allocateByFactors(ok(), { parameter: fundsParameterSet } as never), "INVALID_INPUT");
  });

  it("FUNDS-FACTOR-1: weights that do not add up to 1 are refused with the actual sum", () => {
    const e = expectSannongError(
      () =>
        allocateByFactors({
          ...ok(),
          factors: [
            { id: "a", weight: "0.5" },
            { id: "b", weight: "0.4" },
          ],
        }),
      "WEIGHTS_NOT_ONE",
      ["factors"],
    );
    expect(e.details).toEqual({ sum: "0.9", where: "factors" });
    expect(e.zh).toContain("0.9");
  });

  it("FUNDS-FACTOR-2: group ratios that do not add up to 1 are refused; a group's weights must add up to 1", () => {
    const base = {
      ...ok(),
      factors: [
        { id: "a", weight: 1, group: "base" },
        { id: "b", weight: 1, group: "perf" },
      ],
    };
    expectSannongError(
      () =>
        allocateByFactors({
          ...base,
          groups: [
            { id: "base", ratio: "0.7" },
            { id: "perf", ratio: "0.2" },
          ],
        }),
      "RATIOS_NOT_ONE",
      ["groups"],
    );
    expectSannongError(
      () =>
        allocateByFactors({
          ...base,
          factors: [
            { id: "a", weight: "0.5", group: "base" },
            { id: "b", weight: 1, group: "perf" },
          ],
          groups: [
            { id: "base", ratio: "0.7" },
            { id: "perf", ratio: "0.3" },
          ],
        }),
      "WEIGHTS_NOT_ONE",
    );
    expectSannongError(
      () =>
        allocateByFactors({
          ...base,
          date: "2024-01-01",
          factors: [
            { id: "a", weight: 1, group: "base" },
            { id: "b", weight: 1, group: "other" },
          ],
        }),
      "UNKNOWN_GROUP",
      ["factors", 1, "group"],
    );
    expectSannongError(
      () =>
        allocateByFactors({
          ...base,
          date: "2024-01-01",
          factors: [
            { id: "a", weight: "0.5", group: "base" },
            { id: "b", weight: "0.5", group: "base" },
          ],
        }),
      "GROUP_WITHOUT_FACTORS",
    );
    expectSannongError(() => allocateByFactors({ ...base, date: "2010-01-01" }), "PARAM_NOT_IN_FORCE");
  });

  it("FUNDS-FACTOR-3: a zero value has no reciprocal", () => {
    expectSannongError(
      () =>
        allocateByFactors({
          ...ok(),
          date: "2024-01-01",
          factors: [
            { id: "a", weight: "0.5", direction: "inverse" },
            { id: "b", weight: "0.5" },
          ],
          recipients: [
            { id: "X", values: { a: 0, b: 1 } },
            { id: "Y", values: { a: 2, b: 1 } },
          ],
        }),
      "INVERSE_ZERO_VALUE",
      ["recipients", 0, "values", "a"],
    );
  });

  it("FUNDS-FACTOR-4: a factor zero for everyone, or nobody to give the total to, is refused", () => {
    expectSannongError(
      () =>
        allocateByFactors({
          ...ok(),
          recipients: [
            { id: "X", values: { a: 0, b: 1 } },
            { id: "Y", values: { a: 0, b: 2 } },
          ],
        }),
      "FACTOR_ALL_ZERO",
      ["factors", 0],
    );
    expectSannongError(
      () =>
        allocateByFactors({
          ...ok(),
          factors: [
            { id: "a", weight: 1 },
            { id: "b", weight: 0 },
          ],
          recipients: [{ id: "X", values: { a: 0, b: 1 } }],
        }),
      "FACTOR_ALL_ZERO",
    );
    expectSannongError(
      () =>
        allocateByFactors({
          ...ok(),
          recipients: [
            { id: "X", values: { a: 1, b: 1 }, floor: "60.00" },
            { id: "Y", values: { a: 1, b: 1 }, floor: "50.00" },
          ],
        }),
      "INFEASIBLE_FLOORS",
    );
    expectSannongError(
      () =>
        allocateByFactors({
          ...ok(),
          recipients: [
            { id: "X", values: { a: 1, b: 1 }, cap: "40.00" },
            { id: "Y", values: { a: 1, b: 1 }, cap: "50.00" },
          ],
        }),
      "INFEASIBLE_CAPS",
    );
    expectSannongError(() => allocateByFactors({ ...ok(), unit: "1", total: "100.50" }), "TOTAL_NOT_MULTIPLE_OF_UNIT", [
      "total",
    ]);
    // floor 150 rounds up to 200 and cap 180 down to 100 at a unit of 100 元
    expectSannongError(
      () =>
        allocateByFactors({
          ...ok(),
          total: "1000.00",
          unit: "100",
          recipients: [
            { id: "X", values: { a: 1, b: 1 }, floor: "150.00", cap: "180.00" },
            { id: "Y", values: { a: 1, b: 1 } },
          ],
        }),
      "INFEASIBLE_BOUNDS",
      ["recipients", 0, "floor"],
    );
    expectSannongError(
      () =>
        allocateByFactors({
          ...ok(),
          normalize: true,
          factors: [
            { id: "a", weight: 0 },
            { id: "b", weight: 0 },
          ],
        }),
      "WEIGHTS_ALL_ZERO",
      ["factors"],
    );
  });

  it("FUNDS-FACTOR-1: a zero total gives every recipient zero", () => {
    expect(amounts(allocateByFactors({ ...ok(), total: "0" }))).toEqual(["0.00", "0.00"]);
  });
});
