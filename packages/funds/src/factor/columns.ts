/**
 * Factor columns: every recipient's value of one factor as an exact integer
 * at a common decimal scale, kept as doubles when every value and the column
 * total are safe integers (the common case) and as bigints otherwise.
 * @internal
 */
import { digits, pow10, readScaled } from "../internal/exact";

const SAFE = Number.MAX_SAFE_INTEGER;

/** One factor column: exact integer coefficients at `scale` decimals. */
export interface Column {
  /** Decimal scale: coefficient value = integer ÷ 10^scale. */
  readonly scale: number;
  /** The coefficients as doubles (exact when `big` is null). */
  readonly num: Float64Array;
  /** The exact coefficients when some do not fit a safe integer. */
  readonly big: readonly bigint[] | null;
  /** Exact column total. */
  readonly base: bigint;
}

/** The exact coefficient of recipient `i`. */
export function exactAt(c: Column, i: number): bigint {
  return c.big ? c.big[i]! : BigInt(c.num[i]!);
}

/**
 * The exact decimal of a finite non-integer double as an integer and a
 * number of decimals, when both are small: the least d with
 * round(v·10^d) ÷ 10^d === v is the number of decimals of the shortest
 * round-trip text of v (what `String(v)` prints), and round(v·10^d) its
 * digits. Returns false when the shortcut does not apply (the caller then
 * reads `String(v)`).
 */
function decimalOfDouble(v: number, out: { x: number; d: number }): boolean {
  if (!(v >= 1e-6 && v < 1e15)) return false;
  let p = 1;
  for (let d = 1; d <= 15; d++) {
    p *= 10;
    const x = Math.round(v * p);
    if (x > SAFE) return false;
    if (x / p === v) {
      out.x = x;
      out.d = d;
      return true;
    }
  }
  return false;
}

/** Reads one factor's values (already validated) into a column. */
export function readColumn(n: number, valueAt: (i: number) => unknown): Column {
  const ints = new Float64Array(n);
  const sc = new Uint8Array(n);
  let bigs: (bigint | undefined)[] | null = null;
  let scale = 0;
  const dec = { x: 0, d: 0 };
  for (let i = 0; i < n; i++) {
    const v = valueAt(i);
    if (typeof v === "number") {
      if (Number.isSafeInteger(v)) {
        ints[i] = v;
        continue;
      }
      if (decimalOfDouble(v, dec)) {
        ints[i] = dec.x;
        sc[i] = dec.d;
        if (dec.d > scale) scale = dec.d;
        continue;
      }
    }
    const r = readScaled(v)!;
    sc[i] = r.scale;
    if (r.scale > scale) scale = r.scale;
    if (r.int <= BigInt(SAFE)) ints[i] = Number(r.int);
    else {
      bigs ??= new Array<bigint | undefined>(n);
      bigs[i] = r.int;
      ints[i] = Number(r.int);
    }
  }
  let safe = bigs === null;
  const num = new Float64Array(n);
  if (safe) {
    for (let i = 0; i < n; i++) {
      const x = sc[i] === scale ? ints[i]! : ints[i]! * 10 ** (scale - sc[i]!);
      if (x > SAFE) {
        safe = false;
        break;
      }
      num[i] = x;
    }
  }
  if (safe) return fromNumbers(num, scale);
  const big = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const b = bigs?.[i] ?? BigInt(ints[i]!);
    big[i] = sc[i] === scale ? b : b * pow10(scale - sc[i]!);
  }
  return fromBigints(big, scale);
}

/** A column from exact safe-integer doubles. */
export function fromNumbers(num: Float64Array, scale: number): Column {
  let s = 0;
  let safe = true;
  for (let i = 0; i < num.length; i++) {
    s += num[i]!;
    if (s > SAFE) {
      safe = false;
      break;
    }
  }
  let base: bigint;
  if (safe) base = BigInt(s);
  else {
    base = 0n;
    for (let i = 0; i < num.length; i++) base += BigInt(num[i]!);
  }
  return { scale, num, big: null, base };
}

/** A column from bigints (kept as doubles when all are safe). */
export function fromBigints(big: readonly bigint[], scale: number): Column {
  const n = big.length;
  const num = new Float64Array(n);
  let allSafe = true;
  let base = 0n;
  for (let i = 0; i < n; i++) {
    const b = big[i]!;
    base += b;
    if (b > BigInt(SAFE)) allSafe = false;
    num[i] = Number(b);
  }
  return { scale, num, big: allSafe ? null : big, base };
}

/** max − x for every value (the richest gets zero). */
export function maxMinus(c: Column): Column {
  if (!c.big) {
    let max = 0;
    for (const v of c.num) if (v > max) max = v;
    const out = new Float64Array(c.num.length);
    for (let i = 0; i < out.length; i++) out[i] = max - c.num[i]!;
    return fromNumbers(out, c.scale);
  }
  let max = 0n;
  for (const v of c.big) if (v > max) max = v;
  return fromBigints(
    c.big.map((v) => max - v),
    c.scale,
  );
}

/** 1 + the number of recipients with a strictly higher value (ties share a rank). */
export function rankFromTop(c: Column): Column {
  const n = c.num.length;
  const order = Array.from({ length: n }, (_, i) => i);
  if (c.big) {
    const b = c.big;
    order.sort((x, y) => (b[x]! > b[y]! ? -1 : b[x]! < b[y]! ? 1 : 0));
  } else {
    const v = c.num;
    order.sort((x, y) => v[y]! - v[x]!);
  }
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const prev = p > 0 ? order[p - 1]! : -1;
    out[i] = prev >= 0 && exactAt(c, prev) === exactAt(c, i) ? out[prev]! : p + 1;
  }
  return fromNumbers(out, 0);
}

/**
 * 1/x of each value rounded half-up to `sig` significant digits, at one
 * common scale. Calls `onZero(i)` (which throws) for a zero value.
 */
export function reciprocal(c: Column, sig: number, onZero: (i: number) => never): Column {
  const n = c.num.length;
  const v: bigint[] = new Array<bigint>(n);
  const e: number[] = new Array<number>(n);
  let E = -Infinity;
  for (let i = 0; i < n; i++) {
    const X = exactAt(c, i);
    if (X === 0n) onZero(i);
    const m = digits(X) + sig - 1; // 10^m ÷ X has `sig` digits (sig + 1, exactly, for a power of ten)
    const q = pow10(m);
    let r = q / X;
    if ((q - r * X) * 2n >= X) r += 1n;
    v[i] = r;
    e[i] = m - c.scale; // coefficient = r ÷ 10^(m − scale)
    if (e[i]! > E) E = e[i]!;
  }
  for (let i = 0; i < n; i++) if (e[i] !== E) v[i] = v[i]! * pow10(E - e[i]!);
  return fromBigints(v, E);
}
