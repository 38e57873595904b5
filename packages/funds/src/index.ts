/**
 * @sannong/funds — allocating, paying out and pooling public funds: the
 * factor method (因素法), the project method (项目法) and their combination,
 * re-pooling of money not applied for, multi-year plans, disbursement by
 * advance, progress and settlement, the guarantee fund pool (保障资金池),
 * transfer arrears and spending-progress monitoring. Exact money, explained
 * by traces, driven by cited parameters.
 *
 * @packageDocumentation
 */

// --- rules, errors, parameters ---
export { RULES } from "./rules";
export type { FundsRuleId } from "./rules";
export { fundsErrors } from "./errors";
export type { FundsErrorCode } from "./errors";
export { fundsParameters, fundsParameterSet } from "./parameters";
export type { FundsOptions } from "./parameters";

// --- factor method (FUNDS-FACTOR-1..4) ---
export {
  allocateByFactors,
  allocateByFactorsInputSchema,
  DEFAULT_INVERSE_TRANSFORM,
  MAX_FACTOR_RECIPIENTS,
} from "./factor/allocateByFactors";
export type {
  AllocateByFactorsInput,
  AllocateByFactorsResult,
  FactorAllocation,
  InverseTransform,
} from "./factor/allocateByFactors";

// --- project method (FUNDS-PROJECT-1..2) ---
export {
  allocateByProjects,
  allocateByProjectsInputSchema,
  DEFAULT_SCORE_RULE,
  DEFAULT_WHEN_NOT_FIT,
  DEFAULT_SCORE_TIE_BREAK,
} from "./project/allocateByProjects";
export type {
  AllocateByProjectsInput,
  AllocateByProjectsResult,
  ProjectResult,
  ProjectStatus,
  ScoreRule,
  WhenNotFit,
  ScoreTieBreak,
} from "./project/allocateByProjects";

// --- factor and project methods combined (FUNDS-COMBINED-1) ---
export { allocateCombined, allocateCombinedInputSchema, DEFAULT_UNUSED_MONEY } from "./combined/allocateCombined";
export type { AllocateCombinedInput, AllocateCombinedResult, UnusedMoney } from "./combined/allocateCombined";

// --- re-pooling money not applied for (FUNDS-REPOOL-1) ---
export { repoolUnclaimed, repoolUnclaimedInputSchema, DEFAULT_REPOOL_METHOD } from "./repool/repoolUnclaimed";
export type { RepoolUnclaimedInput, RepoolUnclaimedResult, RepoolUnit, RepoolMethod } from "./repool/repoolUnclaimed";

// --- multi-year plans (FUNDS-CYCLE-1) ---
export { spreadOverYears, spreadOverYearsInputSchema } from "./cycle/spreadOverYears";
export type { SpreadOverYearsInput, SpreadOverYearsResult, PlanYear } from "./cycle/spreadOverYears";

// --- disbursement (FUNDS-PAY-1) ---
export { planDisbursement, planDisbursementInputSchema } from "./disbursement/planDisbursement";
export type {
  PlanDisbursementInput,
  PlanDisbursementResult,
  Tranche,
  TrancheKind,
} from "./disbursement/planDisbursement";
export { settleDisbursement, settleDisbursementInputSchema } from "./disbursement/settleDisbursement";
export type { SettleDisbursementInput, SettleDisbursementResult } from "./disbursement/settleDisbursement";

// --- guarantee fund pool (FUNDS-POOL-1..3) ---
export {
  projectFundPool,
  projectFundPoolInputSchema,
  GUARANTEE_SOURCES,
  ENTRUSTED_SOURCES,
  MAX_POOL_MONTHS,
} from "./pool/projectFundPool";
export type {
  ProjectFundPoolInput,
  ProjectFundPoolResult,
  PoolMonth,
  PoolSource,
  DepositorStatement,
  UnitTransaction,
  PoolWarning,
} from "./pool/projectFundPool";

// --- transfers and arrears (FUNDS-TRANSFER-1) ---
export { computeArrears, computeArrearsInputSchema } from "./transfer/computeArrears";
export type {
  ComputeArrearsInput,
  ComputeArrearsResult,
  ObligationArrears,
  ArrearsPeriod,
  PeriodStatus,
  TransferFrequency,
} from "./transfer/computeArrears";

// --- spending progress monitoring (FUNDS-MONITOR-1) ---
export { spendingProgress, spendingProgressInputSchema, DEFAULT_PROGRESS_BASIS } from "./monitor/spendingProgress";
export type {
  SpendingProgressInput,
  SpendingProgressResult,
  ProjectProgress,
  ProgressWarning,
  ProgressBasis,
} from "./monitor/spendingProgress";
