/**
 * The depreciation engine (折旧计算): exact integer arithmetic in 分 on a
 * normalised asset, shared by the schedule and the closed-form net value.
 * Amounts are JS numbers holding integers below 10^15 分 (costs are capped
 * at 10^13 元 by the schema), so every product and quotient here stays
 * below 2^53 and is exact; quotients are corrected after the float division.
 * Not exported from the package. @internal
 */
import type { DepreciationStartRule, StraightLineMonthly } from "../parameters";

/** Depreciation methods: 年限平均法, 工作量法, 双倍余额递减法. */
export type DepreciationMethod = "straight-line" | "units-of-output" | "double-declining";

/** A validated, normalised asset. Amounts in 分 (integers < 10^15). */
export interface Normalised {
  readonly costFen: number;
  readonly salvageFen: number;
  readonly life: number;
  /** Month index of the first depreciation month. */
  readonly first: number;
  readonly method: DepreciationMethod;
  readonly startRule: DepreciationStartRule;
  /** Straight-line only: a constant monthly amount with the remainder in the last month, or equal parts spread. */
  readonly monthly: StraightLineMonthly;
  /** Units of output: per-month units as scaled integers (index 0 = first month), and the expected total on the same scale. */
  readonly units?: { readonly perMonth: readonly bigint[]; readonly total: bigint };
}

/** ⌊a / b⌋ for safe non-negative integers a and b > 0, exact. */
export function divFloor(a: number, b: number): number {
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q -= 1;
  else if (r >= b) q += 1;
  return q;
}

/** Half-up rounding of num/den for 0 ≤ num, den > 0, 2·num + den < 2^53. */
export function roundHalfUp(num: number, den: number): number {
  return divFloor(2 * num + den, 2 * den);
}

/** The salvage value in 分: cost × rate rounded half-up (rate = num / den, exact). */
export function salvageOf(costFen: number, rateNum: bigint, rateDen: bigint): number {
  const n = Number(rateNum);
  const d = Number(rateDen);
  // number path when every intermediate is an exact safe integer
  if (n <= 1e6 && d <= 1e6 && costFen * n * 2 + d <= Number.MAX_SAFE_INTEGER) return roundHalfUp(costFen * n, d);
  const p = BigInt(costFen) * rateNum;
  return Number((2n * p + rateDen) / (2n * rateDen));
}

/** Accumulated amount after `m` of `n` equal parts of `total` (the first `total mod n` parts carry one extra 分, as core allocate gives). */
export function equalPartsAccumulated(total: number, n: number, m: number): number {
  const q = divFloor(total, n);
  const r = total - q * n;
  return q * m + (m < r ? m : r);
}

/**
 * The constant monthly amount of straight-line depreciation (月折旧额) in 分:
 * `total ÷ n` rounded half-up to the 分; the last month books what is left
 * (尾差). Where rounding up would leave the last month negative (only when the
 * monthly amount is below (n − 1) ÷ 2 分), it is rounded down instead, so no
 * month is ever negative and the net value never passes below salvage.
 */
export function constantMonthly(total: number, n: number): number {
  if (n <= 1) return total;
  const m = roundHalfUp(total, n);
  return m * (n - 1) > total ? divFloor(total, n) : m;
}

/** Yearly amounts of double-declining balance (双倍余额递减法; the last two years straight-line). */
export function doubleDecliningYears(a: Normalised): number[] {
  const Y = a.life / 12;
  const years: number[] = [];
  let nbv = a.costFen;
  for (let y = 1; y <= Y - 2; y++) {
    let amount = roundHalfUp(2 * nbv, Y);
    const room = nbv - a.salvageFen;
    if (amount > room) amount = room;
    if (amount < 0) amount = 0;
    years.push(amount);
    nbv -= amount;
  }
  const rest = nbv - a.salvageFen;
  if (Y === 1) years.push(rest);
  else {
    // the last two years share what is left equally (the first gets the odd 分, as core allocate gives)
    const half = divFloor(rest, 2);
    years.push(rest - half, half);
  }
  return years;
}

/**
 * Accumulated depreciation in 分 after the first `m` depreciation months
 * (clamped to 0..life): closed form for straight-line, O(years) for
 * double-declining, O(months) for units of output.
 */
export function accumulatedAfter(a: Normalised, m: number): number {
  if (m <= 0) return 0;
  if (m > a.life) m = a.life;
  const D = a.costFen - a.salvageFen;
  switch (a.method) {
    case "straight-line":
      if (a.monthly === "spread") return equalPartsAccumulated(D, a.life, m);
      return m === a.life ? D : constantMonthly(D, a.life) * m;
    case "double-declining": {
      // walk the years without building the schedule (the same numbers as doubleDecliningYears)
      const Y = a.life / 12;
      const full = divFloor(m, 12);
      const within = m - full * 12;
      const years = full + (within > 0 ? 1 : 0);
      let nbv = a.costFen;
      let s = 0;
      let rest = 0;
      let restSet = false;
      for (let y = 1; y <= years; y++) {
        let amount: number;
        if (Y === 1) amount = D;
        else if (y <= Y - 2) {
          amount = roundHalfUp(2 * nbv, Y);
          const room = nbv - a.salvageFen;
          if (amount > room) amount = room;
          if (amount < 0) amount = 0;
        } else {
          if (!restSet) {
            rest = nbv - a.salvageFen;
            restSet = true;
          }
          const half = divFloor(rest, 2);
          amount = y === Y - 1 ? rest - half : half;
        }
        if (y <= full) {
          s += amount;
          nbv -= amount;
        } else s += equalPartsAccumulated(amount, 12, within);
      }
      return s;
    }
    case "units-of-output": {
      const u = a.units!;
      if (u.total === 0n) return 0;
      let cum = 0n;
      for (let i = 0; i < m; i++) cum += u.perMonth[i] ?? 0n;
      const num = BigInt(D) * cum;
      return Number((2n * num + u.total) / (2n * u.total));
    }
  }
}
