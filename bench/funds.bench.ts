/**
 * Benchmarks of @sannong/funds (run: `pnpm bench -- funds`). Targets from
 * issue 3: allocateByFactors on 100,000 recipients × 8 factors under 1 s
 * median; projectFundPool over 30 years monthly with 1,000 depositors under
 * 500 ms median. Each case verifies conservation on its own output.
 */
import {
  allocateByFactors,
  projectFundPool,
  type AllocateByFactorsInput,
  type AllocateByFactorsResult,
  type ProjectFundPoolInput,
  type ProjectFundPoolResult,
} from "@sannong/funds";
import { benchCase, rng } from "./harness";

function factorInput(n: number, k: number): AllocateByFactorsInput {
  const r = rng(20240601);
  const factors = Array.from({ length: k }, (_, j) => ({
    id: `f${j}`,
    weight: "1/8",
    ...(j === k - 1 ? { direction: "inverse" as const, transform: "max-minus" as const } : {}),
  }));
  const recipients = Array.from({ length: n }, (_, i) => ({
    id: `village-${String(i).padStart(6, "0")}`,
    // counts (population, households) as integers; areas and scores with two decimals
    values: Object.fromEntries(
      factors.map((f, j) => [f.id, j % 2 === 0 ? Math.floor(r() * 20000) : Math.round(r() * 1_000_000) / 100]),
    ),
  }));
  return { total: "123456789.00", factors, recipients };
}

function poolInput(years: number, depositors: number): ProjectFundPoolInput {
  const r = rng(19491001);
  const date = (y: number, m: number, d: number): string =>
    `${2022 + y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const yuan = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);
  const inflows: ProjectFundPoolInput["inflows"][number][] = [];
  const outflows: ProjectFundPoolInput["outflows"][number][] = [];
  const withdrawals: NonNullable<ProjectFundPoolInput["withdrawals"]>[number][] = [];
  for (let y = 0; y < years; y++) {
    inflows.push({
      date: date(y, 3, 15),
      amount: yuan(y < 5 ? 9_000_000 : 1_000_000 + r() * 8_000_000),
      source: "expropriation",
    });
    for (let q = 0; q < 4; q++)
      inflows.push({
        date: date(y, q * 3 + 1, 20),
        amount: yuan(200_000 + r() * 100_000),
        source: "risk-compensation",
      });
    inflows.push({
      date: date(y, 6, 30),
      amount: yuan(300_000 * r()),
      source: "collective",
      depositor: `village-${Math.floor(r() * depositors)}`,
    });
    for (let m = 1; m <= 12; m++)
      outflows.push({ date: date(y, m, 28), amount: yuan(250_000 * 1.05 ** y * (0.9 + 0.2 * r())), label: "月度汇缴" });
    outflows.push({ date: date(y, 11, 30), amount: yuan(1_500_000 * 1.04 ** y), label: "下一期汇缴" });
  }
  for (let d = 0; d < depositors; d++) {
    const id = `village-${String(d).padStart(4, "0")}`;
    const y1 = Math.floor(r() * years);
    inflows.push({
      date: date(y1, 1 + Math.floor(r() * 12), 10),
      amount: yuan(50_000 + r() * 950_000),
      source: r() < 0.5 ? "idle-collective" : "entrusted-fees",
      depositor: id,
    });
    const y2 = Math.min(years - 1, y1 + Math.floor(r() * 5));
    inflows.push({
      date: date(y2, 12, 1),
      amount: yuan(10_000 + r() * 90_000),
      source: "idle-collective",
      depositor: id,
    });
    const k = r();
    if (k < 0.1) withdrawals.push({ date: date(years - 1, 12, 20), depositor: id, all: true });
    else if (k < 0.4)
      withdrawals.push({ date: date(Math.min(years - 1, y2 + 1), 12, 20), depositor: id, amount: yuan(5_000) });
  }
  return {
    start: "2022-01",
    months: years * 12,
    inflows,
    outflows,
    withdrawals,
    returnRates: [
      { from: "2022-01", annualRate: "0.035" },
      { from: "2030-01", annualRate: "0.028" },
      { from: "2040-01", annualRate: "0.025" },
    ],
    riskCompensation: { repayment: {} },
  };
}

export default [
  benchCase({
    operation: "funds.allocateByFactors",
    size: "100,000 recipients × 8 factors",
    setup: () => factorInput(100_000, 8),
    run: (input) => allocateByFactors(input),
    verify: (input, output) => {
      const r = output as AllocateByFactorsResult;
      let total = 0n;
      for (const a of r.allocations) {
        total += a.amount.fen;
        let s = 0n;
        for (const m of Object.values(a.byFactor)) s += m.fen;
        if (s !== a.amount.fen) throw new Error(`byFactor of ${a.id} does not add up`);
      }
      if (total !== 12_345_678_900n) throw new Error(`allocations add up to ${total} 分, not the total`);
      if (r.allocations.length !== input.recipients.length) throw new Error("missing allocations");
    },
    target: { maxMedianMs: 1000 },
  }),
  benchCase({
    operation: "funds.projectFundPool",
    size: "30 years monthly × 1,000 depositors",
    setup: () => poolInput(30, 1000),
    run: (input) => projectFundPool(input),
    verify: (_input, output) => {
      const r = output as ProjectFundPoolResult;
      if (r.ledger.length !== 360) throw new Error("expected 360 months");
      let prev = 0n;
      for (const m of r.ledger) {
        if (m.opening.fen !== prev) throw new Error(`${m.month}: opening is not the previous closing`);
        const flow =
          m.opening.fen +
          m.returns.fen +
          m.inflows.fen +
          m.topUp.fen -
          m.withdrawals.fen -
          m.outflows.fen -
          m.repayment.fen;
        if (flow !== m.closing.fen || m.guarantee.fen + m.entrusted.fen !== m.closing.fen)
          throw new Error(`${m.month}: the ledger does not balance`);
        prev = m.closing.fen;
      }
      const last = r.ledger[r.ledger.length - 1]!;
      const sum = r.depositors.reduce((s, d) => s + d.value.fen, 0n);
      if (sum !== last.entrusted.fen) throw new Error("depositors' values do not add up to the entrusted money");
    },
    target: { maxMedianMs: 500 },
  }),
];
