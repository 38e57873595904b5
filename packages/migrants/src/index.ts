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
export type { GradeBand, TargetDefinition } from "./parameters";
export { migrantsOptionsSchema } from "./internal/options";
export type { MigrantsOptions } from "./internal/options";

// --- MIG-SURVEY-1 ---
export { drawSurveySample, drawSurveySampleInputSchema, surveyHouseholdSchema, surveySeedSchema } from "./survey/drawSurveySample";
export type { DrawSurveySampleInput, DrawSurveySampleResult, SurveyStratumSample } from "./survey/drawSurveySample";
export {
  distributeDividends,
  distributeDividendsInputSchema,
  dividendHolderSchema,
  dividendModeSchema,
} from "./shares/distributeDividends";
export type { DistributeDividendsInput, DistributeDividendsResult, DividendMode, DividendPayout } from "./shares/distributeDividends";
export {
  quantifyShares,
  quantifySharesInputSchema,
  shareAssetSchema,
  shareBasisSchema,
  shareHouseholdSchema,
  apportionMethodSchema,
} from "./shares/quantifyShares";
export type { QuantifySharesInput, QuantifySharesResult, ShareBasis, ShareHolding, ShareTie } from "./shares/quantifyShares";
export {
  distributeByPaidContribution,
  distributeByPaidContributionInputSchema,
  paidContributionParticipantSchema,
  contributionSchema,
  participantKindSchema,
} from "./shares/distributeByPaidContribution";
export type { DistributeByPaidContributionInput, DistributeByPaidContributionResult, PaidContributionPayout, ParticipantKind } from "./shares/distributeByPaidContribution";
export {
  projectReserveCalendar,
  projectReserveCalendarInputSchema,
  checkReserveApplication,
  checkReserveApplicationInputSchema,
} from "./projects/projectReserveCalendar";
export type { ProjectReserveCalendarResult, CheckReserveApplicationInput, CheckReserveApplicationResult } from "./projects/projectReserveCalendar";
export { loanInterestSubsidy, loanInterestSubsidyInputSchema, subsidisedLoanSchema } from "./fund/loanInterestSubsidy";
export type { LoanInterestSubsidyInput, LoanInterestSubsidyResult, LoanSubsidyLine, HouseholdLoanSubsidy } from "./fund/loanInterestSubsidy";
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
export type { CheckAidEligibilityInput, CheckAidEligibilityResult, EligibleAid, IneligibleAid, UndeterminedAid, EvaluatedCondition } from "./aid/checkAidEligibility";
export { stackSubsidies, stackSubsidiesInputSchema, stackSchemeSchema, subsidyLayerSchema } from "./aid/stackSubsidies";
export type { StackSubsidiesInput, StackSubsidiesResult, StackScheme, StackedLayer } from "./aid/stackSubsidies";
export {
  migrantHouseholdSchema,
  weakMigrantVillageSchema,
  registerChangeSchema,
  helperSchema,
  helpResultSchema,
  exitReasonSchema,
} from "./register/schemas";
export type { MigrantHousehold, WeakMigrantVillage, RegisterChange, RegisterChangeInput } from "./register/schemas";
export { registerAsOf, registerAsOfInputSchema, registerHistory, registerHistoryInputSchema } from "./register/register";
export type { RegisterAsOfInput, RegisterAsOfResult, RegisterExit, RegisterHistoryInput, RegisterHistoryResult, RegisterVersion } from "./register/register";
export { evaluatePerformance, evaluatePerformanceInputSchema, performanceIndicatorSchema } from "./evaluation/evaluatePerformance";
export type { EvaluatePerformanceInput, EvaluatePerformanceResult, PullingDownIndicator } from "./evaluation/evaluatePerformance";
export {
  quarterlyReport,
  quarterlyReportInputSchema,
  quarterlyReportKindSchema,
  fundRecordSchema,
  projectRecordSchema,
  filedReportSchema,
  internalAuditSchema,
} from "./audit/quarterlyReport";
export type { QuarterlyReportInput, QuarterlyReportResult, QuarterlyReportKind, FundUseLine, ProjectProgressLine, OverdueReport } from "./audit/quarterlyReport";
export { targetProgress, targetProgressInputSchema, achievementSchema, targetDefinitionSchema } from "./targets/targetProgress";
export type { TargetProgressInput, TargetProgressResult, TargetProgressLine } from "./targets/targetProgress";
export { allocateMigrantFunds, allocateMigrantFundsInputSchema, MIGRANT_FACTOR_GROUPS } from "./fund/allocateMigrantFunds";
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
export { awardInsteadOfSubsidy, awardInsteadOfSubsidyInputSchema, awardProjectKindSchema } from "./fund/awardInsteadOfSubsidy";
export type { AwardInsteadOfSubsidyInput, AwardInsteadOfSubsidyResult } from "./fund/awardInsteadOfSubsidy";
export { selectReserveProjects, selectReserveProjectsInputSchema, reserveEntrySchema } from "./projects/selectReserveProjects";
export type { SelectReserveProjectsInput, SelectReserveProjectsResult, ReserveEntry } from "./projects/selectReserveProjects";
