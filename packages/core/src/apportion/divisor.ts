/**
 * The fast engine of the divisor methods (Jefferson/D'Hondt, Webster/Sainte-Laguë,
 * Adams, Huntington–Hill) with per-recipient minimum and maximum.
 *
 * Definition (what the plain seat-by-seat reference in the tests computes):
 * every recipient `i` starts with `lo[i]` seats; then the places left go one
 * at a time to the highest priority `w[i] / d(s[i])`, where `s[i]` is the
 * seats `i` holds and `d` is the method's divisor (`s + 1`, `s + ½`, `s`,
 * `√(s(s+1))`); a recipient at its maximum or with weight zero takes no more.
 * Equal priorities go to the lower index.
 *
 * The engine gets there without handing out the places one by one:
 *
 * 1. Estimate: bisect on a divisor `D` in float64 until the seats implied by
 *    the quotas `w / D` (rounded the method's way, clamped to the bounds) add
 *    up to `places` or as close as a float divisor can get.
 * 2. Repair exactly: two indexed heaps hold every recipient's next-seat
 *    priority (max-heap) and last-seat priority (min-heap). Seats are added
 *    from the first or taken back from the second until the count is right,
 *    then swapped while some next seat beats some held seat. Priorities are
 *    compared as cross products in float64 when the gap is far wider than the
 *    rounding error, and with bigint otherwise (Huntington–Hill compares
 *    `w²/(s(s+1))`, so no square root is ever taken).
 * 3. Ties: if the weakest held seat and the strongest next seat have exactly
 *    the same priority, every recipient at that priority is collected and the
 *    seats at that level go to the lowest indices (the documented rule).
 *
 * @internal
 */

/** The divisor methods. @internal */
export type DivisorMethod = "jefferson" | "webster" | "adams" | "huntington-hill";

/** Input of {@link divisorApportion}. Arrays are read, never written. @internal */
export interface DivisorProblem {
  readonly method: DivisorMethod;
  /** Places to hand out: Σlo ≤ places ≤ Σ reachable (checked by the caller). */
  readonly places: number;
  /** Weights as float64 (exact when below 2^53; otherwise the nearest double). */
  readonly wf: Float64Array;
  /** The same weights as exact integers. */
  readonly wb: readonly bigint[];
  /** Minimum seats per recipient (0 when none). */
  readonly lo: Float64Array;
  /** Maximum seats per recipient (`Infinity` when none). */
  readonly hi: Float64Array;
  /**
   * A starting allocation (within the bounds, zero weights at `lo`) used
   * instead of the estimate; the result must not depend on it. For tests of
   * the exact repair.
   */
  readonly start?: Float64Array;
}

/** Output of {@link divisorApportion}. @internal */
export interface DivisorOutcome {
  readonly seats: Float64Array;
  /** The tie that decided places, if any (indices ascending). */
  readonly tie: { readonly among: number[]; readonly awarded: number[] } | null;
}

const JEFFERSON = 0;
const WEBSTER = 1;
const ADAMS = 2;
const HH = 3;

/**
 * Relative margin above which a float64 comparison of two cross products is
 * trusted. Each product carries at most ~6 rounding errors of 2^-53 ≈ 1.1e-16
 * (weight to double, squaring, the divisor, the product), far below 1e-12.
 */
const MARGIN = 1e-12;

function methodCode(m: DivisorMethod): number {
  return m === "jefferson" ? JEFFERSON : m === "webster" ? WEBSTER : m === "adams" ? ADAMS : HH;
}

/** Divisor for seat count `s` as a double (scaled: Webster uses 2s+1, Huntington–Hill s(s+1)). */
function denF(m: number, s: number): number {
  return m === JEFFERSON ? s + 1 : m === WEBSTER ? 2 * s + 1 : m === ADAMS ? s : s * (s + 1);
}

/** The same divisor, exactly. */
function denB(m: number, s: number): bigint {
  const b = BigInt(s);
  return m === JEFFERSON ? b + 1n : m === WEBSTER ? 2n * b + 1n : m === ADAMS ? b : b * (b + 1n);
}

/** A binary heap of indices with a position map, ordered by `before`. */
class IndexedHeap {
  readonly heap: Int32Array;
  readonly pos: Int32Array;
  size = 0;
  constructor(
    n: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
  }
  has(i: number): boolean {
    return this.pos[i]! >= 0;
  }
  top(): number {
    return this.heap[0]!;
  }
  /** Adds without ordering; call {@link heapify} after a batch. */
  push(i: number): void {
    this.heap[this.size] = i;
    this.pos[i] = this.size++;
  }
  heapify(): void {
    for (let k = (this.size >> 1) - 1; k >= 0; k--) this.down(k);
  }
  insert(i: number): void {
    this.push(i);
    this.up(this.size - 1);
  }
  remove(i: number): void {
    const k = this.pos[i]!;
    const last = this.heap[--this.size]!;
    this.pos[i] = -1;
    if (k === this.size) return;
    this.heap[k] = last;
    this.pos[last] = k;
    this.up(k);
    this.down(this.pos[last]!);
  }
  /** Restores order after the key of `i` changed. */
  update(i: number): void {
    const k = this.pos[i]!;
    this.up(k);
    this.down(this.pos[i]!);
  }
  private swap(a: number, b: number): void {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    this.heap[a] = y;
    this.heap[b] = x;
    this.pos[y] = a;
    this.pos[x] = b;
  }
  private up(k: number): void {
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!this.before(this.heap[k]!, this.heap[p]!)) return;
      this.swap(k, p);
      k = p;
    }
  }
  private down(k: number): void {
    for (;;) {
      const l = 2 * k + 1;
      if (l >= this.size) return;
      const r = l + 1;
      const c = r < this.size && this.before(this.heap[r]!, this.heap[l]!) ? r : l;
      if (!this.before(this.heap[c]!, this.heap[k]!)) return;
      this.swap(k, c);
      k = c;
    }
  }
}

/**
 * Apportions by a divisor method, exactly (see the module comment).
 * @internal
 */
export function divisorApportion(p: DivisorProblem): DivisorOutcome {
  const m = methodCode(p.method);
  const { wf, wb, lo, hi, places } = p;
  const n = wf.length;
  const numF = new Float64Array(n);
  for (let i = 0; i < n; i++) numF[i] = m === HH ? wf[i]! * wf[i]! : wf[i]!;
  const numB: (bigint | undefined)[] = new Array<bigint | undefined>(n);
  const exactNum = (i: number): bigint => {
    let v = numB[i];
    if (v === undefined) {
      v = m === HH ? wb[i]! * wb[i]! : wb[i]!;
      numB[i] = v;
    }
    return v;
  };

  /** Sign of priority(i at seat count si) − priority(j at seat count sj). */
  const cmp = (i: number, si: number, j: number, sj: number): number => {
    const di = denF(m, si);
    const dj = denF(m, sj);
    if (di === 0) return dj === 0 ? 0 : 1; // w/0: the first seat under Adams and Huntington–Hill
    if (dj === 0) return -1;
    const x = numF[i]! * dj;
    const y = numF[j]! * di;
    if (x > y * (1 + MARGIN)) return 1;
    if (y > x * (1 + MARGIN)) return -1;
    const X = exactNum(i) * denB(m, sj);
    const Y = exactNum(j) * denB(m, si);
    return X > Y ? 1 : X < Y ? -1 : 0;
  };

  if (places === 0) return { seats: lo.slice(), tie: null };
  const seats = p.start ? p.start.slice() : estimate(m, p);

  // Seats minus places, summed exactly (near 2^53 a float sum could round).
  let total = 0n;
  for (let i = 0; i < n; i++) total += BigInt(seats[i]!);
  let excess = Number(total - BigInt(places));

  const next = new IndexedHeap(n, (a, b) => {
    const c = cmp(a, seats[a]!, b, seats[b]!);
    return c > 0 || (c === 0 && a < b);
  });
  const last = new IndexedHeap(n, (a, b) => {
    const c = cmp(a, seats[a]! - 1, b, seats[b]! - 1);
    return c < 0 || (c === 0 && a > b);
  });
  const canGain = (i: number): boolean => wf[i]! > 0 && seats[i]! < hi[i]!;
  const canLose = (i: number): boolean => wf[i]! > 0 && seats[i]! > lo[i]!;
  for (let i = 0; i < n; i++) {
    if (canGain(i)) next.push(i);
    if (canLose(i)) last.push(i);
  }
  next.heapify();
  last.heapify();
  const refresh = (i: number): void => {
    if (canGain(i)) {
      if (next.has(i)) next.update(i);
      else next.insert(i);
    } else if (next.has(i)) next.remove(i);
    if (canLose(i)) {
      if (last.has(i)) last.update(i);
      else last.insert(i);
    } else if (last.has(i)) last.remove(i);
  };

  for (;;) {
    if (excess < 0) {
      const i = next.top();
      seats[i]! += 1;
      excess += 1;
      refresh(i);
    } else if (excess > 0) {
      const i = last.top();
      seats[i]! -= 1;
      excess -= 1;
      refresh(i);
    } else {
      if (next.size === 0 || last.size === 0) break;
      const g = next.top();
      const l = last.top();
      if (cmp(g, seats[g]!, l, seats[l]! - 1) <= 0) break;
      seats[g]! += 1;
      refresh(g);
      seats[l]! -= 1;
      refresh(l);
    }
  }

  if (next.size === 0 || last.size === 0) return { seats, tie: null };
  const a = last.top();
  const sa = seats[a]! - 1;
  if (cmp(next.top(), seats[next.top()]!, a, sa) !== 0) return { seats, tie: null };

  // A tie decides places: every held seat and every next seat at the
  // threshold priority; the held count goes to the lowest indices.
  const among: number[] = [];
  const held: boolean[] = [];
  let m0 = 0;
  for (let i = 0; i < n; i++) {
    if (wf[i] === 0) continue;
    if (seats[i]! > lo[i]! && cmp(i, seats[i]! - 1, a, sa) === 0) {
      among.push(i);
      held.push(true);
      m0++;
    } else if (seats[i]! < hi[i]! && cmp(i, seats[i]!, a, sa) === 0) {
      among.push(i);
      held.push(false);
    }
  }
  const awarded = among.slice(0, m0);
  for (let k = 0; k < among.length; k++) {
    const i = among[k]!;
    if (k < m0 && !held[k]) seats[i]! += 1;
    else if (k >= m0 && held[k]) seats[i]! -= 1;
  }
  return { seats, tie: { among, awarded } };
}

/**
 * Seats from a float64 divisor found by bisection: a starting point within a
 * few seats of the exact answer (never trusted for correctness).
 */
function estimate(m: number, p: DivisorProblem): Float64Array {
  const { wf, lo, hi, places } = p;
  const n = wf.length;
  const out = new Float64Array(n);
  const seatsAt = (D: number): number => {
    let S = 0;
    for (let i = 0; i < n; i++) {
      const w = wf[i]!;
      let s: number;
      if (w === 0) s = lo[i]!;
      else {
        const q = w / D;
        if (m === JEFFERSON) s = Math.floor(q);
        else if (m === WEBSTER) s = Math.floor(q + 0.5);
        else if (m === ADAMS) s = Math.ceil(q);
        else {
          const f = Math.floor(q);
          s = q * q > f * (f + 1) ? f + 1 : f;
        }
        // No one ends above `places` (so every count stays a safe integer).
        if (s > places) s = places;
        if (s < lo[i]!) s = lo[i]!;
        else if (s > hi[i]!) s = hi[i]!;
      }
      out[i] = s;
      S += s;
    }
    return S;
  };
  if (places === 0) {
    for (let i = 0; i < n; i++) out[i] = lo[i]!;
    return out;
  }
  let sumW = 0;
  let maxW = 0;
  for (let i = 0; i < n; i++) {
    sumW += wf[i]!;
    if (wf[i]! > maxW) maxW = wf[i]!;
  }
  // S(D) does not increase with D. Bracket: S(dLo) ≥ places ≥ S(dHi).
  let dLo = sumW / places;
  let sLo = seatsAt(dLo);
  let dHi = dLo;
  let sHi = sLo;
  for (let k = 0; sHi > places && k < 2200; k++) {
    // Beyond 4·max(w) every quota is below ½ and S(D) no longer changes.
    if (dHi > 4 * maxW) break;
    dLo = dHi;
    sLo = sHi;
    dHi *= 2;
    sHi = seatsAt(dHi);
  }
  for (let k = 0; sLo < places && k < 2200; k++) {
    const d = dLo / 2;
    if (!(d > 0)) break;
    dHi = dLo;
    sHi = sLo;
    dLo = d;
    sLo = seatsAt(dLo);
  }
  for (let k = 0; k < 400 && sLo > places && sHi < places; k++) {
    const mid = dHi / dLo > 1.000001 ? Math.sqrt(dLo) * Math.sqrt(dHi) : dLo + (dHi - dLo) / 2;
    if (!(mid > dLo && mid < dHi)) break;
    const s = seatsAt(mid);
    if (s >= places) {
      dLo = mid;
      sLo = s;
    } else {
      dHi = mid;
      sHi = s;
    }
  }
  const useLo = sLo === places || (sHi !== places && Math.abs(sLo - places) <= Math.abs(places - sHi));
  seatsAt(useLo ? dLo : dHi);
  return out;
}
