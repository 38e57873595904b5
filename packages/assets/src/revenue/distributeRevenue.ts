import * as z from "zod";
import {
  addIssue,
  allocate,
  allocateMinorUnits,
  formatFraction,
  fraction,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  paramAt,
  parseInput,
  positiveDecimalSchema,
  procedureEventSchema,
  fractionFromDecimal,
  REVENUE_PLAN_APPROVAL,
  traceStep,
  type CheckProcedureResult,
  Decimal,
  type Fraction,
  type Money,
  type TraceNode,
  deepFreeze,
  isIdentifier,
} from "@sannong/core";
import { fail } from "../errors";
import { RULES } from "../rules";
import { PARAM, type StableWorkTier } from "../parameters";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { finding, type AssetFinding } from "../internal/findings";
import { checkChain, describeGaps } from "../internal/procedure";
import { integerWeights, sumFractions } from "../internal/shares";
import type { ReadonlyInput } from "../internal/types";
import { shareSchema } from "../ownership/resolveOwnership";

/** What a use of the income is: 建档立卡贫困户, 村集体经济, 公益事业, other. */
export const REVENUE_USE_KINDS = /*#__PURE__*/ deepFreeze([
  "poor-households",
  "collective-economy",
  "public-welfare",
  "other",
] as const);
/** A use of the income (收益用途). */
export type RevenueUseKind = (typeof REVENUE_USE_KINDS)[number];

/**
 * How a use pays households (差异化扶持):
 * - `public-welfare-post` 公益岗位: paid for work, in proportion to months worked (不养懒人);
 * - `employment` 就业带动: in proportion to months employed;
 * - `stable-work-tiers` 稳定脱贫户阶梯式奖补: by the tier factor of months worked (parameter);
 * - `conditional` 丧失劳动力户有条件收益、有条件支付: an equal entitlement, paid only when the condition is met, withheld otherwise;
 * - `dividend` 按股分红: in proportion to shares held (flagged 一股了之 when it is the only way);
 * - `equal` 平均发放: the same to everyone with no condition (flagged 一发了之).
 */
export const HOUSEHOLD_BASES = /*#__PURE__*/ deepFreeze([
  "public-welfare-post",
  "employment",
  "stable-work-tiers",
  "conditional",
  "dividend",
  "equal",
] as const);
/** How a use pays households (到户分配方式). */
export type HouseholdBasis = (typeof HOUSEHOLD_BASES)[number];

const text = z.string().trim().min(1).max(200);

const useSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(REVENUE_USE_KINDS),
  /** Share of the income distributed this year (after the reserve); the shares add up to exactly 1. */
  share: shareSchema,
  label: text.optional(),
  /** Set when the use pays households directly. */
  basis: z.enum(HOUSEHOLD_BASES).optional(),
});

const householdSchema = z.strictObject({
  id: idSchema,
  /** The id of the use that pays this household. */
  use: idSchema,
  /** Months worked / employed in the year (0–12): posts, employment, stable-work tiers. */
  months: z.number().int().min(0).max(12).optional(),
  /** Shares held: dividend. */
  shares: positiveDecimalSchema.optional(),
  /** Whether the condition was met: conditional. */
  conditionMet: z.boolean().optional(),
  /** The condition, in words (e.g. 参加村内公益活动): conditional. */
  condition: text.optional(),
});

type Needs = Readonly<Record<"months" | "shares" | "conditionMet" | "condition", boolean>>;
const need = (months: boolean, shares: boolean, conditional: boolean): Needs => ({
  months,
  shares,
  conditionMet: conditional,
  condition: conditional,
});
const NEEDS: Record<HouseholdBasis, Needs> = /*#__PURE__*/ deepFreeze({
  "public-welfare-post": need(true, false, false),
  employment: need(true, false, false),
  "stable-work-tiers": need(true, false, false),
  conditional: need(false, false, true),
  dividend: need(false, true, false),
  equal: need(false, false, false),
});
const FIELDS = /*#__PURE__*/ deepFreeze(["months", "shares", "conditionMet", "condition"] as const);

type Report = (zh: string, en: string, path: (string | number)[], code: string) => void;
type HouseholdFields = {
  id: string;
  use: string;
  months?: number | undefined;
  shares?: unknown;
  conditionMet?: boolean | undefined;
  condition?: string | undefined;
};

/** The cross-field checks of the households (shared by the schema and the fast path). */
function checkHouseholds(
  uses: ReadonlyMap<string, { basis: HouseholdBasis | undefined }>,
  hs: readonly HouseholdFields[],
  report: Report,
): void {
  const ids = new Set<string>();
  let lastUse = "";
  let lastU: { basis: HouseholdBasis | undefined } | undefined;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    const before = ids.size;
    ids.add(h.id);
    if (ids.size === before)
      report(`农户标识 “${h.id}” 重复`, `duplicate household id "${h.id}"`, ["households", i, "id"], "duplicate_id");
    const u = h.use === lastUse && lastU ? lastU : uses.get(h.use);
    lastUse = h.use;
    lastU = u;
    if (!u) {
      report(
        `农户 ${h.id} 所属用途 “${h.use}” 不存在`,
        `household ${h.id} names an unknown use "${h.use}"`,
        ["households", i, "use"],
        "unknown_use",
      );
      continue;
    }
    if (u.basis === undefined) {
      report(
        `用途 “${h.use}” 未规定到户分配方式（basis）`,
        `use "${h.use}" has no basis for paying households`,
        ["households", i, "use"],
        "use_without_basis",
      );
      continue;
    }
    const need = NEEDS[u.basis];
    if (
      (h.months !== undefined) !== need.months ||
      (h.shares !== undefined) !== need.shares ||
      (h.conditionMet !== undefined) !== need.conditionMet ||
      (h.condition !== undefined) !== need.condition
    ) {
      for (const f of FIELDS) {
        const has = h[f] !== undefined;
        if (need[f] && !has)
          report(`按“${u.basis}”分配须提供 ${f}`, `basis ${u.basis} needs ${f}`, ["households", i, f], "required");
        if (!need[f] && has)
          report(
            `按“${u.basis}”分配不使用 ${f}`,
            `basis ${u.basis} does not use ${f}`,
            ["households", i, f],
            "not_applicable",
          );
      }
    }
  }
}

/**
 * zod schema of {@link distributeRevenue}'s input: the year's operating
 * income, maintenance paid from it, other deductions, the declared reserve
 * ratio, the plan's uses with shares (adding up to exactly 1), the households
 * each household-paying use pays, and the approval record.
 * @remarks Implements ASSET-REV-1..6.
 */
export const distributeRevenueInputSchema = z
  .strictObject({
    /** The date of the plan; parameters are read on it. */
    asOf: legalDateSchema,
    /** Operating income of the asset (经营收入). */
    income: nonNegativeMoneySchema,
    /** Maintenance paid from the income (ASSET-CARE-2, e.g. `splitMaintenanceCost(...).fromIncome`). */
    maintenanceFromIncome: nonNegativeMoneySchema.optional(),
    deductions: z
      .array(z.strictObject({ id: idSchema, label: text, amount: nonNegativeMoneySchema }))
      .max(1000)
      .optional(),
    /** The reserve ratio the plan declares (default: the minimum, parameter `assets.revenue.minReserveRatio`). */
    reserveRatio: shareSchema.optional(),
    uses: z.array(useSchema).min(1).max(1000),
    households: z.array(householdSchema).max(5_000_000).optional(),
    /** Dated records of the approval chain (REVENUE_PLAN_APPROVAL). */
    approval: z.array(procedureEventSchema).max(1000).optional(),
  })
  .superRefine((d, ctx) => {
    const uses = new Map<string, { basis: HouseholdBasis | undefined; kind: RevenueUseKind }>();
    d.uses.forEach((u, i) => {
      if (uses.has(u.id))
        addIssue(ctx, `用途标识 “${u.id}” 重复`, `duplicate use id "${u.id}"`, ["uses", i, "id"], "duplicate_id");
      uses.set(u.id, { basis: u.basis, kind: u.kind });
      if (u.basis !== undefined && (u.kind === "collective-economy" || u.kind === "public-welfare")) {
        addIssue(
          ctx,
          "村集体经济、公益事业用途不直接分配到户",
          "collective-economy and public-welfare uses do not pay households",
          ["uses", i, "basis"],
          "not_applicable",
        );
      }
    });
    const total = sumFractions(d.uses.map((u) => u.share));
    if (total.num !== total.den)
      addIssue(
        ctx,
        `各用途比例合计为 ${formatFraction(total)}，应恰好为 1`,
        `the uses' shares add up to ${formatFraction(total)}, not exactly 1`,
        ["uses"],
        "share_sum",
      );
    checkHouseholds(uses, d.households ?? [], (zh, en, path, code) => addIssue(ctx, zh, en, path, code));
  });

/** Input of {@link distributeRevenue}. */
export type DistributeRevenueInput = ReadonlyInput<z.input<typeof distributeRevenueInputSchema>>;

/** One use of the income and what it receives. */
export interface RevenueUseLine {
  readonly id: string;
  readonly kind: RevenueUseKind;
  readonly label?: string;
  /** Exact share, `"num/den"`. */
  readonly share: string;
  readonly basis?: HouseholdBasis;
  /** The use's part of the money distributed this year. */
  readonly amount: Money;
  /** Of it, paid to households. */
  readonly paidToHouseholds: Money;
  /** Of it, withheld (conditions not met, no work) and carried over. */
  readonly withheld: Money;
  readonly rule: string;
}

/** One household's payment. */
export interface HouseholdPayment {
  readonly id: string;
  readonly use: string;
  readonly basis: HouseholdBasis;
  /** The weight that set the payment: months, tier factor, shares, 1 (or 0). */
  readonly weight: string;
  readonly amount: Money;
  /** Conditional payments: the entitlement withheld because the condition was not met. */
  readonly withheld: Money;
  readonly rule: string;
}

/** Result of {@link distributeRevenue}. */
export interface DistributeRevenueResult {
  readonly asOf: string;
  readonly income: Money;
  readonly maintenanceFromIncome: Money;
  readonly otherDeductions: Money;
  /** Net distributable income = income − maintenance from income − deductions (ASSET-REV-1). */
  readonly distributable: Money;
  /** Reserve ratio applied, exact `"num/den"`. */
  readonly reserveRatio: string;
  /** The reserve kept back (不分光分净, ASSET-REV-2). */
  readonly reserve: Money;
  /** Money of household uses not paid (conditions not met, no work). */
  readonly withheld: Money;
  /** reserve + withheld: carried over to next year. */
  readonly carriedOver: Money;
  /** What the uses receive this year net of withheld money; `distributed + carriedOver = distributable`. */
  readonly distributed: Money;
  readonly uses: readonly RevenueUseLine[];
  readonly households: readonly HouseholdPayment[];
  /** Everything that makes the plan non-compliant. */
  readonly flags: readonly AssetFinding[];
  /** The approval chain check, when a record was given. */
  readonly approval: CheckProcedureResult | null;
  /** No flags: the plan may be carried out. */
  readonly valid: boolean;
  readonly trace: TraceNode;
}

type Parsed = z.output<typeof distributeRevenueInputSchema>;

const HOUSEHOLD_KEYS = new Set(["id", "use", "months", "shares", "conditionMet", "condition"]);
const PLAIN_POSITIVE = /^\d{1,17}(\.\d{1,18})?$/;

/** Accepted unchanged by idSchema (and so by the 200-character text schema too); anything else goes to the schema. */
function quickText(v: unknown): v is string {
  return isIdentifier(v);
}

/** A household in the common shape, validated without zod; `undefined` when the schema must decide. */
function quickHousehold(v: unknown): HouseholdFields | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const o = v as Record<string, unknown>;
  for (const k in o) if (!HOUSEHOLD_KEYS.has(k)) return undefined;
  const { id, use, months, shares, conditionMet, condition } = o;
  if (!quickText(id) || !quickText(use)) return undefined;
  if (months !== undefined && (typeof months !== "number" || !Number.isInteger(months) || months < 0 || months > 12))
    return undefined;
  let dec: Decimal | undefined;
  if (shares !== undefined) {
    if (typeof shares !== "string" || !PLAIN_POSITIVE.test(shares)) return undefined;
    dec = new Decimal(shares);
    if (dec.lte(0)) return undefined;
  }
  if (conditionMet !== undefined && typeof conditionMet !== "boolean") return undefined;
  if (condition !== undefined && !quickText(condition)) return undefined;
  const h: HouseholdFields = { id, use };
  if (months !== undefined) h.months = months;
  if (dec !== undefined) h.shares = dec;
  if (conditionMet !== undefined) h.conditionMet = conditionMet;
  if (condition !== undefined) h.condition = condition;
  return h;
}

/**
 * Parses the input: the schema for everything but the households, and a fast
 * path for households in the common shape (plain strings, integer months,
 * decimal-string shares) that accepts exactly what the schema accepts; any
 * doubt and the whole input goes through the schema (which then reports the
 * problem with its path).
 */
function parseRevenueInput(input: unknown): Parsed {
  const hs = typeof input === "object" && input !== null ? (input as { households?: unknown }).households : undefined;
  if (!Array.isArray(hs) || hs.length < 64) return parseInput(distributeRevenueInputSchema, input, "distributeRevenue");
  const head = distributeRevenueInputSchema.safeParse({ ...(input as object), households: [] });
  if (!head.success) return parseInput(distributeRevenueInputSchema, input, "distributeRevenue");
  const out: HouseholdFields[] = new Array<HouseholdFields>(hs.length);
  for (let i = 0; i < hs.length; i++) {
    const h = quickHousehold(hs[i]);
    if (!h) return parseInput(distributeRevenueInputSchema, input, "distributeRevenue");
    out[i] = h;
  }
  const uses = new Map(head.data.uses.map((u) => [u.id, { basis: u.basis }] as const));
  let ok = true;
  checkHouseholds(uses, out, () => {
    ok = false;
  });
  if (!ok || hs.length > 5_000_000) return parseInput(distributeRevenueInputSchema, input, "distributeRevenue");
  return { ...head.data, households: out as Parsed["households"] };
}
type Household = Parsed["households"] extends (infer H)[] | undefined ? H : never;

function tierFactor(tiers: readonly StableWorkTier[], months: number): string {
  let f = tiers[0]?.factor ?? "0";
  for (const t of tiers) if (t.minMonths <= months) f = t.factor;
  return f;
}

/** Integer weights for a split: safe numbers when possible (bulk allocation), decimal strings otherwise. */
interface Weights {
  readonly numbers?: number[];
  readonly strings: () => string[];
  readonly allZero: boolean;
}

function numberWeights(numbers: number[]): Weights {
  let sum = 0;
  let allZero = true;
  for (const x of numbers) {
    sum += x;
    if (x !== 0) allZero = false;
  }
  return Number.isSafeInteger(sum)
    ? { numbers, strings: () => numbers.map(String), allZero }
    : { strings: () => numbers.map(String), allZero };
}

/** Weights of exact decimals, scaled to integers by their largest number of decimals. */
function decimalWeights(values: readonly Decimal[]): Weights {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, v.decimalPlaces());
  const big = values.map((v) => BigInt(v.toFixed(scale).replace(".", "")));
  let sum = 0n;
  for (const b of big) sum += b;
  const allZero = sum === 0n;
  if (sum <= BigInt(Number.MAX_SAFE_INTEGER))
    return { numbers: big.map(Number), strings: () => big.map(String), allZero };
  return { strings: () => big.map(String), allZero };
}

/** Splits `total` over integer weights with core allocation (the bulk integer form when it fits). */
function split(total: Money, w: Weights, n: number): Float64Array | bigint[] {
  if (n === 0) return [];
  if (w.allZero) return new Float64Array(n);
  if (w.numbers && total.fen <= BigInt(Number.MAX_SAFE_INTEGER))
    return allocateMinorUnits(Number(total.fen), w.numbers);
  return allocate(total, w.strings()).map((m) => m.fen);
}

const NO_MONEY = moneyFromFen(0);
const MONTHS = Array.from({ length: 13 }, (_, m) => String(m));

const BASIS_LABEL: Record<HouseholdBasis, { zh: string; en: string }> = /*#__PURE__*/ deepFreeze({
  "public-welfare-post": { zh: "公益岗位按劳取酬", en: "public-welfare post, paid for work" },
  employment: { zh: "就业带动按务工月数", en: "employment, by months employed" },
  "stable-work-tiers": { zh: "稳定脱贫户阶梯式奖补", en: "tiered incentive for stably lifted households" },
  conditional: { zh: "有条件收益、有条件支付", en: "conditional entitlement and payment" },
  dividend: { zh: "按股分红", en: "dividend by shares" },
  equal: { zh: "平均发放（无条件）", en: "equal handout (no condition)" },
});

/** Integer weights for exact shares, or the package's own error at the caller's field when their common denominator is too large. */
function exactWeights(shares: readonly Fraction[], path: readonly (string | number)[]): string[] {
  return integerWeights(shares) ?? fail("SHARES_TOO_FINE", { owners: shares.length }, path);
}

/**
 * Distributes the income of a poverty-alleviation asset (扶贫资产收益分配):
 * net distributable income = income − maintenance paid from income − other
 * deductions (ASSET-REV-1); a reserve of at least the minimum ratio is kept and
 * carried over (不分光分净, ASSET-REV-2); the rest goes to the plan's uses by
 * their shares, priority uses (建档立卡贫困户, 村集体经济) first (ASSET-REV-3);
 * household-paying uses pay by condition — public-welfare posts and
 * employment by months worked, stably lifted households by tiers of months
 * worked, households without labour capacity only when their condition is
 * met, dividends by shares (ASSET-REV-4); the plan counts only after
 * 产权人提方案 → 上级主管单位审核 → 区扶贫办审批备案 with the democratic decision
 * and public notice (ASSET-REV-5). Every split is one core allocation (largest
 * remainder, ties to the earlier line), so the money is conserved to the 分
 * and each line says by which rule (ASSET-REV-6). A plan that breaks a rule is
 * computed and flagged, not refused: 一发了之 (a use paying everyone equally with
 * no condition), 一股了之 (dividends the only way households are paid),
 * 一分了之 (every use paid out to households, nothing kept for the collective
 * economy or public welfare), a reserve below the minimum, priority uses
 * below their minimum share, a missing or incomplete approval.
 *
 * @param input - asOf, income, maintenanceFromIncome?, deductions?, reserveRatio?, uses, households?, approval?
 * @param options - `{ parameters? }`: minimum reserve, minimum priority share, stable-work tiers (and quorum rules)
 * @returns per-use and per-household amounts, reserve carried over, flags, approval check, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (shares not adding up to 1,
 *   unknown use, a household missing the field its basis needs, unknown keys,
 *   negative amounts); {@link PolicyError} `DEDUCTIONS_EXCEED_INCOME`
 * @example
 * ```ts
 * import { distributeRevenue } from "@sannong/assets";
 * const r = distributeRevenue({
 *   asOf: "2021-12-31", income: "100000.00", maintenanceFromIncome: "10000.00", reserveRatio: "0.1",
 *   uses: [
 *     { id: "posts", kind: "poor-households", share: "0.6", basis: "public-welfare-post" },
 *     { id: "collective", kind: "collective-economy", share: "0.4" },
 *   ],
 *   households: [{ id: "h1", use: "posts", months: 12 }, { id: "h2", use: "posts", months: 6 }],
 * });
 * String(r.reserve); // → "9000.00"
 * r.households.map((h) => String(h.amount)); // → ["32400.00", "16200.00"]
 * String(r.uses[1]?.amount); // → "32400.00"
 * ```
 * @remarks Implements ASSET-REV-1, ASSET-REV-2, ASSET-REV-3, ASSET-REV-4, ASSET-REV-5, ASSET-REV-6 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(九)3, §三(十); 衢政办发〔2016〕65号 §二(五)1).
 */
export function distributeRevenue(input: DistributeRevenueInput, options?: AssetsOptions): DistributeRevenueResult {
  const d = parseRevenueInput(input);
  const set = paramsOf(options, "distributeRevenue");
  const minReserve = paramAt<string>(set, PARAM.minReserveRatio, d.asOf);
  const minPriority = paramAt<string>(set, PARAM.minPriorityShare, d.asOf);
  const flags: AssetFinding[] = [];

  // ASSET-REV-1
  const maintenance = (d.maintenanceFromIncome ?? moneyFromFen(0)) as Money;
  let other = 0n;
  for (const x of d.deductions ?? []) other += (x.amount as Money).fen;
  const income = d.income as Money;
  const distributableFen = income.fen - maintenance.fen - other;
  if (distributableFen < 0n) {
    fail(
      "DEDUCTIONS_EXCEED_INCOME",
      {
        income: String(income),
        deductions: String(moneyFromFen(maintenance.fen + other)),
        by: String(moneyFromFen(-distributableFen)),
      },
      ["income"],
    );
  }
  const distributable = moneyFromFen(distributableFen);
  const rev1 = traceStep(RULES["ASSET-REV-1"], {
    inputs: { income, maintenanceFromIncome: maintenance, otherDeductions: moneyFromFen(other) },
    output: distributable,
  });

  // ASSET-REV-2
  const minRatio = fractionFromDecimal(minReserve.value);
  const ratio: Fraction = (d.reserveRatio as Fraction | undefined) ?? minRatio;
  if (ratio.num * minRatio.den < minRatio.num * ratio.den) {
    flags.push(
      finding(
        "RESERVE_BELOW_MINIMUM",
        "ASSET-REV-2",
        `预留比例 ${formatFraction(ratio)} 低于最低比例 ${minReserve.value}，收益分配未留有余地`,
        `the reserve ratio ${formatFraction(ratio)} is below the minimum ${minReserve.value}: the plan distributes too much`,
        ["reserveRatio"],
      ),
    );
  }
  const [reserveMoney, toDistribute] = allocate(
    distributable,
    exactWeights([ratio, fraction(ratio.den - ratio.num, ratio.den)], ["reserveRatio"]),
  );
  const rev2 = traceStep(RULES["ASSET-REV-2"], {
    inputs: { distributable, reserveRatio: formatFraction(ratio) },
    parameters: [minReserve],
    output: { reserve: reserveMoney!, toDistribute: toDistribute! },
  });

  // ASSET-REV-3
  const shares = d.uses.map((u) => u.share as Fraction);
  const useAmounts = allocate(toDistribute!, exactWeights(shares, ["uses"]));
  const priority = sumFractions(
    d.uses
      .filter((u) => u.kind === "poor-households" || u.kind === "collective-economy")
      .map((u) => u.share as Fraction),
  );
  const minP = fractionFromDecimal(minPriority.value);
  if (priority.num * minP.den < minP.num * priority.den) {
    flags.push(
      finding(
        "PRIORITY_SHARE_TOO_LOW",
        "ASSET-REV-3",
        `建档立卡贫困户和村集体经济合计比例 ${formatFraction(priority)} 低于 ${minPriority.value}，未体现优先`,
        `registered poor households and the collective economy together get ${formatFraction(priority)}, below ${minPriority.value}: they do not come first`,
        ["uses"],
      ),
    );
  }
  const rev3 = traceStep(RULES["ASSET-REV-3"], {
    inputs: {
      toDistribute: toDistribute!,
      shares: d.uses.map((u) => `${u.id}: ${formatFraction(u.share as Fraction)}`),
    },
    parameters: [minPriority],
    output: d.uses.map((u, i) => `${u.id}: ${String(useAmounts[i])}`),
  });

  // ASSET-REV-4: households by use
  const hs = (d.households ?? []) as Household[];
  const byUse = new Map<string, number[]>();
  for (let i = 0; i < hs.length; i++) {
    const list = byUse.get(hs[i]!.use);
    if (list) list.push(i);
    else byUse.set(hs[i]!.use, [i]);
  }
  let tiersUse: ReturnType<typeof paramAt<readonly StableWorkTier[]>> | undefined;
  const payments: HouseholdPayment[] = new Array<HouseholdPayment>(hs.length);
  const lines: RevenueUseLine[] = [];
  let withheldTotal = 0n;
  const rev4Children: TraceNode[] = [];
  d.uses.forEach((u, ui) => {
    const amount = useAmounts[ui]!;
    const idx = byUse.get(u.id) ?? [];
    let paid = 0n;
    let withheld = 0n;
    if (u.basis !== undefined) {
      const basis = u.basis;
      // the weight of each household and how it is shown
      let w: Weights;
      let shown: (k: number) => string;
      if (basis === "public-welfare-post" || basis === "employment") {
        const nums = idx.map((i) => hs[i]!.months!);
        w = numberWeights(nums);
        shown = (k) => MONTHS[nums[k]!]!;
      } else if (basis === "stable-work-tiers") {
        tiersUse ??= paramAt<readonly StableWorkTier[]>(set, PARAM.stableWorkTiers, d.asOf);
        const tiers = tiersUse.value;
        const byMonths = Array.from({ length: 13 }, (_, m) => tierFactor(tiers, m));
        const decimals = byMonths.map((f) => new Decimal(f));
        const scaled = decimalWeights(decimals);
        const factors = idx.map((i) => hs[i]!.months!);
        if (scaled.numbers) w = numberWeights(factors.map((m) => scaled.numbers![m]!));
        else {
          // a zero factor may be written "0", "0.0", …: test the value, not the text; scale the 13 factors once
          const byMonth = scaled.strings();
          w = { strings: () => factors.map((m) => byMonth[m]!), allZero: factors.every((m) => decimals[m]!.isZero()) };
        }
        shown = (k) => byMonths[factors[k]!]!;
      } else if (basis === "dividend") {
        const ds = idx.map((i) => hs[i]!.shares as Decimal);
        w = decimalWeights(ds);
        shown = (k) => ds[k]!.toFixed();
      } else {
        w = numberWeights(new Array<number>(idx.length).fill(1));
        shown = () => "1";
      }
      const allZero = idx.length === 0 || w.allZero;
      const parts = split(amount, w, idx.length);
      if (allZero) withheld = amount.fen;
      const rule = RULES["ASSET-REV-4"].id;
      // parts are exact integers of 分 (numbers from the bulk allocation, or bigints)
      let paidN = 0;
      let heldN = 0;
      // Money is immutable: equal amounts share one object (most households of a use get one of a few amounts)
      const cache = new Map<number | bigint, Money>();
      for (let k = 0; k < idx.length; k++) {
        const h = hs[idx[k]!]!;
        const part = parts[k]!;
        const zero = part === 0 || part === 0n;
        const held = basis === "conditional" && h.conditionMet === false;
        if (typeof part === "number") {
          if (held) heldN += part;
          else paidN += part;
        } else if (held) withheld += part;
        else paid += part;
        let m = zero ? NO_MONEY : cache.get(part);
        if (m === undefined) {
          m = moneyFromFen(part);
          if (cache.size < 4096) cache.set(part, m);
        }
        payments[idx[k]!] = Object.freeze({
          id: h.id,
          use: u.id,
          basis,
          weight: basis === "conditional" ? (h.conditionMet ? "1" : "0") : shown(k),
          amount: held ? NO_MONEY : m,
          withheld: held ? m : NO_MONEY,
          rule,
        });
      }
      paid += BigInt(paidN);
      withheld += BigInt(heldN);
      rev4Children.push(
        traceStep(RULES["ASSET-REV-4"], {
          inputs: { use: u.id, basis, households: idx.length, amount },
          ...(basis === "stable-work-tiers" && tiersUse ? { parameters: [tiersUse] } : {}),
          output: { paid: moneyFromFen(paid), withheld: moneyFromFen(withheld) },
          note: BASIS_LABEL[basis],
        }),
      );
    }
    withheldTotal += withheld;
    lines.push(
      Object.freeze({
        id: u.id,
        kind: u.kind,
        ...(u.label !== undefined ? { label: u.label } : {}),
        share: formatFraction(u.share as Fraction),
        ...(u.basis !== undefined ? { basis: u.basis } : {}),
        amount,
        paidToHouseholds: moneyFromFen(paid),
        withheld: moneyFromFen(withheld),
        rule: u.basis !== undefined ? "ASSET-REV-4" : "ASSET-REV-3",
      }),
    );
  });

  // ASSET-REV-4 flags
  const paying = d.uses.filter((u) => u.basis !== undefined);
  d.uses.forEach((u, i) => {
    if (u.basis === "equal") {
      flags.push(
        finding(
          "YI_FA_LE_ZHI",
          "ASSET-REV-4",
          `用途 “${u.id}” 向农户平均发放、不附任何条件（一发了之）`,
          `use "${u.id}" hands the money to every household equally with no condition (一发了之)`,
          ["uses", i, "basis"],
        ),
      );
    }
  });
  if (paying.length > 0 && paying.every((u) => u.basis === "dividend")) {
    flags.push(
      finding(
        "YI_GU_LE_ZHI",
        "ASSET-REV-4",
        "到户收益只有按股分红一种方式（一股了之）",
        "dividends on shares are the only way households are paid (一股了之)",
        ["uses"],
      ),
    );
  }
  if (d.uses.every((u) => u.basis !== undefined)) {
    flags.push(
      finding(
        "YI_FEN_LE_ZHI",
        "ASSET-REV-4",
        "全部收益分到农户，未留用于村集体经济或公益事业（一分了之）",
        "all the money is paid out to households, none kept for the collective economy or public welfare (一分了之)",
        ["uses"],
      ),
    );
  }

  // ASSET-REV-5
  let approval: CheckProcedureResult | null = null;
  if (d.approval === undefined) {
    flags.push(
      finding(
        "APPROVAL_NOT_RECORDED",
        "ASSET-REV-5",
        "未提供分配方案审批记录（产权人提方案、上级主管单位审核、区扶贫办审批备案、民主决策和公告公示）",
        "no approval record for the plan (owner's proposal, supervisor's review, district approval and filing, democratic decision, public notice)",
        ["approval"],
      ),
    );
  } else {
    approval = checkChain(REVENUE_PLAN_APPROVAL, d.approval, set);
    if (!approval.complete) {
      const gaps = describeGaps(REVENUE_PLAN_APPROVAL, approval);
      flags.push(
        finding(
          "APPROVAL_INCOMPLETE",
          "ASSET-REV-5",
          `分配方案审批程序未完成：${gaps.zh}`,
          `the plan's approval is incomplete: ${gaps.en}`,
          ["approval"],
        ),
      );
    }
  }

  const withheldMoney = moneyFromFen(withheldTotal);
  const carriedOver = moneyFromFen(reserveMoney!.fen + withheldTotal);
  const distributed = moneyFromFen(toDistribute!.fen - withheldTotal);
  const rev6 = traceStep(RULES["ASSET-REV-6"], {
    inputs: { distributable },
    output: { distributed, reserve: reserveMoney!, withheld: withheldMoney, carriedOver, households: hs.length },
    note: {
      zh: "分配金额 + 结转金额 = 可分配收益（精确到分）",
      en: "distributed + carried over = distributable, to the fen",
    },
  });
  return Object.freeze({
    asOf: d.asOf,
    income,
    maintenanceFromIncome: maintenance,
    otherDeductions: moneyFromFen(other),
    distributable,
    reserveRatio: formatFraction(ratio),
    reserve: reserveMoney!,
    withheld: withheldMoney,
    carriedOver,
    distributed,
    uses: Object.freeze(lines),
    households: Object.freeze(payments),
    flags: Object.freeze(flags),
    approval,
    valid: flags.length === 0,
    trace: traceStep(RULES["ASSET-REV-6"], {
      inputs: { asOf: d.asOf, income, uses: d.uses.length, households: hs.length },
      output: { distributable, distributed, carriedOver, flags: flags.map((f) => f.code) },
      children: [
        rev1,
        rev2,
        rev3,
        ...(rev4Children.length
          ? [traceStep(RULES["ASSET-REV-4"], { output: { withheld: withheldMoney }, children: rev4Children })]
          : []),
        ...(approval ? [approval.trace] : []),
        rev6,
      ],
    }),
  });
}
