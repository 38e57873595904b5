import * as z from "zod";
import {
  idSchema,
  legalDateSchema,
  money,
  nonNegativeMoneySchema,
  parseInput,
  refineUniqueIds,
  sum,
  traceStep,
  type Money,
  type ParameterUse,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { fail } from "../errors";
import { param, parametersOf, type MigrantsOptions } from "../internal/options";
import { RULES } from "../rules";

/**
 * The stacking schemes of seed 004: `danger-relocation` — a migrant's
 * housing subsidy for moving out of danger (避险解困) stacked on the farmers'
 * relocation subsidy (异地搬迁); `graduate-startup` — a returning migrant
 * graduate starting a business, stacked on other departments' support.
 */
export const stackSchemeSchema = z.enum(["danger-relocation", "graduate-startup"]);
/** A stacking scheme. */
export type StackScheme = z.output<typeof stackSchemeSchema>;

const TOP_UP_PARAMETER: Record<StackScheme, string> = /*#__PURE__*/ deepFreeze({
  "danger-relocation": "migrants.aid.stack.dangerRelocation.topUp",
  "graduate-startup": "migrants.aid.stack.graduateStartup.topUp",
});

/** A subsidy layer granted under another policy (the base the migrant top-up stacks on). */
export const subsidyLayerSchema = z.strictObject({
  id: idSchema,
  /** The policy granting it, e.g. 农民异地搬迁建（购）房补助. */
  policy: z.string().min(1).max(200),
  amount: nonNegativeMoneySchema,
});

/**
 * Input of {@link stackSubsidies}: the date whose standards apply, the
 * scheme, the recipient, the base layers (unique ids), and optionally the
 * migrant top-up (else the county's standard parameter for the scheme).
 */
export const stackSubsidiesInputSchema = z.strictObject({
  date: legalDateSchema,
  scheme: stackSchemeSchema,
  recipientId: idSchema,
  baseLayers: z
    .array(subsidyLayerSchema)
    .min(1)
    .max(50)
    .superRefine((ls, ctx) => refineUniqueIds(ctx, ls)),
  topUp: nonNegativeMoneySchema.optional(),
});

/** Input of {@link stackSubsidies}. */
export type StackSubsidiesInput = z.input<typeof stackSubsidiesInputSchema>;

/** One reported layer. */
export interface StackedLayer {
  readonly id: string;
  readonly kind: "base" | "migrant-top-up";
  readonly policy: string;
  readonly amount: Money;
  /** Where the amount came from. */
  readonly source: "input" | "parameter";
}

/** Result of {@link stackSubsidies}. */
export interface StackSubsidiesResult {
  readonly scheme: StackScheme;
  readonly recipientId: string;
  /** The base layers in input order, then the migrant top-up. */
  readonly layers: readonly StackedLayer[];
  /** Σ layers. */
  readonly total: Money;
  readonly trace: TraceNode;
}

/**
 * Stacks a migrant subsidy on the subsidies of another policy (叠加补助) and
 * reports each layer and the total: the migrant's housing subsidy for moving
 * out of danger on top of the relocation subsidy (避险解困 on 异地搬迁; the
 * amount is set by each county), and the same for returning migrant graduates
 * who start businesses. The top-up is the input's `topUp` or the standard
 * parameter of the scheme; with neither there is no number to stack.
 *
 * @param input - `{ date, scheme, recipientId, baseLayers: [{ id, policy, amount }], topUp? }`
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns the layers (base, then the migrant top-up) and the total, trace
 * @throws {@link ValidationError} `INVALID_INPUT`; {@link PolicyError}
 *   `STANDARD_NOT_SET` (no top-up given and no county standard)
 * @example
 * ```ts
 * import { stackSubsidies } from "@sannong/migrants";
 * const r = stackSubsidies({
 *   date: "2024-05-01", scheme: "danger-relocation", recipientId: "H1",
 *   baseLayers: [{ id: "relocation", policy: "农民异地搬迁建房补助", amount: "30000.00" }],
 *   topUp: "20000.00",
 * });
 * String(r.total); // → "50000.00"
 * ```
 * @remarks Implements MIG-AID-2 (004 §二(一)3, §二(二)3).
 */
export function stackSubsidies(input: StackSubsidiesInput, options?: MigrantsOptions): StackSubsidiesResult {
  const d = parseInput(stackSubsidiesInputSchema, input, "stackSubsidies");
  const set = parametersOf(options, "stackSubsidies");
  const uses: ParameterUse[] = [];
  let topUp = d.topUp;
  let source: StackedLayer["source"] = "input";
  if (topUp === undefined) {
    const u = param<string | null>(set, TOP_UP_PARAMETER[d.scheme], d.date);
    uses.push(u);
    if (u.value === null)
      fail(
        "STANDARD_NOT_SET",
        {
          id: u.id,
          label:
            d.scheme === "danger-relocation"
              ? "移民避险解困建（购）房叠加补助 / danger-relocation top-up"
              : "移民大学生回乡创业叠加补助 / graduate start-up top-up",
        },
        ["topUp"],
      );
    topUp = money(u.value);
    source = "parameter";
  }
  const layers: StackedLayer[] = [
    ...d.baseLayers.map((l) => ({
      id: l.id,
      kind: "base" as const,
      policy: l.policy,
      amount: l.amount,
      source: "input" as const,
    })),
    {
      id: `migrant-${d.scheme}`,
      kind: "migrant-top-up",
      policy:
        d.scheme === "danger-relocation"
          ? "移民避险解困叠加补助（衢政办发〔2016〕65号 §二(一)3）"
          : "移民大学生回乡创业叠加补助（衢政办发〔2016〕65号 §二(二)3）",
      amount: topUp,
      source,
    },
  ];
  const total = sum(layers.map((l) => l.amount));
  const trace = traceStep(RULES["MIG-AID-2"], {
    inputs: {
      scheme: d.scheme,
      recipientId: d.recipientId,
      layers: layers.map((l) => ({ id: l.id, kind: l.kind, amount: l.amount })),
    },
    parameters: uses,
    output: { total },
    note: {
      zh: "叠加补助 = 其他政策补助 + 移民叠加部分（逐层列出）",
      en: "stacked total = other policies' subsidies + the migrant top-up (each layer listed)",
    },
  });
  return { scheme: d.scheme, recipientId: d.recipientId, layers, total, trace };
}
