/**
 * @sannong/insurance — social insurance for land-expropriated farmers
 * (以地定量, 人地对应, 即征即保; 台政办函〔2019〕47号) and the guarantee for
 * over-age converted persons (超转人员, 趸缴变分期; 丰台区实施意见).
 *
 * @packageDocumentation
 */

// --- rules, errors, parameters ---
export { RULES } from "./rules";
export type { InsuranceRuleId } from "./rules";
export {
  insuranceParameters,
  insuranceParameterSet,
  GOVERNMENT_LEVELS,
  governmentLevelSchema,
  LAND_TYPES,
  landTypeSchema,
  SURPLUS_ORDER_KEYS,
} from "./parameters";
export type { GovernmentLevel, LandType, SurplusOrderKey } from "./parameters";
export type { InsuranceOptions } from "./internal/options";

// --- over-age converted persons 超转人员 (INS-OVERAGE-*) ---
export { isOverAgeConverted, isOverAgeConvertedInputSchema } from "./overage/isOverAgeConverted";
export type { IsOverAgeConvertedInput, IsOverAgeConvertedResult } from "./overage/isOverAgeConverted";
export { buildRemittanceSchedule, buildRemittanceScheduleInputSchema } from "./overage/buildRemittanceSchedule";
export type {
  BuildRemittanceScheduleInput,
  BuildRemittanceScheduleResult,
  Remittance,
} from "./overage/buildRemittanceSchedule";
export { remittancesAsOutflows, remittancesAsOutflowsInputSchema } from "./overage/remittancesAsOutflows";
export type { RemittancesAsOutflowsInput, PoolOutflow } from "./overage/remittancesAsOutflows";
export { transitionPayments, transitionPaymentsInputSchema } from "./overage/transitionPayments";
export type {
  TransitionPaymentsInput,
  TransitionPaymentsResult,
  TransitionPayment,
} from "./overage/transitionPayments";

// --- land-based quota 以地定量 (INS-QUOTA-*) ---
export { computeLandQuota, computeLandQuotaInputSchema } from "./quota/computeLandQuota";
export type { ComputeLandQuotaInput, ComputeLandQuotaResult } from "./quota/computeLandQuota";
export type { LandFigureInput } from "./internal/land";
export type { InsuranceWarning } from "./internal/warning";
export { checkQuotaEligibility, checkQuotaEligibilityInputSchema } from "./quota/checkQuotaEligibility";
export type {
  CheckQuotaEligibilityInput,
  CheckQuotaEligibilityResult,
  EligibilityGate,
  GateResult,
} from "./quota/checkQuotaEligibility";

// --- person–land correspondence 人地对应 (INS-MATCH-*) ---
export { allocateQuotaToHouseholds, allocateQuotaToHouseholdsInputSchema } from "./matching/allocateQuotaToHouseholds";
export type {
  AllocateQuotaToHouseholdsInput,
  AllocateQuotaToHouseholdsResult,
  HouseholdPlaces,
  RejectedChoice,
} from "./matching/allocateQuotaToHouseholds";
export type { IneligibilityReason, Member } from "./internal/member";
export { reassignSurplus, reassignSurplusInputSchema } from "./matching/reassignSurplus";
export type {
  ReassignSurplusInput,
  ReassignSurplusResult,
  SurplusAssignment,
  ExcludedCandidate,
} from "./matching/reassignSurplus";

// --- validity 即征即保 (INS-VALID-1) ---
export { placeStatus, placeStatusInputSchema } from "./validity/placeStatus";
export type { PlaceStatusInput, PlaceStatusResult, PlaceStatus, PlaceState } from "./validity/placeStatus";

// --- fund transfers (INS-TRANSFER-1) ---
export { buildTransferSchedule, buildTransferScheduleInputSchema } from "./transfer/buildTransferSchedule";
export type {
  BuildTransferScheduleInput,
  BuildTransferScheduleResult,
  TransferDue,
} from "./transfer/buildTransferSchedule";
export { transfersAsDue, transfersAsDueInputSchema } from "./transfer/transfersAsDue";
export type { TransfersAsDueInput, DueItem } from "./transfer/transfersAsDue";
