import { Decimal } from "@sannong/core";

/**
 * The monthly standard in 分 of each calendar year `y0 + k` (k = 0..count−1):
 * `baseFen × (1 + g)^k`, rounded half-up to the 分, computed in exact integer
 * arithmetic (no precision loss however many years). `g` > −1. @internal
 */
export function standardsByYear(baseFen: bigint, growth: InstanceType<typeof Decimal>, count: number): bigint[] {
  const places = Math.max(growth.decimalPlaces(), 0);
  const q = 10n ** BigInt(places);
  const p = BigInt(growth.times(new Decimal(10).pow(places)).toFixed(0));
  const factor = q + p; // (1 + g) = factor / q, factor > 0
  const out: bigint[] = [];
  let num = baseFen;
  let den = 1n;
  for (let k = 0; k < count; k++) {
    out.push(roundHalfUp(num, den));
    num *= factor;
    den *= q;
  }
  return out;
}

/** num/den rounded half-up, for num ≥ 0 and den > 0. @internal */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}
