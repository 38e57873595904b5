/**
 * @sannong/core — exact money, allocation, apportionment, legal dates,
 * effective-dated parameters, traces, typed errors and procedures shared by
 * every sannong policy package.
 *
 * @packageDocumentation
 */

// --- errors (CORE-ERR-1) ---
export { SannongError, ValidationError, PolicyError, isSannongError, safe, defineErrors } from "./errors/errors";
export type { ErrorPath, Issue, Lang, Result, SannongErrorInit, MessageTemplate } from "./errors/errors";

// --- policy documents and rule citations (CORE-TRACE-1) ---
export { POLICY_DOCUMENTS, citeDocument, defineRule } from "./sources/documents";
export type { PolicyDocument, PolicyDocumentKey, RuleDefinition } from "./sources/documents";

// --- immutable data (results cannot be tampered with) ---
export { deepFreeze } from "./data/deepFreeze";

// --- validation ---
export {
  parseInput,
  addIssue,
  idSchema,
  isIdentifier,
  safeRecord,
  refineUniqueIds,
  plainObject,
} from "./validation/parse";
export {
  decimalSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  ratioSchema,
  countSchema,
} from "./validation/decimal";

// --- money (CORE-MONEY-1..3, CORE-RATIO-1) ---
export { Dec as Decimal } from "./internal/decimal";
export {
  Money,
  money,
  moneyFromFen,
  isMoney,
  moneySchema,
  nonNegativeMoneySchema,
  unitSchema,
  ZERO,
  add,
  subtract,
  negate,
  abs,
  sum,
  compare,
  equals,
  minMoney,
  maxMoney,
  isZero,
  isNegative,
  toDecimal,
  roundMoney,
  multiply,
} from "./money/money";
export type { MoneyInput, RoundMoneyOptions } from "./money/money";
export { roundingSchema } from "./money/rounding";
export type { Rounding } from "./money/rounding";
export {
  fraction,
  addFractions,
  multiplyFractions,
  compareFractions,
  formatFraction,
  fractionToDecimalString,
  fractionFromDecimal,
  fractionSchema,
} from "./ratio/fraction";
export type { Fraction } from "./ratio/fraction";

// --- allocation (CORE-ALLOC-1..4) ---
export { allocate, allocateInputSchema } from "./allocation/allocate";
export type { AllocateOptions } from "./allocation/allocate";
export { allocateMinorUnits, MAX_RECIPIENTS } from "./allocation/allocateMinorUnits";
export { kthSmallest } from "./stats/kthSmallest";

// --- apportionment (CORE-APPORTION-1) ---
export { apportion, apportionInputSchema, APPORTION_METHODS } from "./apportion/apportion";
export type { ApportionMethod, ApportionOptions, ApportionResult, ApportionTie } from "./apportion/apportion";

// --- dates and periods (CORE-DATE-1, CORE-PERIOD-1) ---
export {
  isLeapYear,
  daysInMonth,
  isLegalDate,
  parseDate,
  formatDate,
  legalDateSchema,
  compareDates,
  MIN_LEGAL_DATE,
  MAX_LEGAL_DATE,
} from "./dates/date";
export type { LegalDate } from "./dates/date";
export {
  isYearMonth,
  yearMonthSchema,
  toYearMonth,
  monthIndex,
  fromMonthIndex,
  addMonthsToYearMonth,
  monthsBetween,
  compareYearMonths,
} from "./dates/yearMonth";
export type { YearMonth, DateOrYearMonth } from "./dates/yearMonth";
export {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  startOfMonth,
  endOfMonth,
  quarterOf,
  startOfQuarter,
  endOfQuarter,
  startOfYear,
  endOfYear,
  monthsRemainingInYear,
  deadlineInYear,
  lastYearOfPeriod,
  isBefore,
  isAfter,
  minDate,
  maxDate,
  yearOf,
  monthOf,
  dayOf,
} from "./dates/arithmetic";
export type { MonthsRemainingInYearOptions } from "./dates/arithmetic";
export {
  periodSchema,
  periodLengthSchema,
  CALENDAR_PERIOD_KINDS,
  periodsFrom,
  calendarPeriods,
  calendarPeriodOf,
  multiYearPeriods,
  periodContains,
  periodLengthDays,
  overlapDays,
  overlapMonths,
  monthsOfPeriod,
} from "./dates/period";
export type { Period, PeriodLength, CalendarPeriodKind, CalendarPeriodsOptions } from "./dates/period";

// --- units (CORE-UNIT-1) and regions (CORE-REGION-1) ---
export {
  AREA_UNITS,
  areaUnitSchema,
  areaSchema,
  muPerUnit,
  toMu,
  areaInUnit,
  areaRatio,
  totalMu,
  areaUnitLabel,
  formatArea,
} from "./units/area";
export type { AreaUnit, Area, AreaInput, FormatAreaOptions } from "./units/area";
export {
  ADMIN_LEVELS,
  adminLevelSchema,
  adminLevelLabel,
  adminBodyLabel,
  compareLevels,
  isAbove,
  parentLevel,
  childLevel,
  regionSchema,
  regionsSchema,
  regionTree,
  regionChain,
  ancestorAt,
  rollUp,
  rollUpInputSchema,
} from "./region/region";
export type {
  AdminLevel,
  Region,
  RegionTree,
  RollUpItem,
  RollUpOptions,
  RollUpRow,
  RollUpResult,
} from "./region/region";

// --- parameters (CORE-PARAM-1..3) ---
export {
  defineParameter,
  valueAt,
  parameterSet,
  overlay,
  getParameter,
  paramAt,
  staleParameters,
  parameterSourceSchema,
} from "./params/parameter";
export type {
  Parameter,
  ParameterValue,
  ParameterSource,
  ParameterUse,
  ParameterSet,
  ParameterOverride,
  OverrideRecord,
  StaleParameter,
  Label,
} from "./params/parameter";

// --- trace (CORE-TRACE-1) ---
export { traceStep, renderTrace, toJson, traceParameter, traceNodeSchema } from "./trace/trace";
export type { TraceNode, TraceParameter, RuleRef, Json } from "./trace/trace";

// --- procedures (CORE-PROC-1..2) ---
export {
  defineProcedure,
  procedureSchema,
  procedureEventSchema,
  quorumRuleSchema,
  thresholdSchema,
  MAX_PROCEDURE_STEPS,
} from "./procedures/procedure";
export type {
  Procedure,
  ProcedureStep,
  ProcedureEvent,
  ProcedureSource,
  QuorumRule,
  QuorumForm,
  StepQuorum,
  Threshold,
  ApprovalThreshold,
} from "./procedures/procedure";
export { checkProcedure, checkProcedureInputSchema, MAX_PROCEDURE_EVENTS } from "./procedures/checkProcedure";
export type {
  CheckProcedureOptions,
  CheckProcedureResult,
  OutOfOrderStep,
  WrongBody,
  FailedVote,
  StepStatus,
} from "./procedures/checkProcedure";
export {
  FIVE_DELIBERATIONS_TWO_DISCLOSURES,
  ASSET_OPERATION_CHANGE_VILLAGE,
  ASSET_OPERATION_CHANGE_JOINT,
  REVENUE_PLAN_APPROVAL,
  ASSET_DISPOSAL,
  COLLECTIVE_DECISION,
  VOLUNTARY_ENTRUSTMENT,
  builtInProcedures,
  VILLAGERS_MEETING_QUORUM,
  PARTY_MEETING_QUORUM,
  FIVE_DELIBERATIONS_PARAMETER,
} from "./procedures/builtins";
export type { BuiltInProcedureId } from "./procedures/builtins";
export {
  coreParameters,
  coreParameterSet,
  villagersMeetingQuorum,
  partyMembersMeetingQuorum,
  fiveDeliberationsParameter,
} from "./procedures/parameters";
export { PROCEDURE_RULES } from "./procedures/rules";
