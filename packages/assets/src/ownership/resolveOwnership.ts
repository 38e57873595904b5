import * as z from "zod";
import {
  addIssue,
  formatFraction,
  fraction,
  fractionSchema,
  nonNegativeMoneySchema,
  parseInput,
  traceStep,
  type Fraction,
  type Label,
  type Money,
  type TraceNode,
} from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { percentOf, sumFractions } from "../internal/shares";
import type { ReadonlyInput } from "../internal/types";

const text = z.string().trim().min(1).max(200);

/** zod schema of a share: a fraction `"3/5"` or decimal `"0.6"`, between 0 and 1. */
export const shareSchema = fractionSchema.superRefine((f, ctx) => {
  if (f.num < 0n || f.num > f.den)
    addIssue(
      ctx,
      `比例必须在 0 到 1 之间，实际为 ${formatFraction(f)}`,
      `a share must be between 0 and 1, got ${formatFraction(f)}`,
      [],
      "out_of_range",
    );
});

/**
 * zod schema of {@link resolveOwnership}'s input. `kind` says how the project
 * was organised; `village` names the village collective (single-village
 * projects, migrant operating assets); `contributions` are what each
 * investing unit put in; `agreement` the proportions agreed beforehand.
 */
export const resolveOwnershipInputSchema = z
  .strictObject({
    kind: z.enum(["single-village", "cross-village", "cross-township", "reservoir-migrant"]),
    village: text.optional(),
    /** Reservoir-migrant projects only: fixed assets or operating assets (ASSET-OWN-4). */
    assetClass: z.enum(["fixed", "operating"]).optional(),
    contributions: z
      .array(z.strictObject({ owner: text, amount: nonNegativeMoneySchema }))
      .max(10_000)
      .optional(),
    agreement: z
      .array(z.strictObject({ owner: text, share: shareSchema }))
      .max(10_000)
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (d.kind === "reservoir-migrant" && d.assetClass === undefined) {
      addIssue(
        ctx,
        "水库移民项目须注明资产类别（固定资产或经营性资产）",
        "a reservoir-migrant project needs assetClass (fixed or operating)",
        ["assetClass"],
        "required",
      );
    }
    if (d.kind !== "reservoir-migrant" && d.assetClass !== undefined) {
      addIssue(
        ctx,
        "只有水库移民项目才注明资产类别",
        "assetClass applies only to reservoir-migrant projects",
        ["assetClass"],
        "not_applicable",
      );
    }
  });

/** Input of {@link resolveOwnership}. */
export type ResolveOwnershipInput = ReadonlyInput<z.input<typeof resolveOwnershipInputSchema>>;

/** One owner and its exact share. */
export interface OwnerShare {
  readonly owner: string;
  /** Exact fraction in lowest terms, `"num/den"`; the shares add up to exactly 1. */
  readonly share: string;
  /** `share × 100` with two decimals, half-up — for display only (may not add up to 100.00). */
  readonly percent: string;
}

/** The body that decides an ownership the rules cannot determine. */
export const OWNERSHIP_DECIDED_BY = "区脱贫攻坚领导小组";

/**
 * Who confirms (明确权属关系) an ownership the rules determine: the district
 * (区级) or the township (镇级), whether the document says so or it is
 * sannong's reading, and why.
 */
export interface OwnershipConfirmation {
  readonly level: "district" | "township";
  /** `区级` / `镇级`. */
  readonly body: Label;
  /** True when the document names the level; false when it is sannong's reading. */
  readonly stated: boolean;
  readonly basis: Label;
}

const DISTRICT: Label = Object.freeze({ zh: "区级", en: "the district (区级)" });
const TOWNSHIP: Label = Object.freeze({ zh: "镇级", en: "the township (镇级)" });

/** The confirming level of each kind of project (清河门区实施方案 §三(六)); `null` where the document names none. */
function confirmation(kind: Data["kind"]): OwnershipConfirmation | null {
  switch (kind) {
    case "cross-township":
      return Object.freeze({
        level: "district" as const,
        body: DISTRICT,
        stated: true,
        basis: Object.freeze({
          zh: "“跨乡跨村实施的项目……由区、镇两级分别明确权属关系”：跨乡（跨镇）项目由区级明确（“分别”按顺序对应跨乡、跨村）",
          en: "“跨乡跨村实施的项目……由区、镇两级分别明确权属关系”: a cross-township project is confirmed by the district (区、镇 read respectively with 跨乡、跨村)",
        }),
      });
    case "cross-village":
      return Object.freeze({
        level: "township" as const,
        body: TOWNSHIP,
        stated: true,
        basis: Object.freeze({
          zh: "“跨乡跨村实施的项目……由区、镇两级分别明确权属关系”：跨村项目由镇级明确（“分别”按顺序对应跨乡、跨村）",
          en: "“跨乡跨村实施的项目……由区、镇两级分别明确权属关系”: a cross-village project is confirmed by the township (区、镇 read respectively with 跨乡、跨村)",
        }),
      });
    case "single-village":
      return Object.freeze({
        level: "township" as const,
        body: TOWNSHIP,
        stated: false,
        basis: Object.freeze({
          zh: "文件未写明单独到村项目由谁明确权属；sannong 取组织实施该项目的镇（“各镇组织实施的单独到村项目”）",
          en: "the document names no confirming body for a single-village project; sannong names the township that organised it (“各镇组织实施的单独到村项目”)",
        }),
      });
    case "reservoir-migrant":
      return null;
  }
}

/** Result of {@link resolveOwnership}. */
export type ResolveOwnershipResult =
  | {
      readonly status: "determined";
      readonly owners: readonly OwnerShare[];
      /** What fixed the shares. */
      readonly basis: "village" | "agreement" | "contributions";
      readonly rule: "ASSET-OWN-1" | "ASSET-OWN-2" | "ASSET-OWN-4";
      /**
       * Who confirms the ownership (明确权属关系): the district for a
       * cross-township project, the township for a cross-village or (sannong's
       * reading) a single-village one; `null` for a reservoir-migrant project,
       * for which 衢政办发〔2016〕65号 names no body.
       */
      readonly confirmedBy: OwnershipConfirmation | null;
      readonly note?: Label;
      readonly trace: TraceNode;
    }
  | {
      readonly status: "undetermined";
      readonly reason: Label;
      /** 区脱贫攻坚领导小组 (the district leading group). */
      readonly decidedBy: typeof OWNERSHIP_DECIDED_BY;
      readonly rule: "ASSET-OWN-3";
      readonly trace: TraceNode;
    };

type Data = z.output<typeof resolveOwnershipInputSchema>;

function undetermined(reason: Label, inputs: Record<string, unknown>): ResolveOwnershipResult {
  return Object.freeze({
    status: "undetermined" as const,
    reason: Object.freeze(reason),
    decidedBy: OWNERSHIP_DECIDED_BY,
    rule: "ASSET-OWN-3" as const,
    trace: traceStep(RULES["ASSET-OWN-3"], {
      inputs,
      output: "undetermined",
      note: {
        zh: `${reason.zh}；由区脱贫攻坚领导小组按规定确定产权归属`,
        en: `${reason.en}; to be decided by the district leading group (区脱贫攻坚领导小组)`,
      },
    }),
  });
}

/** The note with who confirms the ownership appended. */
function withConfirmation(note: Label, c: OwnershipConfirmation | null): Label {
  if (!c) return note;
  return { zh: `${note.zh}；由${c.body.zh}明确权属关系`, en: `${note.en}; confirmed by ${c.body.en}` };
}

function owners(list: readonly { owner: string; share: Fraction }[]): OwnerShare[] {
  return list.map((o) =>
    Object.freeze({ owner: o.owner, share: formatFraction(o.share), percent: percentOf(o.share) }),
  );
}

function fromAgreement(
  d: Data,
): { ok: true; list: { owner: string; share: Fraction }[] } | { ok: false; reason: Label } {
  const seen = new Set<string>();
  for (const a of d.agreement!) {
    if (seen.has(a.owner)) {
      return {
        ok: false,
        reason: {
          zh: `事先约定中 ${a.owner} 出现多次，约定相互矛盾`,
          en: `the agreement names ${a.owner} more than once: it contradicts itself`,
        },
      };
    }
    seen.add(a.owner);
  }
  const total = sumFractions(d.agreement!.map((a) => a.share));
  if (total.num !== total.den) {
    return {
      ok: false,
      reason: {
        zh: `事先约定的比例合计为 ${formatFraction(total)}，不等于 1`,
        en: `the agreed shares add up to ${formatFraction(total)}, not 1`,
      },
    };
  }
  return { ok: true, list: d.agreement!.filter((a) => a.share.num > 0n) };
}

function fromContributions(d: Data): { owner: string; share: Fraction }[] | undefined {
  const byOwner = new Map<string, bigint>();
  for (const c of d.contributions ?? []) byOwner.set(c.owner, (byOwner.get(c.owner) ?? 0n) + (c.amount as Money).fen);
  let total = 0n;
  for (const v of byOwner.values()) total += v;
  if (total === 0n) return undefined;
  return [...byOwner.entries()].filter(([, v]) => v > 0n).map(([owner, v]) => ({ owner, share: fraction(v, total) }));
}

/**
 * Resolves the ownership of an asset (厘清权属关系): a single-village project
 * belongs to its village collective (ASSET-OWN-1); a cross-village or
 * cross-township project belongs to the investing units in proportion to what
 * each put in, unless a prior agreement (事先约定) fixes the proportions, which
 * then wins (ASSET-OWN-2); reservoir-migrant fixed assets follow investment
 * and operating assets belong to the migrant village collective (ASSET-OWN-4).
 * Shares are exact fractions in lowest terms that add up to exactly 1. When
 * the rules cannot determine the owner (no contribution record,
 * contradictory agreement, no village named), the result is `undetermined`,
 * to be decided by the district leading group — never a guess (ASSET-OWN-3).
 * Owners are listed in order of first appearance; a unit named twice in the
 * contributions has its amounts added; a zero contribution makes no owner.
 * A determined result names who confirms it (`confirmedBy`): “由区、镇两级分别
 * 明确权属关系” — the district (区级) for a cross-township project, the
 * township (镇级) for a cross-village one; for a single-village project the
 * document names no body and sannong names the township that organised it
 * (`stated: false`); a reservoir-migrant project has none (`null`).
 *
 * @param input - kind, village, contributions, agreement
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns owners with exact shares, or `undetermined` with the reason
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (unknown keys, negative amounts, shares outside [0, 1])
 * @example
 * ```ts
 * import { resolveOwnership } from "@sannong/assets";
 * const r = resolveOwnership({
 *   kind: "cross-village",
 *   contributions: [{ owner: "甲村", amount: "600000" }, { owner: "乙村", amount: "300000" }, { owner: "丙村", amount: "100000" }],
 * });
 * r.status === "determined" && r.owners; // → [{ owner: "甲村", share: "3/5", percent: "60.00" }, { owner: "乙村", share: "3/10", percent: "30.00" }, { owner: "丙村", share: "1/10", percent: "10.00" }]
 * r.status === "determined" && [r.confirmedBy?.level, r.confirmedBy?.body.zh, r.confirmedBy?.stated]; // → ["township", "镇级", true]
 * ```
 * @remarks Implements ASSET-OWN-1, ASSET-OWN-2, ASSET-OWN-3, ASSET-OWN-4 (《清河门区扶贫资金风险防控和扶贫资产监管实施方案》 §三(六); 衢政办发〔2016〕65号 §二(五)1).
 */
export function resolveOwnership(input: ResolveOwnershipInput, options?: AssetsOptions): ResolveOwnershipResult {
  const d = parseInput(resolveOwnershipInputSchema, input, "resolveOwnership");
  paramsOf(options, "resolveOwnership");
  const inputs = {
    kind: d.kind,
    ...(d.village !== undefined ? { village: d.village } : {}),
    ...(d.assetClass !== undefined ? { assetClass: d.assetClass } : {}),
    contributions: (d.contributions ?? []).length,
    agreement: (d.agreement ?? []).length,
  };
  const single = d.kind === "single-village" || (d.kind === "reservoir-migrant" && d.assetClass === "operating");
  if (single) {
    const rule = d.kind === "single-village" ? RULES["ASSET-OWN-1"] : RULES["ASSET-OWN-4"];
    if (d.village === undefined) {
      return undetermined({ zh: "未指明产权所属的村集体", en: "no village collective is named as the owner" }, inputs);
    }
    const note: Label | undefined =
      d.kind === "reservoir-migrant"
        ? {
            zh: "移民资金形成的经营性资产归移民村集体所有，可折股量化给移民户（见 MIG-SHARE-1）",
            en: "operating assets formed with migrant funds belong to the migrant village collective and may be quantified as shares to migrant households (see MIG-SHARE-1)",
          }
        : undefined;
    const list = owners([{ owner: d.village, share: fraction(1n, 1n) }]);
    const confirmedBy = confirmation(d.kind);
    return Object.freeze({
      status: "determined" as const,
      owners: Object.freeze(list),
      basis: "village" as const,
      rule: rule.id as "ASSET-OWN-1" | "ASSET-OWN-4",
      confirmedBy,
      ...(note ? { note } : {}),
      trace: traceStep(rule, {
        inputs,
        output: { owners: list, confirmedBy: confirmedBy?.body.zh ?? null },
        ...(note ? { note } : confirmedBy ? { note: confirmedBy.basis } : {}),
      }),
    });
  }
  const rule = d.kind === "reservoir-migrant" ? RULES["ASSET-OWN-4"] : RULES["ASSET-OWN-2"];
  if (d.agreement !== undefined && d.agreement.length > 0) {
    const a = fromAgreement(d);
    if (!a.ok) return undetermined(a.reason, inputs);
    const list = owners(a.list);
    const confirmedBy = confirmation(d.kind);
    const note: Label = withConfirmation(
      {
        zh: "按事先约定确定所有权比例（约定优先于投入比例）",
        en: "shares fixed by the prior agreement (it wins over the contributions)",
      },
      confirmedBy,
    );
    return Object.freeze({
      status: "determined" as const,
      owners: Object.freeze(list),
      basis: "agreement" as const,
      rule: rule.id as "ASSET-OWN-2" | "ASSET-OWN-4",
      confirmedBy,
      note,
      trace: traceStep(rule, { inputs, output: { owners: list, confirmedBy: confirmedBy?.body.zh ?? null }, note }),
    });
  }
  const list = fromContributions(d);
  if (!list) {
    return undetermined(
      (d.contributions ?? []).length === 0
        ? { zh: "既无资金投入记录，也无事先约定", en: "there is neither a contribution record nor a prior agreement" }
        : { zh: "资金投入记录合计为零", en: "the recorded contributions add up to zero" },
      inputs,
    );
  }
  const shares = owners(list);
  const confirmedBy = confirmation(d.kind);
  const note: Label = withConfirmation(
    { zh: "按资金投入比例确定所有权比例", en: "shares in proportion to the money each unit put in" },
    confirmedBy,
  );
  return Object.freeze({
    status: "determined" as const,
    owners: Object.freeze(shares),
    basis: "contributions" as const,
    rule: rule.id as "ASSET-OWN-2" | "ASSET-OWN-4",
    confirmedBy,
    note,
    trace: traceStep(rule, {
      inputs: { ...inputs, amounts: (d.contributions ?? []).map((c) => `${c.owner}: ${String(c.amount)}`) },
      output: { owners: shares, confirmedBy: confirmedBy?.body.zh ?? null },
      note,
    }),
  });
}
