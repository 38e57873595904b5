/**
 * Benchmarks of @sannong/assets (run: `pnpm bench -- assets`).
 * Targets from issue 4:
 * - net value (netValueAt, in bulk: netValuesAt) of 1,000,000 assets on one
 *   date < 1000 ms median; baseline: one netValueAt call per asset;
 * - distributeRevenue to 100,000 households < 500 ms median, with money
 *   conserved to the fen (checked, not timed).
 */
import { benchCase, rng } from "./harness";
import {
  depreciationSchedule,
  distributeRevenue,
  netValueAt,
  netValuesAt,
  type DepreciationInput,
  type DistributeRevenueInput,
} from "@sannong/assets";

const DATE = "2024-06-30";

function assets(n: number): DepreciationInput[] {
  const r = rng(4);
  return Array.from({ length: n }, (_, i) => {
    const a: {
      cost: string;
      lifeMonths: number;
      start: string;
      salvageRate?: string;
      method?: "double-declining";
      startRule?: "same-month";
    } = {
      cost: (Math.floor(r() * 1e9) / 100).toFixed(2),
      lifeMonths: 12 * (1 + Math.floor(r() * 30)),
      start: `${2000 + Math.floor(r() * 24)}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`,
    };
    if (i % 3 !== 0) a.salvageRate = i % 2 ? "0.05" : "0.03";
    if (i % 5 === 0) a.method = "double-declining";
    if (i % 7 === 0) a.startRule = "same-month";
    return a;
  });
}

function plan(n: number): DistributeRevenueInput {
  const households = Array.from({ length: n }, (_, i) => {
    const id = `211104-${String(i).padStart(7, "0")}`;
    switch (i % 4) {
      case 0:
        return { id, use: "posts", months: i % 13 };
      case 1:
        return { id, use: "stable", months: (i * 7) % 13 };
      case 2:
        return { id, use: "no-labour", conditionMet: i % 3 !== 0, condition: "参加村内公益活动" };
      default:
        return { id, use: "dividend", shares: String(1 + (i % 17)) };
    }
  });
  return {
    asOf: "2022-12-31",
    income: "98765432.10",
    maintenanceFromIncome: "123456.78",
    reserveRatio: "0.15",
    uses: [
      { id: "posts", kind: "poor-households", share: "0.3", basis: "public-welfare-post" },
      { id: "stable", kind: "poor-households", share: "0.2", basis: "stable-work-tiers" },
      { id: "no-labour", kind: "poor-households", share: "0.1", basis: "conditional" },
      { id: "dividend", kind: "other", share: "0.1", basis: "dividend" },
      { id: "collective", kind: "collective-economy", share: "0.3" },
    ],
    households,
  };
}

export default [
  benchCase({
    operation: "assets.netValuesAt",
    size: "1,000,000 assets",
    setup: () => assets(1_000_000),
    run: (input) => netValuesAt({ assets: input, date: DATE }),
    verify: (input, out) => {
      const r = out as ReturnType<typeof netValuesAt>;
      let s = 0n;
      for (const m of r.netValues) s += m.fen;
      if (r.netValues.length !== input.length || s !== r.total.fen)
        throw new Error("total is not the sum of the net values");
      // spot-check against the single-asset form and the full schedule (the reference)
      for (let i = 0; i < input.length; i += 9973) {
        const single = netValueAt(input[i]!, DATE).netValue;
        const rows = depreciationSchedule(input[i]!).rows.filter(
          (row) => row.month < DATE.slice(0, 7) || row.month === DATE.slice(0, 7),
        );
        const ref = rows.length ? rows[rows.length - 1]!.netValue : single;
        if (single.fen !== r.netValues[i]!.fen || ref.fen !== single.fen)
          throw new Error(
            `asset ${i}: bulk ${String(r.netValues[i])}, single ${String(single)}, schedule ${String(ref)}`,
          );
      }
    },
    baselines: [{ name: "netValueAt per asset", run: (input) => input.map((a) => netValueAt(a, DATE).netValue) }],
    baselineRuns: 1,
    target: { maxMedianMs: 1000 },
  }),
  benchCase({
    operation: "assets.distributeRevenue",
    size: "100,000 households",
    setup: () => plan(100_000),
    run: (input) => distributeRevenue(input),
    verify: (_input, out) => {
      const r = out as ReturnType<typeof distributeRevenue>;
      let paid = 0n;
      for (const h of r.households) {
        if (h.amount.fen < 0n) throw new Error(`negative payment to ${h.id}`);
        paid += h.amount.fen;
      }
      let kept = 0n;
      for (const u of r.uses) if (!u.basis) kept += u.amount.fen;
      if (paid + kept + r.carriedOver.fen !== r.distributable.fen) throw new Error("money not conserved to the fen");
      if (r.distributed.fen + r.carriedOver.fen !== r.distributable.fen)
        throw new Error("distributed + carried over ≠ distributable");
    },
    target: { maxMedianMs: 500 },
  }),
];
