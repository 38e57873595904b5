import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay, renderTrace } from "@sannong/core";
import { computeLandQuota, type ComputeLandQuotaInput } from "./computeLandQuota";
import { insuranceParameterSet } from "../parameters";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const base = { villageArea: 2000, population16Plus: 1000, alreadyInsured: 0 };

describe("computeLandQuota", () => {
  it("INS-QUOTA-2: 450 亩 expropriated from a village of 2,000 亩 and 1,000 persons aged 16+ gives 225 (450 ÷ 2 亩/人)", () => {
    const r = computeLandQuota(deepFreeze({ expropriatedArea: 450, ...base }));
    expect(r).toMatchObject({ quota: 225, raw: "225", perCapitaArea: "2", cap: 1000, capped: false, warnings: [] });
  });

  it.each([
    [{ value: 30, unit: "hectare" }, 225],
    [{ value: "300000", unit: "sqm" }, 225],
    ["450", 225],
    [{ value: "449.999", unit: "mu" }, 224],
    [{ value: "0.0001", unit: "mu" }, 0],
  ] as const)("INS-QUOTA-2: areas in 亩, 公顷 or m² convert exactly (%j → %i)", (expropriatedArea, quota) => {
    expect(computeLandQuota({ expropriatedArea, ...base }).quota).toBe(quota);
  });

  it("INS-QUOTA-2: the quotient is exact — no float step (1 亩 of a 3-亩, 1-person village is 1/3, and 3 m² pieces add up exactly)", () => {
    const r = computeLandQuota({ expropriatedArea: 1, villageArea: 3, population16Plus: 1, alreadyInsured: 0 });
    expect(r.raw).toBe("1/3");
    expect(r.quota).toBe(0);
    // 2000/3 m² = 1 亩 exactly would not terminate in m²; a village of 2,000 m² and 3 persons: 2000 m² = 3 亩, 1 亩 per person
    const s = computeLandQuota({
      expropriatedArea: { value: 2000, unit: "sqm" },
      villageArea: { value: 2000, unit: "sqm" },
      population16Plus: 3,
      alreadyInsured: 0,
    });
    expect(s).toMatchObject({ raw: "3", perCapitaArea: "1", quota: 3 });
    // 1.1 亩 × 10 / 1.1 亩 is exactly 10, where floats give 10.000000000000002 or 9.999…
    expect(
      computeLandQuota({ expropriatedArea: "0.3", villageArea: "0.1", population16Plus: 10, alreadyInsured: 0 }).raw,
    ).toBe("30");
  });

  it.each([
    ["down", 92],
    ["half-up", 92],
    ["up", 93],
  ] as const)("INS-QUOTA-2: rounding is declared (%s)", (rounding, quota) => {
    // 120 × 997 / 1300 = 92.03…
    expect(
      computeLandQuota({ expropriatedArea: 120, villageArea: 1300, population16Plus: 997, alreadyInsured: 0, rounding })
        .quota,
    ).toBe(quota);
  });

  it("INS-QUOTA-2: the rounding default is a parameter recorded in the trace, and can be overlaid", () => {
    const input = { expropriatedArea: 110, villageArea: 200, population16Plus: 1, alreadyInsured: 0 }; // 0.55
    expect(computeLandQuota(input).quota).toBe(0);
    const r = computeLandQuota(input, {
      parameters: overlay(insuranceParameterSet, { "insurance.quota.rounding": { value: "half-up" } }),
    });
    expect(r.quota).toBe(1);
    expect(r.trace.parameters?.[0]).toMatchObject({
      id: "insurance.quota.rounding",
      value: "half-up",
      overridden: true,
    });
  });

  it("INS-QUOTA-2: the base (all agricultural vs cultivated only) is a parameter applied to broken-down figures", () => {
    const input = {
      expropriatedArea: { cultivated: 100, otherAgricultural: 50 },
      villageArea: { cultivated: 1000, otherAgricultural: 1000 },
      population16Plus: 1000,
      alreadyInsured: 0,
    };
    expect(computeLandQuota(input).quota).toBe(75); // 150 × 1000 / 2000
    const cultivated = overlay(insuranceParameterSet, { "insurance.quota.baseLand": { value: "cultivated" } });
    expect(computeLandQuota(input, { parameters: cultivated }).quota).toBe(100); // 100 × 1000 / 1000
    const mixed = computeLandQuota({ ...input, villageArea: 2000 });
    expect(mixed.warnings.map((w) => w.code)).toEqual(["MIXED_LAND_FIGURES"]);
  });

  it("INS-QUOTA-1: the trace names the four inputs (a)–(d) with their values in 亩", () => {
    const r = computeLandQuota({
      expropriatedArea: { value: 30, unit: "hectare" },
      ...base,
      alreadyInsured: 10,
      asOf: "2020-01-01",
    });
    const p = r.trace.children?.[0];
    expect(p?.rule).toBe("INS-QUOTA-1");
    expect(p?.output).toEqual({ "(a) 亩": "450", "(b) 亩": "2000", "(c)": 1000, "(d)": 10 });
    expect(Object.keys(p?.inputs ?? {})).toEqual([
      "(a) expropriatedArea",
      "(b) villageArea",
      "(c) population16Plus",
      "(d) alreadyInsured",
    ]);
    const text = renderTrace(r.trace, { lang: "en" });
    expect(text).toContain("INS-QUOTA-2");
    expect(text).toContain("(a) expropriatedArea");
  });

  describe("INS-QUOTA-3: edge cases", () => {
    it("INS-QUOTA-3: no eligible population → 0 with a warning, no NaN", () => {
      const r = computeLandQuota({ expropriatedArea: 450, villageArea: 2000, population16Plus: 0, alreadyInsured: 0 });
      expect(asJson(r)).toMatchObject({ quota: 0, raw: null, perCapitaArea: null, cap: 0, capped: false });
      expect(r.warnings.map((w) => w.code)).toEqual(["NO_ELIGIBLE_POPULATION"]);
    });
    it("INS-QUOTA-3: a village with no land and nothing expropriated → 0 with a warning", () => {
      const r = computeLandQuota({ expropriatedArea: 0, villageArea: 0, population16Plus: 10, alreadyInsured: 0 });
      expect(r).toMatchObject({ quota: 0, raw: null, perCapitaArea: "0" });
      expect(r.warnings.map((w) => w.code)).toEqual(["NO_VILLAGE_LAND"]);
    });
    it("INS-QUOTA-3: a village with no land but land expropriated is a typed error", () => {
      expectSannongError(
        () =>
          computeLandQuota({
            expropriatedArea: 5,
            villageArea: { value: 0, unit: "hectare" },
            population16Plus: 10,
            alreadyInsured: 0,
          }),
        "NO_VILLAGE_LAND",
        ["villageArea"],
      );
    });
    it("INS-QUOTA-3: nothing expropriated → 0, no warning", () => {
      expect(computeLandQuota({ expropriatedArea: 0, ...base })).toMatchObject({ quota: 0, raw: "0", warnings: [] });
    });
    it("INS-QUOTA-3: expropriation larger than the village's land → the cap c − d applies", () => {
      const r = computeLandQuota({
        expropriatedArea: 2500,
        villageArea: 2000,
        population16Plus: 1000,
        alreadyInsured: 100,
      });
      expect(r).toMatchObject({ quota: 900, raw: "1250", cap: 900, capped: true });
      expect(r.warnings.map((w) => w.code)).toEqual(["EXPROPRIATION_EXCEEDS_VILLAGE_LAND", "QUOTA_CAPPED"]);
    });
    it("INS-QUOTA-3: already insured above the population → 0 with a warning", () => {
      const r = computeLandQuota({
        expropriatedArea: 450,
        villageArea: 2000,
        population16Plus: 1000,
        alreadyInsured: 1200,
      });
      expect(r).toMatchObject({ quota: 0, cap: 0, capped: true });
      expect(r.warnings.map((w) => w.code)).toEqual(["ALREADY_INSURED_EXCEEDS_POPULATION", "QUOTA_CAPPED"]);
    });
    it("INS-QUOTA-2: the cap binds exactly at c − d", () => {
      expect(computeLandQuota({ expropriatedArea: 450, ...base, alreadyInsured: 775 })).toMatchObject({
        quota: 225,
        capped: false,
      });
      expect(computeLandQuota({ expropriatedArea: 450, ...base, alreadyInsured: 776 })).toMatchObject({
        quota: 224,
        capped: true,
      });
    });
  });

  it("INS-QUOTA-2: property — quota = min(floor(a·c/b), c − d), never above the eligible population, the same in any unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        (k, bCenti, c, d) => {
          const aCenti = 3 * k; // so that a in m² (× 2000/3) is a whole number: k × 20 m²
          const a = `${Math.floor(aCenti / 100)}.${String(aCenti % 100).padStart(2, "0")}`;
          const b = `${Math.floor(bCenti / 100)}.${String(bCenti % 100).padStart(2, "0")}`;
          const r = computeLandQuota({ expropriatedArea: a, villageArea: b, population16Plus: c, alreadyInsured: d });
          const floor = c === 0 ? 0n : (BigInt(aCenti) * BigInt(c)) / BigInt(bCenti);
          const cap = Math.max(c - d, 0);
          expect(r.quota).toBe(Math.min(Number(floor), cap));
          expect(r.quota).toBeLessThanOrEqual(c);
          expect(r.quota).toBeGreaterThanOrEqual(0);
          const inSqm = computeLandQuota({
            expropriatedArea: { value: k * 20, unit: "sqm" },
            villageArea: b,
            population16Plus: c,
            alreadyInsured: d,
          });
          expect(inSqm.quota).toBe(r.quota);
          expect(inSqm.raw).toBe(r.raw);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("INS-QUOTA-2: property — more land expropriated never gives fewer places", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (a1, extra, b, c) => {
          const q1 = computeLandQuota({
            expropriatedArea: a1,
            villageArea: b,
            population16Plus: c,
            alreadyInsured: 0,
          }).quota;
          const q2 = computeLandQuota({
            expropriatedArea: a1 + extra,
            villageArea: b,
            population16Plus: c,
            alreadyInsured: 0,
          }).quota;
          expect(q2).toBeGreaterThanOrEqual(q1);
        },
      ),
    );
  });

  const good: ComputeLandQuotaInput = { expropriatedArea: 450, ...base };
  it.each([
    [{ ...good, expropriatedArea: -1 }, ["expropriatedArea"]],
    [{ ...good, expropriatedArea: Number.NaN }, ["expropriatedArea"]],
    [{ ...good, expropriatedArea: Infinity }, ["expropriatedArea"]],
    [{ ...good, expropriatedArea: "1e3" }, ["expropriatedArea"]],
    [{ ...good, expropriatedArea: { value: 1, unit: "acre" } }, ["expropriatedArea", "unit"]],
    [{ ...good, expropriatedArea: { value: 1, unit: "mu", note: "x" } }, ["expropriatedArea", "note"]],
    [{ ...good, villageArea: { cultivated: 1 } }, ["villageArea", "otherAgricultural"]],
    [{ ...good, villageArea: { cultivated: 1, otherAgricultural: 2, forest: 3 } }, ["villageArea", "forest"]],
    [{ ...good, villageArea: null }, ["villageArea"]],
    [{ ...good, population16Plus: -1 }, ["population16Plus"]],
    [{ ...good, population16Plus: 1.5 }, ["population16Plus"]],
    [{ ...good, population16Plus: "1000" }, ["population16Plus"]],
    [{ ...good, alreadyInsured: Number.NaN }, ["alreadyInsured"]],
    [{ ...good, rounding: "half-even" }, ["rounding"]],
    [{ ...good, asOf: "2024-13-01" }, ["asOf"]],
    [{ ...good, population: 10 }, []],
    [
      JSON.parse('{"expropriatedArea":1,"villageArea":2,"population16Plus":1,"alreadyInsured":0,"__proto__":{"a":1}}'),
      [],
    ],
  ])("INS-QUOTA-1: bad input %# is INVALID_INPUT with its path", (input, path) => {
    const e = expectSannongError(() => computeLandQuota(input as ComputeLandQuotaInput), "INVALID_INPUT");
    if (path.length) expect(e.path).toEqual(path);
  });

  it("INS-QUOTA-2: parameters are read on asOf (before the seed's date they are not in force)", () => {
    expectSannongError(() => computeLandQuota({ ...good, asOf: "2019-08-08" }), "PARAM_NOT_IN_FORCE");
    expect(computeLandQuota({ ...good, asOf: "2019-08-09" }).quota).toBe(225);
  });
});
