import * as z from "zod";
import {
  addIssue,
  allocate,
  countSchema,
  Decimal,
  idSchema,
  MAX_RECIPIENTS,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  ratioSchema,
  refineUniqueIds,
  traceStep,
  ZERO,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { isCleanId, isPlainItem, isPlainRecord, without } from "../internal/fast";
import { parametersOf, type MigrantsOptions } from "../internal/options";
import { splitMinorUnits } from "../internal/split";
import { hasDuplicateIds } from "../internal/unique";
import { RULES } from "../rules";

/** How the dividend pool is shared: by shares held (按股分红), by transaction volume (按交易额分红), or a declared part by each. */
export const dividendModeSchema = z.enum(["shares", "transactions", "mixed"]);
/** A dividend mode. */
export type DividendMode = z.output<typeof dividendModeSchema>;

/** One holder: its id, whole shares held (needed by `shares` and `mixed`), transaction volume with the cooperative (needed by `transactions` and `mixed`). */
export const dividendHolderSchema = z.strictObject({
  id: idSchema,
  shares: countSchema.optional(),
  transactions: nonNegativeMoneySchema.optional(),
});

/** Most missing-field issues reported for one input (the rest are counted in the first). */
const MAX_REPORTED = 20;

const holdersSchema = z
  .array(dividendHolderSchema)
  .min(1)
  .max(MAX_RECIPIENTS)
  .superRefine((hs, ctx) => refineUniqueIds(ctx, hs));

const head = {
  pool: nonNegativeMoneySchema,
  mode: dividendModeSchema,
  sharesRatio: ratioSchema.optional(),
};

function refineMode(
  d: {
    mode: DividendMode;
    sharesRatio?: unknown;
    holders: readonly { shares?: number | undefined; transactions?: unknown }[];
  },
  ctx: z.RefinementCtx,
): void {
  if (d.mode === "mixed" && d.sharesRatio === undefined) {
    addIssue(
      ctx,
      "混合分红须声明按股分红部分的比例 sharesRatio",
      "a mixed distribution needs the declared sharesRatio",
      ["sharesRatio"],
      "required",
    );
  }
  if (d.mode !== "mixed" && d.sharesRatio !== undefined) {
    addIssue(
      ctx,
      'sharesRatio 只用于混合分红（mode: "mixed"）',
      'sharesRatio is only used by mode "mixed"',
      ["sharesRatio"],
      "unexpected",
    );
  }
  const needShares = d.mode !== "transactions";
  const needTx = d.mode !== "shares";
  let reported = 0;
  for (let i = 0; i < d.holders.length && reported < MAX_REPORTED; i++) {
    const h = d.holders[i]!;
    if (needShares && h.shares === undefined) {
      addIssue(
        ctx,
        `${d.mode === "mixed" ? "混合" : "按股"}分红须给出每户持股数`,
        `mode "${d.mode}" needs the shares of every holder`,
        ["holders", i, "shares"],
        "required",
      );
      reported++;
    }
    if (needTx && h.transactions === undefined) {
      addIssue(
        ctx,
        `${d.mode === "mixed" ? "混合" : "按交易额"}分红须给出每户交易额`,
        `mode "${d.mode}" needs the transactions of every holder`,
        ["holders", i, "transactions"],
        "required",
      );
      reported++;
    }
  }
}

/**
 * Input of {@link distributeDividends}: the pool, the mode, the declared
 * `sharesRatio` (mixed only: the part of the pool paid by shares), and the
 * holders (unique ids; `shares` when the mode uses shares, `transactions`
 * when it uses transaction volume).
 */
export const distributeDividendsInputSchema = z
  .strictObject({ ...head, holders: holdersSchema })
  .superRefine(refineMode);

/** Input of {@link distributeDividends}. */
export type DistributeDividendsInput = z.input<typeof distributeDividendsInputSchema>;

/** One holder's dividend. */
export interface DividendPayout {
  readonly id: string;
  /** The dividend: byShares + byTransactions. */
  readonly amount: Money;
  /** The part paid by shares held (0 in `transactions` mode). */
  readonly byShares: Money;
  /** The part paid by transaction volume (0 in `shares` mode). */
  readonly byTransactions: Money;
}

/** Result of {@link distributeDividends}. */
export interface DistributeDividendsResult {
  readonly mode: DividendMode;
  /** Payouts in input order; they add up to the pool exactly. */
  readonly payouts: readonly DividendPayout[];
  /** The pool (= Σ payouts). */
  readonly total: Money;
  /** The part of the pool paid by shares. */
  readonly sharesPart: Money;
  /** The part of the pool paid by transaction volume. */
  readonly transactionsPart: Money;
  readonly trace: TraceNode;
}

interface Parsed {
  poolFen: bigint;
  mode: DividendMode;
  sharesRatio: Decimal | undefined;
  ids: readonly string[] | ((i: number) => string);
  n: number;
  shares: Float64Array | undefined;
  /** Transactions in fen, as numbers when all are safe, else bigints. */
  txFen: Float64Array | bigint[] | undefined;
}

/**
 * Reads a plain money text `d{1,13}(.d{1,2})?` to 分, or -1 when the text is
 * anything else (the schema then decides: it also accepts numbers, white
 * space, leading "+" and larger amounts).
 */
function fenOfText(t: string): number {
  const n = t.length;
  let i = 0;
  let v = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  if (i === 0 || i > 13) return -1;
  if (i === n) return v * 100;
  if (t.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return -1;
  const d1 = t.charCodeAt(i + 1) - 48;
  if (d1 < 0 || d1 > 9) return -1;
  if (n - i - 1 === 1) return v * 100 + d1 * 10;
  const d2 = t.charCodeAt(i + 2) - 48;
  if (d2 < 0 || d2 > 9) return -1;
  return v * 100 + d1 * 10 + d2;
}

/**
 * Fast acceptance of well-formed bulk input (internal/fast): accepts only
 * what the schema accepts; `undefined` lets the schema decide and report.
 * @internal
 */
export function fastParseDividendsInput(input: unknown): Parsed | undefined {
  if (!isPlainRecord(input)) return undefined;
  const hs = input["holders"];
  if (!Array.isArray(hs) || hs.length === 0 || hs.length > MAX_RECIPIENTS) return undefined;
  const h = z.strictObject(head).safeParse(without(input, "holders"));
  if (!h.success) return undefined;
  const { mode } = h.data;
  if ((mode === "mixed") !== (h.data.sharesRatio !== undefined)) return undefined;
  const needShares = mode !== "transactions";
  const needTx = mode !== "shares";
  const n = hs.length;
  const shares = needShares ? new Float64Array(n) : undefined;
  const tx = needTx ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const x: unknown = hs[i];
    if (!isPlainItem(x)) return undefined;
    let keys = 0;
    for (const k in x) {
      if (k !== "id" && k !== "shares" && k !== "transactions") return undefined;
      keys++;
    }
    if (!isCleanId(x["id"])) return undefined;
    const s = x["shares"];
    if (s !== undefined) {
      if (typeof s !== "number" || !Number.isSafeInteger(s) || s < 0) return undefined;
      if (shares) shares[i] = s;
    } else if (needShares || "shares" in x) return undefined;
    const t = x["transactions"];
    if (t !== undefined) {
      if (typeof t !== "string") return undefined;
      const f = fenOfText(t);
      if (f < 0) return undefined;
      if (tx) tx[i] = f;
    } else if (needTx || "transactions" in x) return undefined;
    if (keys > 3) return undefined;
  }
  const items = hs as { id: string }[];
  return {
    poolFen: h.data.pool.fen,
    mode,
    sharesRatio: h.data.sharesRatio,
    ids: (i) => items[i]!.id,
    n,
    shares,
    txFen: tx,
  };
}

function fromSchema(input: unknown): Parsed {
  const d = parseInput(distributeDividendsInputSchema, input, "distributeDividends");
  const n = d.holders.length;
  const needShares = d.mode !== "transactions";
  const needTx = d.mode !== "shares";
  let txFen: Float64Array | bigint[] | undefined;
  if (needTx) {
    const big = d.holders.map((x) => x.transactions!.fen);
    const safe = big.every((f) => f <= BigInt(Number.MAX_SAFE_INTEGER));
    txFen = safe ? Float64Array.from(big, Number) : big;
  }
  return {
    poolFen: d.pool.fen,
    mode: d.mode,
    sharesRatio: d.sharesRatio,
    ids: d.holders.map((x) => x.id),
    n,
    shares: needShares ? Float64Array.from(d.holders, (x) => x.shares!) : undefined,
    txFen,
  };
}

/** Splits `fen` over integer weights, exactly (see internal/split: core allocateMinorUnits or an exact bulk route). */
function split(
  fen: bigint,
  weights: Float64Array | bigint[],
  basis: "shares" | "transactions",
): Float64Array | bigint[] {
  let any = false;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] !== 0 && weights[i] !== 0n) {
      any = true;
      break;
    }
  }
  if (!any) {
    if (fen === 0n) return new Float64Array(weights.length);
    fail("NOTHING_TO_SHARE_BY", { basis: basis === "shares" ? "持股数 / shares" : "交易额 / transactions" }, [
      "holders",
    ]);
  }
  return splitMinorUnits(fen, weights);
}

function sumOf(w: Float64Array | bigint[]): bigint {
  if (w instanceof Float64Array) {
    let s = 0;
    let big = 0n;
    for (let i = 0; i < w.length; i++) {
      s += w[i]!;
      if (s > 2 ** 52) {
        big += BigInt(s);
        s = 0;
      }
    }
    return big + BigInt(s);
  }
  let s = 0n;
  for (const x of w) s += x;
  return s;
}

/**
 * Pays out a cooperative's or village collective's dividend pool (分红) by
 * shares held (按股分红), by transaction volume with the cooperative
 * (按交易额分红), or a declared part by each (mixed). Every split is core's
 * largest-remainder allocation to the fen: the payouts add up to the pool
 * exactly; the fen left over after each holder's floor go to the largest
 * remainders, ties to the earlier holder in the list. In mixed mode the pool
 * is first split into the shares part and the transactions part by
 * `sharesRatio` (the same rule), then each part by its basis.
 *
 * @param input - `{ pool, mode, sharesRatio?, holders: [{ id, shares?, transactions? }] }`
 * @param options - `parameters` (accepted for uniformity; no parameter is read)
 * @returns payouts in input order (amount, byShares, byTransactions), the parts, the total, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (negative pool, fractional
 *   shares, a missing basis for the mode, sharesRatio missing in mixed mode or
 *   given in another mode, duplicate ids …);
 *   {@link PolicyError} `NOTHING_TO_SHARE_BY` (a non-zero part and every weight zero)
 * @example
 * ```ts
 * import { distributeDividends } from "@sannong/migrants";
 * const r = distributeDividends({
 *   pool: "10000.00", mode: "shares",
 *   holders: [{ id: "A", shares: 3 }, { id: "B", shares: 3 }, { id: "C", shares: 1 }],
 * });
 * r.payouts.map((p) => String(p.amount)); // → ["4285.72", "4285.71", "1428.57"]
 * ```
 * @remarks Implements MIG-SHARE-2 (004 §二(五)1).
 */
export function distributeDividends(
  input: DistributeDividendsInput,
  options?: MigrantsOptions,
): DistributeDividendsResult {
  const d = fastParseDividendsInput(input) ?? fromSchema(input);
  const idAt = typeof d.ids === "function" ? d.ids : (i: number): string => (d.ids as readonly string[])[i]!;
  if (hasDuplicateIds(d.n, idAt)) {
    parseInput(distributeDividendsInputSchema, input, "distributeDividends"); // reports the duplicate with its path
    fail("UNEXPECTED", { what: "duplicate ids passed validation" });
  }
  parametersOf(options, "distributeDividends");
  const pool = moneyFromFen(d.poolFen);
  let sharesPart: Money;
  let txPart: Money;
  if (d.mode === "shares") [sharesPart, txPart] = [pool, ZERO];
  else if (d.mode === "transactions") [sharesPart, txPart] = [ZERO, pool];
  else {
    const r = d.sharesRatio!;
    [sharesPart, txPart] = allocate(pool, [r.toFixed(), new Decimal(1).minus(r).toFixed()]) as [Money, Money];
  }
  const byShares = d.shares ? split(sharesPart.fen, d.shares, "shares") : undefined;
  const byTx = d.txFen ? split(txPart.fen, d.txFen, "transactions") : undefined;

  const n = d.n;
  const payouts: DividendPayout[] = new Array<DividendPayout>(n);
  if (byShares && byTx) {
    const numeric = byShares instanceof Float64Array && byTx instanceof Float64Array;
    for (let i = 0; i < n; i++) {
      const a = byShares[i]!;
      const b = byTx[i]!;
      // both parts are exact integers ≤ the pool; their sum is exact when the pool is a safe integer
      const amount = numeric ? moneyFromFen((a as number) + (b as number)) : moneyFromFen(BigInt(a) + BigInt(b));
      payouts[i] = { id: idAt(i), amount, byShares: moneyFromFen(a), byTransactions: moneyFromFen(b) };
    }
  } else if (byShares) {
    for (let i = 0; i < n; i++) {
      const a = moneyFromFen(byShares[i]!);
      payouts[i] = { id: idAt(i), amount: a, byShares: a, byTransactions: ZERO };
    }
  } else {
    for (let i = 0; i < n; i++) {
      const b = moneyFromFen(byTx![i]!);
      payouts[i] = { id: idAt(i), amount: b, byShares: ZERO, byTransactions: b };
    }
  }
  const trace = traceStep(RULES["MIG-SHARE-2"], {
    inputs: {
      pool,
      mode: d.mode,
      ...(d.sharesRatio ? { sharesRatio: d.sharesRatio.toFixed() } : {}),
      holders: n,
      ...(d.shares ? { totalShares: sumOf(d.shares).toString() } : {}),
      ...(d.txFen ? { totalTransactions: moneyFromFen(sumOf(d.txFen)) } : {}),
    },
    output: { sharesPart, transactionsPart: txPart, total: pool },
    note: {
      zh: "按最大余数法精确到分分配，分红合计等于分红总额；余数相同者按名单先后",
      en: "split to the fen by largest remainder; the payouts add up to the pool; equal remainders go to the earlier holder",
    },
  });
  return { mode: d.mode, payouts, total: pool, sharesPart, transactionsPart: txPart, trace };
}
