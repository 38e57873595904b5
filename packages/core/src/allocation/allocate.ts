import * as z from "zod";
import { PolicyError } from "../errors/errors";
import { ValidationError } from "../errors/errors";
import { readWeights } from "../internal/weights";
import { largestRemainderBig, largestRemainderNumber } from "../internal/largestRemainder";
import { Money, moneySchema, unitSchema, unitToFen, type MoneyInput } from "../money/money";
import { nonNegativeDecimalSchema } from "../validation/decimal";
import { parseInput, plainObject } from "../validation/parse";
import { MAX_RECIPIENTS } from "./allocateMinorUnits";

/** Options of {@link allocate}. */
export interface AllocateOptions {
  /** Rounding unit in 元: `"0.01"` (default), `"1"`, `"100"` (百元), `"10000"` (万元). */
  readonly unit?: string;
  /** Per-recipient floor (保底), `null` for none; same length as the weights. */
  readonly floors?: readonly (MoneyInput | null)[];
  /** Per-recipient cap (封顶), `null` for none; same length as the weights. */
  readonly caps?: readonly (MoneyInput | null)[];
  /** Allow a negative total (a clawback split); default false. */
  readonly allowNegative?: boolean;
}

const weightsSchema = z.array(nonNegativeDecimalSchema).min(1).max(MAX_RECIPIENTS);
const boundsSchema = z.array(moneySchema.nullable()).max(MAX_RECIPIENTS);

const optionsSchema = plainObject(
  z.strictObject({
    unit: unitSchema.optional(),
    floors: boundsSchema.optional(),
    caps: boundsSchema.optional(),
    allowNegative: z.boolean().optional(),
  }),
).optional();

/**
 * The zod schema of {@link allocate}'s arguments `{ total, weights, options }`
 * (weights: numbers, plain decimal strings or bigints, all ≥ 0).
 */
export const allocateInputSchema = z.strictObject({
  total: moneySchema,
  weights: weightsSchema,
  options: optionsSchema,
});

const headSchema = z.strictObject({
  total: moneySchema,
  weights: z.array(z.unknown()).min(1).max(MAX_RECIPIENTS),
  options: optionsSchema,
});

function policy(
  code: string,
  zh: string,
  en: string,
  path: (string | number)[],
  details: Record<string, unknown>,
): never {
  throw new PolicyError({ code, zh, en, path, details });
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? (a + b - 1n) / b : -(-a / b));
const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/**
 * Splits money in proportion to non-negative weights (按比例分配). The parts are
 * multiples of the rounding unit and add up exactly to the total: each part
 * gets the floor of its exact share and the units left over go to the largest
 * remainders (Hamilton), ties to the lower index. Floors (保底) and caps (封顶)
 * are honoured by water-filling: what a cap cuts off goes to the others in
 * proportion to their weights, repeatedly, until stable. Floors are rounded up
 * and caps down to the unit.
 *
 * @param total - the money to split
 * @param weights - non-negative weights (numbers or decimal strings)
 * @param options - unit, floors, caps, allowNegative
 * @returns one Money per weight, in input order
 * @throws {@link ValidationError} for malformed input (negative or non-finite
 *   weights, unknown option keys, bad money);
 *   {@link PolicyError} `ALL_ZERO_WEIGHTS`, `NEGATIVE_TOTAL`,
 *   `TOTAL_NOT_MULTIPLE_OF_UNIT`, `BOUNDS_LENGTH`, `INFEASIBLE_FLOORS`,
 *   `INFEASIBLE_CAPS`, `INFEASIBLE_BOUNDS`
 * @example
 * ```ts
 * import { allocate } from "@sannong/core";
 * allocate("100.00", [1, 1, 1]).map(String); // → ["33.34", "33.33", "33.33"]
 * allocate("1000.00", ["0.3", "0.7"], { unit: "100" }).map(String); // → ["300.00", "700.00"]
 * allocate("100.00", [1, 1], { caps: ["30.00", null] }).map(String); // → ["30.00", "70.00"]
 * ```
 * @remarks Implements CORE-ALLOC-1, CORE-ALLOC-2, CORE-ALLOC-3 (on CORE-ALLOC-4's integer core).
 */
export function allocate(
  total: MoneyInput,
  weights: readonly (number | string | bigint)[],
  options?: AllocateOptions,
): Money[] {
  // Total and options through zod; the weights (up to millions) through one fast exact pass with the same issues.
  const input = parseInput(
    headSchema,
    options === undefined ? { total, weights } : { total, weights, options },
    "allocate",
  );
  const read = readWeights(input.weights, ["weights"]);
  if (read.issues.length) throw new ValidationError(read.issues, "allocate");
  const W = read.ints;
  const opts = input.options ?? {};
  const n = W.length;
  const unitFen = unitToFen(opts.unit);
  const totalFen = input.total.fen;
  if (totalFen < 0n && !opts.allowNegative) {
    policy(
      "NEGATIVE_TOTAL",
      `总额为负（${String(input.total)}），如确需分摊负数请设置 allowNegative`,
      `the total is negative (${String(input.total)}); pass allowNegative to split it`,
      ["total"],
      { total: String(input.total) },
    );
  }
  if (totalFen % unitFen !== 0n) {
    policy(
      "TOTAL_NOT_MULTIPLE_OF_UNIT",
      `总额 ${String(input.total)} 不是舍入单位 ${opts.unit} 元的整数倍，无法精确分配`,
      `the total ${String(input.total)} is not a multiple of the unit ${opts.unit} 元, so it cannot be split exactly`,
      ["total"],
      { total: String(input.total), unit: opts.unit ?? "0.01" },
    );
  }
  for (const key of ["floors", "caps"] as const) {
    const b = opts[key];
    if (b && b.length !== n)
      policy(
        "BOUNDS_LENGTH",
        `${key} 的长度 ${b.length} 与权重数 ${n} 不一致`,
        `${key} has ${b.length} entries for ${n} weights`,
        ["options", key],
        { length: b.length, expected: n },
      );
  }
  const sign = totalFen < 0n ? -1n : 1n;
  const T = (totalFen * sign) / unitFen;
  const hasBounds = Boolean(opts.floors?.some((x) => x !== null) || opts.caps?.some((x) => x !== null));
  if (sign < 0n && hasBounds) {
    policy(
      "INFEASIBLE_BOUNDS",
      "负总额不能与保底或封顶同时使用",
      "floors and caps cannot be used with a negative total",
      ["options"],
      {},
    );
  }
  const allZero = W.every((w) => w === 0n);
  const toMoney = (units: bigint): Money => new Money(units * unitFen * sign);

  if (!hasBounds) {
    if (allZero) {
      if (T === 0n) return W.map(() => new Money(0n));
      policy(
        "ALL_ZERO_WEIGHTS",
        "所有权重均为零，非零总额无处分配",
        "all weights are zero: a non-zero total has nowhere to go",
        ["weights"],
        { total: String(input.total) },
      );
    }
    if (T <= BigInt(Number.MAX_SAFE_INTEGER) && W.every((w) => w <= BigInt(Number.MAX_SAFE_INTEGER))) {
      const fast = largestRemainderNumber(Number(T), W.map(Number));
      if (fast) return Array.from(fast.parts, (p) => toMoney(BigInt(p)));
    }
    return largestRemainderBig(T, W).parts.map(toMoney);
  }

  const floors = (opts.floors ?? []).map((m) => (m ? ceilDiv(m.fen, unitFen) : null));
  const caps = (opts.caps ?? []).map((m) => (m ? floorDiv(m.fen, unitFen) : null));
  let floorSum = 0n;
  let reach = 0n;
  let unbounded = false;
  for (let i = 0; i < n; i++) {
    const f = floors[i] ?? 0n;
    const c = caps[i] ?? null;
    if (f < 0n)
      policy("INFEASIBLE_BOUNDS", `第 ${i} 个保底为负`, `floor ${i} is negative`, ["options", "floors", i], {
        index: i,
      });
    if (c !== null && c < 0n)
      policy("INFEASIBLE_BOUNDS", `第 ${i} 个封顶为负`, `cap ${i} is negative`, ["options", "caps", i], { index: i });
    if (c !== null && f > c) {
      policy(
        "INFEASIBLE_BOUNDS",
        `第 ${i} 个对象的保底高于封顶（按单位取整后）`,
        `recipient ${i} has a floor above its cap (after rounding to the unit)`,
        ["options", "floors", i],
        { index: i, floor: String(new Money(f * unitFen)), cap: String(new Money(c * unitFen)) },
      );
    }
    floorSum += f;
    if (W[i] === 0n) reach += f;
    else if (c === null) unbounded = true;
    else reach += c;
  }
  if (floorSum > T) {
    const by = String(new Money((floorSum - T) * unitFen));
    policy(
      "INFEASIBLE_FLOORS",
      `保底合计超过总额 ${by} 元`,
      `the floors add up to more than the total, by ${by} 元`,
      ["options", "floors"],
      { floors: String(new Money(floorSum * unitFen)), total: String(input.total), by },
    );
  }
  if (!unbounded && reach < T) {
    const by = String(new Money((T - reach) * unitFen));
    policy(
      "INFEASIBLE_CAPS",
      `封顶合计（零权重者按保底计）比总额少 ${by} 元，无法分完`,
      `the caps (floors for zero weights) add up to less than the total, by ${by} 元`,
      ["options", "caps"],
      { reachable: String(new Money(reach * unitFen)), total: String(input.total), by },
    );
  }
  return largestRemainderBig(T, W, floors, caps).parts.map(toMoney);
}
