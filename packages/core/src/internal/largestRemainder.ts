import { addToLargest, addToLargestBig, type Selection } from "./select";

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Largest-remainder split of a non-negative integer total over non-negative
 * integer weights (number form). Every step is exact: when total·max(w) + Σw ≤
 * 2^53 − 1 in doubles; when only total and Σw are safe (a large pool over
 * large weights), each product total·w is divided in bigint while the parts
 * (≤ total) and remainders (< Σw) stay exact doubles. Returns `undefined` when
 * Σw itself is beyond 2^53 (use the bigint form).
 * @internal
 */
export function largestRemainderNumber(
  total: number,
  weights: ArrayLike<number>,
): { parts: Float64Array; selection: Selection } | undefined {
  const n = weights.length;
  let W = 0;
  let maxW = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    W += w;
    if (w > maxW) maxW = w;
  }
  if (W > SAFE) return undefined;
  if (total * maxW + W > SAFE) return largestRemainderWide(total, weights, W);
  const parts = new Float64Array(n);
  const rem = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const a = total * weights[i]!;
    let q = Math.floor(a / W);
    let r = a - q * W;
    if (r < 0) {
      q -= 1;
      r += W;
    } else if (r >= W) {
      q += 1;
      r -= W;
    }
    parts[i] = q;
    rem[i] = r;
    given += q;
  }
  const selection = addToLargest(rem, total - given, parts);
  return { parts, selection };
}

/** The middle route: products in bigint, parts and remainders as exact doubles, selection in O(n). */
function largestRemainderWide(
  total: number,
  weights: ArrayLike<number>,
  W: number,
): { parts: Float64Array; selection: Selection } {
  const n = weights.length;
  const T = BigInt(total);
  const WB = BigInt(W);
  const parts = new Float64Array(n);
  const rem = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const a = T * BigInt(w);
    const q = a / WB;
    parts[i] = Number(q);
    rem[i] = Number(a - q * WB);
    given += parts[i]!;
  }
  const selection = addToLargest(rem, total - given, parts);
  return { parts, selection };
}

/**
 * Largest-remainder split with bigint arithmetic, with optional per-index
 * lower and upper bounds (exact water-filling: what a cap cuts off goes to the
 * others in proportion to their weights, repeatedly, until stable). The caller
 * checks feasibility first (Σ floors ≤ total ≤ Σ reachable caps).
 * @internal
 */
export function largestRemainderBig(
  total: bigint,
  weights: readonly bigint[],
  floors?: readonly (bigint | null)[],
  caps?: readonly (bigint | null)[],
): { parts: bigint[]; selection: Selection } {
  const n = weights.length;
  const parts: bigint[] = new Array<bigint>(n).fill(0n);
  const fixed: boolean[] = new Array<boolean>(n).fill(false);
  const f = (i: number): bigint => floors?.[i] ?? 0n;
  const c = (i: number): bigint | null => caps?.[i] ?? null;
  let R = total;
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0n) {
      fixed[i] = true;
      parts[i] = f(i);
      R -= parts[i]!;
    }
  }
  if (floors || caps) {
    for (;;) {
      let Wf = 0n;
      for (let i = 0; i < n; i++) if (!fixed[i]) Wf += weights[i]!;
      if (Wf === 0n) break;
      let excess = 0n;
      let deficit = 0n;
      for (let i = 0; i < n; i++) {
        if (fixed[i]) continue;
        const a = R * weights[i]!;
        const cap = c(i);
        if (cap !== null && a > cap * Wf) excess += a - cap * Wf;
        const lo = f(i) * Wf;
        if (a < lo) deficit += lo - a;
      }
      if (excess === 0n && deficit === 0n) break;
      const fixCaps = excess >= deficit;
      for (let i = 0; i < n; i++) {
        if (fixed[i]) continue;
        const a = R * weights[i]!;
        const cap = c(i);
        if (fixCaps ? cap !== null && a > cap * Wf : a < f(i) * Wf) {
          fixed[i] = true;
          parts[i] = fixCaps ? cap! : f(i);
        }
      }
      R = total;
      for (let i = 0; i < n; i++) if (fixed[i]) R -= parts[i]!;
    }
  }
  let Wf = 0n;
  for (let i = 0; i < n; i++) if (!fixed[i]) Wf += weights[i]!;
  const rem: bigint[] = new Array<bigint>(n).fill(-1n);
  const eligible: boolean[] = new Array<boolean>(n).fill(false);
  let given = 0n;
  if (Wf > 0n) {
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      const a = R * weights[i]!;
      parts[i] = a / Wf;
      rem[i] = a - parts[i]! * Wf;
      eligible[i] = true;
      given += parts[i]!;
    }
  }
  const selection = addToLargestBig(rem, Number(R - given), parts, eligible);
  return { parts, selection };
}
