import { formatFraction, fractionToDecimalString, type Fraction } from "@sannong/core";

/** Rounds a non-negative fraction to an integer: down, half-up or up. @internal */
export function roundFraction(f: Fraction, rounding: "down" | "half-up" | "up"): bigint {
  const q = f.num / f.den;
  const r = f.num - q * f.den;
  if (r === 0n || rounding === "down") return q;
  if (rounding === "up") return q + 1n;
  return 2n * r >= f.den ? q + 1n : q;
}

/** An exact fraction as text: `"225"` for an integer, `"1349/6"` otherwise. @internal */
export function exact(f: Fraction): string {
  return f.den === 1n ? f.num.toString() : formatFraction(f);
}

/** A fraction for display: exact when an integer, otherwise `≈` six decimals. @internal */
export function approx(f: Fraction): string {
  return f.den === 1n ? f.num.toString() : `${exact(f)} ≈ ${fractionToDecimalString(f, 6)}`;
}
