import * as z from "zod";
import { Dec, toDec } from "../internal/decimal";
import { PolicyError } from "../errors/errors";
import { parseInput, addIssue } from "../validation/parse";
import { roundQuotient, roundingSchema, type Rounding } from "./rounding";

const BRAND = Symbol.for("sannong.money");
/** Largest amount of money accepted: 10^15 元 (a thousand trillion). */
const MAX_FEN = 10n ** 17n;

/**
 * An immutable, exact amount of money in 元 (CNY), held as an integer number
 * of 分. `String(m)` and `JSON.stringify(m)` give the canonical decimal string
 * with two decimals (`"33.34"`).
 *
 * Build one with {@link money}; never with `new`.
 * @remarks Implements CORE-MONEY-1, CORE-MONEY-3.
 */
export class Money {
  /** The amount as an integer number of 分 (fen). */
  readonly fen: bigint;
  declare readonly [BRAND]: true;

  /** @internal Use {@link money} or {@link moneyFromFen}. */
  constructor(fen: bigint) {
    this.fen = fen;
    Object.freeze(this);
  }

  /** The canonical decimal string in 元 with two decimals, e.g. `"-0.05"`. */
  toString(): string {
    return formatFen(this.fen);
  }

  /** JSON form: the same canonical decimal string (CORE-MONEY-3). */
  toJSON(): string {
    return formatFen(this.fen);
  }
}
Object.defineProperty(Money.prototype, BRAND, { value: true });

/** Anything {@link money} accepts. */
export type MoneyInput = string | number | Money;

function formatFen(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  const s = a.toString().padStart(3, "0");
  return `${neg ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** True when `v` is a sannong {@link Money} (works across module copies). */
export function isMoney(v: unknown): v is Money {
  return typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[BRAND] === true;
}

function fail(value: unknown, zh: string, en: string): never {
  throw new PolicyError({ code: "INVALID_MONEY", zh, en, details: { value: describe(value) } });
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  return v === null ? "null" : typeof v;
}

/** Reads money input; returns a bilingual reason instead of throwing. @internal */
export function readMoney(value: unknown): Money | { zh: string; en: string } {
  if (isMoney(value)) return value;
  if (typeof value !== "string" && typeof value !== "number") {
    return { zh: `金额应为十进制字符串或数字，实际为 ${describe(value)}`, en: `money must be a decimal string or a number, got ${describe(value)}` };
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    return { zh: `金额必须是有限数，实际为 ${value}`, en: `money must be finite, got ${value}` };
  }
  const d = toDec(value);
  if (!d) return { zh: `无法识别的金额 ${describe(value)}`, en: `not a decimal amount: ${describe(value)}` };
  if (d.decimalPlaces() > 2) {
    return {
      zh: `金额 ${describe(value)} 超过两位小数（分），不会被静默舍入`,
      en: `amount ${describe(value)} has more than two decimals (分); it is not rounded silently`,
    };
  }
  const fen = BigInt(d.times(100).toFixed(0));
  if (fen > MAX_FEN || fen < -MAX_FEN) return { zh: `金额 ${describe(value)} 超出范围（±10^15 元）`, en: `amount ${describe(value)} is out of range (±10^15 元)` };
  return new Money(fen);
}

/**
 * Builds an immutable {@link Money} (金额) from a decimal string in 元
 * (`"1234.56"`), a finite JS number that has at most two decimals exactly
 * (`12.5`; `0.1 + 0.2` is rejected, not rounded), or another Money.
 *
 * @param value - the amount in 元
 * @returns the Money
 * @throws {@link PolicyError} code `INVALID_MONEY` for anything else
 * @example
 * ```ts
 * String(money("33.3"));   // "33.30"
 * JSON.stringify({ a: money(5) }); // '{"a":"5.00"}'
 * ```
 * @remarks Implements CORE-MONEY-1, CORE-MONEY-3.
 */
export function money(value: MoneyInput): Money {
  const r = readMoney(value);
  if (isMoney(r)) return r;
  return fail(value, r.zh, r.en);
}

/**
 * Builds Money from an integer count of 分.
 * @param fen - integer number of 分 (a safe integer or a bigint)
 * @throws {@link PolicyError} code `INVALID_MONEY` when not an integer
 * @example
 * ```ts
 * String(moneyFromFen(3334)); // "33.34"
 * ```
 * @remarks Implements CORE-MONEY-1.
 */
export function moneyFromFen(fen: number | bigint): Money {
  if (typeof fen === "number" && !Number.isSafeInteger(fen)) {
    return fail(fen, `分数必须是安全整数，实际为 ${fen}`, `fen must be a safe integer, got ${fen}`);
  }
  const b = BigInt(fen);
  if (b > MAX_FEN || b < -MAX_FEN) return fail(fen, "金额超出范围", "amount out of range");
  return new Money(b);
}

/**
 * zod schema for money input: a decimal string, an exact number or a Money,
 * parsed to {@link Money}. Bad input becomes an `invalid_money` issue.
 * @remarks Implements CORE-MONEY-1.
 */
export const moneySchema: z.ZodType<Money, MoneyInput> = z.custom<MoneyInput>(() => true).transform((v, ctx) => {
  const r = readMoney(v);
  if (isMoney(r)) return r;
  addIssue(ctx, r.zh, r.en, [], "invalid_money");
  return z.NEVER;
}) as unknown as z.ZodType<Money, MoneyInput>;

/** zod schema for money that must not be negative. */
export const nonNegativeMoneySchema: z.ZodType<Money, MoneyInput> = moneySchema.superRefine((m, ctx) => {
  if (m.fen < 0n) addIssue(ctx, `金额不能为负：${String(m)}`, `amount must not be negative: ${String(m)}`, [], "negative_money");
}) as unknown as z.ZodType<Money, MoneyInput>;

/** The Money zero. */
export const ZERO: Money = new Money(0n);

/** a + b. @remarks Implements CORE-MONEY-1. */
export function add(a: Money, b: Money): Money {
  return new Money(a.fen + b.fen);
}
/** a − b. @remarks Implements CORE-MONEY-1. */
export function subtract(a: Money, b: Money): Money {
  return new Money(a.fen - b.fen);
}
/** −a. */
export function negate(a: Money): Money {
  return new Money(-a.fen);
}
/** |a|. */
export function abs(a: Money): Money {
  return a.fen < 0n ? new Money(-a.fen) : a;
}
/** The sum of a list of Money (0 for an empty list). Never spreads its argument. */
export function sum(list: readonly Money[]): Money {
  let s = 0n;
  for (const m of list) s += m.fen;
  return new Money(s);
}
/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  return a.fen < b.fen ? -1 : a.fen > b.fen ? 1 : 0;
}
/** a = b. */
export function equals(a: Money, b: Money): boolean {
  return a.fen === b.fen;
}
/** The smaller of a and b. */
export function minMoney(a: Money, b: Money): Money {
  return a.fen <= b.fen ? a : b;
}
/** The larger of a and b. */
export function maxMoney(a: Money, b: Money): Money {
  return a.fen >= b.fen ? a : b;
}
/** a = 0. */
export function isZero(a: Money): boolean {
  return a.fen === 0n;
}
/** a < 0. */
export function isNegative(a: Money): boolean {
  return a.fen < 0n;
}
/** The exact decimal value of a Money in 元. */
export function toDecimal(a: Money): Dec {
  return new Dec(a.fen.toString()).div(100);
}

/** Options of rounding a decimal to money. */
export interface RoundMoneyOptions {
  /** Named rounding; default `half-up` (四舍五入). */
  readonly rounding?: Rounding;
  /** Rounding unit in 元 as a decimal string: `"0.01"` (default), `"0.1"`, `"1"`, `"100"`, `"10000"`. */
  readonly unit?: string;
}

/** The rounding unit in 分; validates the unit string. @internal */
export function unitToFen(unit: string | undefined): bigint {
  if (unit === undefined) return 1n;
  const d = toDec(unit);
  if (!d || d.lte(0) || !d.times(100).isInteger()) {
    throw new PolicyError({
      code: "INVALID_UNIT",
      zh: `舍入单位必须是 0.01 元的正整数倍，实际为 ${describe(unit)}`,
      en: `the rounding unit must be a positive multiple of 0.01 元, got ${describe(unit)}`,
      path: ["unit"],
      details: { unit: describe(unit) },
    });
  }
  return BigInt(d.times(100).toFixed(0));
}

/** zod schema of a rounding unit in 元 (a positive multiple of 0.01). */
export const unitSchema = z.string().superRefine((u, ctx) => {
  const d = toDec(u);
  if (!d || d.lte(0) || !d.times(100).isInteger()) addIssue(ctx, `舍入单位必须是 0.01 元的正整数倍：${u}`, `unit must be a positive multiple of 0.01 元: ${u}`, [], "invalid_unit");
});

/**
 * Rounds an exact decimal amount in 元 to Money with a named rounding at a
 * unit (分 by default; 角, 元, 百元, 万元 on request).
 *
 * @param value - decimal string, exact number, or Decimal
 * @param options - rounding (default `half-up`) and unit (default `"0.01"`)
 * @throws {@link PolicyError} `INVALID_DECIMAL` or `INVALID_UNIT`
 * @example
 * ```ts
 * String(roundMoney("1.005")); // "1.01"
 * String(roundMoney("12345", { unit: "100" })); // "12300.00"
 * String(roundMoney("1.005", { rounding: "half-even" })); // "1.00"
 * ```
 * @remarks Implements CORE-MONEY-2.
 */
export function roundMoney(value: string | number | Dec, options: RoundMoneyOptions = {}): Money {
  const d = typeof value === "object" ? value : toDec(value);
  if (!d || !d.isFinite()) {
    throw new PolicyError({ code: "INVALID_DECIMAL", zh: `不是有效的十进制数：${describe(value)}`, en: `not a valid decimal: ${describe(value)}`, details: { value: describe(value) } });
  }
  const unitFen = unitToFen(options.unit);
  const rounding = options.rounding ?? "half-up";
  roundingSchema.parse(rounding);
  // value in fen as an exact fraction num/den, then round to a multiple of unitFen.
  const fenDec = d.times(100);
  const places = Math.max(fenDec.decimalPlaces(), 0);
  const den = 10n ** BigInt(places);
  const num = BigInt(fenDec.times(new Dec(10).pow(places)).toFixed(0));
  const units = roundQuotient(num, den * unitFen, rounding);
  const fen = units * unitFen;
  if (fen > MAX_FEN || fen < -MAX_FEN) return fail(value, "金额超出范围", "amount out of range");
  return new Money(fen);
}

/**
 * Multiplies money by an exact factor (a rate, a ratio, a count) and rounds
 * the product with a named rounding.
 * @example
 * ```ts
 * String(multiply(money("100.00"), "0.035")); // "3.50"
 * ```
 * @remarks Implements CORE-MONEY-2, CORE-RATIO-1.
 */
export function multiply(a: Money, factor: string | number | Dec, options: RoundMoneyOptions = {}): Money {
  const f = typeof factor === "object" ? factor : toDec(factor);
  if (!f) throw new PolicyError({ code: "INVALID_DECIMAL", zh: `不是有效的系数：${describe(factor)}`, en: `not a valid factor: ${describe(factor)}`, details: { value: describe(factor) } });
  return roundMoney(toDecimal(a).times(f), options);
}

/**
 * Parses a money input list at a path; used by packages that take amounts.
 * @internal
 */
export function parseMoney(value: unknown, fn?: string): Money {
  return parseInput(moneySchema, value, fn);
}
