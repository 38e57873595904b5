import { describe, expect, it } from "vitest";
import fc from "fast-check";
import DecimalJs from "decimal.js";
import { overlay, renderTrace } from "@sannong/core";
import { buildRemittanceSchedule, type BuildRemittanceScheduleInput } from "./buildRemittanceSchedule";
import { remittancesAsOutflows } from "./remittancesAsOutflows";
import { insuranceParameterSet } from "../parameters";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const BigDec = DecimalJs.clone({ precision: 2000 });

/** Plain reference: walk every person and every month; standards by high-precision decimal. */
function reference(input: {
  handoverDate: string;
  periodYears: number;
  firstMonth?: "next" | "handover";
  monthlyStandard: string;
  annualGrowth?: string;
  periods: number;
  persons: { id: string; coveredUntil?: string }[];
}): { fen: bigint; personMonths: number; months: string[] } {
  const y0 = Number(input.handoverDate.slice(0, 4));
  const m0 = Number(input.handoverDate.slice(5, 7));
  let y = y0;
  let m = m0;
  if ((input.firstMonth ?? "next") === "next") {
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  const lastYear = y0 + (input.periods + 1) * input.periodYears;
  const months: string[] = [];
  while (y <= lastYear) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  let fen = 0n;
  let personMonths = 0;
  for (const ym of months) {
    const year = Number(ym.slice(0, 4));
    const std = new BigDec(input.monthlyStandard)
      .times(new BigDec(1).plus(input.annualGrowth ?? "0").pow(year - y0))
      .toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
    const stdFen = BigInt(std.times(100).toFixed(0));
    for (const p of input.persons) {
      if (p.coveredUntil !== undefined && p.coveredUntil.slice(0, 7) < ym) continue;
      fen += stdFen;
      personMonths += 1;
    }
  }
  return { fen, personMonths, months };
}

const next = (ym: string): string => {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};

describe("buildRemittanceSchedule", () => {
  const example = deepFreeze({
    handoverDate: "2022-07-15",
    periodYears: 3,
    monthlyStandard: "1500.00",
    annualGrowth: "0.05",
    periods: 1,
    persons: [{ id: "p1" }, { id: "p2", coveredUntil: "2027-05-31" }],
  });

  it("INS-OVERAGE-3: worked example — first remittance at handover covers the rest of 2022 and 2023–2025; the next is due 2025-11-30", () => {
    const s = buildRemittanceSchedule(example);
    expect(s.remittances.map((r) => [r.dueDate, r.from, r.to, r.personMonths, r.persons, String(r.amount)])).toEqual([
      ["2022-07-15", "2022-08", "2025-12", 82, 2, "134164.56"],
      ["2025-11-30", "2026-01", "2028-12", 53, 2, "100425.06"],
    ]);
    expect(String(s.lumpSum)).toBe("234589.62");
    expect(asJson(s.standards)).toEqual([
      { year: 2022, monthlyStandard: "1500.00" },
      { year: 2023, monthlyStandard: "1575.00" },
      { year: 2024, monthlyStandard: "1653.75" },
      { year: 2025, monthlyStandard: "1736.44" },
      { year: 2026, monthlyStandard: "1823.26" },
      { year: 2027, monthlyStandard: "1914.42" },
      { year: 2028, monthlyStandard: "2010.14" },
    ]);
  });

  it("INS-OVERAGE-2: the standard of year y is rounded half-up to the fen before multiplying by person-months", () => {
    // 1736.4375 → 1736.44: 24 person-months in 2025 cost 24 × 1736.44, not round(24 × 1736.4375)
    const s = buildRemittanceSchedule(example);
    const step = s.trace.children?.[1]?.output as { byYear: Record<string, { amount: string; personMonths: number }> };
    const byYear = step.byYear;
    expect(byYear["2025"]).toEqual({ monthlyStandard: "1736.44", personMonths: 24, amount: "41674.56" });
    expect(byYear["2022"]).toEqual({ monthlyStandard: "1500.00", personMonths: 10, amount: "15000.00" });
  });

  it.each([
    // handoverDate, firstMonth, first from, first months of one person
    ["2022-01-10", "next", "2022-02", 11 + 36],
    ["2022-01-10", "handover", "2022-01", 12 + 36],
    ["2022-12-20", "next", "2023-01", 36],
    ["2022-12-20", "handover", "2022-12", 1 + 36],
    ["2024-02-29", "next", "2024-03", 10 + 36],
  ] as const)(
    "INS-OVERAGE-3: boundary — handover %s with firstMonth %s covers from %s",
    (handoverDate, firstMonth, from, months) => {
      const s = buildRemittanceSchedule({
        handoverDate,
        firstMonth,
        periodYears: 3,
        monthlyStandard: "100.00",
        periods: 2,
        persons: [{ id: "a" }],
      });
      const first = s.remittances[0]!;
      expect(first.dueDate).toBe(handoverDate);
      expect(first.from).toBe(from);
      expect(first.to).toBe(`${Number(handoverDate.slice(0, 4)) + 3}-12`);
      expect(first.personMonths).toBe(months);
      expect(String(first.amount)).toBe(`${months * 100}.00`);
      const y = Number(handoverDate.slice(0, 4));
      expect(s.remittances.map((r) => r.dueDate)).toEqual([handoverDate, `${y + 3}-11-30`, `${y + 6}-11-30`]);
    },
  );

  it("INS-OVERAGE-3: a person whose cover ends in the middle of a period counts up to and including that month", () => {
    const s = buildRemittanceSchedule({
      handoverDate: "2022-07-15",
      periodYears: 2,
      monthlyStandard: "10.00",
      periods: 2,
      persons: [
        { id: "a", coveredUntil: "2025-03-02" },
        { id: "b", coveredUntil: "2022-07-31" },
      ],
    });
    // a: 2022-08..2024-12 = 29 months, then 2025-01..2025-03 = 3 months, then nothing; b: cover ended in the handover month
    expect(s.remittances.map((r) => [r.personMonths, r.persons, String(r.amount)])).toEqual([
      [29, 1, "290.00"],
      [3, 1, "30.00"],
      [0, 0, "0.00"],
    ]);
    expect(String(s.lumpSum)).toBe("320.00");
  });

  it("INS-OVERAGE-2: growth over many years is exact (5% a year over 60 years, checked against a 2000-digit reference)", () => {
    const input = {
      handoverDate: "2030-06-30",
      periodYears: 5,
      monthlyStandard: "1234.56",
      annualGrowth: "0.05",
      periods: 11,
      persons: [{ id: "a" }, { id: "b", coveredUntil: "2061-08-15" }],
    };
    const s = buildRemittanceSchedule(input);
    expect(s.lumpSum.fen).toBe(reference(input).fen);
    const last = s.standards[s.standards.length - 1]!;
    expect(last.year).toBe(2090);
    expect(String(last.monthlyStandard)).toBe(
      new BigDec("1234.56").times(new BigDec("1.05").pow(60)).toFixed(2, DecimalJs.ROUND_HALF_UP),
    );
  });

  it("INS-OVERAGE-3: property — amounts add up to the cost of all covered person-months, and no month is covered twice or missed", () => {
    const date = fc
      .tuple(fc.integer({ min: 2022, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom("next" as const, "handover" as const),
        fc.integer({ min: 0, max: 500_000 }),
        fc.constantFrom("0", "0.03", "0.05", "-0.02", "0.123456789"),
        fc.array(fc.option(fc.integer({ min: 0, max: 12 * 40 }), { nil: undefined }), { maxLength: 8 }),
        (handoverDate, periodYears, periods, firstMonth, stdFen, annualGrowth, ends) => {
          const y0 = Number(handoverDate.slice(0, 4));
          const m0 = Number(handoverDate.slice(5, 7));
          const persons = ends.map((e, i) => {
            if (e === undefined) return { id: `p${i}` };
            const idx = y0 * 12 + m0 - 1 + e;
            return {
              id: `p${i}`,
              coveredUntil: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}-28`,
            };
          });
          const monthlyStandard = `${Math.floor(stdFen / 100)}.${String(stdFen % 100).padStart(2, "0")}`;
          const input = { handoverDate, periodYears, periods, firstMonth, monthlyStandard, annualGrowth, persons };
          const s = buildRemittanceSchedule(input);
          const ref = reference(input);
          expect(s.remittances).toHaveLength(periods + 1);
          expect(s.remittances.reduce((a, r) => a + r.amount.fen, 0n)).toBe(s.lumpSum.fen);
          expect(s.lumpSum.fen).toBe(ref.fen);
          expect(s.remittances.reduce((a, r) => a + r.personMonths, 0)).toBe(ref.personMonths);
          // contiguous, non-overlapping, complete
          expect(s.remittances[0]!.from).toBe(ref.months[0]);
          for (let i = 1; i < s.remittances.length; i++)
            expect(s.remittances[i]!.from).toBe(next(s.remittances[i - 1]!.to));
          expect(s.remittances[s.remittances.length - 1]!.to).toBe(ref.months[ref.months.length - 1]);
          for (const r of s.remittances) expect(r.amount.fen >= 0n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("INS-OVERAGE-3: property — permuting persons does not change the schedule; same input, same output", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }), { minLength: 1, maxLength: 10 }),
        fc.integer(),
        (ends, seed) => {
          const persons = ends.map((e, i) =>
            e === undefined
              ? { id: `p${i}` }
              : {
                  id: `p${i}`,
                  coveredUntil: `${2022 + Math.floor((6 + e) / 12)}-${String(((6 + e) % 12) + 1).padStart(2, "0")}-28`,
                },
          );
          const shuffled = [...persons].sort(
            (a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7),
          );
          const base = {
            handoverDate: "2022-07-15",
            periodYears: 3,
            monthlyStandard: "1500.00",
            annualGrowth: "0.04",
            periods: 3,
          };
          const a = buildRemittanceSchedule({ ...base, persons });
          const b = buildRemittanceSchedule({ ...base, persons: shuffled });
          expect(asJson(a)).toEqual(asJson(b));
          expect(JSON.stringify(buildRemittanceSchedule({ ...base, persons }))).toBe(JSON.stringify(a));
        },
      ),
    );
  });

  it("INS-OVERAGE-3: period length, horizon, first month, growth and standard come from parameters when absent", () => {
    const withStd = overlay(insuranceParameterSet, {
      "insurance.overage.monthlyStandard": { value: "2000.00" },
      "insurance.overage.annualGrowth": { value: "0.1" },
    });
    const s = buildRemittanceSchedule({ handoverDate: "2022-07-15", persons: [{ id: "a" }] }, { parameters: withStd });
    // defaults: 3-year periods, 4 more periods, cover from the month after handover
    expect(s.remittances).toHaveLength(5);
    expect(s.remittances[4]!.to).toBe("2037-12");
    expect(String(s.standards[1]!.monthlyStandard)).toBe("2200.00");
    const ids = (s.trace.parameters ?? []).map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "insurance.overage.periodYears",
        "insurance.overage.schedulePeriods",
        "insurance.overage.firstMonth",
        "insurance.overage.monthlyStandard",
        "insurance.overage.annualGrowth",
        "insurance.overage.remittanceDeadline",
      ]),
    );
    expect(s.trace.parameters?.find((p) => p.id === "insurance.overage.monthlyStandard")).toMatchObject({
      value: "2000.00",
      overridden: true,
      verified: false,
    });
    const text = renderTrace(s.trace, { lang: "zh" });
    expect(text).toContain("INS-OVERAGE-3");
    expect(text).toContain("INS-OVERAGE-2");
  });

  it("INS-OVERAGE-3: the remittance deadline is a parameter (11月底 by default)", () => {
    const p = overlay(insuranceParameterSet, {
      "insurance.overage.remittanceDeadline": { value: { month: 10, day: 15 } },
    });
    const s = buildRemittanceSchedule(
      { handoverDate: "2022-07-15", periodYears: 2, monthlyStandard: "1.00", periods: 1, persons: [] },
      { parameters: p },
    );
    expect(s.remittances.map((r) => r.dueDate)).toEqual(["2022-07-15", "2024-10-15"]);
    expect(String(s.lumpSum)).toBe("0.00");
  });

  it("INS-OVERAGE-2: a growth parameter of −100% or less is refused, not turned into negative money", () => {
    const bad = overlay(insuranceParameterSet, { "insurance.overage.annualGrowth": { value: "-1.5" } });
    expectSannongError(
      () =>
        buildRemittanceSchedule(
          { handoverDate: "2022-07-15", monthlyStandard: "1.00", persons: [{ id: "a" }] },
          { parameters: bad },
        ),
      "INVALID_INPUT",
    );
  });

  it("INS-OVERAGE-2: no standard given and none set is a typed refusal, not a zero", () => {
    expectSannongError(
      () => buildRemittanceSchedule({ handoverDate: "2022-07-15", persons: [{ id: "a" }] }),
      "STANDARD_NOT_SET",
      ["monthlyStandard"],
    );
  });

  it("INS-OVERAGE-5: the schedule becomes the fund pool's outflows, one per remittance on its due date", () => {
    const s = buildRemittanceSchedule(example);
    const out = remittancesAsOutflows(s);
    expect(asJson(out)).toEqual([
      { date: "2022-07-15", amount: "134164.56", label: "超转人员保障费用汇缴 2022-08..2025-12" },
      { date: "2025-11-30", amount: "100425.06", label: "超转人员保障费用汇缴 2026-01..2028-12" },
    ]);
    // also from a JSON round trip, with a label prefix
    const again = remittancesAsOutflows({ ...(asJson(s) as object), label: "花乡某村" } as never);
    expect(again.map((o) => o.label)).toEqual([
      "花乡某村 超转人员保障费用汇缴 2022-08..2025-12",
      "花乡某村 超转人员保障费用汇缴 2026-01..2028-12",
    ]);
    expect(again.reduce((a, o) => a + o.amount.fen, 0n)).toBe(s.lumpSum.fen);
    expectSannongError(() => remittancesAsOutflows({ remittances: [] } as never), "INVALID_INPUT");
    expectSannongError(
      () => remittancesAsOutflows({ ...s, remittances: [{ ...s.remittances[0]!, extra: 1 }] } as never),
      "INVALID_INPUT",
      ["remittances", 0],
    );
  });

  const good: BuildRemittanceScheduleInput = {
    handoverDate: "2022-07-15",
    periodYears: 3,
    monthlyStandard: "1500.00",
    periods: 1,
    persons: [{ id: "a" }],
  };
  it.each([
    [{ ...good, handoverDate: "2022-02-30" }, ["handoverDate"]],
    [{ ...good, periodYears: 0 }, ["periodYears"]],
    [{ ...good, periodYears: 1.5 }, ["periodYears"]],
    [{ ...good, periods: -1 }, ["periods"]],
    [{ ...good, firstMonth: "first" }, ["firstMonth"]],
    [{ ...good, monthlyStandard: "-1.00" }, ["monthlyStandard"]],
    [{ ...good, monthlyStandard: "1.005" }, ["monthlyStandard"]],
    [{ ...good, monthlyStandard: Number.NaN }, ["monthlyStandard"]],
    [{ ...good, annualGrowth: "-1" }, ["annualGrowth"]],
    [{ ...good, annualGrowth: Infinity }, ["annualGrowth"]],
    [{ ...good, persons: [{ id: "a" }, { id: "a" }] }, ["persons", 1, "id"]],
    [{ ...good, persons: [{ id: "a", coveredUntil: "2022-07-14" }] }, ["persons", 0, "coveredUntil"]],
    [{ ...good, persons: [{ id: "a", until: "2030-01-01" }] }, ["persons", 0]],
    [{ ...good, persons: [{ id: "" }] }, ["persons", 0, "id"]],
    [{ ...good, person: [] }, []],
    [JSON.parse('{"handoverDate":"2022-07-15","persons":[],"__proto__":{"x":1}}'), []],
  ])("INS-OVERAGE-3: bad input %# is INVALID_INPUT", (input, path) => {
    const e = expectSannongError(() => buildRemittanceSchedule(input as BuildRemittanceScheduleInput), "INVALID_INPUT");
    if (path.length) expect(e.path).toEqual(path);
  });

  it("INS-OVERAGE-3: a schedule past 2199 and a bad options argument are typed errors", () => {
    expectSannongError(
      () => buildRemittanceSchedule({ ...good, handoverDate: "2190-01-01", periodYears: 5, periods: 2 }),
      "SCHEDULE_OUT_OF_RANGE",
    );
    expectSannongError(() => buildRemittanceSchedule({ ...good, handoverDate: "2021-12-03" }), "PARAM_NOT_IN_FORCE");
    expectSannongError(() => buildRemittanceSchedule(good, { parameters: {} } as never), "INVALID_INPUT");
    expectSannongError(() => buildRemittanceSchedule(good, { params: 1 } as never), "INVALID_INPUT");
  });
});
