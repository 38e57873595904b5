import { describe, expect, it } from "vitest";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import type { ValidationError } from "@sannong/core";
import { defineProcedure, predecessorsOf, procedureEventSchema, procedureSchema, type Procedure } from "./procedure";

const L = (zh: string, en = zh): { zh: string; en: string } => ({ zh, en });
const step = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  label: L(id),
  body: "b",
  ...extra,
});
const proc = (steps: Record<string, unknown>[]): Procedure =>
  ({ id: "p", label: L("p"), steps }) as unknown as Procedure;

function issue(fn: () => unknown, path: readonly (string | number)[]): ValidationError {
  return expectSannongError(fn, "INVALID_INPUT", path) as ValidationError;
}

describe("defineProcedure", () => {
  it("CORE-PROC-1: a plain list is a chain; `after: []` has no predecessor; `after` lists run in parallel", () => {
    const p = defineProcedure(
      proc([step("a"), step("b"), step("c", { after: ["a"] }), step("d", { after: [] }), step("e")]),
    );
    expect(predecessorsOf(p.steps)).toEqual([[], [0], [0], [], [3]]);
  });

  it("CORE-PROC-1: returns a deep-frozen copy and leaves the definition untouched", () => {
    const def = deepFreeze(proc([step("  a  "), step("b")]));
    const p = defineProcedure(def);
    expect(p).not.toBe(def);
    expect(p.steps[0]?.id).toBe("a");
    expect(def.steps[0]?.id).toBe("  a  ");
    expect(Object.isFrozen(p.steps[0])).toBe(true);
    expect(Object.isFrozen(p.steps[0]?.label)).toBe(true);
  });

  it("CORE-PROC-1: duplicate step ids are an error at the second id", () => {
    const err = issue(() => defineProcedure(proc([step("a"), step("b"), step("a")])), ["steps", 2, "id"]);
    expect(err.issues[0]?.code).toBe("duplicate_id");
    expect(err.zh).toContain("重复的步骤标识");
  });

  it.each([
    [[step("a", { after: ["z"] })], ["steps", 0, "after", 0], "unknown_step"],
    [[step("a"), step("b", { after: ["b"] })], ["steps", 1, "after", 0], "invalid_order"],
    [[step("a"), step("b", { after: ["a", "a"] })], ["steps", 1, "after", 1], "duplicate_id"],
    [[step("a", { after: ["b"] }), step("b")], ["steps", 0, "after"], "order_cycle"],
    [
      [step("a", { after: ["c"] }), step("b", { after: ["a"] }), step("c", { after: ["b"] })],
      ["steps", 0, "after"],
      "order_cycle",
    ],
  ])("CORE-PROC-1: a bad order is rejected (%#)", (steps, path, code) => {
    const err = issue(() => defineProcedure(proc(steps)), path);
    expect(err.issues[0]?.code).toBe(code);
  });

  it.each([
    [proc([]), ["steps"]],
    [proc([step("a", { bdy: "x" })]), ["steps", 0]],
    [proc([step("a", { body: "" })]), ["steps", 0, "body"]],
    [proc([step("a", { optional: "yes" })]), ["steps", 0, "optional"]],
    [{ ...proc([step("a")]), extra: 1 }, []],
    [{ ...proc([step("a")]), label: { zh: "p" } }, ["label", "en"]],
    [
      JSON.parse(
        '{"id":"p","label":{"zh":"p","en":"p"},"steps":[{"id":"a","label":{"zh":"a","en":"a"},"body":"b","__proto__":{"optional":true}}]}',
      ),
      ["steps", 0],
    ],
  ])("CORE-PROC-1: a malformed procedure is rejected (%#)", (def, path) => {
    issue(() => defineProcedure(def as Procedure), path);
  });

  it.each([
    [{ forms: [] }, ["steps", 0, "quorum"]],
    [{ forms: [{ id: "f", label: L("f"), attendance: { moreThan: "1/2", atLeast: "1/2" } }] }, ["steps", 0, "quorum"]],
    [{ forms: [{ id: "f", label: L("f"), attendance: {} }] }, ["steps", 0, "quorum"]],
    [{ forms: [{ id: "f", label: L("f"), attendance: { moreThan: "3/2" } }] }, ["steps", 0, "quorum"]],
    [{ forms: [{ id: "f", label: L("f"), approval: { moreThan: "1/2" } }] }, ["steps", 0, "quorum"]],
    [
      {
        forms: [
          { id: "f", label: L("f") },
          { id: "f", label: L("f") },
        ],
      },
      ["steps", 0, "quorum"],
    ],
    [{ parameter: "" }, ["steps", 0, "quorum"]],
    [{}, ["steps", 0, "quorum"]],
    [
      { parameter: "core.procedure.quorum.villagersMeeting", forms: [{ id: "f", label: L("f") }] },
      ["steps", 0, "quorum"],
    ],
  ])("CORE-PROC-1: a malformed quorum rule is rejected (%#)", (quorum, path) => {
    // the path may go deeper (…quorum.forms.0.attendance); it always starts at the step's quorum.
    const err = expectSannongError(() => defineProcedure(proc([step("a", { quorum })])), "INVALID_INPUT");
    expect(err.path.slice(0, 3)).toEqual(path);
  });

  it("CORE-PROC-1: a valid quorum with a decimal share is accepted", () => {
    const p = defineProcedure(
      proc([
        step("a", {
          quorum: {
            forms: [
              { id: "f", label: L("f"), attendance: { atLeast: "0.5" }, approval: { moreThan: "1/2", of: "eligible" } },
            ],
          },
        }),
      ]),
    );
    expect(p.steps[0]?.quorum).toEqual({
      forms: [
        { id: "f", label: L("f"), attendance: { atLeast: "0.5" }, approval: { moreThan: "1/2", of: "eligible" } },
      ],
    });
  });

  it("CORE-PROC-1: the schemas are exported and reject unknown keys", () => {
    expect(procedureSchema.safeParse(proc([step("a")])).success).toBe(true);
    expect(procedureEventSchema.safeParse({ step: "a", date: "2024-02-29" }).success).toBe(true);
    expect(procedureEventSchema.safeParse({ step: "a", date: "2023-02-29" }).success).toBe(false);
    expect(procedureEventSchema.safeParse({ step: "a", date: "2024-02-29", Body: "x" }).success).toBe(false);
  });
});
