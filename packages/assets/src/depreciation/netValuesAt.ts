import * as z from "zod";
import {
  legalDateSchema,
  moneyFromFen,
  parseInput,
  traceStep,
  ValidationError,
  type LegalDate,
  type Money,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import type { ReadonlyInput } from "../internal/types";
import { accumulatedAfter, type Normalised } from "./engine";
import {
  monthlyDefaultAt,
  salvageDefaultAt,
  startRuleDefaultAt,
  depreciationInputSchema,
  normalise,
  quickDate,
  quickInto,
  scratch,
  unitsOutsideLife,
} from "./input";
import { monthsEndedAt } from "./netValueAt";
import { isMonthEnd, monthIndex } from "../internal/months";

function dedupe(uses: ReadonlySet<ParameterUse>): ParameterUse[] {
  const m = new Map<string, ParameterUse>();
  for (const u of uses) if (!m.has(`${u.id}@${u.from}`)) m.set(`${u.id}@${u.from}`, u);
  return [...m.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : x.from < y.from ? -1 : 1));
}

/** zod schema of {@link netValuesAt}'s input: `{ assets, date }`. */
export const netValuesAtInputSchema = z.strictObject({
  assets: z.array(depreciationInputSchema).max(10_000_000),
  date: legalDateSchema,
});

/** Input of {@link netValuesAt}. */
export type NetValuesAtInput = ReadonlyInput<z.input<typeof netValuesAtInputSchema>>;

/** Result of {@link netValuesAt}. */
export interface NetValuesAtResult {
  readonly date: LegalDate;
  /** Net value of each asset on `date`, in input order. */
  readonly netValues: readonly Money[];
  /** Sum of the net values. */
  readonly total: Money;
  /** Sum of the accumulated depreciation. */
  readonly accumulated: Money;
  readonly trace: TraceNode;
}

/**
 * Net values (净值) of a whole register on one date — the bulk form of
 * {@link netValueAt}, for a county's or a province's assets: each asset is
 * validated (a fast path for the common shape, the zod schema otherwise) and
 * valued in closed form; one trace for the whole call. Gives, asset by asset,
 * exactly what {@link netValueAt} gives.
 *
 * @param input - `{ assets, date }`
 * @param options - `{ parameters? }`: salvage rate, start rule and straight-line monthly defaults
 * @returns net values in input order, their total, and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a malformed asset (path
 *   `["assets", i, …]`) or date; {@link PolicyError} `DATE_BEFORE_START` when
 *   the date is before an asset's start (path `["assets", i, "start"]`)
 * @example
 * ```ts
 * import { netValuesAt } from "@sannong/assets";
 * const r = netValuesAt({ date: "2020-12-31", assets: [
 *   { cost: "120000.00", salvageRate: "0.05", lifeMonths: 120, start: "2020-01-15" },
 *   { cost: "1000.00", salvageRate: "0", lifeMonths: 10, start: "2020-01-01", startRule: "same-month" },
 * ] });
 * r.netValues.map(String); // → ["109550.00", "0.00"]
 * String(r.total); // → "109550.00"
 * ```
 * @remarks Implements ASSET-DEP-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(十一)1), ASSET-DEP-2.
 */
export function netValuesAt(input: NetValuesAtInput, options?: AssetsOptions): NetValuesAtResult {
  const set = paramsOf(options, "netValuesAt");
  const o = input as unknown as { assets?: unknown; date?: unknown };
  const shapeOk =
    typeof input === "object" &&
    input !== null &&
    Array.isArray(o.assets) &&
    quickDate(o.date) &&
    Object.keys(input).length === 2;
  if (!shapeOk) parseInput(netValuesAtInputSchema, input, "netValuesAt");
  const assets = o.assets as readonly unknown[];
  const date = o.date as string;
  const n = assets.length;
  if (n > 10_000_000) parseInput(netValuesAtInputSchema, input, "netValuesAt");
  const netValues: Money[] = new Array<Money>(n);
  // running sums in 分: a number part flushed into a bigint before it can lose precision
  let total = 0;
  let accTotal = 0;
  let totalBig = 0n;
  let accBig = 0n;
  const seen = new Set<ParameterUse>();
  let lastUse: ParameterUse | undefined;
  const use = (u: ParameterUse): void => {
    if (u !== lastUse) {
      seen.add(u);
      lastUse = u;
    }
  };
  const endedIndex = monthIndex(date) + (isMonthEnd(date) ? 1 : 0);
  const q = scratch();
  for (let i = 0; i < n; i++) {
    const el = assets[i];
    let a: Normalised;
    let start: string;
    if (quickInto(el, set, q)) {
      a = q.a;
      start = q.start;
      if (q.usedSalvageDefault) use(salvageDefaultAt(set, start));
      if (q.usedStartRuleDefault) use(startRuleDefaultAt(set, start));
      if (q.usedMonthlyDefault) use(monthlyDefaultAt(set, start));
    } else {
      const r = depreciationInputSchema.safeParse(el);
      if (!r.success) parseInput(netValuesAtInputSchema, input, "netValuesAt");
      const d = r.data!;
      const nm = normalise(d, set);
      const outside = unitsOutsideLife(d, nm.a);
      if (outside.length) {
        const j = outside[0]!;
        throw new ValidationError(
          [
            {
              code: "out_of_range",
              path: ["assets", i, "output", "byMonth", j, "month"],
              zh: "工作量月份不在折旧期间内",
              en: "an output month is outside the depreciation months",
            },
          ],
          "netValuesAt",
        );
      }
      a = nm.a;
      start = d.start;
      if (nm.defaults.salvage) use(nm.defaults.salvage);
      if (nm.defaults.startRule) use(nm.defaults.startRule);
      if (nm.defaults.monthly) use(nm.defaults.monthly);
    }
    if (date < start) fail("DATE_BEFORE_START", { date, start }, ["assets", i, "start"]);
    const acc = accumulatedAfter(a, monthsEndedAt(a, endedIndex));
    const nv = a.costFen - acc;
    netValues[i] = moneyFromFen(nv);
    total += nv;
    accTotal += acc;
    if (total > 2 ** 52) {
      totalBig += BigInt(total);
      total = 0;
    }
    if (accTotal > 2 ** 52) {
      accBig += BigInt(accTotal);
      accTotal = 0;
    }
  }
  const totalMoney = moneyFromFen(totalBig + BigInt(total));
  const accMoney = moneyFromFen(accBig + BigInt(accTotal));
  return Object.freeze({
    date,
    netValues: Object.freeze(netValues),
    total: totalMoney,
    accumulated: accMoney,
    trace: traceStep(RULES["ASSET-DEP-1"], {
      inputs: { assets: n, date },
      output: { total: totalMoney, accumulated: accMoney },
      note: {
        zh: "逐项按闭式公式计算截至该日已结束折旧月份的累计折旧与净值",
        en: "each asset valued in closed form over the depreciation months ended by the date",
      },
      children: [
        traceStep(RULES["ASSET-DEP-2"], {
          parameters: dedupe(seen),
          note: {
            zh: "各项资产的折旧方法、起始月、残值率与年限平均法月折旧额按其输入或默认参数（一般会计惯例与 sannong 默认值，非文件原文）",
            en: "each asset's method, start month, salvage rate and straight-line monthly booking from its input or the default parameters (general accounting practice and sannong defaults, not the documents' words)",
          },
        }),
      ],
    }),
  });
}
