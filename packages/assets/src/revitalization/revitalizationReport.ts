import * as z from "zod";
import {
  addIssue,
  addMonths,
  daysBetween,
  formatFraction,
  fraction,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  paramAt,
  parseInput,
  traceStep,
  ValidationError,
  type Fraction,
  type Label,
  type Money,
  type ParameterUse,
  type TraceNode,
  deepFreeze,
} from "@sannong/core";
import { RULES } from "../rules";
import { PARAM, type DeadlineMonths, type Milestone } from "../parameters";
import { paramsOf, type AssetsOptions } from "../internal/options";
import { finding, type AssetFinding } from "../internal/findings";
import { percentOf } from "../internal/shares";
import type { ReadonlyInput } from "../internal/types";

/** 五个一批 for township state assets: office use, public-welfare use, industry support, market disposal, capital injection. */
export const TOWNSHIP_CATEGORIES = /*#__PURE__*/ deepFreeze([
  "office-use",
  "public-welfare-use",
  "industry-support",
  "market-disposal",
  "state-capital",
] as const);
/** 四个一批 for village assets: convenience services (1+N), public welfare, collective economy, market operation. */
export const VILLAGE_CATEGORIES = /*#__PURE__*/ deepFreeze([
  "convenience-services",
  "public-welfare",
  "collective-economy",
  "market-operation",
] as const);
/** One of the 五个一批 of township state assets. */
export type TownshipCategory = (typeof TOWNSHIP_CATEGORIES)[number];
/** One of the 四个一批 of village assets. */
export type VillageCategory = (typeof VILLAGE_CATEGORIES)[number];
/** A revitalisation category (五个一批 or 四个一批). */
export type RevitalizationCategory = TownshipCategory | VillageCategory;

/** zh / en labels of the categories. */
export const CATEGORY_LABELS: Readonly<Record<RevitalizationCategory, Label>> = /*#__PURE__*/ deepFreeze({
  "office-use": { zh: "充实办公用房一批", en: "office use" },
  "public-welfare-use": { zh: "改作公益用房一批", en: "public-welfare use" },
  "industry-support": { zh: "支持产业发展一批", en: "industry support" },
  "market-disposal": { zh: "市场化处置变现一批", en: "market disposal" },
  "state-capital": { zh: "补充国有资本一批", en: "capital injection into a state enterprise" },
  "convenience-services": { zh: "便民服务提升一批（1+N）", en: "convenience services (1+N)" },
  "public-welfare": { zh: "公益事业改建一批", en: "public welfare" },
  "collective-economy": { zh: "集体经济使用一批", en: "collective economy use" },
  "market-operation": { zh: "市场运营开发一批", en: "market operation" },
});

const text = z.string().trim().min(1).max(500);

/** zod schema of one idle item on the list (清单). */
export const revitalizationItemSchema = z.strictObject({
  id: idSchema,
  name: text,
  /** 乡镇国有资产 or 村级资产. */
  level: z.enum(["township", "village"]),
  category: z.enum([...TOWNSHIP_CATEGORIES, ...VILLAGE_CATEGORIES]),
  /** 盘活措施. */
  measure: text,
  /** 责任主体. */
  responsible: text,
  listedOn: legalDateSchema,
  /** 难易程度: sets the deadline when none is given (parameter `assets.revitalization.deadlineMonths`). */
  difficulty: z.enum(["easy", "medium", "hard"]).optional(),
  deadline: legalDateSchema.optional(),
  /** Book or assessed value. */
  value: nonNegativeMoneySchema,
  /** 销号日期: revitalised and closed out. */
  closedOn: legalDateSchema.optional(),
  /** Date of the valuation (market disposal is done on an objective valuation). */
  valuedOn: legalDateSchema.optional(),
});

/** zod schema of {@link revitalizationReport}'s input. */
export const revitalizationReportInputSchema = z
  .strictObject({
    asOf: legalDateSchema,
    items: z.array(revitalizationItemSchema).max(1_000_000),
    /** Progress on the plan's milestones (ids of parameter `assets.revitalization.milestones`). */
    milestones: z
      .array(z.strictObject({ id: idSchema, completedOn: legalDateSchema.optional() }))
      .max(100)
      .optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.items.forEach((it, i) => {
      if (ids.has(it.id))
        addIssue(
          ctx,
          `清单项目标识 “${it.id}” 重复`,
          `duplicate item id "${it.id}"`,
          ["items", i, "id"],
          "duplicate_id",
        );
      ids.add(it.id);
      const township = (TOWNSHIP_CATEGORIES as readonly string[]).includes(it.category);
      if (township !== (it.level === "township")) {
        addIssue(
          ctx,
          it.level === "township"
            ? `乡镇国有资产应归入“五个一批”，不能是 ${it.category}`
            : `村级资产应归入“四个一批”，不能是 ${it.category}`,
          it.level === "township"
            ? `township assets use the five categories (五个一批), not ${it.category}`
            : `village assets use the four categories (四个一批), not ${it.category}`,
          ["items", i, "category"],
          "wrong_category",
        );
      }
      if (it.deadline === undefined && it.difficulty === undefined)
        addIssue(
          ctx,
          "须给出盘活时限或难易程度",
          "give a deadline or a difficulty",
          ["items", i, "deadline"],
          "required",
        );
      if (it.deadline !== undefined && it.deadline < it.listedOn)
        addIssue(
          ctx,
          `盘活时限 ${it.deadline} 早于列入清单日期 ${it.listedOn}`,
          `the deadline ${it.deadline} is before the listing date ${it.listedOn}`,
          ["items", i, "deadline"],
          "dates_out_of_order",
        );
      if (it.closedOn !== undefined && it.closedOn < it.listedOn)
        addIssue(
          ctx,
          `销号日期 ${it.closedOn} 早于列入清单日期 ${it.listedOn}`,
          `the close-out date ${it.closedOn} is before the listing date ${it.listedOn}`,
          ["items", i, "closedOn"],
          "dates_out_of_order",
        );
    });
    const ms = new Set<string>();
    (d.milestones ?? []).forEach((m, i) => {
      if (ms.has(m.id))
        addIssue(ctx, `节点 “${m.id}” 重复`, `duplicate milestone "${m.id}"`, ["milestones", i, "id"], "duplicate_id");
      ms.add(m.id);
    });
  });

/** Input of {@link revitalizationReport}. */
export type RevitalizationReportInput = ReadonlyInput<z.input<typeof revitalizationReportInputSchema>>;

/** An item's state at the report date. */
export interface RevitalizationItemStatus {
  readonly id: string;
  readonly level: "township" | "village";
  readonly category: RevitalizationCategory;
  readonly responsible: string;
  readonly deadline: string;
  /** `closed` (销号) on time, `closed-late`, `open` within its deadline, `overdue`. */
  readonly status: "closed" | "closed-late" | "open" | "overdue";
  /** Days past the deadline (overdue: at the report date; closed-late: at close-out). */
  readonly daysLate?: number;
  readonly value: Money;
}

/** A rate as exact fraction and display percent. */
export interface Rate {
  readonly closed: string | number;
  readonly total: string | number;
  /** Exact `"num/den"`, or null when there is nothing to measure. */
  readonly ratio: string | null;
  /** Two-decimal percent (display), or null. */
  readonly percent: string | null;
}

/** A milestone's state at the report date. */
export interface MilestoneStatus {
  readonly id: string;
  readonly due: string;
  readonly label: Label;
  readonly status: "done" | "done-late" | "pending" | "late";
  readonly completedOn?: string;
  readonly daysLate?: number;
  /** The revitalisation milestone may be derived from the list (every item closed). */
  readonly derived: boolean;
}

/** Result of {@link revitalizationReport}. */
export interface RevitalizationReportResult {
  readonly asOf: string;
  readonly items: readonly RevitalizationItemStatus[];
  /** Ids of the items overdue at the report date, most days late first. */
  readonly overdue: readonly string[];
  readonly rate: { readonly byCount: Rate; readonly byValue: Rate };
  readonly byCategory: readonly {
    readonly category: RevitalizationCategory;
    readonly label: Label;
    readonly items: number;
    readonly closed: number;
    readonly value: Money;
    readonly closedValue: Money;
  }[];
  /** Items listed after the report date (not counted). */
  readonly notYetListed: number;
  readonly milestones: readonly MilestoneStatus[];
  /** Ids of the milestones late or done late. */
  readonly late: readonly string[];
  readonly flags: readonly AssetFinding[];
  readonly trace: TraceNode;
}

function rate(closed: bigint, total: bigint, show: (x: bigint) => string | number): Rate {
  if (total === 0n) return Object.freeze({ closed: show(closed), total: show(total), ratio: null, percent: null });
  const f: Fraction = fraction(closed, total);
  return Object.freeze({ closed: show(closed), total: show(total), ratio: formatFraction(f), percent: percentOf(f) });
}

/**
 * Reports the revitalisation of idle public assets (闲置资产盘活进度) at a
 * date: every listed item (清单制) has a measure and a responsible body
 * (责任制) and a deadline — given, or set by difficulty from the parameter —
 * and is closed out when revitalised (销号制); the report lists the items
 * overdue, the revitalisation rate by count and by value, the breakdown by
 * category (五个一批 for township assets, 四个一批 for village assets), and the
 * plan's milestones (inventory 2021-03-31, transfer 2021-05-31, plans
 * 2021-06-30, revitalisation 2021-12-31, parameter
 * `assets.revitalization.milestones`) with what is late. A market disposal
 * closed without a valuation is flagged, and so is an item whose deadline —
 * given, or set by its difficulty — falls after the plan's end, the latest
 * milestone (2021-12-31: “即2021年底前……闲置资产全面盘活利用”, ASSET-REVIT-4).
 *
 * @param input - asOf, items, milestones?
 * @param options - `{ parameters? }`: milestones and deadlines by difficulty
 * @returns item statuses, overdue list, rates, breakdown, milestones, flags and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for a category of the wrong level, dates out of order, an unknown milestone, duplicate ids, unknown keys
 * @example
 * ```ts
 * import { revitalizationReport } from "@sannong/assets";
 * const r = revitalizationReport({ asOf: "2021-09-30", items: [
 *   { id: "R-1", name: "原乡政府办公楼", level: "township", category: "office-use", measure: "调剂为镇便民服务中心", responsible: "镇党政办", listedOn: "2021-06-15", deadline: "2021-08-31", value: "800000.00" },
 *   { id: "R-2", name: "原村小学", level: "village", category: "collective-economy", measure: "改作仓储用房", responsible: "村股份经济合作社", listedOn: "2021-06-15", difficulty: "easy", value: "200000.00", closedOn: "2021-09-01" },
 * ] });
 * [r.overdue, r.rate.byCount.percent, r.rate.byValue.percent]; // → [["R-1"], "50.00", "20.00"]
 * ```
 * @remarks Implements ASSET-REVIT-1, ASSET-REVIT-2, ASSET-REVIT-3, ASSET-REVIT-4 (《盘活用好镇村公有资产工作方案》 §一, §二(一)–(五)).
 */
export function revitalizationReport(
  input: RevitalizationReportInput,
  options?: AssetsOptions,
): RevitalizationReportResult {
  const d = parseInput(revitalizationReportInputSchema, input, "revitalizationReport");
  const set = paramsOf(options, "revitalizationReport");
  const milestonesUse = paramAt<readonly Milestone[]>(set, PARAM.milestones, d.asOf);
  const known = new Map(milestonesUse.value.map((m) => [m.id, m] as const));
  const unknown = (d.milestones ?? []).map((m, i) => ({ m, i })).filter(({ m }) => !known.has(m.id));
  if (unknown.length) {
    throw new ValidationError(
      unknown.map(({ m, i }) => ({
        code: "unknown_milestone",
        path: ["milestones", i, "id"],
        zh: `未知的工作节点 “${m.id}”（可用：${[...known.keys()].join("、")}）`,
        en: `unknown milestone "${m.id}" (known: ${[...known.keys()].join(", ")})`,
      })),
      "revitalizationReport",
    );
  }
  // The plan's end: the latest milestone (ASSET-REVIT-4); every item's deadline should fall on or before it.
  const planEnd = milestonesUse.value.reduce((m, x) => (x.due > m ? x.due : m), "1900-01-01");
  // The deadline by difficulty is the one in force when the item was listed (not at the report date).
  const deadlineUses = new Map<string, ParameterUse<DeadlineMonths>>();
  const deadlineAt = new Map<string, ParameterUse<DeadlineMonths>>();
  const flags: AssetFinding[] = [];
  const listed = d.items.map((it, i) => ({ it, i })).filter(({ it }) => it.listedOn <= d.asOf);
  const items: RevitalizationItemStatus[] = listed.map(({ it, i }) => {
    let deadline = it.deadline;
    if (deadline === undefined) {
      let use = deadlineAt.get(it.listedOn);
      if (use === undefined) {
        use = paramAt<DeadlineMonths>(set, PARAM.deadlineMonths, it.listedOn);
        deadlineAt.set(it.listedOn, use);
        deadlineUses.set(`${use.id}@${use.from}`, use);
      }
      deadline = addMonths(it.listedOn, use.value[it.difficulty!]);
    }
    if (deadline > planEnd) {
      const given = it.deadline !== undefined;
      flags.push(
        finding(
          "DEADLINE_AFTER_PLAN_END",
          "ASSET-REVIT-4",
          `${it.name}的盘活时限 ${deadline}${given ? "" : `（按难易程度“${it.difficulty}”推算）`}晚于方案完成时限 ${planEnd}`,
          `the deadline of ${it.name}, ${deadline}${given ? "" : ` (set by its difficulty, ${it.difficulty})`}, is after the plan's end ${planEnd}`,
          ["items", i, given ? "deadline" : "difficulty"],
        ),
      );
    }
    const closed = it.closedOn !== undefined && it.closedOn <= d.asOf;
    let status: RevitalizationItemStatus["status"];
    let daysLate: number | undefined;
    if (closed) {
      status = it.closedOn! <= deadline ? "closed" : "closed-late";
      if (status === "closed-late") daysLate = daysBetween(deadline, it.closedOn!);
    } else if (d.asOf > deadline) {
      status = "overdue";
      daysLate = daysBetween(deadline, d.asOf);
    } else status = "open";
    if (closed && it.category === "market-disposal" && (it.valuedOn === undefined || it.valuedOn > it.closedOn!)) {
      flags.push(
        finding(
          "DISPOSED_WITHOUT_VALUATION",
          "ASSET-REVIT-2",
          `${it.name}以市场化方式处置变现，未见处置前的资产评估`,
          `${it.name} was disposed of on the market without a prior valuation`,
          ["items", i, "valuedOn"],
        ),
      );
    }
    return Object.freeze({
      id: it.id,
      level: it.level,
      category: it.category,
      responsible: it.responsible,
      deadline,
      status,
      ...(daysLate !== undefined ? { daysLate } : {}),
      value: it.value as Money,
    });
  });
  const overdue = items
    .filter((x) => x.status === "overdue")
    .sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.id);
  const isClosed = (x: RevitalizationItemStatus): boolean => x.status === "closed" || x.status === "closed-late";
  let totalValue = 0n;
  let closedValue = 0n;
  let closedCount = 0n;
  for (const x of items) {
    totalValue += x.value.fen;
    if (isClosed(x)) {
      closedValue += x.value.fen;
      closedCount += 1n;
    }
  }
  const byCount = rate(closedCount, BigInt(items.length), (x) => Number(x));
  const byValue = rate(closedValue, totalValue, (x) => String(moneyFromFen(x)));
  const byCategory = ([...TOWNSHIP_CATEGORIES, ...VILLAGE_CATEGORIES] as RevitalizationCategory[])
    .map((category) => {
      const xs = items.filter((x) => x.category === category);
      return Object.freeze({
        category,
        label: CATEGORY_LABELS[category],
        items: xs.length,
        closed: xs.filter(isClosed).length,
        value: moneyFromFen(xs.reduce((s, x) => s + x.value.fen, 0n)),
        closedValue: moneyFromFen(xs.filter(isClosed).reduce((s, x) => s + x.value.fen, 0n)),
      });
    })
    .filter((c) => c.items > 0);

  // milestones (ASSET-REVIT-3)
  const progress = new Map((d.milestones ?? []).map((m) => [m.id, m.completedOn] as const));
  const allClosedOn =
    d.items.length > 0 && d.items.every((it) => it.closedOn !== undefined && it.closedOn <= d.asOf)
      ? d.items.reduce((m, it) => (it.closedOn! > m ? it.closedOn! : m), "1900-01-01")
      : undefined;
  const milestones: MilestoneStatus[] = milestonesUse.value.map((m) => {
    const derived = m.id === "revitalization" && !progress.has(m.id);
    const done = derived ? allClosedOn : progress.get(m.id);
    const completed = done !== undefined && done <= d.asOf ? done : undefined;
    let status: MilestoneStatus["status"];
    let daysLate: number | undefined;
    if (completed !== undefined) {
      status = completed <= m.due ? "done" : "done-late";
      if (status === "done-late") daysLate = daysBetween(m.due, completed);
    } else if (d.asOf > m.due) {
      status = "late";
      daysLate = daysBetween(m.due, d.asOf);
    } else status = "pending";
    return Object.freeze({
      id: m.id,
      due: m.due,
      label: Object.freeze({ zh: m.zh, en: m.en }),
      status,
      ...(completed !== undefined ? { completedOn: completed } : {}),
      ...(daysLate !== undefined ? { daysLate } : {}),
      derived,
    });
  });
  const late = milestones.filter((m) => m.status === "late" || m.status === "done-late").map((m) => m.id);
  const params = [
    milestonesUse,
    ...[...deadlineUses.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
  ];
  return Object.freeze({
    asOf: d.asOf,
    items: Object.freeze(items),
    overdue: Object.freeze(overdue),
    rate: Object.freeze({ byCount, byValue }),
    byCategory: Object.freeze(byCategory),
    notYetListed: d.items.length - listed.length,
    milestones: Object.freeze(milestones),
    late: Object.freeze(late),
    flags: Object.freeze(flags),
    trace: traceStep(RULES["ASSET-REVIT-1"], {
      inputs: { asOf: d.asOf, items: d.items.length },
      parameters: params,
      output: { overdue: overdue.length, byCount: byCount.percent, byValue: byValue.percent },
      note: {
        zh: "清单制+责任制+销号制：盘活一宗销号一宗",
        en: "list, responsibility, close-out: each item closed out when revitalised",
      },
      children: [
        traceStep(RULES["ASSET-REVIT-2"], { output: byCategory.map((c) => `${c.category}: ${c.closed}/${c.items}`) }),
        traceStep(RULES["ASSET-REVIT-3"], {
          parameters: [milestonesUse],
          output: milestones.map((m) => `${m.id}: ${m.status}`),
        }),
        traceStep(RULES["ASSET-REVIT-4"], {
          inputs: { planEnd },
          output: flags.filter((f) => f.code === "DEADLINE_AFTER_PLAN_END").map((f) => f.path.join(".")),
        }),
      ],
    }),
  });
}
