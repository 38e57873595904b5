import { kthSmallest } from "@sannong/core";

/**
 * Order statistics on exact keys (integers below 2^53 held in doubles); the
 * selection itself is core's `kthSmallest`.
 * @internal
 */

/** Code-unit order of two strings (never locale-dependent). @internal */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `k` members of `group` (indices into `keys`/`ids`) with the smallest
 * `(key, id)`, in that order. Ties of key are broken by id in code-unit
 * order, so the choice depends only on the set of (key, id) pairs.
 * @internal
 */
export function smallestByKey(
  group: ArrayLike<number>,
  keys: Float64Array,
  ids: (i: number) => string,
  k: number,
): number[] {
  const n = group.length;
  const byKeyThenId = (a: number, b: number): number => keys[a]! - keys[b]! || compareCodeUnits(ids(a), ids(b));
  if (k <= 0) return [];
  if (k >= n) return Array.from(group).sort(byKeyThenId);
  const local = new Float64Array(n);
  for (let i = 0; i < n; i++) local[i] = keys[group[i]!]!;
  const t = kthSmallest(local, k);
  const chosen: number[] = [];
  const atT: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    const v = keys[g]!;
    if (v < t) chosen.push(g);
    else if (v === t) atT.push(g);
  }
  atT.sort(byKeyThenId);
  for (let i = 0; chosen.length < k; i++) chosen.push(atT[i]!);
  return chosen.sort(byKeyThenId);
}

/** Indices of `ids` in code-unit order of the ids (a stable order that ignores the input order). @internal */
export function idOrder(ids: readonly string[]): number[] {
  return ids.map((_, i) => i).sort((a, b) => compareCodeUnits(ids[a]!, ids[b]!) || a - b);
}
