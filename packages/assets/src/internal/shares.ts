import { fraction, type Fraction } from "@sannong/core";

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** Sum of fractions, exact. @internal */
export function sumFractions(list: readonly Fraction[]): Fraction {
  let num = 0n;
  let den = 1n;
  for (const f of list) {
    num = num * f.den + f.num * den;
    den = den * f.den;
    const g = gcd(num, den) || 1n;
    num /= g;
    den /= g;
  }
  return fraction(num, den);
}

/**
 * Integer weights proportional to fractions: `num × (L / den)` over their
 * least common denominator L, as decimal strings for core `allocate`.
 * Returns `undefined` when L reaches 10^18 (allocate's limit). @internal
 */
export function integerWeights(list: readonly Fraction[]): string[] | undefined {
  let l = 1n;
  for (const f of list) {
    l = (l / gcd(l, f.den)) * f.den;
    if (l >= 10n ** 18n) return undefined;
  }
  const out: string[] = [];
  for (const f of list) {
    const w = f.num * (l / f.den);
    if (w >= 10n ** 18n) return undefined;
    out.push(w.toString());
  }
  return out;
}

/** `share × 100` as a 2-decimal display string, half-up. @internal */
export function percentOf(f: Fraction): string {
  // exact: round(num * 10000 / den) / 100
  const scaled = f.num * 10000n;
  let q = scaled / f.den;
  const r = scaled - q * f.den;
  if (r * 2n >= f.den) q += 1n;
  const s = q.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
