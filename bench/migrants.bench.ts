/**
 * Benchmarks of @sannong/migrants (run: `pnpm bench -- migrants`).
 * Targets from issue 6: drawSurveySample over 1,000,000 households < 500 ms
 * median; distributeDividends to 1,000,000 holders < 1 s median.
 */
import { benchCase, rng } from "./harness";
import { drawSurveySample } from "@sannong/migrants";

const N = 1_000_000;

function households(stratified: boolean): { id: string; stratum?: string }[] {
  const r = rng(6);
  return Array.from({ length: N }, (_, i) => {
    const id = `330800-${String(i).padStart(7, "0")}`;
    return stratified ? { id, stratum: `county-${Math.floor(r() * 6)}|village-${Math.floor(r() * 200)}` } : { id };
  });
}

export default [
  benchCase({
    operation: "migrants.drawSurveySample",
    size: "1,000,000 households, 5%",
    setup: () => ({ households: households(false), seed: "2024" }),
    run: (input) => drawSurveySample(input),
    verify: (_input, out) => {
      const r = out as ReturnType<typeof drawSurveySample>;
      if (r.size !== 50_000 || new Set(r.sample).size !== 50_000) throw new Error(`bad sample size ${r.size}`);
    },
    target: { maxMedianMs: 500 },
  }),
  benchCase({
    operation: "migrants.drawSurveySample (stratified)",
    size: "1,000,000 households, 1,200 strata, 5%",
    setup: () => ({ households: households(true), seed: "2024" }),
    run: (input) => drawSurveySample(input),
    verify: (_input, out) => {
      const r = out as ReturnType<typeof drawSurveySample>;
      if (new Set(r.sample).size !== r.size || r.size !== r.byStratum.reduce((a, s) => a + Math.ceil(s.population / 20), 0)) throw new Error("bad stratified sample");
    },
    target: { maxMedianMs: 500 },
  }),
];
