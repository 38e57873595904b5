import * as z from "zod";
import { addIssue, deepFreeze, idSchema, legalDateSchema, nonNegativeMoneySchema } from "@sannong/core";
import { NEED_PURPOSES, type NeedPurpose } from "../parameters";
import type { ReadonlyInput } from "../internal/types";

const text = z.string().trim().min(1).max(500);

/** Most levels of a place path (county › township › village › group, with room to spare). */
export const MAX_PLACE_LEVELS = 8;

/**
 * zod schema of a place (分布): a path from the largest area down, e.g.
 * `["清河县", "东镇", "西村"]` (县 › 镇 › 村). Two places are as close as the
 * number of leading levels they share.
 */
export const placeSchema = z.array(text).min(1).max(MAX_PLACE_LEVELS);

/** Levels of the body that registers a need (分级建立资产需求台账). */
export const NEED_LEVELS = /*#__PURE__*/ deepFreeze(["county", "township", "village"] as const);
/** The level of the body that registers a need: 县级, 乡镇级, 村级. */
export type NeedLevel = (typeof NEED_LEVELS)[number];

/** The state (状况) of a need in the register. */
export const NEED_STATUSES = /*#__PURE__*/ deepFreeze(["open", "met", "withdrawn"] as const);
/** `open` (待满足, the default), `met` (已满足), `withdrawn` (已撤回). */
export type NeedStatus = (typeof NEED_STATUSES)[number];

/**
 * zod schema of one entry of the asset-needs register (资产需求台账): who needs
 * what kind of asset (需求类别), where (分布), for which use (the 一批 it would
 * serve), since when, and its state (状况).
 * @remarks Implements ASSET-NEED-1.
 */
export const assetNeedSchema = z.strictObject({
  id: idSchema,
  /** 需求单位. */
  requester: text,
  /** 分级: the level of the requesting body. */
  level: z.enum(NEED_LEVELS),
  /** 分布: where the need is, from the county down. */
  place: placeSchema,
  /** 需求类别: the kind of asset wanted (e.g. 办公用房, 仓储用房), matched exactly against an idle asset's category. */
  category: text,
  /** The use: one of the 五个一批 / 四个一批 an idle asset can be put to. */
  purpose: z.enum(NEED_PURPOSES as [NeedPurpose, ...NeedPurpose[]]),
  /** The date the need was entered in the register. */
  registeredOn: legalDateSchema,
  /** 状况; `open` when absent. */
  status: z.enum(NEED_STATUSES).optional(),
  description: text.optional(),
});

/** One entry of the asset-needs register, as the caller writes it. */
export type AssetNeedInput = ReadonlyInput<z.input<typeof assetNeedSchema>>;

/**
 * zod schema of an idle asset offered for matching (闲置资产): its id, the
 * kind of asset it is (category, compared exactly with a need's), where it
 * is, and optionally a name and its value.
 * @remarks Implements ASSET-NEED-2.
 */
export const idleAssetSchema = z.strictObject({
  id: idSchema,
  name: text.optional(),
  category: text,
  place: placeSchema,
  value: nonNegativeMoneySchema.optional(),
});

/** An idle asset offered for matching, as the caller writes it. */
export type IdleAssetInput = ReadonlyInput<z.input<typeof idleAssetSchema>>;

/** Adds a `duplicate_id` issue for every repeated id of a list. @internal */
export function refuseDuplicateIds(
  list: readonly { readonly id: string }[],
  path: string,
  what: { zh: string; en: string },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.id))
      addIssue(
        ctx,
        `${what.zh}标识 “${x.id}” 重复`,
        `duplicate ${what.en} id "${x.id}"`,
        [path, i, "id"],
        "duplicate_id",
      );
    seen.add(x.id);
  });
}
