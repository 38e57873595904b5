import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { distributeByPaidContribution } from "./distributeByPaidContribution";

describe("distributeByPaidContribution", () => {
  it("MIG-SHARE-3: income shared by the paid part only; a free contribution is reported but does not count", () => {
    const r = distributeByPaidContribution({
      income: "9000.00",
      participants: [
        { id: "村集体", kind: "village-collective", contributions: [{ amount: "200000.00", paid: true }] },
        {
          id: "合作社",
          kind: "cooperative",
          contributions: [
            { amount: "100000.00", paid: true },
            { amount: "50000.00", paid: false },
          ],
        },
        { id: "移民户甲", kind: "household", contributions: [{ amount: "30000.00", paid: false }] },
      ],
    });
    expect(asJson(r.payouts.map((p) => [p.id, p.paid, p.free, p.amount]))).toEqual([
      ["村集体", "200000.00", "0.00", "6000.00"],
      ["合作社", "100000.00", "50000.00", "3000.00"],
      ["移民户甲", "0.00", "30000.00", "0.00"],
    ]);
    expect(r.trace.rule).toBe("MIG-SHARE-3");
  });

  it("MIG-SHARE-3: forms of input weighted by the agreement (根据投入方式)", () => {
    const r = distributeByPaidContribution({
      income: "1000.00",
      formWeights: { cash: "1", land: "0.5" },
      participants: [
        { id: "E1", kind: "enterprise", contributions: [{ amount: "1000.00", paid: true, form: "cash" }] },
        {
          id: "H1",
          kind: "household",
          contributions: [
            { amount: "2000.00", paid: true, form: "land" },
            { amount: "10.00", paid: false },
          ],
        },
      ],
    });
    expect(r.payouts.map((p) => [p.weight, String(p.amount)])).toEqual([
      ["1000", "500.00"],
      ["1000", "500.00"],
    ]);
  });

  it("MIG-SHARE-3: a tie of remainders goes to the smaller id, whatever the input order", () => {
    const ps = [
      { id: "B", kind: "household" as const, contributions: [{ amount: "1.00", paid: true }] },
      { id: "A", kind: "household" as const, contributions: [{ amount: "1.00", paid: true }] },
    ];
    const r = distributeByPaidContribution({ income: "0.01", participants: ps });
    expect(r.payouts.map((p) => [p.id, String(p.amount)])).toEqual([
      ["B", "0.00"],
      ["A", "0.01"],
    ]);
    expect(deepFreeze(ps)).toBe(ps);
    expect(
      distributeByPaidContribution({ income: "0.01", participants: [...ps].reverse() }).payouts.map((p) =>
        String(p.amount),
      ),
    ).toEqual(["0.01", "0.00"]);
  });

  it("MIG-SHARE-3 (property): the income is conserved to the fen and no one with no paid part gets money", () => {
    const part = fc.record({
      kind: fc.constantFrom(
        "household",
        "enterprise",
        "cooperative",
        "village-collective",
      ) as fc.Arbitrary<"household">,
      contributions: fc.array(
        fc.record({ amount: fc.nat(1_000_000).map((f) => (f / 100).toFixed(2)), paid: fc.boolean() }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(
        fc.nat(100_000_000).map((f) => (f / 100).toFixed(2)),
        fc.array(part, { minLength: 1, maxLength: 20 }),
        (income, parts) => {
          const participants = parts.map((p, i) => ({ ...p, id: `P${i}` }));
          fc.pre(participants.some((p) => p.contributions.some((c) => c.paid && Number(c.amount) > 0)));
          const r = distributeByPaidContribution({ income, participants });
          expect(String(r.payouts.reduce((a, p) => a + p.amount.fen, 0n))).toBe(String(r.total.fen));
          for (const p of r.payouts) if (p.paid.fen === 0n) expect(p.amount.fen).toBe(0n);
        },
      ),
    );
  });

  describe("MIG-SHARE-3: bad input", () => {
    const ok = {
      income: "10.00",
      participants: [{ id: "A", kind: "household", contributions: [{ amount: "1.00", paid: true }] }],
    };
    it.each([
      ["negative income", { ...ok, income: "-1" }, ["income"]],
      ["no participants", { ...ok, participants: [] }, ["participants"]],
      [
        "no contributions",
        { ...ok, participants: [{ id: "A", kind: "household", contributions: [] }] },
        ["participants", 0, "contributions"],
      ],
      [
        "unknown kind",
        { ...ok, participants: [{ id: "A", kind: "bank", contributions: [{ amount: "1", paid: true }] }] },
        ["participants", 0, "kind"],
      ],
      [
        "paid not boolean",
        { ...ok, participants: [{ id: "A", kind: "household", contributions: [{ amount: "1", paid: "yes" }] }] },
        ["participants", 0, "contributions", 0, "paid"],
      ],
      ["duplicate ids", { ...ok, participants: [...ok.participants, ...ok.participants] }, ["participants", 1, "id"]],
      [
        "undeclared form",
        {
          ...ok,
          formWeights: { cash: "1" },
          participants: [{ id: "A", kind: "household", contributions: [{ amount: "1", paid: true, form: "land" }] }],
        },
        ["participants", 0, "contributions", 0, "form"],
      ],
      [
        "form missing with formWeights",
        { ...ok, formWeights: { cash: "1" } },
        ["participants", 0, "contributions", 0, "form"],
      ],
      ["negative form weight", { ...ok, formWeights: { cash: "-1" } }, ["formWeights", "cash"]],
      ["__proto__ form", { ...ok, formWeights: JSON.parse('{"__proto__":"1"}') }, ["formWeights", "__proto__"]],
      ["unknown key", { ...ok, incom: "1" }, []],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(
        () => distributeByPaidContribution(input as never),
        "INVALID_INPUT",
        path as (string | number)[],
      );
    });
    it("income but no paid part → NOTHING_TO_SHARE_BY", () => {
      expectSannongError(
        () =>
          distributeByPaidContribution({
            income: "1.00",
            participants: [{ id: "A", kind: "household", contributions: [{ amount: "5", paid: false }] }],
          }),
        "NOTHING_TO_SHARE_BY",
      );
    });
  });
  it("MIG-SHARE-3: a form weight with 18 decimals times a paid amount in fen (20 decimals) splits exactly, not a core error at 'weights'", () => {
    const participants = [
      { id: "a", kind: "household" as const, contributions: [{ amount: "1.01", paid: true, form: "cash" }] },
      { id: "b", kind: "household" as const, contributions: [{ amount: "3.00", paid: true, form: "cash" }] },
    ];
    const r = distributeByPaidContribution({
      income: "100.00",
      participants,
      formWeights: { cash: "0.123456789012345678" },
    });
    expect(r.payouts.map((p) => p.weight)).toEqual(["0.12469135690246913478", "0.370370367037037034"]);
    // one form weight for everyone cancels out: the same split as without it
    const plain = distributeByPaidContribution({
      income: "100.00",
      participants: participants.map((p) => ({ ...p, contributions: p.contributions.map(({ form: _f, ...c }) => c) })),
    });
    expect(asJson(r.payouts.map((p) => p.amount))).toEqual(["25.19", "74.81"]);
    expect(asJson(plain.payouts.map((p) => p.amount))).toEqual(["25.19", "74.81"]);
  });
});
