import { parseInput, traceStep, type Label, type TraceNode } from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { FORM_LABEL, TYPE_LABEL } from "../internal/labels";
import {
  assetRecordSchema,
  type AssetForm,
  type AssetRecord,
  type AssetRecordInput,
  type AssetType,
} from "../register/record";

/**
 * First day of the period whose fiscal special poverty funds form in-scope
 * assets: the seed's “2016年以来”, read as from 2016-01-01 inclusive, by the
 * acquisition date (购建时间). The seed fixes the year, so this is a cited
 * constant, not a parameter.
 * @remarks Implements ASSET-SCOPE-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(五)1).
 */
export const IN_SCOPE_FROM = "2016-01-01";

/** zod schema of {@link classifyAssetScope}'s input: an asset record (ASSET-REG-1). */
export const classifyAssetScopeInputSchema = assetRecordSchema;

/** Input of {@link classifyAssetScope}. */
export type ClassifyAssetScopeInput = AssetRecordInput;

/** Whether an asset is managed as a poverty-alleviation asset. */
export type ScopeStatus = "in-scope" | "pending-trace" | "excluded";

/** Result of {@link classifyAssetScope}. */
export interface ClassifyAssetScopeResult {
  readonly status: ScopeStatus;
  /** 经营类 / 公益类 / 到户类 (ASSET-SCOPE-2). */
  readonly type: AssetType;
  /** For an operating asset: fixed asset, equity or debt claim, when the record says. */
  readonly form?: AssetForm;
  readonly reason: Label;
  /** The rule that decided the status. */
  readonly rule: "ASSET-SCOPE-1";
  readonly trace: TraceNode;
}

/**
 * Classifies an asset record into the scope of poverty-alleviation asset
 * management (界定范围类型):
 * household assets (到户类) are excluded; assets with no fiscal special poverty
 * funds are excluded here (they are supervised by the unit that funded them,
 * 清河门区实施方案 §三(十三)); assets formed with such funds since 2016-01-01 are in
 * scope; earlier ones are in scope only once traced, confirmed and registered
 * (`clearance` all true), and until then `pending-trace`.
 *
 * @param input - an asset record
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns status, type (and form), reason and rule ID, with a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a malformed record
 * @example
 * ```ts
 * import { classifyAssetScope } from "@sannong/assets";
 * import type { AssetRecordInput } from "@sannong/assets";
 * const record: AssetRecordInput = {
 *   id: "A-1", name: "村级光伏电站", category: "光伏电站", type: "operating", form: "fixed-asset",
 *   acquiredOn: "2018-06-30", usefulLifeYears: 20, status: "in-use", quantity: "1", unit: "座",
 *   originalValue: "100000.00", netValue: "80000.00",
 *   fundingSources: [{ source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "100000.00" }],
 *   owner: "甲村集体", user: "甲村集体", beneficiary: "甲村集体",
 * };
 * classifyAssetScope(record).status; // → "in-scope"
 * classifyAssetScope({ ...record, acquiredOn: "2015-05-01" }).status; // → "pending-trace"
 * classifyAssetScope({ ...record, type: "household" }).status; // → "excluded"
 * ```
 * @remarks Implements ASSET-SCOPE-1, ASSET-SCOPE-2 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(五)).
 */
export function classifyAssetScope(input: ClassifyAssetScopeInput, options?: AssetsOptions): ClassifyAssetScopeResult {
  const r = parseInput(classifyAssetScopeInputSchema, input, "classifyAssetScope") as unknown as AssetRecord;
  paramsOf(options, "classifyAssetScope");
  const fiscal = r.fundingSources.some((s) => s.kind === "fiscal-poverty" && s.amount.fen > 0n);
  const cleared = r.clearance?.traced && r.clearance.ownershipConfirmed && r.clearance.registered;
  let status: ScopeStatus;
  let reason: Label;
  if (r.type === "household") {
    status = "excluded";
    reason = {
      zh: "到户类扶贫资产不纳入扶贫资产管理范围",
      en: "household assets (到户类) are outside the scope of asset management",
    };
  } else if (!fiscal) {
    status = "excluded";
    reason = {
      zh: "未使用财政专项扶贫资金，不属于本方案管理范围，由资金投入单位按行业要求纳入监管（清河门区实施方案 §三(十三)）",
      en: "formed without fiscal special poverty funds: outside this scheme; the funding unit supervises it under its sector's rules (清河门区实施方案 §三(十三))",
    };
  } else if (r.acquiredOn >= IN_SCOPE_FROM) {
    status = "in-scope";
    reason = {
      zh: `${IN_SCOPE_FROM} 以来使用财政专项扶贫资金形成，纳入管理范围`,
      en: `formed with fiscal special poverty funds on or after ${IN_SCOPE_FROM}: in scope`,
    };
  } else if (cleared) {
    status = "in-scope";
    reason = {
      zh: "2016年以前形成，已完成追溯、确权和登记，纳入监管",
      en: "formed before 2016 and already traced, confirmed and registered: in scope",
    };
  } else {
    status = "pending-trace";
    const missing =
      r.clearance === undefined
        ? ["traced", "ownershipConfirmed", "registered"]
        : (["traced", "ownershipConfirmed", "registered"] as const).filter((k) => !r.clearance![k]);
    reason = {
      zh: `2016年以前形成，须经追溯、确权和登记后纳入监管（尚缺：${missing.map((k) => ({ traced: "追溯", ownershipConfirmed: "确权", registered: "登记" })[k as "traced"]).join("、")}）`,
      en: `formed before 2016: in scope only after tracing, confirming ownership and registering (missing: ${missing.join(", ")})`,
    };
  }
  const typeNode = traceStep(RULES["ASSET-SCOPE-2"], {
    inputs: { type: r.type, ...(r.form ? { form: r.form } : {}) },
    output: TYPE_LABEL[r.type].zh + (r.form ? `（${FORM_LABEL[r.form].zh}）` : ""),
  });
  return Object.freeze({
    status,
    type: r.type,
    ...(r.form !== undefined ? { form: r.form } : {}),
    reason: Object.freeze(reason),
    rule: "ASSET-SCOPE-1" as const,
    trace: traceStep(RULES["ASSET-SCOPE-1"], {
      inputs: { id: r.id, acquiredOn: r.acquiredOn, inScopeFrom: IN_SCOPE_FROM, fiscalPovertyFunds: fiscal, cleared },
      output: status,
      note: reason,
      children: [typeNode],
    }),
  });
}
