/**
 * Selection of the k largest values with ties to the lower index, in O(n)
 * expected time (quickselect with a sort fallback), without sorting all n.
 * @internal
 */

/**
 * The value at ascending position `target` (0-based) of `a`, reordering `a` in
 * place: quickselect with a median-of-three pivot, falling back to a sort of
 * the remaining range after O(log n) rounds, so it is O(n) expected and
 * O(n log n) at worst.
 * @internal
 */
export function selectInPlace(a: Float64Array, target: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let budget = 4 * Math.ceil(Math.log2(a.length + 1)) + 8;
  while (hi > lo) {
    if (budget-- <= 0) {
      const sub = a.subarray(lo, hi + 1).sort();
      return sub[target - lo]!;
    }
    // median of three pivot
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

/** The outcome of a selection: which indices got one more, and any tie. */
export interface Selection {
  /** Indices that tied at the threshold, when only some of them could be picked. */
  readonly tiedAmong: number[];
  /** Of those, the ones picked (the lowest indices). */
  readonly tiedAwarded: number[];
}

/**
 * Adds 1 to `out[i]` for the k indices with the largest `keys[i]` (ties to the
 * lower index). `keys` must hold exact values (integers below 2^53).
 * @internal
 */
export function addToLargest(keys: Float64Array, k: number, out: Float64Array, eligible?: Uint8Array): Selection {
  const n = keys.length;
  if (k <= 0) return { tiedAmong: [], tiedAwarded: [] };
  let pool = keys;
  if (eligible) {
    pool = keys.slice();
    for (let i = 0; i < n; i++) if (!eligible[i]) pool[i] = -Infinity;
  }
  const t = selectInPlace(pool.slice(), n - k); // the k-th largest; on a copy, since `pool` is read by index below
  let above = 0;
  for (let i = 0; i < n; i++) if (pool[i]! > t) above++;
  let need = k - above;
  const tiedAmong: number[] = [];
  const tiedAwarded: number[] = [];
  let atT = 0;
  for (let i = 0; i < n; i++) if (pool[i] === t) atT++;
  const partial = atT > need;
  for (let i = 0; i < n; i++) {
    const v = pool[i]!;
    if (v > t) out[i]! += 1;
    else if (v === t) {
      if (partial) tiedAmong.push(i);
      if (need > 0) {
        out[i]! += 1;
        need--;
        if (partial) tiedAwarded.push(i);
      }
    }
  }
  return { tiedAmong, tiedAwarded };
}

/**
 * The same as {@link addToLargest} for bigint keys (the exact slow path).
 * @internal
 */
export function addToLargestBig(
  keys: readonly bigint[],
  k: number,
  out: bigint[],
  eligible?: readonly boolean[],
): Selection {
  if (k <= 0) return { tiedAmong: [], tiedAwarded: [] };
  const idx: number[] = [];
  for (let i = 0; i < keys.length; i++) if (!eligible || eligible[i]) idx.push(i);
  idx.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    return ka > kb ? -1 : ka < kb ? 1 : a - b;
  });
  const chosen = idx.slice(0, k);
  const t = keys[chosen[chosen.length - 1]!]!;
  const tiedAll = idx.filter((i) => keys[i] === t);
  const tiedChosen = chosen.filter((i) => keys[i] === t);
  for (const i of chosen) out[i]! += 1n;
  const partial = tiedAll.length > tiedChosen.length;
  return partial
    ? { tiedAmong: tiedAll.sort((a, b) => a - b), tiedAwarded: tiedChosen.sort((a, b) => a - b) }
    : { tiedAmong: [], tiedAwarded: [] };
}
