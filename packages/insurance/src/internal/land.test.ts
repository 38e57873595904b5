import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { areaSchema, toMu } from "@sannong/core";
import { fastAreaSchema, scaledToMu, scaledWeight } from "./land";

const areaArb = fc.oneof(
  fc.integer({ min: -10, max: 2_000_000_000 }),
  fc.double({ min: -1, max: 1e12 }),
  fc.constantFrom(
    "1.5",
    "01.5",
    "1.50",
    " 2",
    "1e3",
    "0",
    "-0",
    "0.0001",
    "0.00001",
    "999999999.9999",
    "1234567890",
    "-1",
    "",
    ".5",
    "5.",
  ),
  fc.tuple(fc.nat({ max: 999_999_999 }), fc.nat({ max: 9999 })).map(([i, f]) => `${i}.${String(f).padStart(4, "0")}`),
  fc.record({
    value: fc.oneof(fc.nat({ max: 1e9 }), fc.constantFrom("2.5", "x", "3.0", "0.12345")),
    unit: fc.constantFrom("mu", "hectare", "sqm", "acre"),
  }),
  fc.constantFrom({ value: 1, unit: "mu", extra: 1 }, { value: 1 }, null, [], true),
);

describe("land areas (internal fast path)", () => {
  it("INS-MATCH-1: property — fastAreaSchema accepts and returns exactly what core areaSchema does", () => {
    fc.assert(
      fc.property(areaArb, (v) => {
        const a = fastAreaSchema.safeParse(v);
        const b = areaSchema.safeParse(v);
        expect(a.success).toBe(b.success);
        if (a.success && b.success)
          expect({ ...a.data, value: String(a.data.value) }).toEqual({ ...b.data, value: String(b.data.value) });
      }),
      { numRuns: 3000 },
    );
  });

  it("INS-QUOTA-2: property — the scaled integer weight is exactly the area in 亩 × 2·10⁷", () => {
    fc.assert(
      fc.property(areaArb, (v) => {
        const a = areaSchema.safeParse(v);
        if (!a.success) return;
        const w = scaledWeight({ value: String(a.data.value), unit: a.data.unit });
        if (w === undefined) return;
        expect(scaledToMu(w)).toBe(toMu(a.data).toFixed());
      }),
      { numRuns: 3000 },
    );
  });
});
