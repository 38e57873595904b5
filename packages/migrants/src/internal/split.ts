import { allocate, allocateMinorUnits, moneyFromFen } from "@sannong/core";
import { kthSmallestInPlace } from "./select";

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Exact largest-remainder split of `total` minor units over non-negative
 * integer weights — the same result as core `allocate` / `allocateMinorUnits`
 * (floor of each exact share, the units left over to the largest remainders,
 * ties to the lower index), routed for bulk input:
 *
 * 1. `total · max(w) + Σw ≤ 2^53`: core `allocateMinorUnits` (all numbers);
 * 2. `total ≤ 2^53` and `Σw ≤ 2^53` (large products, e.g. a pool of millions
 *    split by transaction volumes in 分): each share `total · w / Σw` is
 *    divided exactly in bigint, while parts (≤ total) and remainders (< Σw)
 *    stay exact doubles, and the k largest remainders are found by
 *    quickselect instead of a full sort;
 * 3. otherwise: core `allocate` with bigint weights.
 *
 * The caller guarantees at least one positive weight when `total > 0`. The
 * property tests compare every route with core `allocate`.
 * @internal
 */
export function splitMinorUnits(total: bigint, weights: Float64Array | readonly bigint[]): Float64Array | bigint[] {
  const n = weights.length;
  if (weights instanceof Float64Array && total <= BigInt(SAFE)) {
    let W = 0;
    let maxW = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      W += w;
      if (w > maxW) maxW = w;
    }
    if (W <= SAFE) {
      const T = Number(total);
      if (T * maxW + W <= SAFE) return allocateMinorUnits(T, weights);
      return bulkBig(total, T, weights, W);
    }
  }
  const big = weights instanceof Float64Array ? Array.from(weights, (w) => BigInt(w)) : weights;
  return allocate(moneyFromFen(total), big).map((m) => m.fen);
}

function bulkBig(total: bigint, T: number, weights: Float64Array, W: number): Float64Array {
  const n = weights.length;
  const WB = BigInt(W);
  const parts = new Float64Array(n);
  const rem = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const a = total * BigInt(w);
    const q = a / WB;
    parts[i] = Number(q);
    rem[i] = Number(a - q * WB);
    given += parts[i]!;
  }
  const k = T - given;
  if (k <= 0) return parts;
  // the k-th largest remainder t: k-th smallest of the negated remainders
  const neg = new Float64Array(n);
  for (let i = 0; i < n; i++) neg[i] = -rem[i]!;
  const t = -kthSmallestInPlace(neg, k);
  let need = k;
  for (let i = 0; i < n; i++) if (rem[i]! > t) need--;
  for (let i = 0; i < n; i++) {
    const r = rem[i]!;
    if (r > t) parts[i]! += 1;
    else if (r === t && need > 0) {
      parts[i]! += 1;
      need--;
    }
  }
  return parts;
}
