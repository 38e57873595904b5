/**
 * Order statistics on exact keys (integers below 2^53 held in doubles).
 * @internal
 */

/** The k-th smallest value (1-based) of `a`; reorders `a` in place. @internal */
export function kthSmallestInPlace(a: Float64Array, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    if (hi - lo < 32) {
      const sub = a.subarray(lo, hi + 1).sort();
      return sub[target - lo]!;
    }
    const mid = lo + ((hi - lo) >> 1);
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[target]!;
}

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
export function smallestByKey(group: ArrayLike<number>, keys: Float64Array, ids: (i: number) => string, k: number): number[] {
  const n = group.length;
  const byKeyThenId = (a: number, b: number): number => keys[a]! - keys[b]! || compareCodeUnits(ids(a), ids(b));
  if (k <= 0) return [];
  if (k >= n) return Array.from(group).sort(byKeyThenId);
  const local = new Float64Array(n);
  for (let i = 0; i < n; i++) local[i] = keys[group[i]!]!;
  const t = kthSmallestInPlace(local, k);
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
