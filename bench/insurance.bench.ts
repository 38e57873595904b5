/**
 * Benchmarks of @sannong/insurance (targets from issue 5). Run with
 * `npx tsx --conditions=@sannong/source bench/run.ts insurance`.
 */
import { benchCase, rng } from "./harness";
import {
  allocateQuotaToHouseholds,
  buildRemittanceSchedule,
  type AllocateQuotaToHouseholdsInput,
  type AllocateQuotaToHouseholdsResult,
  type BuildRemittanceScheduleInput,
  type BuildRemittanceScheduleResult,
} from "@sannong/insurance";

function remittanceInput(): BuildRemittanceScheduleInput {
  const r = rng(5);
  const persons = Array.from({ length: 100_000 }, (_, i) => {
    if (r() < 0.4) return { id: `p${i}` };
    const idx = 2022 * 12 + 7 + Math.floor(r() * 12 * 35);
    return { id: `p${i}`, coveredUntil: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}-15` };
  });
  return {
    handoverDate: "2022-07-15",
    periodYears: 3,
    monthlyStandard: "1500.00",
    annualGrowth: "0.05",
    periods: 10,
    persons,
  };
}

/** 10,000 villages of 100 households each (1,000,000 households), land lost in 亩, 公顷 and m². */
function villages(): AllocateQuotaToHouseholdsInput[] {
  const r = rng(7);
  return Array.from({ length: 10_000 }, (_, v) => ({
    quota: 20 + Math.floor(r() * 60),
    asOf: "2024-06-01",
    households: Array.from({ length: 100 }, (_, i) => {
      const mu = (1 + Math.floor(r() * 80_000) / 10_000).toFixed(4).replace(/\.?0+$/, "");
      const landLost =
        i % 10 === 0
          ? { value: (Number(mu) / 15).toFixed(4).replace(/\.?0+$/, ""), unit: "hectare" as const }
          : i % 10 === 1
            ? { value: Math.round(Number(mu) * 666), unit: "sqm" as const }
            : mu;
      return { id: `v${v}-h${String(i).padStart(3, "0")}`, landLost };
    }),
  }));
}

export default [
  benchCase({
    operation: "insurance.buildRemittanceSchedule",
    size: "100,000 persons × 10 periods after the first remittance",
    setup: remittanceInput,
    run: (input) => buildRemittanceSchedule(input),
    verify: (_input, out) => {
      const s = out as BuildRemittanceScheduleResult;
      if (s.remittances.length !== 11) throw new Error("expected the first remittance and 10 periods after it");
      if (s.remittances.reduce((a, x) => a + x.amount.fen, 0n) !== s.lumpSum.fen)
        throw new Error("remittances do not add up to the lump sum");
    },
    target: { maxMedianMs: 2000 },
  }),
  benchCase({
    operation: "insurance.allocateQuotaToHouseholds",
    size: "10,000 villages × 100 households (1,000,000 households), one call per village",
    setup: villages,
    run: (vs) => vs.map((v) => allocateQuotaToHouseholds(v)),
    verify: (vs, out) => {
      const rs = out as AllocateQuotaToHouseholdsResult[];
      rs.forEach((r, k) => {
        const placed = r.households.reduce((a, h) => a + h.places, 0);
        if (placed !== vs[k]!.quota) throw new Error(`village ${k}: ${placed} places for a quota of ${vs[k]!.quota}`);
      });
    },
    target: { maxMedianMs: 2000 },
  }),
];
