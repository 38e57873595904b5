import * as z from "zod";
import { parseInput, traceStep, type Label, type TraceNode } from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import type { ReadonlyInput } from "../internal/types";

const text = z.string().trim().min(1).max(200);

/** zod schema of {@link resolveMaintainer}'s input. */
export const resolveMaintainerInputSchema = z.strictObject({
  kind: z.enum(["single-village", "cross-village", "cross-township"]),
  /** 收益权人. */
  beneficiary: text,
  /** Cross-township: the township where the project stands (项目实施所在镇). */
  locatedInTownship: text.optional(),
  /** Cross-village: the body the township names for daily maintenance (由镇明确的日常管护主体). */
  designatedBody: text.optional(),
  /** Whether the arrangement has been filed with the district poverty office (区扶贫办备案). */
  filedWithDistrict: z.boolean().optional(),
});

/** Input of {@link resolveMaintainer}. */
export type ResolveMaintainerInput = ReadonlyInput<z.input<typeof resolveMaintainerInputSchema>>;

/** Result of {@link resolveMaintainer}. */
export interface ResolveMaintainerResult {
  /** `pending` while the body that must name the maintainer has not. */
  readonly status: "determined" | "pending";
  readonly maintainer?: string;
  /** Cross-township and cross-village arrangements are filed with the district poverty office. */
  readonly filing: { readonly required: boolean; readonly done: boolean };
  readonly reason: Label;
  readonly rule: "ASSET-CARE-1";
  readonly trace: TraceNode;
}

/**
 * Says who maintains an asset (管护主体): under 收益权与管护权相结合 the
 * beneficiary maintains it; a cross-township project is maintained by the
 * township where it stands and a cross-village one by the body the township
 * names, both filed with the district poverty office. When the township has
 * not named the body (or the location is not given), the result is `pending`,
 * never a guess.
 *
 * @param input - kind, beneficiary, locatedInTownship?, designatedBody?, filedWithDistrict?
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns maintainer, filing status, reason and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for unknown keys or empty names
 * @example
 * ```ts
 * import { resolveMaintainer } from "@sannong/assets";
 * resolveMaintainer({ kind: "cross-township", beneficiary: "甲村、乙村", locatedInTownship: "河西镇" }).maintainer; // → "河西镇"
 * ```
 * @remarks Implements ASSET-CARE-1 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(九)1).
 */
export function resolveMaintainer(input: ResolveMaintainerInput, options?: AssetsOptions): ResolveMaintainerResult {
  const d = parseInput(resolveMaintainerInputSchema, input, "resolveMaintainer");
  paramsOf(options, "resolveMaintainer");
  let maintainer: string | undefined;
  let reason: Label;
  if (d.kind === "single-village") {
    maintainer = d.beneficiary;
    reason = {
      zh: "收益权与管护权相结合：由收益权人管护",
      en: "the maintainer follows the beneficiary (收益权与管护权相结合)",
    };
  } else if (d.kind === "cross-township") {
    maintainer = d.locatedInTownship;
    reason = maintainer
      ? {
          zh: "跨镇实施的项目由项目实施所在镇负责管护，区扶贫办备案",
          en: "a cross-township project is maintained by the township where it stands, filed with the district office",
        }
      : { zh: "跨镇项目须注明实施所在镇", en: "a cross-township project needs the township where it stands" };
  } else {
    maintainer = d.designatedBody;
    reason = maintainer
      ? {
          zh: "跨村实施的项目由镇明确日常管护主体，区扶贫办备案",
          en: "a cross-village project is maintained by the body the township names, filed with the district office",
        }
      : {
          zh: "镇尚未明确跨村项目的日常管护主体",
          en: "the township has not yet named the maintainer of the cross-village project",
        };
  }
  const required = d.kind !== "single-village";
  const filing = Object.freeze({ required, done: required ? d.filedWithDistrict === true : false });
  const status = maintainer === undefined ? "pending" : "determined";
  return Object.freeze({
    status,
    ...(maintainer !== undefined ? { maintainer } : {}),
    filing,
    reason: Object.freeze(reason),
    rule: "ASSET-CARE-1" as const,
    trace: traceStep(RULES["ASSET-CARE-1"], {
      inputs: { kind: d.kind, beneficiary: d.beneficiary },
      output: { status, maintainer: maintainer ?? null, filing },
      note: reason,
    }),
  });
}
