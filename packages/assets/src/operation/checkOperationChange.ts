import * as z from "zod";
import {
  addIssue,
  ASSET_OPERATION_CHANGE_JOINT,
  ASSET_OPERATION_CHANGE_VILLAGE,
  idSchema,
  legalDateSchema,
  parseInput,
  procedureEventSchema,
  traceStep,
  type CheckProcedureResult,
  type Label,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { finding, type AssetFinding } from "../internal/findings";
import { checkChain, describeGaps } from "../internal/procedure";
import type { ReadonlyInput } from "../internal/types";
import { termSchema } from "../register/record";

/** How an asset is operated (经营方式). */
export const OPERATION_MODES = /*#__PURE__*/ deepFreeze([
  "self-operated",
  "contract",
  "lease",
  "equity",
  "entrustment",
  "cooperation",
] as const);
/** How an asset is operated (经营方式). */
export type OperationMode = (typeof OPERATION_MODES)[number];

/** Who owns the asset, which decides the approval chain. */
export const OWNERSHIP_KINDS = /*#__PURE__*/ deepFreeze([
  "village",
  "cross-village",
  "cross-township",
  "joint-village",
] as const);
/** Who owns an asset, which decides its approval chain. */
export type OwnershipKind = (typeof OWNERSHIP_KINDS)[number];

const text = z.string().trim().min(1).max(500);

/**
 * zod schema of an operating contract (经营合同或协议) between the owner and the
 * operator: operator, mode, term, revenue distribution and risk control.
 * @remarks Implements ASSET-OPS-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(八)1).
 */
export const operatingContractSchema = z.strictObject({
  operator: text,
  mode: z.enum(OPERATION_MODES),
  term: termSchema,
  /** 收益分配 as the contract states it. */
  revenueDistribution: text,
  /** 风险防控 as the contract states it. */
  riskControl: text,
});

/** zod schema of {@link checkOperationChange}'s input. */
export const checkOperationChangeInputSchema = z
  .strictObject({
    asset: z.strictObject({ id: idSchema, ownership: z.enum(OWNERSHIP_KINDS) }),
    contract: operatingContractSchema,
    proposed: z.strictObject({ operator: text.optional(), mode: z.enum(OPERATION_MODES).optional() }),
    /** The owner's consent to the change (所有权人同意). */
    ownerConsent: z.strictObject({ given: z.boolean(), date: legalDateSchema.optional() }).optional(),
    /** Dated records of the approval chain. */
    events: z.array(procedureEventSchema).max(1000),
  })
  .superRefine((d, ctx) => {
    if (d.proposed.operator === undefined && d.proposed.mode === undefined) {
      addIssue(
        ctx,
        "变更内容为空：须提出新的经营者或经营方式",
        "the proposal is empty: give a new operator or mode",
        ["proposed"],
        "required",
      );
    }
  });

/** Input of {@link checkOperationChange}. */
export type CheckOperationChangeInput = ReadonlyInput<z.input<typeof checkOperationChangeInputSchema>>;

/** Result of {@link checkOperationChange}. */
export interface CheckOperationChangeResult {
  readonly changes: { readonly operator: boolean; readonly mode: boolean };
  /** The id of the procedure that applies. */
  readonly procedure: string;
  readonly approval: CheckProcedureResult;
  readonly ownerConsent: boolean;
  readonly violations: readonly AssetFinding[];
  /** The change may take effect: owner consent (when something changes) and a complete procedure. */
  readonly valid: boolean;
  readonly trace: TraceNode;
}

/**
 * Checks a change of how an asset is operated (经营者、经营方式变更): the owner
 * must consent to a change of operator or mode (ASSET-OPS-1); a village-owned
 * asset needs 村集体民主决策 → 报镇审核备案, a cross-township, cross-village or
 * jointly built one 村集体民主决策 → 镇审核 → 区扶贫办备案 (ASSET-OPS-2, checked
 * with core `checkProcedure`). Returns every violation, not only the first.
 *
 * @param input - asset (id, ownership), current contract, proposed operator/mode, owner consent, events
 * @param options - `{ parameters? }`: quorum rules when the set holds core's procedure parameters
 * @returns changes, the procedure check, violations, validity and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for an empty proposal, unknown keys, a contract term out of order, bad event dates
 * @example
 * ```ts
 * import { checkOperationChange } from "@sannong/assets";
 * const r = checkOperationChange({
 *   asset: { id: "A-1", ownership: "village" },
 *   contract: { operator: "甲合作社", mode: "lease", term: { from: "2020-01-01", to: "2024-12-31" }, revenueDistribution: "租金归村集体", riskControl: "押金" },
 *   proposed: { operator: "乙公司" },
 *   ownerConsent: { given: true, date: "2022-03-01" },
 *   events: [
 *     { step: "democratic-decision", date: "2022-03-05", form: "representatives-meeting", attendees: 30, eligible: 40, votesFor: 25 },
 *     { step: "township-review-filing", date: "2022-03-20" },
 *   ],
 * });
 * r.valid; // → true
 * ```
 * @remarks Implements ASSET-OPS-1, ASSET-OPS-2 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(八)).
 */
export function checkOperationChange(
  input: CheckOperationChangeInput,
  options?: AssetsOptions,
): CheckOperationChangeResult {
  const d = parseInput(checkOperationChangeInputSchema, input, "checkOperationChange");
  const set = paramsOf(options, "checkOperationChange");
  const changes = {
    operator: d.proposed.operator !== undefined && d.proposed.operator !== d.contract.operator,
    mode: d.proposed.mode !== undefined && d.proposed.mode !== d.contract.mode,
  };
  const violations: AssetFinding[] = [];
  const consent = d.ownerConsent?.given === true;
  if ((changes.operator || changes.mode) && !consent) {
    violations.push(
      finding(
        "OWNER_CONSENT_MISSING",
        "ASSET-OPS-1",
        "经营者或经营方式变更未经扶贫资产所有权人同意，不得擅自变更",
        "the operator or mode changes without the owner's consent, which makes the change invalid",
        ["ownerConsent"],
      ),
    );
  }
  const procedure = d.asset.ownership === "village" ? ASSET_OPERATION_CHANGE_VILLAGE : ASSET_OPERATION_CHANGE_JOINT;
  const approval = checkChain(procedure, d.events, set);
  if (!approval.complete) {
    const gaps = describeGaps(procedure, approval);
    violations.push(
      finding(
        "PROCEDURE_INCOMPLETE",
        "ASSET-OPS-2",
        `经营方式变动程序未完成（${procedure.label.zh}）：${gaps.zh}`,
        `the change procedure is incomplete (${procedure.label.en}): ${gaps.en}`,
        ["events"],
      ),
    );
  }
  const note: Label =
    d.asset.ownership === "village"
      ? {
          zh: "归村集体所有：村集体民主决策后报镇审核备案",
          en: "village-owned: democratic decision, then township review and filing",
        }
      : {
          zh: "跨镇跨村或村级联建：村集体民主决策后报镇审核、区扶贫办备案",
          en: "cross-township, cross-village or joint: democratic decision, township review, district filing",
        };
  return Object.freeze({
    changes: Object.freeze(changes),
    procedure: procedure.id,
    approval,
    ownerConsent: consent,
    violations: Object.freeze(violations),
    valid: violations.length === 0,
    trace: traceStep(RULES["ASSET-OPS-2"], {
      inputs: {
        asset: d.asset.id,
        ownership: d.asset.ownership,
        from: `${d.contract.operator} / ${d.contract.mode}`,
        to: `${d.proposed.operator ?? d.contract.operator} / ${d.proposed.mode ?? d.contract.mode}`,
      },
      output: { valid: violations.length === 0, violations: violations.map((v) => v.code) },
      note,
      children: [
        traceStep(RULES["ASSET-OPS-1"], {
          inputs: { changes, ownerConsent: consent },
          output: consent || !(changes.operator || changes.mode),
        }),
        approval.trace,
      ],
    }),
  });
}
