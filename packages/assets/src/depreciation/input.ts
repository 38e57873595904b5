import * as z from "zod";
import {
  addIssue,
  isMoney,
  legalDateSchema,
  nonNegativeDecimalSchema,
  nonNegativeMoneySchema,
  getParameter,
  paramAt,
  positiveDecimalSchema,
  ratioSchema,
  type Decimal,
  type LegalDate,
  type Money,
  type ParameterSet,
  type ParameterUse,
  yearMonthSchema,
} from "@sannong/core";
import { PARAM, type DepreciationStartRule, type StraightLineMonthly } from "../parameters";
import { monthIndex } from "../internal/months";
import type { ReadonlyInput } from "../internal/types";
import type { DepreciationMethod, Normalised } from "./engine";
import { salvageOf } from "./engine";

/** Costs are below 10^13 元 (10^15 分), so the engine's integers stay exact. */
const MAX_COST_FEN = 10n ** 15n;

/** Most months of useful life accepted (100 years). */
export const MAX_LIFE_MONTHS = 1200;

/**
 * zod schema of a depreciable asset: cost (原值), salvage-value rate (预计净残值率,
 * default: parameter `assets.depreciation.salvageRate`), life in months, the
 * date it was added (入账/投入使用日期), method (default straight-line), start
 * rule (default: parameter `assets.depreciation.startRule`) and, for
 * straight-line only, how the months are booked (`straightLineMonthly`,
 * default: parameter `assets.depreciation.straightLineMonthly`, `constant`).
 * The units-of-output method needs `output`: the expected total output over
 * the life and the output recorded per month.
 * @remarks Implements ASSET-DEP-1, ASSET-DEP-2.
 */
export const depreciationInputSchema = z
  .strictObject({
    cost: nonNegativeMoneySchema.refine((m) => (m as Money).fen < MAX_COST_FEN, {
      message: "cost must be below 10^13 元",
    }),
    salvageRate: ratioSchema.optional(),
    lifeMonths: z.number().int().min(1).max(MAX_LIFE_MONTHS),
    start: legalDateSchema,
    method: z.enum(["straight-line", "units-of-output", "double-declining"]).optional(),
    startRule: z.enum(["next-month", "same-month"]).optional(),
    straightLineMonthly: z.enum(["constant", "spread"]).optional(),
    output: z
      .strictObject({
        expectedTotal: positiveDecimalSchema,
        byMonth: z
          .array(z.strictObject({ month: yearMonthSchema, units: nonNegativeDecimalSchema }))
          .max(MAX_LIFE_MONTHS),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    const method = d.method ?? "straight-line";
    if (method === "units-of-output" && d.output === undefined) {
      addIssue(
        ctx,
        "工作量法须提供预计总工作量和各月实际工作量（output）",
        "the units-of-output method needs output (expected total and units by month)",
        ["output"],
        "required",
      );
    }
    if (method !== "units-of-output" && d.output !== undefined) {
      addIssue(
        ctx,
        "只有工作量法使用 output",
        "output applies only to the units-of-output method",
        ["output"],
        "not_applicable",
      );
    }
    if (method !== "straight-line" && d.straightLineMonthly !== undefined) {
      addIssue(
        ctx,
        "只有年限平均法使用 straightLineMonthly",
        "straightLineMonthly applies only to the straight-line method",
        ["straightLineMonthly"],
        "not_applicable",
      );
    }
    if (method === "double-declining" && d.lifeMonths % 12 !== 0) {
      addIssue(
        ctx,
        `双倍余额递减法按整年计算，使用月数 ${d.lifeMonths} 不是 12 的倍数`,
        `double-declining works in whole years: ${d.lifeMonths} months is not a multiple of 12`,
        ["lifeMonths"],
        "whole_years",
      );
    }
    if (d.output) {
      const seen = new Set<string>();
      let total = d.output.expectedTotal.mul(0);
      d.output.byMonth.forEach((m, i) => {
        if (seen.has(m.month))
          addIssue(
            ctx,
            `月份 ${m.month} 重复`,
            `month ${m.month} appears twice`,
            ["output", "byMonth", i, "month"],
            "duplicate_id",
          );
        seen.add(m.month);
        total = total.plus(m.units);
        if (m.month < d.start.slice(0, 7))
          addIssue(
            ctx,
            `工作量月份 ${m.month} 早于入账日期 ${d.start}`,
            `output month ${m.month} is before the start date ${d.start}`,
            ["output", "byMonth", i, "month"],
            "dates_out_of_order",
          );
      });
      if (total.gt(d.output.expectedTotal)) {
        addIssue(
          ctx,
          `各月工作量合计 ${total.toFixed()} 超过预计总工作量 ${d.output.expectedTotal.toFixed()}`,
          `the recorded output ${total.toFixed()} exceeds the expected total ${d.output.expectedTotal.toFixed()}`,
          ["output", "byMonth"],
          "out_of_range",
        );
      }
    }
  });

/** A depreciable asset as the caller writes it. */
export type DepreciationInput = ReadonlyInput<z.input<typeof depreciationInputSchema>>;

type Parsed = z.output<typeof depreciationInputSchema>;

/** Parameter uses recorded for the trace. */
export interface Defaults {
  readonly salvage?: ParameterUse<string>;
  readonly startRule?: ParameterUse<DepreciationStartRule>;
  readonly monthly?: ParameterUse<StraightLineMonthly>;
}

interface Interval<T> {
  readonly from: string;
  readonly until: string | undefined;
  readonly use: ParameterUse<T>;
}
interface Resolved {
  readonly salvage: readonly Interval<string>[];
  readonly startRule: readonly Interval<DepreciationStartRule>[];
  readonly monthly: readonly Interval<StraightLineMonthly>[];
}

const resolved = new WeakMap<ParameterSet, Resolved>();

function intervals<T>(set: ParameterSet, id: string): Interval<T>[] {
  const p = getParameter<T>(set, id);
  return p.values.map((v) => ({ from: v.from, until: v.until, use: paramAt<T>(set, id, v.from) }));
}

let lastResolvedSet: ParameterSet | undefined;
let lastResolved: Resolved | undefined;

function resolve(set: ParameterSet): Resolved {
  if (set === lastResolvedSet && lastResolved) return lastResolved;
  let r = resolved.get(set);
  if (!r) {
    r = {
      salvage: intervals<string>(set, PARAM.salvageRate),
      startRule: intervals<DepreciationStartRule>(set, PARAM.startRule),
      monthly: intervals<StraightLineMonthly>(set, PARAM.straightLineMonthly),
    };
    resolved.set(set, r);
  }
  lastResolvedSet = set;
  lastResolved = r;
  return r;
}

function pick<T>(list: readonly Interval<T>[], set: ParameterSet, id: string, date: string): ParameterUse<T> {
  for (let i = list.length - 1; i >= 0; i--) {
    const v = list[i]!;
    if (v.from <= date) {
      if (v.until === undefined || date <= v.until) return v.use;
      break;
    }
  }
  return paramAt<T>(set, id, date); // throws PARAM_NOT_IN_FORCE
}

/** The default salvage rate in force on a date (parameter `assets.depreciation.salvageRate`). @internal */
export function salvageDefaultAt(set: ParameterSet, date: string): ParameterUse<string> {
  return pick(resolve(set).salvage, set, PARAM.salvageRate, date);
}

/** The default start rule in force on a date (parameter `assets.depreciation.startRule`). @internal */
export function startRuleDefaultAt(set: ParameterSet, date: string): ParameterUse<DepreciationStartRule> {
  return pick(resolve(set).startRule, set, PARAM.startRule, date);
}

/** The default straight-line monthly booking in force on a date (parameter `assets.depreciation.straightLineMonthly`). @internal */
export function monthlyDefaultAt(set: ParameterSet, date: string): ParameterUse<StraightLineMonthly> {
  return pick(resolve(set).monthly, set, PARAM.straightLineMonthly, date);
}

/** Default salvage rate, start rule and straight-line monthly booking in force on a date. @internal */
export function defaultsAt(
  set: ParameterSet,
  date: LegalDate,
): {
  salvage: ParameterUse<string>;
  startRule: ParameterUse<DepreciationStartRule>;
  monthly: ParameterUse<StraightLineMonthly>;
} {
  return {
    salvage: salvageDefaultAt(set, date),
    startRule: startRuleDefaultAt(set, date),
    monthly: monthlyDefaultAt(set, date),
  };
}

function rateParts(rate: string | Decimal): { num: bigint; den: bigint } {
  const s = typeof rate === "string" ? rate.trim() : rate.toFixed();
  const [i, f = ""] = s.split(".");
  return { num: BigInt((i ?? "0") + f), den: 10n ** BigInt(f.length) };
}

/** Normalises a zod-parsed input (the reference path). @internal */
export function normalise(d: Parsed, set: ParameterSet): { a: Normalised; defaults: Defaults; salvageRate: string } {
  const method: DepreciationMethod = d.method ?? "straight-line";
  const monthlyDefaulted = method === "straight-line" && d.straightLineMonthly === undefined;
  const needs = d.salvageRate === undefined || d.startRule === undefined || monthlyDefaulted;
  const def = needs ? defaultsAt(set, d.start) : undefined;
  const rate = d.salvageRate ?? def!.salvage.value;
  const startRule = d.startRule ?? def!.startRule.value;
  const monthly: StraightLineMonthly = monthlyDefaulted ? def!.monthly.value : (d.straightLineMonthly ?? "constant");
  const { num, den } = rateParts(rate);
  const costFen = Number((d.cost as Money).fen);
  const first = monthIndex(d.start) + (startRule === "next-month" ? 1 : 0);
  let units: Normalised["units"];
  if (d.output) {
    let scale = d.output.expectedTotal.decimalPlaces();
    for (const m of d.output.byMonth) scale = Math.max(scale, m.units.decimalPlaces());
    const toInt = (x: Decimal): bigint => BigInt(x.toFixed(scale).replace(".", ""));
    const perMonth = new Array<bigint>(d.lifeMonths).fill(0n);
    for (const m of d.output.byMonth) {
      const off = monthIndex(m.month) - first;
      if (off >= 0 && off < d.lifeMonths) perMonth[off] = toInt(m.units);
    }
    units = { perMonth, total: toInt(d.output.expectedTotal) };
  }
  const a: Normalised = {
    costFen,
    salvageFen: salvageOf(costFen, num, den),
    life: d.lifeMonths,
    first,
    method,
    startRule,
    monthly,
    ...(units ? { units } : {}),
  };
  const defaults: Defaults = {
    ...(d.salvageRate === undefined ? { salvage: def!.salvage } : {}),
    ...(d.startRule === undefined ? { startRule: def!.startRule } : {}),
    ...(monthlyDefaulted ? { monthly: def!.monthly } : {}),
  };
  return { a, defaults, salvageRate: typeof rate === "string" ? rate : rate.toFixed() };
}

/** Output months outside the depreciation months (units-of-output), for a validation issue. @internal */
export function unitsOutsideLife(d: Parsed, a: Normalised): number[] {
  if (!d.output) return [];
  const out: number[] = [];
  d.output.byMonth.forEach((m, i) => {
    const off = monthIndex(m.month) - a.first;
    if (off < 0 || off >= a.life) out.push(i);
  });
  return out;
}

const RATE_CACHE = new Map<string, { num: bigint; den: bigint }>();
let lastRate = "";
let lastParts: { num: bigint; den: bigint } | undefined;
const MAX_COST_FEN_N = 1e15;

/** Digit value of a char code, or -1. */
function digit(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}

/**
 * Parses a plain money string `d{1,13}(.d{1,2})?` to 分 without allocating;
 * −1 for anything else (the caller then takes the zod path).
 */
function quickFen(s: string): number {
  const n = s.length;
  let i = 0;
  let v = 0;
  for (; i < n; i++) {
    const d = digit(s.charCodeAt(i));
    if (d < 0) break;
    v = v * 10 + d;
  }
  if (i === 0 || i > 13) return -1;
  if (i === n) return v * 100;
  if (s.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return -1;
  const d1 = digit(s.charCodeAt(i + 1));
  const d2 = n - i - 1 === 2 ? digit(s.charCodeAt(i + 2)) : 0;
  if (d1 < 0 || d2 < 0) return -1;
  return v * 100 + d1 * 10 + d2;
}

/** True for an existing date `YYYY-MM-DD` in 1900–2199, without allocating. @internal */
export function quickDate(v: unknown): v is string {
  if (typeof v !== "string" || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const y0 = digit(v.charCodeAt(0)),
    y1 = digit(v.charCodeAt(1)),
    y2 = digit(v.charCodeAt(2)),
    y3 = digit(v.charCodeAt(3));
  const m0 = digit(v.charCodeAt(5)),
    m1 = digit(v.charCodeAt(6)),
    d0 = digit(v.charCodeAt(8)),
    d1 = digit(v.charCodeAt(9));
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  const dim =
    mo === 2
      ? (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
        ? 29
        : 28
      : mo === 4 || mo === 6 || mo === 9 || mo === 11
        ? 30
        : 31;
  return d <= dim;
}

/** Month index of a valid date (year × 12 + month − 1), without allocating. @internal */
export function quickMonthIndex(v: string): number {
  const y =
    (v.charCodeAt(0) - 48) * 1000 + (v.charCodeAt(1) - 48) * 100 + (v.charCodeAt(2) - 48) * 10 + (v.charCodeAt(3) - 48);
  return y * 12 + (v.charCodeAt(5) - 48) * 10 + (v.charCodeAt(6) - 48) - 1;
}

const RATE_RE = /^(?:0(?:\.\d{1,12})?|1(?:\.0{1,12})?)$/;

/** The fast path's normalised asset and what it read (a reusable scratch record). @internal */
export interface Quick {
  a: Normalised;
  start: string;
  salvageRate: string;
  /** Whether the default salvage rate / start rule / straight-line monthly booking were read from the parameters. */
  usedSalvageDefault: boolean;
  usedStartRuleDefault: boolean;
  usedMonthlyDefault: boolean;
}

/** A mutable normalised record for the fast path. @internal */
export interface MutableNormalised {
  costFen: number;
  salvageFen: number;
  life: number;
  first: number;
  method: DepreciationMethod;
  startRule: DepreciationStartRule;
  monthly: StraightLineMonthly;
}

/** A fresh scratch record for {@link quickInto}. @internal */
export function scratch(): Quick & { a: MutableNormalised } {
  return {
    a: {
      costFen: 0,
      salvageFen: 0,
      life: 1,
      first: 0,
      method: "straight-line",
      startRule: "next-month",
      monthly: "constant",
    },
    start: "",
    salvageRate: "",
    usedSalvageDefault: false,
    usedStartRuleDefault: false,
    usedMonthlyDefault: false,
  };
}

/**
 * Fast validation of the common shape (straight-line or double-declining,
 * cost as a plain decimal string, a Money or a safe integer, rate as a plain
 * decimal string), written into `out`. Accepts only what the zod schema
 * accepts and gives the same values; for anything else it returns false and
 * the caller takes the zod path.
 * @internal
 */
export function quickInto(v: unknown, set: ParameterSet, out: Quick & { a: MutableNormalised }): boolean {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    switch (k) {
      case "cost":
      case "salvageRate":
      case "lifeMonths":
      case "start":
      case "method":
      case "startRule":
      case "straightLineMonthly":
        break;
      default:
        return false;
    }
  }
  const c = o["cost"];
  let costFen: number;
  if (typeof c === "string") {
    costFen = quickFen(c);
    if (costFen < 0) return false;
  } else if (isMoney(c)) {
    if (c.fen < 0n || c.fen >= MAX_COST_FEN) return false;
    costFen = Number(c.fen);
  } else if (typeof c === "number" && Number.isSafeInteger(c) && c >= 0 && c * 100 < MAX_COST_FEN_N) {
    costFen = c * 100;
  } else return false;
  const life = o["lifeMonths"];
  if (typeof life !== "number" || !Number.isInteger(life) || life < 1 || life > MAX_LIFE_MONTHS) return false;
  const start = o["start"];
  if (!quickDate(start)) return false;
  const method = o["method"];
  if (method !== undefined && method !== "straight-line" && method !== "double-declining") return false;
  if (method === "double-declining" && life % 12 !== 0) return false;
  const sr = o["startRule"];
  if (sr !== undefined && sr !== "next-month" && sr !== "same-month") return false;
  const slm = o["straightLineMonthly"];
  if (slm !== undefined && ((slm !== "constant" && slm !== "spread") || method === "double-declining")) return false;
  const rate = o["salvageRate"];
  let rp: { num: bigint; den: bigint } | undefined;
  if (rate !== undefined) {
    if (typeof rate !== "string") return false;
    rp = rate === lastRate ? lastParts : RATE_CACHE.get(rate);
    if (!rp) {
      if (!RATE_RE.test(rate)) return false;
      rp = rateParts(rate);
      if (RATE_CACHE.size > 10_000) RATE_CACHE.clear();
      RATE_CACHE.set(rate, rp);
    }
  }
  const r = rate === undefined ? salvageDefaultAt(set, start).value : (rate as string);
  if (!rp) {
    rp = r === lastRate ? lastParts : RATE_CACHE.get(r);
    if (!rp) {
      rp = rateParts(r);
      RATE_CACHE.set(r, rp);
    }
  }
  lastRate = r;
  lastParts = rp;
  const startRule = sr === undefined ? startRuleDefaultAt(set, start).value : (sr as DepreciationStartRule);
  const straight = method === undefined || method === "straight-line";
  const monthly: StraightLineMonthly =
    straight && slm === undefined ? monthlyDefaultAt(set, start).value : ((slm ?? "constant") as StraightLineMonthly);
  const a = out.a;
  a.costFen = costFen;
  a.salvageFen = salvageOf(costFen, rp.num, rp.den);
  a.life = life;
  a.first = quickMonthIndex(start) + (startRule === "next-month" ? 1 : 0);
  a.method = method === undefined ? "straight-line" : (method as DepreciationMethod);
  a.startRule = startRule;
  a.monthly = monthly;
  out.start = start;
  out.salvageRate = r;
  out.usedSalvageDefault = rate === undefined;
  out.usedStartRuleDefault = sr === undefined;
  out.usedMonthlyDefault = straight && slm === undefined;
  return true;
}

/** {@link quickInto} into a fresh record; `undefined` when the fast path does not apply. @internal */
export function quickNormalise(v: unknown, set: ParameterSet): Quick | undefined {
  const out = scratch();
  return quickInto(v, set, out) ? out : undefined;
}
