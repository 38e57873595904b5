/**
 * Laws across packages (issue 9, item 3) — chain 4: an operating asset formed
 * with migrant funds is quantified as whole shares of migrant households
 * (折股量化, MIG-SHARE-1 on core apportion), and a dividend pool is paid out by
 * those shares (按股分红, MIG-SHARE-2). The holdings add up to the asset's
 * shares, the payouts to the pool, and a household's dividend never falls
 * below that of a household holding fewer shares.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { APPORTION_METHODS, type ApportionMethod } from "@sannong/core";
import { distributeDividends, quantifyShares, type QuantifySharesInput, type ShareBasis } from "@sannong/migrants";
import { deepFreeze } from "../helpers";
import { expectWithinOneFen, fenSum, ids, q, yuan } from "./laws";

const chainArb = fc
  .record({
    basis: fc.constantFrom<ShareBasis>("per-person", "per-household", "by-contribution"),
    method: fc.option(fc.constantFrom<ApportionMethod>(...APPORTION_METHODS), { nil: undefined }),
    assetShares: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 100_000 })),
    assetValue: fc.option(fc.bigInt({ min: 0n, max: 10n ** 11n }), { nil: undefined }),
    households: fc.array(
      fc.record({ persons: fc.integer({ min: 0, max: 9 }), contribution: fc.integer({ min: 0, max: 5_000_000 }) }),
      { minLength: 1, maxLength: 25 },
    ),
    pool: fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 10n ** 12n })),
    reversed: fc.boolean(),
  })
  // something to share by: at least one person or one contribution
  .filter(
    (c) =>
      c.basis === "per-household" ||
      c.households.some((h) => (c.basis === "per-person" ? h.persons : h.contribution) > 0),
  );

describe("laws across packages: quantified shares → dividends by shares", () => {
  it("MIG-SHARE-1 → MIG-SHARE-2: holdings add up to the asset's shares, payouts to the pool, and payouts are monotone in shares held", () => {
    fc.assert(
      fc.property(chainArb, (c) => {
        const hid = ids("H", c.households.length);
        const households = c.households.map((h, i) => ({
          id: hid[i]!,
          ...(c.basis === "per-person" ? { persons: h.persons } : {}),
          ...(c.basis === "by-contribution" ? { contribution: yuan(h.contribution) } : {}),
        }));
        const input: QuantifySharesInput = {
          asset: {
            id: "厂房",
            shares: c.assetShares,
            ...(c.assetValue !== undefined ? { value: yuan(c.assetValue) } : {}),
          },
          basis: c.basis,
          households: c.reversed ? [...households].reverse() : households,
          ...(c.method ? { method: c.method } : {}),
        };
        const quantified = quantifyShares(deepFreeze(input));
        // MIG-SHARE-1: whole shares that add up to the asset's shares; the asset's value split by them to the fen
        expect(quantified.totalShares).toBe(c.assetShares);
        expect(quantified.holdings.reduce((s, h) => s + h.shares, 0)).toBe(c.assetShares);
        for (const h of quantified.holdings) expect(Number.isInteger(h.shares) && h.shares >= 0).toBe(true);
        if (c.assetValue !== undefined) {
          expect(fenSum(quantified.holdings.map((h) => h.value!))).toBe(c.assetValue);
          for (const h of quantified.holdings)
            expectWithinOneFen(
              h.value!.fen,
              q(c.assetValue * BigInt(h.shares), BigInt(c.assetShares)),
              `value of ${h.householdId}`,
            );
        }
        // a household with a larger claim (weight) never holds fewer shares — except where a reported tie decided
        const tied = new Set(quantified.ties.flatMap((t) => t.among));
        for (const a of quantified.holdings)
          for (const b of quantified.holdings)
            if (Number(a.weight) > Number(b.weight) && !(tied.has(a.householdId) && tied.has(b.householdId)))
              expect(a.shares >= b.shares, `${a.householdId} (${a.weight}) vs ${b.householdId} (${b.weight})`).toBe(
                true,
              );

        // MIG-SHARE-2: the dividend pool paid by the quantified shares
        const holders = quantified.holdings.map((h) => ({ id: h.householdId, shares: h.shares }));
        const d = distributeDividends(deepFreeze({ pool: yuan(c.pool), mode: "shares" as const, holders }));
        expect(d.payouts.map((p) => p.id)).toEqual(holders.map((h) => h.id));
        expect(fenSum(d.payouts.map((p) => p.amount))).toBe(c.pool);
        expect(d.total.fen).toBe(c.pool);
        d.payouts.forEach((p, k) => {
          expect(p.byTransactions.fen).toBe(0n);
          expect(p.amount.fen).toBe(p.byShares.fen);
          expectWithinOneFen(
            p.amount.fen,
            q(c.pool * BigInt(holders[k]!.shares), BigInt(c.assetShares)),
            `dividend of ${p.id}`,
          );
        });
        // monotone in shares: more shares never get less; equal shares differ by at most 1 分; no share, no dividend
        for (let i = 0; i < holders.length; i++)
          for (let j = 0; j < holders.length; j++) {
            const [si, sj] = [holders[i]!.shares, holders[j]!.shares];
            const [pi, pj] = [d.payouts[i]!.amount.fen, d.payouts[j]!.amount.fen];
            if (si > sj)
              expect(
                pi >= pj,
                `${holders[i]!.id} holds ${si} shares and gets ${yuan(pi)}, ${holders[j]!.id} holds ${sj} and gets ${yuan(pj)}`,
              ).toBe(true);
            if (si === sj) expect(pi - pj <= 1n && pj - pi <= 1n).toBe(true);
          }
        for (let k = 0; k < holders.length; k++)
          if (holders[k]!.shares === 0) expect(d.payouts[k]!.amount.fen).toBe(0n);
      }),
      { numRuns: 200 },
    );
  });

  it("MIG-SHARE-1 → MIG-SHARE-2: reordering the households changes no holding and moves a dividend by at most the tie-broken fen", () => {
    fc.assert(
      fc.property(chainArb, fc.integer({ min: 1, max: 1000 }), (c, seed) => {
        const hid = ids("H", c.households.length);
        const households = c.households.map((h, i) => ({ id: hid[i]!, persons: h.persons + 1 }));
        // a deterministic shuffle driven by the seed
        const shuffled = households
          .map((h, i) => ({ h, key: (i * 7919 + seed * 104_729) % 1_000_003 }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.h);
        const run = (list: { id: string; persons: number }[]): Map<string, { shares: number; fen: bigint }> => {
          const quantified = quantifyShares({
            asset: { id: "厂房", shares: c.assetShares },
            basis: "per-person",
            households: list,
            ...(c.method ? { method: c.method } : {}),
          });
          const d = distributeDividends({
            pool: yuan(c.pool),
            mode: "shares",
            holders: quantified.holdings.map((h) => ({ id: h.householdId, shares: h.shares })),
          });
          return new Map(
            d.payouts.map((p, k) => [p.id, { shares: quantified.holdings[k]!.shares, fen: p.amount.fen }]),
          );
        };
        const a = run(households);
        const b = run(shuffled);
        for (const [id, x] of a) {
          const y = b.get(id)!;
          expect(y.shares).toBe(x.shares);
          expect(x.fen - y.fen <= 1n && y.fen - x.fen <= 1n).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
