import * as z from "zod";
import {
  addIssue,
  idSchema,
  legalDateSchema,
  nonNegativeMoneySchema,
  positiveDecimalSchema,
  refineUniqueIds,
  sum,
  subtract,
  abs,
  type Decimal,
  type LegalDate,
  type Money,
  deepFreeze,
} from "@sannong/core";
import type { ReadonlyInput } from "../internal/types";

/** Type of a poverty-alleviation asset (扶贫资产类型). ASSET-SCOPE-2. */
export const ASSET_TYPES = /*#__PURE__*/ deepFreeze(["operating", "public-welfare", "household"] as const);
/** 经营类 / 公益类 / 到户类. */
export type AssetType = (typeof ASSET_TYPES)[number];

/** Form of an operating asset: fixed asset (基地、加工设施), equity (股权) or debt claim (债权). */
export const ASSET_FORMS = /*#__PURE__*/ deepFreeze(["fixed-asset", "equity", "debt-claim", "other"] as const);
/** 固定资产 / 股权 / 债权 / 其他. */
export type AssetForm = (typeof ASSET_FORMS)[number];

/** Usage status (使用状况). */
export const ASSET_STATUSES = /*#__PURE__*/ deepFreeze([
  "in-use",
  "idle",
  "under-construction",
  "damaged",
  "disposed",
] as const);
/** 使用状况. */
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** Kind of a funding source (资金来源). */
export const FUNDING_KINDS = /*#__PURE__*/ deepFreeze([
  "fiscal-poverty",
  "integrated-agricultural",
  "industry-support",
  "collective",
  "social",
  "other",
] as const);
/** 资金来源类别. */
export type FundingKind = (typeof FUNDING_KINDS)[number];

/** How an asset is let out: contract (承包), lease (租赁) or equity (入股). */
export const LETTING_MODES = /*#__PURE__*/ deepFreeze(["contract", "lease", "equity"] as const);
/** 承包 / 租赁 / 入股. */
export type LettingMode = (typeof LETTING_MODES)[number];

const text = z.string().trim().min(1).max(200);

/** zod schema of one funding source of an asset. */
export const fundingSourceSchema = z.strictObject({
  /** The source as the register names it, e.g. 中央财政专项扶贫资金. */
  source: text,
  kind: z.enum(FUNDING_KINDS),
  amount: nonNegativeMoneySchema,
});

/** zod schema of an inclusive date range `{ from, to }` with `to` not before `from`. */
export const termSchema = z.strictObject({ from: legalDateSchema, to: legalDateSchema }).superRefine((t, ctx) => {
  if (t.to < t.from)
    addIssue(
      ctx,
      `截止日期 ${t.to} 早于起始日期 ${t.from}`,
      `the end date ${t.to} is before the start date ${t.from}`,
      ["to"],
      "dates_out_of_order",
    );
});

/** zod schema of the letting of an asset (承包、租赁、入股): counterparty, fee and term. */
export const lettingSchema = z.strictObject({
  mode: z.enum(LETTING_MODES),
  /** 承包、租赁、入股单位（人员）名称. */
  counterparty: text,
  /** 承包费、租赁金或分红金 per year. */
  fee: nonNegativeMoneySchema,
  term: termSchema,
});

/** zod schema of the clearance of a pre-2016 asset: traced, ownership confirmed, registered (追溯、确权、登记). */
export const clearanceSchema = z.strictObject({
  traced: z.boolean(),
  ownershipConfirmed: z.boolean(),
  registered: z.boolean(),
});

/**
 * zod schema of an asset record (扶贫资产登记): name, category, acquisition
 * date, expected life, status, quantity, unit, original value, funding-source
 * composition, net value, owner, user and beneficiary, and — when it is
 * contracted, leased or invested as equity — the counterparty, fee and term.
 * Unknown keys are rejected. A record whose funding sources do not add up to
 * its original value is rejected with the difference (code
 * `funding_mismatch`); a net value above the original value is rejected.
 *
 * @example
 * ```ts
 * import { parseInput } from "@sannong/core";
 * import { assetRecordSchema } from "@sannong/assets";
 * const r = parseInput(assetRecordSchema, {
 *   id: "A-1", name: "光伏电站", category: "光伏", type: "operating", form: "fixed-asset",
 *   acquiredOn: "2018-06-30", usefulLifeYears: 20, status: "in-use", quantity: "1", unit: "座",
 *   originalValue: "100000.00",
 *   fundingSources: [{ source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "100000.00" }],
 *   netValue: "80000.00", owner: "甲村集体", user: "甲村集体", beneficiary: "甲村集体",
 * }, "demo"); // a record with Money amounts
 * String(r.netValue); // → "80000.00"
 * ```
 * @remarks Implements ASSET-REG-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(七)1).
 */
export const assetRecordSchema = z
  .strictObject({
    id: idSchema,
    name: text,
    /** 类别 as the register writes it (e.g. 光伏电站, 种植基地). */
    category: text,
    type: z.enum(ASSET_TYPES),
    form: z.enum(ASSET_FORMS).optional(),
    /** 购建时间. */
    acquiredOn: legalDateSchema,
    /** 预计使用年限, in whole years. */
    usefulLifeYears: z.number().int().positive().max(100).optional(),
    status: z.enum(ASSET_STATUSES),
    quantity: positiveDecimalSchema,
    unit: z.string().trim().min(1).max(20),
    originalValue: nonNegativeMoneySchema,
    fundingSources: z.array(fundingSourceSchema).min(1).max(50),
    netValue: nonNegativeMoneySchema,
    owner: text,
    user: text,
    beneficiary: text,
    letting: lettingSchema.optional(),
    clearance: clearanceSchema.optional(),
  })
  .superRefine((r, ctx) => {
    const funded = sum(r.fundingSources.map((s) => s.amount));
    if (funded.fen !== r.originalValue.fen) {
      const diff = String(abs(subtract(funded, r.originalValue)));
      const more = funded.fen > r.originalValue.fen;
      addIssue(
        ctx,
        `资金来源合计 ${String(funded)} 元与原始价值 ${String(r.originalValue)} 元不符，${more ? "多" : "少"} ${diff} 元`,
        `the funding sources add up to ${String(funded)} 元, not the original value ${String(r.originalValue)} 元 (${more ? "over" : "short"} by ${diff} 元)`,
        ["fundingSources"],
        "funding_mismatch",
      );
    }
    if (r.netValue.fen > r.originalValue.fen) {
      addIssue(
        ctx,
        `净值 ${String(r.netValue)} 元高于原始价值 ${String(r.originalValue)} 元`,
        `the net value ${String(r.netValue)} 元 exceeds the original value ${String(r.originalValue)} 元`,
        ["netValue"],
        "out_of_range",
      );
    }
  });

/** An asset record as the caller writes it (amounts as decimal strings or Money). */
export type AssetRecordInput = ReadonlyInput<z.input<typeof assetRecordSchema>>;

/** A validated asset record (amounts as Money). */
export interface AssetRecord {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly type: AssetType;
  readonly form?: AssetForm;
  readonly acquiredOn: LegalDate;
  readonly usefulLifeYears?: number;
  readonly status: AssetStatus;
  readonly quantity: Decimal;
  readonly unit: string;
  readonly originalValue: Money;
  readonly fundingSources: readonly { readonly source: string; readonly kind: FundingKind; readonly amount: Money }[];
  readonly netValue: Money;
  readonly owner: string;
  readonly user: string;
  readonly beneficiary: string;
  readonly letting?: {
    readonly mode: LettingMode;
    readonly counterparty: string;
    readonly fee: Money;
    readonly term: { readonly from: LegalDate; readonly to: LegalDate };
  };
  readonly clearance?: { readonly traced: boolean; readonly ownershipConfirmed: boolean; readonly registered: boolean };
}

/**
 * zod schema of a register (登记台账): a list of asset records with distinct ids.
 * @remarks Implements ASSET-REG-2 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(七)).
 */
export const assetRegisterSchema = z
  .array(assetRecordSchema)
  .max(1_000_000)
  .superRefine((rs, ctx) => refineUniqueIds(ctx, rs));
