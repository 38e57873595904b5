import * as z from "zod";
import {
  addIssue,
  daysBetween,
  fraction,
  fractionFromDecimal,
  fractionToDecimalString,
  idSchema,
  legalDateSchema,
  minMoney,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  ratioSchema,
  refineUniqueIds,
  traceStep,
  addFractions,
  multiplyFractions,
  money,
  formatFraction,
  type Fraction,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { param, parametersOf, type MigrantsOptions } from "../internal/options";
import { RULES } from "../rules";

/** One entrepreneurship loan: principal, annual rate, and the days of interest — `days`, or the period from `from` (counted) to `to` (not counted, 算头不算尾). */
export const subsidisedLoanSchema = z
  .strictObject({
    id: idSchema,
    householdId: idSchema,
    principal: nonNegativeMoneySchema,
    annualRate: ratioSchema,
    days: z.number().int().min(0).max(36600).optional(),
    from: legalDateSchema.optional(),
    to: legalDateSchema.optional(),
  })
  .superRefine((l, ctx) => {
    const hasPeriod = l.from !== undefined || l.to !== undefined;
    if (l.days !== undefined && hasPeriod)
      addIssue(
        ctx,
        "计息天数 days 与起止日期 from/to 只能给一种",
        "give either days or from/to, not both",
        ["days"],
        "ambiguous",
      );
    else if (l.days === undefined && !hasPeriod)
      addIssue(ctx, "须给出计息天数 days 或起止日期 from/to", "days or from/to is required", ["days"], "required");
    else if (hasPeriod && (l.from === undefined || l.to === undefined))
      addIssue(
        ctx,
        "起止日期 from 和 to 须同时给出",
        "from and to go together",
        [l.from === undefined ? "from" : "to"],
        "required",
      );
    else if (l.from !== undefined && l.to !== undefined && l.to < l.from)
      addIssue(
        ctx,
        `止息日 ${l.to} 早于起息日 ${l.from}`,
        `to (${l.to}) is before from (${l.from})`,
        ["to"],
        "period_reversed",
      );
  });

/**
 * Input of {@link loanInterestSubsidy}: the date whose parameters apply, the
 * loans, and optionally the day-count basis, the subsidy ratio and the cap per
 * household (each overriding its parameter for this call; `capPerHousehold:
 * null` means no cap).
 */
export const loanInterestSubsidyInputSchema = z.strictObject({
  date: legalDateSchema,
  loans: z
    .array(subsidisedLoanSchema)
    .min(1)
    .max(100_000)
    .superRefine((ls, ctx) => refineUniqueIds(ctx, ls)),
  dayCountBasis: z.union([z.literal(360), z.literal(365)]).optional(),
  subsidyRatio: ratioSchema.optional(),
  capPerHousehold: nonNegativeMoneySchema.nullable().optional(),
});

/** Input of {@link loanInterestSubsidy}. */
export type LoanInterestSubsidyInput = z.input<typeof loanInterestSubsidyInputSchema>;

/** One loan's exact figures (fractions in 元, `"num/den"`, and a 6-decimal display). */
export interface LoanSubsidyLine {
  readonly id: string;
  readonly householdId: string;
  readonly days: number;
  /** principal × rate × days / basis, exact, in 元. */
  readonly interest: string;
  /** interest × ratio, exact, in 元. */
  readonly subsidy: string;
  /** The exact subsidy rounded half-up to 6 decimals, for reading only. */
  readonly subsidyDisplay: string;
}

/** One household's subsidy. */
export interface HouseholdLoanSubsidy {
  readonly householdId: string;
  /** Σ exact subsidies of its loans, in 元, `"num/den"`. */
  readonly exact: string;
  /** The exact sum rounded half-up to the fen, once. */
  readonly rounded: Money;
  /** The cap, or null. */
  readonly cap: Money | null;
  /** min(rounded, cap). */
  readonly subsidy: Money;
  readonly capped: boolean;
}

/** Result of {@link loanInterestSubsidy}. */
export interface LoanInterestSubsidyResult {
  readonly loans: readonly LoanSubsidyLine[];
  /** In order of first appearance. */
  readonly households: readonly HouseholdLoanSubsidy[];
  /** Σ household subsidies. */
  readonly total: Money;
  readonly dayCountBasis: 360 | 365;
  readonly subsidyRatio: string;
  readonly trace: TraceNode;
}

/** A fraction of 元 → "num/den" in 元. */
const show = (f: Fraction): string => formatFraction(f);

/** Half-up rounding of a non-negative fraction of 元 to 分. */
function roundHalfUpToFen(yuan: Fraction): Money {
  const num = yuan.num * 100n;
  return moneyFromFen((2n * num + yuan.den) / (2n * yuan.den));
}

/**
 * The entrepreneurship loan interest subsidy (创业致富贷款贴息): per loan,
 * interest = principal × annual rate × days / day-count basis, and subsidy =
 * interest × subsidy ratio, kept exact (fractions); per household the exact
 * subsidies are added and rounded half-up to the fen once, then capped when a
 * cap per household is declared. The basis (360 / 365), the ratio and the cap
 * are parameters (`migrants.fund.loanSubsidy.*`); the seed sets no ratio, so
 * it must be overlaid or passed.
 *
 * @param input - `{ date, loans: [{ id, householdId, principal, annualRate, days | from+to }], dayCountBasis?, subsidyRatio?, capPerHousehold? }`
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns per loan exact interest and subsidy, per household rounded and capped subsidy, total, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (days and dates both or
 *   neither, a reversed period, a rate above 1 …); {@link PolicyError}
 *   `STANDARD_NOT_SET` (no ratio), `PARAM_NOT_IN_FORCE`
 * @example
 * ```ts
 * import { loanInterestSubsidy } from "@sannong/migrants";
 * const r = loanInterestSubsidy({
 *   date: "2024-06-30", subsidyRatio: "0.5",
 *   loans: [{ id: "L1", householdId: "H1", principal: "100000.00", annualRate: "0.0435", days: 181 }],
 * });
 * // 100000 × 0.0435 × 181 / 360 = 2187.0833… 元, exact
 * r.loans[0]?.interest; // → "26245/12"
 * r.loans[0]?.subsidyDisplay; // → "1093.541667"
 * String(r.households[0]?.subsidy); // → "1093.54"
 * ```
 * @remarks Implements MIG-FUND-2 (004 §二(三)2).
 */
export function loanInterestSubsidy(
  input: LoanInterestSubsidyInput,
  options?: MigrantsOptions,
): LoanInterestSubsidyResult {
  const d = parseInput(loanInterestSubsidyInputSchema, input, "loanInterestSubsidy");
  const set = parametersOf(options, "loanInterestSubsidy");
  const uses = [];
  let basis = d.dayCountBasis;
  if (basis === undefined) {
    const u = param<360 | 365>(set, "migrants.fund.loanSubsidy.dayCountBasis", d.date);
    uses.push(u);
    basis = u.value;
  }
  let ratio = d.subsidyRatio;
  if (ratio === undefined) {
    const u = param<string | null>(set, "migrants.fund.loanSubsidy.ratio", d.date);
    uses.push(u);
    if (u.value === null)
      fail("STANDARD_NOT_SET", { id: u.id, label: "创业致富贷款贴息比例 / loan subsidy ratio" }, ["subsidyRatio"]);
    const r = ratioSchema.safeParse(u.value);
    if (!r.success) fail("INVALID_PARAMETER", { id: u.id, reason: `not a ratio: ${String(u.value)}` });
    ratio = r.data;
  }
  let cap: Money | null;
  if (d.capPerHousehold !== undefined) cap = d.capPerHousehold;
  else {
    const u = param<string | null>(set, "migrants.fund.loanSubsidy.capPerHousehold", d.date);
    uses.push(u);
    cap = u.value === null ? null : money(u.value);
  }
  const ratioF = fractionFromDecimal(ratio);
  const lines: LoanSubsidyLine[] = [];
  const byHousehold = new Map<string, Fraction>();
  for (const l of d.loans) {
    const days = l.days ?? daysBetween(l.from!, l.to!);
    const principalYuan = fraction(l.principal.fen, 100n);
    const interest = multiplyFractions(
      multiplyFractions(principalYuan, fractionFromDecimal(l.annualRate)),
      fraction(BigInt(days), BigInt(basis)),
    );
    const subsidy = multiplyFractions(interest, ratioF);
    lines.push({
      id: l.id,
      householdId: l.householdId,
      days,
      interest: show(interest),
      subsidy: show(subsidy),
      subsidyDisplay: fractionToDecimalString(subsidy, 6),
    });
    byHousehold.set(l.householdId, addFractions(byHousehold.get(l.householdId) ?? fraction(0n), subsidy));
  }
  const households: HouseholdLoanSubsidy[] = [...byHousehold].map(([householdId, exact]) => {
    const rounded = roundHalfUpToFen(exact);
    const subsidy = cap === null ? rounded : minMoney(rounded, cap);
    return { householdId, exact: show(exact), rounded, cap, subsidy, capped: subsidy.fen < rounded.fen };
  });
  const total = moneyFromFen(households.reduce((a, h) => a + h.subsidy.fen, 0n));
  const linesOf = new Map<string, LoanSubsidyLine[]>();
  for (const l of lines) {
    const list = linesOf.get(l.householdId);
    if (list) list.push(l);
    else linesOf.set(l.householdId, [l]);
  }
  const trace = traceStep(RULES["MIG-FUND-2"], {
    inputs: {
      date: d.date,
      loans: d.loans.length,
      dayCountBasis: basis,
      subsidyRatio: ratio.toFixed(),
      capPerHousehold: cap,
    },
    parameters: uses,
    output: { total },
    note: {
      zh: "贴息 = 本金 × 年利率 × 天数 ÷ 计息基数 × 贴息比例；按户精确求和后四舍五入到分（只舍入一次），再按每户上限封顶",
      en: "subsidy = principal × annual rate × days ÷ basis × ratio; exact per household, rounded half-up to the fen once, then capped per household",
    },
    children: households.map((h) =>
      traceStep(RULES["MIG-FUND-2"], {
        inputs: {
          householdId: h.householdId,
          loans: (linesOf.get(h.householdId) ?? []).map((l) => ({ id: l.id, days: l.days, subsidy: l.subsidyDisplay })),
        },
        output: { exact: h.exact, rounded: h.rounded, subsidy: h.subsidy, capped: h.capped },
      }),
    ),
  });
  return { loans: lines, households, total, dayCountBasis: basis, subsidyRatio: ratio.toFixed(), trace };
}
