import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { expectSannongError } from "../../../../test/helpers";
import { targetProgress } from "./targetProgress";
import { migrantsParameterSet } from "../parameters";

const villages = (n: number, on: string) =>
  Array.from({ length: n }, (_, i) => ({ target: "beautiful-home-villages", id: `V${i + 1}`, achievedOn: on }));

describe("targetProgress", () => {
  it("MIG-TARGET-1: the 2020 targets of the seed (30 villages, 6 culture centres, 6 training centres, 12 tourism towns)", () => {
    const r = targetProgress({ asOf: "2019-12-31", achievements: [] });
    expect(r.deadline).toBe("2020-12-31");
    expect(r.daysToDeadline).toBe(366);
    expect(r.targets.map((t) => [t.target, t.required])).toEqual([
      ["beautiful-home-villages", 30],
      ["culture-centres", 6],
      ["training-centres", 6],
      ["tourism-towns", 12],
    ]);
    expect(r.allMet).toBe(false);
    expect(r.trace.parameters?.[0]).toMatchObject({ id: "migrants.targets.2020", verified: false });
  });

  it('MIG-TARGET-1: progress counts what was achieved by the report date; "at least 30" is met by 31', () => {
    const achievements = [
      ...villages(31, "2019-05-01"),
      { target: "culture-centres", id: "柯城区", achievedOn: "2018-06-01" },
      { target: "culture-centres", id: "衢江区", achievedOn: "2020-03-01" },
    ];
    const r = targetProgress({ asOf: "2019-12-31", achievements });
    const v = r.targets[0]!;
    expect([v.achieved, v.remaining, v.percent, v.met]).toEqual([31, 0, "103.33", true]);
    const c = r.targets[1]!;
    expect([c.achieved, c.remaining, c.percent, c.met, c.missedDeadline]).toEqual([1, 5, "16.67", false, false]);
  });

  it("MIG-TARGET-1: after the deadline a target not met by it is marked missed, even if met later", () => {
    const achievements = [
      ...villages(25, "2020-06-01"),
      ...villages(30, "2021-06-01").map((a) => ({ ...a, id: `W${a.id}` })),
    ];
    const r = targetProgress({ asOf: "2021-12-31", achievements });
    expect(r.targets[0]).toMatchObject({ achieved: 55, achievedByDeadline: 25, met: true, missedDeadline: true });
    expect(r.daysToDeadline).toBe(-365);
  });

  it("MIG-TARGET-1: targets are data — a caller's own targets and deadline, or an overlaid parameter", () => {
    const r = targetProgress({
      asOf: "2024-01-01",
      deadline: "2025-12-31",
      targets: [{ id: "e-commerce", zh: "电商村", en: "e-commerce villages", required: 2 }],
      achievements: [{ target: "e-commerce", id: "x", achievedOn: "2023-01-01" }],
    });
    expect(r.targets).toHaveLength(1);
    expect(r.targets[0]).toMatchObject({ achieved: 1, percent: "50.00" });
    expect(r.trace.parameters).toBeUndefined();
    const set = overlay(migrantsParameterSet, {
      "migrants.targets.2020": {
        value: { deadline: "2025-12-31", targets: [{ id: "t", zh: "目标", en: "target", required: 1 }] },
      },
    });
    expect(
      targetProgress(
        { asOf: "2024-01-01", achievements: [{ target: "t", id: "a", achievedOn: "2024-01-01" }] },
        { parameters: set },
      ).allMet,
    ).toBe(true);
  });

  it("MIG-TARGET-1 (property): achieved + remaining ≥ required, met iff remaining is 0, later report dates never count less", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 2000 }),
        (days, at) => {
          const day = (n: number) => new Date(Date.UTC(2017, 0, 1 + n)).toISOString().slice(0, 10);
          const achievements = days.map((n, i) => ({ target: "tourism-towns", id: `T${i}`, achievedOn: day(n) }));
          const a = targetProgress({ asOf: day(at), achievements }).targets[3]!;
          const b = targetProgress({ asOf: day(at + 100), achievements }).targets[3]!;
          expect(a.achieved + a.remaining).toBeGreaterThanOrEqual(a.required);
          expect(a.met).toBe(a.remaining === 0);
          expect(b.achieved).toBeGreaterThanOrEqual(a.achieved);
        },
      ),
    );
  });

  describe("MIG-TARGET-1: bad input", () => {
    it.each([
      [
        "unknown target",
        { asOf: "2020-01-01", achievements: [{ target: "airports", id: "a", achievedOn: "2019-01-01" }] },
        ["achievements", 0, "target"],
      ],
      [
        "duplicate achievement",
        { asOf: "2020-01-01", achievements: [villages(1, "2019-01-01")[0], villages(1, "2019-02-01")[0]] },
        ["achievements", 1, "id"],
      ],
      [
        "bad date",
        { asOf: "2020-01-01", achievements: [{ target: "culture-centres", id: "a", achievedOn: "2019-13-01" }] },
        ["achievements", 0, "achievedOn"],
      ],
      ["missing asOf", { achievements: [] }, ["asOf"]],
      [
        "negative required",
        { asOf: "2020-01-01", achievements: [], targets: [{ id: "t", zh: "t", en: "t", required: -1 }] },
        ["targets", 0, "required"],
      ],
      ["unknown key", { asOf: "2020-01-01", achievements: [], year: 2020 }, []],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(() => targetProgress(input as never), "INVALID_INPUT", path as (string | number)[]);
    });
    it("a report date before the seed took effect → PARAM_NOT_IN_FORCE", () => {
      expectSannongError(() => targetProgress({ asOf: "2016-01-01", achievements: [] }), "PARAM_NOT_IN_FORCE");
    });
  });
});
