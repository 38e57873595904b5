import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { projectFundPool, type ProjectFundPoolInput, type ProjectFundPoolResult } from "./projectFundPool";
import { fundsParameterSet } from "../parameters";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const EXAMPLE: ProjectFundPoolInput = {
  start: "2022-01",
  months: 12,
  returnRates: [{ from: "2022-01", annualRate: "0.036" }],
  inflows: [
    { date: "2022-01-05", amount: "1000000.00", source: "expropriation" },
    { date: "2022-01-10", amount: "200000.00", source: "idle-collective", depositor: "东村" },
  ],
  outflows: [{ date: "2022-11-30", amount: "1100000.00", label: "2023—2025 汇缴" }],
};

/** Every month: opening = previous closing; the flows add up; guarantee + entrusted = closing. */
function expectBalanced(r: ProjectFundPoolResult): void {
  let prev = 0n;
  for (const m of r.ledger) {
    expect(m.opening.fen, m.month).toBe(prev);
    expect(
      m.opening.fen +
        m.returns.fen +
        m.inflows.fen +
        m.topUp.fen -
        m.withdrawals.fen -
        m.outflows.fen -
        m.repayment.fen,
      m.month,
    ).toBe(m.closing.fen);
    expect(m.guarantee.fen + m.entrusted.fen, m.month).toBe(m.closing.fen);
    expect(Object.values(m.inflowsBySource).reduce((s, x) => s + x.fen, 0n)).toBe(m.inflows.fen);
    expect(m.guarantee.fen >= 0n && m.entrusted.fen >= 0n && m.compensationOutstanding.fen >= 0n).toBe(true);
    prev = m.closing.fen;
  }
  const last = r.ledger[r.ledger.length - 1]!;
  expect(r.depositors.reduce((s, d) => s + d.value.fen, 0n)).toBe(last.entrusted.fen);
  expect(r.topUps.reduce((s, t) => s + t.amount.fen, 0n) - r.repayments.reduce((s, t) => s + t.amount.fen, 0n)).toBe(
    last.compensationOutstanding.fen,
  );
}

describe("projectFundPool — worked examples", () => {
  it("FUNDS-POOL-2: monthly returns compound on the opening balance; a remittance the guarantee money cannot cover is topped up", () => {
    const r = projectFundPool(EXAMPLE);
    expectBalanced(r);
    // February: 1,200,000.00 × 0.036 ÷ 12 = 3,600.00 (January's money arrives during January and earns from February)
    expect(String(r.ledger[1]!.returns)).toBe("3600.00");
    expect(String(r.ledger[0]!.returns)).toBe("0.00");
    // November: guarantee money 1,000,000.00 × 1.003^10 = 1,030,408.26 (rounded monthly) < 1,100,000.00
    expect(r.topUps.map((t) => [t.month, String(t.amount)])).toEqual([["2022-11", "69591.74"]]);
    expect(String(r.ledger[10]!.guarantee)).toBe("0.00");
    // the entrusted money is never used for the remittance: 200,000.00 × 1.003^11 = 206,699.89 (its own returns, rounded each month)
    expect(r.depositors).toHaveLength(1);
    expect([
      r.depositors[0]!.depositor,
      r.depositors[0]!.units,
      String(r.depositors[0]!.value),
      String(r.depositors[0]!.gain),
    ]).toEqual(["东村", "200000.000000", "206699.89", "6699.89"]);
    expect(r.ledger[11]!.unitValue).toBe("1.033499");
    expect(String(r.ledger[11]!.compensationOutstanding)).toBe("69591.74");
    expect(r.repayments).toEqual([]);
  });

  it("FUNDS-POOL-1: the ledger is kept by source and by depositor", () => {
    const r = projectFundPool({
      ...EXAMPLE,
      inflows: [
        ...EXAMPLE.inflows,
        { date: "2022-02-01", amount: "50000.00", source: "collective", depositor: "西村" },
        { date: "2022-03-01", amount: "80000.00", source: "risk-compensation" },
        { date: "2022-04-01", amount: "30000.00", source: "entrusted-fees", depositor: "西村" },
      ],
    });
    expectBalanced(r);
    expect(asJson(r.bySource)).toEqual({
      expropriation: "1000000.00",
      "risk-compensation": "80000.00",
      collective: "50000.00",
      "entrusted-fees": "30000.00",
      "idle-collective": "200000.00",
    });
    expect(asJson(r.contributions)).toEqual([{ depositor: "西村", source: "collective", amount: "50000.00" }]);
    expect(r.depositors.map((d) => d.depositor)).toEqual(["东村", "西村"]);
    expect(asJson(r.ledger[1]!.inflowsBySource)).toMatchObject({ collective: "50000.00" });
  });

  it("FUNDS-POOL-2: declared return path — compensation is repaid in December from the surplus above 12 months of outflows", () => {
    const base: ProjectFundPoolInput = {
      start: "2024-01",
      months: 36,
      returnRates: [{ from: "2024-01", annualRate: 0 }],
      inflows: [
        { date: "2024-01-05", amount: "100000.00", source: "expropriation" },
        { date: "2024-06-05", amount: "300000.00", source: "expropriation" },
      ],
      outflows: [
        { date: "2024-03-31", amount: "150000.00" },
        ...Array.from({ length: 12 }, (_, k) => ({
          date: `2025-${String(k + 1).padStart(2, "0")}-28`,
          amount: "20000.00",
        })),
      ],
    };
    const none = projectFundPool(base);
    expect(none.topUps.map((t) => String(t.amount))).toEqual(["50000.00"]);
    expect(none.repayments).toEqual([]);
    const full = projectFundPool({ ...base, riskCompensation: { repayment: {} } });
    // December 2024: guarantee 300,000.00, reserve 240,000.00 (2025's outflows), surplus 60,000.00 ≥ 50,000.00 owed
    expect(full.repayments.map((t) => [t.month, String(t.amount)])).toEqual([["2024-12", "50000.00"]]);
    expectBalanced(full);
    const half = projectFundPool({ ...base, riskCompensation: { repayment: { share: "0.5" } } });
    // 2024-12: 60,000 × 0.5 = 30,000; 2025-12: guarantee 30,000, no outflows ahead, 30,000 × 0.5 = 15,000; 2026-12: 15,000 × 0.5 = 7,500 > 5,000 owed
    expect(half.repayments.map((t) => [t.month, String(t.amount)])).toEqual([
      ["2024-12", "30000.00"],
      ["2025-12", "15000.00"],
      ["2026-12", "5000.00"],
    ]);
    expect(half.trace.parameters!.map((p) => p.id)).toEqual([
      "funds.pool.unitDecimals",
      "funds.pool.repaymentMonth",
      "funds.pool.repaymentReserveMonths",
    ]);
    const late = projectFundPool({
      ...base,
      riskCompensation: { repayment: { from: "2026-01", month: 6, reserveMonths: 0 } },
    });
    expect(late.repayments.map((t) => [t.month, String(t.amount)])).toEqual([["2026-06", "50000.00"]]);
  });

  it("FUNDS-POOL-2: without a rate path the rate is the parameter, read month by month (a dated overlay changes it mid-way)", () => {
    const { returnRates: _, ...noPath } = EXAMPLE;
    const r = projectFundPool(noPath);
    expect(r.ledger[1]!.annualRate).toBe("0.03");
    expect(String(r.ledger[1]!.returns)).toBe("3000.00");
    expect(r.trace.parameters!.some((p) => p.id === "funds.pool.annualReturnRate" && p.verified === false)).toBe(true);
    const reform = overlay(fundsParameterSet, {
      "funds.pool.annualReturnRate": { value: "0.024", from: "2022-07-01" },
    });
    const r2 = projectFundPool(noPath, { parameters: reform });
    expect(r2.ledger.map((m) => m.annualRate)).toEqual([...Array(6).fill("0.03"), ...Array(6).fill("0.024")]);
  });

  it("FUNDS-POOL-2: outflows shaped like insurance remittances map in directly; events beyond the horizon are reported", () => {
    const remittances = [
      { dueDate: "2022-11-30", from: "2023-01", to: "2025-12", personMonths: 360, amount: "1100000.00" },
      { dueDate: "2025-11-30", from: "2026-01", to: "2028-12", personMonths: 360, amount: "1200000.00" },
    ];
    const r = projectFundPool({
      ...EXAMPLE,
      outflows: remittances.map((x) => ({ date: x.dueDate, amount: x.amount, label: `${x.from}–${x.to}` })),
      inflows: [...EXAMPLE.inflows, { date: "2023-02-01", amount: "5.00", source: "collective" }],
    });
    expect(r.topUps).toHaveLength(1);
    expect(asJson(r.beyondHorizon)).toEqual({ inflows: "5.00", outflows: "1200000.00", withdrawals: 0 });
  });
});

describe("projectFundPool — units (份额)", () => {
  it("FUNDS-POOL-3: deposits buy units at the current unit value; withdrawals redeem them; the rest keeps its value", () => {
    const r = projectFundPool({
      start: "2022-01",
      months: 24,
      returnRates: [{ from: "2022-01", annualRate: "0.06" }],
      inflows: [
        { date: "2022-01-10", amount: "100000.00", source: "idle-collective", depositor: "A" },
        { date: "2023-01-10", amount: "100000.00", source: "idle-collective", depositor: "B" },
      ],
      outflows: [],
      withdrawals: [
        { date: "2023-06-15", depositor: "A", amount: "10000.00" },
        { date: "2023-12-20", depositor: "B", all: true },
      ],
    });
    expectBalanced(r);
    const [a, b] = r.depositors;
    // A: 100,000 units at 1.00; twelve months of 0.5 % (February 2022 – January 2023): unit value 1.005^12 when B joins, so B buys fewer units
    expect(a!.transactions.map((t) => [t.kind, t.units])).toEqual([
      ["deposit", "100000.000000"],
      ["withdrawal", expect.any(String)],
    ]);
    expect(Number(b!.transactions[0]!.units)).toBeCloseTo(100000 / 1.005 ** 12, 0);
    expect(b!.units).toBe("0.000000");
    expect(String(b!.value)).toBe("0.00");
    expect(b!.gain.fen > 0n).toBe(true);
    expect(r.ledger[23]!.entrusted.fen).toBe(a!.value.fen);
  });

  it("FUNDS-POOL-3: a depositor's return does not depend on when others join or leave (to a fen per month of rounding)", () => {
    const arb = fc.record({
      rate: fc.integer({ min: 0, max: 80 }),
      a: fc.integer({ min: 1_000_00, max: 100_000_000_00 }),
      others: fc.array(
        fc.record({
          month: fc.integer({ min: 0, max: 35 }),
          amount: fc.integer({ min: 1_00, max: 500_000_000_00 }),
          out: fc.option(fc.integer({ min: 0, max: 35 }), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ rate, a, others }) => {
        const ym = (m: number): string => `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
        const alone: ProjectFundPoolInput = {
          start: "2022-01",
          months: 36,
          returnRates: [{ from: "2022-01", annualRate: (rate / 1000).toFixed(3) }],
          inflows: [{ date: "2022-01-01", amount: (a / 100).toFixed(2), source: "idle-collective", depositor: "A" }],
          outflows: [],
        };
        const crowded: ProjectFundPoolInput = {
          ...alone,
          inflows: [
            ...alone.inflows,
            ...others.map((o, i) => ({
              date: `${ym(o.month)}-15`,
              amount: (o.amount / 100).toFixed(2),
              source: "entrusted-fees" as const,
              depositor: `O${i}`,
            })),
          ],
          withdrawals: others.flatMap((o, i) =>
            o.out !== undefined && o.out > o.month
              ? [{ date: `${ym(o.out)}-20`, depositor: `O${i}`, all: true as const }]
              : [],
          ),
        };
        const x = projectFundPool(alone).depositors.find((d) => d.depositor === "A")!;
        const rc = projectFundPool(crowded);
        expectBalanced(rc);
        const y = rc.depositors.find((d) => d.depositor === "A")!;
        const diff = x.value.fen - y.value.fen;
        expect(diff <= 36n && diff >= -36n).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("projectFundPool — laws", () => {
  const eventsArb = fc.record({
    months: fc.integer({ min: 1, max: 48 }),
    rate: fc.integer({ min: -50, max: 120 }),
    inflows: fc.array(
      fc.record({
        m: fc.integer({ min: 0, max: 47 }),
        day: fc.integer({ min: 1, max: 28 }),
        amount: fc.integer({ min: 0, max: 1e9 }),
        src: fc.integer({ min: 0, max: 4 }),
        who: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 20 },
    ),
    outflows: fc.array(fc.record({ m: fc.integer({ min: 0, max: 60 }), amount: fc.integer({ min: 0, max: 1e9 }) }), {
      maxLength: 20,
    }),
    repay: fc.boolean(),
  });
  const sources = ["expropriation", "risk-compensation", "collective", "entrusted-fees", "idle-collective"] as const;
  type Events = typeof eventsArb extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (e: Events): ProjectFundPoolInput => {
    const ym = (m: number): string => `${2030 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    return {
      start: "2030-01",
      months: e.months,
      returnRates: [{ from: "2030-01", annualRate: (e.rate / 1000).toFixed(3) }],
      inflows: e.inflows.map((f) => ({
        date: `${ym(f.m)}-${String(f.day).padStart(2, "0")}`,
        amount: (f.amount / 100).toFixed(2),
        source: sources[f.src]!,
        ...(f.src >= 3 || f.who === 0 ? { depositor: `V${f.who}` } : {}),
      })),
      outflows: e.outflows.map((o) => ({ date: `${ym(o.m)}-28`, amount: (o.amount / 100).toFixed(2) })),
      ...(e.repay ? { riskCompensation: { repayment: { reserveMonths: 3 } } } : {}),
    };
  };

  it("FUNDS-POOL-2: the ledger balances every month to the fen; the guarantee money never goes negative", () => {
    fc.assert(
      fc.property(eventsArb, (e) => {
        expectBalanced(projectFundPool(toInput(e)));
      }),
      { numRuns: 300 },
    );
  });

  it("FUNDS-POOL-2: deterministic, does not mutate its input, and the order of inflows on different days does not matter", () => {
    fc.assert(
      fc.property(eventsArb, (e) => {
        const input = toInput(e);
        const frozen = deepFreeze(structuredClone(input));
        const r = projectFundPool(frozen);
        expect(asJson(projectFundPool(input))).toEqual(asJson(r));
        const reversed = projectFundPool({
          ...input,
          inflows: [...input.inflows].reverse(),
          outflows: [...input.outflows].reverse(),
        });
        expect(asJson(reversed.ledger.map((m) => [m.closing, m.guarantee, m.topUp]))).toEqual(
          asJson(r.ledger.map((m) => [m.closing, m.guarantee, m.topUp])),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("projectFundPool — entrustment and bad input", () => {
  it("FUNDS-POOL-1: voluntary entrustment records are checked (履行民主程序后委托)", () => {
    const events = [
      {
        step: "democratic-decision",
        date: "2022-01-03",
        body: "villagers-meeting",
        form: "representatives-meeting",
        attendees: 90,
        eligible: 100,
        votesFor: 80,
      },
      { step: "entrustment", date: "2022-01-08" },
    ];
    const ok = projectFundPool({ ...EXAMPLE, entrustments: [{ depositor: "东村", events }] });
    expect(ok.warnings).toEqual([]);
    const early = projectFundPool({
      ...EXAMPLE,
      entrustments: [{ depositor: "东村", events: [events[0]!, { step: "entrustment", date: "2022-01-20" }] }],
    });
    expect(early.warnings.map((w) => w.code)).toEqual(["DEPOSIT_BEFORE_ENTRUSTMENT"]);
    const missing = projectFundPool({ ...EXAMPLE, entrustments: [{ depositor: "西村", events }] });
    expect(missing.warnings.map((w) => [w.code, w.depositor])).toEqual([["NO_ENTRUSTMENT_RECORD", "东村"]]);
    const incomplete = projectFundPool({ ...EXAMPLE, entrustments: [{ depositor: "东村", events: [events[1]!] }] });
    expect(incomplete.warnings.map((w) => w.code)).toContain("ENTRUSTMENT_INCOMPLETE");
  });

  it("FUNDS-POOL-3: a withdrawal above the depositor's value, or by a depositor with no units, is refused", () => {
    expectSannongError(
      () =>
        projectFundPool({ ...EXAMPLE, withdrawals: [{ date: "2022-03-01", depositor: "东村", amount: "300000.00" }] }),
      "WITHDRAWAL_EXCEEDS_BALANCE",
      ["withdrawals", 0, "amount"],
    );
    expectSannongError(
      () => projectFundPool({ ...EXAMPLE, withdrawals: [{ date: "2022-03-01", depositor: "北村", all: true }] }),
      "UNKNOWN_DEPOSITOR",
      ["withdrawals", 0, "depositor"],
    );
  });

  it.each([
    ["bad start", { ...EXAMPLE, start: "2022-13" }, ["start"]],
    ["zero months", { ...EXAMPLE, months: 0 }, ["months"]],
    ["past 2199", { ...EXAMPLE, start: "2190-01", months: 200 }, ["months"]],
    [
      "inflow before the start",
      { ...EXAMPLE, inflows: [{ date: "2021-12-31", amount: "1.00", source: "expropriation" }] },
      ["inflows", 0, "date"],
    ],
    [
      "entrusted money without depositor",
      { ...EXAMPLE, inflows: [{ date: "2022-01-01", amount: "1.00", source: "idle-collective" }] },
      ["inflows", 0, "depositor"],
    ],
    [
      "unknown source",
      { ...EXAMPLE, inflows: [{ date: "2022-01-01", amount: "1.00", source: "lottery" }] },
      ["inflows", 0, "source"],
    ],
    [
      "negative outflow",
      { ...EXAMPLE, outflows: [{ date: "2022-01-01", amount: "-1.00" }] },
      ["outflows", 0, "amount"],
    ],
    [
      "outflow with remittance keys",
      { ...EXAMPLE, outflows: [{ dueDate: "2022-01-01", amount: "1.00" }] },
      ["outflows", 0, "date"],
    ],
    [
      "rate path starting late",
      { ...EXAMPLE, returnRates: [{ from: "2022-02", annualRate: "0.03" }] },
      ["returnRates", 0, "from"],
    ],
    [
      "rate path out of order",
      {
        ...EXAMPLE,
        returnRates: [
          { from: "2022-01", annualRate: "0.03" },
          { from: "2022-01", annualRate: "0.02" },
        ],
      },
      ["returnRates", 1, "from"],
    ],
    [
      "rate below −50 %",
      { ...EXAMPLE, returnRates: [{ from: "2022-01", annualRate: "-0.6" }] },
      ["returnRates", 0, "annualRate"],
    ],
    [
      "NaN rate",
      { ...EXAMPLE, returnRates: [{ from: "2022-01", annualRate: Number.NaN }] },
      ["returnRates", 0, "annualRate"],
    ],
    [
      "repayment share above 1",
      { ...EXAMPLE, riskCompensation: { repayment: { share: 2 } } },
      ["riskCompensation", "repayment", "share"],
    ],
    [
      "withdrawal with amount and all",
      { ...EXAMPLE, withdrawals: [{ date: "2022-02-01", depositor: "东村", amount: "1.00", all: true }] },
      ["withdrawals", 0],
    ],
    ["unknown key", { ...EXAMPLE, month: 3 }, []],
  ])("FUNDS-POOL-2: %s → INVALID_INPUT", (_, input, path) => {
    expectSannongError(() => projectFundPool(input as ProjectFundPoolInput), "INVALID_INPUT", path);
  });
});
