import { deepFreeze } from "../data/deepFreeze";
import * as z from "zod";
import type { Lang } from "../errors/errors";
import { MAX_RECIPIENTS } from "../allocation/allocateMinorUnits";
import { Money, moneySchema, type MoneyInput } from "../money/money";
import { addIssue, idSchema, parseInput, plainObject } from "../validation/parse";
import { argError, show } from "../dates/args";

/**
 * An administrative level (行政层级), from the top: `"city"` 市 → `"county"`
 * 县（区） → `"township"` 乡镇（街道） → `"village"` 村 → `"group"` 组
 * (村民小组). Used to say which body approves what and to aggregate results.
 * @remarks Implements CORE-REGION-1.
 */
export type AdminLevel = "city" | "county" | "township" | "village" | "group";

/** Every {@link AdminLevel}, from the top (市) down (组). @remarks Implements CORE-REGION-1. */
export const ADMIN_LEVELS: readonly AdminLevel[] = Object.freeze([
  "city",
  "county",
  "township",
  "village",
  "group",
] as const);

/** zod schema of an {@link AdminLevel}. @remarks Implements CORE-REGION-1. */
export const adminLevelSchema = z.enum(["city", "county", "township", "village", "group"]);

const DEPTH: Readonly<Record<AdminLevel, number>> = /*#__PURE__*/ deepFreeze({
  city: 0,
  county: 1,
  township: 2,
  village: 3,
  group: 4,
});

const LEVEL_LABEL: Readonly<Record<AdminLevel, { zh: string; en: string }>> = /*#__PURE__*/ deepFreeze({
  city: { zh: "市", en: "city" },
  county: { zh: "县（区）", en: "county (district)" },
  township: { zh: "乡镇（街道）", en: "township (subdistrict)" },
  village: { zh: "村", en: "village" },
  group: { zh: "组", en: "villager group" },
});

const BODY_LABEL: Readonly<Record<AdminLevel, { zh: string; en: string }>> = /*#__PURE__*/ deepFreeze({
  city: { zh: "市人民政府", en: "city government" },
  county: { zh: "县（区）人民政府", en: "county (district) government" },
  township: { zh: "乡镇人民政府（街道办事处）", en: "township government (subdistrict office)" },
  village: { zh: "村民委员会", en: "villagers' committee" },
  group: { zh: "村民小组", en: "villager group" },
});

function levelArg(v: unknown, fn: string, name: string): AdminLevel {
  if (typeof v === "string" && Object.hasOwn(DEPTH, v)) return v as AdminLevel;
  return argError(
    fn,
    [name],
    "invalid_level",
    `行政层级应为 city、county、township、village 或 group，实际为 ${show(v)}`,
    `the level must be city, county, township, village or group, got ${show(v)}`,
  );
}

function langArg(v: unknown, fn: string): Lang {
  if (v === "zh" || v === "en") return v;
  return argError(
    fn,
    ["lang"],
    "invalid_value",
    `语言应为 "zh" 或 "en"，实际为 ${show(v)}`,
    `lang must be "zh" or "en", got ${show(v)}`,
  );
}

/**
 * The name of an administrative level (层级名称).
 * @param level - an administrative level
 * @param lang - `"zh"` (default) or `"en"`
 * @returns e.g. `县（区）` / `county (district)`
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown level or language
 * @example
 * ```ts
 * import { adminLevelLabel } from "@sannong/core";
 * adminLevelLabel("township"); // → "乡镇（街道）"
 * adminLevelLabel("group", "en"); // → "villager group"
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function adminLevelLabel(level: AdminLevel, lang: Lang = "zh"): string {
  return LEVEL_LABEL[levelArg(level, "adminLevelLabel", "level")][langArg(lang, "adminLevelLabel")];
}

/**
 * The body that acts at an administrative level (主体), as the documents name
 * it when they say who approves, reviews or files (审批、审核、备案).
 * @param level - an administrative level
 * @param lang - `"zh"` (default) or `"en"`
 * @returns e.g. `乡镇人民政府（街道办事处）`, `村民委员会`
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown level or language
 * @example
 * ```ts
 * import { adminBodyLabel } from "@sannong/core";
 * adminBodyLabel("village"); // → "村民委员会"
 * adminBodyLabel("county", "en"); // → "county (district) government"
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function adminBodyLabel(level: AdminLevel, lang: Lang = "zh"): string {
  return BODY_LABEL[levelArg(level, "adminBodyLabel", "level")][langArg(lang, "adminBodyLabel")];
}

/**
 * Compares two levels by rank (层级比较): −1 when `a` is above `b` (closer to
 * 市), 0 when equal, 1 when below. Sorting with it lists the top level first.
 * @param a - a level
 * @param b - a level
 * @returns −1, 0 or 1
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown level
 * @example
 * ```ts
 * import { compareLevels } from "@sannong/core";
 * compareLevels("city", "village"); // → -1
 * compareLevels("group", "village"); // → 1
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function compareLevels(a: AdminLevel, b: AdminLevel): -1 | 0 | 1 {
  const x = DEPTH[levelArg(a, "compareLevels", "a")];
  const y = DEPTH[levelArg(b, "compareLevels", "b")];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * True when level `a` is strictly above level `b` (上级), e.g. 县 above 村.
 * @param a - a level
 * @param b - a level
 * @returns whether `a` ranks higher than `b`
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown level
 * @example
 * ```ts
 * import { isAbove } from "@sannong/core";
 * isAbove("county", "village"); // → true
 * isAbove("village", "village"); // → false
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function isAbove(a: AdminLevel, b: AdminLevel): boolean {
  return DEPTH[levelArg(a, "isAbove", "a")] < DEPTH[levelArg(b, "isAbove", "b")];
}

/**
 * The level directly above (上一级), or `null` for 市.
 * @param level - a level
 * @returns the next level up, or `null`
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown level
 * @example
 * ```ts
 * import { parentLevel } from "@sannong/core";
 * parentLevel("village"); // → "township"
 * parentLevel("city"); // → null
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function parentLevel(level: AdminLevel): AdminLevel | null {
  return ADMIN_LEVELS[DEPTH[levelArg(level, "parentLevel", "level")] - 1] ?? null;
}

/**
 * The level directly below (下一级), or `null` for 组.
 * @param level - a level
 * @returns the next level down, or `null`
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown level
 * @example
 * ```ts
 * import { childLevel } from "@sannong/core";
 * childLevel("township"); // → "village"
 * childLevel("group"); // → null
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function childLevel(level: AdminLevel): AdminLevel | null {
  return ADMIN_LEVELS[DEPTH[levelArg(level, "childLevel", "level")] + 1] ?? null;
}

/**
 * An administrative region (行政区域): a code (e.g. the 行政区划代码 or any
 * stable id), a name, a level, and the code of the region it belongs to.
 * @remarks Implements CORE-REGION-1.
 */
export interface Region {
  /** Stable, unique code, e.g. `"330102001"`. */
  readonly code: string;
  /** Name, e.g. `"清河门区"`. */
  readonly name: string;
  /** Its administrative level. */
  readonly level: AdminLevel;
  /** Code of the enclosing region, at a strictly higher level; absent for a root. */
  readonly parent?: string;
}

/**
 * zod schema of a {@link Region}: `{ code, name, level, parent? }`, no other keys.
 * @example
 * ```ts
 * import { parseInput, regionSchema, safe } from "@sannong/core";
 * parseInput(regionSchema, { code: "v1", name: "东村", level: "village", parent: "t1" }, "demo").level; // → "village"
 * safe(() => parseInput(regionSchema, { code: "v1", name: "东村", level: "hamlet" }, "demo")).ok; // → false
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export const regionSchema = z.strictObject({
  code: idSchema,
  name: z.string().trim().min(1).max(200),
  level: adminLevelSchema,
  parent: idSchema.optional(),
});

/**
 * zod schema of a list of regions forming a forest: codes unique
 * (`duplicate_code`), every `parent` one of the listed codes
 * (`unknown_parent`) at a strictly higher level (`parent_not_above`). A parent
 * may skip levels (a village filed directly under a county), and roots may be
 * at any level (a county's own data without its city).
 * @remarks Implements CORE-REGION-1.
 */
export const regionsSchema = z
  .array(regionSchema)
  .max(MAX_RECIPIENTS)
  .superRefine((list, ctx) => {
    const byCode = new Map<string, { level: AdminLevel }>();
    list.forEach((r, i) => {
      if (byCode.has(r.code))
        addIssue(ctx, `重复的区域代码 “${r.code}”`, `duplicate region code "${r.code}"`, [i, "code"], "duplicate_code");
      else byCode.set(r.code, r);
    });
    list.forEach((r, i) => {
      if (r.parent === undefined) return;
      const p = byCode.get(r.parent);
      if (!p)
        addIssue(
          ctx,
          `上级区域 “${r.parent}” 不在列表中`,
          `parent region "${r.parent}" is not in the list`,
          [i, "parent"],
          "unknown_parent",
        );
      else if (DEPTH[p.level] >= DEPTH[r.level]) {
        addIssue(
          ctx,
          `上级区域 “${r.parent}”（${LEVEL_LABEL[p.level].zh}）不高于 “${r.code}”（${LEVEL_LABEL[r.level].zh}）`,
          `parent region "${r.parent}" (${p.level}) is not above "${r.code}" (${r.level})`,
          [i, "parent"],
          "parent_not_above",
        );
      }
    });
  });

const TREE = Symbol.for("sannong.regionTree");

/**
 * A validated, indexed list of regions (区域树), built once by
 * {@link regionTree} and reused by {@link ancestorAt} and {@link regionChain}.
 * @remarks Implements CORE-REGION-1.
 */
export interface RegionTree {
  /** The regions, as validated, in input order. */
  readonly regions: readonly Region[];
  /** Region by code. */
  readonly byCode: ReadonlyMap<string, Region>;
}

function freezeRegion(r: z.output<typeof regionSchema>): Region {
  return Object.freeze(
    r.parent === undefined
      ? { code: r.code, name: r.name, level: r.level }
      : { code: r.code, name: r.name, level: r.level, parent: r.parent },
  );
}

function buildTree(list: readonly z.output<typeof regionSchema>[]): RegionTree {
  const regions = Object.freeze(list.map(freezeRegion));
  const byCode = new Map<string, Region>();
  for (const r of regions) byCode.set(r.code, r);
  const tree = { regions, byCode };
  Object.defineProperty(tree, TREE, { value: true });
  return Object.freeze(tree);
}

/**
 * Validates a list of regions and indexes it by code (建立区域树).
 * @param regions - the regions (see {@link regionsSchema})
 * @returns a frozen {@link RegionTree}
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad region, a duplicate
 *   code, an unknown parent or a parent that is not above its child
 * @example
 * ```ts
 * import { regionTree } from "@sannong/core";
 * const tree = regionTree([
 *   { code: "t1", name: "城关镇", level: "township" },
 *   { code: "v1", name: "东村", level: "village", parent: "t1" },
 * ]);
 * tree.byCode.get("v1")?.name; // → "东村"
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function regionTree(regions: readonly Region[]): RegionTree {
  return buildTree(parseInput(regionsSchema, regions, "regionTree"));
}

function treeArg(v: RegionTree | readonly Region[], fn: string): RegionTree {
  if (typeof v === "object" && v !== null && (v as unknown as Record<symbol, unknown>)[TREE] === true)
    return v as RegionTree;
  return buildTree(parseInput(z.strictObject({ regions: regionsSchema }), { regions: v }, fn).regions);
}

function codeArg(v: unknown, tree: RegionTree, fn: string): Region {
  const r = typeof v === "string" ? tree.byCode.get(v) : undefined;
  if (r) return r;
  return argError(fn, ["code"], "unknown_region", `未知的区域代码 ${show(v)}`, `unknown region code ${show(v)}`);
}

/**
 * The chain of regions from the root down to a region (隶属关系), e.g.
 * 市 → 县 → 乡镇 → 村.
 * @param regions - a {@link RegionTree} or a list of regions
 * @param code - a region code in the list
 * @returns the regions from the root to `code`, inclusive
 * @throws {@link ValidationError} `INVALID_INPUT` for bad regions or an unknown code
 * @example
 * ```ts
 * import { regionChain, regionTree } from "@sannong/core";
 * const tree = regionTree([{ code: "t1", name: "城关镇", level: "township" }, { code: "v1", name: "东村", level: "village", parent: "t1" }]);
 * regionChain(tree, "v1").map((r) => r.name); // → ["城关镇", "东村"]
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function regionChain(regions: RegionTree | readonly Region[], code: string): Region[] {
  const tree = treeArg(regions, "regionChain");
  const out: Region[] = [];
  let r: Region | undefined = codeArg(code, tree, "regionChain");
  while (r) {
    out.push(r);
    r = r.parent === undefined ? undefined : tree.byCode.get(r.parent);
  }
  return out.reverse();
}

/**
 * The region at a given level that contains a region (所属上级): the region
 * itself when it is at that level, its ancestor at that level otherwise, and
 * `null` when it has none (it is above the level, or its chain skips it).
 * @param regions - a {@link RegionTree} or a list of regions
 * @param code - a region code in the list
 * @param level - the level wanted
 * @returns the region at `level`, or `null`
 * @throws {@link ValidationError} `INVALID_INPUT` for bad regions, an unknown code or level
 * @example
 * ```ts
 * import { ancestorAt, regionTree } from "@sannong/core";
 * const tree = regionTree([{ code: "t1", name: "城关镇", level: "township" }, { code: "v1", name: "东村", level: "village", parent: "t1" }]);
 * ancestorAt(tree, "v1", "township")?.name; // → "城关镇"
 * ancestorAt(tree, "t1", "village"); // → null
 * ```
 * @remarks Implements CORE-REGION-1.
 */
export function ancestorAt(regions: RegionTree | readonly Region[], code: string, level: AdminLevel): Region | null {
  const tree = treeArg(regions, "ancestorAt");
  const lv = levelArg(level, "ancestorAt", "level");
  return findAt(tree, codeArg(code, tree, "ancestorAt"), DEPTH[lv]);
}

function findAt(tree: RegionTree, start: Region, depth: number): Region | null {
  let r: Region | undefined = start;
  while (r && DEPTH[r.level] > depth) r = r.parent === undefined ? undefined : tree.byCode.get(r.parent);
  return r && DEPTH[r.level] === depth ? r : null;
}

/** One amount recorded against a region, the input of {@link rollUp}. */
export interface RollUpItem {
  /** Code of the region the amount belongs to (any level). */
  readonly region: string;
  /** The amount (money input: decimal string, exact number or Money). */
  readonly amount: MoneyInput;
}

/** Options of {@link rollUp}. */
export interface RollUpOptions {
  /** Also list the regions at the level that have no items, with 0.00 (default `false`). */
  readonly includeEmpty?: boolean;
}

/** One line of a {@link RollUpResult}: a region and the exact sum of its items. */
export interface RollUpRow {
  /** The region's code. */
  readonly code: string;
  /** The region's name. */
  readonly name: string;
  /** The region's level (the level summed to, for `rows`). */
  readonly level: AdminLevel;
  /** Exact sum of the items attributed to this region. */
  readonly amount: Money;
  /** How many items were summed. */
  readonly itemCount: number;
}

/** The result of {@link rollUp}. */
export interface RollUpResult {
  /** The level summed to. */
  readonly level: AdminLevel;
  /** One row per region at `level` that has items (or all, with `includeEmpty`), in code order. */
  readonly rows: readonly RollUpRow[];
  /**
   * Items whose region has no ancestor at `level` (recorded above it, or in a
   * chain that skips it), summed by their own region, in code order; never
   * silently dropped.
   */
  readonly unattributed: readonly RollUpRow[];
  /** The sum of every item: `Σ rows + Σ unattributed`, to the fen. */
  readonly total: Money;
}

/** The zod schema of {@link rollUp}'s arguments `{ items, regions, level, options }`. @remarks Implements CORE-REGION-1. */
export const rollUpInputSchema = z
  .strictObject({
    items: z.array(z.strictObject({ region: idSchema, amount: moneySchema })).max(MAX_RECIPIENTS),
    regions: regionsSchema,
    level: adminLevelSchema,
    options: plainObject(z.strictObject({ includeEmpty: z.boolean().optional() })).optional(),
  })
  .superRefine((input, ctx) => {
    const codes = new Set(input.regions.map((r) => r.code));
    input.items.forEach((it, i) => {
      if (!codes.has(it.region))
        addIssue(
          ctx,
          `未知的区域代码 “${it.region}”`,
          `unknown region code "${it.region}"`,
          ["items", i, "region"],
          "unknown_region",
        );
    });
  });

const byCodeOrder = (a: RollUpRow, b: RollUpRow): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Sums amounts by the region at a level that contains them (按行政层级汇总),
 * e.g. village items by township. Exact (integer 分), conserving: `total`
 * equals the sum of every item and `Σ rows + Σ unattributed = total`. Rows
 * are in code order (ordinal string order of `code`), so the output depends
 * only on the input's content, not its order.
 * @param items - `{ region, amount }` items; a region may be at any level
 * @param regions - the regions (see {@link regionsSchema})
 * @param level - the level to sum to
 * @param options - `{ includeEmpty?: boolean }`
 * @returns rows at `level`, unattributed items, and the total
 * @throws {@link ValidationError} `INVALID_INPUT` for bad items, regions or
 *   level, and an item whose region is not listed (`unknown_region`)
 * @example
 * ```ts
 * import { rollUp } from "@sannong/core";
 * const r = rollUp(
 *   [{ region: "v1", amount: "100.00" }, { region: "v2", amount: "50.50" }, { region: "t1", amount: "9.00" }],
 *   [
 *     { code: "t1", name: "城关镇", level: "township" },
 *     { code: "v1", name: "东村", level: "village", parent: "t1" },
 *     { code: "v2", name: "西村", level: "village", parent: "t1" },
 *   ],
 *   "township",
 * );
 * r.rows.map((x) => `${x.name} ${x.amount}`); // → ["城关镇 159.50"]
 * String(r.total); // → "159.50"
 * ```
 * @remarks Implements CORE-REGION-1 (aggregate results by 市/县/乡镇/村/组).
 */
export function rollUp(
  items: readonly RollUpItem[],
  regions: readonly Region[],
  level: AdminLevel,
  options?: RollUpOptions,
): RollUpResult {
  const input = parseInput(
    rollUpInputSchema,
    options === undefined ? { items, regions, level } : { items, regions, level, options },
    "rollUp",
  );
  const tree = buildTree(input.regions);
  const depth = DEPTH[input.level];
  const target = new Map<string, Region | null>();
  const rows = new Map<string, { region: Region; fen: bigint; n: number }>();
  const loose = new Map<string, { region: Region; fen: bigint; n: number }>();
  if (input.options?.includeEmpty) {
    for (const r of tree.regions) if (r.level === input.level) rows.set(r.code, { region: r, fen: 0n, n: 0 });
  }
  let total = 0n;
  for (const it of input.items) {
    let t = target.get(it.region);
    const own = tree.byCode.get(it.region) as Region;
    if (t === undefined) {
      t = findAt(tree, own, depth);
      target.set(it.region, t);
    }
    const bucket = t === null ? loose : rows;
    const key = t === null ? own : t;
    const acc = bucket.get(key.code) ?? { region: key, fen: 0n, n: 0 };
    acc.fen += it.amount.fen;
    acc.n += 1;
    bucket.set(key.code, acc);
    total += it.amount.fen;
  }
  const toRows = (m: Map<string, { region: Region; fen: bigint; n: number }>): RollUpRow[] =>
    [...m.values()]
      .map((a) =>
        Object.freeze({
          code: a.region.code,
          name: a.region.name,
          level: a.region.level,
          amount: new Money(a.fen),
          itemCount: a.n,
        }),
      )
      .sort(byCodeOrder);
  return Object.freeze({
    level: input.level,
    rows: Object.freeze(toRows(rows)),
    unattributed: Object.freeze(toRows(loose)),
    total: new Money(total),
  });
}
