/**
 * Exact integer helpers of the funds package: scaled decimals, gcd/lcm, and the
 * largest-remainder split on bigint weights. Never re-exported.
 * @internal
 */

/** A non-negative decimal as an integer and a decimal scale: value = int / 10^scale. */
export interface Scaled {
  readonly int: bigint;
  readonly scale: number;
}

const POW10: bigint[] = [1n];
/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

const PLAIN = /^\+?(\d+)(?:\.(\d*))?$|^\+?\.(\d+)$/;
/** Most decimal places and the magnitude limit of a decimal input (same as core). */
const MAX_PLACES = 18;
const LIMIT_DIGITS = 18; // value < 10^18

/**
 * Reads a non-negative decimal given as a finite number or a plain decimal
 * string exactly (a number through its shortest round-trip text). Returns
 * `undefined` for anything else (negative, NaN, ±Infinity, exponent form,
 * more than 18 decimals, 10^18 or more).
 */
export function readScaled(v: unknown): Scaled | undefined {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0) return undefined;
    if (Number.isSafeInteger(v)) return v < 1e18 ? { int: BigInt(v), scale: 0 } : undefined;
    return readText(String(v));
  }
  if (typeof v === "string") return readText(v.trim());
  return undefined;
}

function readText(t: string): Scaled | undefined {
  const m = PLAIN.exec(t);
  if (!m) return undefined;
  const whole = m[1] ?? "0";
  const frac = (m[2] ?? m[3] ?? "").replace(/0+$/, "");
  if (frac.length > MAX_PLACES) return undefined;
  const w = whole.replace(/^0+/, "");
  if (w.length > LIMIT_DIGITS) return undefined;
  return { int: BigInt((w || "0") + frac), scale: frac.length };
}

/** True when {@link readScaled} accepts the value. */
export function isNonNegativeDecimal(v: unknown): boolean {
  if (typeof v === "number") {
    if (!(v >= 0 && v < 1e18)) return false; // also rejects NaN
    // an integer, or a number ≥ 0.1 (its shortest text has ≤ 17 decimals and no exponent)
    return Number.isInteger(v) || v >= 0.1 || readText(String(v)) !== undefined;
  }
  return typeof v === "string" && readText(v.trim()) !== undefined;
}

/** The value of a scaled decimal at a larger scale. */
export function rescale(s: Scaled, scale: number): bigint {
  return s.scale === scale ? s.int : s.int * pow10(scale - s.scale);
}

/** Greatest common divisor of two non-negative bigints. */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Least common multiple of two positive bigints. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** Number of decimal digits of a positive bigint. */
export function digits(x: bigint): number {
  return x.toString().length;
}

/**
 * The rank of each item when sorted by id (UTF-16 code-unit order): the
 * declared remainder tie-break, independent of input order.
 */
export function idRanks(ids: readonly string[]): Int32Array {
  const idx = ids.map((_, i) => i);
  idx.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
  const rank = new Int32Array(ids.length);
  idx.forEach((i, r) => (rank[i] = r));
  return rank;
}
