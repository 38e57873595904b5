import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, overlay, renderTrace } from "@sannong/core";
import { placeStatus, type PlaceStatusInput } from "./placeStatus";
import { insuranceParameterSet } from "../parameters";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

describe("placeStatus", () => {
  it("INS-VALID-1: worked example — enrolled, deemed abandoned after the period, given up", () => {
    const r = placeStatus(
      deepFreeze({
        asOf: "2024-06-15",
        listConfirmedOn: "2024-01-10",
        places: [
          { id: "q1", personId: "p1", enrolledOn: "2024-03-01" },
          { id: "q2" },
          { id: "q3", gaveUpOn: "2024-02-01" },
        ],
      }),
    );
    expect(r.places.map((p) => [p.id, p.status, p.returnedToSurplus, p.returnedOn ?? null])).toEqual([
      ["q1", "enrolled", false, null],
      ["q2", "deemed-abandoned", true, "2024-04-10"],
      ["q3", "given-up", true, "2024-02-01"],
    ]);
    expect(r.enrolmentDeadline).toBe("2024-04-09");
    expect(r.validUntil).toBe("2025-01-10");
    expect(r.counts).toEqual({ valid: 0, enrolled: 1, "given-up": 1, "deemed-abandoned": 1, lapsed: 0 });
    expect(r.returnedToSurplus).toBe(2);
    expect(r.places[0]!.personId).toBe("p1");
    expect(renderTrace(r.trace)).toContain("INS-VALID-1");
  });

  it("INS-VALID-1: a place is valid until the deadline inclusive, and events after asOf are not yet known", () => {
    const input = { listConfirmedOn: "2024-01-10", places: [{ id: "q", enrolledOn: "2024-04-09" }] };
    expect(placeStatus({ ...input, asOf: "2024-04-08" }).places[0]).toMatchObject({
      status: "valid",
      daysLeft: 1,
      deadline: "2024-04-09",
    });
    expect(placeStatus({ ...input, asOf: "2024-04-09" }).places[0]).toMatchObject({ status: "enrolled" });
    expect(placeStatus({ ...input, places: [{ id: "q" }], asOf: "2024-04-09" }).places[0]).toMatchObject({
      status: "valid",
      daysLeft: 0,
    });
    expect(placeStatus({ ...input, places: [{ id: "q" }], asOf: "2024-04-10" }).places[0]).toMatchObject({
      status: "deemed-abandoned",
      returnedOn: "2024-04-10",
    });
  });

  it("INS-VALID-1: enrolling after the deadline does not save the place", () => {
    const r = placeStatus({
      asOf: "2024-06-01",
      listConfirmedOn: "2024-01-10",
      places: [{ id: "q", enrolledOn: "2024-05-01" }],
    });
    expect(r.places[0]!.status).toBe("deemed-abandoned");
    expect(r.places[0]!.warnings.map((w) => w.code)).toEqual(["ENROLLED_AFTER_DEADLINE"]);
  });

  it("INS-VALID-1: a justified delay extends the deadline, never beyond the one-year validity, after which the place lapses", () => {
    const base = { listConfirmedOn: "2024-01-10", listReportedOn: "2024-01-20" };
    const r = placeStatus({
      ...base,
      asOf: "2024-06-01",
      places: [{ id: "q", justifiedDelay: { until: "2024-08-31", reason: "住院治疗" } }],
    });
    expect(r.places[0]).toMatchObject({ status: "valid", deadline: "2024-08-31" });
    expect(r.enrolmentDeadline).toBe("2024-04-19");
    const late = placeStatus({
      ...base,
      asOf: "2025-01-11",
      places: [{ id: "q", justifiedDelay: { until: "2025-06-30", reason: "服役" } }],
    });
    expect(late.places[0]).toMatchObject({ status: "lapsed", deadline: "2025-01-10", returnedOn: "2025-01-11" });
    expect(late.places[0]!.warnings.map((w) => w.code)).toEqual(["DELAY_BEYOND_VALIDITY"]);
    const missed = placeStatus({
      ...base,
      asOf: "2024-09-01",
      places: [{ id: "q", justifiedDelay: { until: "2024-08-31", reason: "住院治疗" } }],
    });
    expect(missed.places[0]!.status).toBe("deemed-abandoned");
  });

  it.each([
    ["2024-02-29", "2025-02-28"],
    ["2023-02-28", "2024-02-28"],
    ["2024-12-31", "2025-12-31"],
    ["2024-01-31", "2025-01-31"],
  ])(
    "INS-VALID-1: confirmed %s → valid through %s (民法典 第二百零二条: the corresponding day, else the month's last day)",
    (listConfirmedOn, validUntil) => {
      expect(placeStatus({ asOf: listConfirmedOn, listConfirmedOn, places: [] }).validUntil).toBe(validUntil);
    },
  );

  it("INS-VALID-1: the validity and the enrolment period are parameters", () => {
    const p = overlay(insuranceParameterSet, {
      "insurance.validity.enrolmentPeriodDays": { value: 400 },
      "insurance.validity.placeValidityMonths": { value: 6 },
    });
    const r = placeStatus(
      { asOf: "2024-07-11", listConfirmedOn: "2024-01-10", places: [{ id: "q" }] },
      { parameters: p },
    );
    expect(r.validUntil).toBe("2024-07-10");
    expect(r.enrolmentDeadline).toBe("2024-07-10"); // the period never runs past the validity
    expect(r.places[0]!.status).toBe("lapsed");
    expect(r.trace.parameters?.map((x) => [x.id, x.value, x.overridden])).toEqual([
      ["insurance.validity.placeValidityMonths", 6, true],
      ["insurance.validity.enrolmentPeriodDays", 400, true],
    ]);
  });

  it("INS-VALID-1: property — status is a function of the dates: enrolled iff enrolled by the deadline and asOf; counts add up", () => {
    const d0 = "2024-01-10";
    fc.assert(
      fc.property(
        fc.nat({ max: 500 }),
        fc.array(
          fc.record({
            enrol: fc.option(fc.nat({ max: 500 }), { nil: undefined }),
            giveUp: fc.option(fc.nat({ max: 500 }), { nil: undefined }),
          }),
          { maxLength: 12 },
        ),
        (asOfOffset, evs) => {
          const asOf = addDays(d0, asOfOffset);
          const places = evs.map((e, i) => ({
            id: `q${i}`,
            ...(e.enrol !== undefined ? { enrolledOn: addDays(d0, e.enrol) } : {}),
            ...(e.giveUp !== undefined ? { gaveUpOn: addDays(d0, e.giveUp) } : {}),
          }));
          const r = placeStatus({ asOf, listConfirmedOn: d0, places });
          const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
          expect(total).toBe(places.length);
          r.places.forEach((p, i) => {
            const e = evs[i]!;
            const enrolledInTime =
              e.enrol !== undefined &&
              e.enrol <= asOfOffset &&
              e.enrol <= 90 &&
              (e.giveUp === undefined || e.giveUp > asOfOffset || e.enrol < e.giveUp);
            expect(p.status === "enrolled").toBe(enrolledInTime);
            expect(p.returnedToSurplus).toBe(p.status !== "enrolled" && p.status !== "valid");
            if (p.status === "valid") expect(asOfOffset).toBeLessThanOrEqual(90);
          });
        },
      ),
    );
  });

  const good: PlaceStatusInput = { asOf: "2024-06-15", listConfirmedOn: "2024-01-10", places: [{ id: "q" }] };
  it.each([
    [{ ...good, asOf: "2024-06-31" }, ["asOf"]],
    [{ ...good, asOf: "2024-01-09" }, ["asOf"]],
    [{ ...good, listReportedOn: "2024-01-09" }, ["listReportedOn"]],
    [{ ...good, places: [{ id: "q", enrolledOn: "2024-01-01" }] }, ["places", 0, "enrolledOn"]],
    [{ ...good, places: [{ id: "q", gaveUpOn: "x" }] }, ["places", 0, "gaveUpOn"]],
    [{ ...good, places: [{ id: "q" }, { id: "q" }] }, ["places", 1, "id"]],
    [
      { ...good, places: [{ id: "q", justifiedDelay: { until: "2024-08-01" } }] },
      ["places", 0, "justifiedDelay", "reason"],
    ],
    [
      { ...good, places: [{ id: "q", justifiedDelay: { until: "2024-08-01", reason: "  " } }] },
      ["places", 0, "justifiedDelay", "reason"],
    ],
    [{ ...good, places: [{ id: "q", status: "valid" }] }, ["places", 0]],
    [{ ...good, listConfirmed: "2024-01-10" }, []],
  ])("INS-VALID-1: bad input %# is INVALID_INPUT", (input, path) => {
    const e = expectSannongError(() => placeStatus(input as PlaceStatusInput), "INVALID_INPUT");
    if (path.length) expect(e.path).toEqual(path);
  });
});
