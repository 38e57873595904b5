import * as z from "zod";
import {
  addIssue,
  allocate,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  paramAt,
  parseInput,
  traceStep,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { RULES } from "../rules";
import { PARAM, type NegativeListEntry } from "../parameters";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { finding, type AssetFinding } from "../internal/findings";
import type { ReadonlyInput } from "../internal/types";

const text = z.string().trim().min(1).max(500);

/** zod schema of {@link splitMaintenanceCost}'s input. */
export const splitMaintenanceCostInputSchema = z
  .strictObject({
    /** Date of the accounts; the negative list in force on it applies. */
    asOf: legalDateSchema,
    /** What township finance has arranged for maintenance (镇级财政统筹安排). */
    townshipBudget: nonNegativeMoneySchema,
    /** The asset's operating income available (经营收入). */
    operatingIncome: nonNegativeMoneySchema,
    /** The actual maintenance costs, each with its use code (checked against the negative list). */
    items: z
      .array(z.strictObject({ id: idSchema, description: text, use: idSchema, amount: nonNegativeMoneySchema }))
      .min(1)
      .max(100_000),
    /** Any mortgage or guarantee on the asset found in the books (抵押、担保). */
    encumbrances: z
      .array(z.strictObject({ id: idSchema, kind: z.enum(["mortgage", "guarantee"]), description: text }))
      .max(1000)
      .optional(),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.items.forEach((i, k) => {
      if (seen.has(i.id))
        addIssue(ctx, `费用项目标识 “${i.id}” 重复`, `duplicate item id "${i.id}"`, ["items", k, "id"], "duplicate_id");
      seen.add(i.id);
    });
  });

/** Input of {@link splitMaintenanceCost}. */
export type SplitMaintenanceCostInput = ReadonlyInput<z.input<typeof splitMaintenanceCostInputSchema>>;

/** Who pays one cost item. */
export interface MaintenanceItemSplit {
  readonly id: string;
  readonly amount: Money;
  readonly township: Money;
  readonly fromIncome: Money;
  /** Neither township finance nor (permitted) income covers it. */
  readonly unfunded: Money;
  /** On the negative list: may not be paid from operating income. */
  readonly onNegativeList: boolean;
  readonly rule: string;
}

/** Result of {@link splitMaintenanceCost}. */
export interface SplitMaintenanceCostResult {
  readonly total: Money;
  readonly township: Money;
  /** Paid from operating income at actual cost: the `maintenanceFromIncome` of `distributeRevenue`. */
  readonly fromIncome: Money;
  readonly unfunded: Money;
  /** Operating income left after maintenance. */
  readonly incomeLeft: Money;
  readonly items: readonly MaintenanceItemSplit[];
  /** Collateral or guarantee use of the asset (ASSET-CARE-3) and negative-list items (ASSET-CARE-2). */
  readonly violations: readonly AssetFinding[];
  readonly trace: TraceNode;
}

/**
 * Splits the maintenance cost of an asset (管护费用): township finance pays
 * first (镇级财政统筹安排), and the shortfall may be paid from the asset's
 * operating income at actual cost (据实列支) — except items on the negative
 * list (负面清单), which township finance covers first and income never pays.
 * Township money goes to negative-list items first, then to the others in
 * proportion to their amounts; income covers the rest of the others in
 * proportion to what is left of each, up to the income available — every
 * split one core `allocate`, so each item's parts add up to it exactly. A
 * mortgage or guarantee on the asset is reported as a violation (ASSET-CARE-3).
 *
 * @param input - asOf, townshipBudget, operatingIncome, items, encumbrances?
 * @param options - `{ parameters? }`: the negative list (`assets.maintenance.negativeList`)
 * @returns who pays what, in total and per item, violations, and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for negative amounts, duplicate item ids, unknown keys
 * @example
 * ```ts
 * import { splitMaintenanceCost } from "@sannong/assets";
 * const r = splitMaintenanceCost({
 *   asOf: "2021-12-31", townshipBudget: "3000.00", operatingIncome: "10000.00",
 *   items: [{ id: "m1", description: "光伏板清洗", use: "repairs", amount: "5000.00" }],
 * });
 * [String(r.township), String(r.fromIncome), String(r.incomeLeft)]; // → ["3000.00", "2000.00", "8000.00"]
 * ```
 * @remarks Implements ASSET-CARE-2, ASSET-CARE-3 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(九)1, 3; §三(十一)2).
 */
export function splitMaintenanceCost(
  input: SplitMaintenanceCostInput,
  options?: AssetsOptions,
): SplitMaintenanceCostResult {
  const d = parseInput(splitMaintenanceCostInputSchema, input, "splitMaintenanceCost");
  const set = paramsOf(options, "splitMaintenanceCost");
  const neg = paramAt<readonly NegativeListEntry[]>(set, PARAM.negativeList, d.asOf);
  const negCodes = new Map(neg.value.map((e) => [e.code, e] as const));
  const items = d.items.map((i) => ({ ...i, amount: i.amount as Money, negative: negCodes.has(i.use) }));
  const fen = (xs: readonly { amount: Money }[]): bigint => xs.reduce((s, x) => s + x.amount.fen, 0n);
  const negItems = items.filter((i) => i.negative);
  const okItems = items.filter((i) => !i.negative);
  const budget = (d.townshipBudget as Money).fen;
  const income = (d.operatingIncome as Money).fen;
  const negTotal = fen(negItems);
  const okTotal = fen(okItems);
  const tNeg = negTotal < budget ? negTotal : budget;
  const tOkAvail = budget - tNeg;
  const tOk = okTotal < tOkAvail ? okTotal : tOkAvail;
  const shortfall = okTotal - tOk;
  const fromIncome = shortfall < income ? shortfall : income;

  // splits `total` over items in proportion to `caps` (what each still needs), never above them
  const spread = (total: bigint, caps: readonly bigint[]): bigint[] => {
    if (caps.length === 0) return [];
    const weights = caps.map((c) => c.toString());
    if (caps.every((c) => c === 0n)) return caps.map(() => 0n);
    return allocate(moneyFromFen(total), weights, { caps: caps.map((c) => moneyFromFen(c)) }).map((m) => m.fen);
  };
  const townshipNeg = spread(
    tNeg,
    negItems.map((i) => i.amount.fen),
  );
  const townshipOk = spread(
    tOk,
    okItems.map((i) => i.amount.fen),
  );
  const incomeOk = spread(
    fromIncome,
    okItems.map((i, k) => i.amount.fen - townshipOk[k]!),
  );
  const byId = new Map<string, { township: bigint; income: bigint }>();
  negItems.forEach((i, k) => byId.set(i.id, { township: townshipNeg[k]!, income: 0n }));
  okItems.forEach((i, k) => byId.set(i.id, { township: townshipOk[k]!, income: incomeOk[k]! }));
  const lines: MaintenanceItemSplit[] = items.map((i) => {
    const p = byId.get(i.id)!;
    return Object.freeze({
      id: i.id,
      amount: i.amount,
      township: moneyFromFen(p.township),
      fromIncome: moneyFromFen(p.income),
      unfunded: moneyFromFen(i.amount.fen - p.township - p.income),
      onNegativeList: i.negative,
      rule: "ASSET-CARE-2",
    });
  });
  const violations: AssetFinding[] = [];
  d.items.forEach((i, k) => {
    const e = negCodes.get(i.use);
    if (e && lines[k]!.unfunded.fen > 0n) {
      violations.push(
        finding(
          "NEGATIVE_LIST_UNFUNDED",
          "ASSET-CARE-2",
          `${i.description}属于负面清单（${e.zh}），不得从经营收入列支，镇级财政未能覆盖 ${String(lines[k]!.unfunded)} 元`,
          `${i.description} is on the negative list (${e.en}): it may not be paid from operating income, and township finance leaves ${String(lines[k]!.unfunded)} 元 of it unpaid`,
          ["items", k, "use"],
        ),
      );
    }
  });
  (d.encumbrances ?? []).forEach((e, k) => {
    const what = e.kind === "mortgage" ? { zh: "抵押", en: "mortgage" } : { zh: "担保", en: "guarantee" };
    violations.push(
      finding(
        "COLLATERAL_FORBIDDEN",
        "ASSET-CARE-3",
        `严禁以扶贫资产${what.zh}融资或为债务作抵押担保：${e.description}`,
        `using the asset as a ${what.en} is forbidden: ${e.description}`,
        ["encumbrances", k],
      ),
    );
  });
  const total = moneyFromFen(negTotal + okTotal);
  const township = moneyFromFen(tNeg + tOk);
  const fromIncomeM = moneyFromFen(fromIncome);
  const unfunded = moneyFromFen(negTotal + okTotal - tNeg - tOk - fromIncome);
  const incomeLeft = moneyFromFen(income - fromIncome);
  return Object.freeze({
    total,
    township,
    fromIncome: fromIncomeM,
    unfunded,
    incomeLeft,
    items: Object.freeze(lines),
    violations: Object.freeze(violations),
    trace: traceStep(RULES["ASSET-CARE-2"], {
      inputs: { townshipBudget: d.townshipBudget, operatingIncome: d.operatingIncome, items: items.length },
      parameters: [neg],
      output: { total, township, fromIncome: fromIncomeM, unfunded, incomeLeft },
      note: {
        zh: "镇级财政先行统筹（优先负面清单项目），不足部分从经营收入据实列支（负面清单项目除外）",
        en: "township finance first (negative-list items first); the shortfall from operating income at actual cost (never negative-list items)",
      },
      children: (d.encumbrances ?? []).length
        ? [
            traceStep(RULES["ASSET-CARE-3"], {
              inputs: { encumbrances: (d.encumbrances ?? []).length },
              output: "violation",
            }),
          ]
        : [],
    }),
  });
}
