/**
 * Every `@example` of the public TSDoc, run as written, with the output the
 * documentation shows.
 */
import { describe, expect, it } from "vitest";
import { overlay } from "@sannong/core";
import {
  allocateQuotaToHouseholds,
  buildRemittanceSchedule,
  buildTransferSchedule,
  checkQuotaEligibility,
  computeLandQuota,
  insuranceParameterSet,
  isOverAgeConverted,
  placeStatus,
  reassignSurplus,
  remittancesAsOutflows,
  transfersAsDue,
  transitionPayments,
} from "./index";
import { asJson } from "../../../test/helpers";

const fiveDeliberationsRecord = [
  { step: "suggestion", date: "2024-07-01" },
  { step: "proposal", date: "2024-07-05" },
  { step: "consultation", date: "2024-07-08" },
  { step: "review", date: "2024-07-10", attendees: 30, eligible: 40, votesFor: 28 },
  {
    step: "resolution",
    date: "2024-07-15",
    form: "representatives-meeting",
    attendees: 40,
    eligible: 45,
    votesFor: 35,
  },
  { step: "resolution-disclosure", date: "2024-07-16" },
  { step: "result-disclosure", date: "2024-07-25" },
];

describe("documented examples", () => {
  it("INS-QUOTA-2: computeLandQuota examples", () => {
    const r = computeLandQuota({ expropriatedArea: 450, villageArea: 2000, population16Plus: 1000, alreadyInsured: 0 });
    expect({ ...r, trace: undefined }).toEqual({
      quota: 225,
      raw: "225",
      perCapitaArea: "2",
      cap: 1000,
      capped: false,
      warnings: [],
      trace: undefined,
    });
    expect(
      computeLandQuota({
        expropriatedArea: { value: 30, unit: "hectare" },
        villageArea: { value: 2000, unit: "mu" },
        population16Plus: 1000,
        alreadyInsured: 0,
      }).quota,
    ).toBe(225);
  });

  it("INS-QUOTA-4: checkQuotaEligibility example", () => {
    expect(
      checkQuotaEligibility({
        asOf: "2024-05-01",
        expropriation: { date: "2024-03-01", landTypes: ["cultivated"] },
        keyProjectDecision: { level: "township", date: "2024-04-01" },
      }).failures.map((f) => f.code),
    ).toEqual(["KEY_PROJECT_DECISION_LEVEL_TOO_LOW"]);
  });

  it("INS-MATCH-1: allocateQuotaToHouseholds example", () => {
    const r = allocateQuotaToHouseholds({
      quota: 5,
      asOf: "2024-06-01",
      households: [
        { id: "h1", landLost: 6 },
        { id: "h2", landLost: 3 },
        { id: "h3", landLost: { value: 1000, unit: "sqm" } },
      ],
    });
    expect(r.households.map((h) => h.places)).toEqual([3, 1, 1]);
  });

  it("INS-MATCH-3: reassignSurplus example", () => {
    const r = reassignSurplus({
      asOf: "2024-09-01",
      surplus: { givenUp: 1, adjustable: 0 },
      candidates: [
        {
          id: "p1",
          birthDate: "1970-01-01",
          collective: "same",
          landExpropriated: true,
          alreadyInsured: false,
          rank: 2,
        },
        {
          id: "p2",
          birthDate: "1975-01-01",
          collective: "same",
          landExpropriated: true,
          alreadyInsured: false,
          rank: 1,
        },
      ],
      procedure: fiveDeliberationsRecord,
    });
    expect(r.assigned).toEqual([{ id: "p2", tier: 1, position: 1 }]);
    expect(r.waiting).toEqual([{ id: "p1", tier: 1, position: 2 }]);
  });

  it("INS-VALID-1: placeStatus example", () => {
    const r = placeStatus({
      asOf: "2024-06-15",
      listConfirmedOn: "2024-01-10",
      places: [{ id: "q1", enrolledOn: "2024-03-01" }, { id: "q2" }, { id: "q3", gaveUpOn: "2024-02-01" }],
    });
    expect(r.places.map((p) => p.status)).toEqual(["enrolled", "deemed-abandoned", "given-up"]);
    expect(r.enrolmentDeadline).toBe("2024-04-09");
    expect(r.validUntil).toBe("2025-01-10");
  });

  it("INS-TRANSFER-1: buildTransferSchedule and transfersAsDue examples", () => {
    const s = buildTransferSchedule({
      enrolments: [
        { id: "e1", enrolledOn: "2024-01-15", pensionFund: "30000.00", riskReserve: "1500.00" },
        { id: "e2", enrolledOn: "2024-03-02", pensionFund: "28000.00", riskReserve: "1400.00" },
      ],
    });
    expect(s.due.map((d) => [d.id, d.dueDate, String(d.amount)])).toEqual([
      ["pension-2024-01", "2024-01-31", "30000.00"],
      ["pension-2024-02", "2024-02-29", "0.00"],
      ["pension-2024-03", "2024-03-31", "28000.00"],
      ["reserve-2024-Q1", "2024-03-31", "2900.00"],
    ]);
    expect(
      asJson(
        transfersAsDue(
          buildTransferSchedule({
            enrolments: [{ id: "e1", enrolledOn: "2024-01-15", pensionFund: "30000.00", riskReserve: "1500.00" }],
          }),
        ),
      ),
    ).toEqual([
      { id: "pension-2024-01", dueDate: "2024-01-31", amount: "30000.00", label: "划转职工基本养老保险基金 2024-01" },
      { id: "reserve-2024-Q1", dueDate: "2024-03-31", amount: "1500.00", label: "充实社保风险金 2024年第1季度" },
    ]);
  });

  it("INS-OVERAGE-1: isOverAgeConverted examples", () => {
    expect(isOverAgeConverted({ sex: "female", birthDate: "1972-03-01", conversionDate: "2022-07-15" })).toMatchObject({
      converted: true,
      basis: "age",
      age: 50,
      threshold: 50,
    });
    expect(
      isOverAgeConverted({
        sex: "male",
        birthDate: "1970-01-01",
        conversionDate: "2022-07-15",
        certifiedIncapacity: true,
      }),
    ).toMatchObject({ converted: true, basis: "incapacity", age: 52, threshold: 60 });
  });

  it("INS-OVERAGE-3: buildRemittanceSchedule example, and the parameter-set example", () => {
    const s = buildRemittanceSchedule({
      handoverDate: "2022-07-15",
      periodYears: 3,
      monthlyStandard: "1500.00",
      annualGrowth: "0.05",
      periods: 1,
      persons: [{ id: "p1" }, { id: "p2", coveredUntil: "2027-05-31" }],
    });
    expect(s.remittances.map((r) => [r.dueDate, r.from, r.to, r.personMonths, String(r.amount)])).toEqual([
      ["2022-07-15", "2022-08", "2025-12", 82, "134164.56"],
      ["2025-11-30", "2026-01", "2028-12", 53, "100425.06"],
    ]);
    expect(String(s.lumpSum)).toBe("234589.62");
    expect(s.standards.map((x) => String(x.monthlyStandard))).toEqual([
      "1500.00",
      "1575.00",
      "1653.75",
      "1736.44",
      "1823.26",
      "1914.42",
      "2010.14",
    ]);
    const local = overlay(insuranceParameterSet, { "insurance.overage.periodYears": { value: 5 } });
    expect(
      buildRemittanceSchedule(
        { handoverDate: "2022-07-15", monthlyStandard: "1.00", periods: 0, persons: [] },
        { parameters: local },
      ).remittances[0]!.to,
    ).toBe("2027-12");
  });

  it("INS-OVERAGE-5: remittancesAsOutflows example", () => {
    const out = remittancesAsOutflows(
      buildRemittanceSchedule({
        handoverDate: "2022-07-15",
        periodYears: 3,
        monthlyStandard: "1500.00",
        periods: 0,
        persons: [{ id: "p1" }],
      }),
    );
    expect(asJson(out)).toEqual([
      { date: "2022-07-15", amount: "61500.00", label: "超转人员保障费用汇缴 2022-08..2025-12" },
    ]);
  });

  it("INS-OVERAGE-4: transitionPayments example", () => {
    const r = transitionPayments({
      startMonth: "2024-02",
      approvalDate: "2024-08-20",
      monthlyStandard: "1800.00",
      persons: [{ id: "a" }, { id: "b", until: "2024-05-03" }],
    });
    expect(r.payments.map((p) => [p.dueDate, p.from, p.to, p.personMonths, String(p.amount)])).toEqual([
      ["2024-02-01", "2024-02", "2024-03", 4, "7200.00"],
      ["2024-04-01", "2024-04", "2024-06", 5, "9000.00"],
      ["2024-07-01", "2024-07", "2024-08", 2, "3600.00"],
    ]);
  });
});
