import { allocate, allocateMinorUnits, moneyFromFen } from "@sannong/core";

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Exact largest-remainder split of `total` minor units over non-negative
 * integer weights — core's rule (floor of each exact share, the units left
 * over to the largest remainders, ties to the lower index):
 *
 * - a total within 2^53 over number weights: core `allocateMinorUnits`, which
 *   stays in doubles when it can and otherwise divides each product in bigint
 *   (a pool of millions split by transaction volumes in 分);
 * - otherwise: core `allocate` with bigint weights.
 *
 * The caller guarantees at least one positive weight when `total > 0`. The
 * property tests compare every route with core `allocate`.
 * @internal
 */
export function splitMinorUnits(total: bigint, weights: Float64Array | readonly bigint[]): Float64Array | bigint[] {
  if (weights instanceof Float64Array && total <= BigInt(SAFE)) return allocateMinorUnits(Number(total), weights);
  const big = weights instanceof Float64Array ? Array.from(weights, (w) => BigInt(w)) : weights;
  return allocate(moneyFromFen(total), big).map((m) => m.fen);
}
