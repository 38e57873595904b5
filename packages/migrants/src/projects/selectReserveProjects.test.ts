import { describe, expect, it } from "vitest";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { selectReserveProjects } from "./selectReserveProjects";

const projects = [
  { id: "P1", requested: "60000.00", scores: [90] },
  { id: "P2", requested: "30000.00", scores: [95] },
  { id: "P3", requested: "30000.00", scores: [80] },
];
const reserve = [
  { projectId: "P1", appliedOn: "2024-03-10" },
  { projectId: "P3", appliedOn: "2024-09-05" },
];

describe("selectReserveProjects", () => {
  it("MIG-PROJ-2: projects are drawn from the reserve; an applicant not yet in it is screened out with the reason", () => {
    const r = selectReserveProjects({
      method: "project",
      date: "2024-06-01",
      reserve,
      project: { budget: "100000.00", projects },
    });
    if (r.method !== "project") throw new Error("method");
    expect(r.reserve).toEqual([
      { projectId: "P1", appliedOn: "2024-03-10", inReserveFrom: "2024-04-30" },
      { projectId: "P3", appliedOn: "2024-09-05", inReserveFrom: "2024-10-31" },
    ]);
    expect(r.notInReserve).toEqual(["P2", "P3"]);
    expect(asJson(r.project.results.map((p) => [p.id, p.status, p.amount]))).toEqual([
      ["P1", "funded", "60000.00"],
      ["P2", "ineligible", "0.00"],
      ["P3", "ineligible", "0.00"],
    ]);
    expect(r.project.results[1]!.reason.zh).toContain("储备项目库");
    expect(r.trace.rule).toBe("MIG-PROJ-2");
  });

  it("MIG-PROJ-2: after the October update the September applicant can be selected", () => {
    const input = deepFreeze({
      method: "project" as const,
      date: "2024-11-01",
      reserve,
      project: { budget: "100000.00", projects },
    });
    const r = selectReserveProjects(input);
    if (r.method !== "project") throw new Error("method");
    expect(r.notInReserve).toEqual(["P2"]);
    expect(r.project.results.map((p) => p.status)).toEqual(["funded", "ineligible", "funded"]);
  });

  it("MIG-PROJ-2: the combined method screens its project part the same way", () => {
    const r = selectReserveProjects({
      method: "combined",
      date: "2024-06-01",
      reserve,
      combined: {
        budget: "200000.00",
        factorRatio: "0.5",
        factor: { factors: [{ id: "m", weight: 1 }], recipients: [{ id: "A", values: { m: 1 } }] },
        project: { projects },
      },
    });
    if (r.method !== "combined") throw new Error("method");
    expect(r.combined.project.results.map((p) => p.status)).toEqual(["funded", "ineligible", "ineligible"]);
  });

  it("MIG-PROJ-2: a reserve entry filed outside the windows is refused at its path", () => {
    expectSannongError(
      () =>
        selectReserveProjects({
          method: "project",
          date: "2024-06-01",
          reserve: [{ projectId: "P1", appliedOn: "2024-05-10" }],
          project: { budget: "1.00", projects },
        }),
      "APPLICATION_WINDOW_CLOSED",
      ["reserve", 0, "appliedOn"],
    );
  });

  it("MIG-PROJ-2: bad input", () => {
    expectSannongError(
      () =>
        selectReserveProjects({
          method: "project",
          date: "2024-06-01",
          reserve: [...reserve, reserve[0]!],
          project: { budget: "1.00", projects },
        }),
      "INVALID_INPUT",
      ["reserve", 2, "projectId"],
    );
    expectSannongError(
      () =>
        selectReserveProjects({
          method: "project",
          date: "2024-06-31",
          reserve,
          project: { budget: "1.00", projects },
        }),
      "INVALID_INPUT",
      ["date"],
    );
    expectSannongError(
      () =>
        selectReserveProjects({
          method: "project",
          date: "2024-06-01",
          reserve,
          project: { budget: "-1.00", projects },
        }),
      "INVALID_INPUT",
      ["project", "budget"],
    );
    expectSannongError(
      () => selectReserveProjects({ method: "auction", date: "2024-06-01", reserve } as never),
      "INVALID_INPUT",
      ["method"],
    );
  });
});
