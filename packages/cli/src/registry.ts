/**
 * The computations the `sannong` command knows. Adding one is one line:
 * `.register("<pkg>.<fn>", pkg.fn, pkg.fnInputSchema, pkg.<pkg>ParameterSet)`;
 * then add a scenario for it under `examples/`.
 */
import * as z from "zod";
import * as core from "@sannong/core";
import * as funds from "@sannong/funds";
import * as insurance from "@sannong/insurance";
import { createRegistry, type Registry } from "./scenario/computation";

/** core.allocate takes `(total, weights, options)`; the scenario input is `{ total, weights, options }`. */
function coreAllocate(input: z.input<typeof core.allocateInputSchema>): core.Money[] {
  return core.allocate(input.total as core.MoneyInput, input.weights as (number | string)[], input.options as core.AllocateOptions | undefined);
}

/** core.apportion takes `(places, weights, options)`; the scenario input is `{ places, weights, options }`. */
function coreApportion(input: z.input<typeof core.apportionInputSchema>): core.ApportionResult {
  return core.apportion(input.places as number, input.weights as (number | string)[], input.options as core.ApportionOptions | undefined);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const builtInProcedureIds = Object.keys(core.builtInProcedures);

function builtInProcedure(id: string): core.Procedure | undefined {
  return Object.prototype.hasOwnProperty.call(core.builtInProcedures, id) ? core.builtInProcedures[id as core.BuiltInProcedureId] : undefined;
}

/**
 * core.checkProcedure's schema, where `procedure` may also name a built-in
 * procedure (`five-deliberations-two-disclosures`, `asset-disposal`, …).
 */
const checkProcedureScenarioSchema = z.preprocess((v, ctx) => {
  if (!isRecord(v) || typeof v["procedure"] !== "string") return v;
  const p = builtInProcedure(v["procedure"]);
  if (p) return { ...v, procedure: p };
  core.addIssue(ctx, `未知的内置程序 “${v["procedure"]}”（可用：${builtInProcedureIds.join("、")}）`, `unknown built-in procedure "${v["procedure"]}" (known: ${builtInProcedureIds.join(", ")})`, ["procedure"], "unknown_procedure");
  return z.NEVER;
}, core.checkProcedureInputSchema);

/** core.checkProcedure takes `(procedure, events, options)`; the parameters of a scenario's overlay go into `options`. */
function coreCheckProcedure(input: { procedure: string | core.Procedure; events: core.ProcedureEvent[]; options?: { through?: string } }, options?: { readonly parameters?: core.ParameterSet }): core.CheckProcedureResult {
  const procedure = typeof input.procedure === "string" ? builtInProcedure(input.procedure)! : input.procedure;
  const opts: core.CheckProcedureOptions = { ...input.options, ...(options?.parameters ? { parameters: options.parameters } : {}) };
  return core.checkProcedure(procedure, input.events, opts);
}

/**
 * The built-in registry (内置计算): every public computation of the sannong
 * packages that the command can run, and every package's parameters.
 * @remarks Implements CLI-SCEN-1, CLI-PARAM-1.
 */
export const builtInRegistry: Registry = createRegistry()
  // --- core ---
  .registerParameters("core", core.coreParameters)
  .register("core.allocate", coreAllocate, core.allocateInputSchema, undefined, { label: { zh: "按比例分配", en: "proportional allocation" } })
  .register("core.apportion", coreApportion, core.apportionInputSchema, undefined, { label: { zh: "名额分配", en: "apportionment of places" } })
  .register("core.checkProcedure", coreCheckProcedure, checkProcedureScenarioSchema, core.coreParameterSet, { label: { zh: "程序核查", en: "procedure check" } })
  // --- funds ---
  .registerParameters("funds", funds.fundsParameters)
  .register("funds.allocateByFactors", funds.allocateByFactors, funds.allocateByFactorsInputSchema, funds.fundsParameterSet, { label: { zh: "因素法分配", en: "factor-method allocation" } })
  // --- insurance ---
  .registerParameters("insurance", insurance.insuranceParameters)
  .register("insurance.computeLandQuota", insurance.computeLandQuota, insurance.computeLandQuotaInputSchema, insurance.insuranceParameterSet, { label: { zh: "以地定量：参保指标", en: "land-based insurance quota" } })
  .register("insurance.checkQuotaEligibility", insurance.checkQuotaEligibility, insurance.checkQuotaEligibilityInputSchema, insurance.insuranceParameterSet, { label: { zh: "参保准入门槛", en: "insurance eligibility gates" } })
  .register("insurance.allocateQuotaToHouseholds", insurance.allocateQuotaToHouseholds, insurance.allocateQuotaToHouseholdsInputSchema, insurance.insuranceParameterSet, { label: { zh: "人地对应：名额分到户", en: "places to households (person–land)" } })
  .register("insurance.isOverAgeConverted", insurance.isOverAgeConverted, insurance.isOverAgeConvertedInputSchema, insurance.insuranceParameterSet, { label: { zh: "是否超转人员", en: "over-age converted person?" } })
  .register("insurance.buildRemittanceSchedule", insurance.buildRemittanceSchedule, insurance.buildRemittanceScheduleInputSchema, insurance.insuranceParameterSet, { label: { zh: "趸缴变分期：汇缴计划", en: "installment remittance schedule" } })
  .register("insurance.remittancesAsOutflows", insurance.remittancesAsOutflows, insurance.remittancesAsOutflowsInputSchema, undefined, { label: { zh: "汇缴计划作为资金池支出", en: "remittances as pool outflows" } });
