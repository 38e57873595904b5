/**
 * CORE-ALLOC-4 targets (issue 2 / issue 9): exact allocation of 12,345,678.91 元
 * over 1,000,000 integer weights with allocateMinorUnits in under 250 ms
 * median, at least 8× faster than dinero.js 2.0 `allocate` on the same input
 * in the same run. Baselines: dinero.js, a plain decimal.js largest remainder,
 * and a float64 loop with a full sort (the floor for the same work, not exact).
 */
import DecimalJs from "decimal.js";
import { allocate as dineroAllocate, dinero, toSnapshot } from "dinero.js";
import { CNY } from "dinero.js/currencies";
import { allocate, allocateMinorUnits } from "@sannong/core";
import { benchCase, rng } from "./harness";

const TOTAL_FEN = 1_234_567_891;
const N = 1_000_000;

function weights(): number[] {
  const r = rng(20261122);
  return Array.from({ length: N }, () => 1 + Math.floor(r() * 1000));
}

/** Plain decimal.js largest remainder (reference baseline). */
function decimalLargestRemainder(total: number, ws: readonly number[]): number[] {
  const D = DecimalJs.clone({ precision: 40 });
  const W = ws.reduce((a, b) => a + b, 0);
  const t = new D(total);
  const floors: number[] = new Array<number>(ws.length);
  const rems: { i: number; r: InstanceType<typeof D> }[] = new Array(ws.length);
  let given = 0;
  for (let i = 0; i < ws.length; i++) {
    const exact = t.times(ws[i]!).div(W);
    const f = exact.floor();
    floors[i] = f.toNumber();
    rems[i] = { i, r: exact.minus(f) };
    given += floors[i]!;
  }
  rems.sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (let k = 0; k < total - given; k++) floors[rems[k]!.i]! += 1;
  return floors;
}

/** A float64 loop with a full sort: fast, but not exact in general (the floor for this work). */
function float64Loop(total: number, ws: readonly number[]): Float64Array {
  const W = ws.reduce((a, b) => a + b, 0);
  const out = new Float64Array(ws.length);
  const rem = new Float64Array(ws.length);
  let given = 0;
  for (let i = 0; i < ws.length; i++) {
    const exact = (total * ws[i]!) / W;
    out[i] = Math.floor(exact);
    rem[i] = exact - out[i]!;
    given += out[i]!;
  }
  const idx = Array.from({ length: ws.length }, (_, i) => i).sort((a, b) => rem[b]! - rem[a]! || a - b);
  for (let k = 0; k < total - given; k++) out[idx[k]!]! += 1;
  return out;
}

function conserves(_input: number[], out: unknown): void {
  let s = 0;
  for (const v of out as Float64Array) s += v;
  if (s !== TOTAL_FEN) throw new Error(`not conserved: ${s}`);
}

export default [
  benchCase({
    operation: "core.allocateMinorUnits",
    size: "1,000,000 integer weights",
    setup: weights,
    run: (ws) => allocateMinorUnits(TOTAL_FEN, ws),
    verify: conserves,
    baselines: [
      {
        name: "dinero.js 2.0 allocate",
        run: (ws) => dineroAllocate(dinero({ amount: TOTAL_FEN, currency: CNY }), ws).map((d) => toSnapshot(d).amount),
      },
      { name: "decimal.js largest remainder", run: (ws) => decimalLargestRemainder(TOTAL_FEN, ws) },
      { name: "float64 loop + full sort", run: (ws) => float64Loop(TOTAL_FEN, ws) },
    ],
    target: { maxMedianMs: 250, minSpeedup: 8, speedupOver: "dinero.js 2.0 allocate" },
    runs: 9,
    baselineRuns: 3,
  }),
  benchCase({
    operation: "core.allocate (Money API)",
    size: "100,000 decimal weights",
    setup: () => {
      const r = rng(7);
      return Array.from({ length: 100_000 }, () => (r() * 1000).toFixed(3));
    },
    run: (ws) => allocate("12345678.91", ws),
    runs: 5,
  }),
];
