/**
 * @sannong/migrants — precise support for reservoir migrants (水库移民精准扶持,
 * 衢政办发〔2016〕65号).
 *
 * @packageDocumentation
 */

// --- rules, errors, parameters, options ---
export { RULES, SEED_004 } from "./rules";
export type { MigrantsRuleId } from "./rules";
export { MIGRANTS_ERRORS } from "./errors";
export type { MigrantsErrorCode } from "./errors";
export { migrantsParameters, migrantsParameterSet, SEED_004_IN_FORCE } from "./parameters";
export { migrantsOptionsSchema } from "./parameters";
export type { GradeBand, TargetDefinition, MigrantsOptions } from "./parameters";

// --- 扶持对象精准: the register (MIG-REG-1) ---
export {
  migrantHouseholdSchema,
  weakMigrantVillageSchema,
  registerChangeSchema,
  helperSchema,
  helpResultSchema,
  exitReasonSchema,
} from "./register/schemas";
export type { MigrantHousehold, WeakMigrantVillage, RegisterChange, RegisterChangeInput } from "./register/schemas";
export {
  registerAsOf,
  registerAsOfInputSchema,
  registerHistory,
  registerHistoryInputSchema,
} from "./register/register";
export type {
  RegisterAsOfInput,
  RegisterAsOfResult,
  RegisterExit,
  RegisterHistoryInput,
  RegisterHistoryResult,
  RegisterVersion,
} from "./register/register";

// --- 扶持对象精准: aid (MIG-AID-1, MIG-AID-2) ---
export {
  migrantAidRules,
  aidRuleSchema,
  aidConditionSchema,
  aidFactsSchema,
  hardshipCauseSchema,
  schoolingSchema,
  HARDSHIP_CAUSES,
  AID_FACT_PATHS,
} from "./aid/aidRules";
export type { AidRule, AidCondition, AidFacts, AidFactPath, HardshipCause } from "./aid/aidRules";
export { checkAidEligibility, checkAidEligibilityInputSchema } from "./aid/checkAidEligibility";
export type {
  CheckAidEligibilityInput,
  CheckAidEligibilityResult,
  EligibleAid,
  IneligibleAid,
  UndeterminedAid,
  EvaluatedCondition,
} from "./aid/checkAidEligibility";
export { stackSubsidies, stackSubsidiesInputSchema, stackSchemeSchema, subsidyLayerSchema } from "./aid/stackSubsidies";
export type { StackSubsidiesInput, StackSubsidiesResult, StackScheme, StackedLayer } from "./aid/stackSubsidies";

// --- 项目安排精准: the project reserve (MIG-PROJ-1, MIG-PROJ-2) ---
export {
  projectReserveCalendar,
  projectReserveCalendarInputSchema,
  checkReserveApplication,
  checkReserveApplicationInputSchema,
} from "./projects/projectReserveCalendar";
export type {
  ProjectReserveCalendarResult,
  CheckReserveApplicationInput,
  CheckReserveApplicationResult,
} from "./projects/projectReserveCalendar";
export {
  selectReserveProjects,
  selectReserveProjectsInputSchema,
  reserveEntrySchema,
} from "./projects/selectReserveProjects";
export type {
  SelectReserveProjectsInput,
  SelectReserveProjectsResult,
  ReserveEntry,
} from "./projects/selectReserveProjects";

// --- 资金使用精准: money (MIG-FUND-1, MIG-FUND-2, MIG-FUND-3) ---
export {
  allocateMigrantFunds,
  allocateMigrantFundsInputSchema,
  MIGRANT_FACTOR_GROUPS,
} from "./fund/allocateMigrantFunds";
export type { AllocateMigrantFundsInput, AllocateMigrantFundsResult } from "./fund/allocateMigrantFunds";
export {
  repoolMigrantFunds,
  repoolMigrantFundsInputSchema,
  planTownshipEntrepreneurshipFunds,
  planTownshipEntrepreneurshipFundsInputSchema,
} from "./fund/repoolMigrantFunds";
export type {
  RepoolMigrantFundsInput,
  RepoolMigrantFundsResult,
  PlanTownshipEntrepreneurshipFundsInput,
  PlanTownshipEntrepreneurshipFundsResult,
} from "./fund/repoolMigrantFunds";
export { loanInterestSubsidy, loanInterestSubsidyInputSchema, subsidisedLoanSchema } from "./fund/loanInterestSubsidy";
export type {
  LoanInterestSubsidyInput,
  LoanInterestSubsidyResult,
  LoanSubsidyLine,
  HouseholdLoanSubsidy,
} from "./fund/loanInterestSubsidy";
export {
  awardInsteadOfSubsidy,
  awardInsteadOfSubsidyInputSchema,
  awardProjectKindSchema,
} from "./fund/awardInsteadOfSubsidy";
export type { AwardInsteadOfSubsidyInput, AwardInsteadOfSubsidyResult } from "./fund/awardInsteadOfSubsidy";

// --- 扶持成效精准: shares and dividends (MIG-SHARE-1..3) ---
export {
  quantifyShares,
  quantifySharesInputSchema,
  shareAssetSchema,
  shareBasisSchema,
  shareHouseholdSchema,
  apportionMethodSchema,
} from "./shares/quantifyShares";
export type {
  QuantifySharesInput,
  QuantifySharesResult,
  ShareBasis,
  ShareHolding,
  ShareTie,
} from "./shares/quantifyShares";
export {
  distributeDividends,
  distributeDividendsInputSchema,
  dividendHolderSchema,
  dividendModeSchema,
} from "./shares/distributeDividends";
export type {
  DistributeDividendsInput,
  DistributeDividendsResult,
  DividendMode,
  DividendPayout,
} from "./shares/distributeDividends";
export {
  distributeByPaidContribution,
  distributeByPaidContributionInputSchema,
  paidContributionParticipantSchema,
  contributionSchema,
  participantKindSchema,
} from "./shares/distributeByPaidContribution";
export type {
  DistributeByPaidContributionInput,
  DistributeByPaidContributionResult,
  PaidContributionPayout,
  ParticipantKind,
} from "./shares/distributeByPaidContribution";

// --- 扶持成效精准: the yearly survey (MIG-SURVEY-1) ---
export {
  drawSurveySample,
  drawSurveySampleInputSchema,
  surveyHouseholdSchema,
  surveySeedSchema,
} from "./survey/drawSurveySample";
export type { DrawSurveySampleInput, DrawSurveySampleResult, SurveyStratumSample } from "./survey/drawSurveySample";

// --- 扶持成效精准: performance evaluation (MIG-EVAL-1) ---
export {
  evaluatePerformance,
  evaluatePerformanceInputSchema,
  performanceIndicatorSchema,
} from "./evaluation/evaluatePerformance";
export type {
  EvaluatePerformanceInput,
  EvaluatePerformanceResult,
  PullingDownIndicator,
} from "./evaluation/evaluatePerformance";

// --- 监管: quarterly reports and audits (MIG-AUDIT-1) ---
export {
  quarterlyReport,
  quarterlyReportInputSchema,
  quarterlyReportKindSchema,
  fundRecordSchema,
  projectRecordSchema,
  filedReportSchema,
  internalAuditSchema,
} from "./audit/quarterlyReport";
export type {
  QuarterlyReportInput,
  QuarterlyReportResult,
  QuarterlyReportKind,
  FundUseLine,
  ProjectProgressLine,
  OverdueReport,
} from "./audit/quarterlyReport";

// --- targets (MIG-TARGET-1) ---
export {
  targetProgress,
  targetProgressInputSchema,
  achievementSchema,
  targetDefinitionSchema,
} from "./targets/targetProgress";
export type { TargetProgressInput, TargetProgressResult, TargetProgressLine } from "./targets/targetProgress";
