import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { repoolUnclaimed, type RepoolUnclaimedInput } from "./repoolUnclaimed";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const BASE: RepoolUnclaimedInput = {
  deadline: "2024-09-30",
  allocations: [
    { id: "A", amount: "300000.00" },
    { id: "B", amount: "200000.00" },
    { id: "C", amount: "100000.00" },
  ],
  applications: [
    { unit: "A", date: "2024-09-15" },
    { unit: "B", date: "2024-08-01" },
    { unit: "C", date: "2024-10-08" },
  ],
};
const finals = (r: ReturnType<typeof repoolUnclaimed>): string[] => r.units.map((u) => String(u.final));

describe("repoolUnclaimed", () => {
  it("FUNDS-REPOOL-1: a unit that did not apply by the deadline loses its allocation; the applicants share it pro rata", () => {
    const r = repoolUnclaimed(BASE);
    expect(finals(r)).toEqual(["360000.00", "240000.00", "0.00"]);
    expect(r.units[2]).toMatchObject({ applied: false, lateApplications: 1 });
    expect(String(r.units[2]!.takenBack)).toBe("100000.00");
    expect([String(r.takenBack), String(r.reallocated), String(r.retained)]).toEqual([
      "100000.00",
      "100000.00",
      "0.00",
    ]);
    expect(r.trace.inputs).toMatchObject({ notApplied: ["C"], late: [{ id: "C", applications: 1 }] });
  });

  it("FUNDS-REPOOL-1: an application on the deadline counts; equal and weighted re-allocation", () => {
    const onDeadline = { ...BASE, applications: [...BASE.applications.slice(0, 2), { unit: "C", date: "2024-09-30" }] };
    expect(finals(repoolUnclaimed(onDeadline))).toEqual(["300000.00", "200000.00", "100000.00"]);
    expect(finals(repoolUnclaimed({ ...BASE, method: "equal" }))).toEqual(["350000.00", "250000.00", "0.00"]);
    expect(finals(repoolUnclaimed({ ...BASE, method: "weights", weights: { A: 1, B: 3, C: 5 } }))).toEqual([
      "325000.00",
      "275000.00",
      "0.00",
    ]);
  });

  it("FUNDS-REPOOL-1: applications with amounts claim only what they name; the rest is re-pooled, capped at excess demand", () => {
    const r = repoolUnclaimed({
      ...BASE,
      applications: [
        { unit: "A", date: "2024-09-01", amount: "250000.00", project: "茶园" }, // keeps 250000, gives back 50000
        { unit: "B", date: "2024-09-01", amount: "210000.00" }, // wants 10000 more
        { unit: "C", date: "2024-11-01" },
      ],
    });
    // taken back 50000 (A) + 100000 (C) = 150000; B can only take 10000 more; the county keeps 140000
    expect(finals(r)).toEqual(["250000.00", "210000.00", "0.00"]);
    expect(String(r.retained)).toBe("140000.00");
  });

  it("FUNDS-REPOOL-1: with a unit of 100 元 the excess demands count in whole units; what they cannot take stays with the county (not a core INFEASIBLE_CAPS)", () => {
    const r = repoolUnclaimed({
      allocations: [
        { id: "A", amount: "1000" },
        { id: "B", amount: "1000" },
        { id: "C", amount: "300" },
      ],
      applications: [
        { unit: "A", date: "2024-01-01", amount: "1150" }, // 150 more wanted: one whole unit of 100
        { unit: "B", date: "2024-01-01", amount: "1160" }, // 160 more wanted: one whole unit of 100
      ],
      deadline: "2024-02-01",
      unit: "100",
    });
    expect(asJson(r.units.map((u) => u.received))).toEqual(["100.00", "100.00", "0.00"]);
    expect(asJson([r.takenBack, r.reallocated, r.retained])).toEqual(["300.00", "200.00", "100.00"]);
  });

  it("FUNDS-REPOOL-1: nobody applied — everything stays with the county", () => {
    const r = repoolUnclaimed({ ...BASE, applications: [] });
    expect(finals(r)).toEqual(["0.00", "0.00", "0.00"]);
    expect(String(r.retained)).toBe("600000.00");
  });

  it("FUNDS-REPOOL-1: conservation, no negative amounts, permutation of units", () => {
    const arb = fc.record({
      amounts: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 8 }),
      apps: fc.array(
        fc.record({
          who: fc.nat(),
          day: fc.integer({ min: 1, max: 60 }),
          amount: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
        }),
        { maxLength: 12 },
      ),
      method: fc.constantFrom("pro-rata", "equal" as const),
      unit: fc.constantFrom(undefined, "1", "100"),
    });
    fc.assert(
      fc.property(arb, ({ amounts, apps, method, unit }) => {
        const input: RepoolUnclaimedInput = {
          deadline: "2024-01-30",
          method,
          ...(unit ? { unit } : {}),
          allocations: amounts.map((a, i) => ({ id: `U${(i * 5) % 11}-${i}`, amount: (a / 100).toFixed(2) })),
          applications: apps.map((a) => ({
            unit: `U${((a.who % amounts.length) * 5) % 11}-${a.who % amounts.length}`,
            date: `2024-${a.day > 31 ? "02" : "01"}-${String(a.day > 31 ? a.day - 31 : a.day).padStart(2, "0")}`,
            ...(a.amount !== undefined ? { amount: (a.amount / 100).toFixed(2) } : {}),
          })),
        };
        const r = repoolUnclaimed(deepFreeze(input));
        const total = amounts.reduce((s, a) => s + BigInt(a), 0n);
        expect(r.units.reduce((s, u) => s + u.final.fen, 0n) + r.retained.fen).toBe(total);
        expect(r.takenBack.fen).toBe(r.reallocated.fen + r.retained.fen);
        for (const u of r.units)
          for (const m of [u.claimed, u.takenBack, u.received, u.final]) expect(m.fen >= 0n).toBe(true);
        const rev = repoolUnclaimed({ ...input, allocations: [...input.allocations].reverse() });
        expect(asJson([...rev.units].reverse())).toEqual(asJson(r.units));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [
      "unknown unit in an application",
      { ...BASE, applications: [{ unit: "Z", date: "2024-01-01" }] },
      ["applications", 0, "unit"],
    ],
    ["duplicate unit", { ...BASE, allocations: [BASE.allocations[0], BASE.allocations[0]] }, ["allocations", 1, "id"]],
    ["bad deadline", { ...BASE, deadline: "2024-13-01" }, ["deadline"]],
    ["negative allocation", { ...BASE, allocations: [{ id: "A", amount: "-1.00" }] }, ["allocations", 0, "amount"]],
    ["weights without method", { ...BASE, weights: { A: 1, B: 1, C: 1 } }, ["weights"]],
    ["weights method without weights", { ...BASE, method: "weights" }, ["weights"]],
    ["missing weight", { ...BASE, method: "weights", weights: { A: 1, B: 1 } }, ["weights", "C"]],
    [
      "__proto__ weight",
      { ...BASE, method: "weights", weights: JSON.parse('{"A":1,"B":1,"C":1,"__proto__":1}') },
      ["weights", "__proto__"],
    ],
    ["unknown key", { ...BASE, dedline: "2024-01-01" }, []],
  ])("FUNDS-REPOOL-1: %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => repoolUnclaimed(input as RepoolUnclaimedInput), "INVALID_INPUT", path);
  });
});
