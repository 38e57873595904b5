import * as z from "zod";
import {
  addIssue,
  allocate,
  compareDates,
  fractionSchema,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  safeRecord,
  traceStep,
  unitSchema,
  type LegalDate,
  type Money,
  type MoneyInput,
  type TraceNode,
} from "@sannong/core";
import { idRanks, lcm } from "../internal/exact";
import { paramsOf, unitFen, ONLY_WHEN_VALID } from "../internal/common";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";

/** How money taken back is re-allocated among the units that applied in time. */
export type RepoolMethod = "pro-rata" | "equal" | "weights";
/** The default: in proportion to each applicant's original allocation. */
export const DEFAULT_REPOOL_METHOD: RepoolMethod = "pro-rata";

const weightSchema = fractionSchema.superRefine((f, ctx) => {
  if (f.num < 0n) addIssue(ctx, "权重不能为负", "a weight must not be negative", [], "out_of_range");
});

/** The zod schema of {@link repoolUnclaimed}'s input. */
export const repoolUnclaimedInputSchema = z
  .strictObject({
    allocations: z
      .array(z.strictObject({ id: idSchema, amount: nonNegativeMoneySchema }))
      .min(1)
      .max(100_000),
    applications: z
      .array(
        z.strictObject({
          unit: idSchema,
          date: legalDateSchema,
          amount: nonNegativeMoneySchema.optional(),
          project: idSchema.optional(),
        }),
      )
      .max(1_000_000),
    deadline: legalDateSchema,
    method: z.enum(["pro-rata", "equal", "weights"]).optional(),
    weights: safeRecord(weightSchema).optional(),
    unit: unitSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.allocations.forEach((a, i) => {
      if (ids.has(a.id))
        addIssue(ctx, `重复的单位 “${a.id}”`, `duplicate unit "${a.id}"`, ["allocations", i, "id"], "duplicate_id");
      ids.add(a.id);
    });
    d.applications.forEach((a, i) => {
      if (!ids.has(a.unit))
        addIssue(
          ctx,
          `申报单位 “${a.unit}” 不在分配名单中`,
          `unit "${a.unit}" has no allocation`,
          ["applications", i, "unit"],
          "unknown_unit",
        );
    });
    if ((d.method ?? DEFAULT_REPOOL_METHOD) === "weights") {
      if (!d.weights)
        addIssue(
          ctx,
          "method 为 weights 时须给出 weights",
          'method "weights" needs weights',
          ["weights"],
          "weights_required",
        );
      else {
        for (const k of Object.keys(d.weights))
          if (!ids.has(k))
            addIssue(
              ctx,
              `权重中的单位 “${k}” 不在分配名单中`,
              `weights name unit "${k}", which has no allocation`,
              ["weights", k],
              "unknown_unit",
            );
        for (const id of ids)
          if (d.weights[id] === undefined)
            addIssue(
              ctx,
              `缺少单位 “${id}” 的权重`,
              `missing the weight of unit "${id}"`,
              ["weights", id],
              "missing_weight",
            );
      }
    } else if (d.weights)
      addIssue(
        ctx,
        "只有 method 为 weights 时才能给出 weights",
        'weights are only used with method "weights"',
        ["weights"],
        "weights_without_method",
      );
  }, ONLY_WHEN_VALID);

/** The input of {@link repoolUnclaimed}. */
export interface RepoolUnclaimedInput {
  /** What each unit (township, village) was allocated. */
  readonly allocations: readonly { readonly id: string; readonly amount: MoneyInput }[];
  /**
   * Project applications (申报): unit, date, and optionally the amount
   * applied for (without it the application claims the unit's whole
   * allocation).
   */
  readonly applications: readonly {
    readonly unit: string;
    readonly date: LegalDate;
    readonly amount?: MoneyInput;
    readonly project?: string;
  }[];
  /** The last day to apply (规定时间); an application dated after it does not count. */
  readonly deadline: LegalDate;
  /** How the money taken back is re-allocated: `"pro-rata"` to original allocations (default), `"equal"`, or `"weights"`. */
  readonly method?: RepoolMethod;
  /** Weights by unit id for `method: "weights"`. */
  readonly weights?: Readonly<Record<string, number | string>>;
  /** Unit in 元 of the re-allocation (default `"0.01"`); a remainder below it stays with the county. */
  readonly unit?: string;
}

/** One unit's outcome. */
export interface RepoolUnit {
  readonly id: string;
  readonly allocated: Money;
  /** True when it applied on or before the deadline. */
  readonly applied: boolean;
  /** Applications dated after the deadline (not counted). */
  readonly lateApplications: number;
  /** The part of its allocation covered by timely applications. */
  readonly claimed: Money;
  /** Taken back by the county (allocated − claimed). */
  readonly takenBack: Money;
  /** Re-allocated to it from what was taken back. */
  readonly received: Money;
  /** claimed + received. */
  readonly final: Money;
}

/** The result of {@link repoolUnclaimed}. */
export interface RepoolUnclaimedResult {
  /** One entry per allocation, in input order. */
  readonly units: readonly RepoolUnit[];
  readonly takenBack: Money;
  readonly reallocated: Money;
  /** Taken back but not re-allocated (no applicant could take it, or below the unit); stays with the county. */
  readonly retained: Money;
  readonly trace: TraceNode;
}

/**
 * Takes back money allocated to units that did not apply for a project in
 * time and re-allocates it within the county (未在规定时间内申报项目的资金由县级
 * 移民管理机构重新统筹安排): a unit with no application dated on or before the
 * deadline loses its whole allocation; a unit whose timely applications name
 * amounts keeps min(allocation, Σ amounts) and loses the rest. What is taken
 * back is split (core `allocate`, ties to the id that sorts first) among the
 * units that applied in time — by original allocation (default), equally or
 * by declared weights — capped, for a unit whose applications name amounts,
 * at what it applied for beyond its allocation. What no applicant can take
 * stays with the county (`retained`). Σ final + retained = Σ allocated.
 *
 * @param input - see {@link RepoolUnclaimedInput}
 * @param options - accepted for a uniform API
 * @returns per unit: claimed, taken back, received, final; totals; trace
 * @throws {@link ValidationError} `INVALID_INPUT` (duplicate units, applications of unknown units, bad dates, weights missing or unexpected)
 * @example
 * ```ts
 * import { repoolUnclaimed } from "@sannong/funds";
 * const r = repoolUnclaimed({
 *   deadline: "2024-09-30",
 *   allocations: [{ id: "A", amount: "300000.00" }, { id: "B", amount: "200000.00" }, { id: "C", amount: "100000.00" }],
 *   applications: [{ unit: "A", date: "2024-09-15" }, { unit: "B", date: "2024-08-01" }, { unit: "C", date: "2024-10-08" }],
 * });
 * r.units.map((u) => String(u.final)); // → ["360000.00", "240000.00", "0.00"]
 * ```
 * @remarks Implements FUNDS-REPOOL-1 (004 §二(三)1).
 */
export function repoolUnclaimed(input: RepoolUnclaimedInput, options?: FundsOptions): RepoolUnclaimedResult {
  const data = parseInput(repoolUnclaimedInputSchema, input, "repoolUnclaimed");
  paramsOf(options, "repoolUnclaimed");
  const uFen = unitFen(data.unit);
  const method = data.method ?? DEFAULT_REPOOL_METHOD;
  const n = data.allocations.length;
  const index = new Map(data.allocations.map((a, i) => [a.id, i]));
  const onTime: number[] = new Array<number>(n).fill(0);
  const late: number[] = new Array<number>(n).fill(0);
  const appliedSum: bigint[] = new Array<bigint>(n).fill(0n);
  const wholeClaim: boolean[] = new Array<boolean>(n).fill(false);
  for (const a of data.applications) {
    const i = index.get(a.unit)!;
    if (compareDates(a.date, data.deadline) > 0) {
      late[i]!++;
      continue;
    }
    onTime[i]!++;
    if (a.amount === undefined) wholeClaim[i] = true;
    else appliedSum[i]! += a.amount.fen;
  }
  const claimed = data.allocations.map((a, i) =>
    onTime[i] === 0 ? 0n : wholeClaim[i] ? a.amount.fen : appliedSum[i]! < a.amount.fen ? appliedSum[i]! : a.amount.fen,
  );
  const takenBack = data.allocations.map((a, i) => a.amount.fen - claimed[i]!);
  const pool = takenBack.reduce((s, x) => s + x, 0n);
  const room: (bigint | null)[] = data.allocations.map((a, i) =>
    onTime[i] === 0 ? 0n : wholeClaim[i] ? null : appliedSum[i]! > a.amount.fen ? appliedSum[i]! - a.amount.fen : 0n,
  );
  const weightOf = (i: number): bigint => {
    const a = data.allocations[i]!;
    if (method === "equal") return 1n;
    if (method === "pro-rata") return a.amount.fen;
    const w = data.weights![a.id]!;
    return w.num; // scaled below to a common denominator
  };
  // common denominator for declared weights
  let L = 1n;
  if (method === "weights") for (const a of data.allocations) L = lcm(L, data.weights![a.id]!.den);
  const weights = data.allocations.map((a, i) =>
    room[i] === 0n ? 0n : method === "weights" ? (weightOf(i) * L) / data.weights![a.id]!.den : weightOf(i),
  );

  const distributable = (pool / uFen) * uFen;
  const received: bigint[] = new Array<bigint>(n).fill(0n);
  const takers = weights.map((w, i) => (w > 0n ? i : -1)).filter((i) => i >= 0);
  let note: { zh: string; en: string };
  if (distributable === 0n || takers.length === 0) {
    note = {
      zh: "没有可接收的按时申报单位，收回资金由县级保留",
      en: "no unit that applied in time can take it: the county keeps what was taken back",
    };
  } else {
    const roomSum = takers.every((i) => room[i] !== null) ? takers.reduce((s, i) => s + room[i]!, 0n) : null;
    if (roomSum !== null && roomSum <= distributable) {
      for (const i of takers) received[i] = room[i]!;
      note = {
        zh: "按时申报单位的超额申报需求均已满足，其余由县级保留",
        en: "every timely applicant's excess demand is met; the rest stays with the county",
      };
    } else {
      // core allocate in id order (ties to the id that sorts first), caps at each unit's room
      const rank = idRanks(data.allocations.map((a) => a.id));
      const order = new Array<number>(n);
      rank.forEach((r, i) => (order[r] = i));
      // With a unit above the fen a room counts in whole units only; when every taker is capped, what
      // those whole units cannot take stays with the county instead of making the caps infeasible.
      const capUnits = takers.every((i) => room[i] !== null)
        ? takers.reduce((s, i) => s + room[i]! / uFen, 0n) * uFen
        : null;
      const parts = allocate(
        moneyFromFen(capUnits !== null && capUnits < distributable ? capUnits : distributable),
        order.map((i) => weights[i]!),
        {
          unit: data.unit ?? "0.01",
          caps: order.map((i) => (room[i] === null || weights[i] === 0n ? null : moneyFromFen(room[i]!))),
        },
      );
      order.forEach((i, j) => (received[i] = parts[j]!.fen));
      note = {
        zh: "收回资金在按时申报单位之间按声明方法重新分配",
        en: "what was taken back is re-allocated among the units that applied in time by the declared method",
      };
    }
  }
  const reallocated = received.reduce((s, x) => s + x, 0n);
  const units: RepoolUnit[] = data.allocations.map((a, i) => ({
    id: a.id,
    allocated: a.amount,
    applied: onTime[i]! > 0,
    lateApplications: late[i]!,
    claimed: moneyFromFen(claimed[i]!),
    takenBack: moneyFromFen(takenBack[i]!),
    received: moneyFromFen(received[i]!),
    final: moneyFromFen(claimed[i]! + received[i]!),
  }));
  const retained = moneyFromFen(pool - reallocated);
  const trace = traceStep(RULES["FUNDS-REPOOL-1"], {
    inputs: {
      deadline: data.deadline,
      method,
      notApplied: units.filter((u) => !u.applied).map((u) => u.id),
      late: units.filter((u) => u.lateApplications > 0).map((u) => ({ id: u.id, applications: u.lateApplications })),
    },
    output: { takenBack: moneyFromFen(pool), reallocated: moneyFromFen(reallocated), retained },
    note,
  });
  return { units, takenBack: moneyFromFen(pool), reallocated: moneyFromFen(reallocated), retained, trace };
}
