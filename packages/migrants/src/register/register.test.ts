import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { registerAsOf, registerHistory } from "./register";
import { migrantHouseholdSchema, weakMigrantVillageSchema } from "./schemas";

const household = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  head: "张三",
  county: "衢江区",
  township: "湖南镇",
  village: "移民新村",
  reservoir: "湖南镇水库",
  oldReservoirArea: true,
  members: 4,
  lowIncome: true,
  incomePerCapita: "6200.00",
  hardshipCauses: ["illness"],
  mainProblems: ["医疗支出大"],
  helper: { kind: "cadre", name: "区移民局 李四" },
  results: [],
  ...over,
});
const village = {
  id: "V1",
  name: "东坪村",
  county: "柯城区",
  migrantHouseholds: 120,
  collectiveIncome: "40000.00",
  causes: ["缺乏集体经营性资产"],
  mainProblems: ["集体经济薄弱"],
  helper: { kind: "department", name: "市移民管理机构" },
  results: [],
};

const changes = [
  { subject: "household", action: "enter", date: "2024-01-05", record: household("H1") },
  {
    subject: "household",
    action: "enter",
    date: "2024-01-05",
    record: household("H2", { members: 2, lowIncome: false }),
  },
  { subject: "village", action: "enter", date: "2024-02-01", record: village },
  {
    subject: "household",
    action: "update",
    date: "2024-07-01",
    id: "H1",
    set: { members: 5, helper: { kind: "enterprise", name: "惠移合作社" } },
  },
  {
    subject: "household",
    action: "result",
    date: "2024-09-15",
    id: "H1",
    result: { description: "安排公益岗位", incomeChange: "12000.00" },
  },
  { subject: "household", action: "exit", date: "2024-11-30", id: "H2", reason: "lifted-out" },
] as const;

describe("registerAsOf", () => {
  it("MIG-REG-1: the register on a date, with dated updates, results and exits (动态管理)", () => {
    const r = registerAsOf({ changes: changes as never, date: "2024-12-31" });
    expect(r.households.map((h) => h.id)).toEqual(["H1"]);
    expect(r.households[0]).toMatchObject({ members: 5, helper: { kind: "enterprise", name: "惠移合作社" } });
    expect(asJson(r.households[0]!.results)).toEqual([
      { date: "2024-09-15", description: "安排公益岗位", incomeChange: "12000.00" },
    ]);
    expect(r.villages.map((v) => v.id)).toEqual(["V1"]);
    expect(r.exited).toEqual([{ subject: "household", id: "H2", date: "2024-11-30", reason: "lifted-out" }]);
    expect(r.counts).toEqual({ households: 1, lowIncomeHouseholds: 1, persons: 5, villages: 1 });
    expect(r.appliedChanges).toBe(6);
    expect(r.trace.rule).toBe("MIG-REG-1");
  });

  it("MIG-REG-1: earlier dates see earlier states; the order of the change list does not matter across dates", () => {
    const mid = registerAsOf({ changes: [...changes].reverse() as never, date: "2024-06-30" });
    expect(mid.households.map((h) => [h.id, h.members])).toEqual([
      ["H1", 4],
      ["H2", 2],
    ]);
    expect(mid.exited).toEqual([]);
    expect(mid.appliedChanges).toBe(3);
  });

  it("MIG-REG-1: a household that exited may enter again (返贫)", () => {
    const r = registerAsOf({
      changes: [
        ...changes,
        {
          subject: "household",
          action: "enter",
          date: "2025-03-01",
          record: household("H2", { hardshipCauses: ["disaster"] }),
        },
      ] as never,
      date: "2025-03-01",
    });
    expect(r.households.map((h) => h.id)).toEqual(["H1", "H2"]);
    expect(r.exited).toEqual([]);
  });

  it("MIG-REG-1 (property): entering n distinct households and exiting some leaves exactly the others", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (ns, exits) => {
          const enter = ns.map((n) => ({
            subject: "household",
            action: "enter",
            date: "2024-01-01",
            record: household(`H${n}`),
          }));
          const out = ns
            .filter((_, i) => exits[i])
            .map((n) => ({
              subject: "household",
              action: "exit",
              date: "2024-06-01",
              id: `H${n}`,
              reason: "moved-away",
            }));
          const r = registerAsOf({ changes: [...out, ...enter] as never, date: "2024-12-31" });
          expect(r.households.map((h) => h.id).sort()).toEqual(
            ns
              .filter((_, i) => !exits[i])
              .map((n) => `H${n}`)
              .sort(),
          );
          expect(r.exited).toHaveLength(out.length);
        },
      ),
    );
  });

  it("MIG-REG-1: does not mutate its input", () => {
    const input = deepFreeze({ changes: [...changes] as never, date: "2024-12-31" });
    expect(() => registerAsOf(input)).not.toThrow();
  });

  it("MIG-REG-1: the record schemas are exported and strict", () => {
    expect(migrantHouseholdSchema.safeParse(household("H9")).success).toBe(true);
    expect(migrantHouseholdSchema.safeParse({ ...household("H9"), income: 1 }).success).toBe(false);
    expect(weakMigrantVillageSchema.safeParse(village).success).toBe(true);
  });

  describe("MIG-REG-1: bad input and refused changes", () => {
    it.each([
      [
        "household without causes",
        [{ subject: "household", action: "enter", date: "2024-01-01", record: household("H", { hardshipCauses: [] }) }],
        ["changes", 0, "record", "hardshipCauses"],
      ],
      [
        "zero members",
        [{ subject: "household", action: "enter", date: "2024-01-01", record: household("H", { members: 0 }) }],
        ["changes", 0, "record", "members"],
      ],
      [
        "unknown helper kind",
        [
          {
            subject: "household",
            action: "enter",
            date: "2024-01-01",
            record: household("H", { helper: { kind: "friend", name: "x" } }),
          },
        ],
        ["changes", 0, "record", "helper", "kind"],
      ],
      [
        "unknown record key",
        [{ subject: "household", action: "enter", date: "2024-01-01", record: household("H", { phone: "1" }) }],
        ["changes", 0, "record"],
      ],
      [
        "empty update",
        [{ subject: "household", action: "update", date: "2024-01-01", id: "H", set: {} }],
        ["changes", 0, "set"],
      ],
      [
        "update of the id",
        [{ subject: "household", action: "update", date: "2024-01-01", id: "H", set: { id: "H2" } }],
        ["changes", 0, "set"],
      ],
      [
        "unknown action",
        [{ subject: "household", action: "delete", date: "2024-01-01", id: "H" }],
        ["changes", 0, "action"],
      ],
      [
        "unknown subject",
        [{ subject: "person", action: "exit", date: "2024-01-01", id: "H", reason: "other" }],
        ["changes", 0, "subject"],
      ],
      [
        "bad exit reason",
        [{ subject: "household", action: "exit", date: "2024-01-01", id: "H", reason: "bored" }],
        ["changes", 0, "reason"],
      ],
      [
        "bad date",
        [{ subject: "household", action: "exit", date: "2024-02-30", id: "H", reason: "other" }],
        ["changes", 0, "date"],
      ],
    ])("%s → INVALID_INPUT", (_n, cs, path) => {
      expectSannongError(
        () => registerAsOf({ changes: cs as never, date: "2024-12-31" }),
        "INVALID_INPUT",
        path as (string | number)[],
      );
    });
    it("entering a household already on the register → REGISTER_DUPLICATE_ENTRY", () => {
      expectSannongError(
        () => registerAsOf({ changes: [changes[0], changes[0]] as never, date: "2024-12-31" }),
        "REGISTER_DUPLICATE_ENTRY",
        ["changes", 1, "record", "id"],
      );
    });
    it("changing a household not on the register → REGISTER_UNKNOWN_ENTRY", () => {
      expectSannongError(
        () => registerAsOf({ changes: [changes[3]] as never, date: "2024-12-31" }),
        "REGISTER_UNKNOWN_ENTRY",
        ["changes", 0, "id"],
      );
      // a household and a village may share an id without clashing
      expectSannongError(
        () =>
          registerAsOf({
            changes: [
              changes[2],
              { subject: "household", action: "exit", date: "2024-03-01", id: "V1", reason: "other" },
            ] as never,
            date: "2024-12-31",
          }),
        "REGISTER_UNKNOWN_ENTRY",
      );
    });
    it("missing date, unknown key → INVALID_INPUT", () => {
      expectSannongError(() => registerAsOf({ changes: [] } as never), "INVALID_INPUT", ["date"]);
      expectSannongError(
        () => registerAsOf({ changes: [], date: "2024-01-01", asOf: "x" } as never),
        "INVALID_INPUT",
        [],
      );
    });
  });
});

describe("registerHistory", () => {
  it("MIG-REG-1: every dated version of a household, from entry to exit", () => {
    const h1 = registerHistory({ changes: changes as never, subject: "household", id: "H1" });
    expect(
      h1.versions.map((v) => [v.from, v.to, v.action, v.record && (v.record as { members: number }).members]),
    ).toEqual([
      ["2024-01-05", "2024-06-30", "enter", 4],
      ["2024-07-01", "2024-09-14", "update", 5],
      ["2024-09-15", null, "result", 5],
    ]);
    const h2 = registerHistory({ changes: changes as never, subject: "household", id: "H2" });
    expect(h2.versions.map((v) => [v.from, v.to, v.action, v.record === null])).toEqual([
      ["2024-01-05", "2024-11-29", "enter", false],
      ["2024-11-30", null, "exit", true],
    ]);
  });

  it("MIG-REG-1: bad input", () => {
    expectSannongError(() => registerHistory({ changes: [], subject: "person", id: "H" } as never), "INVALID_INPUT", [
      "subject",
    ]);
    expectSannongError(() => registerHistory({ changes: [], subject: "household", id: "" }), "INVALID_INPUT", ["id"]);
  });
});

describe("MIG-REG-1: an update that gives a field no value is refused (issue 17)", () => {
  const enter = { subject: "household", action: "enter", date: "2024-01-05", record: household("H1") } as const;
  const update = (set: Record<string, unknown>) =>
    ({ subject: "household", action: "update", date: "2024-07-01", id: "H1", set }) as const;

  // Before: `set: { members: undefined }` counted as a change and the register counted NaN persons.
  it.each([
    ["members", { members: undefined }],
    ["head (required)", { head: undefined }],
    ["lowIncome (required)", { lowIncome: undefined }],
    ["township (optional)", { township: undefined }],
    ["one of two", { members: 5, helper: undefined }],
  ])("MIG-REG-1: set with %s undefined → INVALID_INPUT at that field", (_what, set) => {
    const field = Object.keys(set).find((k) => set[k as keyof typeof set] === undefined)!;
    const changes = [enter, update(set)] as never;
    expectSannongError(() => registerAsOf({ changes, date: "2024-12-31" }), "INVALID_INPUT", [
      "changes",
      1,
      "set",
      field,
    ]);
    expectSannongError(() => registerHistory({ changes, subject: "household", id: "H1" }), "INVALID_INPUT", [
      "changes",
      1,
      "set",
      field,
    ]);
  });

  it("MIG-REG-1: an optional field written as undefined in an entered record or a result is the field left out", () => {
    const r = registerAsOf({
      changes: [
        {
          ...enter,
          record: household("H1", { township: undefined, helper: { kind: "cadre", name: "李四", contact: undefined } }),
        },
        {
          subject: "household",
          action: "result",
          date: "2024-08-01",
          id: "H1",
          result: { description: "务工", incomeChange: undefined },
        },
      ] as never,
      date: "2024-12-31",
    });
    const h = r.households[0]!;
    expect(["township" in h, "contact" in h.helper, "incomeChange" in h.results[0]!]).toEqual([false, false, false]);
  });

  it("MIG-REG-1: a real update still counts its persons", () => {
    const r = registerAsOf({ changes: [enter, update({ members: 5 })] as never, date: "2024-12-31" });
    expect(r.counts.persons).toBe(5);
  });
});
