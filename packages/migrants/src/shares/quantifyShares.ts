import * as z from "zod";
import {
  addIssue,
  allocate,
  apportion,
  countSchema,
  idSchema,
  legalDateSchema,
  nonNegativeMoneySchema,
  parseInput,
  refineUniqueIds,
  traceStep,
  type ApportionMethod,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { paramOn, parametersOf, type MigrantsOptions } from "../internal/options";
import { idOrder } from "../internal/select";
import { RULES } from "../rules";

/** The declared basis of quantification: per person (按人), per household (按户) or by contribution (按出资). */
export const shareBasisSchema = z.enum(["per-person", "per-household", "by-contribution"]);
/** A basis of quantification. */
export type ShareBasis = z.output<typeof shareBasisSchema>;

/** The apportionment methods of core `apportion`. */
export const apportionMethodSchema = z.enum(["hamilton", "jefferson", "webster", "adams", "huntington-hill"]);

/** One migrant household taking part: its id and, as the basis needs, its persons or its contribution. */
export const shareHouseholdSchema = z.strictObject({
  id: idSchema,
  persons: countSchema.optional(),
  contribution: nonNegativeMoneySchema.optional(),
});

/** The operating asset formed with migrant funds (经营性资产): its id, whole shares, and optionally its value. */
export const shareAssetSchema = z.strictObject({
  id: idSchema,
  shares: countSchema.min(1),
  value: nonNegativeMoneySchema.optional(),
});

/**
 * Input of {@link quantifyShares}: the asset, the declared basis, the
 * households (unique ids; `persons` for per-person, `contribution` for
 * by-contribution), an optional method (default: the parameter
 * `migrants.shares.apportionMethod`, Hamilton) and the date whose
 * parameters apply (latest when absent).
 */
export const quantifySharesInputSchema = z
  .strictObject({
    asset: shareAssetSchema,
    basis: shareBasisSchema,
    households: z
      .array(shareHouseholdSchema)
      .min(1)
      .max(1_000_000)
      .superRefine((hs, ctx) => refineUniqueIds(ctx, hs)),
    method: apportionMethodSchema.optional(),
    date: legalDateSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const field = d.basis === "per-person" ? "persons" : d.basis === "by-contribution" ? "contribution" : undefined;
    if (!field) return;
    d.households.forEach((h, i) => {
      if (h[field] === undefined) {
        addIssue(
          ctx,
          `按${d.basis === "per-person" ? "人" : "出资"}折股须给出每户的 ${field}`,
          `basis "${d.basis}" needs ${field} for every household`,
          ["households", i, field],
          "required",
        );
      }
    });
  });

/** Input of {@link quantifyShares}. */
export type QuantifySharesInput = z.input<typeof quantifySharesInputSchema>;

/** One household's holding. */
export interface ShareHolding {
  readonly householdId: string;
  /** Whole shares. */
  readonly shares: number;
  /** The weight the basis gave (1, persons, or contribution in 元), as a decimal string. */
  readonly weight: string;
  /** The value of the holding when the asset's value is given (the value split by shares, to the fen). */
  readonly value?: Money;
}

/** A tie that decided shares: these households had the same claim to the last share(s). */
export interface ShareTie {
  readonly among: readonly string[];
  readonly awarded: readonly string[];
  readonly places: number;
}

/** Result of {@link quantifyShares}. */
export interface QuantifySharesResult {
  readonly assetId: string;
  readonly basis: ShareBasis;
  readonly method: ApportionMethod;
  /** = the asset's shares = Σ holdings. */
  readonly totalShares: number;
  /** In input order. */
  readonly holdings: readonly ShareHolding[];
  readonly ties: readonly ShareTie[];
  readonly trace: TraceNode;
}

/**
 * Quantifies an operating asset formed with migrant funds as whole shares of
 * migrant households (折股量化): the asset's shares are apportioned (core
 * `apportion`) by the declared basis — per person, per household or by
 * contribution — so the holdings add up to the asset's shares exactly. The
 * households are apportioned in code-unit order of their ids, so the result
 * does not depend on the input order and a tie goes to the smaller id; ties
 * are reported. When the asset's value is given, it is split by the shares
 * to the fen (core `allocate`).
 *
 * @param input - asset `{ id, shares, value? }`, basis, households, method?, date?
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns holdings in input order, ties, method, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (no households, duplicate ids,
 *   a basis field missing, fractional persons, an asset of 0 shares …);
 *   {@link PolicyError} `NOTHING_TO_SHARE_BY` (every weight zero)
 * @example
 * ```ts
 * import { quantifyShares } from "@sannong/migrants";
 * const r = quantifyShares({
 *   asset: { id: "厂房", shares: 100 }, basis: "per-person",
 *   households: [{ id: "A", persons: 4 }, { id: "B", persons: 3 }, { id: "C", persons: 2 }],
 * });
 * // quotas 44.4, 33.3, 22.2: the last share goes to the largest remainder
 * r.holdings.map((h) => h.shares); // → [45, 33, 22]
 * ```
 * @remarks Implements MIG-SHARE-1 (004 §二(五)1) on CORE-APPORTION-1.
 */
export function quantifyShares(input: QuantifySharesInput, options?: MigrantsOptions): QuantifySharesResult {
  const d = parseInput(quantifySharesInputSchema, input, "quantifyShares");
  const set = parametersOf(options, "quantifyShares");
  const methodUse =
    d.method === undefined ? paramOn<ApportionMethod>(set, "migrants.shares.apportionMethod", d.date) : undefined;
  const method = d.method ?? methodUse!.value;
  const hs = d.households;
  const weights = hs.map((h) =>
    d.basis === "per-household" ? "1" : d.basis === "per-person" ? String(h.persons!) : String(h.contribution!),
  );
  if (weights.every((w) => Number(w) === 0))
    fail("NOTHING_TO_SHARE_BY", { basis: d.basis === "per-person" ? "人数 / persons" : "出资 / contributions" }, [
      "households",
    ]);
  const order = idOrder(hs.map((h) => h.id));
  const r = apportion(
    d.asset.shares,
    order.map((i) => weights[i]!),
    { method },
  );
  const shares = new Array<number>(hs.length);
  order.forEach((i, k) => (shares[i] = r.seats[k]!));
  const values = d.asset.value ? allocate(d.asset.value, shares) : undefined;
  const holdings: ShareHolding[] = hs.map((h, i) => ({
    householdId: h.id,
    shares: shares[i]!,
    weight: weights[i]!,
    ...(values ? { value: values[i]! } : {}),
  }));
  const ties: ShareTie[] = r.ties.map((t) => ({
    among: t.among.map((k) => hs[order[k]!]!.id),
    awarded: t.awarded.map((k) => hs[order[k]!]!.id),
    places: t.places,
  }));
  const trace = traceStep(RULES["MIG-SHARE-1"], {
    inputs: {
      asset: d.asset.id,
      shares: d.asset.shares,
      ...(d.asset.value ? { value: d.asset.value } : {}),
      basis: d.basis,
      households: hs.length,
      method,
    },
    ...(methodUse ? { parameters: [methodUse] } : {}),
    output: Object.fromEntries(holdings.map((h) => [h.householdId, h.shares])),
    ...(ties.length
      ? {
          note: {
            zh: `并列：${ties.map((t) => `${t.among.join("、")} 争 ${t.places} 股，归 ${t.awarded.join("、")}（户号较小者）`).join("；")}`,
            en: `ties: ${ties.map((t) => `${t.among.join(", ")} tied for ${t.places} share(s), awarded to ${t.awarded.join(", ")} (smaller id)`).join("; ")}`,
          },
        }
      : {}),
  });
  return { assetId: d.asset.id, basis: d.basis, method, totalShares: d.asset.shares, holdings, ties, trace };
}
