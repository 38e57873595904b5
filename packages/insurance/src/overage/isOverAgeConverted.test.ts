import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay, renderTrace } from "@sannong/core";
import { isOverAgeConverted } from "./isOverAgeConverted";
import { insuranceParameterSet } from "../parameters";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

describe("isOverAgeConverted", () => {
  it.each([
    // sex, birth, conversion, incapacity, converted, basis, age
    ["male", "1962-07-15", "2022-07-15", false, true, "age", 60],
    ["male", "1962-07-16", "2022-07-15", false, false, null, 59],
    ["female", "1972-07-15", "2022-07-15", false, true, "age", 50],
    ["female", "1972-07-16", "2022-07-15", false, false, null, 49],
    ["male", "1980-01-01", "2022-07-15", true, true, "incapacity", 42],
    ["female", "2010-01-01", "2022-07-15", true, false, null, 12],
  ] as const)(
    "INS-OVERAGE-1: %s born %s, converted %s (incapacity %s) → %s",
    (sex, birthDate, conversionDate, certifiedIncapacity, converted, basis, age) => {
      const r = isOverAgeConverted({ sex, birthDate, conversionDate, certifiedIncapacity });
      expect(r.converted).toBe(converted);
      expect(r.basis).toBe(basis);
      expect(r.age).toBe(age);
      expect(r.threshold).toBe(sex === "male" ? 60 : 50);
    },
  );

  it("INS-OVERAGE-1: a person born on 29 February completes a year on 1 March in a common year", () => {
    expect(isOverAgeConverted({ sex: "female", birthDate: "1972-02-29", conversionDate: "2022-02-28" }).age).toBe(49);
    expect(isOverAgeConverted({ sex: "female", birthDate: "1972-02-29", conversionDate: "2022-03-01" }).age).toBe(50);
    expect(isOverAgeConverted({ sex: "female", birthDate: "1972-02-29", conversionDate: "2024-02-29" }).age).toBe(52);
  });

  it("INS-OVERAGE-1: thresholds are parameters a caller can overlay, recorded in the trace", () => {
    const reform = overlay(insuranceParameterSet, {
      "insurance.overage.ageWomen": { value: 55 },
      "insurance.overage.incapacityIncluded": { value: false },
    });
    const input = deepFreeze({
      sex: "female" as const,
      birthDate: "1970-01-01",
      conversionDate: "2022-07-15",
      certifiedIncapacity: true,
    });
    const base = isOverAgeConverted(input);
    const r = isOverAgeConverted(input, { parameters: reform });
    expect(base.converted).toBe(true);
    expect(r).toMatchObject({ converted: false, basis: null, age: 52, threshold: 55 });
    const p = r.trace.parameters?.find((x) => x.id === "insurance.overage.ageWomen");
    expect(p).toMatchObject({ value: 55, overridden: true, verified: false });
    expect(base.trace.parameters?.find((x) => x.id === "insurance.overage.ageMen")).toMatchObject({
      value: 60,
      verified: false,
      overridden: false,
    });
    expect(renderTrace(r.trace, { lang: "en" })).toContain("INS-OVERAGE-1");
  });

  it("INS-OVERAGE-1: property — age basis holds exactly when the completed age reaches the threshold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1920, max: 2020 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 90 }),
        fc.constantFrom("male" as const, "female" as const),
        (y, m, d, years, sex) => {
          const b = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const cy = Math.min(y + years, 2150);
          const c = `${cy}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const r = isOverAgeConverted({ sex, birthDate: b, conversionDate: c });
          expect(r.age).toBe(cy - y);
          expect(r.converted).toBe(cy - y >= (sex === "male" ? 60 : 50));
        },
      ),
    );
  });

  it("INS-OVERAGE-1: bad input is a typed error with a path", () => {
    expectSannongError(
      () => isOverAgeConverted({ sex: "x" as "male", birthDate: "1960-01-01", conversionDate: "2022-01-01" }),
      "INVALID_INPUT",
      ["sex"],
    );
    expectSannongError(
      () => isOverAgeConverted({ sex: "male", birthDate: "1960-02-30", conversionDate: "2022-01-01" }),
      "INVALID_INPUT",
      ["birthDate"],
    );
    expectSannongError(
      () => isOverAgeConverted({ sex: "male", birthDate: "2023-01-01", conversionDate: "2022-01-01" }),
      "INVALID_INPUT",
      ["birthDate"],
    );
    expectSannongError(
      () => isOverAgeConverted({ sex: "male", birthDate: "1960-01-01", conversionDate: "2022-01-01", age: 3 } as never),
      "INVALID_INPUT",
    );
    expectSannongError(() => isOverAgeConverted(null as never), "INVALID_INPUT");
    expectSannongError(
      () =>
        isOverAgeConverted({ sex: "male", birthDate: "1960-01-01", conversionDate: "2022-01-01" }, {
          parameters: 5,
        } as never),
      "INVALID_INPUT",
    );
  });
});
