/**
 * Benchmarks of @sannong/funds (run: `pnpm bench -- funds`). Targets from
 * issue 3: allocateByFactors on 100,000 recipients × 8 factors under 1 s
 * median; projectFundPool over 30 years monthly with 1,000 depositors under
 * 500 ms median. Each case verifies conservation on its own output.
 */
import { allocateByFactors, type AllocateByFactorsInput, type AllocateByFactorsResult } from "@sannong/funds";
import { benchCase, rng } from "./harness";

function factorInput(n: number, k: number): AllocateByFactorsInput {
  const r = rng(20240601);
  const factors = Array.from({ length: k }, (_, j) => ({
    id: `f${j}`,
    weight: "1/8",
    ...(j === k - 1 ? { direction: "inverse" as const, transform: "max-minus" as const } : {}),
  }));
  const recipients = Array.from({ length: n }, (_, i) => ({
    id: `village-${String(i).padStart(6, "0")}`,
    // counts (population, households) as integers; areas and scores with two decimals
    values: Object.fromEntries(factors.map((f, j) => [f.id, j % 2 === 0 ? Math.floor(r() * 20000) : Math.round(r() * 1_000_000) / 100])),
  }));
  return { total: "123456789.00", factors, recipients };
}

export default [
  benchCase({
    operation: "funds.allocateByFactors",
    size: "100,000 recipients × 8 factors",
    setup: () => factorInput(100_000, 8),
    run: (input) => allocateByFactors(input),
    verify: (input, output) => {
      const r = output as AllocateByFactorsResult;
      let total = 0n;
      for (const a of r.allocations) {
        total += a.amount.fen;
        let s = 0n;
        for (const m of Object.values(a.byFactor)) s += m.fen;
        if (s !== a.amount.fen) throw new Error(`byFactor of ${a.id} does not add up`);
      }
      if (total !== 12_345_678_900n) throw new Error(`allocations add up to ${total} 分, not the total`);
      if (r.allocations.length !== input.recipients.length) throw new Error("missing allocations");
    },
    target: { maxMedianMs: 1000 },
  }),
];
