import { Decimal, type Fraction } from "@sannong/core";

/**
 * A fraction as text: its exact decimal when it terminates (`"0.95"`),
 * otherwise `"num/den"` (`"1/3"`).
 * @internal
 */
export function showFraction(f: Fraction): string {
  let d = f.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return `${f.num}/${f.den}`;
  return new Decimal(f.num.toString()).div(f.den.toString()).toFixed();
}

/**
 * A fraction rounded half-up to `places` decimals, as a decimal string
 * (a display value: comparisons use the exact fraction).
 * @internal
 */
export function fractionToFixed(f: Fraction, places: number): string {
  return new Decimal(f.num.toString()).div(f.den.toString()).toFixed(places, Decimal.ROUND_HALF_UP);
}
