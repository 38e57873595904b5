import { describe, expect, it } from "vitest";
import { coreParameters, overlay, parameterSet, VILLAGERS_MEETING_QUORUM } from "@sannong/core";
import { expectSannongError, deepFreeze } from "../../../../test/helpers";
import { assetsParameters } from "../parameters";
import { expectUnknownKey } from "../../test/fixtures";
import { checkOperationChange, type CheckOperationChangeInput } from "./checkOperationChange";

const decision = {
  step: "democratic-decision",
  date: "2022-03-05",
  form: "representatives-meeting",
  attendees: 30,
  eligible: 40,
  votesFor: 25,
};
const base: CheckOperationChangeInput = {
  asset: { id: "A-1", ownership: "village" },
  contract: {
    operator: "甲合作社",
    mode: "lease",
    term: { from: "2020-01-01", to: "2024-12-31" },
    revenueDistribution: "租金归村集体",
    riskControl: "押金",
  },
  proposed: { operator: "乙公司" },
  ownerConsent: { given: true, date: "2022-03-01" },
  events: [decision, { step: "township-review-filing", date: "2022-03-20" }],
};

describe("checkOperationChange", () => {
  it("ASSET-OPS-2: a village-owned asset: democratic decision, then township review and filing", () => {
    const r = checkOperationChange(deepFreeze(base));
    expect(r).toMatchObject({
      valid: true,
      procedure: "asset-operation-change-village",
      ownerConsent: true,
      changes: { operator: true, mode: false },
    });
    expect(r.violations).toEqual([]);
    expect(r.trace.rule).toBe("ASSET-OPS-2");
  });

  it("ASSET-OPS-2: a cross-village asset also needs the district filing", () => {
    const r = checkOperationChange({
      ...base,
      asset: { id: "A-1", ownership: "cross-village" },
      events: [decision, { step: "township-review", date: "2022-03-20" }],
    });
    expect(r.valid).toBe(false);
    expect(r.procedure).toBe("asset-operation-change-joint");
    expect(r.approval.missing).toEqual(["district-filing"]);
    expect(r.violations[0]).toMatchObject({ code: "PROCEDURE_INCOMPLETE", rule: "ASSET-OPS-2" });
    expect(r.violations[0]!.zh).toContain("区扶贫办备案");
    const ok = checkOperationChange({
      ...base,
      asset: { id: "A-1", ownership: "joint-village" },
      events: [
        decision,
        { step: "township-review", date: "2022-03-20" },
        { step: "district-filing", date: "2022-03-25" },
      ],
    });
    expect(ok.valid).toBe(true);
  });

  it("ASSET-OPS-2: steps out of order or a failed vote are violations", () => {
    const early = checkOperationChange({
      ...base,
      events: [
        { ...decision, date: "2022-04-01" },
        { step: "township-review-filing", date: "2022-03-20" },
      ],
    });
    expect(early.valid).toBe(false);
    expect(early.approval.outOfOrder.length).toBe(1);
    const failed = checkOperationChange({
      ...base,
      events: [
        { ...decision, votesFor: 10 },
        { step: "township-review-filing", date: "2022-03-20" },
      ],
    });
    expect(failed.valid).toBe(false);
    expect(failed.violations[0]!.en).toContain("failed vote");
  });

  it("ASSET-OPS-1: changing operator or mode without the owner's consent is invalid", () => {
    const { ownerConsent: _c, ...noConsent } = base;
    const r = checkOperationChange({ ...noConsent, proposed: { mode: "entrustment" } });
    expect(r.valid).toBe(false);
    expect(r.changes).toEqual({ operator: false, mode: true });
    expect(r.violations.map((v) => [v.code, v.rule])).toEqual([["OWNER_CONSENT_MISSING", "ASSET-OPS-1"]]);
    expect(checkOperationChange({ ...base, ownerConsent: { given: false } }).violations[0]?.code).toBe(
      "OWNER_CONSENT_MISSING",
    );
  });

  it("ASSET-OPS-2: quorum rules come from the caller's set when it holds core's procedure parameters", () => {
    const both = parameterSet([...assetsParameters, ...coreParameters]);
    const strict = overlay(both, {
      [VILLAGERS_MEETING_QUORUM]: {
        value: {
          forms: [
            {
              id: "representatives-meeting",
              label: { zh: "村民代表会议", en: "representatives" },
              attendance: { atLeast: "4/5" },
              approval: { moreThan: "1/2", of: "present" },
            },
          ],
        },
      },
    });
    expect(checkOperationChange(base, { parameters: both }).valid).toBe(true);
    const r = checkOperationChange(base, { parameters: strict });
    expect(r.valid).toBe(false);
    expect(r.approval.failedVotes[0]?.step).toBe("democratic-decision");
  });

  it("ASSET-OPS-1: rejects an empty proposal, a contract term out of order and unknown keys", () => {
    expectSannongError(() => checkOperationChange({ ...base, proposed: {} }), "INVALID_INPUT", ["proposed"]);
    expectSannongError(
      () =>
        checkOperationChange({
          ...base,
          contract: { ...base.contract, term: { from: "2024-01-01", to: "2023-01-01" } },
        }),
      "INVALID_INPUT",
      ["contract", "term", "to"],
    );
    expectSannongError(() => checkOperationChange({ ...base, proposed: { mode: "rent" } } as never), "INVALID_INPUT", [
      "proposed",
      "mode",
    ]);
    expectSannongError(
      () => checkOperationChange({ ...base, contract: { ...base.contract, riskControl: "" } }),
      "INVALID_INPUT",
      ["contract", "riskControl"],
    );
    expectUnknownKey(() => checkOperationChange({ ...base, approved: true } as never), "approved");
    expectSannongError(
      () => checkOperationChange({ ...base, events: [{ step: "x", date: "2022-13-01" }] }),
      "INVALID_INPUT",
      ["events", 0, "date"],
    );
  });
});
