import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { hasDuplicateIds } from "./unique";

describe("hasDuplicateIds (the duplicate check of MIG-SURVEY-1 and MIG-SHARE-2 bulk paths)", () => {
  it("MIG-SHARE-2 (property): agrees with a Set, with computed keys and with constant keys (every id colliding)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 80 }), (ids) => {
        const expected = new Set(ids).size !== ids.length;
        expect(hasDuplicateIds(ids.length, (i) => ids[i]!)).toBe(expected);
        expect(hasDuplicateIds(ids.length, (i) => ids[i]!, new Float64Array(ids.length).fill(7))).toBe(expected);
      }),
    );
  });
});
