/**
 * Laws across packages (issue 9, item 3) — chain 1: a county budget goes to
 * townships by the factor method, each township's amount funds its projects
 * by the project method, and each funded project is paid out by a plan and
 * settled. Money in = money out at every step, to the fen, and the county
 * total is conserved through the whole chain.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, compareDates, type LegalDate, type Money } from "@sannong/core";
import {
  allocateByFactors,
  allocateByProjects,
  planDisbursement,
  settleDisbursement,
  type AllocateByFactorsInput,
  type AllocateByProjectsInput,
  type WhenNotFit,
  type ScoreTieBreak,
} from "@sannong/funds";
import { deepFreeze } from "../helpers";
import { expectWithinOneFen, fenSum, fractionsOfOne, ids, q, qAdd, qMul, scaled, yuan, type Q } from "./laws";

const PLAN_DATE: LegalDate = "2024-03-01";

/** How one funded project is paid: ratios in percent, milestones in percent of the work, days after approval. */
const payArb = fc.record({
  advance: fc.integer({ min: 0, max: 50 }),
  progressRatio: fc.integer({ min: 0, max: 90 }),
  milestones: fc
    .uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 4 })
    .map((m) => [...m].sort((a, b) => a - b)),
  retention: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  acceptedPercent: fc.integer({ min: 50, max: 120 }),
  settleAfterDays: fc.integer({ min: 30, max: 1500 }),
  retentionDays: fc.integer({ min: 365, max: 1100 }),
});
type Pay = typeof payArb extends fc.Arbitrary<infer T> ? T : never;

const projectArb = fc.record({
  requestPermille: fc.integer({ min: 1, max: 1500 }),
  scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 }),
  eligible: fc.constantFrom(true, true, true, false),
  pay: payArb,
});

const townshipArb = (factors: number) =>
  fc.record({
    values: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: factors, maxLength: factors }),
    projects: fc.array(projectArb, { minLength: 1, maxLength: 5 }),
    whenNotFit: fc.constantFrom<WhenNotFit>("stop", "skip", "partial"),
    tieBreak: fc.constantFrom<ScoreTieBreak>("smaller-request", "larger-request", "id"),
    minScore: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  });

const countyArb = fc
  .array(fc.record({ weight: fc.integer({ min: 0, max: 10 }), inverse: fc.boolean() }), { minLength: 1, maxLength: 4 })
  .filter((fs) => fs.some((f) => f.weight > 0))
  .chain((factors) =>
    fc.record({
      budget: fc.oneof(fc.bigInt({ min: 0n, max: 10_000n }), fc.bigInt({ min: 0n, max: 10n ** 12n })),
      factors: fc.constant(factors),
      townships: fc.array(townshipArb(factors.length), { minLength: 1, maxLength: 6 }),
      moneyObjects: fc.boolean(),
    }),
  );
type County = typeof countyArb extends fc.Arbitrary<infer T> ? T : never;

/** The factor input, with every column made usable: a positive factor not all zero, an inverse (max − x) factor not all equal. */
function factorInput(c: County): { input: AllocateByFactorsInput; columns: number[][] } {
  const n = c.townships.length;
  const inverse = c.factors.map((f) => f.inverse && n > 1);
  const columns = c.factors.map((_, k) => c.townships.map((t) => t.values[k]!));
  columns.forEach((col, k) => {
    if (inverse[k] ? col.every((v) => v === col[0]) : col.every((v) => v === 0)) col[0] = col[0]! + 1;
  });
  const weights = fractionsOfOne(c.factors.map((f) => f.weight));
  const fids = ids("F", c.factors.length);
  return {
    columns,
    input: {
      total: yuan(c.budget),
      factors: c.factors.map((_, k) => ({
        id: fids[k]!,
        weight: weights[k]!,
        ...(inverse[k] ? { direction: "inverse" as const, transform: "max-minus" as const } : {}),
      })),
      recipients: ids("T", n).map((id, i) => ({
        id,
        values: Object.fromEntries(fids.map((f, k) => [f, scaled(columns[k]![i]!, 2)])),
      })),
    },
  };
}

/** The exact factor share of township i (in 分): budget × Σ_k w_k × c_ik ÷ Σ_j c_jk, with c = x or max − x. */
function exactFactorShare(c: County, columns: number[][], i: number): Q {
  const W = c.factors.reduce((s, f) => s + f.weight, 0);
  let share = q(0);
  c.factors.forEach((f, k) => {
    if (f.weight === 0) return;
    const col = columns[k]!;
    const max = Math.max(...col);
    const coef = (v: number): number => (f.inverse && c.townships.length > 1 ? max - v : v);
    const sum = col.reduce((s, v) => s + coef(v), 0);
    share = qAdd(share, q(BigInt(f.weight) * BigInt(coef(col[i]!)), BigInt(W) * BigInt(sum)));
  });
  return qMul(q(c.budget), share);
}

/** n/d (n ≥ 0, d > 0) rounded to the nearest integer, an exact half down (a tie goes to the payable part). */
function roundHalfDown(n: bigint, d: bigint): bigint {
  const r = n / d;
  return 2n * (n - r * d) > d ? r + 1n : r;
}

/** The exact increments of a plan's tranches (advance, progress…, settlement, retention), in units of 1/10 000. */
function planRatios(p: Pay): bigint[] {
  const rho = p.retention ?? 0;
  const cum: number[] = [p.advance * 100];
  for (const m of p.milestones) cum.push(Math.max(cum[cum.length - 1]!, m * p.progressRatio));
  cum.push((100 - rho) * 100);
  if (p.retention !== undefined) cum.push(10_000);
  return cum.map((x, i) => BigInt(i === 0 ? x : x - cum[i - 1]!));
}

describe("laws across packages: factor method → project method → disbursement", () => {
  it("FUNDS-FACTOR-1 → FUNDS-PROJECT-1 → FUNDS-PAY-1: a county budget is conserved to the fen through townships, projects, payment plans and settlement", () => {
    fc.assert(
      fc.property(countyArb, (c) => {
        const asInput = (m: Money): Money | string => (c.moneyObjects ? m : String(m));
        // --- step 1: county → townships (因素法) ---
        const { input, columns } = factorInput(c);
        const factor = allocateByFactors(deepFreeze(input));
        expect(factor.allocations.map((a) => a.id)).toEqual(input.recipients.map((r) => r.id));
        expect(fenSum(factor.allocations.map((a) => a.amount))).toBe(c.budget);
        expect(fenSum(Object.values(factor.factorTotals))).toBe(c.budget);
        factor.allocations.forEach((a, i) => {
          expect(a.amount.fen >= 0n).toBe(true);
          expect(fenSum(Object.values(a.byFactor))).toBe(a.amount.fen);
          expectWithinOneFen(a.amount.fen, exactFactorShare(c, columns, i), `township ${a.id}`);
        });

        let countyGranted = 0n;
        let countyUnallocated = 0n;
        let countyTranches = 0n;
        let countyFinal = 0n;
        let countyNotOwed = 0n; // approved − final: what acceptance cut from the approved amounts
        let countySettled = 0n; // Σ (paid + payNow + retentionHeld − recovery)
        factor.allocations.forEach((alloc, t) => {
          const town = c.townships[t]!;
          const budget = alloc.amount.fen;
          // --- step 2: township → projects (项目法) ---
          const pids = ids(`${alloc.id}-P`, town.projects.length);
          const requestedFen = town.projects.map((p) => {
            const r = (budget * BigInt(p.requestPermille)) / 1000n;
            return r > 0n ? r : 1n;
          });
          const projectsInput: AllocateByProjectsInput = {
            budget: asInput(alloc.amount),
            projects: town.projects.map((p, k) => ({
              id: pids[k]!,
              requested: yuan(requestedFen[k]!),
              ...(p.eligible ? { scores: p.scores } : { eligible: false, ineligibleReason: "不符合申报条件" }),
            })),
            whenNotFit: town.whenNotFit,
            tieBreak: town.tieBreak,
            ...(town.minScore !== undefined ? { minScore: town.minScore } : {}),
          };
          const projects = allocateByProjects(deepFreeze(projectsInput));
          const granted = fenSum(projects.results.map((r) => r.amount));
          expect(granted + projects.unallocated.fen).toBe(budget);
          expect(projects.unallocated.fen >= 0n).toBe(true);
          projects.results.forEach((r, k) => {
            const requested = requestedFen[k]!;
            expect(r.amount.fen <= requested).toBe(true);
            if (r.status === "funded") expect(r.amount.fen).toBe(requested);
            else if (r.status === "partial") {
              expect(town.whenNotFit).toBe("partial");
              expect(r.amount.fen > 0n && r.amount.fen < requested).toBe(true);
            } else expect(r.amount.fen).toBe(0n);
            expect(r.status === "ineligible").toBe(!town.projects[k]!.eligible);
          });
          countyGranted += granted;
          countyUnallocated += projects.unallocated.fen;

          // --- step 3: each funded project → payment plan → settlement (资金支付) ---
          projects.results.forEach((r, k) => {
            if (r.status !== "funded" && r.status !== "partial") return;
            const p = town.projects[k]!.pay;
            const approved = r.amount.fen;
            const retentionUntil = addDays(PLAN_DATE, p.retentionDays);
            const plan = planDisbursement(
              deepFreeze({
                approved: asInput(r.amount),
                date: PLAN_DATE,
                advanceRatio: scaled(p.advance, 2),
                progressPaymentRatio: scaled(p.progressRatio, 2),
                milestones: p.milestones.map((m) => ({ id: `m${m}`, progress: scaled(m, 2) })),
                ...(p.retention !== undefined
                  ? { retention: { ratio: scaled(p.retention, 2), until: retentionUntil } }
                  : {}),
              }),
            );
            const increments = planRatios(p);
            expect(plan.tranches.length).toBe(increments.length);
            // the retention is ρ × approved rounded half to the payable part (as settlement rounds it);
            // every other tranche is within 1 分 of its exact share of what is left (the payable part)
            const retentionFen = p.retention === undefined ? 0n : roundHalfDown(approved * BigInt(p.retention), 100n);
            if (p.retention !== undefined)
              expect(plan.tranches[plan.tranches.length - 1]!.amount.fen).toBe(retentionFen);
            const payableRatio = BigInt((100 - (p.retention ?? 0)) * 100);
            let cumulative = 0n;
            plan.tranches.forEach((tr, j) => {
              expect(tr.amount.fen >= 0n).toBe(true);
              cumulative += tr.amount.fen;
              expect(tr.cumulative.fen).toBe(cumulative);
              expect(cumulative <= approved).toBe(true);
              if (tr.kind !== "retention")
                expectWithinOneFen(
                  tr.amount.fen,
                  q((approved - retentionFen) * increments[j]!, payableRatio),
                  `${r.id} tranche ${j} (${tr.kind})`,
                );
            });
            expect(cumulative).toBe(approved);
            countyTranches += cumulative;

            // paid before settlement: the advance on approval, each progress payment a day apart
            const before = plan.tranches.filter((tr) => tr.kind === "advance" || tr.kind === "progress");
            const paidFen = fenSum(before.map((tr) => tr.amount));
            const settleDate = addDays(PLAN_DATE, p.settleAfterDays);
            const accepted = (approved * BigInt(p.acceptedPercent)) / 100n;
            const s = settleDisbursement(
              deepFreeze({
                approved: asInput(r.amount),
                acceptedCost: yuan(accepted),
                date: settleDate,
                paid: before.map((tr, j) => ({ date: addDays(PLAN_DATE, j), amount: asInput(tr.amount) })),
                ...(p.retention !== undefined
                  ? { retention: { ratio: scaled(p.retention, 2), until: retentionUntil } }
                  : {}),
              }),
            );
            const final = accepted < approved ? accepted : approved;
            expect(s.final.fen).toBe(final);
            expect(s.paid.fen).toBe(paidFen);
            for (const m of [s.payNow, s.retentionHeld, s.recovery]) expect(m.fen >= 0n).toBe(true);
            expect(s.paid.fen + s.payNow.fen + s.retentionHeld.fen - s.recovery.fen).toBe(final);
            expect(s.paidAboveApproved).toBe(false); // the plan never pays more than approved before settlement
            if (s.recovery.fen > 0n) {
              expect(paidFen > final).toBe(true);
              expect(s.payNow.fen + s.retentionHeld.fen).toBe(0n);
            }
            const released = p.retention === undefined || compareDates(settleDate, retentionUntil) >= 0;
            if (released) expect(s.retentionHeld.fen).toBe(0n);
            else if (final - paidFen >= 0n) {
              const exact = q(final * BigInt(p.retention!), 100n);
              // held = the retention of the final amount, unless less than that is still due
              if (final - paidFen > (exact.n + exact.d - 1n) / exact.d)
                expectWithinOneFen(s.retentionHeld.fen, exact, `${r.id} retention held`);
              expect(s.retentionHeld.fen <= final - paidFen).toBe(true);
            }
            if (accepted >= approved) {
              // settlement pays exactly what the plan still had to pay: its settlement and retention tranches
              const rest = fenSum(
                plan.tranches
                  .filter((tr) => tr.kind === "settlement" || tr.kind === "retention")
                  .map((tr) => tr.amount),
              );
              expect(s.recovery.fen).toBe(0n);
              expect(s.payNow.fen + s.retentionHeld.fen).toBe(rest);
            }
            countyFinal += final;
            countyNotOwed += approved - final;
            countySettled += s.paid.fen + s.payNow.fen + s.retentionHeld.fen - s.recovery.fen;
          });
        });
        // --- the county total, end to end ---
        expect(countyGranted + countyUnallocated).toBe(c.budget);
        expect(countyTranches + countyUnallocated).toBe(c.budget);
        expect(countySettled).toBe(countyFinal);
        expect(countyFinal + countyNotOwed + countyUnallocated).toBe(c.budget);
      }),
      { numRuns: 120 },
    );
  });

  it("FUNDS-PAY-1: the retention held at settlement is the retention tranche of the plan when the accepted cost reaches the approved amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 11n }),
        payArb.filter((p) => p.retention !== undefined && p.retention > 0),
        (approved, p) => {
          const retention = { ratio: scaled(p.retention!, 2), until: "2027-01-01" };
          const plan = planDisbursement({
            approved: yuan(approved),
            date: PLAN_DATE,
            advanceRatio: scaled(p.advance, 2),
            progressPaymentRatio: scaled(p.progressRatio, 2),
            milestones: p.milestones.map((m) => ({ id: `m${m}`, progress: scaled(m, 2) })),
            retention,
          });
          const before = plan.tranches.filter((tr) => tr.kind === "advance" || tr.kind === "progress");
          const s = settleDisbursement({
            approved: yuan(approved),
            acceptedCost: yuan(approved),
            date: "2026-01-01",
            paid: before.map((tr) => ({ date: PLAN_DATE, amount: String(tr.amount) })),
            retention,
          });
          const tranche = (kind: string): bigint => plan.tranches.find((tr) => tr.kind === kind)!.amount.fen;
          expect([s.payNow.fen, s.retentionHeld.fen]).toEqual([tranche("settlement"), tranche("retention")]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
