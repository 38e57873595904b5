import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kthSmallest } from "../index";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

describe("kthSmallest", () => {
  it("CORE-ALLOC-4: equals the k-th element of the sorted list, and leaves the input untouched", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (xs, r) => {
          const k = 1 + (r % xs.length);
          const frozen = deepFreeze([...xs]);
          expect(kthSmallest(frozen, k)).toBe([...xs].sort((a, b) => a - b)[k - 1]);
          expect(frozen).toEqual(xs);
        },
      ),
    );
  });

  it("CORE-ALLOC-4: stays correct on adversarial orders (sorted, reversed, all equal, organ-pipe)", () => {
    const n = 20_000;
    const cases = [
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => n - i),
      new Array<number>(n).fill(7),
      Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i)),
    ];
    for (const xs of cases)
      for (const k of [1, 2, n / 2, n - 1, n]) expect(kthSmallest(xs, k)).toBe([...xs].sort((a, b) => a - b)[k - 1]);
  });

  it.each([
    ["empty list", () => kthSmallest([], 1), ["k"]],
    ["k zero", () => kthSmallest([1], 0), ["k"]],
    ["k too large", () => kthSmallest([1, 2], 3), ["k"]],
    ["k fractional", () => kthSmallest([1, 2], 1.5), ["k"]],
    ["NaN value", () => kthSmallest([1, Number.NaN], 1), ["values[1]"]],
    ["string value", () => kthSmallest([1, "2" as unknown as number], 1), ["values[1]"]],
    ["not a list", () => kthSmallest(null as unknown as number[], 1), ["values"]],
  ] as const)("CORE-ALLOC-4: %s is a typed error", (_n, fn, path) => {
    expectSannongError(fn, "INVALID_ARGUMENT", path);
  });
});
