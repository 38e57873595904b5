import * as z from "zod";
import {
  ASSET_DISPOSAL,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  procedureEventSchema,
  traceStep,
  type CheckProcedureResult,
  type Money,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { fail } from "../errors";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { finding, type AssetFinding } from "../internal/findings";
import { checkChain, describeGaps } from "../internal/procedure";
import type { ReadonlyInput } from "../internal/types";

/** Grounds for disposal (处置情形); `other` is refused. */
export const DISPOSAL_GROUNDS = /*#__PURE__*/ deepFreeze([
  "natural-disaster",
  "development-planning",
  "unusable",
  "end-of-life",
  "other",
] as const);
/** A ground for disposal (处置情形). */
export type DisposalGround = (typeof DISPOSAL_GROUNDS)[number];
/** Methods of disposal (处置方式): 拍卖、转让、报废. */
export const DISPOSAL_METHODS = /*#__PURE__*/ deepFreeze(["auction", "transfer", "scrap"] as const);
/** A method of disposal (处置方式). */
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

const text = z.string().trim().min(1).max(500);

/** zod schema of {@link checkDisposal}'s input. */
export const checkDisposalInputSchema = z.strictObject({
  asset: z.strictObject({
    id: idSchema,
    name: text.optional(),
    originalValue: nonNegativeMoneySchema,
    netValue: nonNegativeMoneySchema,
  }),
  ground: z.enum(DISPOSAL_GROUNDS),
  groundNote: text.optional(),
  method: z.enum(DISPOSAL_METHODS),
  /** The valuation (资产评估) by a qualified independent third party. */
  valuation: z
    .strictObject({
      appraiser: text,
      qualified: z.boolean(),
      independent: z.boolean(),
      value: nonNegativeMoneySchema,
      date: legalDateSchema,
    })
    .optional(),
  /** Dated records of the procedure ASSET_DISPOSAL (valuation, township approval, district filing, website publication, disposal). */
  events: z.array(procedureEventSchema).max(1000),
  /** What the disposal brought in (处置收入). */
  proceeds: nonNegativeMoneySchema.optional(),
});

/** Input of {@link checkDisposal}. */
export type CheckDisposalInput = ReadonlyInput<z.input<typeof checkDisposalInputSchema>>;

/** The entry in the write-off ledger (资产核销登记台账). */
export interface WriteOffEntry {
  readonly assetId: string;
  readonly date: string;
  readonly ground: DisposalGround;
  readonly method: DisposalMethod;
  readonly originalValue: Money;
  readonly netValue: Money;
  readonly valuation: Money;
  readonly appraiser: string;
  readonly proceeds: Money;
  /** proceeds − net value. */
  readonly gainOrLoss: Money;
  readonly rule: "ASSET-DISP-3";
}

/** Result of {@link checkDisposal}. */
export interface CheckDisposalResult {
  /** The procedure is complete and nothing blocks the disposal. */
  readonly allowed: boolean;
  readonly approval: CheckProcedureResult;
  readonly violations: readonly AssetFinding[];
  /** Not blocking, but to be looked at (e.g. proceeds below the valuation). */
  readonly warnings: readonly AssetFinding[];
  /** Where the proceeds go: the district treasury, under budget management. */
  readonly proceeds: {
    readonly amount: Money;
    readonly destination: "district-treasury";
    readonly budgetManaged: true;
    readonly rule: "ASSET-DISP-3";
  } | null;
  /** The write-off entry, once allowed and done (the `disposal` step recorded). */
  readonly writeOff: WriteOffEntry | null;
  readonly trace: TraceNode;
}

/**
 * Checks the disposal of a poverty-alleviation asset (扶贫资产处置): the
 * ground must be a natural disaster, development planning, unusability or the
 * end of its useful life, by auction, transfer or scrapping (ASSET-DISP-1);
 * there must be a valuation by a qualified independent third party, then
 * approval by the township government, filing with the district poverty
 * office and publication of the valuation on the district website before the
 * disposal (ASSET-DISP-2, core `checkProcedure` with `ASSET_DISPOSAL`). The
 * proceeds go to the district treasury under budget management, and a
 * write-off entry is produced (ASSET-DISP-3).
 *
 * @param input - asset, ground, method, valuation, events, proceeds?
 * @param options - `{ parameters? }`: quorum rules when the set holds core's procedure parameters
 * @returns whether the disposal is allowed, the procedure check, violations, warnings, proceeds routing, write-off entry, trace
 * @throws {@link PolicyError} `DISPOSAL_GROUND_NOT_ALLOWED`, `DISPOSAL_WITHOUT_VALUATION`,
 *   `VALUATION_NOT_QUALIFIED`; {@link ValidationError} `INVALID_INPUT` for malformed input
 * @example
 * ```ts
 * import { checkDisposal } from "@sannong/assets";
 * const r = checkDisposal({
 *   asset: { id: "A-9", originalValue: "80000.00", netValue: "4000.00" }, ground: "end-of-life", method: "auction",
 *   valuation: { appraiser: "某资产评估公司", qualified: true, independent: true, value: "5000.00", date: "2023-03-01" },
 *   events: [
 *     { step: "valuation", date: "2023-03-01" }, { step: "township-approval", date: "2023-03-10" },
 *     { step: "district-filing", date: "2023-03-15" }, { step: "valuation-publication", date: "2023-03-05" },
 *     { step: "disposal", date: "2023-04-01" },
 *   ],
 *   proceeds: "5200.00",
 * });
 * r.allowed; // → true
 * // proceeds 5200.00 − net value 4000.00
 * String(r.writeOff?.gainOrLoss); // → "1200.00"
 * ```
 * @remarks Implements ASSET-DISP-1, ASSET-DISP-2, ASSET-DISP-3 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(十一)2).
 */
export function checkDisposal(input: CheckDisposalInput, options?: AssetsOptions): CheckDisposalResult {
  const d = parseInput(checkDisposalInputSchema, input, "checkDisposal");
  const set = paramsOf(options, "checkDisposal");
  if (d.ground === "other")
    fail("DISPOSAL_GROUND_NOT_ALLOWED", { assetId: d.asset.id, ground: d.groundNote ?? "other" }, ["ground"]);
  if (!d.valuation) fail("DISPOSAL_WITHOUT_VALUATION", { assetId: d.asset.id }, ["valuation"]);
  const v = d.valuation!;
  if (!v.qualified || !v.independent) {
    const missing = [!v.qualified ? "具有相关资质 / qualified" : "", !v.independent ? "独立第三方 / independent" : ""]
      .filter(Boolean)
      .join("; ");
    fail("VALUATION_NOT_QUALIFIED", { assetId: d.asset.id, appraiser: v.appraiser, missing }, ["valuation"]);
  }
  const approval = checkChain(ASSET_DISPOSAL, d.events, set);
  const violations: AssetFinding[] = [];
  const warnings: AssetFinding[] = [];
  if (!approval.complete) {
    const gaps = describeGaps(ASSET_DISPOSAL, approval);
    violations.push(
      finding(
        "PROCEDURE_INCOMPLETE",
        "ASSET-DISP-2",
        `处置程序未完成：${gaps.zh}`,
        `the disposal procedure is incomplete: ${gaps.en}`,
        ["events"],
      ),
    );
  }
  const valuationValue = v.value as Money;
  const proceeds = d.proceeds as Money | undefined;
  if (proceeds && d.method !== "scrap" && proceeds.fen < valuationValue.fen) {
    warnings.push(
      finding(
        "PROCEEDS_BELOW_VALUATION",
        "ASSET-DISP-2",
        `处置收入 ${String(proceeds)} 元低于评估价值 ${String(valuationValue)} 元，须防止扶贫资产流失`,
        `the proceeds ${String(proceeds)} 元 are below the valuation ${String(valuationValue)} 元: guard against loss of the asset`,
        ["proceeds"],
      ),
    );
  }
  const allowed = violations.length === 0;
  const disposalStep = approval.steps.find((s) => s.step === "disposal");
  const done = allowed && disposalStep?.status === "done";
  const proceedsRoute = proceeds
    ? Object.freeze({
        amount: proceeds,
        destination: "district-treasury" as const,
        budgetManaged: true as const,
        rule: "ASSET-DISP-3" as const,
      })
    : null;
  const writeOff: WriteOffEntry | null = done
    ? Object.freeze({
        assetId: d.asset.id,
        date: disposalStep!.date!,
        ground: d.ground,
        method: d.method,
        originalValue: d.asset.originalValue as Money,
        netValue: d.asset.netValue as Money,
        valuation: valuationValue,
        appraiser: v.appraiser,
        proceeds: proceeds ?? moneyFromFen(0),
        gainOrLoss: moneyFromFen((proceeds?.fen ?? 0n) - (d.asset.netValue as Money).fen),
        rule: "ASSET-DISP-3" as const,
      })
    : null;
  return Object.freeze({
    allowed,
    approval,
    violations: Object.freeze(violations),
    warnings: Object.freeze(warnings),
    proceeds: proceedsRoute,
    writeOff,
    trace: traceStep(RULES["ASSET-DISP-2"], {
      inputs: {
        asset: d.asset.id,
        ground: d.ground,
        method: d.method,
        valuation: valuationValue,
        appraiser: v.appraiser,
      },
      output: { allowed, violations: violations.map((x) => x.code), warnings: warnings.map((x) => x.code) },
      children: [
        traceStep(RULES["ASSET-DISP-1"], {
          inputs: { ground: d.ground, method: d.method },
          output: "allowed ground and method",
        }),
        approval.trace,
        traceStep(RULES["ASSET-DISP-3"], {
          inputs: { proceeds: proceeds ?? null },
          output: { destination: proceeds ? "district-treasury" : null, writeOff: writeOff ? writeOff.date : null },
          note: {
            zh: "处置收入上缴区财政，纳入预算管理；办理资产核销并登记核销台账",
            en: "proceeds to the district treasury under budget management; write-off entered in the write-off ledger",
          },
        }),
      ],
    }),
  });
}
