import * as z from "zod";
import {
  addIssue,
  allocate,
  formatFraction,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  type Fraction,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { integerWeights, sumFractions } from "../internal/shares";
import { shareSchema } from "./resolveOwnership";
import type { ReadonlyInput } from "../internal/types";

/**
 * zod schema of {@link splitByOwnership}'s input: an amount and owners with
 * shares that add up to exactly 1 (the `owners` of a determined
 * {@link resolveOwnership} result can be passed as is; `percent` is ignored).
 */
export const splitByOwnershipInputSchema = z
  .strictObject({
    amount: nonNegativeMoneySchema,
    owners: z
      .array(
        z.strictObject({
          owner: z.string().trim().min(1).max(200),
          share: shareSchema,
          percent: z.string().optional(),
        }),
      )
      .min(1)
      .max(10_000),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.owners.forEach((o, i) => {
      if (seen.has(o.owner))
        addIssue(
          ctx,
          `所有权人 ${o.owner} 重复`,
          `owner ${o.owner} appears twice`,
          ["owners", i, "owner"],
          "duplicate_id",
        );
      seen.add(o.owner);
    });
    const total = sumFractions(d.owners.map((o) => o.share));
    if (total.num !== total.den)
      addIssue(
        ctx,
        `所有权比例合计为 ${formatFraction(total)}，应恰好为 1`,
        `the shares add up to ${formatFraction(total)}, not exactly 1`,
        ["owners"],
        "share_sum",
      );
  });

/** Input of {@link splitByOwnership}. */
export type SplitByOwnershipInput = ReadonlyInput<z.input<typeof splitByOwnershipInputSchema>>;

/** Result of {@link splitByOwnership}. */
export interface SplitByOwnershipResult {
  readonly parts: readonly { readonly owner: string; readonly share: string; readonly amount: Money }[];
  readonly trace: TraceNode;
}

/**
 * Splits money derived from a shared asset — income, disposal proceeds —
 * among its owners by their exact ownership shares (按所有权比例分配), with
 * core `allocate` (largest remainder, ties to the earlier owner): the parts
 * add up to the amount exactly.
 *
 * @param input - `{ amount, owners: [{ owner, share }] }`, shares adding up to exactly 1
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns one part per owner, in input order
 * @throws {@link ValidationError} `INVALID_INPUT` (shares not adding up to 1,
 *   duplicate owner, negative amount); {@link PolicyError} `SHARES_TOO_FINE`
 *   when the shares' common denominator reaches 10^18
 * @example
 * ```ts
 * import { splitByOwnership } from "@sannong/assets";
 * const r = splitByOwnership({ amount: "1000.00", owners: [{ owner: "甲村", share: "1/3" }, { owner: "乙村", share: "2/3" }] });
 * r.parts.map((p) => String(p.amount)); // → ["333.33", "666.67"]
 * ```
 * @remarks Implements ASSET-OWN-2 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(六)) with CORE-ALLOC-1.
 */
export function splitByOwnership(input: SplitByOwnershipInput, options?: AssetsOptions): SplitByOwnershipResult {
  const d = parseInput(splitByOwnershipInputSchema, input, "splitByOwnership");
  paramsOf(options, "splitByOwnership");
  const shares: Fraction[] = d.owners.map((o) => o.share);
  const weights = integerWeights(shares);
  if (!weights) return fail("SHARES_TOO_FINE", { owners: shares.length }, ["owners"]);
  const amounts = allocate(d.amount, weights);
  const parts = d.owners.map((o, i) =>
    Object.freeze({ owner: o.owner, share: formatFraction(o.share), amount: amounts[i]! }),
  );
  return Object.freeze({
    parts: Object.freeze(parts),
    trace: traceStep(RULES["ASSET-OWN-2"], {
      inputs: { amount: d.amount, shares: parts.map((p) => `${p.owner}: ${p.share}`) },
      output: parts.map((p) => `${p.owner}: ${String(p.amount)}`),
      note: {
        zh: "按所有权比例以最大余额法精确分配（CORE-ALLOC-1）",
        en: "split by ownership shares with the largest-remainder method (CORE-ALLOC-1)",
      },
    }),
  });
}
