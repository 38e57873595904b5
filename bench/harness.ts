/**
 * The benchmark harness: each `bench/*.bench.ts` file default-exports a list
 * of cases built with {@link benchCase}. `pnpm bench` (bench/run.ts) runs every
 * case in its own child process (so peak memory is the case's own), prints a
 * table and writes bench/results.json. Benchmarks are never unit tests.
 */

/** One implementation to time on the case's input. */
export interface Contender<I> {
  readonly name: string;
  readonly run: (input: I) => unknown;
}

/** A benchmark case: an operation at a size, its target, and baselines timed in the same run. */
export interface BenchCase<I = unknown> {
  /** e.g. `core.allocateMinorUnits` */
  readonly operation: string;
  /** e.g. `1,000,000 weights` */
  readonly size: string;
  /** Builds the input (not timed). */
  readonly setup: () => I;
  /** The code under test. */
  readonly run: (input: I) => unknown;
  /** Optional check of the result (not timed), e.g. conservation. Throw on failure. */
  readonly verify?: (input: I, output: unknown) => void;
  /** Baselines timed in the same process on the same input. */
  readonly baselines?: readonly Contender<I>[];
  /** Targets: median under `maxMedianMs`; at least `minSpeedup`× faster than baseline `speedupOver`. */
  readonly target?: { readonly maxMedianMs?: number; readonly minSpeedup?: number; readonly speedupOver?: string };
  /** Timed runs (default 7); baselines use `baselineRuns` (default 3). */
  readonly runs?: number;
  readonly baselineRuns?: number;
}

/** Declares a benchmark case (identity; for type inference). */
export function benchCase<I>(c: BenchCase<I>): BenchCase<unknown> {
  return c as unknown as BenchCase<unknown>;
}

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Times `fn(input)` `runs` times after one warm-up; returns the median in ms. */
export function time<I>(
  fn: (input: I) => unknown,
  input: I,
  runs: number,
): { medianMs: number; samples: number[]; last: unknown } {
  let last = fn(input);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = fn(input);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { medianMs: median(samples), samples, last };
}

/** A deterministic pseudo-random generator (mulberry32) for bench inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
