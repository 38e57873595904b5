import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { moneyFromFen, sum } from "@sannong/core";
import { expectSannongError } from "../../../../test/helpers";
import { resolveOwnership } from "./resolveOwnership";
import { splitByOwnership } from "./splitByOwnership";

describe("splitByOwnership", () => {
  it("ASSET-OWN-2: income of a 60/30/10 project is split by the shares", () => {
    const r = resolveOwnership({
      kind: "cross-village",
      contributions: [
        { owner: "甲村", amount: "60" },
        { owner: "乙村", amount: "30" },
        { owner: "丙村", amount: "10" },
      ],
    });
    if (r.status !== "determined") throw new Error("expected determined");
    const out = splitByOwnership({ amount: "12345.67", owners: r.owners });
    expect(out.parts.map((p) => String(p.amount))).toEqual(["7407.40", "3703.70", "1234.57"]);
    expect(String(sum(out.parts.map((p) => p.amount)))).toBe("12345.67");
  });

  it("ASSET-OWN-2: thirds of 1000.00 conserve to the fen", () => {
    const out = splitByOwnership({
      amount: "1000.00",
      owners: [
        { owner: "a", share: "1/3" },
        { owner: "b", share: "2/3" },
      ],
    });
    expect(out.parts.map((p) => String(p.amount))).toEqual(["333.33", "666.67"]);
  });

  it("ASSET-OWN-2: property — parts add up exactly and are never negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
        (fen, ws) => {
          const total = ws.reduce((a, b) => a + b, 0);
          const owners = ws.map((w, i) => ({ owner: `o${i}`, share: `${w}/${total}` }));
          const out = splitByOwnership({ amount: moneyFromFen(fen), owners });
          expect(sum(out.parts.map((p) => p.amount)).fen).toBe(BigInt(fen));
          expect(out.parts.every((p) => p.amount.fen >= 0n)).toBe(true);
        },
      ),
    );
  });

  it("ASSET-OWN-2: rejects shares that do not add up to exactly 1, duplicates and unknown keys", () => {
    expectSannongError(
      () =>
        splitByOwnership({
          amount: "1",
          owners: [
            { owner: "a", share: "1/3" },
            { owner: "b", share: "0.66" },
          ],
        }),
      "INVALID_INPUT",
      ["owners"],
    );
    expectSannongError(
      () =>
        splitByOwnership({
          amount: "1",
          owners: [
            { owner: "a", share: "1/2" },
            { owner: "a", share: "1/2" },
          ],
        }),
      "INVALID_INPUT",
      ["owners", 1, "owner"],
    );
    expectSannongError(
      () => splitByOwnership({ amount: "-1", owners: [{ owner: "a", share: "1" }] }),
      "INVALID_INPUT",
      ["amount"],
    );
    expectSannongError(() => splitByOwnership({ amount: "1", owners: [] }), "INVALID_INPUT", ["owners"]);
  });

  it("ASSET-OWN-2: shares too fine to split exactly are refused", () => {
    const primes = [1000003n, 1000033n, 1000037n, 1000039n];
    const den = primes.reduce((a, b) => a * b, 1n);
    // shares 1/p1, 1/p2, 1/p3 and the rest: a common denominator above 10^18
    const rest = den - primes.reduce((a, p) => a + den / p, 0n) + den / primes[3]!;
    const owners = [
      { owner: "a", share: `1/${primes[0]}` },
      { owner: "b", share: `1/${primes[1]}` },
      { owner: "c", share: `1/${primes[2]}` },
      { owner: "d", share: `${rest}/${den}` },
    ];
    expectSannongError(() => splitByOwnership({ amount: "100", owners }), "SHARES_TOO_FINE", ["owners"]);
  });
});
