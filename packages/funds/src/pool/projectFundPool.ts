import * as z from "zod";
import {
  addIssue,
  allocate,
  checkProcedure,
  compareDates,
  fraction,
  fractionFromDecimal,
  fractionSchema,
  fromMonthIndex,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  procedureEventSchema,
  traceStep,
  VOLUNTARY_ENTRUSTMENT,
  yearMonthSchema,
  type Fraction,
  type LegalDate,
  type Money,
  type MoneyInput,
  type ParameterUse,
  type ProcedureEvent,
  type TraceNode,
  type YearMonth,
  deepFreeze,
} from "@sannong/core";
import { fail } from "../errors";
import { paramsOf, readParam, ONLY_WHEN_VALID } from "../internal/common";
import { pow10 } from "../internal/exact";
import { showFraction } from "../internal/format";
import type { FundsOptions } from "../parameters";
import { RULES } from "../rules";

/** The sources of the guarantee fund pool (资金池筹集渠道). */
export type PoolSource = "expropriation" | "risk-compensation" | "collective" | "entrusted-fees" | "idle-collective";

/** The pool's own guarantee money: raised at expropriation, the district's periodic risk compensation, collectives' own raising. */
export const GUARANTEE_SOURCES: readonly PoolSource[] = Object.freeze([
  "expropriation",
  "risk-compensation",
  "collective",
] as const);
/** Money villages entrust for investment (unpaid fees before 2021-12-04, idle collective money): owned by depositors through units. */
export const ENTRUSTED_SOURCES: readonly PoolSource[] = Object.freeze(["entrusted-fees", "idle-collective"] as const);
const SOURCES = /*#__PURE__*/ deepFreeze([
  "expropriation",
  "risk-compensation",
  "collective",
  "entrusted-fees",
  "idle-collective",
] as const);

const monthOfDate = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/** Most months one projection covers (100 years). */
export const MAX_POOL_MONTHS = 1200;

const rateSchema = fractionSchema.superRefine((f, ctx) => {
  if (f.num * 2n < -f.den || f.num > f.den)
    addIssue(ctx, "年化收益率必须在 −0.5 到 1 之间", "the annual rate must be between −0.5 and 1", [], "out_of_range");
});
const shareSchema = fractionSchema.superRefine((f, ctx) => {
  if (f.num < 0n || f.num > f.den)
    addIssue(ctx, "比例必须在 0 到 1 之间", "the share must be between 0 and 1", [], "out_of_range");
});

/** The zod schema of {@link projectFundPool}'s input. */
export const projectFundPoolInputSchema = z
  .strictObject({
    start: yearMonthSchema,
    months: z.number().int().min(1).max(MAX_POOL_MONTHS),
    inflows: z
      .array(
        z.strictObject({
          date: legalDateSchema,
          amount: nonNegativeMoneySchema,
          source: z.enum(SOURCES),
          depositor: idSchema.optional(),
          label: z.string().max(200).optional(),
        }),
      )
      .max(200_000),
    outflows: z
      .array(
        z.strictObject({
          date: legalDateSchema,
          amount: nonNegativeMoneySchema,
          label: z.string().max(200).optional(),
        }),
      )
      .max(200_000),
    withdrawals: z
      .array(
        z.union([
          z.strictObject({ date: legalDateSchema, depositor: idSchema, amount: nonNegativeMoneySchema }),
          z.strictObject({ date: legalDateSchema, depositor: idSchema, all: z.literal(true) }),
        ]),
      )
      .max(100_000)
      .optional(),
    returnRates: z
      .array(z.strictObject({ from: yearMonthSchema, annualRate: rateSchema }))
      .min(1)
      .max(MAX_POOL_MONTHS)
      .optional(),
    riskCompensation: z
      .strictObject({
        repayment: z
          .strictObject({
            from: yearMonthSchema.optional(),
            month: z.number().int().min(1).max(12).optional(),
            reserveMonths: z.number().int().min(0).max(120).optional(),
            share: shareSchema.optional(),
          })
          .optional(),
      })
      .optional(),
    entrustments: z
      .array(z.strictObject({ depositor: idSchema, events: z.array(procedureEventSchema).max(100) }))
      .max(100_000)
      .optional(),
  })
  .superRefine((d, ctx) => {
    const first = d.start;
    if (monthOfDate(`${first}-01`) + d.months - 1 > 2199 * 12 + 11)
      addIssue(ctx, "预测期超出 2199 年", "the projection runs past 2199", ["months"], "out_of_range");
    const startDate = `${first}-01`;
    d.inflows.forEach((f, i) => {
      if (compareDates(f.date, startDate) < 0)
        addIssue(
          ctx,
          `流入日期 ${f.date} 早于预测起始月 ${first}`,
          `inflow dated ${f.date} is before the first month ${first}`,
          ["inflows", i, "date"],
          "before_start",
        );
      const entrusted = (ENTRUSTED_SOURCES as readonly string[]).includes(f.source);
      if (entrusted && f.depositor === undefined)
        addIssue(
          ctx,
          "委托资金须注明委托方（depositor）",
          "entrusted money needs its depositor",
          ["inflows", i, "depositor"],
          "depositor_required",
        );
    });
    d.outflows.forEach((f, i) => {
      if (compareDates(f.date, startDate) < 0)
        addIssue(
          ctx,
          `支出日期 ${f.date} 早于预测起始月 ${first}`,
          `outflow dated ${f.date} is before the first month ${first}`,
          ["outflows", i, "date"],
          "before_start",
        );
    });
    d.withdrawals?.forEach((w, i) => {
      if (compareDates(w.date, startDate) < 0)
        addIssue(
          ctx,
          `支取日期 ${w.date} 早于预测起始月 ${first}`,
          `withdrawal dated ${w.date} is before the first month ${first}`,
          ["withdrawals", i, "date"],
          "before_start",
        );
    });
    if (d.returnRates) {
      if (d.returnRates[0]!.from > first)
        addIssue(
          ctx,
          `收益率路径须从 ${first} 或更早开始`,
          `the rate path must start in ${first} or earlier`,
          ["returnRates", 0, "from"],
          "path_starts_late",
        );
      d.returnRates.forEach((r, i) => {
        const prev = d.returnRates![i - 1];
        if (prev && r.from <= prev.from)
          addIssue(
            ctx,
            "收益率路径须按月份递增",
            "the rate path must be in increasing month order",
            ["returnRates", i, "from"],
            "not_increasing",
          );
      });
    }
    const seen = new Set<string>();
    d.entrustments?.forEach((e, i) => {
      if (seen.has(e.depositor))
        addIssue(
          ctx,
          `重复的委托记录 “${e.depositor}”`,
          `duplicate entrustment record "${e.depositor}"`,
          ["entrustments", i, "depositor"],
          "duplicate_id",
        );
      seen.add(e.depositor);
    });
  }, ONLY_WHEN_VALID);

/** The input of {@link projectFundPool}. */
export interface ProjectFundPoolInput {
  /** First month of the projection, `YYYY-MM`. */
  readonly start: YearMonth;
  /** Number of months (360 for 30 years). */
  readonly months: number;
  /**
   * Money paid into the pool. Guarantee sources (`expropriation`,
   * `risk-compensation`, `collective`) become the pool's own money (a
   * `depositor` is only recorded as contributor); entrusted sources
   * (`entrusted-fees`, `idle-collective`) buy units for their `depositor`.
   */
  readonly inflows: readonly {
    readonly date: LegalDate;
    readonly amount: MoneyInput;
    readonly source: PoolSource;
    readonly depositor?: string;
    readonly label?: string;
  }[];
  /**
   * Money paid out of the guarantee money: remittances and transition
   * payments. A remittance schedule from @sannong/insurance
   * (`{ dueDate, from, to, personMonths, amount }`) maps as
   * `remittances.map((r) => ({ date: r.dueDate, amount: r.amount, label: `${r.from}–${r.to}` }))`.
   * Outflows after the horizon are not paid but count in the repayment reserve.
   */
  readonly outflows: readonly { readonly date: LegalDate; readonly amount: MoneyInput; readonly label?: string }[];
  /** Depositors taking entrusted money back: an amount, or everything (`all: true`). */
  readonly withdrawals?: readonly (
    | { readonly date: LegalDate; readonly depositor: string; readonly amount: MoneyInput }
    | { readonly date: LegalDate; readonly depositor: string; readonly all: true }
  )[];
  /** Annual return path `[{ from, annualRate }]` (from the first month); [param] `funds.pool.annualReturnRate` when absent. */
  readonly returnRates?: readonly { readonly from: YearMonth; readonly annualRate: number | string }[];
  /**
   * Risk compensation (风险补偿, 托底): top-ups are always made when the
   * guarantee money cannot cover an outflow; `repayment` declares the return
   * path (补偿资金返还路径) — each year in `month`, from `from`, the surplus
   * above the next `reserveMonths` months of outflows repays outstanding
   * compensation, at most `share` of it. Without `repayment` nothing is repaid.
   */
  readonly riskCompensation?: {
    readonly repayment?: {
      readonly from?: YearMonth;
      readonly month?: number;
      readonly reserveMonths?: number;
      readonly share?: number | string;
    };
  };
  /** Records of the voluntary entrustment procedure (履行民主程序后委托) by depositor, checked with core `VOLUNTARY_ENTRUSTMENT`. */
  readonly entrustments?: readonly { readonly depositor: string; readonly events: readonly ProcedureEvent[] }[];
}

/** One month of the pool's ledger; it balances to the fen. */
export interface PoolMonth {
  readonly month: YearMonth;
  /** Annual rate in force (exact, as text). */
  readonly annualRate: string;
  readonly opening: Money;
  /** Investment return on the opening balance: guarantee and entrusted money each earn annual rate ÷ 12, rounded half-up to the fen. */
  readonly returns: Money;
  readonly inflows: Money;
  readonly inflowsBySource: Readonly<Record<PoolSource, Money>>;
  readonly withdrawals: Money;
  readonly outflows: Money;
  /** Risk compensation paid in to cover outflows (托底). */
  readonly topUp: Money;
  /** Compensation paid back to the district. */
  readonly repayment: Money;
  /** opening + returns + inflows + topUp − withdrawals − outflows − repayment. */
  readonly closing: Money;
  /** The pool's own guarantee money at the end of the month. */
  readonly guarantee: Money;
  /** Entrusted money (all depositors' units) at the end of the month; guarantee + entrusted = closing. */
  readonly entrusted: Money;
  /** Compensation not yet paid back. */
  readonly compensationOutstanding: Money;
  /** Value of one unit in 元 (display, 6 decimals); "1.000000" before any unit exists. */
  readonly unitValue: string;
}

/** A depositor's unit transaction. */
export interface UnitTransaction {
  readonly date: LegalDate;
  readonly kind: "deposit" | "withdrawal";
  readonly amount: Money;
  /** Units bought (deposit) or redeemed (withdrawal), as a decimal. */
  readonly units: string;
}

/** A depositor's statement at the end of the projection (FUNDS-POOL-3). */
export interface DepositorStatement {
  readonly depositor: string;
  /** Units held at the end, as a decimal. */
  readonly units: string;
  /** Value of the units at the end (the entrusted money split by units with core allocate). */
  readonly value: Money;
  readonly deposited: Money;
  readonly withdrawn: Money;
  /** value + withdrawn − deposited. */
  readonly gain: Money;
  readonly transactions: readonly UnitTransaction[];
}

/** A warning about the entrustment procedure. */
export interface PoolWarning {
  readonly code: "NO_ENTRUSTMENT_RECORD" | "ENTRUSTMENT_INCOMPLETE" | "DEPOSIT_BEFORE_ENTRUSTMENT";
  readonly depositor: string;
  readonly zh: string;
  readonly en: string;
}

/** The result of {@link projectFundPool}. */
export interface ProjectFundPoolResult {
  readonly ledger: readonly PoolMonth[];
  readonly topUps: readonly { readonly month: YearMonth; readonly amount: Money }[];
  readonly repayments: readonly { readonly month: YearMonth; readonly amount: Money }[];
  /** Inflows over the horizon by source. */
  readonly bySource: Readonly<Record<PoolSource, Money>>;
  /** Guarantee money by contributor (depositor named on a guarantee inflow). */
  readonly contributions: readonly {
    readonly depositor: string;
    readonly source: PoolSource;
    readonly amount: Money;
  }[];
  /** Depositors' unit statements, in id order. */
  readonly depositors: readonly DepositorStatement[];
  /** Events dated after the last month: not in the ledger (outflows still count in the repayment reserve). */
  readonly beyondHorizon: { readonly inflows: Money; readonly outflows: Money; readonly withdrawals: number };
  readonly warnings: readonly PoolWarning[];
  readonly trace: TraceNode;
}

interface Event {
  readonly order: number;
  readonly kind: 0 | 1; // 0 inflow, 1 withdrawal
  readonly date: LegalDate;
  readonly index: number;
}

/** Rounds num/den (den > 0) half away from zero (四舍五入). */
function roundHalfUp(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const a = neg ? -num : num;
  const q = (2n * a + den) / (2n * den);
  return neg ? -q : q;
}

/**
 * Month-by-month projection of the over-age guarantee fund pool (超转人员保障资金池
 * 动态平衡): opening balance, investment return (annual rate ÷ 12 on the
 * opening balance of the guarantee money and of the entrusted money, each
 * rounded half-up to the fen), inflows by source, depositors' deposits and withdrawals by
 * units (份额), outflows paid from the guarantee money, the district's risk
 * compensation topping up any month the guarantee money cannot cover, and —
 * when a return path is declared — compensation paid back from later surplus.
 * Every month balances to the fen (guarantee + entrusted = closing =
 * opening + returns + inflows + top-up − withdrawals − outflows − repayment).
 *
 * Entrusted money is the depositors' own: it earns the pool's return but is
 * never used for outflows. Deposits buy units at the current unit value
 * (rounded down to the unit precision), withdrawals redeem units (rounded
 * up), returns raise the unit value, so a depositor's return is independent of
 * when others join or leave, and the rounding residue always stays with the
 * remaining holders.
 *
 * @param input - see {@link ProjectFundPoolInput}
 * @param options - `parameters`: the parameter set (default `fundsParameterSet`); the rate path is read at the 1st of each month
 * @returns the monthly ledger, top-ups, repayments, depositors' statements, warnings and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` (events before the first month, entrusted money without depositor, a rate path that starts late or is out of order);
 *   {@link PolicyError} `WITHDRAWAL_EXCEEDS_BALANCE`, `UNKNOWN_DEPOSITOR`, `PARAM_NOT_IN_FORCE`
 * @example
 * ```ts
 * import { projectFundPool } from "@sannong/funds";
 * const r = projectFundPool({
 *   start: "2022-01", months: 12,
 *   returnRates: [{ from: "2022-01", annualRate: "0.036" }],
 *   inflows: [
 *     { date: "2022-01-05", amount: "1000000.00", source: "expropriation" },
 *     { date: "2022-01-10", amount: "200000.00", source: "idle-collective", depositor: "东村" },
 *   ],
 *   outflows: [{ date: "2022-11-30", amount: "1100000.00", label: "2023—2025 汇缴" }],
 * });
 * // February's returns: 1,200,000.00 × 0.036 ÷ 12
 * String(r.ledger[1]?.returns); // → "3600.00"
 * // November: the guarantee money 1,030,408.26 is short of the 1,100,000.00 remittance
 * String(r.topUps[0]?.amount); // → "69591.74"
 * // 200,000.00 × 1.003^11, compounded monthly
 * String(r.depositors[0]?.value); // → "206699.89"
 * ```
 * @remarks Implements FUNDS-POOL-1 (000 §二), FUNDS-POOL-2 (000 §三2、§四), FUNDS-POOL-3 (000 §二).
 */
export function projectFundPool(input: ProjectFundPoolInput, options?: FundsOptions): ProjectFundPoolResult {
  const data = parseInput(projectFundPoolInputSchema, input, "projectFundPool");
  const set = paramsOf(options, "projectFundPool");
  const uses: ParameterUse[] = [];
  const m0 = monthOfDate(`${data.start}-01`);
  const M = data.months;
  const startDate = `${data.start}-01`;
  const p = readParam<number>(set, "funds.pool.unitDecimals", startDate, uses);
  const unitScale = pow10(p); // units are held as integers of 10^-p unit
  const fenToUnits = (fen: bigint): bigint => (fen * unitScale) / 100n; // 1 unit = 1 元 at the start

  // --- rate path ---
  const rateAt: Fraction[] = new Array<Fraction>(M);
  if (data.returnRates) {
    let j = 0;
    for (let m = 0; m < M; m++) {
      const ym = fromMonthIndex(m0 + m);
      while (j + 1 < data.returnRates.length && data.returnRates[j + 1]!.from <= ym) j++;
      rateAt[m] = data.returnRates[j]!.annualRate;
    }
  } else {
    for (let m = 0; m < M; m++) {
      const ym = fromMonthIndex(m0 + m);
      rateAt[m] = fractionFromDecimal(readParam<string>(set, "funds.pool.annualReturnRate", `${ym}-01`, uses));
    }
  }

  // --- repayment path ---
  const rep = data.riskCompensation?.repayment;
  const repayMonth = rep ? (rep.month ?? readParam<number>(set, "funds.pool.repaymentMonth", startDate, uses)) : 0;
  const reserveMonths = rep
    ? (rep.reserveMonths ?? readParam<number>(set, "funds.pool.repaymentReserveMonths", startDate, uses))
    : 0;
  const repayShare = rep
    ? (rep.share ?? fractionFromDecimal(readParam<string>(set, "funds.pool.repaymentShare", startDate, uses)))
    : fraction(0n);
  const repayFrom = rep?.from ? monthOfDate(`${rep.from}-01`) : m0;

  // --- bucket events by month ---
  const outByMonth = new Map<number, bigint>();
  let outBeyond = 0n;
  for (const o of data.outflows) {
    const mi = monthOfDate(o.date);
    outByMonth.set(mi, (outByMonth.get(mi) ?? 0n) + o.amount.fen);
    if (mi >= m0 + M) outBeyond += o.amount.fen;
  }
  const events: (Event[] | undefined)[] = new Array<Event[] | undefined>(M);
  let inBeyond = 0n;
  let wBeyond = 0;
  let order = 0;
  const push = (mi: number, e: Event): void => {
    const k = mi - m0;
    const list = events[k] ?? [];
    list.push(e);
    events[k] = list;
  };
  data.inflows.forEach((f, i) => {
    const mi = monthOfDate(f.date);
    if (mi >= m0 + M) inBeyond += f.amount.fen;
    else push(mi, { order: order++, kind: 0, date: f.date, index: i });
  });
  (data.withdrawals ?? []).forEach((w, i) => {
    const mi = monthOfDate(w.date);
    if (mi >= m0 + M) wBeyond++;
    else push(mi, { order: order++, kind: 1, date: w.date, index: i });
  });

  // --- entrustment procedure records ---
  const warnings: PoolWarning[] = [];
  const entrustedOn = new Map<string, LegalDate | null>();
  if (data.entrustments) {
    for (const e of data.entrustments) {
      const r = checkProcedure(VOLUNTARY_ENTRUSTMENT, e.events as readonly ProcedureEvent[]);
      entrustedOn.set(e.depositor, r.complete ? (r.completedOn ?? null) : null);
      if (!r.complete)
        warnings.push({
          code: "ENTRUSTMENT_INCOMPLETE",
          depositor: e.depositor,
          zh: `委托方 ${e.depositor} 的自愿委托程序未完成（缺少：${r.missing.join("、") || "有效记录"}）`,
          en: `the voluntary entrustment procedure of ${e.depositor} is not complete (missing: ${r.missing.join(", ") || "a valid record"})`,
        });
    }
  }

  // --- the months ---
  let G = 0n;
  let E = 0n;
  let U = 0n;
  let outstanding = 0n;
  const units = new Map<string, bigint>();
  const deposited = new Map<string, bigint>();
  const withdrawn = new Map<string, bigint>();
  const tx = new Map<string, UnitTransaction[]>();
  const contributions = new Map<string, bigint>();
  const bySource: Record<PoolSource, bigint> = {
    expropriation: 0n,
    "risk-compensation": 0n,
    collective: 0n,
    "entrusted-fees": 0n,
    "idle-collective": 0n,
  };
  const ledger: PoolMonth[] = new Array<PoolMonth>(M);
  const topUps: { month: YearMonth; amount: Money }[] = [];
  const repayments: { month: YearMonth; amount: Money }[] = [];
  const warned = new Set<string>();
  const unitText = (u: bigint): string => {
    const s = u.toString().padStart(p + 1, "0");
    return `${s.slice(0, -p)}.${s.slice(-p)}`;
  };
  const nav = (): string => (U === 0n ? `1.${"0".repeat(6)}` : navText(E, U, unitScale));

  for (let m = 0; m < M; m++) {
    const mi = m0 + m;
    const ym = fromMonthIndex(mi);
    const opening = G + E;
    // 1. returns on the opening balance: each account earns its own, rounded half-up to the fen
    const rate = rateAt[m]!;
    const rg = G === 0n ? 0n : roundHalfUp(G * rate.num, rate.den * 12n);
    const re = E === 0n ? 0n : roundHalfUp(E * rate.num, rate.den * 12n);
    const R = rg + re;
    G += rg;
    E += re;
    if (E === 0n && U > 0n) {
      // entrusted money wiped out (only with negative returns): the units are worthless and extinguished
      U = 0n;
      for (const k of units.keys()) units.set(k, 0n);
    }
    // 2. inflows and withdrawals in date order (inflows first on a day, then input order)
    const inSrc: Record<PoolSource, bigint> = {
      expropriation: 0n,
      "risk-compensation": 0n,
      collective: 0n,
      "entrusted-fees": 0n,
      "idle-collective": 0n,
    };
    let inTotal = 0n;
    let wTotal = 0n;
    const evs = events[m];
    if (evs) {
      evs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind - b.kind || a.order - b.order));
      for (const ev of evs) {
        if (ev.kind === 0) {
          const f = data.inflows[ev.index]!;
          const amt = f.amount.fen;
          inSrc[f.source] += amt;
          inTotal += amt;
          if ((ENTRUSTED_SOURCES as readonly string[]).includes(f.source)) {
            const d = f.depositor!;
            const bought = U === 0n ? fenToUnits(amt) : (amt * U) / E;
            E += amt;
            U += bought;
            units.set(d, (units.get(d) ?? 0n) + bought);
            deposited.set(d, (deposited.get(d) ?? 0n) + amt);
            pushTx(tx, d, { date: f.date, kind: "deposit", amount: f.amount, units: unitText(bought) });
            if (data.entrustments && !warned.has(d)) {
              const on = entrustedOn.get(d);
              if (on === undefined) {
                warned.add(d);
                warnings.push({
                  code: "NO_ENTRUSTMENT_RECORD",
                  depositor: d,
                  zh: `委托方 ${d} 没有自愿委托程序记录`,
                  en: `depositor ${d} has no record of the voluntary entrustment procedure`,
                });
              } else if (on !== null && compareDates(f.date, on) < 0) {
                warned.add(d);
                warnings.push({
                  code: "DEPOSIT_BEFORE_ENTRUSTMENT",
                  depositor: d,
                  zh: `委托方 ${d} 在 ${f.date} 存入资金，早于委托程序完成日 ${on}`,
                  en: `depositor ${d} paid in on ${f.date}, before its entrustment procedure was completed on ${on}`,
                });
              }
            }
          } else {
            G += amt;
            if (f.depositor !== undefined) {
              const key = `${f.depositor}\u0000${f.source}`;
              contributions.set(key, (contributions.get(key) ?? 0n) + amt);
            }
          }
        } else {
          const w = data.withdrawals![ev.index]!;
          const d = w.depositor;
          const held =
            units.get(d) ?? fail("UNKNOWN_DEPOSITOR", { depositor: d }, ["withdrawals", ev.index, "depositor"]);
          const value = U === 0n ? 0n : (held * E) / U;
          let amt: bigint;
          let redeemed: bigint;
          if ("all" in w) {
            amt = value;
            redeemed = held;
          } else {
            amt = w.amount.fen;
            if (amt > value)
              fail(
                "WITHDRAWAL_EXCEEDS_BALANCE",
                { depositor: d, amount: String(w.amount), balance: String(moneyFromFen(value)), month: ym },
                ["withdrawals", ev.index, "amount"],
              );
            redeemed = amt === 0n ? 0n : (amt * U + E - 1n) / E;
            if (redeemed > held) redeemed = held;
          }
          E -= amt;
          U -= redeemed;
          units.set(d, held - redeemed);
          withdrawn.set(d, (withdrawn.get(d) ?? 0n) + amt);
          wTotal += amt;
          pushTx(tx, d, { date: w.date, kind: "withdrawal", amount: moneyFromFen(amt), units: unitText(redeemed) });
        }
      }
    }
    for (const s of SOURCES) bySource[s] += inSrc[s];
    // 3. outflows from the guarantee money; risk compensation tops up a shortfall
    const out = outByMonth.get(mi) ?? 0n;
    let topUp = 0n;
    if (G < out) {
      topUp = out - G;
      G += topUp;
      outstanding += topUp;
      topUps.push({ month: ym, amount: moneyFromFen(topUp) });
    }
    G -= out;
    // 4. repayment of compensation from surplus above the reserve
    let repaid = 0n;
    if (rep && outstanding > 0n && mi >= repayFrom && (mi % 12) + 1 === repayMonth) {
      let reserve = 0n;
      for (let k = 1; k <= reserveMonths; k++) reserve += outByMonth.get(mi + k) ?? 0n;
      const surplus = G - reserve;
      if (surplus > 0n) {
        const cap = (surplus * repayShare.num) / repayShare.den;
        repaid = cap < outstanding ? cap : outstanding;
        if (repaid > 0n) {
          G -= repaid;
          outstanding -= repaid;
          repayments.push({ month: ym, amount: moneyFromFen(repaid) });
        }
      }
    }
    const closing = G + E;
    ledger[m] = {
      month: ym,
      annualRate: showFraction(rate),
      opening: moneyFromFen(opening),
      returns: moneyFromFen(R),
      inflows: moneyFromFen(inTotal),
      inflowsBySource: moneyRecord(inSrc),
      withdrawals: moneyFromFen(wTotal),
      outflows: moneyFromFen(out),
      topUp: moneyFromFen(topUp),
      repayment: moneyFromFen(repaid),
      closing: moneyFromFen(closing),
      guarantee: moneyFromFen(G),
      entrusted: moneyFromFen(E),
      compensationOutstanding: moneyFromFen(outstanding),
      unitValue: nav(),
    };
  }

  // --- depositors' statements: the entrusted money split by units (core allocate, id order) ---
  const ids = [...new Set([...units.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const values: bigint[] =
    ids.length && E > 0n && U > 0n
      ? allocate(
          moneyFromFen(E),
          ids.map((id) => units.get(id)!),
        ).map((v) => v.fen)
      : ids.map(() => 0n);
  const depositors: DepositorStatement[] = ids.map((id, k) => {
    const dep = deposited.get(id) ?? 0n;
    const wd = withdrawn.get(id) ?? 0n;
    return {
      depositor: id,
      units: unitText(units.get(id)!),
      value: moneyFromFen(values[k]!),
      deposited: moneyFromFen(dep),
      withdrawn: moneyFromFen(wd),
      gain: moneyFromFen(values[k]! + wd - dep),
      transactions: tx.get(id) ?? [],
    };
  });
  if (data.entrustments) {
    for (const id of ids)
      if (!entrustedOn.has(id) && !warned.has(id))
        warnings.push({
          code: "NO_ENTRUSTMENT_RECORD",
          depositor: id,
          zh: `委托方 ${id} 没有自愿委托程序记录`,
          en: `depositor ${id} has no record of the voluntary entrustment procedure`,
        });
  }
  const contributionList = [...contributions.entries()]
    .map(([k, v]) => {
      const [depositor, source] = k.split("\u0000") as [string, PoolSource];
      return { depositor, source, amount: moneyFromFen(v) };
    })
    .sort((a, b) =>
      a.depositor < b.depositor
        ? -1
        : a.depositor > b.depositor
          ? 1
          : a.source < b.source
            ? -1
            : a.source > b.source
              ? 1
              : 0,
    );
  const last = ledger[M - 1]!;
  const totalTopUp = topUps.reduce((s, t) => s + t.amount.fen, 0n);
  const totalRepaid = repayments.reduce((s, t) => s + t.amount.fen, 0n);
  const rateParams = uses.filter((u) => u.id === "funds.pool.annualReturnRate");
  const trace = traceStep(RULES["FUNDS-POOL-2"], {
    inputs: {
      start: data.start,
      months: M,
      outflows: moneyFromFen(data.outflows.reduce((s, o) => s + o.amount.fen, 0n) - outBeyond),
      ratePath: data.returnRates
        ? data.returnRates.map((r) => ({ from: r.from, annualRate: showFraction(r.annualRate) }))
        : "parameter",
    },
    parameters: uses,
    output: {
      closing: last.closing,
      guarantee: last.guarantee,
      entrusted: last.entrusted,
      topUps: moneyFromFen(totalTopUp),
      repaid: moneyFromFen(totalRepaid),
      compensationOutstanding: last.compensationOutstanding,
    },
    note: {
      zh:
        "逐月：期初余额按年化收益率 ÷ 12 计收益 → 流入、委托资金存取 → 以保障资金支付汇缴；不足部分由区风险补偿托底" +
        (rep ? "；每年按声明路径以结余返还补偿资金" : "；未声明返还路径，补偿资金不返还"),
      en:
        "each month: return on the opening balance at the annual rate ÷ 12 → inflows, deposits and withdrawals → outflows paid from the guarantee money, any shortfall topped up by the district's risk compensation" +
        (rep
          ? "; compensation repaid each year from surplus by the declared path"
          : "; no return path declared, so compensation is not repaid"),
    },
    children: [
      traceStep(RULES["FUNDS-POOL-1"], {
        inputs: { guaranteeSources: [...GUARANTEE_SOURCES], entrustedSources: [...ENTRUSTED_SOURCES] },
        output: moneyRecord(bySource),
        note: {
          zh: "保障资金归资金池统筹使用；委托资金归委托方所有，只分享投资收益，不用于汇缴",
          en: "guarantee money is the pool's to spend; entrusted money stays the depositors' and only shares the returns",
        },
      }),
      traceStep(RULES["FUNDS-POOL-2"], {
        inputs: {
          topUps: topUps.length,
          repayments: repayments.length,
          ...(rep ? { repaymentMonth: repayMonth, reserveMonths, share: showFraction(repayShare) } : {}),
        },
        ...(rateParams.length ? { parameters: rateParams } : {}),
        output: { topUps: moneyFromFen(totalTopUp), repaid: moneyFromFen(totalRepaid) },
      }),
      traceStep(RULES["FUNDS-POOL-3"], {
        inputs: { depositors: ids.length, unitDecimals: p },
        parameters: uses.filter((u) => u.id === "funds.pool.unitDecimals"),
        output: { unitValue: last.unitValue, entrusted: last.entrusted },
        note: {
          zh: "存入按当期份额净值买入份额（向下取整），支取按净值赎回（向上取整），收益提高净值",
          en: "deposits buy units at the current unit value (rounded down), withdrawals redeem units (rounded up), returns raise the unit value",
        },
      }),
    ],
  });
  return {
    ledger,
    topUps,
    repayments,
    bySource: moneyRecord(bySource),
    contributions: contributionList,
    depositors,
    beyondHorizon: { inflows: moneyFromFen(inBeyond), outflows: moneyFromFen(outBeyond), withdrawals: wBeyond },
    warnings,
    trace,
  };
}

function pushTx(map: Map<string, UnitTransaction[]>, d: string, t: UnitTransaction): void {
  const list = map.get(d);
  if (list) list.push(t);
  else map.set(d, [t]);
}

function moneyRecord(r: Record<PoolSource, bigint>): Record<PoolSource, Money> {
  return {
    expropriation: moneyFromFen(r.expropriation),
    "risk-compensation": moneyFromFen(r["risk-compensation"]),
    collective: moneyFromFen(r.collective),
    "entrusted-fees": moneyFromFen(r["entrusted-fees"]),
    "idle-collective": moneyFromFen(r["idle-collective"]),
  };
}

/** E fen over U units (of 10^-p) as 元 per unit, half-up to 6 decimals. */
function navText(E: bigint, U: bigint, unitScale: bigint): string {
  const scaled = roundHalfUp(E * unitScale * 1_000_000n, U * 100n);
  const s = scaled.toString().padStart(7, "0");
  return `${s.slice(0, -6)}.${s.slice(-6)}`;
}
