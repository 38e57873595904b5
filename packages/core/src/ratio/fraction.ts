import * as z from "zod";
import { PolicyError } from "../errors/errors";
import { Dec, toDec } from "../internal/decimal";
import { addIssue } from "../validation/parse";
import { badArgument, describeValue } from "../internal/args";

function integer(v: unknown, fn: string, name: string): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  return badArgument(fn, name, "整数", "an integer (a safe integer number or a bigint)", v);
}

function frac(v: unknown, fn: string, name: string): Fraction {
  const f = v as Fraction;
  if (typeof v === "object" && v !== null && typeof f.num === "bigint" && typeof f.den === "bigint" && f.den > 0n)
    return f;
  return badArgument(
    fn,
    name,
    "分数 { num, den }（bigint，分母为正）",
    "a fraction { num, den } with bigint parts and a positive denominator",
    v,
  );
}

/**
 * An exact fraction in lowest terms with a positive denominator. Its string
 * form is `"num/den"` (`"3/5"`, `"1/1"`).
 * @remarks Implements CORE-RATIO-1.
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Builds a fraction num/den in lowest terms.
 * @throws {@link PolicyError} `ZERO_DENOMINATOR`
 * @example
 * ```ts
 * import { formatFraction, fraction } from "@sannong/core";
 * formatFraction(fraction(6n, 10n)); // → "3/5"
 * ```
 * @remarks Implements CORE-RATIO-1.
 */
export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  let n = integer(num, "fraction", "num");
  let d = integer(den, "fraction", "den");
  if (d === 0n)
    throw new PolicyError({ code: "ZERO_DENOMINATOR", zh: "分母不能为零", en: "denominator must not be zero" });
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return Object.freeze({ num: n / g, den: d / g });
}

/** a + b, exactly. */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  a = frac(a, "addFractions", "a");
  b = frac(b, "addFractions", "b");
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}
/** a × b, exactly. */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  a = frac(a, "multiplyFractions", "a");
  b = frac(b, "multiplyFractions", "b");
  return fraction(a.num * b.num, a.den * b.den);
}
/** −1, 0, 1 comparison of two fractions. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  a = frac(a, "compareFractions", "a");
  b = frac(b, "compareFractions", "b");
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}
/** `"num/den"`. */
export function formatFraction(f: Fraction): string {
  f = frac(f, "formatFraction", "f");
  return `${f.num}/${f.den}`;
}
/** The fraction as a decimal rounded half-up to `places` decimals (a display string). */
export function fractionToDecimalString(f: Fraction, places = 2): string {
  f = frac(f, "fractionToDecimalString", "f");
  if (!Number.isSafeInteger(places) || places < 0 || places > 40)
    badArgument("fractionToDecimalString", "places", "0 到 40 的整数", "an integer from 0 to 40", places);
  return new Dec(f.num.toString()).div(f.den.toString()).toFixed(places, Dec.ROUND_HALF_UP);
}
/** The exact fraction of a decimal string or number (`"0.35"` → 7/20). */
export function fractionFromDecimal(v: string | number | Dec): Fraction {
  const d = toDec(v);
  if (!d)
    throw new PolicyError({
      code: "INVALID_DECIMAL",
      zh: `不是有效的十进制数：${describeValue(v)}`,
      en: `not a valid decimal: ${describeValue(v)}`,
    });
  const places = d.decimalPlaces();
  return fraction(BigInt(d.times(new Dec(10).pow(places)).toFixed(0)), 10n ** BigInt(places));
}

/**
 * Parses `"3/5"`, `"0.6"` or `0.6` to a fraction; `undefined` if malformed.
 * @internal
 */
export function readFraction(v: unknown): Fraction | undefined {
  if (typeof v === "string") {
    const m = /^\s*(-?\d{1,30})\s*\/\s*(\d{1,30})\s*$/.exec(v);
    if (m) return m[2] === undefined || BigInt(m[2]) === 0n ? undefined : fraction(BigInt(m[1] ?? "0"), BigInt(m[2]));
  }
  const d = toDec(v);
  return d ? fractionFromDecimal(d) : undefined;
}

/**
 * zod schema for a rate, share or weight: a decimal string, a finite number, or
 * an exact fraction string `"num/den"`; parsed to a {@link Fraction}.
 * @remarks Implements CORE-RATIO-1.
 */
export const fractionSchema: z.ZodType<Fraction, string | number> = z
  .custom<string | number>(() => true)
  .transform((v, ctx) => {
    const f = readFraction(v);
    if (f) return f;
    addIssue(
      ctx,
      `不是有效的比例或小数：${typeof v === "string" || typeof v === "number" ? String(v) : typeof v}`,
      `not a valid ratio or decimal: ${typeof v === "string" || typeof v === "number" ? String(v) : typeof v}`,
      [],
      "invalid_decimal",
    );
    return z.NEVER;
  }) as unknown as z.ZodType<Fraction, string | number>;
