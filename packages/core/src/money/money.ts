import * as z from "zod";
import { Dec, toDec } from "../internal/decimal";
import { PolicyError } from "../errors/errors";
import { parseInput, addIssue, plainObject } from "../validation/parse";
import { badArgument } from "../internal/args";
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
    return {
      zh: `金额应为十进制字符串或数字，实际为 ${describe(value)}`,
      en: `money must be a decimal string or a number, got ${describe(value)}`,
    };
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
  if (fen > MAX_FEN || fen < -MAX_FEN)
    return {
      zh: `金额 ${describe(value)} 超出范围（±10^15 元）`,
      en: `amount ${describe(value)} is out of range (±10^15 元)`,
    };
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
 * import { money } from "@sannong/core";
 * String(money("33.3")); // → "33.30"
 * JSON.stringify({ a: money(5) }); // → '{"a":"5.00"}'
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
 * import { moneyFromFen } from "@sannong/core";
 * String(moneyFromFen(3334)); // → "33.34"
 * ```
 * @remarks Implements CORE-MONEY-1.
 */
export function moneyFromFen(fen: number | bigint): Money {
  if (typeof fen !== "number" && typeof fen !== "bigint") {
    return fail(fen, `分数必须是整数，实际为 ${describe(fen)}`, `fen must be an integer, got ${describe(fen)}`);
  }
  if (typeof fen === "number") {
    // Any safe integer (< 2^53 ≈ 9×10^15 分) is within the ±10^17 分 range: no bigint comparison needed (the bulk hot path).
    if (!Number.isSafeInteger(fen))
      return fail(fen, `分数必须是安全整数，实际为 ${fen}`, `fen must be a safe integer, got ${fen}`);
    return new Money(BigInt(fen));
  }
  const b = fen;
  if (b > MAX_FEN || b < -MAX_FEN) return fail(fen, "金额超出范围", "amount out of range");
  return new Money(b);
}

/**
 * zod schema for money input: a decimal string, an exact number or a Money,
 * parsed to {@link Money}. Bad input becomes an `invalid_money` issue.
 * @remarks Implements CORE-MONEY-1.
 */
export const moneySchema: z.ZodType<Money, MoneyInput> = z
  .custom<MoneyInput>(() => true)
  .transform((v, ctx) => {
    const r = readMoney(v);
    if (isMoney(r)) return r;
    addIssue(ctx, r.zh, r.en, [], "invalid_money");
    return z.NEVER;
  }) as unknown as z.ZodType<Money, MoneyInput>;

/** zod schema for money that must not be negative. */
export const nonNegativeMoneySchema: z.ZodType<Money, MoneyInput> = moneySchema.superRefine((m, ctx) => {
  if (m.fen < 0n)
    addIssue(ctx, `金额不能为负：${String(m)}`, `amount must not be negative: ${String(m)}`, [], "negative_money");
}) as unknown as z.ZodType<Money, MoneyInput>;

/** The Money zero. */
export const ZERO: Money = new Money(0n);

/** Reads a Money argument of an arithmetic helper (a Money, or anything {@link money} accepts). */
function arg(v: unknown, fn: string, name: string): Money {
  if (isMoney(v)) return v;
  const r = readMoney(v);
  if (isMoney(r)) return r;
  throw new PolicyError({
    code: "INVALID_MONEY",
    zh: `${fn}：参数 ${name}：${r.zh}`,
    en: `${fn}: argument ${name}: ${r.en}`,
    path: [name],
    details: { value: describe(v) },
  });
}

/** a + b (each a Money or a money input). @remarks Implements CORE-MONEY-1. */
export function add(a: MoneyInput, b: MoneyInput): Money {
  return new Money(arg(a, "add", "a").fen + arg(b, "add", "b").fen);
}
/** a − b. @remarks Implements CORE-MONEY-1. */
export function subtract(a: MoneyInput, b: MoneyInput): Money {
  return new Money(arg(a, "subtract", "a").fen - arg(b, "subtract", "b").fen);
}
/** −a. */
export function negate(a: MoneyInput): Money {
  return new Money(-arg(a, "negate", "a").fen);
}
/** |a|. */
export function abs(a: MoneyInput): Money {
  const m = arg(a, "abs", "a");
  return m.fen < 0n ? new Money(-m.fen) : m;
}
/** The sum of a list of Money (0 for an empty list). Never spreads its argument. */
export function sum(list: readonly MoneyInput[]): Money {
  if (!Array.isArray(list)) badArgument("sum", "list", "金额数组", "an array of money", list);
  let s = 0n;
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    s += isMoney(m) ? m.fen : arg(m, "sum", `list[${i}]`).fen;
  }
  return new Money(s);
}
/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: MoneyInput, b: MoneyInput): -1 | 0 | 1 {
  const x = arg(a, "compare", "a").fen;
  const y = arg(b, "compare", "b").fen;
  return x < y ? -1 : x > y ? 1 : 0;
}
/** a = b. */
export function equals(a: MoneyInput, b: MoneyInput): boolean {
  return arg(a, "equals", "a").fen === arg(b, "equals", "b").fen;
}
/** The smaller of a and b. */
export function minMoney(a: MoneyInput, b: MoneyInput): Money {
  const x = arg(a, "minMoney", "a");
  const y = arg(b, "minMoney", "b");
  return x.fen <= y.fen ? x : y;
}
/** The larger of a and b. */
export function maxMoney(a: MoneyInput, b: MoneyInput): Money {
  const x = arg(a, "maxMoney", "a");
  const y = arg(b, "maxMoney", "b");
  return x.fen >= y.fen ? x : y;
}
/** a = 0. */
export function isZero(a: MoneyInput): boolean {
  return arg(a, "isZero", "a").fen === 0n;
}
/** a < 0. */
export function isNegative(a: MoneyInput): boolean {
  return arg(a, "isNegative", "a").fen < 0n;
}
/** The exact decimal value of a Money in 元. */
export function toDecimal(a: MoneyInput): Dec {
  return new Dec(arg(a, "toDecimal", "a").fen.toString()).div(100);
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
  if (!d || d.lte(0) || !d.times(100).isInteger())
    addIssue(
      ctx,
      `舍入单位必须是 0.01 元的正整数倍：${u}`,
      `unit must be a positive multiple of 0.01 元: ${u}`,
      [],
      "invalid_unit",
    );
});

const roundOptionsSchema = plainObject(
  z.strictObject({ rounding: roundingSchema.optional(), unit: z.string().optional() }),
);

/**
 * Rounds an exact decimal amount in 元 to Money with a named rounding at a
 * unit (分 by default; 角, 元, 百元, 万元 on request).
 *
 * @param value - decimal string, exact number, or Decimal
 * @param options - rounding (default `half-up`) and unit (default `"0.01"`)
 * @throws {@link PolicyError} `INVALID_DECIMAL` or `INVALID_UNIT`
 * @example
 * ```ts
 * import { roundMoney } from "@sannong/core";
 * String(roundMoney("1.005")); // → "1.01"
 * String(roundMoney("12345", { unit: "100" })); // → "12300.00"
 * String(roundMoney("1.005", { rounding: "half-even" })); // → "1.00"
 * ```
 * @remarks Implements CORE-MONEY-2.
 */
export function roundMoney(value: string | number | Dec, options: RoundMoneyOptions = {}): Money {
  const opts = parseInput(roundOptionsSchema, options, "roundMoney");
  const d = toDec(value);
  if (!d?.isFinite()) {
    throw new PolicyError({
      code: "INVALID_DECIMAL",
      zh: `不是有效的十进制数：${describe(value)}`,
      en: `not a valid decimal: ${describe(value)}`,
      details: { value: describe(value) },
    });
  }
  const unitFen = unitToFen(opts.unit);
  const rounding = opts.rounding ?? "half-up";
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
 * import { multiply, money } from "@sannong/core";
 * String(multiply(money("100.00"), "0.035")); // → "3.50"
 * ```
 * @remarks Implements CORE-MONEY-2, CORE-RATIO-1.
 */
export function multiply(a: MoneyInput, factor: string | number | Dec, options: RoundMoneyOptions = {}): Money {
  const m = arg(a, "multiply", "a");
  const f = toDec(factor);
  if (!f)
    throw new PolicyError({
      code: "INVALID_DECIMAL",
      zh: `不是有效的系数：${describe(factor)}`,
      en: `not a valid factor: ${describe(factor)}`,
      details: { value: describe(factor) },
    });
  return roundMoney(toDecimal(m).times(f), options);
}

/**
 * Parses a money input list at a path; used by packages that take amounts.
 * @internal
 */
export function parseMoney(value: unknown, fn?: string): Money {
  return parseInput(moneySchema, value, fn);
}
