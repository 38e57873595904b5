import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay, parseInput, ValidationError, isSannongError } from "@sannong/core";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import { drawSurveySample, drawSurveySampleInputSchema, fastParseSurveyInput } from "./drawSurveySample";
import { drawKey, drawSeeds, murmur3Utf16 } from "../internal/hash";
import { migrantsParameterSet } from "../parameters";

const frame = (n: number, prefix = "H") => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}` }));

/** The plain reference draw: sort every household of a stratum by (key, id), take the first ceil(rate × N_s). */
function referenceDraw(
  households: readonly { id: string; stratum?: string }[],
  rateNum: bigint,
  rateDen: bigint,
  seed: string,
): string[] {
  const seeds = drawSeeds(seed);
  const strata = new Map<string, string[]>();
  for (const h of households) {
    const s = h.stratum ?? "";
    strata.set(s, [...(strata.get(s) ?? []), h.id]);
  }
  const out: string[] = [];
  for (const s of [...strata.keys()].sort()) {
    const ids = strata.get(s)!;
    const k = Number((rateNum * BigInt(ids.length) + rateDen - 1n) / rateDen);
    const ranked = ids
      .map((id) => ({ id, key: (murmur3Utf16(id, seeds.s1) >>> 11) * 2 ** 32 + murmur3Utf16(id, seeds.s2) }))
      .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.push(...ranked.slice(0, k).map((r) => r.id));
  }
  return out;
}

const shuffle = <T>(xs: readonly T[], perm: readonly number[]): T[] => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = perm[i % perm.length]! % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

describe("drawSurveySample", () => {
  it("MIG-SURVEY-1: murmur3 over UTF-16LE matches the published MurmurHash3_x86_32 vectors", () => {
    expect(murmur3Utf16("", 0)).toBe(0);
    expect(murmur3Utf16("", 1)).toBe(0x514e28b7);
    expect(murmur3Utf16("\u4321\u8765", 0)).toBe(0xf55b516b); // bytes 21 43 65 87
    expect(murmur3Utf16("\u4321\u8765", 0x5082edee)).toBe(0x2362f9de);
    expect(murmur3Utf16("\u4321", 0)).toBe(0xa0f7b07a); // bytes 21 43
    expect(murmur3Utf16("\u0000\u0000", 0)).toBe(0x2362f9de);
  });

  it("MIG-SURVEY-1: the one-pass sampling key equals two murmur3 hashes of the id", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string(), (id, seed) => {
        const s = drawSeeds(seed);
        expect(drawKey(id, s)).toBe((murmur3Utf16(id, s.s1) >>> 11) * 2 ** 32 + murmur3Utf16(id, s.s2));
        expect(Number.isSafeInteger(drawKey(id, s))).toBe(true);
      }),
    );
  });

  it("MIG-SURVEY-1: 1,234 households at the default 5% → a sample of 62 distinct households of the frame", () => {
    const households = frame(1234);
    const r = drawSurveySample({ households, seed: "2024-survey" });
    expect(r.size).toBe(62);
    expect(r.population).toBe(1234);
    expect(r.rate).toBe("0.05");
    expect(r.sample).toHaveLength(62);
    expect(new Set(r.sample).size).toBe(62);
    const ids = new Set(households.map((h) => h.id));
    expect(r.sample.every((id) => ids.has(id))).toBe(true);
    expect(r.byStratum).toEqual([]);
    expect(r.trace.rule).toBe("MIG-SURVEY-1");
    expect(r.trace.parameters?.[0]).toMatchObject({ id: "migrants.survey.minRate", value: "0.05", verified: false });
    expect(r.sample).toEqual(referenceDraw(households, 1n, 20n, "2024-survey"));
  });

  it.each([
    [1, "0.05", 1],
    [20, "0.05", 1],
    [21, "0.05", 2],
    [100, "0.05", 5],
    [101, "0.05", 6],
    [10, "1", 10],
    [7, "0.5", 4],
    [3, "0.3333", 1],
  ] as const)("MIG-SURVEY-1: N = %i at rate %s → size %i (ceil)", (n, rate, size) => {
    expect(drawSurveySample({ households: frame(n), rate, seed: 7 }).size).toBe(size);
  });

  it("MIG-SURVEY-1: stratified size is Σ ceil(rate × N_s), strata in code-unit order, each drawn within itself", () => {
    const households = [
      ...frame(101, "A").map((h) => ({ ...h, stratum: "衢江区" })),
      ...frame(20, "B").map((h) => ({ ...h, stratum: "柯城区" })),
      ...frame(7, "C").map((h) => ({ ...h, stratum: "low-income" })),
    ];
    const r = drawSurveySample({ households, seed: "s" });
    // ceil(5.05) + ceil(1) + ceil(0.35) = 6 + 1 + 1
    expect(r.size).toBe(8);
    expect(r.byStratum.map((s) => [s.stratum, s.population, s.size])).toEqual([
      ["low-income", 7, 1],
      ["柯城区", 20, 1],
      ["衢江区", 101, 6],
    ]);
    expect(r.byStratum[2]!.sample.every((id) => id.startsWith("A"))).toBe(true);
    expect(r.sample).toEqual(r.byStratum.flatMap((s) => s.sample));
    expect(r.sample).toEqual(referenceDraw(households, 1n, 20n, "s"));
    expect(r.trace.children).toHaveLength(3);
  });

  it('MIG-SURVEY-1: the seed 42 and the seed "42" draw the same sample; the draw is deterministic', () => {
    const households = frame(500);
    const a = drawSurveySample({ households, seed: 42 });
    const b = drawSurveySample({ households, seed: "42" });
    expect(a.sample).toEqual(b.sample);
    expect(JSON.stringify(drawSurveySample({ households, seed: 42 }))).toBe(JSON.stringify(a));
  });

  it("MIG-SURVEY-1: a rate below the minimum is refused; an overlaid minimum changes the default size", () => {
    expectSannongError(
      () => drawSurveySample({ households: frame(100), rate: "0.04", seed: 1 }),
      "RATE_BELOW_MINIMUM",
      ["rate"],
    );
    const set = overlay(migrantsParameterSet, { "migrants.survey.minRate": { value: "0.1" } });
    const r = drawSurveySample({ households: frame(100), seed: 1 }, { parameters: set });
    expect(r.size).toBe(10);
    expect(r.trace.parameters?.[0]).toMatchObject({ overridden: true, value: "0.1" });
  });

  it("MIG-SURVEY-1: a date before the seed took effect has no parameter in force", () => {
    expectSannongError(
      () => drawSurveySample({ households: frame(10), seed: 1, date: "2015-01-01" }),
      "PARAM_NOT_IN_FORCE",
    );
    expect(drawSurveySample({ households: frame(10), seed: 1, date: "2020-06-30" }).size).toBe(1);
  });

  it("MIG-SURVEY-1: does not mutate its input", () => {
    const input = deepFreeze({
      households: frame(50).map((h, i) => ({ ...h, stratum: i % 2 ? "a" : "b" })),
      seed: "x",
    });
    expect(() => drawSurveySample(input)).not.toThrow();
  });

  const householdsArb = fc
    .uniqueArray(
      fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s),
      { minLength: 1, maxLength: 300 },
    )
    .chain((ids) =>
      fc.tuple(
        fc.constant(ids),
        fc.array(fc.constantFrom("a", "b", "c", "县"), { minLength: ids.length, maxLength: ids.length }),
        fc.boolean(),
      ),
    );
  const rateArb = fc.constantFrom("0.05", "0.06", "0.1", "0.123", "0.5", "0.99", "1");

  it("MIG-SURVEY-1 (property): size is ceil(rate × N) / Σ ceil(rate × N_s), no household twice, all from the frame, equal to the reference draw", () => {
    fc.assert(
      fc.property(
        householdsArb,
        rateArb,
        fc.string({ minLength: 1, maxLength: 10 }),
        ([ids, strata, stratified], rate, seed) => {
          const households = ids.map((id, i) => (stratified ? { id, stratum: strata[i]! } : { id }));
          const r = drawSurveySample({ households, rate, seed });
          const [num, den] = rate === "1" ? [1n, 1n] : [BigInt(rate.slice(2)), 10n ** BigInt(rate.length - 2)];
          const expected = stratified
            ? [...new Set(strata)].reduce(
                (acc, s) => acc + Number((num * BigInt(strata.filter((x) => x === s).length) + den - 1n) / den),
                0,
              )
            : Number((num * BigInt(ids.length) + den - 1n) / den);
          expect(r.size).toBe(expected);
          expect(new Set(r.sample).size).toBe(r.size);
          const frameIds = new Set(ids);
          expect(r.sample.every((id) => frameIds.has(id))).toBe(true);
          expect(r.sample).toEqual(referenceDraw(households, num, den, seed));
        },
      ),
    );
  });

  it("MIG-SURVEY-1 (property): the order of the input list does not change the sample", () => {
    fc.assert(
      fc.property(
        householdsArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        fc.string({ minLength: 1 }),
        ([ids, strata, stratified], perm, seed) => {
          const households = ids.map((id, i) => (stratified ? { id, stratum: strata[i]! } : { id }));
          const a = drawSurveySample({ households, seed, rate: "0.2" });
          const b = drawSurveySample({ households: shuffle(households, perm), seed, rate: "0.2" });
          expect(b.sample).toEqual(a.sample);
          expect(b.byStratum).toEqual(a.byStratum);
        },
      ),
    );
  });

  it("MIG-SURVEY-1 (property): the fast validation path accepts only what the schema accepts, with the same data, and errors are the schema's", () => {
    const item = fc.oneof(
      fc.record({ id: fc.oneof(fc.constantFrom("a", "b", " c", "", "d "), fc.string({ maxLength: 3 })) }),
      fc.record({
        id: fc.constantFrom("a", "b", "e"),
        stratum: fc.oneof(fc.constantFrom("s", ""), fc.constant(undefined), fc.integer()),
      }),
      fc.record({ id: fc.constantFrom("x"), extra: fc.integer() }),
      fc.constantFrom(null, 1, "h", [] as unknown[]),
    );
    const input = fc.record(
      {
        households: fc.oneof(fc.array(item, { maxLength: 6 }), fc.constant("no")),
        seed: fc.oneof(fc.constantFrom("s", 1, -1, 1.5, ""), fc.string()),
        rate: fc.constantFrom("0.05", "0.5", "2", "x", 0.1, Number.NaN),
        date: fc.constantFrom("2020-01-01", "2020-02-30"),
        junk: fc.constant(1),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (x) => {
        const z = drawSurveySampleInputSchema.safeParse(x);
        const f = fastParseSurveyInput(x);
        if (f !== undefined && !z.success) {
          // only duplicates may pass the fast shape check; the function then reports them through the schema
          expect(
            z.error.issues.every((i) => (i as { params?: { code?: string } }).params?.code === "duplicate_id"),
          ).toBe(true);
        }
        if (f !== undefined && z.success) {
          expect(f.households.map((h) => [h.id, h.stratum])).toEqual(z.data.households.map((h) => [h.id, h.stratum]));
          expect(String(f.rate)).toBe(String(z.data.rate));
          expect([f.seed, f.date]).toEqual([z.data.seed, z.data.date]);
        }
        if (!z.success) {
          let viaSchema: unknown;
          try {
            parseInput(drawSurveySampleInputSchema, x, "drawSurveySample");
          } catch (e) {
            viaSchema = e;
          }
          let viaFn: unknown;
          try {
            drawSurveySample(x as never);
          } catch (e) {
            viaFn = e;
          }
          expect(viaFn).toBeInstanceOf(ValidationError);
          expect(isSannongError(viaFn) && (viaFn as ValidationError).toJSON()).toEqual(
            (viaSchema as ValidationError).toJSON(),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  describe("MIG-SURVEY-1: bad input", () => {
    it.each([
      ["no households", { households: [], seed: 1 }, ["households"]],
      ["households not an array", { households: "all", seed: 1 }, ["households"]],
      ["duplicate ids", { households: [{ id: "a" }, { id: "a" }], seed: 1 }, ["households", 1, "id"]],
      ["duplicate ids after trimming", { households: [{ id: "a" }, { id: " a " }], seed: 1 }, ["households", 1, "id"]],
      ["empty id", { households: [{ id: "" }], seed: 1 }, ["households", 0, "id"]],
      ["id not a string", { households: [{ id: 5 }], seed: 1 }, ["households", 0, "id"]],
      [
        "strata on some only",
        { households: [{ id: "a", stratum: "x" }, { id: "b" }], seed: 1 },
        ["households", 1, "stratum"],
      ],
      ["unknown household key", { households: [{ id: "a", size: 3 }], seed: 1 }, ["households", 0]],
      ["unknown top-level key", { households: [{ id: "a" }], seed: 1, sead: 2 }, []],
      ["__proto__ key", JSON.parse('{"households":[{"id":"a"}],"seed":1,"__proto__":{"x":1}}'), []],
      ["missing seed", { households: [{ id: "a" }] }, ["seed"]],
      ["negative seed", { households: [{ id: "a" }], seed: -1 }, ["seed"]],
      ["fractional seed", { households: [{ id: "a" }], seed: 1.5 }, ["seed"]],
      ["rate above 1", { households: [{ id: "a" }], seed: 1, rate: "1.5" }, ["rate"]],
      ["rate NaN", { households: [{ id: "a" }], seed: 1, rate: Number.NaN }, ["rate"]],
      ["rate Infinity", { households: [{ id: "a" }], seed: 1, rate: Number.POSITIVE_INFINITY }, ["rate"]],
      ["bad date", { households: [{ id: "a" }], seed: 1, date: "2023-02-30" }, ["date"]],
      ["not an object", null, []],
    ])("%s → INVALID_INPUT", (_name, input, path) => {
      expectSannongError(() => drawSurveySample(input as never), "INVALID_INPUT", path as (string | number)[]);
    });

    it("bad options → INVALID_INPUT", () => {
      expectSannongError(
        () => drawSurveySample({ households: frame(3), seed: 1 }, { parameters: {} as never }),
        "INVALID_INPUT",
      );
      expectSannongError(
        () => drawSurveySample({ households: frame(3), seed: 1 }, { param: 1 } as never),
        "INVALID_INPUT",
      );
    });
  });
});
