import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay, renderTrace } from "@sannong/core";
import { checkQuotaEligibility, type CheckQuotaEligibilityInput } from "./checkQuotaEligibility";
import { insuranceParameterSet } from "../parameters";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

const ok: CheckQuotaEligibilityInput = deepFreeze({
  asOf: "2024-05-01",
  expropriation: {
    date: "2024-03-01",
    approval: { level: "province", date: "2024-04-01" },
    landTypes: ["cultivated", "other-agricultural"],
  },
  person: { birthDate: "1980-01-01", collectiveMember: true, alreadyInsured: false, contractedLandExpropriated: true },
});

describe("checkQuotaEligibility", () => {
  it("INS-QUOTA-4: an approved expropriation of cultivated land and an eligible person pass every gate", () => {
    const r = checkQuotaEligibility(ok);
    expect(r.eligible).toBe(true);
    expect(r.approvalBasis).toBe("approval");
    expect(r.gates.map((g) => g.gate)).toEqual([
      "time",
      "approval",
      "landType",
      "person.age",
      "person.membership",
      "person.notInsured",
      "person.landLost",
    ]);
    expect(r.failures).toEqual([]);
  });

  it("INS-QUOTA-4: every failing gate is listed, not only the first", () => {
    const r = checkQuotaEligibility({
      asOf: "2024-05-01",
      expropriation: {
        date: "2024-03-01",
        approval: { level: "city", date: "2024-04-01" },
        landTypes: ["construction"],
      },
      person: {
        birthDate: "2010-01-01",
        collectiveMember: false,
        alreadyInsured: true,
        contractedLandExpropriated: false,
      },
    });
    expect(r.eligible).toBe(false);
    expect(r.failures.map((f) => [f.gate, f.code])).toEqual([
      ["approval", "APPROVAL_LEVEL_TOO_LOW"],
      ["landType", "LAND_TYPE_OUT_OF_SCOPE"],
      ["person.age", "UNDER_MIN_AGE"],
      ["person.membership", "NOT_COLLECTIVE_MEMBER"],
      ["person.notInsured", "ALREADY_INSURED"],
      ["person.landLost", "NO_LAND_EXPROPRIATED"],
    ]);
    for (const f of r.failures) {
      expect(f.zh.length).toBeGreaterThan(0);
      expect(f.en.length).toBeGreaterThan(0);
    }
  });

  it.each([
    [undefined, "NOT_APPROVED", null],
    [{ level: "county", date: "2024-04-01" }, "KEY_PROJECT_DECISION", "key-project"],
    [{ level: "city", date: "2024-04-01" }, "KEY_PROJECT_DECISION", "key-project"],
    [{ level: "township", date: "2024-04-01" }, "KEY_PROJECT_DECISION_LEVEL_TOO_LOW", null],
    [{ level: "county", date: "2024-06-01" }, "KEY_PROJECT_DECISION_AFTER_AS_OF", null],
  ] as const)("INS-QUOTA-4: key project before approval — decision %j → %s", (keyProjectDecision, code, basis) => {
    const r = checkQuotaEligibility({
      asOf: "2024-05-01",
      expropriation: { date: "2024-03-01", landTypes: ["cultivated"] },
      ...(keyProjectDecision ? { keyProjectDecision } : {}),
    });
    const g = r.gates.find((x) => x.gate === "approval")!;
    expect(g.code).toBe(code);
    expect(g.passed).toBe(basis !== null);
    expect(r.approvalBasis).toBe(basis);
  });

  it("INS-QUOTA-4: an approval dated after asOf does not count yet", () => {
    const r = checkQuotaEligibility({ ...ok, asOf: "2024-03-15" });
    expect(r.failures.map((f) => f.code)).toEqual(["NOT_APPROVED"]);
  });

  it("INS-QUOTA-4: land partly out of scope passes, noting what does not count", () => {
    const r = checkQuotaEligibility({
      ...ok,
      expropriation: { ...ok.expropriation, landTypes: ["cultivated", "construction"] },
    });
    expect(r.eligible).toBe(true);
    expect(r.gates[2]!.en).toContain("construction do not count");
  });

  it("INS-QUOTA-4: the time window is a parameter (none declared by default)", () => {
    expect(checkQuotaEligibility(ok).gates[0]).toMatchObject({ gate: "time", passed: true, code: "OK" });
    const local = overlay(insuranceParameterSet, {
      "insurance.eligibility.expropriationWindow": { value: { from: "2024-03-02", until: null } },
    });
    const r = checkQuotaEligibility(ok, { parameters: local });
    expect(r.failures.map((f) => f.code)).toEqual(["EXPROPRIATION_BEFORE_WINDOW"]);
    const late = overlay(insuranceParameterSet, {
      "insurance.eligibility.expropriationWindow": { value: { from: null, until: "2024-02-29" } },
    });
    expect(checkQuotaEligibility(ok, { parameters: late }).failures.map((f) => f.code)).toEqual([
      "EXPROPRIATION_AFTER_WINDOW",
    ]);
    expect(r.trace.parameters?.find((p) => p.id === "insurance.eligibility.expropriationWindow")?.overridden).toBe(
      true,
    );
    expect(renderTrace(r.trace)).toContain("INS-QUOTA-4");
  });

  it("INS-QUOTA-4: the person turns 16 on the birthday", () => {
    const at = (birthDate: string): boolean =>
      checkQuotaEligibility({ ...ok, person: { ...ok.person!, birthDate } }).eligible;
    expect(at("2008-05-01")).toBe(true);
    expect(at("2008-05-02")).toBe(false);
  });

  it("INS-QUOTA-4: property — eligible exactly when no gate fails; the failures are the failing gates", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("village", "township", "county", "city", "province", "state-council"),
        fc.boolean(),
        fc.subarray(["cultivated", "other-agricultural", "construction", "unused"] as const, { minLength: 1 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (level, approved, landTypes, member, insured, lost) => {
          const r = checkQuotaEligibility({
            asOf: "2024-05-01",
            expropriation: {
              date: "2024-03-01",
              ...(approved ? { approval: { level, date: "2024-04-01" } } : {}),
              landTypes: [...landTypes],
            },
            person: {
              birthDate: "1990-01-01",
              collectiveMember: member,
              alreadyInsured: insured,
              contractedLandExpropriated: lost,
            },
          });
          const expected =
            approved &&
            (level === "province" || level === "state-council") &&
            landTypes.some((t) => t === "cultivated" || t === "other-agricultural") &&
            member &&
            !insured &&
            lost;
          expect(r.eligible).toBe(expected);
          expect(r.failures).toEqual(r.gates.filter((g) => !g.passed));
        },
      ),
    );
  });

  it.each([
    [{ ...ok, asOf: "2024-02-30" }, ["asOf"]],
    [{ ...ok, expropriation: { ...ok.expropriation, landTypes: [] } }, ["expropriation", "landTypes"]],
    [{ ...ok, expropriation: { ...ok.expropriation, landTypes: ["forest"] } }, ["expropriation", "landTypes", 0]],
    [
      { ...ok, expropriation: { ...ok.expropriation, approval: { level: "nation", date: "2024-01-01" } } },
      ["expropriation", "approval", "level"],
    ],
    [{ ...ok, keyProjectDecision: { level: "county" } }, ["keyProjectDecision", "date"]],
    [{ ...ok, person: { ...ok.person!, collectiveMember: "yes" } }, ["person", "collectiveMember"]],
    [{ ...ok, person: { ...ok.person!, age: 40 } }, ["person"]],
    [{ ...ok, extra: true }, []],
    [{ asOf: "2024-05-01" }, ["expropriation"]],
  ])("INS-QUOTA-4: bad input %# is INVALID_INPUT", (input, path) => {
    const e = expectSannongError(() => checkQuotaEligibility(input as CheckQuotaEligibilityInput), "INVALID_INPUT");
    if (path.length) expect(e.path).toEqual(path);
  });
});
