import * as z from "zod";
import { allocate, add, parseInput, traceStep, ZERO, type Money, type TraceNode } from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { byKey } from "../internal/labels";
import { assetRegisterSchema, type AssetRecord, type FundingKind } from "./record";
import type { ReadonlyInput } from "../internal/types";

/** zod schema of {@link summarizeRegister}'s input: `{ records }`. */
export const summarizeRegisterInputSchema = z.strictObject({ records: assetRegisterSchema });

/** Input of {@link summarizeRegister}. */
export type SummarizeRegisterInput = ReadonlyInput<z.input<typeof summarizeRegisterInputSchema>>;

/** One line of a register summary: a group, how many assets, their original and net value. */
export interface RegisterSummaryRow {
  readonly key: string;
  readonly count: number;
  readonly originalValue: Money;
  readonly netValue: Money;
}

/** One line of the summary by funding source: the amount it put in and its part of the net value. */
export interface SourceSummaryRow {
  readonly source: string;
  readonly kind: FundingKind;
  /** Assets this source funded. */
  readonly count: number;
  /** What the source put in (its part of the original values). */
  readonly amount: Money;
  /** Its part of the net values, each asset's net value split over its sources in proportion to their amounts. */
  readonly netValue: Money;
}

/** Result of {@link summarizeRegister}. */
export interface SummarizeRegisterResult {
  readonly total: { readonly count: number; readonly originalValue: Money; readonly netValue: Money };
  readonly byCategory: readonly RegisterSummaryRow[];
  readonly byOwner: readonly RegisterSummaryRow[];
  readonly byStatus: readonly RegisterSummaryRow[];
  readonly bySource: readonly SourceSummaryRow[];
  readonly trace: TraceNode;
}

function groupBy(records: readonly AssetRecord[], key: (r: AssetRecord) => string): RegisterSummaryRow[] {
  const m = new Map<string, { count: number; originalValue: Money; netValue: Money }>();
  for (const r of records) {
    const k = key(r);
    const g = m.get(k) ?? { count: 0, originalValue: ZERO, netValue: ZERO };
    m.set(k, {
      count: g.count + 1,
      originalValue: add(g.originalValue, r.originalValue),
      netValue: add(g.netValue, r.netValue),
    });
  }
  return [...m.entries()].sort(([a], [b]) => byKey(a, b)).map(([k, g]) => Object.freeze({ key: k, ...g }));
}

/**
 * Summarises a register (登记台账汇总) by category, owner, usage status and
 * funding source. Each asset's net value is split over its funding sources
 * in proportion to what each put in (core `allocate`, exact to the fen), so
 * the by-source column adds up to the total net value. Groups are in code-unit
 * order of their key, so the summary does not depend on the order of the
 * records.
 *
 * @param input - `{ records }`: asset records with distinct ids (ASSET-REG-1)
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns totals, groups and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a malformed record, a
 *   duplicate id, funding sources that do not add up to the original value
 * @example
 * ```ts
 * import { summarizeRegister } from "@sannong/assets";
 * import type { AssetRecordInput } from "@sannong/assets";
 * const record: AssetRecordInput = {
 *   id: "A-1", name: "村级光伏电站", category: "光伏电站", type: "operating", form: "fixed-asset",
 *   acquiredOn: "2018-06-30", usefulLifeYears: 20, status: "in-use", quantity: "1", unit: "座",
 *   originalValue: "100000.00", netValue: "80000.00",
 *   fundingSources: [{ source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "100000.00" }],
 *   owner: "甲村集体", user: "甲村集体", beneficiary: "甲村集体",
 * };
 * const greenhouse: AssetRecordInput = {
 *   ...record, id: "A-2", name: "蔬菜大棚", owner: "乙村集体", originalValue: "50000.00", netValue: "45000.00",
 *   fundingSources: [{ source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "50000.00" }],
 * };
 * const s = summarizeRegister({ records: [record, greenhouse] });
 * // groups in code-unit order of the key, whatever the order of the records
 * s.byOwner.map((r) => [r.key, String(r.netValue)]); // → [["乙村集体", "45000.00"], ["甲村集体", "80000.00"]]
 * ```
 * @remarks Implements ASSET-REG-2 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(七)).
 */
export function summarizeRegister(input: SummarizeRegisterInput, options?: AssetsOptions): SummarizeRegisterResult {
  const data = parseInput(summarizeRegisterInputSchema, input, "summarizeRegister");
  paramsOf(options, "summarizeRegister");
  const records = data.records as unknown as readonly AssetRecord[];
  const sources = new Map<
    string,
    { source: string; kind: FundingKind; count: number; amount: Money; netValue: Money }
  >();
  let original = ZERO;
  let net = ZERO;
  for (const r of records) {
    original = add(original, r.originalValue);
    net = add(net, r.netValue);
    const parts = allocate(
      r.netValue,
      r.fundingSources.map((s) => s.amount.fen.toString()),
    );
    const seen = new Set<string>();
    r.fundingSources.forEach((s, i) => {
      const k = `${s.source}\u0000${s.kind}`;
      const g = sources.get(k) ?? { source: s.source, kind: s.kind, count: 0, amount: ZERO, netValue: ZERO };
      sources.set(k, {
        ...g,
        count: g.count + (seen.has(k) ? 0 : 1),
        amount: add(g.amount, s.amount),
        netValue: add(g.netValue, parts[i]!),
      });
      seen.add(k);
    });
  }
  const bySource = [...sources.entries()].sort(([a], [b]) => byKey(a, b)).map(([, g]) => Object.freeze(g));
  const total = Object.freeze({ count: records.length, originalValue: original, netValue: net });
  const byCategory = groupBy(records, (r) => r.category);
  const byOwner = groupBy(records, (r) => r.owner);
  const byStatus = groupBy(records, (r) => r.status);
  return Object.freeze({
    total,
    byCategory,
    byOwner,
    byStatus,
    bySource,
    trace: traceStep(RULES["ASSET-REG-2"], {
      inputs: { records: records.length },
      output: {
        total,
        groups: {
          category: byCategory.length,
          owner: byOwner.length,
          status: byStatus.length,
          source: bySource.length,
        },
      },
      note: {
        zh: "各资产净值按资金来源金额比例拆分（精确到分）",
        en: "each net value is split over its funding sources in proportion to their amounts (exact to the fen)",
      },
    }),
  });
}
