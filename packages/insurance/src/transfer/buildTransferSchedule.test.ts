import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay, renderTrace } from "@sannong/core";
import { buildTransferSchedule, type BuildTransferScheduleInput } from "./buildTransferSchedule";
import { transfersAsDue } from "./transfersAsDue";
import { insuranceParameterSet } from "../parameters";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const example = deepFreeze({
  enrolments: [
    { id: "e1", enrolledOn: "2024-01-15", pensionFund: "30000.00", riskReserve: "1500.00" },
    { id: "e2", enrolledOn: "2024-03-02", pensionFund: "28000.00", riskReserve: "1400.00" },
  ],
});

describe("buildTransferSchedule", () => {
  it("INS-TRANSFER-1: monthly to the pension fund, quarterly to the risk reserve (worked example)", () => {
    const s = buildTransferSchedule(example);
    expect(s.due.map((d) => [d.id, d.fund, d.dueDate, String(d.amount), d.enrolments])).toEqual([
      ["pension-2024-01", "pension", "2024-01-31", "30000.00", 1],
      ["pension-2024-02", "pension", "2024-02-29", "0.00", 0],
      ["pension-2024-03", "pension", "2024-03-31", "28000.00", 1],
      ["reserve-2024-Q1", "reserve", "2024-03-31", "2900.00", 2],
    ]);
    expect(String(s.pensionTotal)).toBe("58000.00");
    expect(String(s.reserveTotal)).toBe("2900.00");
    expect(s.due[3]!.period).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(renderTrace(s.trace)).toContain("INS-TRANSFER-1");
  });

  it("INS-TRANSFER-1: an explicit window spans quarters and years; lags are parameters", () => {
    const s = buildTransferSchedule({ ...example, from: "2023-12", to: "2024-04" });
    expect(s.due.filter((d) => d.fund === "pension").map((d) => d.id)).toEqual([
      "pension-2023-12",
      "pension-2024-01",
      "pension-2024-02",
      "pension-2024-03",
      "pension-2024-04",
    ]);
    expect(s.due.filter((d) => d.fund === "reserve").map((d) => [d.id, d.dueDate])).toEqual([
      ["reserve-2023-Q4", "2023-12-31"],
      ["reserve-2024-Q1", "2024-03-31"],
      ["reserve-2024-Q2", "2024-06-30"],
    ]);
    const lagged = overlay(insuranceParameterSet, {
      "insurance.transfer.pensionDueLagMonths": { value: 1 },
      "insurance.transfer.reserveDueLagQuarters": { value: 1 },
    });
    const l = buildTransferSchedule(example, { parameters: lagged });
    expect(l.due.map((d) => d.dueDate)).toEqual(["2024-02-29", "2024-03-31", "2024-04-30", "2024-06-30"]);
  });

  it("INS-TRANSFER-1: the rows become computeArrears' amounts due (non-zero rows, id/dueDate/amount/label)", () => {
    const s = buildTransferSchedule(example);
    expect(asJson(transfersAsDue(s))).toEqual([
      { id: "pension-2024-01", dueDate: "2024-01-31", amount: "30000.00", label: "划转职工基本养老保险基金 2024-01" },
      { id: "pension-2024-03", dueDate: "2024-03-31", amount: "28000.00", label: "划转职工基本养老保险基金 2024-03" },
      { id: "reserve-2024-Q1", dueDate: "2024-03-31", amount: "2900.00", label: "充实社保风险金 2024年第1季度" },
    ]);
    expect(transfersAsDue(asJson(s) as never).length).toBe(3);
    expectSannongError(() => transfersAsDue({ due: [] } as never), "INVALID_INPUT");
  });

  it("INS-TRANSFER-1: a schedule with a duplicated row id is refused (computeArrears matches by id)", () => {
    const s = asJson(buildTransferSchedule(example)) as { due: { id: string }[] };
    const twice = { ...s, due: [...s.due, s.due[0]!] };
    const e = expectSannongError(() => transfersAsDue(twice as never), "INVALID_INPUT", ["due", s.due.length, "id"]);
    expect(e.en).toContain("duplicate id");
  });

  it("INS-TRANSFER-1: property — money is conserved into the rows, every month and quarter appears once, in order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.nat({ max: 1500 }), p: fc.nat({ max: 10_000_000 }), r: fc.nat({ max: 1_000_000 }) }),
          { minLength: 1, maxLength: 30 },
        ),
        (raw) => {
          const enrolments = raw.map((x, i) => {
            const t = new Date(Date.UTC(2022, 0, 1 + x.day)).toISOString().slice(0, 10);
            return {
              id: `e${i}`,
              enrolledOn: t,
              pensionFund: (x.p / 100).toFixed(2),
              riskReserve: (x.r / 100).toFixed(2),
            };
          });
          const s = buildTransferSchedule({ enrolments });
          const pension = s.due.filter((d) => d.fund === "pension");
          const reserve = s.due.filter((d) => d.fund === "reserve");
          expect(pension.reduce((a, d) => a + d.amount.fen, 0n)).toBe(BigInt(raw.reduce((a, x) => a + x.p, 0)));
          expect(reserve.reduce((a, d) => a + d.amount.fen, 0n)).toBe(BigInt(raw.reduce((a, x) => a + x.r, 0)));
          expect(s.pensionTotal.fen).toBe(BigInt(raw.reduce((a, x) => a + x.p, 0)));
          expect(pension.reduce((a, d) => a + d.enrolments, 0)).toBe(raw.length);
          expect(reserve.reduce((a, d) => a + d.enrolments, 0)).toBe(raw.length);
          for (let i = 1; i < pension.length; i++)
            expect(pension[i]!.period.from > pension[i - 1]!.period.to).toBe(true);
          for (let i = 1; i < reserve.length; i++)
            expect(reserve[i]!.period.from > reserve[i - 1]!.period.to).toBe(true);
          for (const d of s.due) expect(d.dueDate >= d.period.to).toBe(true);
        },
      ),
    );
  });

  const good: BuildTransferScheduleInput = {
    enrolments: [{ id: "e", enrolledOn: "2024-01-15", pensionFund: "1.00", riskReserve: "0.00" }],
  };
  it.each([
    [{ enrolments: [] }, []],
    [{ enrolments: [], from: "2024-01", to: "2023-12" }, ["to"]],
    [{ ...good, from: "2024-02" }, ["enrolments", 0, "enrolledOn"]],
    [{ ...good, to: "2023-13" }, ["to"]],
    [
      { enrolments: [{ id: "e", enrolledOn: "2024-01-15", pensionFund: "-1.00", riskReserve: "0.00" }] },
      ["enrolments", 0, "pensionFund"],
    ],
    [
      { enrolments: [{ id: "e", enrolledOn: "2024-01-15", pensionFund: "1.001", riskReserve: "0.00" }] },
      ["enrolments", 0, "pensionFund"],
    ],
    [{ enrolments: [{ id: "e", enrolledOn: "2024-01-15", pensionFund: "1.00" }] }, ["enrolments", 0, "riskReserve"]],
    [{ enrolments: [good.enrolments[0]!, good.enrolments[0]!] }, ["enrolments", 1, "id"]],
    [{ ...good, asOf: "2024-01-01" }, []],
  ])("INS-TRANSFER-1: bad input %# is INVALID_INPUT", (input, path) => {
    const e = expectSannongError(() => buildTransferSchedule(input as BuildTransferScheduleInput), "INVALID_INPUT");
    if (path.length) expect(e.path).toEqual(path);
  });

  it("INS-TRANSFER-1: an empty window with no enrolments gives zero rows, not an error", () => {
    const s = buildTransferSchedule({ enrolments: [], from: "2024-01", to: "2024-02" });
    expect(s.due.map((d) => [d.id, String(d.amount)])).toEqual([
      ["pension-2024-01", "0.00"],
      ["pension-2024-02", "0.00"],
      ["reserve-2024-Q1", "0.00"],
    ]);
  });
});
