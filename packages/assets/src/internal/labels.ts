import { deepFreeze } from "@sannong/core";
import type { AssetStatus, AssetType, FundingKind, LettingMode, AssetForm } from "../register/record";

/** zh / en labels of the enumerations of a record. @internal */
export const TYPE_LABEL: Record<AssetType, { zh: string; en: string }> = /*#__PURE__*/ deepFreeze({
  operating: { zh: "经营类", en: "operating" },
  "public-welfare": { zh: "公益类", en: "public welfare" },
  household: { zh: "到户类", en: "household" },
});
export const FORM_LABEL: Record<AssetForm, { zh: string; en: string }> = /*#__PURE__*/ deepFreeze({
  "fixed-asset": { zh: "固定资产", en: "fixed asset" },
  equity: { zh: "股权", en: "equity" },
  "debt-claim": { zh: "债权", en: "debt claim" },
  other: { zh: "其他", en: "other" },
});
export const STATUS_LABEL: Record<AssetStatus, { zh: string; en: string }> = /*#__PURE__*/ deepFreeze({
  "in-use": { zh: "在用", en: "in use" },
  idle: { zh: "闲置", en: "idle" },
  "under-construction": { zh: "在建", en: "under construction" },
  damaged: { zh: "损坏", en: "damaged" },
  disposed: { zh: "已处置", en: "disposed" },
});
export const FUNDING_LABEL: Record<FundingKind, { zh: string; en: string }> = /*#__PURE__*/ deepFreeze({
  "fiscal-poverty": { zh: "财政专项扶贫资金", en: "fiscal special poverty funds" },
  "integrated-agricultural": { zh: "涉农统筹整合资金", en: "integrated agricultural funds" },
  "industry-support": { zh: "行业帮扶资金", en: "industry support funds" },
  collective: { zh: "村集体自筹", en: "collective's own funds" },
  social: { zh: "社会帮扶资金", en: "social assistance funds" },
  other: { zh: "其他", en: "other" },
});
export const LETTING_LABEL: Record<LettingMode, { zh: string; en: string }> = /*#__PURE__*/ deepFreeze({
  contract: { zh: "承包", en: "contract" },
  lease: { zh: "租赁", en: "lease" },
  equity: { zh: "入股", en: "equity" },
});

/** Deterministic string order (UTF-16 code units), independent of locale. @internal */
export function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
