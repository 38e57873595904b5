import { badArgument } from "../internal/args";
import { selectInPlace } from "../internal/select";

/**
 * The k-th smallest of a list of numbers (第 k 小的值; 1-based), in O(n)
 * expected time without sorting the whole list and without touching it. Used
 * for reproducible samples drawn as the k smallest keys and for largest-
 * remainder rounding; the worst case stays O(n log n).
 *
 * @param values - finite numbers (an array or a Float64Array; not modified)
 * @param k - 1 ≤ k ≤ values.length
 * @returns the value that would stand at position k if the list were sorted ascending
 * @throws {@link PolicyError} `INVALID_ARGUMENT` for a non-finite value, an empty list or k out of range
 * @example
 * ```ts
 * import { kthSmallest } from "@sannong/core";
 * kthSmallest([5, 1, 4, 1, 3], 3); // → 3
 * kthSmallest(Float64Array.from([2, 9, 7]), 3); // → 9
 * ```
 * @remarks Implements MIG-SURVEY-1 (the draw of the k smallest keys) and CORE-ALLOC-4 (selection of the k largest remainders).
 */
export function kthSmallest(values: ArrayLike<number>, k: number): number {
  if (values === null || typeof values !== "object" || typeof (values as { length?: unknown }).length !== "number") {
    badArgument("kthSmallest", "values", "数字数组", "an array of numbers", values);
  }
  const n = values.length;
  if (!Number.isSafeInteger(k) || k < 1 || k > n)
    badArgument("kthSmallest", "k", `1 到 ${n} 的整数`, `an integer from 1 to ${n}`, k);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v))
      badArgument("kthSmallest", `values[${i}]`, "有限数", "a finite number", v);
    a[i] = v;
  }
  return selectInPlace(a, k - 1);
}
