import { describe, expect, it } from "vitest";
import { Decimal, defineParameter, money, overlay, paramAt, parameterSet, deepFreeze } from "../index";
import { frozenJsonCopy } from "./deepFreeze";
import { expectSannongError } from "../../../../test/helpers";

const source = { document: "sannong default", verified: false } as const;

describe("deepFreeze", () => {
  it("CORE-PARAM-2: freezes objects, arrays, class instances and Map values all the way down, cycles included", () => {
    const inner = { zh: "甲", en: "a" };
    const cyclic: Record<string, unknown> = { list: [inner, [1, 2]], dec: new Decimal("1.5"), m: money("1.00") };
    cyclic["self"] = cyclic;
    const map = new Map([["k", { deep: [1] }]]);
    deepFreeze({ cyclic, map });
    expect([Object.isFrozen(cyclic), Object.isFrozen(inner), Object.isFrozen(cyclic["list"])]).toEqual([
      true,
      true,
      true,
    ]);
    expect(Object.isFrozen(cyclic["dec"])).toBe(true);
    expect(new Decimal("1.5").plus(cyclic["dec"] as Decimal).toFixed()).toBe("3"); // a frozen Decimal still computes
    expect(Object.isFrozen(map.get("k")!.deep)).toBe(true);
  });

  it("CORE-PARAM-2: is stack-safe on deep nesting and leaves typed arrays alone", () => {
    let deep: { next?: unknown; t?: Uint8Array } = { t: new Uint8Array(2) };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(() => deepFreeze(deep)).not.toThrow();
    expect(Object.isFrozen(deep)).toBe(true);
  });

  it("CORE-PARAM-2: frozenJsonCopy copies (never freezes the caller's object) and keeps a deep-frozen part as it is", () => {
    const caller = { a: [1, { b: "x" }] };
    const copy = frozenJsonCopy(caller);
    expect(copy).toEqual(caller);
    expect(Object.isFrozen(caller)).toBe(false);
    expect(Object.isFrozen((copy.a[1] as object) ?? {})).toBe(true);
    const builtIn = deepFreeze({ steps: [{ id: "s" }] });
    expect(frozenJsonCopy(builtIn)).toBe(builtIn);
    const proto = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const c = frozenJsonCopy(proto);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(Object.keys(c)).toEqual(["__proto__"]);
  });
});

describe("immutable parameters (issue 17)", () => {
  const p = defineParameter({
    id: "x.bands",
    unit: "table",
    label: { zh: "分档", en: "bands" },
    values: [{ from: "2020-01-01", value: [{ min: "85", grade: "excellent" }], source }],
  });

  it("CORE-PARAM-1: a parameter's value is a deep-frozen copy: the definition's objects stay the caller's", () => {
    const value = [{ min: "85" }];
    const q = defineParameter({
      id: "x.y",
      unit: "t",
      label: { zh: "表", en: "t" },
      values: [{ from: "2020-01-01", value, source }],
    });
    expect(Object.isFrozen(value)).toBe(false);
    value[0]!.min = "0";
    expect(paramAt(parameterSet([q]), "x.y", "2024-01-01").value).toEqual([{ min: "85" }]);
    const used = paramAt<{ min: string }[]>(parameterSet([p]), "x.bands", "2024-01-01").value;
    expect(() => {
      (used[0] as { min: string }).min = "86";
    }).toThrow(TypeError);
  });

  it("CORE-PARAM-2: a set's parameters refuse set, delete and clear with READ_ONLY, and stay a Map", () => {
    const set = parameterSet([p]);
    const map = set.parameters as Map<string, unknown>;
    expectSannongError(() => map.set("x.bands", p), "READ_ONLY", ["parameters"]);
    expectSannongError(() => map.delete("x.bands"), "READ_ONLY", ["parameters"]);
    expectSannongError(() => map.clear(), "READ_ONLY", ["parameters"]);
    expect([map instanceof Map, map.size, [...map.keys()], map.has("x.bands")]).toEqual([true, 1, ["x.bands"], true]);
    const seen: string[] = [];
    map.forEach((_v, k) => seen.push(k));
    expect(seen).toEqual(["x.bands"]);
    expect(Object.isFrozen(set)).toBe(true);
  });

  it("CORE-PARAM-2: an overlay's values are frozen copies, its map read-only, and an earlier overlay stays marked", () => {
    const mine = [{ min: "80", grade: "excellent" }];
    const o1 = overlay(parameterSet([p]), { "x.bands": { value: mine, from: "2022-01-01" } });
    expect(Object.isFrozen(mine)).toBe(false);
    mine[0]!.min = "1";
    expect(paramAt(o1, "x.bands", "2023-01-01").value).toEqual([{ min: "80", grade: "excellent" }]);
    expect(Object.isFrozen(paramAt(o1, "x.bands", "2023-01-01").value)).toBe(true);
    expectSannongError(() => (o1.parameters as Map<string, unknown>).delete("x.bands"), "READ_ONLY");
    // a second overlay cuts the first one's value short; the cut value is still the caller's
    const o2 = overlay(o1, { "x.bands": { value: [{ min: "70", grade: "excellent" }], from: "2024-01-01" } });
    expect(paramAt(o2, "x.bands", "2023-01-01").overridden).toBe(true);
    expect(paramAt(o2, "x.bands", "2021-01-01").overridden).toBe(false);
  });
});
