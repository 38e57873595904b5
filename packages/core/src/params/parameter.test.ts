import * as z from "zod";
import { describe, expect, it } from "vitest";
import { defineParameter, getParameter, overlay, paramAt, parameterSet, staleParameters, valueAt } from "../index";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

const src = { document: "sannong default", verified: false, note: "assumed for the test" } as const;
const standard = defineParameter({
  id: "test.monthlyStandard",
  unit: "元/人·月",
  label: { zh: "月标准", en: "monthly standard" },
  schema: z.string().regex(/^\d+\.\d{2}$/),
  values: [
    {
      from: "2020-01-01",
      value: "1000.00",
      source: { document: "某文件〔2020〕1号", article: "第三条", verified: true },
    },
    { from: "2022-07-01", value: "1200.00", source: src },
  ],
});
const reserve = defineParameter({
  id: "test.reserveRatio",
  unit: "ratio",
  label: { zh: "预留比例", en: "reserve ratio" },
  values: [{ from: "2016-01-01", until: "2020-12-31", value: "0.1", source: src }],
});

describe("parameters", () => {
  it.each([
    ["2020-01-01", "1000.00", "2020-01-01"],
    ["2022-06-30", "1000.00", "2020-01-01"],
    ["2022-07-01", "1200.00", "2022-07-01"],
    ["2099-12-31", "1200.00", "2022-07-01"],
  ])("CORE-PARAM-1: on %s the value in force is %s (from %s)", (date, value, from) => {
    const use = valueAt(standard, date);
    expect(use.value).toBe(value);
    expect(use.from).toBe(from);
    expect(use.overridden).toBe(false);
  });

  it("CORE-PARAM-1: a date before the first value, or after an end, is an error, not a default", () => {
    const e = expectSannongError(() => valueAt(standard, "2019-12-31"), "PARAM_NOT_IN_FORCE");
    expect(e.details["first"]).toBe("2020-01-01");
    expectSannongError(() => valueAt(reserve, "2021-01-01"), "PARAM_NOT_IN_FORCE");
    expect(valueAt(reserve, "2020-12-31").value).toBe("0.1");
    expectSannongError(() => valueAt(standard, "2023-02-30"), "INVALID_INPUT");
  });

  it("CORE-PARAM-1: the source travels with the value", () => {
    expect(valueAt(standard, "2021-01-01").source).toEqual({
      document: "某文件〔2020〕1号",
      article: "第三条",
      verified: true,
    });
    expect(valueAt(standard, "2023-01-01").source.verified).toBe(false);
  });

  it("CORE-PARAM-1: a history out of order, overlapping, or with a value failing the schema is refused", () => {
    const base = { id: "x", unit: "u", label: { zh: "x", en: "x" } };
    expectSannongError(
      () =>
        defineParameter({
          ...base,
          values: [
            { from: "2021-01-01", value: 1, source: src },
            { from: "2020-01-01", value: 2, source: src },
          ],
        }),
      "PARAM_BAD_HISTORY",
    );
    expectSannongError(
      () =>
        defineParameter({
          ...base,
          values: [
            { from: "2020-01-01", until: "2021-06-30", value: 1, source: src },
            { from: "2021-01-01", value: 2, source: src },
          ],
        }),
      "PARAM_BAD_HISTORY",
    );
    expectSannongError(
      () => defineParameter({ ...base, values: [{ from: "2020-01-01", until: "2019-01-01", value: 1, source: src }] }),
      "PARAM_BAD_HISTORY",
    );
    expectSannongError(
      () =>
        defineParameter({
          ...base,
          schema: z.number(),
          values: [{ from: "2020-01-01", value: "1", source: src }],
        } as never),
      "INVALID_INPUT",
    );
    expectSannongError(() => defineParameter({ ...base, values: [] }), "INVALID_INPUT", ["values"]);
    expectSannongError(
      () =>
        defineParameter({ ...base, values: [{ from: "2020-01-01", value: 1, source: { document: "d" } as never }] }),
      "INVALID_INPUT",
      ["values", 0, "source", "verified"],
    );
    expectSannongError(
      () => defineParameter({ ...base, values: [{ from: "2020-01-01", value: [Number.NaN], source: src }] }),
      "INVALID_INPUT",
      ["values", 0, "value"],
    );
    expectSannongError(
      () => defineParameter({ ...base, values: [{ from: "2020-01-01", value: undefined, source: src }] }),
      "INVALID_INPUT",
    );
    expectSannongError(
      () =>
        defineParameter({ ...base, colour: "red", values: [{ from: "2020-01-01", value: 1, source: src }] } as never),
      "INVALID_INPUT",
    );
  });

  it("CORE-PARAM-2: an overlay changes values without mutating the base and records what it replaced", () => {
    const set = deepFreeze(parameterSet([standard, reserve]));
    const reform = overlay(set, { "test.monthlyStandard": { value: "1500.00", from: "2024-01-01" } });
    expect(paramAt(reform, "test.monthlyStandard", "2024-01-01")).toMatchObject({
      value: "1500.00",
      overridden: true,
      source: { document: "caller overlay", verified: false },
    });
    // the base history before the reform is kept, and is not marked overridden
    expect(paramAt(reform, "test.monthlyStandard", "2023-06-01")).toMatchObject({
      value: "1200.00",
      overridden: false,
    });
    // the base set is untouched
    expect(paramAt(set, "test.monthlyStandard", "2024-01-01")).toMatchObject({ value: "1200.00", overridden: false });
    expect(reform.overridden.map((r) => r.id)).toEqual(["test.monthlyStandard"]);
    expect(reform.overridden[0]!.previous).toBe(standard.values);
    // a bare value applies on every date
    const flat = overlay(set, { "test.reserveRatio": { value: "0.2" } });
    expect(paramAt(flat, "test.reserveRatio", "1990-01-01").value).toBe("0.2");
    // a whole history
    const hist = overlay(set, {
      "test.reserveRatio": [{ from: "2000-01-01", value: "0.3", source: { document: "县文件", verified: true } }],
    });
    expect(paramAt(hist, "test.reserveRatio", "2030-01-01").source.document).toBe("县文件");
  });

  it("CORE-PARAM-2: overlay refuses unknown ids and values that fail the parameter's schema", () => {
    const set = parameterSet([standard]);
    expectSannongError(() => overlay(set, { "test.typo": { value: 1 } }), "UNKNOWN_PARAMETER", ["test.typo"]);
    expectSannongError(() => overlay(set, { "test.monthlyStandard": { value: 1500 } }), "INVALID_INPUT");
    expectSannongError(
      () => overlay(set, { "test.monthlyStandard": { value: "1.00", form: "2020-01-01" } as never }),
      "INVALID_INPUT",
    );
    expectSannongError(() => overlay(set, JSON.parse('{"__proto__": {"value": 1}}') as never), "UNKNOWN_PARAMETER");
    expectSannongError(() => parameterSet([standard, standard]), "PARAM_DUPLICATE");
    expectSannongError(() => getParameter(set, "nope"), "UNKNOWN_PARAMETER");
  });

  it("CORE-PARAM-3: parameters whose newest value is older than a horizon are listed as stale, in id order", () => {
    const stale = staleParameters(parameterSet([standard, reserve]), "2022-01-01");
    expect(stale).toEqual([{ id: "test.reserveRatio", label: reserve.label, lastFrom: "2016-01-01", verified: false }]);
    expect(staleParameters([standard, reserve], "2030-01-01").map((s) => s.id)).toEqual([
      "test.monthlyStandard",
      "test.reserveRatio",
    ]);
    expect(staleParameters([standard], "2022-07-01")).toEqual([]);
    expectSannongError(() => staleParameters([standard], "2022-13-01"), "INVALID_INPUT");
  });
});
