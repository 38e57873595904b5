import * as z from "zod";
import {
  idSchema,
  legalDateSchema,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  type Money,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import type { ReadonlyInput } from "../internal/types";

/** Ways of revitalising an idle or loss-making asset: 股份合作、业务托管、合作经营、改制重组、收回本金. */
export const REVITALIZATION_METHODS = /*#__PURE__*/ deepFreeze([
  "share-cooperation",
  "business-entrustment",
  "cooperative-operation",
  "restructuring",
  "principal-recovery",
] as const);
/** A way of revitalising an idle or loss-making asset (盘活方式). */
export type RevitalizationMethod = (typeof REVITALIZATION_METHODS)[number];

/** zod schema of {@link routeRevitalizationProceeds}'s input. */
export const routeRevitalizationProceedsInputSchema = z.strictObject({
  assetId: idSchema,
  /** Why it is revitalised: long idle, poor returns, or loss-making (长期闲置、效益差、亏损). */
  condition: z.enum(["idle", "low-return", "loss-making"]),
  method: z.enum(REVITALIZATION_METHODS),
  proceeds: nonNegativeMoneySchema,
  date: legalDateSchema,
});

/** Input of {@link routeRevitalizationProceeds}. */
export type RouteRevitalizationProceedsInput = ReadonlyInput<z.input<typeof routeRevitalizationProceedsInputSchema>>;

/** Result of {@link routeRevitalizationProceeds}. */
export interface RouteRevitalizationProceedsResult {
  readonly assetId: string;
  readonly amount: Money;
  readonly destination: "district-treasury";
  /** 按照程序统筹用于其他扶贫项目. */
  readonly use: "other-poverty-projects";
  readonly date: string;
  readonly method: RevitalizationMethod;
  readonly rule: "ASSET-DISP-4";
  readonly trace: TraceNode;
}

const METHOD_ZH: Record<RevitalizationMethod, string> = /*#__PURE__*/ deepFreeze({
  "share-cooperation": "股份合作",
  "business-entrustment": "业务托管",
  "cooperative-operation": "合作经营",
  restructuring: "改制重组",
  "principal-recovery": "收回本金",
});

/**
 * Routes what revitalising an idle, low-return or loss-making asset brings in
 * (扶贫资产盘活所得): it goes to the district treasury and is used, by
 * procedure, for other poverty-alleviation projects.
 *
 * @param input - assetId, condition, method, proceeds, date
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns destination and use of the proceeds, with a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown method, negative proceeds, unknown keys
 * @example
 * ```ts
 * import { routeRevitalizationProceeds } from "@sannong/assets";
 * routeRevitalizationProceeds({ assetId: "A-3", condition: "loss-making", method: "principal-recovery", proceeds: "30000.00", date: "2022-05-01" }).destination; // → "district-treasury"
 * ```
 * @remarks Implements ASSET-DISP-4 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(十一)3).
 */
export function routeRevitalizationProceeds(
  input: RouteRevitalizationProceedsInput,
  options?: AssetsOptions,
): RouteRevitalizationProceedsResult {
  const d = parseInput(routeRevitalizationProceedsInputSchema, input, "routeRevitalizationProceeds");
  paramsOf(options, "routeRevitalizationProceeds");
  const amount = d.proceeds as Money;
  return Object.freeze({
    assetId: d.assetId,
    amount,
    destination: "district-treasury" as const,
    use: "other-poverty-projects" as const,
    date: d.date,
    method: d.method,
    rule: "ASSET-DISP-4" as const,
    trace: traceStep(RULES["ASSET-DISP-4"], {
      inputs: { assetId: d.assetId, condition: d.condition, method: d.method, proceeds: amount },
      output: { destination: "district-treasury", use: "other-poverty-projects" },
      note: {
        zh: `通过${METHOD_ZH[d.method]}盘活所得上缴区财政，按程序统筹用于其他扶贫项目`,
        en: `proceeds of ${d.method} go to the district treasury, for other poverty-alleviation projects`,
      },
    }),
  });
}
