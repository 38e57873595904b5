import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay, PolicyError } from "@sannong/core";
import { asJson, expectSannongError } from "../../../../test/helpers";
import { checkReserveApplication, projectReserveCalendar } from "./projectReserveCalendar";
import { migrantsParameterSet } from "../parameters";

describe("projectReserveCalendar", () => {
  it.each([
    ["2024-03-01", true, ["2024-03-01", "2024-03-31"], false, ["2024-04-01", "2024-04-30"]],
    ["2024-03-31", true, ["2024-03-01", "2024-03-31"], false, ["2024-04-01", "2024-04-30"]],
    ["2024-04-15", false, ["2024-09-01", "2024-09-30"], true, ["2024-04-01", "2024-04-30"]],
    ["2024-05-20", false, ["2024-09-01", "2024-09-30"], false, ["2024-10-01", "2024-10-31"]],
    ["2024-09-30", true, ["2024-09-01", "2024-09-30"], false, ["2024-10-01", "2024-10-31"]],
    ["2024-10-01", false, ["2025-03-01", "2025-03-31"], true, ["2024-10-01", "2024-10-31"]],
    ["2024-11-11", false, ["2025-03-01", "2025-03-31"], false, ["2025-04-01", "2025-04-30"]],
    ["2025-02-28", false, ["2025-03-01", "2025-03-31"], false, ["2025-04-01", "2025-04-30"]],
  ] as const)(
    "MIG-PROJ-1: on %s applications open = %s, window %j, updating = %s, update %j",
    (date, open, win, updating, upd) => {
      const c = projectReserveCalendar(date);
      expect(c.applicationsOpen).toBe(open);
      expect(c.nextApplicationWindow).toEqual({ from: win[0], to: win[1] });
      expect(c.reserveUpdating).toBe(updating);
      expect(c.nextUpdate).toEqual({ from: upd[0], to: upd[1] });
      expect(c.trace.rule).toBe("MIG-PROJ-1");
      expect(asJson(c.trace.parameters?.map((p) => [p.id, p.value]))).toEqual([
        ["migrants.projects.applicationMonths", [3, 9]],
        ["migrants.projects.updateMonths", [4, 10]],
      ]);
    },
  );

  it("MIG-PROJ-1 (property): the window is open on the date or starts after it, lies within the next year, and is a whole application month", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2017-01-01"), max: new Date("2190-12-31"), noInvalidDate: true }), (dt) => {
        const date = dt.toISOString().slice(0, 10);
        const c = projectReserveCalendar(date);
        const w = c.nextApplicationWindow;
        expect([3, 9]).toContain(Number(w.from.slice(5, 7)));
        expect(w.from.slice(8)).toBe("01");
        expect(w.to >= date).toBe(true);
        expect(c.applicationsOpen).toBe(w.from <= date);
        expect(c.reserveUpdating).toBe(c.nextUpdate.from <= date);
      }),
    );
  });

  it("MIG-PROJ-1: months are parameters — an overlay moves the windows", () => {
    const set = overlay(migrantsParameterSet, {
      "migrants.projects.applicationMonths": { value: [6] },
      "migrants.projects.updateMonths": { value: [7] },
    });
    const c = projectReserveCalendar("2024-07-10", { parameters: set });
    expect(c.applicationsOpen).toBe(false);
    expect(c.nextApplicationWindow).toEqual({ from: "2025-06-01", to: "2025-06-30" });
    expect(c.reserveUpdating).toBe(true);
  });

  it("MIG-PROJ-1: bad input", () => {
    for (const bad of ["2024-02-30", "2024/03/01", "", 20240301, null, { date: "2024-03-01" }])
      expectSannongError(() => projectReserveCalendar(bad as never), "INVALID_INPUT");
    expectSannongError(() => projectReserveCalendar("2015-03-01"), "PARAM_NOT_IN_FORCE");
    expectSannongError(() => projectReserveCalendar("2024-03-01", { parameters: "x" } as never), "INVALID_INPUT");
  });
});

describe("checkReserveApplication", () => {
  it("MIG-PROJ-1: an application in March is accepted and enters the reserve at the April update", () => {
    const r = checkReserveApplication({ projectId: "P-2024-001", date: "2024-03-15" });
    expect(r.accepted).toBe(true);
    expect(r.window).toEqual({ from: "2024-03-01", to: "2024-03-31" });
    expect(r.reserveUpdate).toEqual({ from: "2024-04-01", to: "2024-04-30" });
  });

  it("MIG-PROJ-1: an application in September enters at the October update", () => {
    expect(checkReserveApplication({ projectId: "P", date: "2024-09-01" }).reserveUpdate).toEqual({
      from: "2024-10-01",
      to: "2024-10-31",
    });
  });

  it("MIG-PROJ-1: an application outside a window is refused with the next window", () => {
    const e = expectSannongError(
      () => checkReserveApplication({ projectId: "P", date: "2024-05-02" }),
      "APPLICATION_WINDOW_CLOSED",
      ["date"],
    );
    expect(e).toBeInstanceOf(PolicyError);
    expect(e.details).toMatchObject({ from: "2024-09-01", to: "2024-09-30" });
    expect(e.zh).toContain("2024-09-01");
    const dec = expectSannongError(
      () => checkReserveApplication({ projectId: "P", date: "2024-12-31" }),
      "APPLICATION_WINDOW_CLOSED",
    );
    expect(dec.details).toMatchObject({ from: "2025-03-01", to: "2025-03-31" });
  });

  it("MIG-PROJ-1: when the update month is the application month, the project waits for the next update", () => {
    const set = overlay(migrantsParameterSet, { "migrants.projects.updateMonths": { value: [3, 10] } });
    expect(checkReserveApplication({ projectId: "P", date: "2024-03-10" }, { parameters: set }).reserveUpdate).toEqual({
      from: "2024-10-01",
      to: "2024-10-31",
    });
  });

  it("MIG-PROJ-1: bad input", () => {
    expectSannongError(() => checkReserveApplication({ projectId: "", date: "2024-03-01" }), "INVALID_INPUT", [
      "projectId",
    ]);
    expectSannongError(() => checkReserveApplication({ projectId: "P", date: "2024-3-1" }), "INVALID_INPUT", ["date"]);
    expectSannongError(
      () => checkReserveApplication({ projectId: "P", date: "2024-03-01", extra: 1 } as never),
      "INVALID_INPUT",
      [],
    );
    expectSannongError(() => checkReserveApplication({ projectId: "P" } as never), "INVALID_INPUT", ["date"]);
  });
});
