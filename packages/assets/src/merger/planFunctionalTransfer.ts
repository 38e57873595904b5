import * as z from "zod";
import { addIssue, idSchema, legalDateSchema, parseInput, traceStep, type Label, type TraceNode } from "@sannong/core";
import { RULES } from "../rules";
import { paramsOf, type AssetsOptions } from "../internal/options";
import type { ReadonlyInput } from "../internal/types";

const text = z.string().trim().min(1).max(200);
const move = <K extends string>(key: K) =>
  z.strictObject({ [key]: text, from: text, to: text } as Record<K | "from" | "to", typeof text>);

/** zod schema of {@link planFunctionalTransfer}'s input. */
export const planFunctionalTransferInputSchema = z
  .strictObject({
    date: legalDateSchema,
    /** Township state assets, with the unit that holds them and the function or person they serve. */
    assets: z
      .array(z.strictObject({ id: idSchema, holder: text, function: text.optional(), person: text.optional() }))
      .min(1)
      .max(100_000),
    /** Functions moved between units by the reform (职能划转). */
    functionMoves: z.array(move("function")).max(10_000),
    /** Staff moved between units (人员划转). */
    personMoves: z.array(move("person")).max(100_000),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.assets.forEach((a, i) => {
      if (ids.has(a.id))
        addIssue(ctx, `资产标识 “${a.id}” 重复`, `duplicate asset id "${a.id}"`, ["assets", i, "id"], "duplicate_id");
      ids.add(a.id);
    });
    const seen = new Set<string>();
    d.functionMoves.forEach((m, i) => {
      const k = `${m.function}\u0000${m.from}`;
      if (seen.has(k))
        addIssue(
          ctx,
          `职能 “${m.function}” 自 ${m.from} 划出的记录重复`,
          `function "${m.function}" moves out of ${m.from} twice`,
          ["functionMoves", i],
          "duplicate_id",
        );
      seen.add(k);
      if (m.from === m.to)
        addIssue(
          ctx,
          "划出方与接收方相同",
          "the transferor and the recipient are the same",
          ["functionMoves", i, "to"],
          "same_unit",
        );
    });
    const seenP = new Set<string>();
    d.personMoves.forEach((m, i) => {
      const k = `${m.person}\u0000${m.from}`;
      if (seenP.has(k))
        addIssue(
          ctx,
          `人员 “${m.person}” 自 ${m.from} 划出的记录重复`,
          `person "${m.person}" moves out of ${m.from} twice`,
          ["personMoves", i],
          "duplicate_id",
        );
      seenP.add(k);
      if (m.from === m.to)
        addIssue(
          ctx,
          "划出方与接收方相同",
          "the transferor and the recipient are the same",
          ["personMoves", i, "to"],
          "same_unit",
        );
    });
  });

/** Input of {@link planFunctionalTransfer}. */
export type PlanFunctionalTransferInput = ReadonlyInput<z.input<typeof planFunctionalTransferInputSchema>>;

/** One side's accounting entry of a transfer (both sides record it). */
export interface TransferEntry {
  readonly side: "transferor" | "recipient";
  readonly unit: string;
  /** 划出 / 接收: adjust the books and the asset card in the asset-management system. */
  readonly action: "transfer-out" | "transfer-in";
  readonly date: string;
}

/** What happens to one asset. */
export interface AssetTransferLine {
  readonly assetId: string;
  /** `transfer`: it moves; `stay`: nothing it serves moved; `conflict`: its function and its person go to different units (to be decided). */
  readonly status: "transfer" | "stay" | "conflict";
  readonly from: string;
  readonly to?: string;
  /** What it followed. */
  readonly follows?: "function" | "person";
  readonly entries: readonly TransferEntry[];
  readonly reason: Label;
}

/** Result of {@link planFunctionalTransfer}. */
export interface PlanFunctionalTransferResult {
  readonly lines: readonly AssetTransferLine[];
  readonly counts: { readonly transfer: number; readonly stay: number; readonly conflict: number };
  readonly rule: "ASSET-MERGE-2";
  readonly trace: TraceNode;
}

/**
 * Plans the transfer of township state assets when functions and staff move
 * (资产随职能和人员走): an asset serving a function follows the function to its
 * new unit; otherwise an asset serving a person follows the person; both
 * sides get an entry (划出方、接收方及时进行账务处理并调整资产卡片). An asset
 * whose function and person go to different units is reported as a conflict,
 * never decided by guess.
 *
 * @param input - date, assets (holder, function?, person?), functionMoves, personMoves
 * @param options - `{ parameters? }` (unused; accepted for a uniform API)
 * @returns one line per asset, in input order, with both sides' entries, and a trace
 * @throws {@link ValidationError} `INVALID_INPUT` for duplicate ids or moves, a move to the same unit, unknown keys
 * @example
 * ```ts
 * import { planFunctionalTransfer } from "@sannong/assets";
 * const r = planFunctionalTransfer({
 *   date: "2021-05-20",
 *   assets: [{ id: "车-1", holder: "原甲乡政府", function: "农技推广" }],
 *   functionMoves: [{ function: "农技推广", from: "原甲乡政府", to: "新乙镇农业服务中心" }],
 *   personMoves: [],
 * });
 * r.lines[0]?.to; // → "新乙镇农业服务中心"
 * ```
 * @remarks Implements ASSET-MERGE-2 (《盘活用好镇村公有资产工作方案》 §二(二)).
 */
export function planFunctionalTransfer(
  input: PlanFunctionalTransferInput,
  options?: AssetsOptions,
): PlanFunctionalTransferResult {
  const d = parseInput(planFunctionalTransferInputSchema, input, "planFunctionalTransfer");
  paramsOf(options, "planFunctionalTransfer");
  const fn = new Map(d.functionMoves.map((m) => [`${m.function}\u0000${m.from}`, m.to] as const));
  const pm = new Map(d.personMoves.map((m) => [`${m.person}\u0000${m.from}`, m.to] as const));
  const lines: AssetTransferLine[] = d.assets.map((a) => {
    const byFunction = a.function !== undefined ? fn.get(`${a.function}\u0000${a.holder}`) : undefined;
    const byPerson = a.person !== undefined ? pm.get(`${a.person}\u0000${a.holder}`) : undefined;
    if (byFunction !== undefined && byPerson !== undefined && byFunction !== byPerson) {
      return Object.freeze({
        assetId: a.id,
        status: "conflict" as const,
        from: a.holder,
        entries: Object.freeze([]),
        reason: {
          zh: `职能划入 ${byFunction}，人员划入 ${byPerson}，去向不一致，须另行确定`,
          en: `its function goes to ${byFunction} but its person to ${byPerson}: to be decided`,
        },
      });
    }
    const to = byFunction ?? byPerson;
    if (to === undefined) {
      return Object.freeze({
        assetId: a.id,
        status: "stay" as const,
        from: a.holder,
        entries: Object.freeze([]),
        reason: { zh: "所服务的职能和人员均未划转", en: "neither its function nor its person moves" },
      });
    }
    const follows = byFunction !== undefined ? ("function" as const) : ("person" as const);
    return Object.freeze({
      assetId: a.id,
      status: "transfer" as const,
      from: a.holder,
      to,
      follows,
      entries: Object.freeze([
        Object.freeze({ side: "transferor" as const, unit: a.holder, action: "transfer-out" as const, date: d.date }),
        Object.freeze({ side: "recipient" as const, unit: to, action: "transfer-in" as const, date: d.date }),
      ]),
      reason:
        follows === "function"
          ? { zh: `资产随职能“${a.function}”划转`, en: `follows its function "${a.function}"` }
          : { zh: `资产随人员“${a.person}”划转`, en: `follows its person "${a.person}"` },
    });
  });
  const counts = Object.freeze({
    transfer: lines.filter((l) => l.status === "transfer").length,
    stay: lines.filter((l) => l.status === "stay").length,
    conflict: lines.filter((l) => l.status === "conflict").length,
  });
  return Object.freeze({
    lines: Object.freeze(lines),
    counts,
    rule: "ASSET-MERGE-2" as const,
    trace: traceStep(RULES["ASSET-MERGE-2"], {
      inputs: {
        date: d.date,
        assets: d.assets.length,
        functionMoves: d.functionMoves.length,
        personMoves: d.personMoves.length,
      },
      output: counts,
    }),
  });
}
