import { defineErrors, type ErrorPath, deepFreeze } from "@sannong/core";

const show = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

/**
 * The policy refusals of @sannong/migrants (each a core `PolicyError` with a
 * stable code, the path of the field concerned, and zh + en messages).
 * Malformed input is core's `ValidationError` (`INVALID_INPUT`) instead.
 */
export const MIGRANTS_ERRORS = /*#__PURE__*/ deepFreeze({
  STANDARD_NOT_SET: {
    zh: (d: { id: string; label: string }) =>
      `标准“${d.label}”（${d.id}）尚未制定（文件规定另行制定）；请在输入中给出金额，或以 overlay 设置本地标准`,
    en: (d: { id: string; label: string }) =>
      `the standard "${d.label}" (${d.id}) is not set (the seed leaves it to a later standard); pass the amount in the input or overlay the local standard`,
  },
  INVALID_PARAMETER: {
    zh: (d: { id: string; reason: string }) => `参数 ${d.id} 的取值不可用：${d.reason}`,
    en: (d: { id: string; reason: string }) => `parameter ${d.id} cannot be used: ${d.reason}`,
  },
  REGISTER_UNKNOWN_ENTRY: {
    zh: (d: { id: string; date: string }) => `${d.date}：档案 ${d.id} 尚未建档或已销号，不能变更`,
    en: (d: { id: string; date: string }) =>
      `${d.date}: record ${d.id} is not on the register (never entered or already exited)`,
  },
  REGISTER_DUPLICATE_ENTRY: {
    zh: (d: { id: string; date: string }) => `${d.date}：档案 ${d.id} 已在册，不能重复建档`,
    en: (d: { id: string; date: string }) => `${d.date}: record ${d.id} is already on the register`,
  },
  APPLICATION_WINDOW_CLOSED: {
    zh: (d: { date: string; from: string; to: string }) =>
      `${d.date} 不在储备项目集中申报期内；下一申报期为 ${d.from} 至 ${d.to}`,
    en: (d: { date: string; from: string; to: string }) =>
      `${d.date} is outside the reserve application windows; the next window is ${d.from} to ${d.to}`,
  },
  RATE_BELOW_MINIMUM: {
    zh: (d: { rate: string; minimum: string }) =>
      `抽样比例 ${d.rate} 低于最低比例 ${d.minimum}（不低于总移民户数的5%）`,
    en: (d: { rate: string; minimum: string }) =>
      `the sampling rate ${d.rate} is below the minimum ${d.minimum} (at least 5% of all migrant households)`,
  },
  NOTHING_TO_SHARE_BY: {
    zh: (d: { basis: string }) => `所有对象的${d.basis}均为零，无法按其分配`,
    en: (d: { basis: string }) => `every ${d.basis} is zero: there is nothing to split by`,
  },
  WEIGHTS_DO_NOT_ADD_UP: {
    zh: (d: { sum: string }) => `指标权重合计为 ${d.sum}，应为 1（或设置 normalize: true）`,
    en: (d: { sum: string }) => `the indicator weights add up to ${d.sum}, not 1 (or pass normalize: true)`,
  },
  NOT_ACCEPTED: {
    zh: (d: { id: string }) => `项目 ${d.id} 尚未验收合格，不能以奖代补`,
    en: (d: { id: string }) => `project ${d.id} has not passed acceptance, so no award can be paid`,
  },
  UNEXPECTED: {
    zh: (d: { what: string }) => `内部不一致：${show(d.what)}`,
    en: (d: { what: string }) => `internal inconsistency: ${show(d.what)}`,
  },
} as const);

/** A policy-error code of @sannong/migrants. */
export type MigrantsErrorCode = keyof typeof MIGRANTS_ERRORS;

type Fail = <C extends MigrantsErrorCode>(
  code: C,
  details: Parameters<(typeof MIGRANTS_ERRORS)[C]["zh"]>[0],
  path?: ErrorPath,
) => never;

/**
 * Throws the typed migrants policy error `code` (see {@link MIGRANTS_ERRORS}).
 * Declared with an explicit type so that TypeScript knows it never returns.
 * @internal
 */
export const fail: Fail = defineErrors(MIGRANTS_ERRORS);
