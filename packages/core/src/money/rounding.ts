import * as z from "zod";
import { Dec } from "../internal/decimal";

/**
 * Named rounding modes (舍入方式). `half-up` is 四舍五入, the default for
 * money; `down` truncates toward zero; `up` rounds away from zero.
 * @remarks Implements CORE-MONEY-2.
 */
export type Rounding = "half-up" | "half-even" | "down" | "up";

/** The zod schema of {@link Rounding}. */
export const roundingSchema = z.enum(["half-up", "half-even", "down", "up"]);

/** decimal.js rounding constant for a named rounding. @internal */
export function decimalRounding(r: Rounding): 0 | 1 | 4 | 6 {
  switch (r) {
    case "half-up":
      return Dec.ROUND_HALF_UP as 4;
    case "half-even":
      return Dec.ROUND_HALF_EVEN as 6;
    case "down":
      return Dec.ROUND_DOWN as 1;
    case "up":
      return Dec.ROUND_UP as 0;
  }
}

/**
 * Rounds an exact integer quotient num/den (den > 0) to an integer with a
 * named rounding. Pure bigint arithmetic. @internal
 */
export function roundQuotient(num: bigint, den: bigint, r: Rounding): bigint {
  const neg = num < 0n;
  const a = neg ? -num : num;
  let q = a / den;
  const rem = a - q * den;
  if (rem !== 0n) {
    const twice = rem * 2n;
    if (r === "up") q += 1n;
    else if (r === "half-up" && twice >= den) q += 1n;
    else if (r === "half-even" && (twice > den || (twice === den && q % 2n === 1n))) q += 1n;
  }
  return neg ? -q : q;
}
