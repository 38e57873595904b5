import { describe, expect, it } from "vitest";
import { expectSannongError } from "../../../../test/helpers";
import { overlay, paramAt, renderTrace } from "@sannong/core";
import {
  ASSET_DISPOSAL,
  ASSET_OPERATION_CHANGE_JOINT,
  ASSET_OPERATION_CHANGE_VILLAGE,
  builtInProcedures,
  COLLECTIVE_DECISION,
  FIVE_DELIBERATIONS_TWO_DISCLOSURES,
  REVENUE_PLAN_APPROVAL,
  VOLUNTARY_ENTRUSTMENT,
} from "./builtins";
import { checkProcedure } from "./checkProcedure";
import { coreParameters, coreParameterSet } from "./parameters";
import type { Procedure, ProcedureEvent } from "./procedure";

/** A lawful 村民代表会议: 40 of 60 attend (two-thirds), 25 for. */
const assembly = { form: "representatives-meeting", attendees: 40, eligible: 60, votesFor: 25 } as const;

const FIVE_RECORD: ProcedureEvent[] = [
  { step: "suggestion", date: "2024-01-02", body: "party-members-and-villagers" },
  { step: "proposal", date: "2024-01-03", body: "village-party-branch" },
  { step: "consultation", date: "2024-01-05", body: "village-committees" },
  { step: "review", date: "2024-01-08", body: "party-members-meeting", attendees: 20, eligible: 30, votesFor: 16 },
  { step: "resolution", date: "2024-01-10", body: "villagers-meeting", ...assembly },
  { step: "resolution-disclosure", date: "2024-01-11", body: "village-committee" },
  { step: "result-disclosure", date: "2024-03-01", body: "village-committee" },
];

/** Every built-in, a correct record, and the key step without which it must not complete. */
const CASES: [string, Procedure, ProcedureEvent[], string, string][] = [
  ["五议两公开", FIVE_DELIBERATIONS_TWO_DISCLOSURES, FIVE_RECORD, "resolution", "2024-03-01"],
  [
    "村集体资产经营方式变动",
    ASSET_OPERATION_CHANGE_VILLAGE,
    [
      { step: "democratic-decision", date: "2024-05-06", ...assembly },
      { step: "township-review-filing", date: "2024-05-20", body: "township-government" },
    ],
    "democratic-decision",
    "2024-05-20",
  ],
  [
    "跨村联建资产经营方式变动",
    ASSET_OPERATION_CHANGE_JOINT,
    [
      { step: "democratic-decision", date: "2024-05-06", ...assembly },
      { step: "township-review", date: "2024-05-20", body: "township-government" },
      { step: "district-filing", date: "2024-06-03", body: "district-poverty-office" },
    ],
    "district-filing",
    "2024-06-03",
  ],
  [
    "收益分配方案",
    REVENUE_PLAN_APPROVAL,
    [
      { step: "democratic-decision", date: "2024-02-01", ...assembly },
      { step: "owner-proposal", date: "2024-02-03", body: "property-owner" },
      { step: "public-notice", date: "2024-02-04", body: "property-owner" },
      { step: "supervisor-review", date: "2024-02-10", body: "supervising-authority" },
      { step: "district-approval", date: "2024-02-20", body: "district-poverty-office" },
    ],
    "supervisor-review",
    "2024-02-20",
  ],
  [
    "资产处置",
    ASSET_DISPOSAL,
    [
      { step: "valuation", date: "2024-03-01", body: "qualified-appraiser" },
      { step: "township-approval", date: "2024-03-10", body: "township-government" },
      { step: "district-filing", date: "2024-03-15", body: "district-poverty-office" },
      { step: "valuation-publication", date: "2024-03-12", body: "district-government" },
      { step: "disposal", date: "2024-04-01", body: "property-owner" },
    ],
    "valuation",
    "2024-04-01",
  ],
  [
    "项目资金集体决策",
    COLLECTIVE_DECISION,
    [
      { step: "announcement", date: "2024-01-05", body: "county-migrant-office" },
      { step: "third-party-review", date: "2024-02-01", body: "third-party-reviewer" },
      { step: "collective-decision", date: "2024-02-15", body: "county-migrant-office" },
    ],
    "collective-decision",
    "2024-02-15",
  ],
  [
    "集体资金自愿委托",
    VOLUNTARY_ENTRUSTMENT,
    [
      { step: "democratic-decision", date: "2022-03-01", ...assembly },
      { step: "entrustment", date: "2022-03-20", body: "village-collective" },
    ],
    "democratic-decision",
    "2022-03-20",
  ],
];

describe("built-in procedures", () => {
  it.each(CASES)("CORE-PROC-2: %s completes with a correct record", (_, proc, record, __, completedOn) => {
    const r = checkProcedure(proc, record);
    expect(r.complete).toBe(true);
    expect(r.completedOn).toBe(completedOn);
    expect([r.missing, r.outOfOrder, r.wrongBody, r.failedVotes, r.unknownSteps]).toEqual([[], [], [], [], []]);
    expect(r.trace.children?.[0]?.rule).toBe("CORE-PROC-2");
    expect(r.trace.children?.[0]?.citation).toBe(proc.source?.citation);
  });

  it.each(CASES)("CORE-PROC-2: %s fails without its key step", (_, proc, record, key) => {
    const r = checkProcedure(
      proc,
      record.filter((ev) => ev.step !== key),
    );
    expect(r.complete).toBe(false);
    expect(r.missing).toContain(key);
  });

  it("ASSET-DISP-2: a disposal without a valuation is refused (valuation and its publication missing)", () => {
    const record = CASES[4]![2].filter((ev) => ev.step !== "valuation" && ev.step !== "valuation-publication");
    const r = checkProcedure(ASSET_DISPOSAL, record);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(["valuation", "valuation-publication"]);
    expect(renderTrace(r.trace)).toContain("资产评估");
  });

  it("ASSET-DISP-2: the valuation must be published before the disposal", () => {
    const record = CASES[4]![2].map((ev) => (ev.step === "valuation-publication" ? { ...ev, date: "2024-04-02" } : ev));
    const r = checkProcedure(ASSET_DISPOSAL, record);
    expect(r.outOfOrder).toEqual([
      { step: "disposal", mustFollow: "valuation-publication", date: "2024-04-01", mustFollowDate: "2024-04-02" },
    ]);
  });

  it("ASSET-DISP-2: a valuation by an unqualified body does not count", () => {
    const record = CASES[4]![2].map((ev) => (ev.step === "valuation" ? { ...ev, body: "township-government" } : ev));
    const r = checkProcedure(ASSET_DISPOSAL, record);
    expect(r.wrongBody).toEqual([
      { step: "valuation", expected: "qualified-appraiser", actual: "township-government", date: "2024-03-01" },
    ]);
    expect(r.missing).toContain("valuation");
  });

  it("ASSET-REV-5: the public notice may fall before or after the approval chain, but not before the democratic decision", () => {
    const base = CASES[3]![2];
    const late = base.map((ev) => (ev.step === "public-notice" ? { ...ev, date: "2024-03-01" } : ev));
    expect(checkProcedure(REVENUE_PLAN_APPROVAL, late)).toMatchObject({ complete: true, completedOn: "2024-03-01" });
    const early = base.map((ev) => (ev.step === "public-notice" ? { ...ev, date: "2024-01-20" } : ev));
    expect(checkProcedure(REVENUE_PLAN_APPROVAL, early).outOfOrder).toEqual([
      { step: "public-notice", mustFollow: "democratic-decision", date: "2024-01-20", mustFollowDate: "2024-02-01" },
    ]);
  });

  it("ASSET-OPS-2: a democratic decision without a quorum does not count", () => {
    const record: ProcedureEvent[] = [
      {
        step: "democratic-decision",
        date: "2024-05-06",
        form: "representatives-meeting",
        attendees: 39,
        eligible: 60,
        votesFor: 39,
      },
      { step: "township-review-filing", date: "2024-05-20" },
    ];
    const r = checkProcedure(ASSET_OPERATION_CHANGE_VILLAGE, record);
    expect(r.complete).toBe(false);
    expect(r.failedVotes.map((f) => f.step)).toEqual(["democratic-decision"]);
  });

  it("FUNDS-POOL-1: entrusting money before the democratic procedure is out of order", () => {
    const r = checkProcedure(VOLUNTARY_ENTRUSTMENT, [
      { step: "democratic-decision", date: "2022-03-21", ...assembly },
      { step: "entrustment", date: "2022-03-20" },
    ]);
    expect(r.outOfOrder).toEqual([
      { step: "entrustment", mustFollow: "democratic-decision", date: "2022-03-20", mustFollowDate: "2022-03-21" },
    ]);
  });

  it("INS-MATCH-3: 党员大会 passes only with more than half of all members entitled to attend", () => {
    const withVotes = (votesFor: number): ProcedureEvent[] =>
      FIVE_RECORD.map((ev) => (ev.step === "review" ? { ...ev, votesFor } : ev));
    // 15 of 20 present is a majority of those present but exactly half of the 30 members: not passed.
    const r = checkProcedure(FIVE_DELIBERATIONS_TWO_DISCLOSURES, withVotes(15));
    expect(r.complete).toBe(false);
    expect(r.failedVotes[0]?.reason.en).toContain("15 for out of 30 those entitled to attend");
    expect(checkProcedure(FIVE_DELIBERATIONS_TWO_DISCLOSURES, withVotes(16)).complete).toBe(true);
    // exactly half of the members attending is enough to meet (半数以上).
    const halfPresent = FIVE_RECORD.map((ev) => (ev.step === "review" ? { ...ev, attendees: 15, votesFor: 15 } : ev));
    expect(checkProcedure(FIVE_DELIBERATIONS_TWO_DISCLOSURES, halfPresent).failedVotes[0]?.reason.en).toContain(
      "not passed",
    );
  });

  it("INS-MATCH-3: the list may be used once the resolution is disclosed (through resolution-disclosure)", () => {
    const beforeResult = FIVE_RECORD.filter((ev) => ev.step !== "result-disclosure");
    expect(checkProcedure(FIVE_DELIBERATIONS_TWO_DISCLOSURES, beforeResult).missing).toEqual(["result-disclosure"]);
    expect(
      checkProcedure(FIVE_DELIBERATIONS_TWO_DISCLOSURES, beforeResult, { through: "resolution-disclosure" }),
    ).toMatchObject({ complete: true, completedOn: "2024-01-11" });
  });

  it("CORE-PROC-2: 五议两公开 needs the 建议 step by default; a locality can overlay 四议两公开", () => {
    const noSuggestion = FIVE_RECORD.filter((ev) => ev.step !== "suggestion");
    expect(checkProcedure(FIVE_DELIBERATIONS_TWO_DISCLOSURES, noSuggestion).missing).toEqual(["suggestion"]);
    const fourSteps = {
      ...FIVE_DELIBERATIONS_TWO_DISCLOSURES,
      id: "four-deliberations",
      steps: FIVE_DELIBERATIONS_TWO_DISCLOSURES.steps.slice(1),
    };
    const local = overlay(coreParameterSet, {
      "core.procedure.fiveDeliberations": { value: fourSteps, from: "2023-01-01" },
    });
    const inForce = paramAt<Procedure>(local, "core.procedure.fiveDeliberations", "2024-01-01");
    expect(inForce.overridden).toBe(true);
    expect(checkProcedure(inForce.value, noSuggestion, { parameters: local }).complete).toBe(true);
    // before the overlay's date the default (with 建议) is still in force
    expect(paramAt<Procedure>(local, "core.procedure.fiveDeliberations", "2022-12-31").value.steps[0]?.id).toBe(
      "suggestion",
    );
  });

  it("CORE-PROC-2: an overlay with a malformed procedure is rejected", () => {
    const bad = {
      ...FIVE_DELIBERATIONS_TWO_DISCLOSURES,
      steps: [...FIVE_DELIBERATIONS_TWO_DISCLOSURES.steps, FIVE_DELIBERATIONS_TWO_DISCLOSURES.steps[0]],
    };
    expectSannongError(
      () => overlay(coreParameterSet, { "core.procedure.fiveDeliberations": { value: bad } }),
      "INVALID_INPUT",
    );
    expectSannongError(
      () =>
        overlay(coreParameterSet, {
          "core.procedure.quorum.villagersMeeting": {
            value: { forms: [{ id: "x", label: { zh: "x", en: "x" }, attendance: { moreThan: "3/2" } }] },
          },
        }),
      "INVALID_INPUT",
    );
  });

  it("CORE-PROC-2: built-ins are frozen, keyed by id and cite their seed passage", () => {
    expect(Object.keys(builtInProcedures)).toEqual([
      "five-deliberations-two-disclosures",
      "asset-operation-change-village",
      "asset-operation-change-joint",
      "revenue-plan-approval",
      "asset-disposal",
      "collective-decision",
      "voluntary-entrustment",
    ]);
    for (const [id, p] of Object.entries(builtInProcedures)) {
      expect(p.id).toBe(id);
      expect(Object.isFrozen(p)).toBe(true);
      expect(Object.isFrozen(p.steps)).toBe(true);
      expect(Object.isFrozen(p.steps[0])).toBe(true);
      expect(p.source?.rules).toContain("CORE-PROC-2");
      expect(p.source?.citation).toMatch(/^00[0-4] §/);
      expect(p.source?.verified).toBe(false);
    }
    expect(() => {
      (ASSET_DISPOSAL.steps as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it("CORE-PROC-2: the procedure parameters are unverified, cited and the 五议两公开 default is the built-in", () => {
    expect(coreParameters.map((p) => p.id)).toEqual([
      "core.procedure.fiveDeliberations",
      "core.procedure.quorum.partyMembersMeeting",
      "core.procedure.quorum.villagersMeeting",
    ]);
    for (const p of coreParameters) for (const v of p.values) expect(v.source.verified).toBe(false);
    expect(paramAt(coreParameterSet, "core.procedure.fiveDeliberations", "2024-01-01").value).toBe(
      FIVE_DELIBERATIONS_TWO_DISCLOSURES,
    );
    expect(
      paramAt<{ forms: unknown[] }>(coreParameterSet, "core.procedure.quorum.villagersMeeting", "2024-01-01").value
        .forms,
    ).toHaveLength(3);
    expect(FIVE_DELIBERATIONS_TWO_DISCLOSURES.steps.map((s) => s.id)).toEqual([
      "suggestion",
      "proposal",
      "consultation",
      "review",
      "resolution",
      "resolution-disclosure",
      "result-disclosure",
    ]);
  });
});

describe("TSDoc examples", () => {
  it("CORE-PROC-1/2: the examples in the documentation give the output shown", () => {
    const r = checkProcedure(ASSET_DISPOSAL, [
      { step: "township-approval", date: "2024-03-01", body: "township-government" },
      { step: "district-filing", date: "2024-03-05" },
      { step: "disposal", date: "2024-04-01" },
    ]);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(["valuation", "valuation-publication"]);
    expect(ASSET_OPERATION_CHANGE_VILLAGE.steps.map((s) => s.body)).toEqual([
      "villagers-meeting",
      "township-government",
    ]);
    expect(ASSET_OPERATION_CHANGE_JOINT.steps.map((s) => s.id)).toEqual([
      "democratic-decision",
      "township-review",
      "district-filing",
    ]);
    expect(REVENUE_PLAN_APPROVAL.steps.find((s) => s.id === "public-notice")?.after).toEqual(["democratic-decision"]);
    expect(ASSET_DISPOSAL.steps.find((s) => s.id === "disposal")?.after).toEqual([
      "district-filing",
      "valuation-publication",
    ]);
    expect(COLLECTIVE_DECISION.steps.map((s) => s.id)).toEqual([
      "announcement",
      "third-party-review",
      "collective-decision",
    ]);
    expect(VOLUNTARY_ENTRUSTMENT.steps.map((s) => s.id)).toEqual(["democratic-decision", "entrustment"]);
  });
});
