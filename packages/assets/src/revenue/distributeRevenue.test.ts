import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { moneyFromFen, overlay, renderTrace, sum } from "@sannong/core";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { approvedPlan, expectUnknownKey } from "../../test/fixtures";
import { assetsParameterSet } from "../parameters";
import { distributeRevenue, type DistributeRevenueInput } from "./distributeRevenue";

const plan: DistributeRevenueInput = {
  asOf: "2021-12-31",
  income: "100000.00",
  maintenanceFromIncome: "8000.00",
  deductions: [{ id: "tax", label: "税费", amount: "2000.00" }],
  reserveRatio: "0.1",
  uses: [
    { id: "posts", kind: "poor-households", share: "0.3", basis: "public-welfare-post" },
    { id: "stable", kind: "poor-households", share: "0.2", basis: "stable-work-tiers" },
    { id: "nolabour", kind: "poor-households", share: "0.1", basis: "conditional" },
    { id: "collective", kind: "collective-economy", share: "0.3" },
    { id: "welfare", kind: "public-welfare", share: "0.1" },
  ],
  households: [
    { id: "h1", use: "posts", months: 12 },
    { id: "h2", use: "posts", months: 6 },
    { id: "h3", use: "posts", months: 0 },
    { id: "s1", use: "stable", months: 11 },
    { id: "s2", use: "stable", months: 7 },
    { id: "s3", use: "stable", months: 2 },
    { id: "n1", use: "nolabour", conditionMet: true, condition: "参加村内公益活动" },
    { id: "n2", use: "nolabour", conditionMet: false, condition: "参加村内公益活动" },
  ],
  approval: approvedPlan,
};

const amounts = (r: ReturnType<typeof distributeRevenue>) =>
  Object.fromEntries(r.households.map((h) => [h.id, String(h.amount)]));

describe("distributeRevenue", () => {
  it("ASSET-REV-1: distributable = income − maintenance from income − deductions", () => {
    const r = distributeRevenue(deepFreeze(plan));
    expect(String(r.distributable)).toBe("90000.00");
    expect(String(r.otherDeductions)).toBe("2000.00");
    expect(r.trace.children?.[0]?.rule).toBe("ASSET-REV-1");
  });

  it("ASSET-REV-2: a reserve is kept and carried over", () => {
    const r = distributeRevenue(plan);
    expect(String(r.reserve)).toBe("9000.00");
    expect(r.reserveRatio).toBe("1/10");
    // 81000 distributed over the uses
    expect(r.uses.map((u) => String(u.amount))).toEqual(["24300.00", "16200.00", "8100.00", "24300.00", "8100.00"]);
    expect(String(r.carriedOver)).toBe("13050.00"); // 9000 reserve + 4050 withheld from n2
  });

  it("ASSET-REV-4: public-welfare posts are paid for work; no work, no pay", () => {
    const r = distributeRevenue(plan);
    expect(amounts(r)).toMatchObject({ h1: "16200.00", h2: "8100.00", h3: "0.00" });
  });

  it("ASSET-REV-4: stably lifted households get tiered incentives by months worked (parameter)", () => {
    const r = distributeRevenue(plan);
    // tiers: 11 months → 2, 7 months → 1.5, 2 months → 0
    expect(amounts(r)).toMatchObject({ s1: "9257.14", s2: "6942.86", s3: "0.00" });
    expect(r.households.find((h) => h.id === "s1")?.weight).toBe("2");
    const tiers = r.trace.children
      ?.find((c) => c.rule === "ASSET-REV-4")
      ?.children?.find((c) => (c.inputs as { use?: string })?.use === "stable");
    expect(tiers?.parameters?.[0]?.id).toBe("assets.revenue.stableWorkTiers");
  });

  it("ASSET-REV-4: households without labour capacity are paid only when the condition is met", () => {
    const r = distributeRevenue(plan);
    expect(amounts(r)).toMatchObject({ n1: "4050.00", n2: "0.00" });
    expect(String(r.households.find((h) => h.id === "n2")!.withheld)).toBe("4050.00");
    expect(String(r.uses[2]!.withheld)).toBe("4050.00");
  });

  it("ASSET-REV-5: a complete approval record makes a compliant plan valid", () => {
    const r = distributeRevenue(plan);
    expect(r.approval?.complete).toBe(true);
    expect(r.flags).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("ASSET-REV-5: a missing or incomplete approval is flagged", () => {
    const { approval: _a, ...noApproval } = plan;
    expect(distributeRevenue(noApproval).flags.map((f) => f.code)).toEqual(["APPROVAL_NOT_RECORDED"]);
    const partial = distributeRevenue({
      ...plan,
      approval: approvedPlan.filter((e) => e.step !== "supervisor-review"),
    });
    expect(partial.valid).toBe(false);
    expect(partial.flags[0]).toMatchObject({ code: "APPROVAL_INCOMPLETE", rule: "ASSET-REV-5" });
    expect(partial.flags[0]!.zh).toContain("上级主管单位审核");
    expect(partial.approval?.missing).toEqual(["supervisor-review"]);
  });

  it("ASSET-REV-6: money is conserved to the fen and every line names its rule", () => {
    const r = distributeRevenue(plan);
    expect(sum([r.distributed, r.carriedOver]).fen).toBe(r.distributable.fen);
    expect(sum([...r.uses.map((u) => u.amount), r.reserve]).fen).toBe(r.distributable.fen);
    for (const u of r.uses.filter((x) => x.basis)) {
      const hs = r.households.filter((h) => h.use === u.id);
      expect(
        sum([
          ...hs.map((h) => h.amount),
          moneyFromFen(u.withheld.fen - sum(hs.map((h) => h.withheld)).fen),
          sum(hs.map((h) => h.withheld)),
        ]).fen,
      ).toBe(u.amount.fen);
    }
    expect(r.households.every((h) => h.rule === "ASSET-REV-4")).toBe(true);
    expect(r.uses.map((u) => u.rule)).toEqual([
      "ASSET-REV-4",
      "ASSET-REV-4",
      "ASSET-REV-4",
      "ASSET-REV-3",
      "ASSET-REV-3",
    ]);
  });

  it("ASSET-REV-2: a reserve below the minimum is flagged; the default is the parameter", () => {
    const low = distributeRevenue({ ...plan, reserveRatio: "0.05" });
    expect(low.flags.map((f) => f.code)).toEqual(["RESERVE_BELOW_MINIMUM"]);
    const { reserveRatio: _r, ...def } = plan;
    const r = distributeRevenue(def);
    expect(r.reserveRatio).toBe("1/10");
    expect(r.trace.children?.[1]?.parameters?.[0]).toMatchObject({
      id: "assets.revenue.minReserveRatio",
      verified: false,
    });
    const local = overlay(assetsParameterSet, { "assets.revenue.minReserveRatio": { value: "0.2" } });
    expect(distributeRevenue(def, { parameters: local }).reserveRatio).toBe("1/5");
  });

  it("ASSET-REV-3: priority uses below the minimum share are flagged", () => {
    const r = distributeRevenue({
      ...plan,
      uses: [
        { id: "posts", kind: "poor-households", share: "0.2", basis: "public-welfare-post" },
        { id: "stable", kind: "other", share: "0.2", basis: "stable-work-tiers" },
        { id: "nolabour", kind: "other", share: "0.1", basis: "conditional" },
        { id: "collective", kind: "collective-economy", share: "0.2" },
        { id: "welfare", kind: "public-welfare", share: "0.3" },
      ],
    });
    expect(r.flags.map((f) => f.code)).toEqual(["PRIORITY_SHARE_TOO_LOW"]);
  });

  it("ASSET-REV-4: 一发了之, 一股了之 and 一分了之 are flagged", () => {
    const base = { asOf: "2021-12-31", income: "1000.00", reserveRatio: "0.1", approval: approvedPlan };
    const equal = distributeRevenue({
      ...base,
      uses: [{ id: "all", kind: "poor-households", share: "1", basis: "equal" }],
      households: [
        { id: "a", use: "all" },
        { id: "b", use: "all" },
        { id: "c", use: "all" },
      ],
    });
    expect(equal.flags.map((f) => f.code)).toEqual(["YI_FA_LE_ZHI", "YI_FEN_LE_ZHI"]);
    expect(equal.households.map((h) => String(h.amount))).toEqual(["300.00", "300.00", "300.00"]);
    const shares = distributeRevenue({
      ...base,
      uses: [
        { id: "div", kind: "poor-households", share: "0.6", basis: "dividend" },
        { id: "c", kind: "collective-economy", share: "0.4" },
      ],
      households: [
        { id: "a", use: "div", shares: "3" },
        { id: "b", use: "div", shares: "1.5" },
      ],
    });
    expect(shares.flags.map((f) => f.code)).toEqual(["YI_GU_LE_ZHI"]);
    expect(shares.households.map((h) => String(h.amount))).toEqual(["360.00", "180.00"]);
  });

  it("ASSET-REV-4: a household use with no work at all withholds its money to the carry-over", () => {
    const r = distributeRevenue({
      asOf: "2021-12-31",
      income: "1000.00",
      uses: [
        { id: "posts", kind: "poor-households", share: "1/2", basis: "public-welfare-post" },
        { id: "c", kind: "collective-economy", share: "1/2" },
      ],
      households: [{ id: "a", use: "posts", months: 0 }],
      approval: approvedPlan,
    });
    expect(String(r.uses[0]!.withheld)).toBe("450.00");
    expect(String(r.carriedOver)).toBe("550.00");
    expect(r.valid).toBe(true);
  });

  it('ASSET-REV-4: a zero tier factor written "0.0" withholds like "0" (even when the tiers are too large for the fast path)', () => {
    const input: DistributeRevenueInput = {
      asOf: "2021-12-31",
      income: "1000.00",
      uses: [
        { id: "stable", kind: "poor-households", share: "1/2", basis: "stable-work-tiers" },
        { id: "c", kind: "collective-economy", share: "1/2" },
      ],
      households: [
        { id: "a", use: "stable", months: 1 },
        { id: "b", use: "stable", months: 2 },
      ],
      approval: approvedPlan,
    };
    for (const zero of ["0", "0.0", "0.00"]) {
      const local = overlay(assetsParameterSet, {
        "assets.revenue.stableWorkTiers": {
          value: [
            { minMonths: 0, factor: zero },
            { minMonths: 3, factor: "100000000000000000" },
          ],
        },
      });
      const r = distributeRevenue(input, { parameters: local });
      expect(String(r.uses[0]!.withheld)).toBe("450.00");
      expect(r.households.map((h) => String(h.amount))).toEqual(["0.00", "0.00"]);
      expect(String(r.carriedOver)).toBe("550.00");
    }
  });

  it("ASSET-REV-6: property — payouts + carried over = distributable to the fen; nothing negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 11 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(
          fc.record({
            months: fc.integer({ min: 0, max: 12 }),
            met: fc.boolean(),
            shares: fc.integer({ min: 1, max: 999 }),
          }),
          { minLength: 0, maxLength: 30 },
        ),
        (fen, pct, hh) => {
          const r = distributeRevenue({
            asOf: "2022-06-30",
            income: moneyFromFen(fen),
            reserveRatio: (pct / 100).toFixed(2),
            uses: [
              { id: "p", kind: "poor-households", share: "1/3", basis: "public-welfare-post" },
              { id: "t", kind: "poor-households", share: "1/6", basis: "stable-work-tiers" },
              { id: "n", kind: "other", share: "1/6", basis: "conditional" },
              { id: "d", kind: "other", share: "1/12", basis: "dividend" },
              { id: "c", kind: "collective-economy", share: "1/4" },
            ],
            households: hh.flatMap((h, i) => [
              { id: `p${i}`, use: "p", months: h.months },
              { id: `t${i}`, use: "t", months: h.months },
              { id: `n${i}`, use: "n", conditionMet: h.met, condition: "c" },
              { id: `d${i}`, use: "d", shares: `${h.shares / 10}` },
            ]),
          });
          const paid = sum(r.households.map((h) => h.amount));
          const kept = sum(r.uses.filter((u) => !u.basis).map((u) => u.amount));
          expect(paid.fen + kept.fen + r.carriedOver.fen).toBe(r.distributable.fen);
          expect(r.distributed.fen + r.carriedOver.fen).toBe(r.distributable.fen);
          expect(r.households.every((h) => h.amount.fen >= 0n && h.withheld.fen >= 0n)).toBe(true);
          expect(r.reserve.fen * 100n >= r.distributable.fen * BigInt(pct) - 100n).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("ASSET-REV-6: property — permuting households permutes their payments (distinct weights)", () => {
    const hs = [12, 11, 9, 7, 5, 3].map((m, i) => ({ id: `h${i}`, use: "p", months: m }));
    const input = (h: typeof hs) => ({
      asOf: "2022-06-30",
      income: "1000.00",
      uses: [{ id: "p", kind: "poor-households" as const, share: "1", basis: "public-welfare-post" as const }],
      households: h,
    });
    const base = Object.fromEntries(distributeRevenue(input(hs)).households.map((h) => [h.id, String(h.amount)]));
    fc.assert(
      fc.property(fc.shuffledSubarray(hs, { minLength: hs.length, maxLength: hs.length }), (p) => {
        expect(Object.fromEntries(distributeRevenue(input(p)).households.map((h) => [h.id, String(h.amount)]))).toEqual(
          base,
        );
      }),
    );
  });

  it("ASSET-REV-6: the trace renders in Chinese and English and cites the rules", () => {
    const r = distributeRevenue(plan);
    const zh = renderTrace(r.trace, { lang: "zh" });
    expect(zh).toContain("可分配收益");
    expect(zh).toContain("ASSET-REV-2");
    expect(zh).toContain("assets.revenue.minReserveRatio");
    expect(renderTrace(r.trace, { lang: "en" })).toContain("keep a reserve");
  });

  it("ASSET-REV-6: deterministic JSON", () => {
    expect(JSON.stringify(distributeRevenue(plan))).toBe(
      JSON.stringify(distributeRevenue(structuredClone(plan) as DistributeRevenueInput)),
    );
    expect((asJson(distributeRevenue(plan)) as { households: { amount: string }[] }).households[0]!.amount).toBe(
      "16200.00",
    );
  });

  it("ASSET-REV-6: large household lists (fast validation path) give exactly what the schema path gives", () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      i % 2 ? { id: `h${i}`, use: "d", shares: `${1 + (i % 7)}.5` } : { id: `h${i}`, use: "p", months: i % 13 },
    );
    const base = {
      asOf: "2022-06-30",
      income: "123456.78",
      uses: [
        { id: "p", kind: "poor-households" as const, share: "0.7", basis: "public-welfare-post" as const },
        { id: "d", kind: "other" as const, share: "0.3", basis: "dividend" as const },
      ],
    };
    const fast = distributeRevenue({ ...base, households: many });
    // a numeric `shares` is valid but not in the fast path's shape: the whole input takes the schema path
    const slow = distributeRevenue({
      ...base,
      households: [...many.slice(0, 199), { id: "h199", use: "d", shares: 4.5 }],
    });
    expect(asJson(slow)).toEqual(asJson(fast));
    expectSannongError(
      () => distributeRevenue({ ...base, households: [...many, { id: "h5", use: "p", months: 1 }] }),
      "INVALID_INPUT",
      ["households", 200, "id"],
    );
    expectSannongError(
      () => distributeRevenue({ ...base, households: [...many.slice(0, 150), { id: "x", use: "p", months: 13 }] }),
      "INVALID_INPUT",
      ["households", 150, "months"],
    );
    expectSannongError(
      () => distributeRevenue({ ...base, households: [...many.slice(0, 150), { id: " x", use: "d" }] }),
      "INVALID_INPUT",
      ["households", 150, "shares"],
    );
    expectUnknownKey(
      () =>
        distributeRevenue({
          ...base,
          households: [...many.slice(0, 150), { id: "x", use: "p", months: 1, extra: 1 }],
        } as never),
      "extra",
      ["households", 150],
    );
  });

  it("ASSET-REV-1: deductions above the income are refused with the difference", () => {
    const e = expectSannongError(
      () => distributeRevenue({ ...plan, maintenanceFromIncome: "99000.00" }),
      "DEDUCTIONS_EXCEED_INCOME",
      ["income"],
    );
    expect(e.en).toContain("by 1000.00");
  });

  it.each([
    ["shares not adding up to 1", { uses: [{ id: "a", kind: "collective-economy", share: "0.5" }] }, ["uses"]],
    [
      "a duplicate use",
      {
        uses: [
          { id: "a", kind: "collective-economy", share: "0.5" },
          { id: "a", kind: "other", share: "0.5" },
        ],
        households: [],
      },
      ["uses", 1, "id"],
    ],
    ["a household of an unknown use", { households: [{ id: "x", use: "nope", months: 1 }] }, ["households", 0, "use"]],
    [
      "a household of a use without basis",
      { households: [{ id: "x", use: "collective", months: 1 }] },
      ["households", 0, "use"],
    ],
    ["months missing for posts", { households: [{ id: "x", use: "posts" }] }, ["households", 0, "months"]],
    [
      "a condition missing",
      { households: [{ id: "x", use: "nolabour", conditionMet: true }] },
      ["households", 0, "condition"],
    ],
    [
      "shares on a post",
      { households: [{ id: "x", use: "posts", months: 3, shares: "1" }] },
      ["households", 0, "shares"],
    ],
    ["13 months", { households: [{ id: "x", use: "posts", months: 13 }] }, ["households", 0, "months"]],
    [
      "a duplicate household",
      {
        households: [
          { id: "x", use: "posts", months: 1 },
          { id: "x", use: "posts", months: 2 },
        ],
      },
      ["households", 1, "id"],
    ],
    [
      "a basis on the collective economy",
      { uses: [{ id: "c", kind: "collective-economy", share: "1", basis: "equal" }], households: [] },
      ["uses", 0, "basis"],
    ],
    ["a negative income", { income: "-1.00" }, ["income"]],
    ["a reserve ratio above 1", { reserveRatio: "1.1" }, ["reserveRatio"]],
    ["a bad approval date", { approval: [{ step: "owner-proposal", date: "2021-02-30" }] }, ["approval", 0, "date"]],
  ])("ASSET-REV-4: rejects %s", (_n, over, path) => {
    expectSannongError(
      () => distributeRevenue({ ...plan, ...(over as object) } as never),
      "INVALID_INPUT",
      path as (string | number)[],
    );
  });

  it("ASSET-REV-1: rejects unknown keys and a date before the parameters", () => {
    expectUnknownKey(() => distributeRevenue({ ...plan, reserve: "0.1" } as never), "reserve");
    expectUnknownKey(
      () => distributeRevenue({ ...plan, households: [{ id: "h", use: "posts", months: 1, month: 2 }] } as never),
      "month",
      ["households", 0],
    );
    expectSannongError(() => distributeRevenue({ ...plan, asOf: "2019-01-01" }), "PARAM_NOT_IN_FORCE");
  });

  it("ASSET-REV-6: use shares too fine to split exactly are refused at `uses`, not as a core error about weights", () => {
    // 1/p + 1/q + (pq − p − q)/pq = 1 with p, q prime: the common denominator pq exceeds 10^18.
    const uses = [
      { id: "a", kind: "collective-economy" as const, share: "1/1000000007" },
      { id: "b", kind: "collective-economy" as const, share: "1/1000000009" },
      { id: "c", kind: "collective-economy" as const, share: "1000000014000000047/1000000016000000063" },
    ];
    expectSannongError(() => distributeRevenue({ asOf: "2022-06-30", income: "1000.00", uses }), "SHARES_TOO_FINE", [
      "uses",
    ]);
  });
});
