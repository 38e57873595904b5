import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocate, moneyFromFen } from "@sannong/core";
import { splitMinorUnits } from "./split";

/** The plain reference: core allocate on bigint weights. */
const reference = (total: bigint, w: readonly bigint[]) => allocate(moneyFromFen(total), [...w]).map((m) => m.fen);

describe("splitMinorUnits (bulk route of MIG-SHARE-2 / MIG-SHARE-3)", () => {
  it("MIG-SHARE-2 (property): every route gives exactly core allocate's parts (same remainders, same tie rule)", () => {
    const weight = fc.oneof(
      fc.constant(0),
      fc.nat(10),
      fc.integer({ min: 0, max: 1_000_000_000 }),
      fc.integer({ min: 0, max: 2 ** 45 }),
    );
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }),
        fc.array(weight, { minLength: 1, maxLength: 40 }),
        (total, ws) => {
          fc.pre(ws.some((w) => w > 0));
          const W = ws.reduce((a, b) => a + b, 0);
          fc.pre(W <= Number.MAX_SAFE_INTEGER);
          const got = Array.from(splitMinorUnits(total, Float64Array.from(ws)) as ArrayLike<number | bigint>, (x) =>
            BigInt(x),
          );
          expect(got).toEqual(reference(total, ws.map(BigInt)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("MIG-SHARE-2: large products take the bulk route and still equal the reference, ties to the lower index", () => {
    const total = 123456789123n;
    const ws = [1e9, 1e9, 3e9, 0, 7, 1e9];
    const got = Array.from(splitMinorUnits(total, Float64Array.from(ws)) as Float64Array, (x) => BigInt(x));
    expect(got).toEqual(reference(total, ws.map(BigInt)));
    expect(got.reduce((a, b) => a + b, 0n)).toBe(total);
  });

  it("MIG-SHARE-2: bigint weights beyond 2^53 go to core allocate", () => {
    const ws = [2n ** 60n, 1n, 3n];
    expect(splitMinorUnits(1000n, ws)).toEqual(reference(1000n, ws));
  });
});
