import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocateByProjects, type AllocateByProjectsInput } from "./allocateByProjects";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const FOUR: AllocateByProjectsInput = {
  budget: "500000.00",
  projects: [
    { id: "茶园", requested: "200000.00", scores: [88, 92, 90] },
    { id: "民宿", requested: "350000.00", scores: [95, 93, 94] },
    { id: "冷库", requested: "100000.00", scores: [80, 85, 82] },
    { id: "道路", requested: "150000.00", eligible: false, ineligibleReason: "行业部门资金已覆盖" },
  ],
};
const view = (r: ReturnType<typeof allocateByProjects>): [string, string, string][] =>
  r.results.map((p) => [p.id, p.status, String(p.amount)]);

const DECISION = [
  { step: "announcement", date: "2024-03-01" },
  { step: "third-party-review", date: "2024-03-20" },
  { step: "collective-decision", date: "2024-04-02" },
];

describe("allocateByProjects — worked examples", () => {
  it.each([
    // ranks: 民宿 94, 茶园 90, 冷库 82.33…; 350000 fits, 200000 does not fit the 150000 left
    [
      "stop",
      [
        ["茶园", "unfunded", "0.00"],
        ["民宿", "funded", "350000.00"],
        ["冷库", "unfunded", "0.00"],
        ["道路", "ineligible", "0.00"],
      ],
      "150000.00",
    ],
    [
      "skip",
      [
        ["茶园", "unfunded", "0.00"],
        ["民宿", "funded", "350000.00"],
        ["冷库", "funded", "100000.00"],
        ["道路", "ineligible", "0.00"],
      ],
      "50000.00",
    ],
    [
      "partial",
      [
        ["茶园", "partial", "150000.00"],
        ["民宿", "funded", "350000.00"],
        ["冷库", "unfunded", "0.00"],
        ["道路", "ineligible", "0.00"],
      ],
      "0.00",
    ],
  ] as const)("FUNDS-PROJECT-1: the first project that does not fit — %s", (whenNotFit, expected, unallocated) => {
    const r = allocateByProjects({ ...FOUR, whenNotFit });
    expect(view(r)).toEqual(expected);
    expect(String(r.unallocated)).toBe(unallocated);
    expect(r.results.map((p) => p.rank)).toEqual([2, 1, 3, null]);
    expect(r.results.map((p) => p.score)).toEqual(["90.00", "94.00", "82.33", null]);
  });

  it("FUNDS-PROJECT-1: screened-out projects keep their reason; the default is stop (strict merit order)", () => {
    const r = allocateByProjects(FOUR);
    expect(r.results[3]!.reason).toEqual({
      zh: "不符合条件：行业部门资金已覆盖",
      en: "ineligible: 行业部门资金已覆盖",
    });
    expect(r.results[2]!.reason.en).toMatch(/stopped/);
    expect(r.trace.children![0]!.inputs!["whenNotFit"]).toBe("stop");
  });

  it("FUNDS-PROJECT-1: trimmed mean drops one highest and one lowest score", () => {
    const r = allocateByProjects({
      budget: "100.00",
      scoring: "trimmed-mean",
      projects: [
        { id: "A", requested: "60.00", scores: [100, 70, 71, 72, 0] }, // trimmed 71, mean 48.6
        { id: "B", requested: "60.00", scores: [75, 74, 73] }, // trimmed 74, mean 74
      ],
    });
    expect(r.results.map((p) => p.score)).toEqual(["71.00", "74.00"]);
    expect(view(r)).toEqual([
      ["A", "unfunded", "0.00"],
      ["B", "funded", "60.00"],
    ]);
  });

  it("FUNDS-PROJECT-1: weighted criteria (each criterion averaged over reviewers, then weighted)", () => {
    const r = allocateByProjects({
      budget: "100.00",
      criteria: [
        { id: "benefit", weight: "0.6" },
        { id: "feasibility", weight: "0.4" },
      ],
      projects: [
        { id: "A", requested: "100.00", criterionScores: { benefit: [90, 80], feasibility: [50, 60] } }, // 0.6×85 + 0.4×55 = 73
        { id: "B", requested: "100.00", criterionScores: { benefit: [70, 70], feasibility: [80, 90] } }, // 0.6×70 + 0.4×85 = 76
      ],
    });
    expect(r.results.map((p) => p.score)).toEqual(["73.00", "76.00"]);
    expect(r.results.map((p) => p.status)).toEqual(["unfunded", "funded"]);
  });

  it("FUNDS-PROJECT-1: equal scores — the smaller request first by default, then the id; other tie-breaks on request", () => {
    const projects = [
      { id: "c", requested: "50.00", scores: [80] },
      { id: "b", requested: "30.00", scores: [80] },
      { id: "a", requested: "30.00", scores: [80] },
    ];
    expect(allocateByProjects({ budget: "60.00", projects }).results.map((p) => p.rank)).toEqual([3, 2, 1]);
    expect(
      allocateByProjects({ budget: "60.00", projects, tieBreak: "larger-request" }).results.map((p) => p.rank),
    ).toEqual([1, 3, 2]);
    expect(allocateByProjects({ budget: "60.00", projects, tieBreak: "id" }).results.map((p) => p.rank)).toEqual([
      3, 2, 1,
    ]);
  });

  it("FUNDS-PROJECT-1: a project below the minimum score is never funded, even with budget left", () => {
    const r = allocateByProjects({ ...FOUR, minScore: 85, whenNotFit: "skip" });
    expect(view(r)[2]).toEqual(["冷库", "unfunded", "0.00"]);
    expect(r.results[2]!.reason.en).toMatch(/minimum/);
    expect(String(r.unallocated)).toBe("150000.00");
  });

  it("FUNDS-PROJECT-1: a partial grant is rounded down to the unit; the rest stays unallocated", () => {
    const r = allocateByProjects({
      budget: "1000.00",
      unit: "100",
      whenNotFit: "partial",
      projects: [
        { id: "A", requested: "650.50", scores: [9] },
        { id: "B", requested: "900.00", scores: [8] },
      ],
    });
    expect(view(r)).toEqual([
      ["A", "funded", "650.50"],
      ["B", "partial", "300.00"],
    ]);
    expect(String(r.unallocated)).toBe("49.50");
  });

  it("FUNDS-PROJECT-2: without a record of the collective decision the result is not final and lists every step", () => {
    const r = allocateByProjects(FOUR);
    expect(r.final).toBe(false);
    expect(r.missingSteps).toEqual(["announcement", "third-party-review", "collective-decision"]);
    expect(r.procedure).toBeNull();
  });

  it("FUNDS-PROJECT-2: a complete record makes it final; a partial one names what is missing", () => {
    const done = allocateByProjects({ ...FOUR, decision: DECISION });
    expect(done.final).toBe(true);
    expect(done.missingSteps).toEqual([]);
    expect(done.procedure!.completedOn).toBe("2024-04-02");
    const partial = allocateByProjects({ ...FOUR, decision: DECISION.slice(0, 2) });
    expect(partial.final).toBe(false);
    expect(partial.missingSteps).toEqual(["collective-decision"]);
    const outOfOrder = allocateByProjects({
      ...FOUR,
      decision: [DECISION[0]!, { ...DECISION[1]!, date: "2024-05-01" }, DECISION[2]!],
    });
    expect(outOfOrder.final).toBe(false);
  });
});

const projectsArb = fc
  .array(
    fc.record({
      requested: fc.integer({ min: 1, max: 50_000 }),
      eligible: fc.boolean(),
      scores: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 15 },
  )
  .map((ps) =>
    ps.map((p, i) => ({
      id: `P${(i * 37) % 101}-${i}`,
      requested: (p.requested / 100).toFixed(2),
      scores: p.scores,
      ...(p.eligible ? {} : { eligible: false, ineligibleReason: "不符合条件" }),
    })),
  );
const caseArb = fc.record({
  budget: fc.integer({ min: 0, max: 200_000 }).map((b) => (b / 100).toFixed(2)),
  projects: projectsArb,
  whenNotFit: fc.constantFrom("skip", "partial", "stop" as const),
  scoring: fc.constantFrom("mean", "trimmed-mean" as const),
});

describe("allocateByProjects — laws", () => {
  it("FUNDS-PROJECT-1: never exceeds the budget or a request; granted + unallocated = budget", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const r = allocateByProjects(input);
        let granted = 0n;
        r.results.forEach((p, i) => {
          const req = BigInt(Math.round(Number(input.projects[i]!.requested) * 100));
          expect(p.amount.fen >= 0n && p.amount.fen <= req).toBe(true);
          if (p.status === "funded") expect(p.amount.fen).toBe(req);
          if (p.status === "unfunded" || p.status === "ineligible") expect(p.amount.fen).toBe(0n);
          granted += p.amount.fen;
        });
        const budget = BigInt(Math.round(Number(input.budget) * 100));
        expect(granted + r.unallocated.fen).toBe(budget);
        expect(r.results.filter((p) => p.status === "partial").length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it("FUNDS-PROJECT-1: with stop or partial, no project is funded below an unfunded better-ranked one", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        fc.pre(input.whenNotFit !== "skip");
        const r = allocateByProjects(input);
        const ranked = r.results.filter((p) => p.rank !== null).sort((a, b) => a.rank! - b.rank!);
        const firstUnfunded = ranked.findIndex((p) => p.status === "unfunded");
        if (firstUnfunded >= 0) for (const p of ranked.slice(firstUnfunded)) expect(p.status).toBe("unfunded");
      }),
      { numRuns: 300 },
    );
  });

  it("FUNDS-PROJECT-1: permuting the projects permutes the result (ranks by score, request, id — never by position)", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const rev = { ...input, projects: [...input.projects].reverse() };
        const a = allocateByProjects(input).results;
        const b = allocateByProjects(rev).results;
        expect(asJson([...b].reverse())).toEqual(asJson(a));
      }),
      { numRuns: 300 },
    );
  });

  it("FUNDS-PROJECT-1: deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const frozen = deepFreeze(structuredClone(input));
        expect(asJson(allocateByProjects(frozen))).toEqual(asJson(allocateByProjects(input)));
      }),
      { numRuns: 100 },
    );
  });
});

describe("allocateByProjects — bad input", () => {
  const p = (over: Record<string, unknown>): unknown => ({
    ...FOUR,
    projects: [{ id: "A", requested: "1.00", scores: [1], ...over }],
  });
  it.each([
    ["negative budget", { ...FOUR, budget: "-1.00" }, ["budget"]],
    ["zero request", p({ requested: "0" }), ["projects", 0, "requested"]],
    ["NaN score", p({ scores: [Number.NaN] }), ["projects", 0, "scores", 0]],
    ["negative score", p({ scores: [-1] }), ["projects", 0, "scores", 0]],
    ["no scores", p({ scores: undefined }), ["projects", 0, "scores"]],
    ["empty scores", p({ scores: [] }), ["projects", 0, "scores"]],
    [
      "trimmed mean of two",
      { ...(p({ scores: [1, 2] }) as object), scoring: "trimmed-mean" },
      ["projects", 0, "scores"],
    ],
    ["ineligible without reason", p({ eligible: false }), ["projects", 0, "ineligibleReason"]],
    ["duplicate project", { ...FOUR, projects: [FOUR.projects[0], FOUR.projects[0]] }, ["projects", 1, "id"]],
    ["unknown key", { ...FOUR, budgt: "1.00" }, []],
    ["unknown project key", p({ score: [1] }), ["projects", 0]],
    ["bad whenNotFit", { ...FOUR, whenNotFit: "wait" }, ["whenNotFit"]],
    [
      "criterion scores without criteria",
      p({ scores: undefined, criterionScores: { a: [1] } }),
      ["projects", 0, "criterionScores"],
    ],
    [
      "missing criterion",
      {
        ...(p({ scores: undefined, criterionScores: { a: [1] } }) as object),
        criteria: [
          { id: "a", weight: "0.5" },
          { id: "b", weight: "0.5" },
        ],
      },
      ["projects", 0, "criterionScores", "b"],
    ],
    [
      "bad decision date",
      { ...FOUR, decision: [{ step: "announcement", date: "2024-02-30" }] },
      ["decision", 0, "date"],
    ],
    ["empty projects", { ...FOUR, projects: [] }, ["projects"]],
  ])("FUNDS-PROJECT-1: %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => allocateByProjects(input as AllocateByProjectsInput), "INVALID_INPUT", path);
  });

  it("FUNDS-PROJECT-1: criteria weights must add up to 1; the budget must be a multiple of the unit", () => {
    const e = expectSannongError(
      () =>
        allocateByProjects({
          budget: "1.00",
          criteria: [{ id: "a", weight: "0.5" }],
          projects: [{ id: "A", requested: "1.00", criterionScores: { a: [1] } }],
        }),
      "WEIGHTS_NOT_ONE",
      ["criteria"],
    );
    expect(e.details).toEqual({ sum: "0.5", where: "criteria" });
    expectSannongError(
      () => allocateByProjects({ ...FOUR, unit: "1", budget: "10.50" }),
      "TOTAL_NOT_MULTIPLE_OF_UNIT",
      ["budget"],
    );
  });
});
