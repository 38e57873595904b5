import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { overlay, renderTrace, type ValidationError } from "@sannong/core";
import { checkProcedure, type CheckProcedureResult } from "./checkProcedure";
import { coreParameterSet } from "./parameters";
import { defineProcedure, predecessorsOf, type Procedure, type ProcedureEvent } from "./procedure";

const L = (zh: string, en = zh): { zh: string; en: string } => ({ zh, en });

/** A plain chain: decide → review → file. */
const CHAIN = defineProcedure({
  id: "chain",
  label: L("链", "chain"),
  steps: [
    { id: "decide", label: L("决策"), body: "villagers-meeting" },
    { id: "review", label: L("审核"), body: "township-government" },
    { id: "file", label: L("备案"), body: "district-poverty-office" },
  ],
});

/** start, then x and y in parallel, then end. */
const PARALLEL = defineProcedure({
  id: "parallel",
  label: L("并行", "parallel"),
  steps: [
    { id: "start", label: L("开始"), body: "a" },
    { id: "x", label: L("甲"), body: "b", after: ["start"] },
    { id: "y", label: L("乙"), body: "c", after: ["start"] },
    { id: "end", label: L("结束"), body: "d", after: ["x", "y"] },
  ],
});

/** first → (optional) extra → last. */
const OPTIONAL = defineProcedure({
  id: "optional",
  label: L("可选", "optional"),
  steps: [
    { id: "first", label: L("一"), body: "a" },
    { id: "extra", label: L("二"), body: "b", optional: true },
    { id: "last", label: L("三"), body: "c" },
  ],
});

/** propose → vote (村民代表会议: ≥ 2/3 attend, > 1/2 of those present for). */
const VOTE = defineProcedure({
  id: "vote",
  label: L("表决", "vote"),
  steps: [
    { id: "propose", label: L("提议"), body: "village-party-branch" },
    {
      id: "vote",
      label: L("决议"),
      body: "villagers-meeting",
      quorum: {
        forms: [
          {
            id: "representatives-meeting",
            label: L("村民代表会议"),
            attendance: { atLeast: "2/3" },
            approval: { moreThan: "1/2", of: "present" },
          },
        ],
      },
    },
  ],
});

const e = (step: string, date: string, extra: Partial<ProcedureEvent> = {}): ProcedureEvent => ({
  step,
  date,
  ...extra,
});

describe("checkProcedure", () => {
  it("CORE-PROC-1: a complete record completes the chain on the date of its last step", () => {
    const r = checkProcedure(CHAIN, [
      e("decide", "2024-01-10", { body: "villagers-meeting" }),
      e("review", "2024-01-20"),
      e("file", "2024-02-01"),
    ]);
    expect(r.complete).toBe(true);
    expect(r.completedOn).toBe("2024-02-01");
    expect(r.missing).toEqual([]);
    expect(r.outOfOrder).toEqual([]);
    expect(r.steps).toEqual([
      { step: "decide", status: "done", date: "2024-01-10" },
      { step: "review", status: "done", date: "2024-01-20" },
      { step: "file", status: "done", date: "2024-02-01" },
    ]);
    expect(r.trace.rule).toBe("CORE-PROC-1");
    expect(renderTrace(r.trace, { lang: "en" })).toContain("done");
  });

  it("CORE-PROC-1: a missing step is reported and the record is not complete", () => {
    const r = checkProcedure(CHAIN, [e("decide", "2024-01-10"), e("file", "2024-02-01")]);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(["review"]);
    expect(r.completedOn).toBeUndefined();
    expect("completedOn" in r).toBe(false);
    // file comes after the missing review, so it is measured against decide.
    expect(r.outOfOrder).toEqual([]);
  });

  it("CORE-PROC-1: an empty record misses every required step", () => {
    const r = checkProcedure(CHAIN, []);
    expect(r.missing).toEqual(["decide", "review", "file"]);
    expect(r.complete).toBe(false);
  });

  it("CORE-PROC-1: a step done before the step it must follow is out of order", () => {
    const r = checkProcedure(CHAIN, [e("decide", "2024-01-10"), e("review", "2024-01-05"), e("file", "2024-02-01")]);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual([]);
    expect(r.outOfOrder).toEqual([
      { step: "review", mustFollow: "decide", date: "2024-01-05", mustFollowDate: "2024-01-10" },
    ]);
    expect(r.steps[1]).toEqual({ step: "review", status: "out-of-order", date: "2024-01-05" });
  });

  it("CORE-PROC-1: a repeated step done in order after an early attempt completes the chain", () => {
    const r = checkProcedure(CHAIN, [
      e("decide", "2024-01-10"),
      e("review", "2024-01-05"),
      e("review", "2024-01-15"),
      e("file", "2024-02-01"),
    ]);
    expect(r.complete).toBe(true);
    expect(r.steps[1]).toEqual({ step: "review", status: "done", date: "2024-01-15" });
  });

  it("CORE-PROC-1: a step on the same day as its predecessor is in order (dates have no time)", () => {
    const r = checkProcedure(CHAIN, [e("decide", "2024-01-10"), e("review", "2024-01-10"), e("file", "2024-01-10")]);
    expect(r.complete).toBe(true);
  });

  it("CORE-PROC-1: a step performed by the wrong body is reported and does not count", () => {
    const r = checkProcedure(CHAIN, [
      e("decide", "2024-01-10"),
      e("review", "2024-01-20", { body: "village-committee" }),
      e("file", "2024-02-01"),
    ]);
    expect(r.complete).toBe(false);
    expect(r.wrongBody).toEqual([
      { step: "review", expected: "township-government", actual: "village-committee", date: "2024-01-20" },
    ]);
    expect(r.missing).toEqual(["review"]);
  });

  it("CORE-PROC-1: a wrong-body record superseded by a valid one is still listed, the record complete", () => {
    const r = checkProcedure(CHAIN, [
      e("decide", "2024-01-10"),
      e("review", "2024-01-20", { body: "village-committee" }),
      e("review", "2024-01-21", { body: "township-government" }),
      e("file", "2024-02-01"),
    ]);
    expect(r.complete).toBe(true);
    expect(r.wrongBody).toHaveLength(1);
  });

  it.each([
    ["x before y", "2024-01-05", "2024-01-09"],
    ["y before x", "2024-01-09", "2024-01-05"],
    ["same day", "2024-01-07", "2024-01-07"],
  ])("CORE-PROC-1: parallel steps may happen in either order (%s)", (_, dx, dy) => {
    const r = checkProcedure(PARALLEL, [e("start", "2024-01-01"), e("x", dx), e("y", dy), e("end", "2024-01-10")]);
    expect(r.complete).toBe(true);
    expect(r.completedOn).toBe("2024-01-10");
  });

  it("CORE-PROC-1: a join step must follow every parallel branch", () => {
    const r = checkProcedure(PARALLEL, [
      e("start", "2024-01-01"),
      e("x", "2024-01-05"),
      e("y", "2024-01-12"),
      e("end", "2024-01-10"),
    ]);
    expect(r.outOfOrder).toEqual([{ step: "end", mustFollow: "y", date: "2024-01-10", mustFollowDate: "2024-01-12" }]);
    expect(r.complete).toBe(false);
  });

  it("CORE-PROC-1: an optional step may be skipped; the next step then follows the one before it", () => {
    const ok = checkProcedure(OPTIONAL, [e("first", "2024-01-01"), e("last", "2024-01-03")]);
    expect(ok.complete).toBe(true);
    expect(ok.steps[1]).toEqual({ step: "extra", status: "skipped" });
    const bad = checkProcedure(OPTIONAL, [e("first", "2024-01-05"), e("last", "2024-01-03")]);
    expect(bad.outOfOrder).toEqual([
      { step: "last", mustFollow: "first", date: "2024-01-03", mustFollowDate: "2024-01-05" },
    ]);
  });

  it("CORE-PROC-1: an optional step that is performed must be in order", () => {
    const r = checkProcedure(OPTIONAL, [e("first", "2024-01-01"), e("extra", "2024-01-09"), e("last", "2024-01-03")]);
    expect(r.complete).toBe(false);
    expect(r.outOfOrder).toEqual([
      { step: "last", mustFollow: "extra", date: "2024-01-03", mustFollowDate: "2024-01-09" },
    ]);
  });

  it("CORE-PROC-1: a meeting below quorum fails its vote and the step is missing", () => {
    const r = checkProcedure(VOTE, [
      e("propose", "2024-01-01"),
      e("vote", "2024-01-05", { attendees: 39, eligible: 60, votesFor: 39 }),
    ]);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(["vote"]);
    expect(r.failedVotes).toHaveLength(1);
    expect(r.failedVotes[0]?.step).toBe("vote");
    expect(r.failedVotes[0]?.reason.en).toContain("39 of 60 attended");
    expect(r.failedVotes[0]?.reason.zh).toContain("未达到法定人数");
  });

  it.each([
    // [attendees, eligible, votesFor, passes]
    [40, 60, 21, true], // exactly two-thirds attend (以上 includes), 21 > 20
    [40, 60, 20, false], // exactly half of those present is not 过半数
    [39, 60, 39, false], // below two-thirds
    [60, 60, 31, true],
  ])("CORE-PROC-1: quorum boundary attendees=%i eligible=%i votesFor=%i → %s", (attendees, eligible, votesFor, ok) => {
    const r = checkProcedure(VOTE, [
      e("propose", "2024-01-01"),
      e("vote", "2024-01-05", { attendees, eligible, votesFor }),
    ]);
    expect(r.complete).toBe(ok);
    expect(r.failedVotes).toHaveLength(ok ? 0 : 1);
  });

  it("CORE-PROC-1: a meeting record without counts fails its vote with the reason", () => {
    const r = checkProcedure(VOTE, [e("propose", "2024-01-01"), e("vote", "2024-01-05")]);
    expect(r.failedVotes[0]?.reason.en).toContain("lacks attendees or eligible");
    const r2 = checkProcedure(VOTE, [
      e("propose", "2024-01-01"),
      e("vote", "2024-01-05", { attendees: 50, eligible: 60 }),
    ]);
    expect(r2.failedVotes[0]?.reason.en).toContain("lacks votesFor");
  });

  it("CORE-PROC-2: the quorum parameter gives several forms; the record names its form", () => {
    const p = defineProcedure({
      id: "village",
      label: L("村民会议"),
      steps: [
        {
          id: "meet",
          label: L("决议"),
          body: "villagers-meeting",
          quorum: { parameter: "core.procedure.quorum.villagersMeeting" },
        },
      ],
    });
    // 村民会议 by villagers 18+: more than half must attend — exactly half is not enough.
    const half = checkProcedure(p, [
      e("meet", "2024-01-05", { form: "villagers-meeting-adults", attendees: 500, eligible: 1000, votesFor: 400 }),
    ]);
    expect(half.complete).toBe(false);
    const more = checkProcedure(p, [
      e("meet", "2024-01-05", { form: "villagers-meeting-adults", attendees: 501, eligible: 1000, votesFor: 251 }),
    ]);
    expect(more.complete).toBe(true);
    // by households: two-thirds of households is enough.
    const households = checkProcedure(p, [
      e("meet", "2024-01-05", { form: "villagers-meeting-households", attendees: 200, eligible: 300, votesFor: 101 }),
    ]);
    expect(households.complete).toBe(true);
    expect(households.trace.children?.[0]?.parameters?.[0]).toMatchObject({
      id: "core.procedure.quorum.villagersMeeting",
      from: "2010-10-28",
      verified: false,
      overridden: false,
    });
    const noForm = checkProcedure(p, [e("meet", "2024-01-05", { attendees: 200, eligible: 300, votesFor: 101 })]);
    expect(noForm.failedVotes[0]?.reason.en).toContain("does not say which form");
    const badForm = checkProcedure(p, [
      e("meet", "2024-01-05", { form: "town-hall", attendees: 200, eligible: 300, votesFor: 101 }),
    ]);
    expect(badForm.failedVotes[0]?.reason.en).toContain('unknown meeting form "town-hall"');
    const early = checkProcedure(p, [
      e("meet", "2009-01-05", { form: "representatives-meeting", attendees: 200, eligible: 300, votesFor: 101 }),
    ]);
    expect(early.complete).toBe(false);
    expect(early.failedVotes[0]?.reason.en).toContain("no quorum rule in force on 2009-01-05");
  });

  it("CORE-PROC-2: a caller overlay of a quorum parameter is applied and marked overridden", () => {
    const p = defineProcedure({
      id: "village",
      label: L("村民会议"),
      steps: [
        {
          id: "meet",
          label: L("决议"),
          body: "villagers-meeting",
          quorum: { parameter: "core.procedure.quorum.villagersMeeting" },
        },
      ],
    });
    const strict = overlay(coreParameterSet, {
      "core.procedure.quorum.villagersMeeting": {
        value: {
          forms: [
            {
              id: "representatives-meeting",
              label: L("村民代表会议"),
              attendance: { atLeast: "4/5" },
              approval: { atLeast: "2/3", of: "present" },
            },
          ],
        },
      },
    });
    const rec = [e("meet", "2024-01-05", { attendees: 200, eligible: 300, votesFor: 101 })];
    expect(checkProcedure(p, rec).failedVotes[0]?.reason.en).toContain("does not say which form");
    const r = checkProcedure(p, rec, { parameters: strict });
    expect(r.complete).toBe(false);
    expect(r.failedVotes[0]?.reason.en).toContain("below the quorum (at least 4/5)");
    expect(r.trace.children?.[0]?.parameters?.[0]?.overridden).toBe(true);
    expect(
      checkProcedure(p, [e("meet", "2024-01-05", { attendees: 240, eligible: 300, votesFor: 160 })], {
        parameters: strict,
      }).complete,
    ).toBe(true);
  });

  it("CORE-PROC-1: `through` checks a step and everything before it only", () => {
    const r = checkProcedure(PARALLEL, [e("start", "2024-01-01"), e("x", "2024-01-02")], { through: "x" });
    expect(r.complete).toBe(true);
    expect(r.steps.map((s) => s.step)).toEqual(["start", "x"]);
    expect(checkProcedure(PARALLEL, [e("start", "2024-01-01"), e("x", "2024-01-02")]).missing).toEqual(["y", "end"]);
  });

  it("CORE-PROC-1: unknown step ids in the events are reported, sorted, and complete nothing", () => {
    const r = checkProcedure(CHAIN, [
      e("decide", "2024-01-10"),
      e("reveiw", "2024-01-20"),
      e("approve", "2024-01-21"),
      e("reveiw", "2024-01-22"),
      e("file", "2024-02-01"),
    ]);
    expect(r.unknownSteps).toEqual(["approve", "reveiw"]);
    expect(r.missing).toEqual(["review"]);
    expect(r.complete).toBe(false);
  });

  it("CORE-PROC-1: does not mutate its inputs and returns plain JSON", () => {
    const events = deepFreeze([e("decide", "2024-01-10"), e("review", "2024-01-20"), e("file", "2024-02-01")]);
    const proc = deepFreeze(JSON.parse(JSON.stringify(CHAIN)) as Procedure);
    const r = checkProcedure(proc, events);
    expect(asJson(r)).toEqual(JSON.parse(JSON.stringify(r)));
    expect(r.complete).toBe(true);
  });
});

describe("checkProcedure bad input", () => {
  it("CORE-PROC-1: unknown keys in an event are rejected with their path", () => {
    const err = expectSannongError(
      () => checkProcedure(CHAIN, [{ step: "decide", date: "2024-01-10", bdy: "x" } as unknown as ProcedureEvent]),
      "INVALID_INPUT",
    ) as ValidationError;
    expect(err.issues[0]?.path).toEqual(["events", 0]);
    expect(err.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("CORE-PROC-1: a `__proto__` key in an event is rejected", () => {
    const ev = JSON.parse('{"step":"decide","date":"2024-01-10","__proto__":{"body":"x"}}') as ProcedureEvent;
    expectSannongError(() => checkProcedure(CHAIN, [ev]), "INVALID_INPUT");
  });

  it.each(["2023-02-30", "2024-13-01", "2024-1-5", "", "tomorrow"])(
    "CORE-PROC-1: an invalid date %j is rejected",
    (date) => {
      const err = expectSannongError(() => checkProcedure(CHAIN, [e("decide", date)]), "INVALID_INPUT", [
        "events",
        0,
        "date",
      ]) as ValidationError;
      expect(err.issues[0]?.code).toBe("invalid_date");
      expect(err.zh).toContain("无效日期");
    },
  );

  it.each([
    [{ attendees: 61, eligible: 60 }, ["events", 0, "attendees"]],
    [{ attendees: 40, eligible: 60, votesFor: 41 }, ["events", 0, "votesFor"]],
    [{ attendees: -1 }, ["events", 0, "attendees"]],
    [{ attendees: Number.NaN }, ["events", 0, "attendees"]],
    [{ eligible: 0 }, ["events", 0, "eligible"]],
    [{ votesFor: 1.5 }, ["events", 0, "votesFor"]],
    [{ attendees: Number.POSITIVE_INFINITY }, ["events", 0, "attendees"]],
  ])("CORE-PROC-1: impossible meeting counts %j are rejected", (extra, path) => {
    expectSannongError(
      () => checkProcedure(VOTE, [e("vote", "2024-01-05", extra as Partial<ProcedureEvent>)]),
      "INVALID_INPUT",
      path,
    );
  });

  it("CORE-PROC-1: non-array events, a missing procedure and unknown option keys are rejected", () => {
    expectSannongError(() => checkProcedure(CHAIN, "decide" as unknown as ProcedureEvent[]), "INVALID_INPUT", [
      "events",
    ]);
    expectSannongError(() => checkProcedure(undefined as unknown as Procedure, []), "INVALID_INPUT", ["procedure"]);
    expectSannongError(() => checkProcedure(CHAIN, [], { strict: true } as never), "INVALID_INPUT", ["options"]);
    expectSannongError(() => checkProcedure(CHAIN, [], { parameters: {} as never }), "INVALID_INPUT", [
      "options",
      "parameters",
    ]);
  });

  it("CORE-PROC-1: `through` naming an unknown step is rejected", () => {
    expectSannongError(() => checkProcedure(CHAIN, [], { through: "approve" }), "INVALID_INPUT", [
      "options",
      "through",
    ]);
  });

  it("CORE-PROC-1: a quorum parameter missing from the set is a policy error", () => {
    const p = {
      id: "p",
      label: L("p"),
      steps: [{ id: "m", label: L("m"), body: "b", quorum: { parameter: "no.such.parameter" } }],
    };
    expectSannongError(() => checkProcedure(p, []), "UNKNOWN_PARAMETER");
  });

  it("CORE-PROC-1: a procedure with duplicate step ids is rejected at the check too", () => {
    const p = {
      id: "p",
      label: L("p"),
      steps: [
        { id: "a", label: L("a"), body: "b" },
        { id: "a", label: L("a"), body: "b" },
      ],
    };
    expectSannongError(() => checkProcedure(p, []), "INVALID_INPUT", ["procedure", "steps", 1, "id"]);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/** A reference: is there any choice of one valid date per performed step that satisfies every order constraint? */
function referenceComplete(proc: Procedure, events: readonly ProcedureEvent[]): boolean {
  const steps = proc.steps;
  const preds = predecessorsOf(steps);
  const valid = steps.map((s) => [
    ...new Set(events.filter((x) => x.step === s.id && (x.body === undefined || x.body === s.body)).map((x) => x.date)),
  ]);
  if (steps.some((s, i) => !s.optional && valid[i]!.length === 0)) return false;
  const performed = valid.map((v) => v.length > 0);
  // Effective constraints: predecessor, or through non-performed ones to theirs.
  const eff = (i: number): number[] => preds[i]!.flatMap((p) => (performed[p] ? [p] : eff(p)));
  const idx = steps.map((_, i) => i).filter((i) => performed[i]);
  const choice = new Map<number, string>();
  const search = (k: number): boolean => {
    if (k === idx.length)
      return steps.every((_, i) => !performed[i] || eff(i).every((p) => choice.get(p)! <= choice.get(i)!));
    const i = idx[k]!;
    for (const d of valid[i]!) {
      choice.set(i, d);
      if (search(k + 1)) return true;
    }
    return false;
  };
  return search(0);
}

const PROCS = [CHAIN, PARALLEL, OPTIONAL];
const dateArb = fc.integer({ min: 1, max: 9 }).map((d) => `2024-03-0${d}`);
const recordArb = fc.integer({ min: 0, max: PROCS.length - 1 }).chain((pi) => {
  const proc = PROCS[pi]!;
  const stepArb = fc.constantFrom(...proc.steps.map((s) => s.id), "unrelated");
  const bodyArb = fc.option(fc.constantFrom(...proc.steps.map((s) => s.body)), { nil: undefined });
  const evArb = fc
    .record({ step: stepArb, date: dateArb, body: bodyArb })
    .map(({ step, date, body }) => (body === undefined ? { step, date } : { step, date, body }));
  // Half the records hold one event for every step (so complete and nearly complete records are common).
  const fullArb = fc
    .tuple(...proc.steps.map((s) => dateArb.map((date) => ({ step: s.id, date }))))
    .map((evs) => evs as { step: string; date: string; body?: string }[]);
  const baseArb = fc.oneof(fc.constant([] as { step: string; date: string; body?: string }[]), fullArb);
  return fc.tuple(
    fc.constant(proc),
    fc.tuple(baseArb, fc.array(evArb, { maxLength: 6 })).map(([a, b]) => [...a, ...b]),
  );
});

describe("checkProcedure properties", () => {
  it("CORE-PROC-1: shuffling the events never changes the answer (determinism)", () => {
    fc.assert(
      fc.property(
        recordArb.chain(([p, evs]) =>
          fc.tuple(
            fc.constant(p),
            fc.constant(evs),
            fc.shuffledSubarray(evs, { minLength: evs.length, maxLength: evs.length }),
          ),
        ),
        ([proc, evs, shuffled]) => {
          expect(asJson(checkProcedure(proc, shuffled))).toEqual(asJson(checkProcedure(proc, evs)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("CORE-PROC-1: adding an unrelated event never completes an incomplete record", () => {
    fc.assert(
      fc.property(recordArb, dateArb, fc.constantFrom("unrelated", "other-step", "决议"), ([proc, evs], date, step) => {
        const before = checkProcedure(proc, evs);
        fc.pre(!before.complete);
        const after = checkProcedure(proc, [...evs, { step, date }]);
        expect(after.complete).toBe(false);
        expect(after.missing).toEqual(before.missing);
        expect(after.outOfOrder).toEqual(before.outOfOrder);
        expect(after.unknownSteps).toContain(step);
      }),
      { numRuns: 300 },
    );
  });

  it("CORE-PROC-1: `complete` agrees with a brute-force reference, and completedOn is the last step's date", () => {
    fc.assert(
      fc.property(recordArb, ([proc, evs]) => {
        const r: CheckProcedureResult = checkProcedure(proc, evs);
        expect(r.complete).toBe(referenceComplete(proc, evs));
        if (r.complete) {
          const dates = r.steps.flatMap((s) => (s.date ? [s.date] : []));
          expect(r.completedOn).toBe([...dates].sort().at(-1));
          for (const s of r.steps) expect(["done", "skipped"]).toContain(s.status);
        } else {
          expect(r.missing.length + r.outOfOrder.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
