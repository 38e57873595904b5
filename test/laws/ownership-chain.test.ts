/**
 * Laws across packages (issue 9, item 3) — chain 3: the ownership of a
 * cross-village asset is resolved from what each village put in (or a prior
 * agreement), the asset's income is split among the owning villages, and each
 * village distributes its part: by its revenue plan (uses, households,
 * reserve; @sannong/assets) or as a cooperative dividend (@sannong/migrants).
 * The income is conserved to the fen across villages, uses, households and
 * reserve.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Money } from "@sannong/core";
import {
  distributeRevenue,
  resolveOwnership,
  splitByOwnership,
  HOUSEHOLD_BASES,
  REVENUE_USE_KINDS,
  type DistributeRevenueInput,
  type HouseholdBasis,
  type RevenueUseKind,
} from "@sannong/assets";
import { distributeDividends } from "@sannong/migrants";
import { deepFreeze } from "../helpers";
import { expectWithinOneFen, fenSum, fractionsOfOne, positiveWeights, q, scaled, yuan, type Q } from "./laws";

const VILLAGES = ["甲村", "乙村", "丙村", "丁村", "戊村"] as const;

/** Contributions (a village may appear more than once: its amounts add up), at least one positive; optionally a prior agreement. */
const ownershipArb = fc.record({
  contributions: fc
    .array(
      fc.record({
        village: fc.integer({ min: 0, max: VILLAGES.length - 1 }),
        amount: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1e11 })),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .filter((cs) => cs.some((c) => c.amount > 0)),
  agreement: fc.option(positiveWeights(1, VILLAGES.length), { nil: undefined }),
  kind: fc.constantFrom("cross-village" as const, "cross-township" as const),
  income: fc.oneof(fc.bigInt({ min: 0n, max: 10_000n }), fc.bigInt({ min: 0n, max: 10n ** 12n })),
});

const householdArb = fc.record({
  months: fc.integer({ min: 0, max: 12 }),
  shares: fc.integer({ min: 1, max: 100_000 }), // in hundredths of a share
  conditionMet: fc.boolean(),
});

const useArb = fc.record({
  kind: fc.constantFrom<RevenueUseKind>(...REVENUE_USE_KINDS),
  basis: fc.option(fc.constantFrom<HouseholdBasis>(...HOUSEHOLD_BASES), { nil: undefined }),
  households: fc.array(householdArb, { maxLength: 6 }),
});

/** One village's revenue plan, the deductions as per-mille of its part so they never exceed it. */
const planArb = fc.record({
  maintenancePermille: fc.integer({ min: 0, max: 400 }),
  deductionsPermille: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 2 }),
  reservePct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  shares: positiveWeights(1, 4),
  uses: fc.array(useArb, { minLength: 4, maxLength: 4 }),
});

/** The agreed or contributed ownership as exact fractions (computed here, independently of resolveOwnership). */
function expectedShares(o: typeof ownershipArb extends fc.Arbitrary<infer T> ? T : never): Map<string, Q> {
  const out = new Map<string, Q>();
  if (o.agreement) {
    const total = o.agreement.reduce((s, w) => s + w, 0);
    o.agreement.forEach((w, i) => w > 0 && out.set(VILLAGES[i]!, q(w, total)));
    return out;
  }
  const by = new Map<string, bigint>();
  for (const c of o.contributions)
    by.set(VILLAGES[c.village]!, (by.get(VILLAGES[c.village]!) ?? 0n) + BigInt(c.amount));
  const total = [...by.values()].reduce((s, v) => s + v, 0n);
  for (const [v, a] of by) if (a > 0n) out.set(v, q(a, total));
  return out;
}

/** Resolves and splits; checks the split against the exact shares. Returns each owning village's part. */
function resolveAndSplit(
  o: typeof ownershipArb extends fc.Arbitrary<infer T> ? T : never,
): { owner: string; amount: Money }[] {
  const agreementWeights = o.agreement;
  const agreement = agreementWeights
    ? fractionsOfOne(agreementWeights).map((share, i) => ({ owner: VILLAGES[i]!, share }))
    : undefined;
  const ownership = resolveOwnership(
    deepFreeze({
      kind: o.kind,
      contributions: o.contributions.map((c) => ({ owner: VILLAGES[c.village]!, amount: yuan(c.amount) })),
      ...(agreement ? { agreement } : {}),
    }),
  );
  if (ownership.status !== "determined") throw new Error(`expected a determined ownership, got ${ownership.reason.en}`);
  expect(ownership.basis).toBe(agreement ? "agreement" : "contributions");
  const expected = expectedShares(o);
  expect(ownership.owners.map((x) => x.owner).sort()).toEqual([...expected.keys()].sort());
  for (const x of ownership.owners) {
    const [n, d] = x.share.split("/").map(BigInt) as [bigint, bigint | undefined];
    const e = expected.get(x.owner)!;
    expect(n * e.d).toBe(e.n * (d ?? 1n));
  }
  const split = splitByOwnership(deepFreeze({ amount: yuan(o.income), owners: ownership.owners }));
  expect(fenSum(split.parts.map((p) => p.amount))).toBe(o.income);
  for (const p of split.parts) {
    const e = expected.get(p.owner)!;
    expectWithinOneFen(p.amount.fen, q(o.income * e.n, e.d), `part of ${p.owner}`);
  }
  return split.parts.map((p) => ({ owner: p.owner, amount: p.amount }));
}

/** A valid revenue plan for a village's part: a use pays households only when its kind may, with the fields its basis needs. */
function revenueInput(
  village: string,
  part: Money,
  plan: typeof planArb extends fc.Arbitrary<infer T> ? T : never,
): DistributeRevenueInput {
  const fen = part.fen;
  const shares = fractionsOfOne(plan.shares);
  const uses = plan.shares.map((_, i) => {
    const u = plan.uses[i]!;
    const pays = u.basis !== undefined && u.kind !== "collective-economy" && u.kind !== "public-welfare";
    return { id: `U${i + 1}`, kind: u.kind, share: shares[i]!, ...(pays ? { basis: u.basis! } : {}) };
  });
  const households = uses.flatMap((u, i) => {
    if (!("basis" in u)) return [];
    return plan.uses[i]!.households.map((h, k) => {
      const id = `${village}-${u.id}-H${k + 1}`;
      switch (u.basis) {
        case "public-welfare-post":
        case "employment":
        case "stable-work-tiers":
          return { id, use: u.id, months: h.months };
        case "dividend":
          return { id, use: u.id, shares: scaled(h.shares, 2) };
        case "conditional":
          return { id, use: u.id, conditionMet: h.conditionMet, condition: "参加村内公益活动" };
        default:
          return { id, use: u.id };
      }
    });
  });
  return {
    asOf: "2024-12-31",
    income: part,
    maintenanceFromIncome: yuan((fen * BigInt(plan.maintenancePermille)) / 1000n),
    deductions: plan.deductionsPermille.map((p, i) => ({
      id: `D${i + 1}`,
      label: "其他扣除",
      amount: yuan((fen * BigInt(p)) / 1000n),
    })),
    ...(plan.reservePct !== undefined ? { reserveRatio: scaled(plan.reservePct, 2) } : {}),
    uses,
    households,
  };
}

describe("laws across packages: ownership → split of the income → distribution in each village", () => {
  it("ASSET-OWN-2 → ASSET-REV-1 → ASSET-REV-2 → ASSET-REV-3 → ASSET-REV-4 → ASSET-REV-6: the income is conserved to the fen across villages, uses, households and reserve", () => {
    fc.assert(
      fc.property(
        ownershipArb,
        fc.array(planArb, { minLength: VILLAGES.length, maxLength: VILLAGES.length }),
        (o, plans) => {
          const parts = resolveAndSplit(o);
          let accounted = 0n; // deductions + reserve + withheld + paid to households + uses that pay no household
          parts.forEach((part, v) => {
            const input = revenueInput(part.owner, part.amount, plans[v]!);
            const r = distributeRevenue(deepFreeze(input));
            // ASSET-REV-1: income − maintenance − deductions = distributable
            expect(r.income.fen).toBe(part.amount.fen);
            expect(r.maintenanceFromIncome.fen + r.otherDeductions.fen + r.distributable.fen).toBe(part.amount.fen);
            // ASSET-REV-2: the reserve is the declared (or minimum) ratio of the distributable, to the fen
            const [rn, rd] = r.reserveRatio.split("/").map(BigInt) as [bigint, bigint | undefined];
            expectWithinOneFen(r.reserve.fen, q(r.distributable.fen * rn, rd ?? 1n), `${part.owner} reserve`);
            // ASSET-REV-3: the uses share the rest exactly
            const toDistribute = r.distributable.fen - r.reserve.fen;
            expect(fenSum(r.uses.map((u) => u.amount))).toBe(toDistribute);
            r.uses.forEach((u, i) => {
              const [n, d] = u.share.split("/").map(BigInt) as [bigint, bigint | undefined];
              expectWithinOneFen(u.amount.fen, q(toDistribute * n, d ?? 1n), `${part.owner} use ${u.id}`);
              expect(u.paidToHouseholds.fen + u.withheld.fen).toBe(u.basis === undefined ? 0n : u.amount.fen);
              // ASSET-REV-4: each household-paying use's households take its amount (paid or withheld), or all is withheld
              const hs = r.households.filter((h) => h.use === u.id);
              expect(hs.length).toBe(input.households!.filter((h) => h.use === input.uses[i]!.id).length);
              if (u.basis !== undefined && hs.some((h) => h.weight !== "0")) {
                expect(fenSum(hs.flatMap((h) => [h.amount, h.withheld]))).toBe(u.amount.fen);
                expect(fenSum(hs.map((h) => h.amount))).toBe(u.paidToHouseholds.fen);
              } else if (u.basis !== undefined) {
                expect(fenSum(hs.map((h) => h.amount))).toBe(0n);
                expect(u.withheld.fen).toBe(u.amount.fen);
              }
              for (const h of hs) {
                expect(h.amount.fen >= 0n && h.withheld.fen >= 0n).toBe(true);
                if (h.basis === "conditional" && h.weight === "0") expect(h.amount.fen).toBe(0n);
              }
            });
            // ASSET-REV-6: distributed + carried over = distributable
            expect(r.withheld.fen).toBe(fenSum(r.uses.map((u) => u.withheld)));
            expect(r.carriedOver.fen).toBe(r.reserve.fen + r.withheld.fen);
            expect(r.distributed.fen + r.carriedOver.fen).toBe(r.distributable.fen);
            accounted += r.maintenanceFromIncome.fen + r.otherDeductions.fen + r.reserve.fen + r.withheld.fen;
            accounted += fenSum(r.households.map((h) => h.amount));
            accounted += fenSum(r.uses.filter((u) => u.basis === undefined).map((u) => u.amount));
          });
          // the income, end to end
          expect(accounted).toBe(o.income);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("ASSET-OWN-2 → MIG-SHARE-2: split among the owning villages, each village's part paid out as a mixed dividend, conserves the income to the fen", () => {
    const holdersArb = fc.array(
      fc.record({ shares: fc.integer({ min: 0, max: 1000 }), transactions: fc.integer({ min: 0, max: 1e9 }) }),
      { minLength: 1, maxLength: 8 },
    );
    const villageArb = fc.record({ sharesPct: fc.integer({ min: 0, max: 100 }), holders: holdersArb });
    fc.assert(
      fc.property(
        ownershipArb,
        fc.array(villageArb, { minLength: VILLAGES.length, maxLength: VILLAGES.length }),
        (o, villages) => {
          const parts = resolveAndSplit(o);
          let paidOut = 0n;
          parts.forEach((part, v) => {
            const village = villages[v]!;
            // a part with nothing to share it by would be refused (NOTHING_TO_SHARE_BY): give the first holder a share and a sale
            const holders = village.holders.map((h, k) => ({
              id: `${part.owner}-${k + 1}`,
              shares: k === 0 ? Math.max(1, h.shares) : h.shares,
              transactions: yuan(k === 0 ? Math.max(1, h.transactions) : h.transactions),
            }));
            const d = distributeDividends(
              deepFreeze({
                pool: part.amount,
                mode: "mixed" as const,
                sharesRatio: scaled(village.sharesPct, 2),
                holders,
              }),
            );
            expect(d.total.fen).toBe(part.amount.fen);
            expect(d.sharesPart.fen + d.transactionsPart.fen).toBe(part.amount.fen);
            expectWithinOneFen(
              d.sharesPart.fen,
              q(part.amount.fen * BigInt(village.sharesPct), 100n),
              `${part.owner} shares part`,
            );
            expect(fenSum(d.payouts.map((p) => p.byShares))).toBe(d.sharesPart.fen);
            expect(fenSum(d.payouts.map((p) => p.byTransactions))).toBe(d.transactionsPart.fen);
            const totalShares = holders.reduce((s, h) => s + BigInt(h.shares), 0n);
            d.payouts.forEach((p, k) => {
              expect(p.id).toBe(holders[k]!.id);
              expect(p.amount.fen).toBe(p.byShares.fen + p.byTransactions.fen);
              expectWithinOneFen(
                p.byShares.fen,
                q(d.sharesPart.fen * BigInt(holders[k]!.shares), totalShares),
                `${p.id} by shares`,
              );
            });
            paidOut += fenSum(d.payouts.map((p) => p.amount));
          });
          expect(paidOut).toBe(o.income);
        },
      ),
      { numRuns: 120 },
    );
  });
});
