import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { deepFreeze, expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey } from "../../test/fixtures";
import { assetsParameterSet, NEED_PURPOSES, type NeedPurpose } from "../parameters";
import { matchIdleAssets, type MatchIdleAssetsInput } from "./matchIdleAssets";
import { summarizeNeeds } from "./summarizeNeeds";

const need = (
  id: string,
  purpose: NeedPurpose,
  category: string,
  place: string[],
  registeredOn: string,
  over: Record<string, unknown> = {},
) => ({
  id,
  requester: `${place.at(-1)}需求单位`,
  level: (place.length === 2 ? "township" : "village") as "township" | "village",
  place,
  category,
  purpose,
  registeredOn,
  ...over,
});

// Idle assets of 清河县 and the needs of its register (the worked example of docs/spec/assets.md ASSET-NEED-2).
const assets = [
  { id: "A-1", name: "原西村村委会办公楼", category: "办公用房", place: ["清河县", "东镇", "西村"] },
  { id: "A-2", name: "原南镇粮站办公室", category: "办公用房", place: ["清河县", "南镇"] },
  { id: "A-3", name: "原北村小学", category: "仓储用房", place: ["清河县", "东镇", "北村"] },
];
const needs = [
  need("N-1", "collective-economy", "仓储用房", ["清河县", "东镇", "西村"], "2021-05-01"),
  need("N-2", "office-use", "办公用房", ["清河县", "东镇"], "2021-05-10"),
  need("N-3", "public-welfare-use", "办公用房", ["清河县", "南镇", "中村"], "2021-05-02"),
  need("N-4", "office-use", "办公用房", ["清河县", "北镇"], "2021-05-20"),
];
const input: MatchIdleAssetsInput = { asOf: "2021-06-30", needs, assets };

/** Plain O(needs × assets) reference of the matching rule, for the property tests. */
function reference(d: {
  asOf: string;
  needs: readonly ReturnType<typeof need>[];
  assets: readonly { id: string; category: string; place: string[] }[];
  minSharedLevels?: number;
}): [string, string, number][] {
  const tier = (p: NeedPurpose) =>
    p === "office-use" ? 1 : ["public-welfare-use", "convenience-services", "public-welfare"].includes(p) ? 2 : 3;
  const open = d.needs.filter(
    (n) => ((n as { status?: string }).status ?? "open") === "open" && n.registeredOn <= d.asOf,
  );
  open.sort(
    (a, b) =>
      tier(a.purpose) - tier(b.purpose) ||
      a.registeredOn.localeCompare(b.registeredOn, "en") ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const shared = (x: string[], y: string[]) => {
    let k = 0;
    while (k < x.length && k < y.length && x[k] === y[k]) k++;
    return Math.min(k, x.length);
  };
  const taken = new Set<string>();
  const out: [string, string, number][] = [];
  for (const n of open) {
    let best: { id: string; s: number } | undefined;
    for (const a of d.assets) {
      if (taken.has(a.id) || a.category !== n.category) continue;
      const s = shared(n.place, a.place);
      if (s < (d.minSharedLevels ?? 0)) continue;
      if (!best || s > best.s || (s === best.s && a.id < best.id)) best = { id: a.id, s };
    }
    if (best) {
      taken.add(best.id);
      out.push([n.id, best.id, best.s]);
    }
  }
  return out;
}

describe("matchIdleAssets", () => {
  it("ASSET-NEED-2: office needs first, then public welfare, then the rest; each takes the nearest asset of its category", () => {
    // serving order: tier 1 (office) N-2 (05-10), N-4 (05-20); tier 2 N-3; tier 3 N-1
    // N-2 at 清河县/东镇: A-1 (东镇/西村) shares 2 levels, A-2 (南镇) 1 → A-1
    // N-4 at 清河县/北镇: only A-2 is left, sharing 1 level (清河县) → A-2
    // N-3 at 清河县/南镇/中村: both 办公用房 taken by the office needs → unmatched, "taken" (优先保障办公用房)
    // N-1 at 清河县/东镇/西村: 仓储用房 A-3 (东镇/北村) shares 2 → A-3
    const r = matchIdleAssets(deepFreeze(input));
    expect(r.matches.map((m) => [m.need, m.asset, m.tier, m.sharedLevels, m.sharedPlace])).toEqual([
      ["N-2", "A-1", 1, 2, ["清河县", "东镇"]],
      ["N-4", "A-2", 1, 1, ["清河县"]],
      ["N-1", "A-3", 3, 2, ["清河县", "东镇"]],
    ]);
    expect(r.unmatchedNeeds.map((u) => [u.id, u.tier, u.reason])).toEqual([["N-3", 2, "taken"]]);
    expect(r.unmatchedAssets).toEqual([]);
    expect(r.trace).toMatchObject({ rule: "ASSET-NEED-2", parameters: [{ id: "assets.needs.purposePriority" }] });
    expect(r.trace.quote).toContain("优先保障镇村办公用房");
  });

  it("ASSET-NEED-2: minSharedLevels 2 (the same township): the 北镇 need is out of reach and 南镇 keeps its asset", () => {
    // N-4 at 北镇 shares only 清河县 with A-2 (1 < 2) → out of reach; then N-3 (南镇/中村) takes A-2, sharing 2 levels
    const r = matchIdleAssets({ ...input, minSharedLevels: 2 });
    expect(r.matches.map((m) => [m.need, m.asset, m.sharedLevels])).toEqual([
      ["N-2", "A-1", 2],
      ["N-3", "A-2", 2],
      ["N-1", "A-3", 2],
    ]);
    expect(r.unmatchedNeeds.map((u) => [u.id, u.reason])).toEqual([["N-4", "out-of-reach"]]);
  });

  it("ASSET-NEED-2: met, withdrawn and later needs are skipped; a need of a category nobody offers says so; leftovers are listed", () => {
    const r = matchIdleAssets({
      asOf: "2021-06-30",
      assets: [...assets, { id: "A-0", category: "仓储用房", place: ["清河县", "南镇"] }],
      needs: [
        need("N-5", "office-use", "办公用房", ["清河县", "东镇"], "2021-05-10", { status: "met" }),
        need("N-6", "office-use", "办公用房", ["清河县", "东镇"], "2021-05-10", { status: "withdrawn" }),
        need("N-7", "office-use", "办公用房", ["清河县", "东镇"], "2021-07-01"),
        need("N-8", "public-welfare", "卫生室", ["清河县", "东镇", "西村"], "2021-05-01"),
        need("N-9", "collective-economy", "仓储用房", ["清河县", "东镇", "南村"], "2021-05-01"),
      ],
    });
    expect(r.skipped).toEqual(["N-5", "N-6", "N-7"]);
    expect(r.unmatchedNeeds.map((u) => [u.id, u.reason, u.label.zh])).toEqual([
      ["N-8", "no-asset-of-category", "没有该类别的闲置资产"],
    ]);
    // N-9 (东镇/南村): A-3 (东镇/北村) shares 2, A-0 (南镇) 1 → A-3
    expect(r.matches.map((m) => [m.need, m.asset])).toEqual([["N-9", "A-3"]]);
    expect(r.unmatchedAssets).toEqual(["A-0", "A-1", "A-2"]);
  });

  it("ASSET-NEED-2: ties in distance go to the smallest asset id; ties in priority and date to the smallest need id", () => {
    const r = matchIdleAssets({
      asOf: "2021-06-30",
      assets: [
        { id: "B-2", category: "办公用房", place: ["清河县", "东镇"] },
        { id: "B-10", category: "办公用房", place: ["清河县", "东镇"] },
      ],
      needs: [
        need("M-2", "office-use", "办公用房", ["清河县", "东镇"], "2021-05-10"),
        need("M-1", "office-use", "办公用房", ["清河县", "东镇"], "2021-05-10"),
      ],
    });
    // code-unit order: "B-10" < "B-2", "M-1" < "M-2"
    expect(r.matches.map((m) => [m.need, m.asset])).toEqual([
      ["M-1", "B-10"],
      ["M-2", "B-2"],
    ]);
  });

  it("ASSET-NEED-2: the priority tiers are a parameter (overlay: public welfare first)", () => {
    const local = overlay(assetsParameterSet, {
      "assets.needs.purposePriority": {
        value: [
          ["public-welfare-use", "convenience-services", "public-welfare"],
          ["office-use"],
          ["industry-support", "collective-economy", "market-operation"],
        ],
      },
    });
    const r = matchIdleAssets(input, { parameters: local });
    // N-3 (南镇/中村) is served first and takes A-2 (南镇, 2 levels); N-2 takes A-1; N-4 gets nothing
    expect(r.matches.map((m) => [m.need, m.asset])).toEqual([
      ["N-3", "A-2"],
      ["N-2", "A-1"],
      ["N-1", "A-3"],
    ]);
    expect(r.trace.parameters?.[0]?.overridden).toBe(true);
    expect(() =>
      overlay(assetsParameterSet, { "assets.needs.purposePriority": { value: [["office-use"]] } }),
    ).toThrow();
  });

  const places = fc
    .array(fc.constantFrom("县甲", "县乙"), { minLength: 1, maxLength: 1 })
    .chain((county) =>
      fc
        .tuple(fc.constantFrom("镇一", "镇二", "镇三"), fc.constantFrom("村A", "村B"), fc.integer({ min: 1, max: 3 }))
        .map(([t, v, depth]) => [county[0]!, t, v].slice(0, depth)),
    );
  const scenario = fc.record({
    assets: fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3 }).filter((s) => s.trim() === s && s.length > 0),
        category: fc.constantFrom("办公用房", "仓储用房"),
        place: places,
      }),
      { selector: (a) => a.id, maxLength: 12 },
    ),
    needs: fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3 }).filter((s) => s.trim() === s && s.length > 0),
        purpose: fc.constantFrom(...NEED_PURPOSES),
        category: fc.constantFrom("办公用房", "仓储用房"),
        place: places,
        day: fc.integer({ min: 1, max: 9 }),
        status: fc.constantFrom("open", "open", "open", "met"),
      }),
      { selector: (n) => n.id, maxLength: 12 },
    ),
    minSharedLevels: fc.integer({ min: 0, max: 3 }),
  });
  function toInput(s: {
    assets: { id: string; category: string; place: string[] }[];
    needs: { id: string; purpose: NeedPurpose; category: string; place: string[]; day: number; status: string }[];
    minSharedLevels: number;
  }) {
    return {
      asOf: "2021-06-30",
      assets: s.assets,
      needs: s.needs.map((n) =>
        need(n.id, n.purpose, n.category, n.place, `2021-05-0${n.day}`, { status: n.status as "open" }),
      ),
      minSharedLevels: s.minSharedLevels,
    };
  }

  it("ASSET-NEED-2: property — the result equals the plain reference; no asset twice; same category; within reach", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const d = toInput(s);
        const r = matchIdleAssets(d);
        expect(r.matches.map((m) => [m.need, m.asset, m.sharedLevels])).toEqual(reference(d));
        expect(new Set(r.matches.map((m) => m.asset)).size).toBe(r.matches.length);
        const cat = new Map(d.assets.map((a) => [a.id, a.category]));
        for (const m of r.matches) {
          expect(cat.get(m.asset)).toBe(m.category);
          expect(m.sharedLevels >= d.minSharedLevels).toBe(true);
        }
        // every asset is matched or left over, every need matched, unmatched or skipped
        expect(r.matches.length + r.unmatchedAssets.length).toBe(d.assets.length);
        expect(r.matches.length + r.unmatchedNeeds.length + r.skipped.length).toBe(d.needs.length);
      }),
      { numRuns: 150 },
    );
  });

  it("ASSET-NEED-2: property — permuting the needs and the assets gives the same result", () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (s, seed) => {
        const d = toInput(s);
        const shuffle = <T>(xs: T[]): T[] => {
          const out = [...xs];
          let x = seed | 1;
          for (let i = out.length - 1; i > 0; i--) {
            x = (x * 1103515245 + 12345) & 0x7fffffff;
            const j = x % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const a = matchIdleAssets(d);
        const b = matchIdleAssets({ ...d, needs: shuffle(d.needs), assets: shuffle(d.assets) });
        expect(JSON.stringify({ ...b, trace: undefined })).toBe(JSON.stringify({ ...a, trace: undefined }));
      }),
      { numRuns: 100 },
    );
  });

  it("ASSET-NEED-2: rejects duplicate ids, unknown keys, empty places and unknown purposes", () => {
    expectSannongError(() => matchIdleAssets({ ...input, assets: [...assets, assets[0]!] }), "INVALID_INPUT", [
      "assets",
      3,
      "id",
    ]);
    expectSannongError(() => matchIdleAssets({ ...input, needs: [...needs, needs[1]!] }), "INVALID_INPUT", [
      "needs",
      4,
      "id",
    ]);
    expectSannongError(
      () => matchIdleAssets({ ...input, assets: [{ id: "X", category: "办公用房", place: [] }] }),
      "INVALID_INPUT",
      ["assets", 0, "place"],
    );
    expectSannongError(
      () => matchIdleAssets({ ...input, needs: [{ ...needs[0]!, purpose: "market-disposal" as never }] }),
      "INVALID_INPUT",
      ["needs", 0, "purpose"],
    );
    expectSannongError(() => matchIdleAssets({ ...input, minSharedLevels: -1 }), "INVALID_INPUT", ["minSharedLevels"]);
    expectSannongError(() => matchIdleAssets({ ...input, asOf: "2021-02-30" }), "INVALID_INPUT", ["asOf"]);
    expectUnknownKey(() => matchIdleAssets({ ...input, round: 1 } as never), "round");
    expectUnknownKey(() => matchIdleAssets({ ...input, assets: [{ ...assets[0]!, area: "100" }] } as never), "area", [
      "assets",
      0,
    ]);
  });
});

describe("summarizeNeeds", () => {
  const register = [
    ...needs,
    need("N-5", "office-use", "办公用房", ["清河县", "东镇"], "2021-05-11", { status: "met", level: "county" }),
    need("N-6", "public-welfare", "卫生室", ["清河县", "南镇", "中村"], "2021-05-12", { status: "withdrawn" }),
  ];

  it("ASSET-NEED-1: the register counted by level, category, use, place and state", () => {
    // 6 needs: 4 open (N-1..N-4), N-5 met, N-6 withdrawn
    // places at depth 2: 清河县/东镇 N-1, N-2, N-5 (2 open); 清河县/北镇 N-4; 清河县/南镇 N-3, N-6 (1 open)
    const r = summarizeNeeds(deepFreeze({ needs: register }));
    expect(r.total).toBe(6);
    expect(r.byStatus).toEqual({ open: 4, met: 1, withdrawn: 1 });
    expect(r.byLevel).toEqual([
      { level: "county", needs: 1, open: 0 },
      { level: "township", needs: 2, open: 2 },
      { level: "village", needs: 3, open: 2 },
    ]);
    expect(r.byCategory).toEqual([
      { category: "仓储用房", needs: 1, open: 1 },
      { category: "办公用房", needs: 4, open: 3 },
      { category: "卫生室", needs: 1, open: 0 },
    ]);
    expect(r.byPurpose.map((p) => [p.purpose, p.needs, p.open])).toEqual([
      ["office-use", 3, 2],
      ["public-welfare-use", 1, 1],
      ["public-welfare", 1, 0],
      ["collective-economy", 1, 1],
    ]);
    expect(r.byPlace).toEqual([
      { place: ["清河县", "东镇"], needs: 3, open: 2 },
      { place: ["清河县", "北镇"], needs: 1, open: 1 },
      { place: ["清河县", "南镇"], needs: 2, open: 1 },
    ]);
    expect(summarizeNeeds({ needs: register, placeDepth: 1 }).byPlace).toEqual([
      { place: ["清河县"], needs: 6, open: 4 },
    ]);
    expect(r.trace.rule).toBe("ASSET-NEED-1");
  });

  it("ASSET-NEED-1: property — the order of the register does not change the report; the groups add up to the total", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(register, { minLength: register.length, maxLength: register.length }), (p) => {
        const a = summarizeNeeds({ needs: register });
        const b = summarizeNeeds({ needs: p });
        expect(JSON.stringify({ ...b, trace: undefined })).toBe(JSON.stringify({ ...a, trace: undefined }));
        const total = (xs: readonly { needs: number }[]) => xs.reduce((s, x) => s + x.needs, 0);
        for (const g of [b.byLevel, b.byCategory, b.byPurpose, b.byPlace]) expect(total(g)).toBe(b.total);
      }),
      { numRuns: 30 },
    );
  });

  it("ASSET-NEED-1: rejects a duplicate id, a bad level or date, a bad depth and unknown keys", () => {
    expectSannongError(() => summarizeNeeds({ needs: [needs[0]!, needs[0]!] }), "INVALID_INPUT", ["needs", 1, "id"]);
    expectSannongError(() => summarizeNeeds({ needs: [{ ...needs[0]!, level: "city" as never }] }), "INVALID_INPUT", [
      "needs",
      0,
      "level",
    ]);
    expectSannongError(
      () => summarizeNeeds({ needs: [{ ...needs[0]!, registeredOn: "2021-13-01" }] }),
      "INVALID_INPUT",
      ["needs", 0, "registeredOn"],
    );
    expectSannongError(() => summarizeNeeds({ needs, placeDepth: 0 }), "INVALID_INPUT", ["placeDepth"]);
    expectUnknownKey(() => summarizeNeeds({ needs: [{ ...needs[0]!, urgent: true }] } as never), "urgent", [
      "needs",
      0,
    ]);
    expect(summarizeNeeds({ needs: [] })).toMatchObject({ total: 0, byPlace: [] });
  });
});
