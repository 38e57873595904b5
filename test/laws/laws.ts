/**
 * Shared helpers of the cross-package law tests (not published): exact
 * rational arithmetic to state "within one fen of the exact share"
 * independently of the code under test, money text from 分, and a few
 * generators of valid inputs.
 */
import { expect } from "vitest";
import fc from "fast-check";
import { moneyFromFen, type Money } from "@sannong/core";

/** Money text ("1234.56") from an integer number of 分. */
export const yuan = (fen: bigint | number): string => String(moneyFromFen(BigInt(fen)));

/** Σ of Money, in 分. */
export const fenSum = (list: readonly Money[]): bigint => list.reduce((s, m) => s + m.fen, 0n);

/** An exact non-negative rational n/d (d > 0). */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
export const q = (n: bigint | number, d: bigint | number = 1n): Q => ({ n: BigInt(n), d: BigInt(d) });
export const qAdd = (a: Q, b: Q): Q => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const qMul = (a: Q, b: Q): Q => ({ n: a.n * b.n, d: a.d * b.d });

/**
 * Asserts that an amount in 分 is the floor or the ceiling of an exact share
 * (what largest remainder guarantees): |amount − exact| < 1 分.
 */
export function expectWithinOneFen(amountFen: bigint, exactFen: Q, what: string): void {
  const diff = amountFen * exactFen.d - exactFen.n; // (amount − exact) × d
  const abs = diff < 0n ? -diff : diff;
  expect(abs < exactFen.d, `${what}: ${yuan(amountFen)} is not within 1 分 of ${exactFen.n}/${exactFen.d} 分`).toBe(
    true,
  );
}

/** Rounds n/d (d > 0) half away from zero, the way the pool rounds returns (四舍五入). */
export function roundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const r = (2n * a + d) / (2n * d);
  return neg ? -r : r;
}

/** A decimal string with `scale` decimals from an integer (e.g. −125, 4 → "-0.0125"). */
export function scaled(v: number, scale: number): string {
  const neg = v < 0;
  const s = String(Math.abs(v)).padStart(scale + 1, "0");
  const text = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  return neg ? `-${text}` : text;
}

/** Integer weights of which at least one is positive (for shares that must add up to 1). */
export const positiveWeights = (min: number, max: number, top = 10): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 0, max: top }), { minLength: min, maxLength: max }).filter((ws) => ws.some((w) => w > 0));

/** The weights as exact fractions "w/W" that add up to exactly 1. */
export function fractionsOfOne(ws: readonly number[]): string[] {
  const total = ws.reduce((s, w) => s + w, 0);
  return ws.map((w) => `${w}/${total}`);
}

/** Ids that sort in generation order ("A01", "A02", …) so a reader can follow a counterexample. */
export const ids = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, "0")}`);
