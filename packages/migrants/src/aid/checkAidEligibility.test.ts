import { describe, expect, it } from "vitest";
import { overlay } from "@sannong/core";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { checkAidEligibility } from "./checkAidEligibility";
import { migrantAidRules } from "./aidRules";
import { migrantsParameterSet } from "../parameters";

const student = { id: "P1", age: 17, childOfHousehold: true, schooling: "senior-secondary" as const };

describe("checkAidEligibility", () => {
  it("MIG-AID-1: a household in hardship after illness with a child at senior secondary school → special relief and education aid; amounts not set by the seed", () => {
    const r = checkAidEligibility({
      date: "2024-09-01",
      facts: { householdId: "H1", lowIncome: true, hardship: true, hardshipCauses: ["illness"], person: student },
    });
    expect(r.eligible.map((e) => e.ruleId)).toEqual(["special-relief", "education-senior-secondary"]);
    expect(r.eligible.every((e) => e.amount === null && !e.standardSet)).toBe(true);
    expect(r.ineligible.map((e) => e.ruleId)).toEqual(["education-college"]);
    // a missing fact never becomes a silent "no"
    expect(r.undetermined).toEqual([
      {
        ruleId: "medical-insurance-contribution",
        label: migrantAidRules[3]!.label,
        missing: ["specialPoverty", "medicalInsurance.enrolled", "medicalInsurance.unaffordableAfterSubsidy"],
      },
      { ruleId: "public-welfare-post", label: migrantAidRules[4]!.label, missing: ["person.seekingWork"] },
    ]);
    expect(r.trace.children).toHaveLength(5);
  });

  it("MIG-AID-1: full-time college incl. higher vocational qualifies; part-time study does not", () => {
    const base = { householdId: "H", lowIncome: false, hardship: true };
    const full = checkAidEligibility({
      date: "2024-09-01",
      facts: { ...base, person: { ...student, age: 19, schooling: "college-full-time" } },
    });
    expect(full.eligible.map((e) => e.ruleId)).toContain("education-college");
    const part = checkAidEligibility({
      date: "2024-09-01",
      facts: { ...base, person: { ...student, age: 19, schooling: "college-part-time" } },
    });
    expect(part.ineligible.find((e) => e.ruleId === "education-college")!.failed).toEqual([
      { fact: "person.schooling", op: "is", expected: "college-full-time", actual: "college-part-time", holds: false },
    ]);
  });

  it("MIG-AID-1: overlaid local standards give the amounts", () => {
    const set = overlay(migrantsParameterSet, {
      "migrants.aid.specialRelief.amount": { value: "2000.00", from: "2020-01-01" },
      "migrants.aid.education.seniorSecondary.amount": { value: "1500" },
    });
    const r = checkAidEligibility(
      {
        date: "2024-09-01",
        facts: {
          householdId: "H1",
          lowIncome: true,
          hardship: true,
          hardshipCauses: ["disaster", "other"],
          person: student,
        },
      },
      { parameters: set },
    );
    expect(asJson(r.eligible.map((e) => [e.ruleId, e.amount, e.standardSet]))).toEqual([
      ["special-relief", "2000.00", true],
      ["education-senior-secondary", "1500.00", true],
    ]);
    // before the overlaid value took effect the standard was not set
    const before = checkAidEligibility(
      {
        date: "2019-09-01",
        facts: { householdId: "H1", lowIncome: true, hardship: true, hardshipCauses: ["disaster"] },
      },
      { parameters: set },
    );
    expect(before.eligible[0]!.amount).toBeNull();
  });

  it("MIG-AID-1: medical-insurance contribution help only when still unaffordable after the fiscal subsidy", () => {
    const facts = {
      householdId: "H",
      lowIncome: true,
      hardship: false,
      specialPoverty: true,
      medicalInsurance: { enrolled: true, unaffordableAfterSubsidy: true },
    };
    expect(checkAidEligibility({ date: "2024-01-01", facts }).eligible.map((e) => e.ruleId)).toEqual([
      "medical-insurance-contribution",
    ]);
    const affordable = checkAidEligibility({
      date: "2024-01-01",
      facts: { ...facts, medicalInsurance: { enrolled: true, unaffordableAfterSubsidy: false } },
    });
    expect(affordable.eligible).toEqual([]);
  });

  it("MIG-AID-1: public-welfare posts with the relaxed age limit as a parameter (default 65, unverified)", () => {
    const facts = (age: number) => ({
      householdId: "H",
      lowIncome: true,
      hardship: true,
      person: { id: "P", age, seekingWork: true },
    });
    expect(checkAidEligibility({ date: "2024-01-01", facts: facts(65) }).eligible.map((e) => e.ruleId)).toEqual([
      "public-welfare-post",
    ]);
    const old = checkAidEligibility({ date: "2024-01-01", facts: facts(66) });
    expect(old.ineligible.find((e) => e.ruleId === "public-welfare-post")!.failed).toEqual([
      { fact: "person.age", op: "atMost", expected: 65, actual: 66, holds: false },
    ]);
    expect(old.trace.children![4]!.parameters![0]).toMatchObject({
      id: "migrants.aid.publicWelfarePost.maxAge",
      value: 65,
      verified: false,
    });
    const set = overlay(migrantsParameterSet, { "migrants.aid.publicWelfarePost.maxAge": { value: 68 } });
    expect(
      checkAidEligibility({ date: "2024-01-01", facts: facts(66) }, { parameters: set }).eligible.map((e) => e.ruleId),
    ).toEqual(["public-welfare-post"]);
    const post = checkAidEligibility({ date: "2024-01-01", facts: facts(40) }).eligible[0]!;
    expect([post.amount, post.amountParameter]).toEqual([null, null]);
  });

  it("MIG-AID-1: rules are data — a caller's own rule is evaluated the same way", () => {
    const r = checkAidEligibility({
      date: "2024-01-01",
      facts: { householdId: "H", lowIncome: true, hardship: false },
      rules: [
        {
          id: "low-income-bonus",
          label: { zh: "低收入移民补助", en: "low-income bonus" },
          citation: "local",
          conditions: [{ fact: "lowIncome", op: "is", value: true }],
          amountParameter: "migrants.aid.specialRelief.amount",
        },
      ],
    });
    expect(r.eligible.map((e) => e.ruleId)).toEqual(["low-income-bonus"]);
  });

  it("MIG-AID-1: does not mutate its input", () => {
    const input = deepFreeze({
      date: "2024-01-01",
      facts: { householdId: "H", lowIncome: true, hardship: true, hardshipCauses: ["illness" as const] },
    });
    expect(() => checkAidEligibility(input)).not.toThrow();
  });

  describe("MIG-AID-1: bad input", () => {
    const facts = { householdId: "H", lowIncome: true, hardship: true };
    const rule = {
      id: "r",
      label: { zh: "规则", en: "rule" },
      citation: "x",
      conditions: [{ fact: "hardship", op: "is", value: true }],
      amountParameter: null,
    };
    it.each([
      ["missing date", { facts }, ["date"]],
      ["hardship not boolean", { date: "2024-01-01", facts: { ...facts, hardship: "yes" } }, ["facts", "hardship"]],
      [
        "unknown cause",
        { date: "2024-01-01", facts: { ...facts, hardshipCauses: ["flood"] } },
        ["facts", "hardshipCauses", 0],
      ],
      [
        "negative age",
        { date: "2024-01-01", facts: { ...facts, person: { id: "P", age: -1 } } },
        ["facts", "person", "age"],
      ],
      ["unknown fact key", { date: "2024-01-01", facts: { ...facts, income: 1 } }, ["facts"]],
      [
        "typo in a rule's fact",
        { date: "2024-01-01", facts, rules: [{ ...rule, conditions: [{ fact: "hardshp", op: "is", value: true }] }] },
        ["rules", 0, "conditions", 0, "fact"],
      ],
      [
        "unknown operator",
        {
          date: "2024-01-01",
          facts,
          rules: [{ ...rule, conditions: [{ fact: "hardship", op: "equals", value: true }] }],
        },
        ["rules", 0, "conditions", 0, "op"],
      ],
      [
        "rule without conditions",
        { date: "2024-01-01", facts, rules: [{ ...rule, conditions: [] }] },
        ["rules", 0, "conditions"],
      ],
      ["duplicate rule ids", { date: "2024-01-01", facts, rules: [rule, rule] }, ["rules", 1, "id"]],
      [
        "__proto__ key",
        JSON.parse(
          '{"date":"2024-01-01","facts":{"householdId":"H","lowIncome":true,"hardship":true},"__proto__":{"a":1}}',
        ),
        [],
      ],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(() => checkAidEligibility(input as never), "INVALID_INPUT", path as (string | number)[]);
    });
    it("a rule naming an unknown parameter → UNKNOWN_PARAMETER", () => {
      expectSannongError(
        () =>
          checkAidEligibility({ date: "2024-01-01", facts, rules: [{ ...rule, amountParameter: "no.such" }] } as never),
        "UNKNOWN_PARAMETER",
      );
    });
    it("a date before the seed → PARAM_NOT_IN_FORCE", () => {
      expectSannongError(
        () => checkAidEligibility({ date: "2015-01-01", facts: { ...facts, hardshipCauses: ["illness"] } }),
        "PARAM_NOT_IN_FORCE",
      );
    });
  });
});
