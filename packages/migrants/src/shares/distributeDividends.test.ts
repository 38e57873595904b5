import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseInput, ValidationError } from "@sannong/core";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { distributeDividends, distributeDividendsInputSchema, fastParseDividendsInput } from "./distributeDividends";

const fen = (m: { fen: bigint }) => m.fen;
const sumFen = (xs: readonly { fen: bigint }[]) => xs.reduce((a, m) => a + m.fen, 0n);

describe("distributeDividends", () => {
  it("MIG-SHARE-2: a pool of 10,000.00 split by shares 3 : 3 : 1 (the one fen left goes to the earlier of the tied holders)", () => {
    const r = distributeDividends({
      pool: "10000.00",
      mode: "shares",
      holders: [
        { id: "A", shares: 3 },
        { id: "B", shares: 3 },
        { id: "C", shares: 1 },
      ],
    });
    expect(r.payouts.map((p) => [p.id, String(p.amount)])).toEqual([
      ["A", "4285.72"],
      ["B", "4285.71"],
      ["C", "1428.57"],
    ]);
    expect(String(r.total)).toBe("10000.00");
    expect(r.payouts.every((p) => String(p.byTransactions) === "0.00")).toBe(true);
    expect(r.trace.rule).toBe("MIG-SHARE-2");
    expect(asJson(r.trace.output)).toEqual({ sharesPart: "10000.00", transactionsPart: "0.00", total: "10000.00" });
  });

  it("MIG-SHARE-2: a pool of 6,000.00 split by transaction volume 50,000 : 30,000 : 20,000 : 0", () => {
    const r = distributeDividends({
      pool: "6000.00",
      mode: "transactions",
      holders: [
        { id: "合作社成员1", transactions: "50000.00" },
        { id: "合作社成员2", transactions: "30000" },
        { id: "合作社成员3", transactions: "20000.00" },
        { id: "合作社成员4", transactions: "0" },
      ],
    });
    expect(r.payouts.map((p) => String(p.amount))).toEqual(["3000.00", "1800.00", "1200.00", "0.00"]);
    expect(r.payouts.map((p) => String(p.byShares))).toEqual(["0.00", "0.00", "0.00", "0.00"]);
  });

  it("MIG-SHARE-2: mixed — 60% of 10,000.01 by shares, the rest by transactions, each layer reported", () => {
    const r = distributeDividends({
      pool: "10000.01",
      mode: "mixed",
      sharesRatio: "0.6",
      holders: [
        { id: "A", shares: 2, transactions: "100.00" },
        { id: "B", shares: 1, transactions: "300.00" },
      ],
    });
    // 10000.01 × 0.6 = 6000.006 → 6000.01 (largest remainder of the two parts), 4000.00 by transactions
    expect(String(r.sharesPart)).toBe("6000.01");
    expect(String(r.transactionsPart)).toBe("4000.00");
    expect(r.payouts.map((p) => [String(p.byShares), String(p.byTransactions), String(p.amount)])).toEqual([
      ["4000.01", "1000.00", "5000.01"],
      ["2000.00", "3000.00", "5000.00"],
    ]);
    expect(sumFen(r.payouts.map((p) => p.amount))).toBe(1000001n);
  });

  it("MIG-SHARE-2: a zero pool pays zero to everyone, even when every weight is zero", () => {
    const r = distributeDividends({ pool: "0", mode: "shares", holders: [{ id: "A", shares: 0 }] });
    expect(String(r.payouts[0]!.amount)).toBe("0.00");
  });

  it("MIG-SHARE-2: amounts beyond 2^53 fen take core's exact bigint path and still conserve the pool", () => {
    const r = distributeDividends({
      pool: "90000000000000.00",
      mode: "transactions",
      holders: [
        { id: "A", transactions: "9999999999999.99" },
        { id: "B", transactions: "1.01" },
        { id: "C", transactions: 7 },
      ],
    });
    expect(sumFen(r.payouts.map((p) => p.amount))).toBe(9_000_000_000_000_000n);
  });

  it("MIG-SHARE-2: does not mutate its input and is deterministic", () => {
    const input = deepFreeze({
      pool: "100.00",
      mode: "mixed" as const,
      sharesRatio: "0.5",
      holders: [
        { id: "A", shares: 1, transactions: "1.00" },
        { id: "B", shares: 2, transactions: "2.00" },
      ],
    });
    expect(JSON.stringify(distributeDividends(input))).toBe(JSON.stringify(distributeDividends(input)));
  });

  const holdersArb = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s),
      shares: fc.nat({ max: 10_000 }),
      transactions: fc.nat({ max: 100_000_000 }).map((f) => (f / 100).toFixed(2)),
    }),
    { minLength: 1, maxLength: 60, selector: (h) => h.id },
  );
  const poolArb = fc.nat({ max: 1_000_000_000 }).map((f) => (f / 100).toFixed(2));
  const modeArb = fc.constantFrom("shares", "transactions", "mixed") as fc.Arbitrary<
    "shares" | "transactions" | "mixed"
  >;

  it("MIG-SHARE-2 (property): payouts conserve the pool to the fen, are never negative, and each layer is within one fen of its exact share", () => {
    fc.assert(
      fc.property(poolArb, modeArb, fc.nat({ max: 100 }), holdersArb, (pool, mode, pct, holders) => {
        const anyShares = holders.some((h) => h.shares > 0);
        const anyTx = holders.some((h) => Number(h.transactions) > 0);
        fc.pre(
          (mode !== "transactions" || anyTx) &&
            (mode !== "shares" || anyShares) &&
            (mode !== "mixed" || (anyShares && anyTx)),
        );
        const r = distributeDividends({
          pool,
          mode,
          ...(mode === "mixed" ? { sharesRatio: String(pct / 100) } : {}),
          holders,
        });
        expect(sumFen(r.payouts.map((p) => p.amount))).toBe(fen(r.total));
        expect(String(r.total)).toBe(pool);
        expect(r.sharesPart.fen + r.transactionsPart.fen).toBe(r.total.fen);
        for (const p of r.payouts) {
          expect(p.amount.fen >= 0n).toBe(true);
          expect(p.amount.fen).toBe(p.byShares.fen + p.byTransactions.fen);
        }
        const check = (part: bigint, w: bigint[], got: bigint[]) => {
          const W = w.reduce((a, b) => a + b, 0n);
          if (W === 0n) return;
          w.forEach((wi, i) => {
            const lo = (part * wi) / W;
            expect(got[i]! === lo || got[i]! === lo + 1n).toBe(true);
          });
        };
        if (mode !== "transactions")
          check(
            r.sharesPart.fen,
            holders.map((h) => BigInt(h.shares)),
            r.payouts.map((p) => p.byShares.fen),
          );
        if (mode !== "shares")
          check(
            r.transactionsPart.fen,
            holders.map((h) => BigInt(Math.round(Number(h.transactions) * 100))),
            r.payouts.map((p) => p.byTransactions.fen),
          );
      }),
    );
  });

  it("MIG-SHARE-2 (property): more shares never means a smaller dividend; permuting holders permutes the payouts when no remainders tie", () => {
    fc.assert(
      fc.property(poolArb, holdersArb, (pool, holders) => {
        fc.pre(holders.some((h) => h.shares > 0));
        const r = distributeDividends({
          pool,
          mode: "shares",
          holders: holders.map(({ id, shares }) => ({ id, shares })),
        });
        for (let i = 0; i < holders.length; i++)
          for (let j = 0; j < holders.length; j++)
            if (holders[i]!.shares > holders[j]!.shares)
              expect(r.payouts[i]!.amount.fen >= r.payouts[j]!.amount.fen).toBe(true);
        const reversed = distributeDividends({
          pool,
          mode: "shares",
          holders: [...holders].reverse().map(({ id, shares }) => ({ id, shares })),
        });
        const byId = new Map(reversed.payouts.map((p) => [p.id, p.amount.fen]));
        const W = holders.reduce((a, h) => a + BigInt(h.shares), 0n);
        const P = BigInt(Math.round(Number(pool) * 100));
        const remainders = holders.filter((h) => h.shares > 0).map((h) => (P * BigInt(h.shares)) % W);
        if (new Set(remainders).size === remainders.length)
          for (const p of r.payouts) expect(byId.get(p.id)).toBe(p.amount.fen);
      }),
    );
  });

  it("MIG-SHARE-2 (property): the fast validation path accepts only what the schema accepts, with the same data", () => {
    const item = fc.oneof(
      fc.record(
        {
          id: fc.constantFrom("a", "b", " c", ""),
          shares: fc.oneof(fc.nat(5), fc.constantFrom(-1, 1.5, "2")),
          transactions: fc.constantFrom("1.00", "2", "1.001", "-1", " 3", 4, 4.5, "007.50"),
        },
        { requiredKeys: ["id"] },
      ),
      fc.constantFrom(null, 3, { id: "z", extra: 1 }),
    );
    const input = fc.record(
      {
        pool: fc.constantFrom("10.00", "-1", "1.005", 5),
        mode: fc.constantFrom("shares", "transactions", "mixed", "votes"),
        sharesRatio: fc.constantFrom("0.5", "2", undefined),
        holders: fc.array(item, { maxLength: 5 }),
        x: fc.constant(1),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (x) => {
        const z = distributeDividendsInputSchema.safeParse(x);
        const f = fastParseDividendsInput(x);
        if (f !== undefined && !z.success)
          expect(
            z.error.issues.every((i) => (i as { params?: { code?: string } }).params?.code === "duplicate_id"),
          ).toBe(true);
        if (f !== undefined && z.success) {
          const ids =
            typeof f.ids === "function" ? z.data.holders.map((_, i) => (f.ids as (i: number) => string)(i)) : f.ids;
          expect(ids).toEqual(z.data.holders.map((h) => h.id));
          expect(f.poolFen).toBe(z.data.pool.fen);
          if (f.shares) expect(Array.from(f.shares)).toEqual(z.data.holders.map((h) => h.shares));
          if (f.txFen)
            expect(Array.from(f.txFen as Float64Array, (v) => BigInt(v))).toEqual(
              z.data.holders.map((h) => h.transactions!.fen),
            );
        }
        if (!z.success) {
          let a: unknown;
          let b: unknown;
          try {
            parseInput(distributeDividendsInputSchema, x, "distributeDividends");
          } catch (e) {
            a = e;
          }
          try {
            distributeDividends(x as never);
          } catch (e) {
            b = e;
          }
          expect(b).toBeInstanceOf(ValidationError);
          expect((b as ValidationError).toJSON()).toEqual((a as ValidationError).toJSON());
        }
      }),
      { numRuns: 300 },
    );
  });

  describe("MIG-SHARE-2: bad input", () => {
    const ok = { pool: "100.00", mode: "shares", holders: [{ id: "A", shares: 1 }] };
    it.each([
      ["negative pool", { ...ok, pool: "-1.00" }, ["pool"]],
      ["pool with three decimals", { ...ok, pool: "1.005" }, ["pool"]],
      ["pool NaN", { ...ok, pool: Number.NaN }, ["pool"]],
      ["unknown mode", { ...ok, mode: "votes" }, ["mode"]],
      ["fractional shares", { ...ok, holders: [{ id: "A", shares: 1.5 }] }, ["holders", 0, "shares"]],
      ["negative shares", { ...ok, holders: [{ id: "A", shares: -1 }] }, ["holders", 0, "shares"]],
      [
        "Infinity shares",
        { ...ok, holders: [{ id: "A", shares: Number.POSITIVE_INFINITY }] },
        ["holders", 0, "shares"],
      ],
      [
        "missing shares in shares mode",
        {
          ...ok,
          holders: [
            { id: "A", shares: 1 },
            { id: "B", transactions: "1.00" },
          ],
        },
        ["holders", 1, "shares"],
      ],
      [
        "missing transactions in transactions mode",
        { ...ok, mode: "transactions", holders: [{ id: "A", shares: 1 }] },
        ["holders", 0, "transactions"],
      ],
      [
        "negative transactions",
        { ...ok, mode: "transactions", holders: [{ id: "A", transactions: "-5" }] },
        ["holders", 0, "transactions"],
      ],
      [
        "mixed without sharesRatio",
        { ...ok, mode: "mixed", holders: [{ id: "A", shares: 1, transactions: "1" }] },
        ["sharesRatio"],
      ],
      ["sharesRatio outside mixed", { ...ok, sharesRatio: "0.5" }, ["sharesRatio"]],
      [
        "sharesRatio above 1",
        { ...ok, mode: "mixed", sharesRatio: "1.2", holders: [{ id: "A", shares: 1, transactions: "1" }] },
        ["sharesRatio"],
      ],
      [
        "duplicate ids",
        {
          ...ok,
          holders: [
            { id: "A", shares: 1 },
            { id: "A", shares: 2 },
          ],
        },
        ["holders", 1, "id"],
      ],
      ["empty holders", { ...ok, holders: [] }, ["holders"]],
      ["unknown holder key", { ...ok, holders: [{ id: "A", shares: 1, share: 2 }] }, ["holders", 0]],
      ["unknown key", { ...ok, total: "1" }, []],
      [
        "__proto__ key",
        JSON.parse('{"pool":"1.00","mode":"shares","holders":[{"id":"A","shares":1}],"__proto__":{"mode":"x"}}'),
        [],
      ],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(() => distributeDividends(input as never), "INVALID_INPUT", path as (string | number)[]);
    });

    it("every weight zero with a non-zero pool → NOTHING_TO_SHARE_BY", () => {
      expectSannongError(
        () => distributeDividends({ pool: "1.00", mode: "shares", holders: [{ id: "A", shares: 0 }] }),
        "NOTHING_TO_SHARE_BY",
        ["holders"],
      );
      expectSannongError(
        () =>
          distributeDividends({
            pool: "1.00",
            mode: "mixed",
            sharesRatio: "0.5",
            holders: [{ id: "A", shares: 1, transactions: "0" }],
          }),
        "NOTHING_TO_SHARE_BY",
      );
    });

    it("bad options → INVALID_INPUT", () => {
      expectSannongError(() => distributeDividends(ok as never, { parameters: 1 } as never), "INVALID_INPUT");
    });
  });
});
