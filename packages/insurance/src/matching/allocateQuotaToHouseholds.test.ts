import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay, parseInput, renderTrace } from "@sannong/core";
import {
  allocateQuotaToHouseholds,
  allocateQuotaToHouseholdsInputSchema,
  type AllocateQuotaToHouseholdsInput,
} from "./allocateQuotaToHouseholds";
import { fastPrepare, prepare } from "../internal/fastHouseholds";
import { insuranceParameterSet } from "../parameters";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

const adult = (
  id: string,
  extra: Partial<{ birthDate: string; collectiveMember: boolean; alreadyInsured: boolean }> = {},
) => ({ id, birthDate: "1980-01-01", collectiveMember: true, alreadyInsured: false, ...extra });

describe("allocateQuotaToHouseholds", () => {
  it("INS-MATCH-1: places follow the land each household lost (Hamilton by default, any area unit)", () => {
    const r = allocateQuotaToHouseholds(
      deepFreeze({
        quota: 5,
        asOf: "2024-06-01",
        households: [
          { id: "h1", landLost: 6 },
          { id: "h2", landLost: 3 },
          { id: "h3", landLost: { value: 1000, unit: "sqm" } },
        ],
      }),
    );
    // exact shares 2.857, 1.429, 0.714 → floors 2, 1, 0 and two places to the largest remainders (h1, h3)
    expect(r.households.map((h) => [h.id, h.landLostMu, h.places])).toEqual([
      ["h1", "6", 3],
      ["h2", "3", 1],
      ["h3", "1.5", 1],
    ]);
    expect(r.method).toBe("hamilton");
    expect(r.awaiting).toBe(5);
    expect(r.trace.parameters?.map((p) => p.id)).toEqual(["insurance.match.apportionMethod", "insurance.quota.minAge"]);
  });

  it("INS-MATCH-1: the method is declared — a divisor method may differ from Hamilton", () => {
    const households = [
      { id: "a", landLost: 100000 },
      { id: "b", landLost: 80000 },
      { id: "c", landLost: 30000 },
      { id: "d", landLost: 20000 },
    ];
    expect(
      allocateQuotaToHouseholds({ quota: 8, asOf: "2024-06-01", households, method: "jefferson" }).households.map(
        (h) => h.places,
      ),
    ).toEqual([4, 3, 1, 0]);
    expect(
      allocateQuotaToHouseholds({ quota: 8, asOf: "2024-06-01", households, method: "adams" }).households.map(
        (h) => h.places,
      ),
    ).toEqual([3, 3, 1, 1]);
    const viaParam = allocateQuotaToHouseholds(
      { quota: 8, asOf: "2024-06-01", households },
      { parameters: overlay(insuranceParameterSet, { "insurance.match.apportionMethod": { value: "adams" } }) },
    );
    expect(viaParam.method).toBe("adams");
    expect(viaParam.households.map((h) => h.places)).toEqual([3, 3, 1, 1]);
  });

  it("INS-MATCH-1: ties go to the lower household id whatever the input order, and are reported", () => {
    const r = allocateQuotaToHouseholds({
      quota: 1,
      asOf: "2024-06-01",
      households: [
        { id: "z", landLost: 2 },
        { id: "a", landLost: 2 },
      ],
    });
    expect(r.households.map((h) => [h.id, h.places])).toEqual([
      ["z", 0],
      ["a", 1],
    ]);
    expect(r.ties).toEqual([{ among: ["a", "z"], awarded: ["a"], places: 1 }]);
  });

  it("INS-MATCH-2: a household's choices are checked — under 16, already insured, not a collective member, not in the household — and extra choices are refused in order", () => {
    const r = allocateQuotaToHouseholds({
      quota: 3,
      asOf: "2024-06-01",
      households: [
        {
          id: "h1",
          landLost: 3,
          members: [
            adult("m1"),
            adult("kid", { birthDate: "2010-01-01" }),
            adult("ins", { alreadyInsured: true }),
            adult("out", { collectiveMember: false }),
            adult("m2"),
            adult("m3"),
          ],
          chosen: ["kid", "m1", "ins", "stranger", "out", "m2", "m3"],
        },
      ],
    });
    const h = r.households[0]!;
    expect(h.places).toBe(3);
    expect(h.status).toBe("filled");
    expect(h.insured).toEqual(["m1", "m2", "m3"]);
    expect(h.rejected.map((x) => [x.memberId, x.reasons])).toEqual([
      ["kid", ["UNDER_MIN_AGE"]],
      ["ins", ["ALREADY_INSURED"]],
      ["stranger", ["NOT_IN_HOUSEHOLD"]],
      ["out", ["NOT_COLLECTIVE_MEMBER"]],
    ]);
    const more = allocateQuotaToHouseholds({
      quota: 1,
      asOf: "2024-06-01",
      households: [{ id: "h", landLost: 1, members: [adult("a"), adult("b")], chosen: ["a", "b"] }],
    });
    expect(more.households[0]!.rejected).toEqual([
      { memberId: "b", reasons: ["NO_PLACE_LEFT"], zh: expect.any(String), en: expect.any(String) },
    ]);
  });

  it("INS-MATCH-2: places a household cannot fill go to the surplus; households that have not chosen are awaiting", () => {
    const r = allocateQuotaToHouseholds({
      quota: 4,
      asOf: "2024-06-01",
      households: [
        { id: "h1", landLost: 2, members: [adult("a"), adult("b", { birthDate: "2009-06-02" })], chosen: ["a", "b"] },
        { id: "h2", landLost: 2 },
      ],
    });
    expect(r.households.map((h) => [h.status, h.places, h.insured.length, h.surplus])).toEqual([
      ["partly-filled", 2, 1, 1],
      ["awaiting-choice", 2, 0, 0],
    ]);
    expect([r.filled, r.surplus, r.awaiting]).toEqual([1, 1, 2]);
    // turning 16 on the list date counts
    const on = allocateQuotaToHouseholds({
      quota: 1,
      asOf: "2024-06-01",
      households: [{ id: "h", landLost: 1, members: [adult("b", { birthDate: "2008-06-01" })], chosen: ["b"] }],
    });
    expect(on.households[0]!.insured).toEqual(["b"]);
    expect(renderTrace(r.trace, { lang: "en" })).toContain("INS-MATCH-2");
  });

  it("INS-MATCH-1: property — household places add up to the village quota, each within one of its exact share (Hamilton)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 }),
        (quota, lands) => {
          fc.pre(quota === 0 || lands.some((l) => l > 0));
          const households = lands.map((l, i) => ({
            id: `h${String(i).padStart(2, "0")}`,
            landLost: `${Math.floor(l / 100)}.${String(l % 100).padStart(2, "0")}`,
          }));
          const r = allocateQuotaToHouseholds({ quota, asOf: "2024-06-01", households });
          expect(r.households.reduce((a, h) => a + h.places, 0)).toBe(quota);
          const total = lands.reduce((a, b) => a + b, 0);
          r.households.forEach((h, i) => {
            expect(h.places).toBeGreaterThanOrEqual(0);
            if (total > 0) {
              // integer numerator and denominator below 2^53, so floor and ceil of the float quotient are exact
              expect(h.places).toBeGreaterThanOrEqual(Math.floor((quota * lands[i]!) / total));
              expect(h.places).toBeLessThanOrEqual(Math.ceil((quota * lands[i]!) / total));
            }
          });
        },
      ),
    );
  });

  it("INS-MATCH-1: property — permuting households permutes the result; the same land in any unit gives the same places", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 15 }),
        fc.integer(),
        (quota, lands, seed) => {
          const households = lands.map((l, i) => ({ id: `h${i}`, landLost: l }));
          const perm = [...households].sort(
            (a, b) => ((Number(a.id.slice(1)) * 7 + seed) % 11) - ((Number(b.id.slice(1)) * 7 + seed) % 11),
          );
          const a = allocateQuotaToHouseholds({ quota, asOf: "2024-06-01", households });
          const b = allocateQuotaToHouseholds({ quota, asOf: "2024-06-01", households: perm });
          const placesOf = (r: typeof a) => Object.fromEntries(r.households.map((h) => [h.id, h.places]));
          expect(placesOf(b)).toEqual(placesOf(a));
          // 1 亩 = 2000/3 m²: 3 亩 = 2000 m²
          const inSqm = allocateQuotaToHouseholds({
            quota,
            asOf: "2024-06-01",
            households: households.map((h) => ({
              id: h.id,
              landLost: { value: h.landLost * 2000, unit: "sqm" as const },
            })),
          });
          const inMu3 = allocateQuotaToHouseholds({
            quota,
            asOf: "2024-06-01",
            households: households.map((h) => ({ id: h.id, landLost: h.landLost * 3 })),
          });
          expect(placesOf(inSqm)).toEqual(placesOf(inMu3));
          expect(JSON.stringify(allocateQuotaToHouseholds({ quota, asOf: "2024-06-01", households }))).toBe(
            JSON.stringify(a),
          );
        },
      ),
    );
  });

  it("INS-MATCH-1: property — the fast input path returns exactly what the schema returns, and nothing the schema rejects", () => {
    const landArb = fc.oneof(
      fc.integer({ min: -5, max: 10_000 }),
      fc.double({ min: -1, max: 1e6, noNaN: false }),
      fc.constantFrom(
        "1.5",
        "01.5",
        "1.50",
        " 2",
        "1e3",
        "0",
        "0.0001",
        "0.00001",
        "123456789",
        "1234567890",
        "-1",
        "",
        "abc",
      ),
      fc.record({
        value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom("2.5", "x", "3.0")),
        unit: fc.constantFrom("mu", "hectare", "sqm", "acre"),
      }),
      fc.constant({ value: 1, unit: "mu", extra: 1 }),
    );
    const idArb = fc.oneof(fc.constantFrom("a", "b", " c", "d ", "", "x".repeat(201)), fc.string({ maxLength: 5 }));
    const householdArb = fc.oneof(
      fc.record({ id: idArb, landLost: landArb }),
      fc.record({ id: idArb, landLost: landArb, note: fc.constant("x") }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1, max: 50 }), fc.constant(1.5)),
        fc.constantFrom("2024-06-01", "2024-02-30", 5),
        fc.constantFrom(undefined, "hamilton", "webster", "dhondt"),
        fc.array(householdArb, { maxLength: 6 }),
        (quota, asOf, method, households) => {
          const input = method === undefined ? { quota, asOf, households } : { quota, asOf, method, households };
          const fast = fastPrepare(input);
          const ref = allocateQuotaToHouseholdsInputSchema.safeParse(input);
          if (fast !== undefined) {
            expect(ref.success).toBe(true);
            if (ref.success) expect(fast).toEqual(prepare(ref.data));
          }
        },
      ),
      { numRuns: 2000 },
    );
    // and the common shape does take the fast path
    const common = {
      quota: 1,
      asOf: "2024-06-01",
      households: [
        { id: "h", landLost: 1.25 },
        { id: "i", landLost: { value: "3", unit: "hectare" } },
        { id: "j", landLost: { value: 4000, unit: "sqm" } },
      ],
    };
    const fast = fastPrepare(common);
    expect(fast).toBeDefined();
    expect(fast).toEqual(prepare(parseInput(allocateQuotaToHouseholdsInputSchema, common)));
    expect(fast?.mu).toEqual(["1.25", "45", "6"]);
  });

  it("INS-MATCH-1: large and many-decimal areas take the exact decimal path", () => {
    const r = allocateQuotaToHouseholds({
      quota: 3,
      asOf: "2024-06-01",
      households: [
        { id: "a", landLost: "0.123456789" },
        { id: "b", landLost: "0.246913578" },
        { id: "c", landLost: { value: "999999999999", unit: "hectare" } },
      ],
    });
    expect(r.households.map((h) => h.places)).toEqual([0, 0, 3]);
    expect(r.households.map((h) => h.landLostMu)).toEqual(["0.123456789", "0.246913578", "14999999999985"]);
  });

  it("INS-MATCH-1: no household lost land but places to give is a typed refusal", () => {
    expectSannongError(
      () => allocateQuotaToHouseholds({ quota: 2, asOf: "2024-06-01", households: [{ id: "a", landLost: 0 }] }),
      "ALL_ZERO_WEIGHTS",
    );
    expect(
      allocateQuotaToHouseholds({ quota: 0, asOf: "2024-06-01", households: [{ id: "a", landLost: 0 }] }).households[0]!
        .places,
    ).toBe(0);
  });

  const good: AllocateQuotaToHouseholdsInput = {
    quota: 2,
    asOf: "2024-06-01",
    households: [
      { id: "a", landLost: 1, members: [adult("m")], chosen: ["m"] },
      { id: "b", landLost: 1 },
    ],
  };
  it.each([
    [{ ...good, quota: -1 }, ["quota"]],
    [{ ...good, quota: 1.5 }, ["quota"]],
    [{ ...good, asOf: "2024-06-31" }, ["asOf"]],
    [{ ...good, method: "dhondt" }, ["method"]],
    [{ ...good, households: [] }, ["households"]],
    [{ ...good, households: [{ id: "a", landLost: -1 }] }, ["households", 0, "landLost"]],
    [{ ...good, households: [{ id: "a", landLost: Number.NaN }] }, ["households", 0, "landLost"]],
    [
      { ...good, households: [{ id: "a", landLost: { value: 1, unit: "acre" } }] },
      ["households", 0, "landLost", "unit"],
    ],
    [
      {
        ...good,
        households: [
          { id: "a", landLost: 1 },
          { id: "a", landLost: 2 },
        ],
      },
      ["households", 1, "id"],
    ],
    [
      { ...good, households: [{ id: "a", landLost: 1, members: [adult("m"), adult("m")] }] },
      ["households", 0, "members", 1, "id"],
    ],
    [
      {
        ...good,
        households: [
          { id: "a", landLost: 1, members: [adult("m")] },
          { id: "b", landLost: 1, members: [adult("m")] },
        ],
      },
      ["households", 1, "members", 0, "id"],
    ],
    [
      { ...good, households: [{ id: "a", landLost: 1, members: [adult("m")], chosen: ["m", "m"] }] },
      ["households", 0, "chosen", 1],
    ],
    [
      { ...good, households: [{ id: "a", landLost: 1, members: [{ ...adult("m"), age: 3 }] }] },
      ["households", 0, "members", 0],
    ],
    [{ ...good, households: [{ id: "a", landLost: 1, land: 2 }] }, ["households", 0]],
    [{ ...good, extra: 1 }, []],
    [JSON.parse('{"quota":1,"asOf":"2024-06-01","households":[{"id":"a","landLost":1,"__proto__":{"x":1}}]}'), []],
  ])("INS-MATCH-2: bad input %# is INVALID_INPUT", (input, path) => {
    const e = expectSannongError(
      () => allocateQuotaToHouseholds(input as AllocateQuotaToHouseholdsInput),
      "INVALID_INPUT",
    );
    if (path.length) expect(e.path).toEqual(path);
  });
});
