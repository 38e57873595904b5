import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { quantifyShares } from "./quantifyShares";
import { migrantsParameterSet } from "../parameters";

describe("quantifyShares", () => {
  it("MIG-SHARE-1: 100 shares per person over 4, 3 and 2 persons → 45, 33, 22 (the last share to the largest remainder)", () => {
    const r = quantifyShares({
      asset: { id: "农贸市场", shares: 100 },
      basis: "per-person",
      households: [
        { id: "A", persons: 4 },
        { id: "B", persons: 3 },
        { id: "C", persons: 2 },
      ],
    });
    expect(r.holdings.map((h) => [h.householdId, h.shares, h.weight])).toEqual([
      ["A", 45, "4"],
      ["B", 33, "3"],
      ["C", 22, "2"],
    ]);
    expect(r.method).toBe("hamilton");
    expect(r.totalShares).toBe(100);
    expect(r.ties).toEqual([]);
    expect(r.trace.parameters?.[0]).toMatchObject({
      id: "migrants.shares.apportionMethod",
      value: "hamilton",
      verified: false,
    });
  });

  it("MIG-SHARE-1: per household, 10 shares over 3 households — the tied last share goes to the smaller id whatever the input order", () => {
    const r = quantifyShares({
      asset: { id: "厂房", shares: 10 },
      basis: "per-household",
      households: [{ id: "C" }, { id: "A" }, { id: "B" }],
    });
    expect(r.holdings.map((h) => [h.householdId, h.shares])).toEqual([
      ["C", 3],
      ["A", 4],
      ["B", 3],
    ]);
    expect(r.ties).toEqual([{ among: ["A", "B", "C"], awarded: ["A"], places: 1 }]);
    expect(r.trace.note?.en).toContain("awarded to A");
  });

  it("MIG-SHARE-1: by contribution, with the asset's value split by the shares to the fen", () => {
    const r = quantifyShares({
      asset: { id: "光伏屋顶", shares: 1000, value: "1000000.01" },
      basis: "by-contribution",
      households: [
        { id: "H1", contribution: "5000.00" },
        { id: "H2", contribution: "3000.00" },
        { id: "H3", contribution: "2000" },
      ],
    });
    expect(r.holdings.map((h) => h.shares)).toEqual([500, 300, 200]);
    expect(asJson(r.holdings.map((h) => h.value))).toEqual(["500000.01", "300000.00", "200000.00"]);
  });

  it("MIG-SHARE-1: a divisor method on request (Jefferson), or by an overlaid parameter (Adams)", () => {
    const households = [100000, 80000, 30000, 20000].map((p, i) => ({ id: `V${i}`, persons: p }));
    expect(
      quantifyShares({
        asset: { id: "x", shares: 8 },
        basis: "per-person",
        households,
        method: "jefferson",
      }).holdings.map((h) => h.shares),
    ).toEqual([4, 3, 1, 0]);
    const set = overlay(migrantsParameterSet, { "migrants.shares.apportionMethod": { value: "adams" } });
    const r = quantifyShares({ asset: { id: "x", shares: 8 }, basis: "per-person", households }, { parameters: set });
    expect(r.holdings.map((h) => h.shares)).toEqual([3, 3, 1, 1]);
    expect(r.trace.parameters?.[0]).toMatchObject({ value: "adams", overridden: true });
  });

  it("MIG-SHARE-1: does not mutate its input", () => {
    const input = deepFreeze({
      asset: { id: "a", shares: 7 },
      basis: "per-household" as const,
      households: [{ id: "x" }, { id: "y" }],
    });
    expect(quantifyShares(input).holdings.map((h) => h.shares)).toEqual([4, 3]);
  });

  const householdsArb = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 5 }).filter((s) => s.trim() === s),
      persons: fc.nat(12),
      contribution: fc.nat(10_000_000).map((f) => (f / 100).toFixed(2)),
    }),
    {
      minLength: 1,
      maxLength: 40,
      selector: (h) => h.id,
    },
  );

  it("MIG-SHARE-1 (property): holdings add up to the asset's shares exactly, are never negative, and do not depend on the input order", () => {
    fc.assert(
      fc.property(
        householdsArb,
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom("per-person", "per-household", "by-contribution") as fc.Arbitrary<
          "per-person" | "per-household" | "by-contribution"
        >,
        fc.constantFrom("hamilton", "jefferson", "webster", "adams", "huntington-hill") as fc.Arbitrary<"hamilton">,
        (households, shares, basis, method) => {
          fc.pre(
            basis === "per-household" ||
              households.some((h) => (basis === "per-person" ? h.persons > 0 : Number(h.contribution) > 0)),
          );
          const input = { asset: { id: "a", shares, value: "12345.67" }, basis, households, method };
          const r = quantifyShares(input);
          expect(r.holdings.reduce((a, h) => a + h.shares, 0)).toBe(shares);
          expect(r.holdings.every((h) => Number.isInteger(h.shares) && h.shares >= 0)).toBe(true);
          expect(r.holdings.reduce((a, h) => a + h.value!.fen, 0n)).toBe(1234567n);
          const rev = quantifyShares({ ...input, households: [...households].reverse() });
          const byId = new Map(rev.holdings.map((h) => [h.householdId, h.shares]));
          for (const h of r.holdings) expect(byId.get(h.householdId)).toBe(h.shares);
        },
      ),
    );
  });

  describe("MIG-SHARE-1: bad input", () => {
    const ok = { asset: { id: "a", shares: 10 }, basis: "per-person", households: [{ id: "A", persons: 2 }] };
    it.each([
      ["no households", { ...ok, households: [] }, ["households"]],
      [
        "duplicate ids",
        {
          ...ok,
          households: [
            { id: "A", persons: 1 },
            { id: "A", persons: 1 },
          ],
        },
        ["households", 1, "id"],
      ],
      ["persons missing for per-person", { ...ok, households: [{ id: "A" }] }, ["households", 0, "persons"]],
      [
        "contribution missing for by-contribution",
        { ...ok, basis: "by-contribution" },
        ["households", 0, "contribution"],
      ],
      ["fractional persons", { ...ok, households: [{ id: "A", persons: 1.5 }] }, ["households", 0, "persons"]],
      [
        "negative contribution",
        { ...ok, basis: "by-contribution", households: [{ id: "A", contribution: "-1" }] },
        ["households", 0, "contribution"],
      ],
      ["zero shares", { ...ok, asset: { id: "a", shares: 0 } }, ["asset", "shares"]],
      ["NaN shares", { ...ok, asset: { id: "a", shares: Number.NaN } }, ["asset", "shares"]],
      ["unknown basis", { ...ok, basis: "per-head" }, ["basis"]],
      ["unknown method", { ...ok, method: "dhondt" }, ["method"]],
      ["unknown key", { ...ok, extra: 1 }, []],
      [
        "__proto__ key",
        JSON.parse(
          '{"asset":{"id":"a","shares":1},"basis":"per-household","households":[{"id":"A"}],"__proto__":{"x":1}}',
        ),
        [],
      ],
      ["bad date", { ...ok, date: "2020-13-01" }, ["date"]],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(() => quantifyShares(input as never), "INVALID_INPUT", path as (string | number)[]);
    });
    it("every weight zero → NOTHING_TO_SHARE_BY", () => {
      expectSannongError(
        () => quantifyShares({ ...ok, households: [{ id: "A", persons: 0 }] } as never),
        "NOTHING_TO_SHARE_BY",
        ["households"],
      );
    });
    it("a date before the seed → PARAM_NOT_IN_FORCE", () => {
      expectSannongError(() => quantifyShares({ ...ok, date: "2010-01-01" } as never), "PARAM_NOT_IN_FORCE");
    });
  });
});
