/**
 * The computations the `sannong` command knows. Adding one is one line:
 * `.register("<pkg>.<fn>", pkg.fn, pkg.fnInputSchema, pkg.<pkg>ParameterSet)`
 * — always with the package's parameter set when the function takes
 * `options.parameters` (an overlay the function does not use is reported
 * from its trace) — then add a scenario for it under `examples/<pkg>/`
 * (a test fails until you do).
 */
import * as z from "zod";
import * as core from "@sannong/core";
import * as funds from "@sannong/funds";
import * as insurance from "@sannong/insurance";
import * as assets from "@sannong/assets";
import * as migrants from "@sannong/migrants";
import { createRegistry, type Registry } from "./scenario/computation";

/** core.allocate takes `(total, weights, options)`; the scenario input is `{ total, weights, options }`. */
function coreAllocate(input: z.input<typeof core.allocateInputSchema>): core.Money[] {
  return core.allocate(
    input.total as core.MoneyInput,
    input.weights as (number | string)[],
    input.options as core.AllocateOptions | undefined,
  );
}

/** core.apportion takes `(places, weights, options)`; the scenario input is `{ places, weights, options }`. */
function coreApportion(input: z.input<typeof core.apportionInputSchema>): core.ApportionResult {
  return core.apportion(
    input.places as number,
    input.weights as (number | string)[],
    input.options as core.ApportionOptions | undefined,
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const builtInProcedureIds = Object.keys(core.builtInProcedures);

function builtInProcedure(id: string): core.Procedure | undefined {
  return Object.hasOwn(core.builtInProcedures, id) ? core.builtInProcedures[id as core.BuiltInProcedureId] : undefined;
}

/**
 * core.checkProcedure's schema, where `procedure` may also name a built-in
 * procedure (`five-deliberations-two-disclosures`, `asset-disposal`, …).
 */
const checkProcedureScenarioSchema = z.preprocess((v, ctx) => {
  if (!isRecord(v) || typeof v["procedure"] !== "string") return v;
  const p = builtInProcedure(v["procedure"]);
  if (p) return { ...v, procedure: p };
  core.addIssue(
    ctx,
    `未知的内置程序 “${v["procedure"]}”（可用：${builtInProcedureIds.join("、")}）`,
    `unknown built-in procedure "${v["procedure"]}" (known: ${builtInProcedureIds.join(", ")})`,
    ["procedure"],
    "unknown_procedure",
  );
  return z.NEVER;
}, core.checkProcedureInputSchema);

/** core.checkProcedure takes `(procedure, events, options)`; the parameters of a scenario's overlay go into `options`. */
function coreCheckProcedure(
  input: { procedure: string | core.Procedure; events: core.ProcedureEvent[]; options?: { through?: string } },
  options?: { readonly parameters?: core.ParameterSet },
): core.CheckProcedureResult {
  const procedure = typeof input.procedure === "string" ? builtInProcedure(input.procedure)! : input.procedure;
  const opts: core.CheckProcedureOptions = {
    ...input.options,
    ...(options?.parameters ? { parameters: options.parameters } : {}),
  };
  return core.checkProcedure(procedure, input.events, opts);
}

/** core.rollUp takes `(items, regions, level, options)`; the scenario input is `{ items, regions, level, options }`. */
function coreRollUp(input: z.input<typeof core.rollUpInputSchema>): core.RollUpResult {
  const i = input as unknown as {
    items: core.RollUpItem[];
    regions: core.Region[];
    level: core.AdminLevel;
    options?: core.RollUpOptions;
  };
  return core.rollUp(i.items, i.regions, i.level, i.options);
}

/**
 * Runs `fn` and puts `prefix` in front of the paths of the validation errors
 * it throws, for adapters whose scenario input nests the function's argument.
 */
function prefixed<T>(prefix: readonly (string | number)[], fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof core.ValidationError)
      throw new core.ValidationError(
        e.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })),
        e.details["fn"] as string | undefined,
      );
    if (e instanceof core.PolicyError && e.path.length > 0 && e.path[0] !== "date")
      throw new core.PolicyError({
        code: e.code,
        zh: e.zh,
        en: e.en,
        path: [...prefix, ...e.path],
        details: e.details,
      });
    throw e;
  }
}

/** assets.netValueAt takes `(asset, date)`; the scenario input is `{ asset, date }`. */
const netValueAtScenarioSchema = z.strictObject({ asset: assets.netValueAtInputSchema, date: core.legalDateSchema });
function assetsNetValueAt(
  input: { asset: assets.NetValueAtInput; date: core.LegalDate },
  options?: { readonly parameters?: core.ParameterSet },
): assets.NetValueAtResult {
  return prefixed(["asset"], () =>
    options?.parameters
      ? assets.netValueAt(input.asset, input.date, { parameters: options.parameters })
      : assets.netValueAt(input.asset, input.date),
  );
}

/** migrants.projectReserveCalendar takes a date; the scenario input is `{ date }`. */
const projectReserveCalendarScenarioSchema = z.strictObject({ date: migrants.projectReserveCalendarInputSchema });
function migrantsProjectReserveCalendar(
  input: { date: core.LegalDate },
  options?: { readonly parameters?: core.ParameterSet },
): migrants.ProjectReserveCalendarResult {
  return prefixed(["date"], () =>
    options?.parameters
      ? migrants.projectReserveCalendar(input.date, { parameters: options.parameters })
      : migrants.projectReserveCalendar(input.date),
  );
}

/**
 * The built-in registry (内置计算): every public computation of the sannong
 * packages that the command can run, and every package's parameters.
 * @example
 * ```ts
 * builtInRegistry.get("funds.allocateByFactors")?.label?.zh; // "因素法分配"
 * builtInRegistry.ids().includes("insurance.computeLandQuota"); // true
 * ```
 * @remarks Implements CLI-SCEN-1, CLI-PARAM-1.
 */
export const builtInRegistry: Registry = createRegistry()
  // --- core ---
  .registerParameters("core", core.coreParameters)
  .register("core.allocate", coreAllocate, core.allocateInputSchema, undefined, {
    label: { zh: "按比例分配", en: "proportional allocation" },
  })
  .register("core.apportion", coreApportion, core.apportionInputSchema, undefined, {
    label: { zh: "名额分配", en: "apportionment of places" },
  })
  .register("core.rollUp", coreRollUp, core.rollUpInputSchema, undefined, {
    label: { zh: "按行政层级汇总", en: "roll-up by administrative level" },
  })
  .register("core.checkProcedure", coreCheckProcedure, checkProcedureScenarioSchema, core.coreParameterSet, {
    label: { zh: "程序核查", en: "procedure check" },
  })
  // --- funds ---
  .registerParameters("funds", funds.fundsParameters)
  .register(
    "funds.allocateByFactors",
    funds.allocateByFactors,
    funds.allocateByFactorsInputSchema,
    funds.fundsParameterSet,
    { label: { zh: "因素法分配", en: "factor-method allocation" } },
  )
  .register(
    "funds.allocateByProjects",
    funds.allocateByProjects,
    funds.allocateByProjectsInputSchema,
    funds.fundsParameterSet,
    { label: { zh: "项目法竞争性分配", en: "project-method allocation" } },
  )
  .register(
    "funds.allocateCombined",
    funds.allocateCombined,
    funds.allocateCombinedInputSchema,
    funds.fundsParameterSet,
    { label: { zh: "因素法与项目法相结合", en: "combined factor and project allocation" } },
  )
  .register("funds.repoolUnclaimed", funds.repoolUnclaimed, funds.repoolUnclaimedInputSchema, funds.fundsParameterSet, {
    label: { zh: "未申报资金县级统筹", en: "re-pooling of unclaimed money" },
  })
  .register("funds.spreadOverYears", funds.spreadOverYears, funds.spreadOverYearsInputSchema, funds.fundsParameterSet, {
    label: { zh: "多年资金计划", en: "multi-year plan" },
  })
  .register("funds.projectFundPool", funds.projectFundPool, funds.projectFundPoolInputSchema, funds.fundsParameterSet, {
    label: { zh: "保障资金池动态平衡测算", en: "guarantee fund pool projection" },
  })
  .register("funds.computeArrears", funds.computeArrears, funds.computeArrearsInputSchema, funds.fundsParameterSet, {
    label: { zh: "划转欠款核查", en: "transfer arrears" },
  })
  .register(
    "funds.spendingProgress",
    funds.spendingProgress,
    funds.spendingProgressInputSchema,
    funds.fundsParameterSet,
    { label: { zh: "支出进度监控预警", en: "spending progress" } },
  )
  .register(
    "funds.planDisbursement",
    funds.planDisbursement,
    funds.planDisbursementInputSchema,
    funds.fundsParameterSet,
    { label: { zh: "资金拨付计划", en: "disbursement plan" } },
  )
  .register(
    "funds.settleDisbursement",
    funds.settleDisbursement,
    funds.settleDisbursementInputSchema,
    funds.fundsParameterSet,
    { label: { zh: "完工验收后结算", en: "settlement after acceptance" } },
  )
  // --- insurance ---
  .registerParameters("insurance", insurance.insuranceParameters)
  .register(
    "insurance.computeLandQuota",
    insurance.computeLandQuota,
    insurance.computeLandQuotaInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "以地定量：参保指标", en: "land-based insurance quota" } },
  )
  .register(
    "insurance.checkQuotaEligibility",
    insurance.checkQuotaEligibility,
    insurance.checkQuotaEligibilityInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "参保准入门槛", en: "insurance eligibility gates" } },
  )
  .register(
    "insurance.allocateQuotaToHouseholds",
    insurance.allocateQuotaToHouseholds,
    insurance.allocateQuotaToHouseholdsInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "人地对应：名额分到户", en: "places to households (person–land)" } },
  )
  .register(
    "insurance.reassignSurplus",
    insurance.reassignSurplus,
    insurance.reassignSurplusInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "节余指标调剂", en: "reassignment of surplus places" } },
  )
  .register(
    "insurance.placeStatus",
    insurance.placeStatus,
    insurance.placeStatusInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "即征即保：名额有效性", en: "validity of places" } },
  )
  .register(
    "insurance.buildTransferSchedule",
    insurance.buildTransferSchedule,
    insurance.buildTransferScheduleInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "资金划转计划", en: "fund transfer schedule" } },
  )
  .register(
    "insurance.transfersAsDue",
    insurance.transfersAsDue,
    insurance.transfersAsDueInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "划转计划作为应付款项", en: "transfers as amounts due" } },
  )
  .register(
    "insurance.isOverAgeConverted",
    insurance.isOverAgeConverted,
    insurance.isOverAgeConvertedInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "是否超转人员", en: "over-age converted person?" } },
  )
  .register(
    "insurance.buildRemittanceSchedule",
    insurance.buildRemittanceSchedule,
    insurance.buildRemittanceScheduleInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "趸缴变分期：汇缴计划", en: "installment remittance schedule" } },
  )
  .register(
    "insurance.transitionPayments",
    insurance.transitionPayments,
    insurance.transitionPaymentsInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "过渡期保障费用", en: "transition guarantee payments" } },
  )
  .register(
    "insurance.remittancesAsOutflows",
    insurance.remittancesAsOutflows,
    insurance.remittancesAsOutflowsInputSchema,
    insurance.insuranceParameterSet,
    { label: { zh: "汇缴计划作为资金池支出", en: "remittances as pool outflows" } },
  )
  // --- assets ---
  .registerParameters("assets", assets.assetsParameters)
  .register(
    "assets.summarizeRegister",
    assets.summarizeRegister,
    assets.summarizeRegisterInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "资产台账汇总", en: "asset register summary" } },
  )
  .register(
    "assets.exportRegisterRows",
    assets.exportRegisterRows,
    assets.exportRegisterRowsInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "资产台账导出", en: "asset register rows" } },
  )
  .register(
    "assets.classifyAssetScope",
    assets.classifyAssetScope,
    assets.classifyAssetScopeInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "扶贫资产范围与类型", en: "asset scope and type" } },
  )
  .register(
    "assets.resolveOwnership",
    assets.resolveOwnership,
    assets.resolveOwnershipInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "厘清资产权属", en: "asset ownership" } },
  )
  .register(
    "assets.splitByOwnership",
    assets.splitByOwnership,
    assets.splitByOwnershipInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "按权属比例分钱", en: "split money by ownership" } },
  )
  .register(
    "assets.distributeRevenue",
    assets.distributeRevenue,
    assets.distributeRevenueInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "资产收益分配", en: "revenue distribution" } },
  )
  .register(
    "assets.resolveMaintainer",
    assets.resolveMaintainer,
    assets.resolveMaintainerInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "确定管护主体", en: "who maintains an asset" } },
  )
  .register(
    "assets.splitMaintenanceCost",
    assets.splitMaintenanceCost,
    assets.splitMaintenanceCostInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "管护经费承担", en: "maintenance cost split" } },
  )
  .register(
    "assets.checkOperationChange",
    assets.checkOperationChange,
    assets.checkOperationChangeInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "经营方式变更审批", en: "operation change approval" } },
  )
  .register(
    "assets.reconcileInventory",
    assets.reconcileInventory,
    assets.reconcileInventoryInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "资产清查核对", en: "inventory reconciliation" } },
  )
  .register("assets.checkDisposal", assets.checkDisposal, assets.checkDisposalInputSchema, assets.assetsParameterSet, {
    label: { zh: "资产处置核查", en: "disposal check" },
  })
  .register(
    "assets.routeRevitalizationProceeds",
    assets.routeRevitalizationProceeds,
    assets.routeRevitalizationProceedsInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "盘活收益去向", en: "revitalization proceeds" } },
  )
  .register("assets.assessRisk", assets.assessRisk, assets.assessRiskInputSchema, assets.assetsParameterSet, {
    label: { zh: "带贫主体风险评估", en: "risk assessment" },
  })
  .register(
    "assets.planVillageMerger",
    assets.planVillageMerger,
    assets.planVillageMergerInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "撤并村资产移交方式", en: "village merger transfer" } },
  )
  .register(
    "assets.planFunctionalTransfer",
    assets.planFunctionalTransfer,
    assets.planFunctionalTransferInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "资产随职能和人员走", en: "functional transfer of assets" } },
  )
  .register(
    "assets.revitalizationReport",
    assets.revitalizationReport,
    assets.revitalizationReportInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "闲置资产盘活进度", en: "revitalization report" } },
  )
  .register(
    "assets.summarizeNeeds",
    assets.summarizeNeeds,
    assets.summarizeNeedsInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "资产需求台账分析", en: "asset-needs register analysis" } },
  )
  .register(
    "assets.matchIdleAssets",
    assets.matchIdleAssets,
    assets.matchIdleAssetsInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "闲置资产调剂匹配", en: "matching idle assets to needs" } },
  )
  .register(
    "assets.depreciationSchedule",
    assets.depreciationSchedule,
    assets.depreciationScheduleInputSchema,
    assets.assetsParameterSet,
    { label: { zh: "固定资产折旧表", en: "depreciation schedule" } },
  )
  .register("assets.netValueAt", assetsNetValueAt, netValueAtScenarioSchema, assets.assetsParameterSet, {
    label: { zh: "某日资产净值", en: "net value on a date" },
  })
  .register("assets.netValuesAt", assets.netValuesAt, assets.netValuesAtInputSchema, assets.assetsParameterSet, {
    label: { zh: "某日多项资产净值", en: "net values on a date" },
  })
  // --- migrants ---
  .registerParameters("migrants", migrants.migrantsParameters)
  .register(
    "migrants.drawSurveySample",
    migrants.drawSurveySample,
    migrants.drawSurveySampleInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "移民生活状况抽样调查", en: "living-conditions survey sample" } },
  )
  .register(
    "migrants.quantifyShares",
    migrants.quantifyShares,
    migrants.quantifySharesInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "折股量化到户", en: "shares quantified to households" } },
  )
  .register(
    "migrants.distributeDividends",
    migrants.distributeDividends,
    migrants.distributeDividendsInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "按股（按交易额）分红", en: "dividends" } },
  )
  .register(
    "migrants.distributeByPaidContribution",
    migrants.distributeByPaidContribution,
    migrants.distributeByPaidContributionInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "按有偿投入分享收益", en: "income by paid contribution" } },
  )
  .register(
    "migrants.projectReserveCalendar",
    migrantsProjectReserveCalendar,
    projectReserveCalendarScenarioSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "项目储备库申报日历", en: "project reserve calendar" } },
  )
  .register(
    "migrants.checkReserveApplication",
    migrants.checkReserveApplication,
    migrants.checkReserveApplicationInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "项目入库申报时间核查", en: "reserve application check" } },
  )
  .register(
    "migrants.registerAsOf",
    migrants.registerAsOf,
    migrants.registerAsOfInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "建档立卡名册（某日）", en: "register as of a date" } },
  )
  .register(
    "migrants.registerHistory",
    migrants.registerHistory,
    migrants.registerHistoryInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "建档立卡动态记录", en: "register history" } },
  )
  .register(
    "migrants.checkAidEligibility",
    migrants.checkAidEligibility,
    migrants.checkAidEligibilityInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "帮扶救助资格", en: "aid eligibility" } },
  )
  .register(
    "migrants.stackSubsidies",
    migrants.stackSubsidies,
    migrants.stackSubsidiesInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "叠加补助", en: "stacked subsidies" } },
  )
  .register(
    "migrants.evaluatePerformance",
    migrants.evaluatePerformance,
    migrants.evaluatePerformanceInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "资金使用绩效评价", en: "performance evaluation" } },
  )
  .register(
    "migrants.quarterlyReport",
    migrants.quarterlyReport,
    migrants.quarterlyReportInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "季度报表与逾期报送", en: "quarterly report" } },
  )
  .register(
    "migrants.allocateMigrantFunds",
    migrants.allocateMigrantFunds,
    migrants.allocateMigrantFundsInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "移民资金分配", en: "migrant fund allocation" } },
  )
  .register(
    "migrants.repoolMigrantFunds",
    migrants.repoolMigrantFunds,
    migrants.repoolMigrantFundsInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "移民资金县级统筹", en: "migrant fund re-pooling" } },
  )
  .register(
    "migrants.planTownshipEntrepreneurshipFunds",
    migrants.planTownshipEntrepreneurshipFunds,
    migrants.planTownshipEntrepreneurshipFundsInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "乡镇创业资金统筹", en: "township entrepreneurship funds" } },
  )
  .register(
    "migrants.awardInsteadOfSubsidy",
    migrants.awardInsteadOfSubsidy,
    migrants.awardInsteadOfSubsidyInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "以奖代补", en: "award instead of subsidy" } },
  )
  .register(
    "migrants.selectReserveProjects",
    migrants.selectReserveProjects,
    migrants.selectReserveProjectsInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "从储备库择优安排项目", en: "projects from the reserve" } },
  )
  .register(
    "migrants.targetProgress",
    migrants.targetProgress,
    migrants.targetProgressInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "目标任务进度", en: "target progress" } },
  )
  .register(
    "migrants.loanInterestSubsidy",
    migrants.loanInterestSubsidy,
    migrants.loanInterestSubsidyInputSchema,
    migrants.migrantsParameterSet,
    { label: { zh: "创业致富贷款贴息", en: "loan interest subsidy" } },
  );
