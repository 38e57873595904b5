import * as z from "zod";
import {
  addIssue,
  allocate,
  Decimal,
  idSchema,
  nonNegativeDecimalSchema,
  nonNegativeMoneySchema,
  parseInput,
  refineUniqueIds,
  safeRecord,
  sum,
  toDecimal,
  traceStep,
  ZERO,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { parametersOf, type MigrantsOptions } from "../internal/options";
import { idOrder } from "../internal/select";
import { RULES } from "../rules";

/** Who may share in the income (移民户、移民企业、移民专业合作社、移民村集体经济组织). */
export const participantKindSchema = z.enum(["household", "enterprise", "cooperative", "village-collective"]);
/** A kind of participant. */
export type ParticipantKind = z.output<typeof participantKindSchema>;

/** One contribution: its amount, whether it was paid-for (有偿投入) or free (无偿), and the form of input (投入方式) when the agreement weights forms. */
export const contributionSchema = z.strictObject({
  amount: nonNegativeMoneySchema,
  paid: z.boolean(),
  form: z.string().min(1).max(100).optional(),
});

/** A participant and its contributions. */
export const paidContributionParticipantSchema = z.strictObject({
  id: idSchema,
  kind: participantKindSchema,
  contributions: z.array(contributionSchema).min(1),
});

/**
 * Input of {@link distributeByPaidContribution}: the project income to share,
 * the participants, and optionally the weight of each form of input declared
 * by the agreement or charter (协议、章程); without `formWeights` every paid
 * 元 counts the same.
 */
export const distributeByPaidContributionInputSchema = z
  .strictObject({
    income: nonNegativeMoneySchema,
    participants: z
      .array(paidContributionParticipantSchema)
      .min(1)
      .max(100_000)
      .superRefine((ps, ctx) => refineUniqueIds(ctx, ps)),
    formWeights: safeRecord(nonNegativeDecimalSchema).optional(),
  })
  .superRefine((d, ctx) => {
    if (!d.formWeights) return;
    d.participants.forEach((p, i) =>
      p.contributions.forEach((c, j) => {
        if (!c.paid) return;
        if (c.form === undefined)
          addIssue(
            ctx,
            "声明了投入方式权重时，每笔有偿投入都要注明 form",
            "with formWeights every paid contribution needs its form",
            ["participants", i, "contributions", j, "form"],
            "required",
          );
        else if (!Object.hasOwn(d.formWeights ?? {}, c.form))
          addIssue(
            ctx,
            `投入方式 “${c.form}” 未在 formWeights 中声明`,
            `the form "${c.form}" is not declared in formWeights`,
            ["participants", i, "contributions", j, "form"],
            "unknown_form",
          );
      }),
    );
  });

/** Input of {@link distributeByPaidContribution}. */
export type DistributeByPaidContributionInput = z.input<typeof distributeByPaidContributionInputSchema>;

/** One participant's share of the income. */
export interface PaidContributionPayout {
  readonly id: string;
  readonly kind: ParticipantKind;
  /** Σ paid contributions (有偿投入部分). */
  readonly paid: Money;
  /** Σ free contributions (无偿投入), which do not share in the income. */
  readonly free: Money;
  /** The weight used: Σ paid amount × form weight, a decimal string. */
  readonly weight: string;
  /** The income share. */
  readonly amount: Money;
}

/** Result of {@link distributeByPaidContribution}. */
export interface DistributeByPaidContributionResult {
  /** In input order; the amounts add up to the income exactly. */
  readonly payouts: readonly PaidContributionPayout[];
  readonly total: Money;
  readonly trace: TraceNode;
}

/**
 * Shares an entrepreneurship project's income among migrant households,
 * migrant enterprises, migrant cooperatives and migrant village collectives
 * by the paid part of what each put in (按资金的有偿投入部分，根据投入方式，参与
 * 经营收益的分配). Free contributions are reported but do not count. When
 * the agreement weights forms of input (`formWeights`), each paid amount is
 * multiplied by its form's weight. The income is split with core `allocate`
 * to the fen (participants taken in code-unit order of their ids, so a tie of
 * remainders goes to the smaller id and the input order does not matter).
 *
 * @param input - `{ income, participants: [{ id, kind, contributions: [{ amount, paid, form? }] }], formWeights? }`
 * @param options - `parameters` (accepted for uniformity; no parameter is read)
 * @returns payouts in input order with paid, free, weight and amount; total; trace
 * @throws {@link ValidationError} `INVALID_INPUT` (duplicate ids, unknown kind,
 *   negative amounts, an undeclared form …); {@link PolicyError}
 *   `NOTHING_TO_SHARE_BY` (income but no paid contribution)
 * @example
 * ```ts
 * import { distributeByPaidContribution } from "@sannong/migrants";
 * const r = distributeByPaidContribution({
 *   income: "9000.00",
 *   participants: [
 *     { id: "村集体", kind: "village-collective", contributions: [{ amount: "200000.00", paid: true }] },
 *     { id: "合作社", kind: "cooperative", contributions: [{ amount: "100000.00", paid: true }, { amount: "50000.00", paid: false }] },
 *   ],
 * });
 * r.payouts.map((p) => String(p.amount)); // → ["6000.00", "3000.00"]
 * ```
 * @remarks Implements MIG-SHARE-3 (004 §二(五)1).
 */
export function distributeByPaidContribution(
  input: DistributeByPaidContributionInput,
  options?: MigrantsOptions,
): DistributeByPaidContributionResult {
  const d = parseInput(distributeByPaidContributionInputSchema, input, "distributeByPaidContribution");
  parametersOf(options, "distributeByPaidContribution");
  const fw = d.formWeights;
  const rows = d.participants.map((p) => {
    const paid = sum(p.contributions.filter((c) => c.paid).map((c) => c.amount));
    const free = sum(p.contributions.filter((c) => !c.paid).map((c) => c.amount));
    let weight = new Decimal(0);
    for (const c of p.contributions) if (c.paid) weight = weight.plus(toDecimal(c.amount).times(fw ? fw[c.form!]! : 1));
    return { id: p.id, kind: p.kind, paid, free, weight: weight.toFixed() };
  });
  if (d.income.fen > 0n && rows.every((r) => new Decimal(r.weight).isZero()))
    fail("NOTHING_TO_SHARE_BY", { basis: "有偿投入 / paid contributions" }, ["participants"]);
  const order = idOrder(rows.map((r) => r.id));
  // amount (2 places) × form weight (up to 18) can have 20 decimals: split by exact integers at one scale, not by the text.
  const scale = rows.reduce((m, r) => Math.max(m, new Decimal(r.weight).decimalPlaces()), 0);
  const ints = rows.map((r) => BigInt(new Decimal(r.weight).times(new Decimal(10).pow(scale)).toFixed(0)));
  const split = ints.every((w) => w === 0n)
    ? rows.map(() => ZERO)
    : allocate(
        d.income,
        order.map((i) => ints[i]!),
      );
  const amounts = new Array<Money>(rows.length);
  order.forEach((i, k) => (amounts[i] = split[k]!));
  const payouts: PaidContributionPayout[] = rows.map((r, i) => ({ ...r, amount: amounts[i]! }));
  const trace = traceStep(RULES["MIG-SHARE-3"], {
    inputs: {
      income: d.income,
      participants: rows.length,
      ...(fw ? { formWeights: Object.fromEntries(Object.entries(fw).map(([k, v]) => [k, v.toFixed()])) } : {}),
    },
    output: payouts.map((p) => ({ id: p.id, paid: p.paid, free: p.free, weight: p.weight, amount: p.amount })),
    note: {
      zh: "按有偿投入部分（乘以投入方式权重）精确到分分配；无偿投入不参与分配",
      en: "split to the fen by the paid part (times the form weight); free contributions do not share",
    },
  });
  return { payouts, total: d.income, trace };
}
