import * as z from "zod";
import {
  addFractions,
  addIssue,
  compareFractions,
  fraction,
  fractionFromDecimal,
  fractionSchema,
  idSchema,
  legalDateSchema,
  money,
  moneyFromFen,
  multiplyFractions,
  nonNegativeMoneySchema,
  parseInput,
  safe,
  sum,
  traceStep,
  unitSchema,
  type Fraction,
  type LegalDate,
  type Money,
  type MoneyInput,
  type ParameterUse,
  type TraceNode,
  deepFreeze,
  isIdentifier,
} from "@sannong/core";
import { fail } from "../errors";
import { paramsOf, readParam, requireMultiple, unitFen, ONLY_WHEN_VALID } from "../internal/common";
import { idRanks, isNonNegativeDecimal, lcm, pow10 } from "../internal/exact";
import { showFraction } from "../internal/format";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";
import { maxMinus, rankFromTop, readColumn, reciprocal, type Column } from "./columns";
import {
  byFactorExact,
  byFactorFast,
  byFactorScratch,
  exactN,
  splitByFactorsExact,
  splitByFactorsFast,
  type Combined,
} from "./hamilton";

/** How an inverse factor (the lower, the more) becomes a coefficient (逆向因素转换方式). */
export type InverseTransform = "reciprocal" | "max-minus" | "rank";

/** The transformation used for an inverse factor that declares none. */
export const DEFAULT_INVERSE_TRANSFORM: InverseTransform = "reciprocal";

/** Most recipients one factor allocation accepts. */
export const MAX_FACTOR_RECIPIENTS = 1_000_000;
const FORBIDDEN_IDS = new Set(["__proto__", "constructor", "prototype"]);

const nonNegativeFraction = fractionSchema.superRefine((f, ctx) => {
  if (f.num < 0n)
    addIssue(ctx, `不能为负数：${f.num}/${f.den}`, `must not be negative: ${f.num}/${f.den}`, [], "out_of_range");
});

const factorSchema = z.strictObject({
  id: idSchema,
  weight: nonNegativeFraction,
  direction: z.enum(["positive", "inverse"]).optional(),
  transform: z.enum(["reciprocal", "max-minus", "rank"]).optional(),
  group: idSchema.optional(),
});

const groupSchema = z.strictObject({ id: idSchema, ratio: nonNegativeFraction });

const RECIPIENT_KEYS = new Set(["id", "values", "floor", "cap"]);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return v === null ? "null" : typeof v;
}

/**
 * Validates the recipients in one plain loop (a zod schema per recipient and
 * per value costs seconds on 100,000 recipients × 8 factors), with stable
 * issue codes, exact paths and zh/en messages.
 */
function checkRecipients(
  ctx: z.RefinementCtx,
  list: readonly unknown[],
  factorIds: ReadonlySet<string>,
  nf: number,
): void {
  const ids = new Set<string>();
  const say = (zh: string, en: string, path: (string | number)[], code: string): void =>
    addIssue(ctx, zh, en, ["recipients", ...path], code);
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (!isPlainObject(r)) {
      say(`应为对象，实际为 ${show(r)}`, `expected an object, got ${show(r)}`, [i], "invalid_type");
      continue;
    }
    for (const k in r)
      if (!RECIPIENT_KEYS.has(k) && Object.hasOwn(r, k))
        say(`未知的键 “${k}”`, `unrecognized key "${k}"`, [i, k], "unrecognized_keys");
    const id = typeof r["id"] === "string" ? r["id"].trim() : undefined;
    if (id === undefined || id.length === 0 || id.length > 200)
      say("标识应为 1 到 200 个字符的字符串", "id must be a string of 1 to 200 characters", [i, "id"], "invalid_id");
    else if (!isIdentifier(id))
      // the same refusal as core idSchema: ids that look the same must not count as different recipients
      say(
        "标识含不可见字符（控制字符、零宽字符等）：看起来相同的标识不能算作不同的",
        "the id contains an invisible character (a control or zero-width character): ids that look the same cannot count as different",
        [i, "id"],
        "invisible_character",
      );
    else {
      if (ids.has(id)) say(`重复的对象 “${id}”`, `duplicate recipient "${id}"`, [i, "id"], "duplicate_id");
      ids.add(id);
    }
    const values = r["values"];
    if (!isPlainObject(values)) {
      say(
        "values 应为以因素标识为键的对象",
        "values must be an object keyed by factor id",
        [i, "values"],
        "invalid_type",
      );
    } else {
      let known = 0;
      for (const k in values) {
        if (!Object.hasOwn(values, k)) continue;
        if (FORBIDDEN_IDS.has(k))
          say(`不允许的键名 “${k}”`, `key "${k}" is not allowed`, [i, "values", k], "forbidden_key");
        else if (!factorIds.has(k)) say(`未知因素 “${k}”`, `unknown factor "${k}"`, [i, "values", k], "unknown_factor");
        else {
          known++;
          if (!isNonNegativeDecimal(values[k])) {
            say(
              `应为非负十进制数（有限数字或十进制字符串，最多 18 位小数，小于 10^18），实际为 ${show(values[k])}`,
              `expected a non-negative decimal (a finite number or a decimal string, at most 18 decimals, below 10^18), got ${show(values[k])}`,
              [i, "values", k],
              "invalid_decimal",
            );
          }
        }
      }
      if (known !== nf) {
        for (const f of factorIds) {
          if (!Object.hasOwn(values, f))
            say(`缺少因素 “${f}” 的取值`, `missing the value of factor "${f}"`, [i, "values", f], "missing_value");
        }
      }
    }
    const bounds: { floor?: Money; cap?: Money } = {};
    for (const key of ["floor", "cap"] as const) {
      if (r[key] === undefined) continue;
      const m = safe(() => money(r[key] as MoneyInput));
      if (!m.ok) say(m.error.zh, m.error.en, [i, key], "invalid_money");
      else if (m.value.fen < 0n)
        say(
          `金额不能为负：${String(m.value)}`,
          `amount must not be negative: ${String(m.value)}`,
          [i, key],
          "negative_money",
        );
      else bounds[key] = m.value;
    }
    if (bounds.floor && bounds.cap && bounds.floor.fen > bounds.cap.fen) {
      say(
        `保底 ${String(bounds.floor)} 高于封顶 ${String(bounds.cap)}`,
        `floor ${String(bounds.floor)} is above cap ${String(bounds.cap)}`,
        [i, "floor"],
        "floor_above_cap",
      );
    }
  }
}

/** The recipients as validated, column-wise: trimmed ids, raw value records, bounds as Money. */
interface ParsedRecipients {
  readonly ids: readonly string[];
  readonly values: readonly Readonly<Record<string, unknown>>[];
  /** Floors and caps, `null` where absent; `undefined` when no recipient has one. */
  readonly floors?: readonly (Money | null)[];
  readonly caps?: readonly (Money | null)[];
}

function toParsed(list: readonly unknown[]): ParsedRecipients {
  const n = list.length;
  const ids = new Array<string>(n);
  const values = new Array<Readonly<Record<string, unknown>>>(n);
  let floors: (Money | null)[] | undefined;
  let caps: (Money | null)[] | undefined;
  for (let i = 0; i < n; i++) {
    const r = list[i] as Record<string, unknown>;
    ids[i] = (r["id"] as string).trim();
    values[i] = r["values"] as Record<string, unknown>;
    if (r["floor"] !== undefined) {
      floors ??= new Array<Money | null>(n).fill(null);
      floors[i] = money(r["floor"] as MoneyInput);
    }
    if (r["cap"] !== undefined) {
      caps ??= new Array<Money | null>(n).fill(null);
      caps[i] = money(r["cap"] as MoneyInput);
    }
  }
  return { ids, values, ...(floors ? { floors } : {}), ...(caps ? { caps } : {}) };
}
/**
 * The zod schema of {@link allocateByFactors}'s input (strict: unknown keys
 * are rejected). Every recipient must give a value for every factor and for
 * no other key.
 */
export const allocateByFactorsInputSchema = z
  .strictObject({
    total: nonNegativeMoneySchema,
    unit: unitSchema.optional(),
    date: legalDateSchema.optional(),
    factors: z.array(factorSchema).min(1).max(64),
    groups: z.array(groupSchema).min(1).max(64).optional(),
    normalize: z.boolean().optional(),
    recipients: z.array(z.unknown()).min(1).max(MAX_FACTOR_RECIPIENTS),
  })
  .superRefine((d, ctx) => {
    const factorIds = new Set<string>();
    d.factors.forEach((f, i) => {
      if (factorIds.has(f.id))
        addIssue(ctx, `重复的因素 “${f.id}”`, `duplicate factor "${f.id}"`, ["factors", i, "id"], "duplicate_id");
      if (FORBIDDEN_IDS.has(f.id))
        addIssue(
          ctx,
          `不允许的因素标识 “${f.id}”`,
          `factor id "${f.id}" is not allowed`,
          ["factors", i, "id"],
          "forbidden_key",
        );
      factorIds.add(f.id);
      if (f.transform !== undefined && f.direction !== "inverse") {
        addIssue(
          ctx,
          '只有逆向因素（direction: "inverse"）可以声明 transform',
          'only an inverse factor (direction: "inverse") can declare a transform',
          ["factors", i, "transform"],
          "transform_without_inverse",
        );
      }
    });
    const grouped = d.factors.filter((f) => f.group !== undefined).length;
    if (grouped > 0 && grouped < d.factors.length) {
      const i = d.factors.findIndex((f) => f.group === undefined);
      addIssue(
        ctx,
        "要么所有因素都分组，要么都不分组",
        "either every factor has a group or none has",
        ["factors", i, "group"],
        "mixed_grouping",
      );
    }
    if (d.groups) {
      const ids = new Set<string>();
      d.groups.forEach((g, i) => {
        if (ids.has(g.id))
          addIssue(ctx, `重复的组 “${g.id}”`, `duplicate group "${g.id}"`, ["groups", i, "id"], "duplicate_id");
        ids.add(g.id);
      });
      if (grouped === 0)
        addIssue(
          ctx,
          "给出了 groups，但没有因素声明 group",
          "groups are given but no factor declares a group",
          ["groups"],
          "groups_without_grouping",
        );
      d.factors.forEach((f, i) => {
        if (f.group !== undefined && !ids.has(f.group))
          addIssue(
            ctx,
            `未知的组 “${f.group}”`,
            `unknown group "${f.group}"`,
            ["factors", i, "group"],
            "unknown_group",
          );
      });
    }
    const needsDate =
      (grouped > 0 && !d.groups) ||
      d.factors.some((f) => f.direction === "inverse" && (f.transform ?? DEFAULT_INVERSE_TRANSFORM) === "reciprocal");
    if (needsDate && d.date === undefined) {
      addIssue(
        ctx,
        "需要 date 以读取参数（分组比例或倒数系数的有效数字位数）",
        "date is required to read the parameters (group ratios or the digits of reciprocal coefficients)",
        ["date"],
        "date_required",
      );
    }
    checkRecipients(ctx, d.recipients, factorIds, d.factors.length);
  }, ONLY_WHEN_VALID)
  .transform((d) => ({ ...d, recipients: toParsed(d.recipients) }));

/** The input of {@link allocateByFactors} (amounts as decimal strings or Money). */
export interface AllocateByFactorsInput {
  /** The money to split, e.g. `"1000000.00"`. */
  readonly total: MoneyInput;
  /** Rounding unit in 元 (`"0.01"` default, `"1"`, `"100"` …); the total must be a multiple. */
  readonly unit?: string;
  /** Legal date used to read parameters; required when a parameter is needed (group ratios not given, reciprocal coefficients). */
  readonly date?: LegalDate;
  /** The factors: weight (decimal or `"n/d"`), direction, transform of an inverse factor, group. */
  readonly factors: readonly {
    readonly id: string;
    readonly weight: string | number;
    readonly direction?: "positive" | "inverse";
    readonly transform?: InverseTransform;
    readonly group?: string;
  }[];
  /** Groups (基数、绩效 …) with their ratio of the total; from the parameter `funds.factor.groupRatios` when absent. */
  readonly groups?: readonly { readonly id: string; readonly ratio: string | number }[];
  /** Scale weights (and ratios) that do not add up to 1 instead of refusing them. */
  readonly normalize?: boolean;
  /** The recipients with a value for every factor, and an optional floor (保底) and cap (封顶). */
  readonly recipients: readonly {
    readonly id: string;
    readonly values: Readonly<Record<string, number | string>>;
    readonly floor?: MoneyInput;
    readonly cap?: MoneyInput;
  }[];
}

/** One recipient's allocation. */
export interface FactorAllocation {
  readonly id: string;
  /** The recipient's amount. */
  readonly amount: Money;
  /** The amount split over the factors (adds up exactly to `amount`), by factor id in factor order. */
  readonly byFactor: Readonly<Record<string, Money>>;
}

/** The result of {@link allocateByFactors}. */
export interface AllocateByFactorsResult {
  /** One entry per recipient, in input order; the amounts add up exactly to the total. */
  readonly allocations: readonly FactorAllocation[];
  /** Σ of each factor's column of `byFactor` (adds up to the total). */
  readonly factorTotals: Readonly<Record<string, Money>>;
  /** Recipients whose factor coefficients are all zero (they get zero, or their floor). */
  readonly zeroRecipients: readonly string[];
  readonly trace: TraceNode;
}

/**
 * Splits a total among recipients by weighted factors (因素法分配): each
 * recipient gets total × Σ_k w_k × x_ik ÷ Σ_j x_jk, with factors optionally
 * grouped into 基数 and 绩效 shares (each group's ratio of the total, the
 * factor weights summing to 1 within the group), inverse factors turned into
 * coefficients first (reciprocal — the default — max − x, or rank), and
 * per-recipient floors (保底) and caps (封顶).
 *
 * The exact combined weight of every recipient is built as an integer over
 * one common denominator (no decimal approximation), and the total is split
 * once by largest remainder (Hamilton, the rule of core `allocate`), so every
 * recipient gets the floor or the ceiling of its exact share (before bounds)
 * and the amounts add up exactly to the total. Remainder ties go to the
 * recipient whose id sorts first, so permuting the recipients permutes the
 * result. Each amount is split again over the recipient's factor
 * contributions (ties to the factor id that sorts first), so `byFactor` adds
 * up exactly to `amount`.
 *
 * Monotonicity: without floors and caps, a recipient whose positive factor
 * values rise (everything else unchanged) never gets less — its exact share
 * rises, every other share falls, and largest remainder never takes a unit
 * from a share that rose while all others fell.
 *
 * @param input - see {@link AllocateByFactorsInput}
 * @param options - `parameters`: the parameter set (default `fundsParameterSet`)
 * @returns allocations in input order, factor totals, all-zero recipients and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (missing or unknown factor values, duplicate ids, a transform on a positive factor, a missing `date` when a parameter is needed …);
 *   {@link PolicyError} `WEIGHTS_NOT_ONE`, `RATIOS_NOT_ONE`, `WEIGHTS_ALL_ZERO`, `UNKNOWN_GROUP`, `GROUP_WITHOUT_FACTORS`, `FACTOR_ALL_ZERO`,
 *   `INVERSE_ZERO_VALUE`, `INFEASIBLE_BOUNDS`, `INFEASIBLE_FLOORS`, `INFEASIBLE_CAPS`, `TOTAL_NOT_MULTIPLE_OF_UNIT`
 * @example
 * ```ts
 * import { allocateByFactors } from "@sannong/funds";
 * const r = allocateByFactors({
 *   total: "1000000.00",
 *   factors: [
 *     { id: "population", weight: "0.3" }, { id: "lowIncome", weight: "0.2" },
 *     { id: "area", weight: "0.2" }, { id: "evaluation", weight: "0.3" },
 *   ],
 *   recipients: [
 *     { id: "A", values: { population: 1200, lowIncome: 30, area: 15, evaluation: 92 } },
 *     { id: "B", values: { population: 800, lowIncome: 45, area: 10, evaluation: 85 } },
 *     { id: "C", values: { population: 500, lowIncome: 25, area: 25, evaluation: 78 } },
 *   ],
 * });
 * r.allocations.map((a) => String(a.amount)); // → ["372235.29", "326000.00", "301764.71"]
 * r.allocations[0]?.byFactor; // → { population: "144000.00", lowIncome: "60000.00", area: "60000.00", evaluation: "108235.29" }
 * ```
 * @remarks Implements FUNDS-FACTOR-1, FUNDS-FACTOR-2, FUNDS-FACTOR-3, FUNDS-FACTOR-4 (004 §二(三)1).
 */
export function allocateByFactors(input: AllocateByFactorsInput, options?: FundsOptions): AllocateByFactorsResult {
  return allocateByFactorsWith(input, options, "auto");
}

interface FactorPlan {
  readonly id: string;
  readonly index: number;
  readonly effective: Fraction;
  readonly inverse: boolean;
  readonly transform: InverseTransform | null;
  readonly group: string | null;
  readonly column: Column;
}

/**
 * {@link allocateByFactors} with a choice of implementation: `"auto"` (the
 * double-filtered fast split, exact fallback) or `"reference"` (plain bigint
 * arithmetic everywhere). Both give identical results; tests compare them.
 * @internal
 */
export function allocateByFactorsWith(
  input: AllocateByFactorsInput,
  options: FundsOptions | undefined,
  mode: "auto" | "reference",
): AllocateByFactorsResult {
  const data = parseInput(allocateByFactorsInputSchema, input, "allocateByFactors");
  const set = paramsOf(options, "allocateByFactors");
  const uses: ParameterUse[] = [];
  const uFen = unitFen(data.unit);
  const unitText = data.unit ?? "0.01";
  requireMultiple(data.total, uFen, data.unit, ["total"]);
  const T = data.total.fen / uFen;
  const { ids: rid, values: rvalues, floors: rfloors, caps: rcaps } = data.recipients;
  const n = rid.length;
  const date = data.date as LegalDate;

  // --- FUNDS-FACTOR-2: effective weight of each factor (group ratio × weight within the group) ---
  const grouped = data.factors.some((f) => f.group !== undefined);
  const ratioOf = new Map<string, Fraction>();
  if (grouped) {
    if (data.groups) for (const g of data.groups) ratioOf.set(g.id, g.ratio);
    else {
      const rec = readParam<Readonly<Record<string, string>>>(set, "funds.factor.groupRatios", date, uses);
      for (const k of Object.keys(rec)) ratioOf.set(k, fractionFromDecimal(rec[k]!));
      data.factors.forEach((f, i) => {
        if (!ratioOf.has(f.group!)) fail("UNKNOWN_GROUP", { group: f.group!, factor: f.id }, ["factors", i, "group"]);
      });
    }
    for (const [g, r] of ratioOf) {
      if (r.num !== 0n && !data.factors.some((f) => f.group === g))
        fail("GROUP_WITHOUT_FACTORS", { group: g, ratio: showFraction(r) }, data.groups ? ["groups"] : []);
    }
    const ratioSum = [...ratioOf.values()].reduce(addFractions, fraction(0n));
    if (ratioSum.num === 0n) fail("WEIGHTS_ALL_ZERO", { where: "groups" }, ["groups"]);
    if (compareFractions(ratioSum, fraction(1n)) !== 0) {
      if (!data.normalize)
        fail("RATIOS_NOT_ONE", { sum: showFraction(ratioSum), where: "groups" }, data.groups ? ["groups"] : []);
      for (const [g, r] of ratioOf) ratioOf.set(g, fraction(r.num * ratioSum.den, r.den * ratioSum.num));
    }
  }
  const groupKeys = grouped ? [...new Set(data.factors.map((f) => f.group!))] : [null];
  const effective = new Array<Fraction>(data.factors.length);
  for (const g of groupKeys) {
    const members = data.factors.map((f, i) => ({ f, i })).filter(({ f }) => (f.group ?? null) === g);
    const sum = members.reduce((s, { f }) => addFractions(s, f.weight), fraction(0n));
    const where = g === null ? "factors" : `group ${g}`;
    if (sum.num === 0n) fail("WEIGHTS_ALL_ZERO", { where }, ["factors"]);
    const off = compareFractions(sum, fraction(1n)) !== 0;
    if (off && !data.normalize) fail("WEIGHTS_NOT_ONE", { sum: showFraction(sum), where }, ["factors"]);
    const ratio = g === null ? fraction(1n) : ratioOf.get(g)!;
    for (const { f, i } of members) {
      const w = off ? fraction(f.weight.num * sum.den, f.weight.den * sum.num) : f.weight;
      effective[i] = multiplyFractions(ratio, w);
    }
  }

  // --- FUNDS-FACTOR-3: coefficients (inverse factors transformed) ---
  let reciprocalDigits = 0;
  const plans: FactorPlan[] = data.factors.map((f, k) => {
    const inverse = f.direction === "inverse";
    const transform = inverse ? (f.transform ?? DEFAULT_INVERSE_TRANSFORM) : null;
    let column = readColumn(n, (i) => rvalues[i]![f.id]);
    if (transform === "max-minus") column = maxMinus(column);
    else if (transform === "rank") column = rankFromTop(column);
    else if (transform === "reciprocal") {
      if (reciprocalDigits === 0)
        reciprocalDigits = readParam<number>(set, "funds.factor.reciprocalSignificantDigits", date, uses);
      column = reciprocal(column, reciprocalDigits, (i: number) =>
        fail("INVERSE_ZERO_VALUE", { factor: f.id, recipient: rid[i]! }, ["recipients", i, "values", f.id]),
      );
    }
    const eff = effective[k]!;
    if (column.base === 0n && eff.num !== 0n)
      fail("FACTOR_ALL_ZERO", { factor: f.id, weight: showFraction(eff) }, ["factors", k]);
    return { id: f.id, index: k, effective: eff, inverse, transform, group: f.group ?? null, column };
  });

  // --- FUNDS-FACTOR-1: exact combined weights over one common denominator ---
  let D = 1n;
  for (const p of plans) if (p.effective.num !== 0n) D = lcm(D, p.effective.den * p.column.base);
  const C = plans.map((p) => (p.effective.num === 0n ? 0n : (p.effective.num * D) / (p.effective.den * p.column.base)));
  let L = 1n;
  for (const p of plans) L = lcm(L, p.effective.den);
  let ranks: Int32Array | undefined;
  const combined: Combined = {
    n,
    columns: plans.map((p) => p.column),
    C,
    D,
    g: Float64Array.from(plans, (p) =>
      p.effective.num === 0n ? 0 : Number(p.effective.num) / Number(p.effective.den) / Number(p.column.base),
    ),
    rank: () => (ranks ??= idRanks(rid)),
    factorRank: idRanks(plans.map((p) => p.id)),
    fallback: plans.map((p) => (p.effective.num * L) / p.effective.den),
  };
  const isZero = (i: number): boolean => {
    for (const p of plans) if (p.effective.num !== 0n && p.column.num[i] !== 0) return false;
    return true;
  };
  const zero: number[] = [];
  for (let i = 0; i < n; i++) if (isZero(i)) zero.push(i);

  // --- FUNDS-FACTOR-4: floors and caps; the split ---
  const hasBounds = rfloors !== undefined || rcaps !== undefined;
  const boundNotes: { id: string; bound: "floor" | "cap"; amount: Money }[] = [];
  let unitsBig: bigint[] | undefined;
  let unitsNum: Float64Array | undefined;
  if (!hasBounds) {
    if (mode === "auto" && data.total.fen <= BigInt(Number.MAX_SAFE_INTEGER))
      unitsNum = splitByFactorsFast(combined, T);
    if (!unitsNum) unitsBig = splitByFactorsExact(combined, data.total, unitText, uFen);
  } else {
    const floors = rid.map((_, i) => {
      const f = rfloors?.[i];
      return f ? (f.fen + uFen - 1n) / uFen : null;
    });
    const caps = rid.map((_, i) => {
      const c = rcaps?.[i];
      return c ? c.fen / uFen : null;
    });
    let floorSum = 0n;
    let reach = 0n;
    let unbounded = false;
    for (let i = 0; i < n; i++) {
      const fl = floors[i] ?? 0n;
      const cp = caps[i] ?? null;
      if (cp !== null && fl > cp)
        fail(
          "INFEASIBLE_BOUNDS",
          { id: rid[i]!, floor: String(moneyFromFen(fl * uFen)), cap: String(moneyFromFen(cp * uFen)) },
          ["recipients", i, "floor"],
        );
      floorSum += fl;
      if (isZero(i)) reach += fl;
      else if (cp === null) unbounded = true;
      else reach += cp;
    }
    if (floorSum > T)
      fail("INFEASIBLE_FLOORS", { floors: String(moneyFromFen(floorSum * uFen)), total: String(data.total) }, [
        "recipients",
      ]);
    if (!unbounded && reach < T) {
      fail("INFEASIBLE_CAPS", { reachable: String(moneyFromFen(reach * uFen)), total: String(data.total) }, [
        "recipients",
      ]);
    }
    const split = splitByFactorsExact(combined, data.total, unitText, uFen, rfloors, rcaps);
    unitsBig = split;
    for (let i = 0; i < n; i++) {
      const fl = floors[i] ?? null;
      const cp = caps[i] ?? null;
      const exactTimesD = T * exactN(combined, i);
      if (fl !== null && split[i] === fl && exactTimesD < fl * D)
        boundNotes.push({ id: rid[i]!, bound: "floor", amount: moneyFromFen(fl * uFen) });
      else if (cp !== null && split[i] === cp && exactTimesD > cp * D)
        boundNotes.push({ id: rid[i]!, bound: "cap", amount: moneyFromFen(cp * uFen) });
    }
  }

  // --- byFactor: each amount split over its factor contributions ---
  const K = plans.length;
  const colBig: bigint[] = new Array<bigint>(K).fill(0n);
  const colNum = new Float64Array(K);
  const allocations: FactorAllocation[] = new Array<FactorAllocation>(n);
  const ids = plans.map((p) => p.id);
  const buf = new Float64Array(K);
  const scratch = byFactorScratch(K);
  const uFenN = Number(uFen);
  for (let i = 0; i < n; i++) {
    const byFactor: Record<string, Money> = {};
    let amount: Money;
    if (unitsNum) {
      const u = unitsNum[i]!;
      amount = moneyFromFen(u * uFenN);
      if (mode === "auto" && byFactorFast(combined, i, u, buf, scratch)) {
        for (let k = 0; k < K; k++) {
          byFactor[ids[k]!] = moneyFromFen(buf[k]! * uFenN);
          colNum[k]! += buf[k]!;
        }
      } else {
        const parts = byFactorExact(combined, i, BigInt(u), unitText, uFen);
        for (let k = 0; k < K; k++) {
          byFactor[ids[k]!] = moneyFromFen(parts[k]! * uFen);
          colNum[k]! += Number(parts[k]!);
        }
      }
    } else {
      const u = unitsBig![i]!;
      amount = moneyFromFen(u * uFen);
      const parts = byFactorExact(combined, i, u, unitText, uFen);
      for (let k = 0; k < K; k++) {
        byFactor[ids[k]!] = moneyFromFen(parts[k]! * uFen);
        colBig[k]! += parts[k]!;
      }
    }
    allocations[i] = { id: rid[i]!, amount, byFactor };
  }
  const factorTotals: Record<string, Money> = {};
  plans.forEach((p, k) => (factorTotals[p.id] = moneyFromFen((colBig[k]! + BigInt(colNum[k]!)) * uFen)));
  const zeroRecipients = zero.map((i) => rid[i]!);

  // --- trace ---
  const children: TraceNode[] = [];
  if (grouped) {
    children.push(
      traceStep(RULES["FUNDS-FACTOR-2"], {
        inputs: {
          groups: Object.fromEntries([...ratioOf].map(([g, r]) => [g, showFraction(r)])),
          normalized: Boolean(data.normalize),
        },
        output: Object.fromEntries(
          groupKeys.map((g) => [g!, String(sum(plans.filter((p) => p.group === g).map((p) => factorTotals[p.id]!)))]),
        ),
        parameters: uses.filter((u) => u.id === "funds.factor.groupRatios"),
        note: {
          zh: "各组按比例分得总额，组内因素权重合计为 1",
          en: "each group takes its ratio of the total; factor weights sum to 1 within a group",
        },
      }),
    );
  }
  for (const p of plans) {
    children.push(
      traceStep(p.inverse ? RULES["FUNDS-FACTOR-3"] : RULES["FUNDS-FACTOR-1"], {
        inputs: {
          factor: p.id,
          weight: showFraction(data.factors[p.index]!.weight),
          effectiveWeight: showFraction(p.effective),
          direction: p.inverse ? "inverse" : "positive",
          ...(p.transform ? { transform: p.transform } : {}),
          base: scaledText(p.column.base, p.column.scale),
        },
        output: String(factorTotals[p.id]),
        ...(p.transform === "reciprocal"
          ? { parameters: uses.filter((u) => u.id === "funds.factor.reciprocalSignificantDigits") }
          : {}),
        ...(p.inverse ? { note: TRANSFORM_NOTES[p.transform!] } : {}),
      }),
    );
  }
  if (zeroRecipients.length > 0) {
    children.push(
      traceStep(RULES["FUNDS-FACTOR-4"], {
        inputs: { recipients: zeroRecipients },
        output: zero.map((i) => String(allocations[i]!.amount)),
        note: {
          zh: "这些对象所有因素系数均为零，按因素法分得零（如有保底则得保底）",
          en: "these recipients have all-zero factor coefficients, so the factor method gives them zero (or their floor)",
        },
      }),
    );
  }
  if (boundNotes.length > 0) {
    children.push(
      traceStep(RULES["FUNDS-FACTOR-4"], {
        inputs: { bound: boundNotes.map((b) => ({ id: b.id, bound: b.bound, amount: b.amount })) },
        note: {
          zh: "保底、封顶生效；封顶削减或保底补足的部分按其余对象的权重重新分配",
          en: "floors and caps bind; what a cap cuts or a floor adds is re-split over the others by weight",
        },
      }),
    );
  }
  const trace = traceStep(RULES["FUNDS-FACTOR-1"], {
    inputs: { total: data.total, unit: data.unit ?? "0.01", recipients: n, factors: plans.length },
    output: { allocated: data.total, factorTotals },
    parameters: uses,
    note: {
      zh: "每个对象的精确份额 = 总额 × Σ 权重 × 本值 ÷ 该因素合计，按同一公分母精确计算后用最大余额法一次取整（余额相同按标识排序先者得）",
      en: "each exact share = total × Σ weight × value ÷ factor total, computed over one common denominator and rounded once by largest remainder (ties to the id that sorts first)",
    },
    children,
  });
  return { allocations, factorTotals, zeroRecipients, trace };
}

const TRANSFORM_NOTES: Record<InverseTransform, { zh: string; en: string }> = /*#__PURE__*/ deepFreeze({
  reciprocal: {
    zh: "逆向因素取倒数（按参数保留有效数字）后归一",
    en: "inverse factor: reciprocal (to the parameter's significant digits), then normalised",
  },
  "max-minus": {
    zh: "逆向因素取（最大值 − 本值）后归一，最大者为零",
    en: "inverse factor: max − value (the highest gets zero), then normalised",
  },
  rank: {
    zh: "逆向因素按取值从高到低排名（并列同名次）作为系数后归一",
    en: "inverse factor: rank from the highest value (ties share a rank) as coefficient, then normalised",
  },
});

function scaledText(v: bigint, scale: number): string {
  if (scale <= 0) return (v * pow10(-scale)).toString();
  const s = v.toString().padStart(scale + 1, "0");
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, "");
}
