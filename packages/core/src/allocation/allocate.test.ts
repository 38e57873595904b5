import DecimalJs from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocateMinorUnits, money, sum } from "../index";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

/** Plain reference: exact shares with decimal.js, floor, leftover units to the largest remainders (stable sort). */
function reference(totalFen: bigint, weights: readonly string[], unitFen = 1n): bigint[] {
  const D = DecimalJs.clone({ precision: 200 });
  const T = new D((totalFen / unitFen).toString());
  const W = weights.reduce((a, w) => a.plus(w), new D(0));
  const exact = weights.map((w) => T.times(w).div(W));
  const floors = exact.map((e) => e.floor());
  let left = T.minus(floors.reduce((a, f) => a.plus(f), new D(0))).toNumber();
  const order = exact.map((e, i) => ({ i, r: e.minus(floors[i]!) })).sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  const parts = floors.map((f) => BigInt(f.toFixed(0)));
  for (const o of order) {
    if (left-- <= 0) break;
    parts[o.i]! += 1n;
  }
  return parts.map((p) => p * unitFen);
}

const weightArb = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 999 }))
    .map(([a, b]) => `${a}.${String(b).padStart(3, "0")}`),
);
const weightsArb = fc.array(weightArb, { minLength: 1, maxLength: 40 }).filter((ws) => ws.some((w) => Number(w) > 0));
const totalArb = fc.bigInt({ min: 0n, max: 10n ** 13n });
const fen = (m: { fen: bigint }): bigint => m.fen;

describe("allocate", () => {
  it.each([
    ["100.00", [1, 1, 1], undefined, ["33.34", "33.33", "33.33"]],
    ["100.00", [1, 2], undefined, ["33.33", "66.67"]],
    ["0.05", [1, 1, 1, 1, 1, 1], undefined, ["0.01", "0.01", "0.01", "0.01", "0.01", "0.00"]],
    ["1000000.00", ["0.3", "0.2", "0.2", "0.3"], undefined, ["300000.00", "200000.00", "200000.00", "300000.00"]],
    ["1000.00", ["0.3", "0.7"], { unit: "100" }, ["300.00", "700.00"]],
    ["1000000.00", [1, 1, 1], { unit: "10000" }, ["340000.00", "330000.00", "330000.00"]],
    ["10.00", [0, 1, 0], undefined, ["0.00", "10.00", "0.00"]],
    ["0.00", [0, 0], undefined, ["0.00", "0.00"]],
  ] as const)("CORE-ALLOC-1: %s over %j (%j) → %j", (total, weights, options, expected) => {
    expect(allocate(total, weights as unknown as number[], options).map(String)).toEqual(expected);
  });

  it("CORE-ALLOC-1: ties in remainder go to the lower index, whatever the order of equal weights", () => {
    expect(allocate("0.02", [1, 1, 1]).map(String)).toEqual(["0.01", "0.01", "0.00"]);
    expect(allocate("0.01", [5, 5]).map(String)).toEqual(["0.01", "0.00"]);
  });

  it("CORE-ALLOC-1: parts conserve the total and equal the plain decimal.js reference", () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (t, ws) => {
        const total = money(`${t / 100n}.${String(t % 100n).padStart(2, "0")}`);
        const parts = allocate(total, ws);
        expect(sum(parts).fen).toBe(total.fen);
        expect(parts.map(fen)).toEqual(reference(total.fen, ws));
      }),
      { numRuns: 300 },
    );
  });

  it("CORE-ALLOC-1: a coarser unit (百元, 万元) gives multiples of the unit that conserve the total", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 8n }),
        weightsArb,
        fc.constantFrom("1", "100", "10000"),
        (units, ws, unit) => {
          const unitFen = BigInt(Number(unit) * 100);
          const total = money(((units * unitFen) / 100n).toString());
          const parts = allocate(total, ws, { unit });
          expect(sum(parts).fen).toBe(total.fen);
          for (const p of parts) expect(p.fen % unitFen).toBe(0n);
          expect(parts.map(fen)).toEqual(reference(total.fen, ws, unitFen));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("CORE-ALLOC-1: permuting the weights permutes the parts when no remainder tie decides", () => {
    fc.assert(
      fc.property(
        totalArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 20 }),
        fc.integer(),
        (t, ws, seed) => {
          const total = money(`${t / 100n}.${String(t % 100n).padStart(2, "0")}`);
          const base = allocate(total, ws).map(String);
          const idx = ws
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
          const permuted = allocate(
            total,
            idx.map((i) => ws[i]!),
          ).map(String);
          // Distinct weights still can tie in remainder (e.g. 1 and 3 of 4 units); compare only when the remainders are all distinct.
          const W = ws.reduce((a, b) => a + b, 0);
          const rems = ws.map((w) => (BigInt(w) * total.fen) % BigInt(W));
          if (new Set(rems.map(String)).size === rems.length) expect(permuted).toEqual(idx.map((i) => base[i]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("CORE-ALLOC-1: determinism — the same input gives the same output and the input is not mutated", () => {
    const weights = deepFreeze(["1.5", "2", "0", "7"]);
    const options = deepFreeze({ floors: ["1.00", null, null, null], caps: [null, null, null, "50.00"] });
    const a = allocate("99.99", weights, options);
    const b = allocate("99.99", weights, options);
    // 7/10.5 of 99.99 is 66.66 > cap 50 → 50.00; the other 49.99 goes 1.5 : 2 → 21.4242…, 28.5657… → 21.42, 28.57.
    expect(JSON.stringify(a)).toBe('["21.42","28.57","0.00","50.00"]');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("CORE-ALLOC-1: weights may be numbers, decimal strings or bigints, read exactly", () => {
    expect(allocate("10.00", [1n, "1.0", 2]).map(String)).toEqual(["2.50", "2.50", "5.00"]);
    expect(allocate("1.00", ["0.333333333333333333", "0.666666666666666667"]).map(String)).toEqual(["0.33", "0.67"]);
    expect(allocate("1.00", [".5", "0.50"]).map(String)).toEqual(["0.50", "0.50"]);
  });

  it("CORE-ALLOC-2: every bad weight is reported with its path and a bilingual message", () => {
    const e = expectSannongError(
      () => allocate("5.00", [1, "-2", Number.NaN, "x", -1n as unknown as number]),
      "INVALID_INPUT",
      ["weights", 1],
    ) as unknown as { issues: { code: string; path: unknown[]; zh: string }[] };
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ["out_of_range", ["weights", 1]],
      ["invalid_decimal", ["weights", 2]],
      ["invalid_decimal", ["weights", 3]],
      ["out_of_range", ["weights", 4]],
    ]);
    expect(e.issues[0]!.zh).toBe("不能为负数，实际为 -2");
  });

  it("CORE-ALLOC-2: zero weights get zero; all-zero weights with a non-zero total is an error", () => {
    expect(allocate("5.00", [0, 2, 0, 3]).map(String)).toEqual(["0.00", "2.00", "0.00", "3.00"]);
    expectSannongError(() => allocate("5.00", [0, 0]), "ALL_ZERO_WEIGHTS", ["weights"]);
  });

  it("CORE-ALLOC-2: negative weights are an error with the path of the weight", () => {
    expectSannongError(() => allocate("5.00", [1, -1]), "INVALID_INPUT", ["weights", 1]);
  });

  it("CORE-ALLOC-2: a negative total only when the caller asks for it", () => {
    expectSannongError(() => allocate("-10.00", [1, 2]), "NEGATIVE_TOTAL", ["total"]);
    const parts = allocate("-10.00", [1, 2], { allowNegative: true });
    expect(parts.map(String)).toEqual(["-3.33", "-6.67"]);
    expect(sum(parts).fen).toBe(-1000n);
  });

  it("CORE-ALLOC-3: a cap cuts off and the excess is redistributed by weight, repeatedly, until stable", () => {
    // 1000 over 5:3:2 with caps 300 and 350: the first (500) is capped at 300; the other 700 goes 3:2 → 420 > 350,
    // so the second is capped too and the third takes the remaining 350.
    expect(allocate("1000.00", [5, 3, 2], { caps: ["300.00", "350.00", null] }).map(String)).toEqual([
      "300.00",
      "350.00",
      "350.00",
    ]);
    expect(allocate("100.00", [1, 1], { caps: ["30.00", null] }).map(String)).toEqual(["30.00", "70.00"]);
  });

  it("CORE-ALLOC-3: floors lift small recipients and the rest is shared by weight", () => {
    expect(allocate("100.00", [1, 9], { floors: ["20.00", null] }).map(String)).toEqual(["20.00", "80.00"]);
    // a zero-weight recipient with a floor gets exactly its floor
    expect(allocate("100.00", [0, 1], { floors: ["10.00", null] }).map(String)).toEqual(["10.00", "90.00"]);
  });

  it("CORE-ALLOC-3: floors and caps always hold, the total is conserved, and the result is the exact water-filling rounded", () => {
    const caseArb = fc
      .array(
        fc.record({
          w: fc.integer({ min: 0, max: 1000 }),
          f: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
          c: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: null }),
        }),
        { minLength: 1, maxLength: 12 },
      )
      .map((rs) => rs.map((r) => ({ ...r, c: r.c !== null && r.f !== null && r.c < r.f ? r.f : r.c })));
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 200000 }), (rs, totalFen) => {
        const floors = rs.map((r) => (r.f === null ? null : (r.f / 100).toFixed(2)));
        const caps = rs.map((r) => (r.c === null ? null : (r.c / 100).toFixed(2)));
        const total = (totalFen / 100).toFixed(2);
        let parts: ReturnType<typeof allocate>;
        try {
          parts = allocate(
            total,
            rs.map((r) => r.w),
            { floors, caps },
          );
        } catch (e) {
          const code = (e as { code: string }).code;
          expect(["INFEASIBLE_FLOORS", "INFEASIBLE_CAPS", "ALL_ZERO_WEIGHTS"]).toContain(code);
          const floorSum = rs.reduce((a, r) => a + (r.f ?? 0), 0);
          const reach = rs.some((r) => r.w > 0 && r.c === null)
            ? Infinity
            : rs.reduce((a, r) => a + (r.w === 0 ? (r.f ?? 0) : (r.c ?? 0)), 0);
          expect(floorSum > totalFen || reach < totalFen).toBe(true);
          return;
        }
        expect(sum(parts).fen).toBe(BigInt(totalFen));
        parts.forEach((p, i) => {
          const r = rs[i]!;
          expect(p.fen >= BigInt(r.f ?? 0)).toBe(true);
          if (r.c !== null) expect(p.fen <= BigInt(r.c)).toBe(true);
          if (r.w === 0) expect(p.fen).toBe(BigInt(r.f ?? 0));
        });
        // Water-filling: two free recipients (strictly between their bounds) get amounts proportional to weight within one unit.
        const free = parts
          .map((p, i) => ({ p: Number(p.fen), ...rs[i]! }))
          .filter((x) => x.w > 0 && x.p > (x.f ?? 0) && (x.c === null || x.p < x.c));
        for (const a of free) for (const b of free) expect(a.p * b.w - b.p * a.w).toBeLessThanOrEqual(b.w + a.w);
      }),
      { numRuns: 400 },
    );
  });

  it("CORE-ALLOC-3: infeasible floors and caps say by how much", () => {
    const f = expectSannongError(() => allocate("100.00", [1, 1], { floors: ["60.00", "60.00"] }), "INFEASIBLE_FLOORS");
    expect(f.details["by"]).toBe("20.00");
    const c = expectSannongError(() => allocate("100.00", [1, 1], { caps: ["10.00", "10.00"] }), "INFEASIBLE_CAPS");
    expect(c.details["by"]).toBe("80.00");
    expectSannongError(
      () => allocate("100.00", [1, 1], { floors: ["50.00", null], caps: ["40.00", null] }),
      "INFEASIBLE_BOUNDS",
    );
    expectSannongError(() => allocate("100.00", [1, 1], { caps: ["10.00"] }), "BOUNDS_LENGTH");
  });

  it("CORE-ALLOC-4: allocate is built on the same integer core as allocateMinorUnits and returns the same numbers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc
          .array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 50 })
          .filter((w) => w.some((x) => x > 0)),
        (t, ws) => {
          const bulk = Array.from(allocateMinorUnits(t, ws));
          const viaMoney = allocate(`${Math.floor(t / 100)}.${String(t % 100).padStart(2, "0")}`, ws).map((m) =>
            Number(m.fen),
          );
          expect(viaMoney).toEqual(bulk);
        },
      ),
      { numRuns: 200 },
    );
  });

  describe("bad input (CORE-ALLOC-1, CORE-ERR-1)", () => {
    it.each([
      ["NaN weight", () => allocate("1.00", [Number.NaN])],
      ["Infinity weight", () => allocate("1.00", [Number.POSITIVE_INFINITY])],
      ["string weight that is not a number", () => allocate("1.00", ["abc"])],
      ["exponent string weight", () => allocate("1.00", ["1e3"])],
      ["empty weights", () => allocate("1.00", [])],
      ["weights not an array", () => allocate("1.00", "1,2" as unknown as number[])],
      ["three-decimal total", () => allocate("1.005", [1])],
      ["float-noise total", () => allocate(0.1 + 0.2, [1])],
      ["NaN total", () => allocate(Number.NaN, [1])],
      ["object total", () => allocate({} as unknown as string, [1])],
      ["unknown option key", () => allocate("1.00", [1], { unti: "100" } as unknown as object)],
      ["__proto__ option key", () => allocate("1.00", [1], JSON.parse('{"__proto__": {"unit": "100"}}') as object)],
      ["zero unit", () => allocate("1.00", [1], { unit: "0" })],
      ["sub-fen unit", () => allocate("1.00", [1], { unit: "0.001" })],
      ["huge array", () => allocate("1.00", { length: 20_000_001 } as unknown as number[])],
    ])("%s → INVALID_INPUT", (_name, fn) => {
      expectSannongError(fn, "INVALID_INPUT");
    });

    it("a total that is not a multiple of the unit cannot be split exactly", () => {
      expectSannongError(() => allocate("1234.56", [1, 1], { unit: "100" }), "TOTAL_NOT_MULTIPLE_OF_UNIT", ["total"]);
    });
  });
});

describe("allocateMinorUnits", () => {
  it("CORE-ALLOC-4: splits 12,345,678.91 元 in 分 over integer weights exactly", () => {
    const weights = Array.from({ length: 1000 }, (_, i) => (i * 37) % 101);
    const parts = allocateMinorUnits(1_234_567_891, weights);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_234_567_891);
    expect(Array.from(parts).map(BigInt)).toEqual(reference(1_234_567_891n, weights.map(String)));
  });

  it("CORE-ALLOC-4: falls back to exact bigint arithmetic when products exceed 2^53", () => {
    const w = [2 ** 52, 3, 2 ** 51 + 1];
    const parts = allocateMinorUnits(9_007_199_254_740_000, w);
    expect(Array.from(parts).map(BigInt)).toEqual(reference(9_007_199_254_740_000n, w.map(String)));
  });

  it("CORE-ALLOC-4: a large pool over large weights (products beyond 2^53, Σw safe) is still exact", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2 ** 40, max: Number.MAX_SAFE_INTEGER }),
        fc
          .array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 60 })
          .filter((w) => w.some((x) => x > 0)),
        (t, ws) => {
          expect(Array.from(allocateMinorUnits(t, ws)).map(BigInt)).toEqual(reference(BigInt(t), ws.map(String)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("CORE-ALLOC-4: accepts typed arrays and never mutates the weights", () => {
    const w = new Uint32Array([3, 1, 1]);
    expect(Array.from(allocateMinorUnits(5, w))).toEqual([3, 1, 1]);
    expect(Array.from(w)).toEqual([3, 1, 1]);
  });

  it.each([
    ["negative total", () => allocateMinorUnits(-1, [1])],
    ["fractional total", () => allocateMinorUnits(1.5, [1])],
    ["unsafe total", () => allocateMinorUnits(2 ** 60, [1])],
    ["fractional weight", () => allocateMinorUnits(10, [0.5, 1])],
    ["negative weight", () => allocateMinorUnits(10, [1, -2])],
    ["NaN weight", () => allocateMinorUnits(10, [Number.NaN])],
    ["empty", () => allocateMinorUnits(10, [])],
    ["not an array", () => allocateMinorUnits(10, null as unknown as number[])],
  ])("CORE-ALLOC-4: %s → INVALID_INPUT", (_n, fn) => {
    expectSannongError(fn, "INVALID_INPUT");
  });

  it("CORE-ALLOC-2: all-zero weights with a non-zero total is an error, with zero total gives zeros", () => {
    expectSannongError(() => allocateMinorUnits(10, [0, 0]), "ALL_ZERO_WEIGHTS");
    expect(Array.from(allocateMinorUnits(0, [0, 0]))).toEqual([0, 0]);
  });
});
