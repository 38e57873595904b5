/**
 * @sannong/assets — registering, scoping, owning, operating, maintaining,
 * distributing the income of, depreciating, inventorying, disposing of,
 * merging and revitalising poverty-alleviation assets (扶贫资产) and town and
 * village public assets (镇村公有资产).
 *
 * @packageDocumentation
 */

// --- rules, parameters, errors ---
export { RULES } from "./rules";
export type { AssetRuleId } from "./rules";
export type { AssetsErrorCode } from "./errors";
export {
  assetsParameters,
  assetsParameterSet,
  minReserveRatio,
  minPriorityShare,
  stableWorkTiers,
  maintenanceNegativeList,
  depreciationStartRule,
  salvageRate,
  riskModel,
  mergerDifferenceThreshold,
  revitalizationMilestones,
  revitalizationDeadlineMonths,
  straightLineMonthly,
  needPurposePriority,
  NEED_PURPOSES,
} from "./parameters";
export type {
  StableWorkTier,
  NegativeListEntry,
  DepreciationStartRule,
  RiskLevel,
  RiskIndicator,
  RiskModel,
  Milestone,
  DeadlineMonths,
  StraightLineMonthly,
  NeedPurpose,
} from "./parameters";
export type { AssetsOptions } from "./internal/options";
export type { AssetFinding } from "./internal/findings";

// --- register 登记造册 (ASSET-REG-1..2) ---
export {
  assetRecordSchema,
  assetRegisterSchema,
  fundingSourceSchema,
  lettingSchema,
  termSchema,
  clearanceSchema,
  ASSET_TYPES,
  ASSET_FORMS,
  ASSET_STATUSES,
  FUNDING_KINDS,
  LETTING_MODES,
} from "./register/record";
export type {
  AssetRecord,
  AssetRecordInput,
  AssetType,
  AssetForm,
  AssetStatus,
  FundingKind,
  LettingMode,
} from "./register/record";
export { summarizeRegister, summarizeRegisterInputSchema } from "./register/summarizeRegister";
export type {
  SummarizeRegisterInput,
  SummarizeRegisterResult,
  RegisterSummaryRow,
  SourceSummaryRow,
} from "./register/summarizeRegister";
export { exportRegisterRows, exportRegisterRowsInputSchema, REGISTER_COLUMNS } from "./register/exportRegisterRows";
export type { ExportRegisterRowsInput, RegisterTable } from "./register/exportRegisterRows";

// --- scope 界定范围类型 (ASSET-SCOPE-1..2) ---
export { classifyAssetScope, classifyAssetScopeInputSchema, IN_SCOPE_FROM } from "./scope/classifyAssetScope";
export type { ClassifyAssetScopeInput, ClassifyAssetScopeResult, ScopeStatus } from "./scope/classifyAssetScope";

// --- ownership 厘清权属关系 (ASSET-OWN-1..4) ---
export {
  resolveOwnership,
  resolveOwnershipInputSchema,
  shareSchema,
  OWNERSHIP_DECIDED_BY,
} from "./ownership/resolveOwnership";
export type {
  ResolveOwnershipInput,
  ResolveOwnershipResult,
  OwnerShare,
  OwnershipConfirmation,
} from "./ownership/resolveOwnership";
export { splitByOwnership, splitByOwnershipInputSchema } from "./ownership/splitByOwnership";
export type { SplitByOwnershipInput, SplitByOwnershipResult } from "./ownership/splitByOwnership";

// --- depreciation 计提折旧 (ASSET-DEP-1) ---
export { depreciationSchedule, depreciationScheduleInputSchema } from "./depreciation/depreciationSchedule";
export type {
  DepreciationScheduleInput,
  DepreciationScheduleResult,
  DepreciationRow,
  DepreciationMethod,
} from "./depreciation/depreciationSchedule";
export { depreciationInputSchema, MAX_LIFE_MONTHS } from "./depreciation/input";
export type { DepreciationInput } from "./depreciation/input";
export { netValueAt, netValueAtInputSchema } from "./depreciation/netValueAt";
export type { NetValueAtInput, NetValueAtResult } from "./depreciation/netValueAt";
export { netValuesAt, netValuesAtInputSchema } from "./depreciation/netValuesAt";
export type { NetValuesAtInput, NetValuesAtResult } from "./depreciation/netValuesAt";

// --- revenue 收益分配 (ASSET-REV-1..6) ---
export {
  distributeRevenue,
  distributeRevenueInputSchema,
  REVENUE_USE_KINDS,
  HOUSEHOLD_BASES,
} from "./revenue/distributeRevenue";
export type {
  DistributeRevenueInput,
  DistributeRevenueResult,
  RevenueUseLine,
  HouseholdPayment,
  RevenueUseKind,
  HouseholdBasis,
} from "./revenue/distributeRevenue";

// --- operation 运营管理 (ASSET-OPS-1..2) ---
export {
  checkOperationChange,
  checkOperationChangeInputSchema,
  operatingContractSchema,
  OPERATION_MODES,
  OWNERSHIP_KINDS,
} from "./operation/checkOperationChange";
export type {
  CheckOperationChangeInput,
  CheckOperationChangeResult,
  OperationMode,
  OwnershipKind,
} from "./operation/checkOperationChange";

// --- maintenance 管护 (ASSET-CARE-1..3) ---
export { resolveMaintainer, resolveMaintainerInputSchema } from "./maintenance/resolveMaintainer";
export type { ResolveMaintainerInput, ResolveMaintainerResult } from "./maintenance/resolveMaintainer";
export { splitMaintenanceCost, splitMaintenanceCostInputSchema } from "./maintenance/splitMaintenanceCost";
export type {
  SplitMaintenanceCostInput,
  SplitMaintenanceCostResult,
  MaintenanceItemSplit,
} from "./maintenance/splitMaintenanceCost";

// --- inventory 清查 (ASSET-INV-1) ---
export { reconcileInventory, reconcileInventoryInputSchema } from "./inventory/reconcileInventory";
export type {
  ReconcileInventoryInput,
  ReconcileInventoryResult,
  InventoryDiscrepancy,
  InventoryCheck,
} from "./inventory/reconcileInventory";

// --- disposal 处置 (ASSET-DISP-1..4) ---
export { checkDisposal, checkDisposalInputSchema, DISPOSAL_GROUNDS, DISPOSAL_METHODS } from "./disposal/checkDisposal";
export type {
  CheckDisposalInput,
  CheckDisposalResult,
  WriteOffEntry,
  DisposalGround,
  DisposalMethod,
} from "./disposal/checkDisposal";
export {
  routeRevitalizationProceeds,
  routeRevitalizationProceedsInputSchema,
  REVITALIZATION_METHODS,
} from "./disposal/routeRevitalizationProceeds";
export type {
  RouteRevitalizationProceedsInput,
  RouteRevitalizationProceedsResult,
  RevitalizationMethod,
} from "./disposal/routeRevitalizationProceeds";

// --- risk 风险预警 (ASSET-RISK-1) ---
export { assessRisk, assessRiskInputSchema, ENTITY_KINDS } from "./risk/assessRisk";
export type { AssessRiskInput, AssessRiskResult, RiskCause, EntityKind } from "./risk/assessRisk";

// --- merger 资产移交 (ASSET-MERGE-1..2) ---
export { planVillageMerger, planVillageMergerInputSchema, MERGER_MEASURES } from "./merger/planVillageMerger";
export type {
  PlanVillageMergerInput,
  PlanVillageMergerResult,
  MergerVillageFigures,
  MergerMeasure,
} from "./merger/planVillageMerger";
export { planFunctionalTransfer, planFunctionalTransferInputSchema } from "./merger/planFunctionalTransfer";
export type {
  PlanFunctionalTransferInput,
  PlanFunctionalTransferResult,
  AssetTransferLine,
  TransferEntry,
} from "./merger/planFunctionalTransfer";

// --- revitalization 盘活 (ASSET-REVIT-1..4) ---
export {
  revitalizationReport,
  revitalizationReportInputSchema,
  revitalizationItemSchema,
  TOWNSHIP_CATEGORIES,
  VILLAGE_CATEGORIES,
  CATEGORY_LABELS,
} from "./revitalization/revitalizationReport";
export type {
  RevitalizationReportInput,
  RevitalizationReportResult,
  RevitalizationItemStatus,
  MilestoneStatus,
  Rate,
  RevitalizationCategory,
  TownshipCategory,
  VillageCategory,
} from "./revitalization/revitalizationReport";

// --- needs 资产需求台账、调剂匹配 (ASSET-NEED-1..2) ---
export {
  assetNeedSchema,
  idleAssetSchema,
  placeSchema,
  NEED_LEVELS,
  NEED_STATUSES,
  MAX_PLACE_LEVELS,
} from "./needs/assetNeed";
export type { AssetNeedInput, IdleAssetInput, NeedLevel, NeedStatus } from "./needs/assetNeed";
export { summarizeNeeds, summarizeNeedsInputSchema } from "./needs/summarizeNeeds";
export type { SummarizeNeedsInput, SummarizeNeedsResult, NeedCount } from "./needs/summarizeNeeds";
export { matchIdleAssets, matchIdleAssetsInputSchema } from "./needs/matchIdleAssets";
export type {
  MatchIdleAssetsInput,
  MatchIdleAssetsResult,
  NeedMatch,
  UnmatchedNeed,
  UnmatchedReason,
} from "./needs/matchIdleAssets";
