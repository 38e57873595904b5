import { defineErrors, deepFreeze } from "@sannong/core";

type S = string;

/**
 * The policy refusals of @sannong/funds (资金分配与管理的业务错误), each with a
 * stable code and a Chinese and an English message. Malformed input is core's
 * `ValidationError` (`INVALID_INPUT`); these are well-formed inputs the rules
 * refuse.
 *
 * @example
 * ```ts
 * import { safe } from "@sannong/core";
 * import { allocateByFactors } from "@sannong/funds";
 * const r = safe(() => allocateByFactors({ total: "100.00", factors: [{ id: "a", weight: "0.5" }, { id: "b", weight: "0.4" }], recipients: [{ id: "X", values: { a: 1, b: 1 } }] }));
 * const e = r.ok ? null : r.error;
 * e?.code; // → "WEIGHTS_NOT_ONE"
 * e?.path; // → ["factors"]
 * e?.details; // → { sum: "0.9", where: "factors" }
 * e?.en; // → "the weights of factors add up to 0.9, not 1 (pass normalize: true to scale them)"
 * ```
 * @remarks Implements CORE-ERR-1 for the FUNDS-* rules.
 */
export const fundsErrors = /*#__PURE__*/ deepFreeze({
  TOTAL_NOT_MULTIPLE_OF_UNIT: {
    zh: (d: { total: S; unit: S }) => `金额 ${d.total} 不是舍入单位 ${d.unit} 元的整数倍，无法精确分配`,
    en: (d: { total: S; unit: S }) =>
      `the amount ${d.total} is not a multiple of the unit ${d.unit} 元, so it cannot be split exactly`,
  },
  WEIGHTS_NOT_ONE: {
    zh: (d: { sum: S; where: S }) =>
      `${d.where} 的权重合计为 ${d.sum}，不等于 1（如需按比例归一，请设置 normalize: true）`,
    en: (d: { sum: S; where: S }) =>
      `the weights of ${d.where} add up to ${d.sum}, not 1 (pass normalize: true to scale them)`,
  },
  RATIOS_NOT_ONE: {
    zh: (d: { sum: S; where: S }) => `${d.where} 的比例合计为 ${d.sum}，不等于 1`,
    en: (d: { sum: S; where: S }) => `the ratios of ${d.where} add up to ${d.sum}, not 1`,
  },
  WEIGHTS_ALL_ZERO: {
    zh: (d: { where: S }) => `${d.where} 的权重全部为零，无法归一`,
    en: (d: { where: S }) => `the weights of ${d.where} are all zero and cannot be normalised`,
  },
  UNKNOWN_GROUP: {
    zh: (d: { group: S; factor: S }) => `因素 ${d.factor} 所属的组 ${d.group} 没有比例（未在 groups 或参数中定义）`,
    en: (d: { group: S; factor: S }) =>
      `factor ${d.factor} belongs to group ${d.group}, which has no ratio (not in groups nor in the parameter)`,
  },
  GROUP_WITHOUT_FACTORS: {
    zh: (d: { group: S; ratio: S }) => `组 ${d.group} 的比例为 ${d.ratio}，但没有任何因素属于该组，这部分资金无处分配`,
    en: (d: { group: S; ratio: S }) =>
      `group ${d.group} has ratio ${d.ratio} but no factor belongs to it, so its money has nowhere to go`,
  },

  FACTOR_ALL_ZERO: {
    zh: (d: { factor: S; weight: S }) => `因素 ${d.factor}（权重 ${d.weight}）在所有对象上的系数均为零，其份额无法分配`,
    en: (d: { factor: S; weight: S }) =>
      `factor ${d.factor} (weight ${d.weight}) is zero for every recipient, so its share cannot be split`,
  },
  INVERSE_ZERO_VALUE: {
    zh: (d: { factor: S; recipient: S }) =>
      `逆向因素 ${d.factor} 采用倒数转换，但对象 ${d.recipient} 的取值为零（零的倒数无定义）`,
    en: (d: { factor: S; recipient: S }) =>
      `inverse factor ${d.factor} uses the reciprocal, but recipient ${d.recipient} has value zero (no reciprocal)`,
  },
  INFEASIBLE_BOUNDS: {
    zh: (d: { id: S; floor: S; cap: S }) => `对象 ${d.id} 的保底 ${d.floor} 高于封顶 ${d.cap}（按舍入单位取整后）`,
    en: (d: { id: S; floor: S; cap: S }) =>
      `recipient ${d.id} has a floor ${d.floor} above its cap ${d.cap} (after rounding to the unit)`,
  },
  INFEASIBLE_FLOORS: {
    zh: (d: { floors: S; total: S }) => `保底合计 ${d.floors} 超过总额 ${d.total}`,
    en: (d: { floors: S; total: S }) => `the floors add up to ${d.floors}, more than the total ${d.total}`,
  },
  INFEASIBLE_CAPS: {
    zh: (d: { reachable: S; total: S }) => `封顶合计（零系数对象按保底计）${d.reachable} 少于总额 ${d.total}，无法分完`,
    en: (d: { reachable: S; total: S }) =>
      `the caps (floors for all-zero recipients) add up to ${d.reachable}, less than the total ${d.total}`,
  },

  CYCLE_LENGTH: {
    zh: (d: { years: number; min: number; max: number }) =>
      `资金计划周期为 ${d.years} 年，应在 ${d.min}—${d.max} 年之间`,
    en: (d: { years: number; min: number; max: number }) =>
      `the plan spans ${d.years} years; it must be ${d.min} to ${d.max} years`,
  },
  PROGRESS_EXCEEDS_PAYABLE: {
    zh: (d: { milestone: S; ratio: S; limit: S }) =>
      `节点 ${d.milestone} 的累计拨付比例 ${d.ratio} 超过结算前可拨付上限 ${d.limit}`,
    en: (d: { milestone: S; ratio: S; limit: S }) =>
      `milestone ${d.milestone} would bring cumulative payments to ${d.ratio}, above the limit before settlement ${d.limit}`,
  },
  WITHDRAWAL_EXCEEDS_BALANCE: {
    zh: (d: { depositor: S; amount: S; balance: S; month: S }) =>
      `${d.month} 委托方 ${d.depositor} 支取 ${d.amount}，超过其份额价值 ${d.balance}`,
    en: (d: { depositor: S; amount: S; balance: S; month: S }) =>
      `in ${d.month} depositor ${d.depositor} withdraws ${d.amount}, more than the value of its units ${d.balance}`,
  },
  UNKNOWN_DEPOSITOR: {
    zh: (d: { depositor: S }) => `委托方 ${d.depositor} 在支取前没有任何委托资金`,
    en: (d: { depositor: S }) => `depositor ${d.depositor} has no entrusted money before the withdrawal`,
  },
} as const);

/** Throws the funds package's typed {@link PolicyError} for a code. */
export const fail = defineErrors(fundsErrors);

/** A policy error code of @sannong/funds. */
export type FundsErrorCode = keyof typeof fundsErrors;
