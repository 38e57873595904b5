import type { Label } from "@sannong/core";

/**
 * Chinese and English headers for the field names that sannong results use.
 * A field not listed is shown by its own name. Add the words of a new
 * package's results here when registering it.
 * @internal
 */
export const FIELD_LABELS: Readonly<Record<string, Label>> = Object.freeze({
  id: { zh: "编号", en: "id" },
  name: { zh: "名称", en: "name" },
  label: { zh: "名称", en: "label" },
  index: { zh: "序号", en: "#" },
  value: { zh: "值", en: "value" },
  amount: { zh: "金额（元）", en: "amount (元)" },
  total: { zh: "合计", en: "total" },
  totalAmount: { zh: "总金额（元）", en: "total amount (元)" },
  share: { zh: "份额", en: "share" },
  shares: { zh: "份额", en: "shares" },
  ratio: { zh: "比例", en: "ratio" },
  rate: { zh: "比率", en: "rate" },
  weight: { zh: "权重", en: "weight" },
  weights: { zh: "权重", en: "weights" },
  factor: { zh: "因素", en: "factor" },
  factors: { zh: "因素", en: "factors" },
  contribution: { zh: "贡献", en: "contribution" },
  contributions: { zh: "各因素贡献", en: "contributions by factor" },
  recipient: { zh: "分配对象", en: "recipient" },
  recipients: { zh: "分配对象", en: "recipients" },
  allocations: { zh: "分配结果", en: "allocations" },
  allocation: { zh: "分配", en: "allocation" },
  parts: { zh: "各份", en: "parts" },
  floor: { zh: "保底", en: "floor" },
  cap: { zh: "封顶", en: "cap" },
  capped: { zh: "触及封顶", en: "capped" },
  floored: { zh: "触及保底", en: "floored" },
  seats: { zh: "名额", en: "seats" },
  places: { zh: "名额", en: "places" },
  quota: { zh: "名额", en: "quota" },
  ties: { zh: "并列", en: "ties" },
  method: { zh: "方法", en: "method" },
  date: { zh: "日期", en: "date" },
  asOf: { zh: "基准日", en: "as of" },
  from: { zh: "起", en: "from" },
  to: { zh: "止", en: "to" },
  until: { zh: "截止", en: "until" },
  dueDate: { zh: "应付日期", en: "due date" },
  due: { zh: "应付", en: "due" },
  paid: { zh: "已付", en: "paid" },
  months: { zh: "月数", en: "months" },
  days: { zh: "天数", en: "days" },
  year: { zh: "年度", en: "year" },
  years: { zh: "年数", en: "years" },
  period: { zh: "期间", en: "period" },
  periods: { zh: "各期", en: "periods" },
  persons: { zh: "人数", en: "persons" },
  households: { zh: "农户", en: "households" },
  household: { zh: "农户", en: "household" },
  population: { zh: "人口", en: "population" },
  area: { zh: "面积", en: "area" },
  unit: { zh: "单位", en: "unit" },
  status: { zh: "状态", en: "status" },
  reason: { zh: "原因", en: "reason" },
  reasons: { zh: "原因", en: "reasons" },
  score: { zh: "得分", en: "score" },
  rank: { zh: "名次", en: "rank" },
  grade: { zh: "等级", en: "grade" },
  eligible: { zh: "符合条件", en: "eligible" },
  funded: { zh: "已安排", en: "funded" },
  unfunded: { zh: "未安排", en: "unfunded" },
  remainder: { zh: "余额", en: "remainder" },
  unallocated: { zh: "未分配", en: "unallocated" },
  balance: { zh: "余额", en: "balance" },
  income: { zh: "收入", en: "income" },
  cost: { zh: "成本", en: "cost" },
  reserve: { zh: "预留", en: "reserve" },
  distributable: { zh: "可分配", en: "distributable" },
  warnings: { zh: "提示", en: "warnings" },
  warning: { zh: "提示", en: "warning" },
  complete: { zh: "已完成", en: "complete" },
  missing: { zh: "缺少", en: "missing" },
  outOfOrder: { zh: "顺序不对", en: "out of order" },
  wrongBody: { zh: "主体不对", en: "wrong body" },
  failedVotes: { zh: "表决未通过", en: "failed votes" },
  unknownSteps: { zh: "未知步骤", en: "unknown steps" },
  completedOn: { zh: "完成日期", en: "completed on" },
  step: { zh: "步骤", en: "step" },
  steps: { zh: "步骤", en: "steps" },
  note: { zh: "说明", en: "note" },
  byFactor: { zh: "按因素", en: "by factor" },
  factorTotals: { zh: "各因素合计", en: "factor totals" },
  zeroRecipients: { zh: "因素全为零的对象", en: "all-zero recipients" },
  allocated: { zh: "已分配", en: "allocated" },
  filled: { zh: "已落实", en: "filled" },
  awaiting: { zh: "待选择", en: "awaiting choice" },
  landLostMu: { zh: "被征收面积（亩）", en: "land lost (亩)" },
  insured: { zh: "参保人", en: "insured" },
  rejected: { zh: "退回的选择", en: "rejected choices" },
  memberId: { zh: "成员", en: "member" },
  converted: { zh: "超转人员", en: "over-age converted" },
  basis: { zh: "依据", en: "basis" },
  age: { zh: "年龄（周岁）", en: "age" },
  threshold: { zh: "年龄线", en: "threshold" },
  raw: { zh: "精确值", en: "exact value" },
  perCapitaArea: { zh: "人均面积（亩）", en: "land per person (亩)" },
  remittances: { zh: "汇缴计划", en: "remittances" },
  personMonths: { zh: "人·月", en: "person-months" },
  lumpSum: { zh: "趸缴金额", en: "lump sum" },
  standards: { zh: "各年标准", en: "yearly standards" },
  monthlyStandard: { zh: "月标准（元）", en: "monthly standard" },
  gates: { zh: "各道门槛", en: "gates" },
  gate: { zh: "门槛", en: "gate" },
  passed: { zh: "通过", en: "passed" },
  failures: { zh: "未通过", en: "failures" },
  approvalBasis: { zh: "批准依据", en: "approval basis" },
  code: { zh: "代码", en: "code" },
  eligible: { zh: "符合条件", en: "eligible" },
  procedure: { zh: "程序", en: "procedure" },
  surplus: { zh: "节余", en: "surplus" },
  zh: { zh: "说明", en: "说明 (zh)" },
  en: { zh: "说明（英文）", en: "message" },
});

/**
 * Chinese for the enumerated values results use (statuses, methods, bases).
 * Only values of the fields in {@link ENUM_FIELDS} are translated.
 * @internal
 */
export const VALUE_LABELS: Readonly<Record<string, Label>> = Object.freeze({
  done: { zh: "已完成", en: "done" },
  missing: { zh: "缺失", en: "missing" },
  filled: { zh: "已落实", en: "filled" },
  "partly-filled": { zh: "部分落实", en: "partly filled" },
  "awaiting-choice": { zh: "待户内选择", en: "awaiting choice" },
  hamilton: { zh: "最大余数法", en: "Hamilton" },
  jefferson: { zh: "顿特法", en: "Jefferson (D'Hondt)" },
  webster: { zh: "圣拉古法", en: "Webster (Sainte-Laguë)" },
  adams: { zh: "亚当斯法", en: "Adams" },
  "huntington-hill": { zh: "亨廷顿–希尔法", en: "Huntington–Hill" },
  age: { zh: "年龄", en: "age" },
  incapacity: { zh: "丧失劳动能力", en: "incapacity" },
  approval: { zh: "征地批准", en: "approval" },
  keyProject: { zh: "重点工程决定", en: "key-project decision" },
});

/** The fields whose values are enumerations worth translating. @internal */
export const ENUM_FIELDS: ReadonlySet<string> = new Set(["status", "method", "basis", "approvalBasis", "mode", "kind", "type", "direction", "transform"]);

/** A value of a field in a language (translated only for {@link ENUM_FIELDS}). @internal */
export function valueLabel(field: string | undefined, value: string, lang: "zh" | "en"): string {
  if (field === undefined || !ENUM_FIELDS.has(field) || !Object.prototype.hasOwnProperty.call(VALUE_LABELS, value)) return value;
  return VALUE_LABELS[value]![lang];
}

/** The header of a field in a language (its own name when unknown). @internal */
export function fieldLabel(key: string, lang: "zh" | "en"): string {
  const l = Object.prototype.hasOwnProperty.call(FIELD_LABELS, key) ? FIELD_LABELS[key] : undefined;
  return l ? l[lang] : key;
}
