/**
 * The trace step of ASSET-DEP-2: the conventions a depreciation used (method,
 * start month, salvage rate, straight-line monthly booking), which come from
 * general accounting practice and sannong defaults, not from the documents.
 * Not exported from the package. @internal
 */
import { traceParameter, type ParameterUse, type TraceNode } from "@sannong/core";
import { RULES } from "../rules";
import type { Normalised } from "./engine";
import type { Defaults } from "./input";

/** The parameter uses of the defaults an asset took. @internal */
export function defaultUses(defaults: Defaults): ParameterUse[] {
  const out: ParameterUse[] = [];
  if (defaults.salvage) out.push(defaults.salvage);
  if (defaults.startRule) out.push(defaults.startRule);
  if (defaults.monthly) out.push(defaults.monthly);
  return out;
}

const METHOD_ZH = {
  "straight-line": "年限平均法",
  "units-of-output": "工作量法",
  "double-declining": "双倍余额递减法",
};

/** zh / en description of one asset's conventions. @internal */
export function conventionsNote(a: Normalised): { zh: string; en: string } {
  const straight = a.method === "straight-line";
  const monthlyZh = !straight
    ? ""
    : a.monthly === "constant"
      ? "，每月定额（月折旧额四舍五入到分），尾差计入最后一个月"
      : "，各月平均分摊，零头分给最前面的月份";
  const monthlyEn = !straight
    ? ""
    : a.monthly === "constant"
      ? ", a constant monthly amount (rounded half-up to the fen) with the remainder in the last month"
      : ", equal parts with the odd fen in the earliest months";
  return {
    zh: `${METHOD_ZH[a.method]}${monthlyZh}；残值 = 原值 × 残值率（四舍五入到分）；起始月：${a.startRule === "next-month" ? "次月" : "当月"}。一般会计惯例与 sannong 默认值，非文件原文`,
    en: `${a.method}${monthlyEn}; salvage = cost × rate (half-up to the fen); starts ${a.startRule === "next-month" ? "the next month" : "the same month"}. General accounting practice and sannong defaults, not the documents' words`,
  };
}

/**
 * The ASSET-DEP-2 step of one asset (built directly: `netValueAt` is called
 * once per asset over whole registers). @internal
 */
export function conventionsStep(a: Normalised, salvageRate: string, uses: readonly ParameterUse[]): TraceNode {
  const rule = RULES["ASSET-DEP-2"];
  return {
    rule: rule.id,
    citation: rule.citation,
    label: rule.label,
    inputs: {
      method: a.method,
      startRule: a.startRule,
      salvageRate,
      ...(a.method === "straight-line" ? { straightLineMonthly: a.monthly } : {}),
    },
    ...(uses.length ? { parameters: uses.map(traceParameter) } : {}),
    note: conventionsNote(a),
  };
}
