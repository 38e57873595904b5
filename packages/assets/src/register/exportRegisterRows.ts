import * as z from "zod";
import { parseInput, deepFreeze } from "@sannong/core";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { FORM_LABEL, FUNDING_LABEL, LETTING_LABEL, STATUS_LABEL, TYPE_LABEL } from "../internal/labels";
import { assetRegisterSchema, type AssetRecord } from "./record";
import type { ReadonlyInput } from "../internal/types";

/** zod schema of {@link exportRegisterRows}'s input: `{ records, lang? }` (`lang` default `zh`). */
export const exportRegisterRowsInputSchema = z.strictObject({
  records: assetRegisterSchema,
  lang: z.enum(["zh", "en"]).optional(),
});

/** Input of {@link exportRegisterRows}. */
export type ExportRegisterRowsInput = ReadonlyInput<z.input<typeof exportRegisterRowsInputSchema>>;

/** A spreadsheet-ready table: headers and rows of strings. */
export interface RegisterTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The columns of the register export, with zh and en headers. */
export const REGISTER_COLUMNS = /*#__PURE__*/ deepFreeze([
  { key: "id", zh: "资产编号", en: "Asset id" },
  { key: "name", zh: "资产名称", en: "Name" },
  { key: "category", zh: "类别", en: "Category" },
  { key: "type", zh: "资产类型", en: "Type" },
  { key: "acquiredOn", zh: "购建时间", en: "Acquired on" },
  { key: "usefulLifeYears", zh: "预计使用年限", en: "Useful life (years)" },
  { key: "status", zh: "使用状况", en: "Status" },
  { key: "quantity", zh: "数量", en: "Quantity" },
  { key: "unit", zh: "单位", en: "Unit" },
  { key: "originalValue", zh: "原始价值（元）", en: "Original value (CNY)" },
  { key: "fundingSources", zh: "资金来源构成", en: "Funding sources" },
  { key: "netValue", zh: "净值（元）", en: "Net value (CNY)" },
  { key: "owner", zh: "所有权人", en: "Owner" },
  { key: "user", zh: "使用权人", en: "User" },
  { key: "beneficiary", zh: "收益权人", en: "Beneficiary" },
  { key: "lettingMode", zh: "经营方式（承包、租赁、入股）", en: "Letting mode" },
  { key: "counterparty", zh: "承包、租赁、入股单位（人员）名称", en: "Counterparty" },
  { key: "fee", zh: "承包费、租赁金、分红金（元）", en: "Fee, rent or dividend (CNY)" },
  { key: "termFrom", zh: "期限起", en: "Term from" },
  { key: "termTo", zh: "期限止", en: "Term to" },
] as const);

function row(r: AssetRecord, lang: "zh" | "en"): string[] {
  const sep = lang === "zh" ? "；" : "; ";
  const type = TYPE_LABEL[r.type][lang] + (r.form ? `（${FORM_LABEL[r.form][lang]}）` : "");
  return [
    r.id,
    r.name,
    r.category,
    type,
    r.acquiredOn,
    r.usefulLifeYears === undefined ? "" : String(r.usefulLifeYears),
    STATUS_LABEL[r.status][lang],
    r.quantity.toFixed(),
    r.unit,
    String(r.originalValue),
    r.fundingSources.map((s) => `${s.source}（${FUNDING_LABEL[s.kind][lang]}）${String(s.amount)}`).join(sep),
    String(r.netValue),
    r.owner,
    r.user,
    r.beneficiary,
    r.letting ? LETTING_LABEL[r.letting.mode][lang] : "",
    r.letting?.counterparty ?? "",
    r.letting ? String(r.letting.fee) : "",
    r.letting?.term.from ?? "",
    r.letting?.term.to ?? "",
  ];
}

/**
 * Exports a register to spreadsheet rows (登记台账导出) with Chinese column
 * headers (English with `lang: "en"`): one row per record, in register order,
 * amounts as decimal strings, funding sources as `source（kind）amount` joined
 * by `；`.
 *
 * @param input - `{ records, lang? }`
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns `{ headers, rows }`
 * @throws {@link ValidationError} `INVALID_INPUT` for a malformed record or a duplicate id
 * @example
 * ```ts
 * import { exportRegisterRows } from "@sannong/assets";
 * import type { AssetRecordInput } from "@sannong/assets";
 * const record: AssetRecordInput = {
 *   id: "A-1", name: "村级光伏电站", category: "光伏电站", type: "operating", form: "fixed-asset",
 *   acquiredOn: "2018-06-30", usefulLifeYears: 20, status: "in-use", quantity: "1", unit: "座",
 *   originalValue: "100000.00", netValue: "80000.00",
 *   fundingSources: [{ source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "100000.00" }],
 *   owner: "甲村集体", user: "甲村集体", beneficiary: "甲村集体",
 * };
 * const t = exportRegisterRows({ records: [record] });
 * t.headers.slice(0, 3); // → ["资产编号", "资产名称", "类别"]
 * t.rows[0]?.[9]; // → "100000.00"
 * ```
 * @remarks Implements ASSET-REG-2 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(七)1).
 */
export function exportRegisterRows(input: ExportRegisterRowsInput, options?: AssetsOptions): RegisterTable {
  const data = parseInput(exportRegisterRowsInputSchema, input, "exportRegisterRows");
  paramsOf(options, "exportRegisterRows");
  const lang = data.lang ?? "zh";
  const records = data.records as unknown as readonly AssetRecord[];
  return Object.freeze({
    headers: Object.freeze(REGISTER_COLUMNS.map((c) => c[lang])),
    rows: Object.freeze(records.map((r) => Object.freeze(row(r, lang)))),
  });
}
