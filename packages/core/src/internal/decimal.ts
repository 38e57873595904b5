import DecimalJs from "decimal.js";

/**
 * The one private decimal.js configuration of sannong (never `Decimal.set`, so
 * the caller's own decimal.js settings are untouched). 60 significant digits
 * and no exponent notation in `toString` within the range used for money.
 * @internal
 */
export const Dec = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
/** @internal */
export type Dec = InstanceType<typeof Dec>;

/** Largest magnitude accepted for any decimal input (10^18). @internal */
export const DECIMAL_LIMIT = new Dec("1e18");
/** Most decimal places accepted in a decimal input. @internal */
export const DECIMAL_MAX_PLACES = 18;

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses a plain decimal string or a finite JS number exactly (a number is
 * read through its shortest round-trip representation). Returns `undefined`
 * for anything else, so callers can report a typed error.
 * @internal
 */
export function toDec(value: unknown): Dec | undefined {
  let text: string;
  if (typeof value === "string") {
    const t = value.trim();
    if (!PLAIN_DECIMAL.test(t)) return undefined;
    text = t;
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    text = Object.is(value, -0) ? "0" : String(value);
  } else if (typeof value === "bigint") {
    text = value.toString();
  } else if (DecimalJs.isDecimal(value)) {
    // A Decimal is a computed value (a growth factor, a rate product): no limit on its places, only finite and in range.
    const d = new Dec(value as DecimalJs);
    return d.isFinite() && d.abs().lt(DECIMAL_LIMIT) ? (d.isZero() ? new Dec(0) : d) : undefined;
  } else {
    return undefined;
  }
  const d = new Dec(text);
  if (d.isZero()) return new Dec(0);
  if (d.abs().gte(DECIMAL_LIMIT) || d.decimalPlaces() > DECIMAL_MAX_PLACES) return undefined;
  return d;
}

/** Exact scaled-integer form of a decimal: value = int / 10^scale. @internal */
export function toScaledBigInt(d: Dec, scale: number): bigint {
  return BigInt(d.times(new Dec(10).pow(scale)).toFixed(0));
}
