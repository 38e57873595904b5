/**
 * Benchmarks of @sannong/insurance (targets from issue 5). Run with
 * `npx tsx --conditions=@sannong/source bench/run.ts insurance`.
 */
import { benchCase, rng } from "./harness";
import { buildRemittanceSchedule, type BuildRemittanceScheduleInput, type BuildRemittanceScheduleResult } from "@sannong/insurance";

function remittanceInput(): BuildRemittanceScheduleInput {
  const r = rng(5);
  const persons = Array.from({ length: 100_000 }, (_, i) => {
    if (r() < 0.4) return { id: `p${i}` };
    const idx = 2022 * 12 + 7 + Math.floor(r() * 12 * 35);
    return { id: `p${i}`, coveredUntil: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}-15` };
  });
  return { handoverDate: "2022-07-15", periodYears: 3, monthlyStandard: "1500.00", annualGrowth: "0.05", periods: 9, persons };
}

export default [
  benchCase({
    operation: "insurance.buildRemittanceSchedule",
    size: "100,000 persons × 10 periods",
    setup: remittanceInput,
    run: (input) => buildRemittanceSchedule(input),
    verify: (_input, out) => {
      const s = out as BuildRemittanceScheduleResult;
      if (s.remittances.length !== 10) throw new Error("expected 10 remittances");
      if (s.remittances.reduce((a, x) => a + x.amount.fen, 0n) !== s.lumpSum.fen) throw new Error("remittances do not add up to the lump sum");
    },
    target: { maxMedianMs: 2000 },
  }),
];
