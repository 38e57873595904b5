import { PolicyError } from "../errors/errors";
import { describeValue } from "../internal/args";
import { largestRemainderBig, largestRemainderNumber } from "../internal/largestRemainder";

/** Most recipients one allocation accepts (ten million). */
export const MAX_RECIPIENTS = 10_000_000;

function bad(zh: string, en: string, path: (string | number)[], details: Record<string, unknown> = {}): never {
  throw new PolicyError({ code: "INVALID_INPUT", zh, en, path, details });
}

/**
 * Bulk exact split of an integer number of minor units (分, or any unit) over
 * non-negative integer weights (按比例分配，整数快速形式): parts are integers
 * that add up exactly to the total, by largest remainder (Hamilton) with ties
 * going to the lower index. Integer arithmetic only, and the k largest
 * remainders are found by selection, not a full sort.
 *
 * @param totalMinor - a non-negative safe integer (e.g. 1234567891 分)
 * @param weights - non-negative safe integers (an array or a typed array)
 * @returns a new `Float64Array` of integer parts, in input order
 * @throws {@link PolicyError} `INVALID_INPUT` (not integers, negative, empty, too many),
 *   `ALL_ZERO_WEIGHTS` (a non-zero total and nothing to give it to)
 * @example
 * ```ts
 * import { allocateMinorUnits } from "@sannong/core";
 * Array.from(allocateMinorUnits(10000, [1, 1, 1])); // → [3334, 3333, 3333]
 * ```
 * @remarks Implements CORE-ALLOC-4 (and CORE-ALLOC-1, CORE-ALLOC-2 on integers).
 */
export function allocateMinorUnits(totalMinor: number, weights: ArrayLike<number>): Float64Array {
  if (typeof totalMinor !== "number" || !Number.isSafeInteger(totalMinor) || totalMinor < 0) {
    bad(
      `总额必须是非负安全整数（最小单位），实际为 ${describeValue(totalMinor)}`,
      `totalMinor must be a non-negative safe integer, got ${describeValue(totalMinor)}`,
      ["totalMinor"],
    );
  }
  if (weights === null || typeof weights !== "object" || typeof (weights as { length?: unknown }).length !== "number") {
    bad("权重必须是数组", "weights must be an array", ["weights"]);
  }
  const n = weights.length;
  if (n === 0) bad("权重不能为空", "weights must not be empty", ["weights"]);
  if (n > MAX_RECIPIENTS)
    bad(`权重数量超过上限 ${MAX_RECIPIENTS}`, `more than ${MAX_RECIPIENTS} weights`, ["weights"], { length: n });
  let allZero = true;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isSafeInteger(w) || w < 0) {
      bad(
        `第 ${i} 个权重必须是非负安全整数，实际为 ${describeValue(w)}`,
        `weight ${i} must be a non-negative safe integer, got ${describeValue(w)}`,
        ["weights", i],
      );
    }
    if (w !== 0) allZero = false;
  }
  if (allZero) {
    if (totalMinor === 0) return new Float64Array(n);
    throw new PolicyError({
      code: "ALL_ZERO_WEIGHTS",
      zh: "所有权重均为零，非零总额无处分配",
      en: "all weights are zero: a non-zero total has nowhere to go",
      path: ["weights"],
      details: { total: totalMinor },
    });
  }
  const fast = largestRemainderNumber(totalMinor, weights);
  if (fast) return fast.parts;
  const big = largestRemainderBig(
    BigInt(totalMinor),
    Array.from(weights, (w) => BigInt(w)),
  );
  return Float64Array.from(big.parts, (p) => Number(p));
}
