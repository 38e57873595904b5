import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { coreParameters, FIVE_DELIBERATIONS_TWO_DISCLOSURES, overlay, parameterSet, renderTrace } from "@sannong/core";
import { reassignSurplus, type ReassignSurplusInput } from "./reassignSurplus";
import { insuranceParameters, insuranceParameterSet } from "../parameters";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";

/** A complete 五议两公开 record. */
const record = deepFreeze([
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
]);

type Candidate = ReassignSurplusInput["candidates"][number];
const cand = (id: string, extra: Partial<Candidate> = {}): Candidate => ({
  id,
  birthDate: "1970-01-01",
  collective: "same",
  landExpropriated: true,
  alreadyInsured: false,
  ...extra,
});

describe("reassignSurplus", () => {
  it("INS-MATCH-3: the worked example — the meeting's rank decides, the rest wait", () => {
    const r = reassignSurplus({
      asOf: "2024-09-01",
      surplus: { givenUp: 1, adjustable: 0 },
      candidates: [cand("p1", { rank: 2 }), cand("p2", { birthDate: "1975-01-01", rank: 1 })],
      procedure: [...record],
    });
    expect(r.assigned).toEqual([{ id: "p2", tier: 1, position: 1 }]);
    expect(r.waiting).toEqual([{ id: "p1", tier: 1, position: 2 }]);
    expect(r.procedureCompletedOn).toBe("2024-07-25");
    expect(renderTrace(r.trace, { lang: "en" })).toContain("INS-MATCH-3");
  });

  it("INS-MATCH-3: given-up and adjustable places together go first to the same collective's expropriated, uninsured members; the ineligible are excluded with reasons", () => {
    const r = reassignSurplus(
      deepFreeze({
        asOf: "2024-09-01",
        surplus: { givenUp: 2, adjustable: 1 },
        candidates: [
          cand("kid", { birthDate: "2010-01-01" }),
          cand("ins", { alreadyInsured: true }),
          cand("outsider", { collective: "other" }),
          cand("none", { collective: "none", landExpropriated: false }),
          cand("a", { landLost: 1 }),
          cand("b", { landLost: 3 }),
          cand("c", { landLost: 3, birthDate: "1960-05-05" }),
          cand("d", { landLost: { value: 2000, unit: "sqm" } }),
        ],
        procedure: [...record],
      }),
    );
    expect(r.places).toBe(3);
    // no ranks: more land lost first — b, c and d all lost 3 亩 (2000 m² = 3 亩) — then older first (c), then id (b, d); a lost 1 亩
    expect(r.assigned.map((x) => x.id)).toEqual(["c", "b", "d"]);
    expect(r.waiting.map((x) => x.id)).toEqual(["a"]);
    expect(r.excluded.map((x) => [x.id, x.reasons])).toEqual([
      ["kid", ["UNDER_MIN_AGE"]],
      ["ins", ["ALREADY_INSURED"]],
      ["outsider", ["NOT_SAME_COLLECTIVE"]],
      ["none", ["NOT_COLLECTIVE_MEMBER", "NO_LAND_EXPROPRIATED"]],
    ]);
    expect(r.remaining).toBe(0);
  });

  it("INS-MATCH-3: other collectives come after the village's own, only when the parameter allows", () => {
    const params = overlay(insuranceParameterSet, { "insurance.match.surplusToOtherCollectives": { value: true } });
    const r = reassignSurplus(
      {
        asOf: "2024-09-01",
        surplus: { givenUp: 3, adjustable: 0 },
        candidates: [cand("x", { collective: "other", rank: 1 }), cand("y", { rank: 5 })],
        procedure: [...record],
      },
      { parameters: params },
    );
    expect(r.assigned).toEqual([
      { id: "y", tier: 1, position: 1 },
      { id: "x", tier: 2, position: 2 },
    ]);
    expect(r.remaining).toBe(1);
  });

  it("INS-MATCH-3: the order is declared; ties end in id order", () => {
    const cs = [
      cand("b", { birthDate: "1980-01-01", landLost: 1 }),
      cand("a", { birthDate: "1960-01-01", landLost: 2 }),
      cand("c", { birthDate: "1960-01-01", landLost: 2 }),
    ];
    const base = { asOf: "2024-09-01", surplus: { givenUp: 3, adjustable: 0 }, candidates: cs, procedure: [...record] };
    expect(reassignSurplus({ ...base, order: ["age"] }).assigned.map((x) => x.id)).toEqual(["a", "c", "b"]);
    expect(reassignSurplus({ ...base, order: [] }).assigned.map((x) => x.id)).toEqual(["a", "b", "c"]);
    expect(reassignSurplus({ ...base, order: ["landLost"] }).assigned.map((x) => x.id)).toEqual(["a", "c", "b"]);
  });

  it("INS-MATCH-3: without a complete 五议两公开 record the list is not valid", () => {
    const base = { asOf: "2024-09-01", surplus: { givenUp: 1, adjustable: 0 }, candidates: [cand("a")] };
    const e = expectSannongError(
      () => reassignSurplus({ ...base, procedure: record.filter((x) => x.step !== "review") }),
      "PROCEDURE_INCOMPLETE",
      ["procedure"],
    );
    expect(e.en).toContain("review");
    // a failed vote
    expectSannongError(
      () =>
        reassignSurplus({
          ...base,
          procedure: record.map((x) => (x.step === "resolution" ? { ...x, votesFor: 10 } : x)),
        }),
      "PROCEDURE_INCOMPLETE",
    );
    // out of order: the resolution before the review
    expectSannongError(
      () =>
        reassignSurplus({
          ...base,
          procedure: record.map((x) => (x.step === "resolution" ? { ...x, date: "2024-07-09" } : x)),
        }),
      "PROCEDURE_INCOMPLETE",
    );
    // completed after the reassignment date
    expectSannongError(
      () => reassignSurplus({ ...base, asOf: "2024-07-20", procedure: [...record] }),
      "PROCEDURE_AFTER_AS_OF",
      ["procedure"],
    );
  });

  it("INS-MATCH-3: a locality may act on the disclosed resolution (parameter), and overlay the procedure through core's parameters", () => {
    const base = {
      asOf: "2024-07-20",
      surplus: { givenUp: 1, adjustable: 0 },
      candidates: [cand("a")],
      procedure: record.filter((x) => x.step !== "result-disclosure"),
    };
    const through = overlay(insuranceParameterSet, {
      "insurance.match.procedureThrough": { value: "resolution-disclosure" },
    });
    expect(reassignSurplus(base, { parameters: through }).procedureCompletedOn).toBe("2024-07-16");
    // 四议两公开: drop the suggestion step via core's parameter in a merged set
    const fourSteps = {
      ...FIVE_DELIBERATIONS_TWO_DISCLOSURES,
      id: "four-deliberations",
      steps: FIVE_DELIBERATIONS_TWO_DISCLOSURES.steps
        .filter((s) => s.id !== "suggestion")
        .map((s) => (s.after?.includes("suggestion") ? { ...s, after: s.after.filter((a) => a !== "suggestion") } : s)),
    };
    const merged = overlay(parameterSet([...insuranceParameters, ...coreParameters]), {
      "core.procedure.fiveDeliberations": { value: fourSteps },
    });
    const r = reassignSurplus(
      { ...base, asOf: "2024-09-01", procedure: record.filter((x) => x.step !== "suggestion") },
      { parameters: merged },
    );
    expect(r.assigned.map((x) => x.id)).toEqual(["a"]);
  });

  it("INS-MATCH-3: property — no more places than surplus; every eligible candidate is assigned or waiting; tier 1 before tier 2; permutation-invariant", () => {
    const params = overlay(insuranceParameterSet, { "insurance.match.surplusToOtherCollectives": { value: true } });
    const candArb = fc.record({
      birthYear: fc.integer({ min: 1940, max: 2015 }),
      collective: fc.constantFrom("same" as const, "other" as const, "none" as const),
      landExpropriated: fc.boolean(),
      alreadyInsured: fc.boolean(),
      land: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      rank: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: 10 }),
        fc.nat({ max: 5 }),
        fc.array(candArb, { maxLength: 20 }),
        fc.integer(),
        (givenUp, adjustable, raw, seed) => {
          const candidates = raw.map((c, i) => ({
            id: `c${i}`,
            birthDate: `${c.birthYear}-03-01`,
            collective: c.collective,
            landExpropriated: c.landExpropriated,
            alreadyInsured: c.alreadyInsured,
            ...(c.land !== undefined ? { landLost: c.land } : {}),
            ...(c.rank !== undefined ? { rank: c.rank } : {}),
          }));
          const input = { asOf: "2024-09-01", surplus: { givenUp, adjustable }, candidates, procedure: [...record] };
          const r = reassignSurplus(input, { parameters: params });
          expect(r.assigned.length).toBe(Math.min(givenUp + adjustable, r.assigned.length + r.waiting.length));
          expect(r.assigned.length + r.waiting.length + r.excluded.length).toBe(candidates.length);
          expect(r.remaining).toBe(givenUp + adjustable - r.assigned.length);
          const tiers = [...r.assigned, ...r.waiting].map((x) => x.tier);
          expect(tiers).toEqual([...tiers].sort());
          const shuffled = [...candidates].sort(
            (a, b) => ((Number(a.id.slice(1)) * 13 + seed) % 17) - ((Number(b.id.slice(1)) * 13 + seed) % 17),
          );
          const s = reassignSurplus({ ...input, candidates: shuffled }, { parameters: params });
          expect(s.assigned).toEqual(r.assigned);
          expect(s.waiting).toEqual(r.waiting);
        },
      ),
    );
  });

  const good: ReassignSurplusInput = {
    asOf: "2024-09-01",
    surplus: { givenUp: 1, adjustable: 0 },
    candidates: [cand("a")],
    procedure: [...record],
  };
  it.each([
    [{ ...good, asOf: "2024-09-31" }, ["asOf"]],
    [{ ...good, surplus: { givenUp: -1, adjustable: 0 } }, ["surplus", "givenUp"]],
    [{ ...good, surplus: { givenUp: 1 } }, ["surplus", "adjustable"]],
    [{ ...good, candidates: [cand("a"), cand("a")] }, ["candidates", 1, "id"]],
    [{ ...good, candidates: [{ ...cand("a"), collective: "village" }] }, ["candidates", 0, "collective"]],
    [{ ...good, candidates: [{ ...cand("a"), rank: 0 }] }, ["candidates", 0, "rank"]],
    [{ ...good, candidates: [{ ...cand("a"), landLost: -2 }] }, ["candidates", 0, "landLost"]],
    [{ ...good, order: ["rank", "rank"] }, ["order"]],
    [{ ...good, order: ["height"] }, ["order", 0]],
    [
      { ...good, procedure: [{ step: "review", date: "2024-07-10", attendees: 50, eligible: 40 }] },
      ["procedure", 0, "attendees"],
    ],
    [{ ...good, procedure: undefined }, ["procedure"]],
    [{ ...good, extra: 1 }, []],
  ])("INS-MATCH-3: bad input %# is INVALID_INPUT", (input, path) => {
    const e = expectSannongError(() => reassignSurplus(input as ReassignSurplusInput), "INVALID_INPUT");
    if (path.length) expect(e.path).toEqual(path);
  });
});
