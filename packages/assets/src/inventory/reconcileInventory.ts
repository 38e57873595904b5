import * as z from "zod";
import {
  addIssue,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeDecimalSchema,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  type Decimal,
  type Money,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { byKey } from "../internal/labels";
import type { ReadonlyInput } from "../internal/types";

const entry = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(200).optional(),
  quantity: nonNegativeDecimalSchema,
  value: nonNegativeMoneySchema,
});
const counted = z.strictObject({
  id: idSchema,
  quantity: nonNegativeDecimalSchema,
  note: z.string().trim().min(1).max(500).optional(),
});

function unique(ctx: z.RefinementCtx, list: readonly { id: string }[], field: string): void {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.id))
      addIssue(
        ctx,
        `${field} 中标识 “${x.id}” 重复`,
        `duplicate id "${x.id}" in ${field}`,
        [field, i, "id"],
        "duplicate_id",
      );
    seen.add(x.id);
  });
}

/**
 * zod schema of {@link reconcileInventory}'s input: the inventoried year and
 * the count date (after the year ends: 每年初对上年度清查), the general
 * ledger's balance (总账), the detailed asset ledger (明细账), the asset cards
 * (资产卡片) and what was found on site (实物盘点).
 */
export const reconcileInventoryInputSchema = z
  .strictObject({
    year: z.number().int().min(1900).max(2198),
    countedOn: legalDateSchema,
    generalLedger: z.strictObject({ total: nonNegativeMoneySchema }),
    ledger: z.array(entry).max(1_000_000),
    cards: z.array(entry).max(1_000_000),
    onSite: z.array(counted).max(1_000_000),
  })
  .superRefine((d, ctx) => {
    if (d.countedOn < `${d.year + 1}-01-01`) {
      addIssue(
        ctx,
        `清查日期 ${d.countedOn} 早于被清查年度 ${d.year} 的年末`,
        `the count date ${d.countedOn} is before the end of the inventoried year ${d.year}`,
        ["countedOn"],
        "dates_out_of_order",
      );
    }
    unique(ctx, d.ledger, "ledger");
    unique(ctx, d.cards, "cards");
    unique(ctx, d.onSite, "onSite");
  });

/** Input of {@link reconcileInventory}. */
export type ReconcileInventoryInput = ReadonlyInput<z.input<typeof reconcileInventoryInputSchema>>;

/** Which pair is compared: 账账 (general vs detailed ledger), 账卡 (ledger vs cards), 账实 (ledger vs site). */
export type InventoryCheck = "ledger-ledger" | "ledger-card" | "ledger-physical";

/** One discrepancy found by the inventory. */
export interface InventoryDiscrepancy {
  readonly check: InventoryCheck;
  /** `missing`: in the ledger, not on the other side (or less of it); `surplus`: the other way round. */
  readonly type: "missing" | "surplus" | "value-mismatch" | "quantity-mismatch";
  /** The asset (absent for the ledger totals). */
  readonly assetId?: string;
  /** What the ledger says (a quantity or an amount, as a decimal string). */
  readonly book: string;
  /** What the other side says. */
  readonly found: string;
  /** found − book. */
  readonly difference: string;
  readonly zh: string;
  readonly en: string;
  readonly rule: "ASSET-INV-1";
}

/** Result of {@link reconcileInventory}. */
export interface ReconcileInventoryResult {
  readonly year: number;
  readonly countedOn: string;
  /** 账账相符, 账卡相符, 账实相符 and all three. */
  readonly consistent: {
    readonly ledgerLedger: boolean;
    readonly ledgerCard: boolean;
    readonly ledgerPhysical: boolean;
    readonly all: boolean;
  };
  /** Every discrepancy, by check (账账, 账卡, 账实), then asset id, then type. */
  readonly discrepancies: readonly InventoryDiscrepancy[];
  readonly counts: {
    readonly missing: number;
    readonly surplus: number;
    readonly valueMismatch: number;
    readonly quantityMismatch: number;
  };
  readonly trace: TraceNode;
}

const CHECK_ORDER: Record<InventoryCheck, number> = /*#__PURE__*/ deepFreeze({
  "ledger-ledger": 0,
  "ledger-card": 1,
  "ledger-physical": 2,
});
const CHECK_ZH: Record<InventoryCheck, string> = /*#__PURE__*/ deepFreeze({
  "ledger-ledger": "账账",
  "ledger-card": "账卡",
  "ledger-physical": "账实",
});

/**
 * Reconciles the annual inventory (年度清查) of the previous year's assets:
 * the general ledger's balance against the detailed ledger (账账相符), each
 * ledger entry against its card (账卡相符: missing card, card without entry,
 * quantity or value mismatch) and against what was found on site (账实相符:
 * missing or short, surplus or not in the books). Every discrepancy is listed,
 * in an order that does not depend on the order of the input lists.
 *
 * @param input - year, countedOn, generalLedger, ledger, cards, onSite
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns consistency of the three checks, every discrepancy, counts and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a count dated before the year ends, duplicate ids, negative quantities, unknown keys
 * @example
 * ```ts
 * import { reconcileInventory } from "@sannong/assets";
 * const r = reconcileInventory({
 *   year: 2020, countedOn: "2021-01-15", generalLedger: { total: "150000.00" },
 *   ledger: [{ id: "A-1", quantity: "1", value: "100000.00" }, { id: "A-2", quantity: "10", value: "50000.00" }],
 *   cards: [{ id: "A-1", quantity: "1", value: "100000.00" }],
 *   onSite: [{ id: "A-1", quantity: "1" }, { id: "A-2", quantity: "8" }],
 * });
 * r.discrepancies.map((x) => [x.check, x.type, x.assetId]); // → [["ledger-card", "missing", "A-2"], ["ledger-physical", "missing", "A-2"]]
 * ```
 * @remarks Implements ASSET-INV-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(十一)1; 《盘活用好镇村公有资产工作方案》 §二(一)).
 */
export function reconcileInventory(input: ReconcileInventoryInput, options?: AssetsOptions): ReconcileInventoryResult {
  const d = parseInput(reconcileInventoryInputSchema, input, "reconcileInventory");
  paramsOf(options, "reconcileInventory");
  const out: InventoryDiscrepancy[] = [];
  const push = (
    check: InventoryCheck,
    type: InventoryDiscrepancy["type"],
    assetId: string | undefined,
    book: string,
    found: string,
    difference: string,
    zh: string,
    en: string,
  ): void => {
    out.push(
      Object.freeze({
        check,
        type,
        ...(assetId !== undefined ? { assetId } : {}),
        book,
        found,
        difference,
        zh: `${CHECK_ZH[check]}不符：${zh}`,
        en,
        rule: "ASSET-INV-1" as const,
      }),
    );
  };
  const m = (x: unknown): Money => x as Money;
  const q = (x: unknown): Decimal => x as Decimal;

  // 账账
  const ledgerTotal = d.ledger.reduce((s, e) => s + m(e.value).fen, 0n);
  const general = m(d.generalLedger.total).fen;
  if (ledgerTotal !== general) {
    const diff = moneyFromFen(ledgerTotal - general);
    push(
      "ledger-ledger",
      "value-mismatch",
      undefined,
      String(m(d.generalLedger.total)),
      String(moneyFromFen(ledgerTotal)),
      String(diff),
      `总账余额 ${String(m(d.generalLedger.total))} 元，明细账合计 ${String(moneyFromFen(ledgerTotal))} 元，相差 ${String(diff)} 元`,
      `general ledger ${String(m(d.generalLedger.total))} 元, detailed ledger ${String(moneyFromFen(ledgerTotal))} 元: difference ${String(diff)} 元`,
    );
  }

  // 账卡
  const cards = new Map(d.cards.map((c) => [c.id, c] as const));
  const ledgerIds = new Set(d.ledger.map((e) => e.id));
  for (const e of d.ledger) {
    const c = cards.get(e.id);
    if (!c) {
      push(
        "ledger-card",
        "missing",
        e.id,
        String(m(e.value)),
        "",
        String(moneyFromFen(-m(e.value).fen)),
        `资产 ${e.id} 有账无卡`,
        `asset ${e.id} is in the ledger but has no card`,
      );
      continue;
    }
    if (!q(c.quantity).eq(q(e.quantity))) {
      push(
        "ledger-card",
        "quantity-mismatch",
        e.id,
        q(e.quantity).toFixed(),
        q(c.quantity).toFixed(),
        q(c.quantity).minus(q(e.quantity)).toFixed(),
        `资产 ${e.id} 账面数量 ${q(e.quantity).toFixed()}，卡片数量 ${q(c.quantity).toFixed()}`,
        `asset ${e.id}: ledger quantity ${q(e.quantity).toFixed()}, card ${q(c.quantity).toFixed()}`,
      );
    }
    if (m(c.value).fen !== m(e.value).fen) {
      push(
        "ledger-card",
        "value-mismatch",
        e.id,
        String(m(e.value)),
        String(m(c.value)),
        String(moneyFromFen(m(c.value).fen - m(e.value).fen)),
        `资产 ${e.id} 账面价值 ${String(m(e.value))} 元，卡片价值 ${String(m(c.value))} 元`,
        `asset ${e.id}: ledger value ${String(m(e.value))} 元, card ${String(m(c.value))} 元`,
      );
    }
  }
  for (const c of d.cards) {
    if (!ledgerIds.has(c.id))
      push(
        "ledger-card",
        "surplus",
        c.id,
        "",
        String(m(c.value)),
        String(m(c.value)),
        `资产 ${c.id} 有卡无账`,
        `asset ${c.id} has a card but is not in the ledger`,
      );
  }

  // 账实
  const site = new Map(d.onSite.map((s) => [s.id, s] as const));
  for (const e of d.ledger) {
    const s = site.get(e.id);
    const book = q(e.quantity);
    const found = s ? q(s.quantity) : book.minus(book);
    if (!found.eq(book)) {
      const short = found.lt(book);
      push(
        "ledger-physical",
        short ? "missing" : "surplus",
        e.id,
        book.toFixed(),
        found.toFixed(),
        found.minus(book).toFixed(),
        `资产 ${e.id} 账面数量 ${book.toFixed()}，实存 ${found.toFixed()}（${short ? "盘亏" : "盘盈"}）`,
        `asset ${e.id}: book quantity ${book.toFixed()}, found ${found.toFixed()} (${short ? "short" : "surplus"})`,
      );
    }
  }
  for (const s of d.onSite) {
    if (!ledgerIds.has(s.id))
      push(
        "ledger-physical",
        "surplus",
        s.id,
        "0",
        q(s.quantity).toFixed(),
        q(s.quantity).toFixed(),
        `实物 ${s.id} 未入账（盘盈）`,
        `item ${s.id} was found on site but is not in the books`,
      );
  }

  out.sort(
    (a, b) =>
      CHECK_ORDER[a.check] - CHECK_ORDER[b.check] || byKey(a.assetId ?? "", b.assetId ?? "") || byKey(a.type, b.type),
  );
  const has = (c: InventoryCheck): boolean => out.some((x) => x.check === c);
  const consistent = Object.freeze({
    ledgerLedger: !has("ledger-ledger"),
    ledgerCard: !has("ledger-card"),
    ledgerPhysical: !has("ledger-physical"),
    all: out.length === 0,
  });
  const counts = Object.freeze({
    missing: out.filter((x) => x.type === "missing").length,
    surplus: out.filter((x) => x.type === "surplus").length,
    valueMismatch: out.filter((x) => x.type === "value-mismatch").length,
    quantityMismatch: out.filter((x) => x.type === "quantity-mismatch").length,
  });
  return Object.freeze({
    year: d.year,
    countedOn: d.countedOn,
    consistent,
    discrepancies: Object.freeze(out),
    counts,
    trace: traceStep(RULES["ASSET-INV-1"], {
      inputs: {
        year: d.year,
        countedOn: d.countedOn,
        ledger: d.ledger.length,
        cards: d.cards.length,
        onSite: d.onSite.length,
      },
      output: { consistent, counts },
      note: { zh: "账账相符、账卡相符、账实相符", en: "general vs detailed ledger, ledger vs cards, ledger vs site" },
    }),
  });
}
