/**
 * Laws across packages (issue 9, item 3) — chain 2: the remittance schedule
 * of over-age converted persons (趸缴变分期, @sannong/insurance) becomes the
 * outflows of the guarantee fund pool projection (@sannong/funds). The pool's
 * ledger balances every month to the fen, the outflows paid are the
 * schedule's lump sum, and the district tops up exactly when the guarantee
 * money would not cover an outflow.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, compareDates, monthIndex, toYearMonth, type LegalDate } from "@sannong/core";
import { buildRemittanceSchedule, remittancesAsOutflows, type BuildRemittanceScheduleInput } from "@sannong/insurance";
import {
  GUARANTEE_SOURCES,
  ENTRUSTED_SOURCES,
  projectFundPool,
  type PoolSource,
  type ProjectFundPoolInput,
} from "@sannong/funds";
import { asJson, deepFreeze } from "../helpers";
import { fenSum, roundHalfAwayFromZero, scaled, yuan } from "./laws";

const scheduleArb = fc.record({
  handoverDays: fc.integer({ min: 0, max: 365 * 30 }), // after 2022-01-01 (the pool parameters are in force from 2021-12-04)
  periodYears: fc.integer({ min: 1, max: 5 }),
  firstMonth: fc.constantFrom<"next" | "handover">("next", "handover"),
  monthlyStandard: fc.integer({ min: 0, max: 500_000 }), // 分
  growthBp: fc.integer({ min: -500, max: 1000 }), // annual growth in basis points
  periods: fc.integer({ min: 0, max: 4 }),
  persons: fc.array(fc.option(fc.integer({ min: 0, max: 365 * 25 }), { nil: undefined }), { maxLength: 8 }), // days of cover after handover, or throughout
});

const poolArb = fc.record({
  extraMonths: fc.integer({ min: -24, max: 24 }), // horizon relative to the last due date: outflows may fall beyond it
  rates: fc.array(
    fc.record({ afterMonths: fc.integer({ min: 1, max: 60 }), bp: fc.integer({ min: -500, max: 800 }) }),
    { maxLength: 3 },
  ),
  firstRateBp: fc.integer({ min: -500, max: 800 }),
  inflows: fc.array(
    fc.record({
      days: fc.integer({ min: 0, max: 365 * 20 }),
      amount: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 })),
      source: fc.constantFrom<PoolSource>(
        "expropriation",
        "risk-compensation",
        "collective",
        "entrusted-fees",
        "idle-collective",
      ),
      depositor: fc.constantFrom("东村", "西村", "南村"),
    }),
    { maxLength: 8 },
  ),
  withdrawAfterDays: fc.array(fc.option(fc.integer({ min: 0, max: 365 * 10 }), { nil: undefined }), {
    minLength: 3,
    maxLength: 3,
  }),
  repayment: fc.option(
    fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      reserveMonths: fc.integer({ min: 0, max: 36 }),
      sharePct: fc.integer({ min: 0, max: 100 }),
    }),
    { nil: undefined },
  ),
  jsonRoundTrip: fc.boolean(),
});

const DEPOSITORS = ["东村", "西村", "南村"] as const;

describe("laws across packages: remittance schedule → pool outflows → fund pool projection", () => {
  it("INS-OVERAGE-3 → INS-OVERAGE-5 → FUNDS-POOL-1 → FUNDS-POOL-2 → FUNDS-POOL-3: the pool balances every month to the fen, pays the lump sum, and tops up exactly when the guarantee money falls short", () => {
    fc.assert(
      fc.property(scheduleArb, poolArb, (sc, pl) => {
        // --- step 1: the schedule (趸缴变分期) ---
        const handover = addDays("2022-01-01", sc.handoverDays);
        const scheduleInput: BuildRemittanceScheduleInput = {
          handoverDate: handover,
          periodYears: sc.periodYears,
          firstMonth: sc.firstMonth,
          monthlyStandard: yuan(sc.monthlyStandard),
          annualGrowth: scaled(sc.growthBp, 4),
          periods: sc.periods,
          persons: sc.persons.map((d, i) => ({
            id: `p${i + 1}`,
            ...(d !== undefined ? { coveredUntil: addDays(handover, d) } : {}),
          })),
        };
        const schedule = buildRemittanceSchedule(deepFreeze(scheduleInput));
        expect(fenSum(schedule.remittances.map((r) => r.amount))).toBe(schedule.lumpSum.fen);

        // --- step 2: the schedule as outflows (as returned, or after a JSON round trip) ---
        const outflows = remittancesAsOutflows(pl.jsonRoundTrip ? (asJson(schedule) as typeof schedule) : schedule);
        expect(outflows.map((o) => [o.date, o.amount.fen])).toEqual(
          schedule.remittances.map((r) => [r.dueDate, r.amount.fen]),
        );

        // --- step 3: the pool ---
        const start = toYearMonth(handover);
        const m0 = monthIndex(start);
        const lastDue = schedule.remittances[schedule.remittances.length - 1]!.dueDate;
        const months = Math.max(1, monthIndex(lastDue) - m0 + 1 + pl.extraMonths);
        const rates = [{ from: start, bp: pl.firstRateBp }];
        let at = 0;
        for (const r of pl.rates) {
          at += r.afterMonths;
          const [y, m] = [Math.floor((m0 + at) / 12), ((m0 + at) % 12) + 1];
          rates.push({ from: `${y}-${String(m).padStart(2, "0")}` as typeof start, bp: r.bp });
        }
        const inflows = pl.inflows.map((f) => ({
          date: addDays(handover, f.days),
          amount: yuan(f.amount),
          source: f.source,
          ...((ENTRUSTED_SOURCES as readonly string[]).includes(f.source) ? { depositor: f.depositor } : {}),
        }));
        // a depositor takes everything back some time after its first deposit (never before: it would hold no units)
        const firstDeposit = new Map<string, LegalDate>();
        for (const f of inflows)
          if (
            f.depositor !== undefined &&
            !(firstDeposit.has(f.depositor) && compareDates(firstDeposit.get(f.depositor)!, f.date) <= 0)
          )
            firstDeposit.set(f.depositor, f.date);
        const withdrawals = DEPOSITORS.flatMap((d, i) => {
          const first = firstDeposit.get(d);
          const after = pl.withdrawAfterDays[i];
          return first !== undefined && after !== undefined
            ? [{ date: addDays(first, after), depositor: d, all: true as const }]
            : [];
        });
        const poolInput: ProjectFundPoolInput = {
          start,
          months,
          returnRates: rates.map((r) => ({ from: r.from, annualRate: scaled(r.bp, 4) })),
          inflows,
          outflows,
          ...(withdrawals.length ? { withdrawals } : {}),
          ...(pl.repayment
            ? {
                riskCompensation: {
                  repayment: {
                    month: pl.repayment.month,
                    reserveMonths: pl.repayment.reserveMonths,
                    share: scaled(pl.repayment.sharePct, 2),
                  },
                },
              }
            : {}),
        };
        const pool = projectFundPool(deepFreeze(poolInput));
        expect(pool.ledger.length).toBe(months);

        // the outflows due in each month (bucketed here, independently of the pool)
        const dueIn = new Map<number, bigint>();
        for (const r of schedule.remittances)
          dueIn.set(monthIndex(r.dueDate), (dueIn.get(monthIndex(r.dueDate)) ?? 0n) + r.amount.fen);
        const rateBpAt = (mi: number): number => {
          let bp = rates[0]!.bp;
          for (const r of rates) if (monthIndex(r.from) <= mi) bp = r.bp;
          return bp;
        };

        let G = 0n; // guarantee money, as this test follows it
        let E = 0n; // entrusted money
        let outstanding = 0n;
        const topUpMonths: string[] = [];
        pool.ledger.forEach((row, t) => {
          const mi = m0 + t;
          expect(monthIndex(row.month)).toBe(mi);
          // opening = last closing; the month balances to the fen
          expect(row.opening.fen).toBe(G + E);
          expect(row.closing.fen).toBe(
            row.opening.fen +
              row.returns.fen +
              row.inflows.fen +
              row.topUp.fen -
              row.withdrawals.fen -
              row.outflows.fen -
              row.repayment.fen,
          );
          expect(row.guarantee.fen + row.entrusted.fen).toBe(row.closing.fen);
          expect(fenSum(Object.values(row.inflowsBySource))).toBe(row.inflows.fen);
          // returns: each account earns annual rate ÷ 12 on its opening balance, half away from zero
          const bp = BigInt(rateBpAt(mi));
          const rg = roundHalfAwayFromZero(G * bp, 120_000n);
          const re = roundHalfAwayFromZero(E * bp, 120_000n);
          expect(row.returns.fen).toBe(rg + re);
          // the outflows paid are the remittances due this month
          expect(row.outflows.fen).toBe(dueIn.get(mi) ?? 0n);
          // top-up exactly when the guarantee money before the outflow would not cover it, by the shortfall
          const guaranteeIn = fenSum(GUARANTEE_SOURCES.map((s) => row.inflowsBySource[s]));
          const available = G + rg + guaranteeIn;
          const shortfall = row.outflows.fen > available ? row.outflows.fen - available : 0n;
          expect(row.topUp.fen).toBe(shortfall);
          if (shortfall > 0n) topUpMonths.push(row.month);
          expect(row.guarantee.fen).toBe(available + row.topUp.fen - row.outflows.fen - row.repayment.fen);
          expect(row.guarantee.fen >= 0n).toBe(true);
          // entrusted money is never spent on outflows
          const entrustedIn = fenSum(ENTRUSTED_SOURCES.map((s) => row.inflowsBySource[s]));
          expect(row.entrusted.fen).toBe(E + re + entrustedIn - row.withdrawals.fen);
          expect(row.entrusted.fen >= 0n).toBe(true);
          // compensation: topped up, repaid only in the declared month, never more than owed, never into the reserve
          expect(row.repayment.fen <= outstanding + row.topUp.fen).toBe(true);
          if (row.repayment.fen > 0n) {
            expect(pl.repayment).toBeDefined();
            expect(Number(row.month.slice(5, 7))).toBe(pl.repayment!.month);
            let reserve = 0n;
            for (let k = 1; k <= pl.repayment!.reserveMonths; k++) reserve += dueIn.get(mi + k) ?? 0n;
            expect(row.guarantee.fen >= reserve).toBe(true);
          }
          outstanding += row.topUp.fen - row.repayment.fen;
          expect(row.compensationOutstanding.fen).toBe(outstanding);
          G = row.guarantee.fen;
          E = row.entrusted.fen;
        });
        expect(pool.topUps.map((x) => x.month)).toEqual(topUpMonths);
        expect(fenSum(pool.topUps.map((x) => x.amount))).toBe(fenSum(pool.ledger.map((r) => r.topUp)));
        expect(fenSum(pool.repayments.map((x) => x.amount))).toBe(fenSum(pool.ledger.map((r) => r.repayment)));

        // the whole schedule leaves the pool: paid within the horizon or counted beyond it
        expect(fenSum(pool.ledger.map((r) => r.outflows)) + pool.beyondHorizon.outflows.fen).toBe(schedule.lumpSum.fen);
        if (months >= monthIndex(lastDue) - m0 + 1)
          expect(fenSum(pool.ledger.map((r) => r.outflows))).toBe(schedule.lumpSum.fen);
        // every inflow is in the ledger or beyond the horizon
        expect(fenSum(pool.ledger.map((r) => r.inflows)) + pool.beyondHorizon.inflows.fen).toBe(
          pl.inflows.reduce((s, f) => s + BigInt(f.amount), 0n),
        );
        // depositors own the entrusted money at the end, to the fen
        const last = pool.ledger[months - 1]!;
        expect(fenSum(pool.depositors.map((d) => d.value))).toBe(last.entrusted.fen);
        for (const d of pool.depositors) expect(d.gain.fen).toBe(d.value.fen + d.withdrawn.fen - d.deposited.fen);
        // money in = money out over the whole projection
        const totalIn = fenSum(pool.ledger.flatMap((r) => [r.returns, r.inflows, r.topUp]));
        const totalOut = fenSum(pool.ledger.flatMap((r) => [r.withdrawals, r.outflows, r.repayment]));
        expect(last.closing.fen).toBe(totalIn - totalOut);
      }),
      { numRuns: 150 },
    );
  });
});
