import * as z from "zod";
import { legalDateSchema, type LegalDate } from "../dates/date";
import type { Label } from "../params/parameter";
import { readFraction } from "../ratio/fraction";
import { addIssue, idSchema, parseInput } from "../validation/parse";
import { countSchema } from "../validation/decimal";

/** Most steps a procedure may have. */
export const MAX_PROCEDURE_STEPS = 200;

/**
 * A threshold of a quorum rule: a share that a count must exceed (`moreThan`,
 * 超过/过半数) or reach (`atLeast`, 以上 — Chinese law counts 以上 as including
 * the number itself). The share is an exact fraction string (`"1/2"`,
 * `"2/3"`) or a decimal string (`"0.5"`) in [0, 1].
 * @remarks Implements CORE-PROC-1.
 */
export type Threshold =
  | { readonly moreThan: string; readonly atLeast?: never }
  | { readonly atLeast: string; readonly moreThan?: never };

/**
 * The approval threshold of a meeting: the share of those present (`present`,
 * 到会人员) or of all who are entitled to attend (`eligible`, 应到会人员) who
 * must vote for a decision.
 */
export type ApprovalThreshold = Threshold & { readonly of: "present" | "eligible" };

/**
 * One lawful form of a meeting (会议形式) and its quorum (法定人数) and
 * majority (表决) rule, e.g. a 村民会议 counted by villagers aged 18 and over,
 * or a 村民代表会议.
 * @remarks Implements CORE-PROC-1.
 */
export interface QuorumForm {
  /** Stable id the event names in `form`, e.g. `villagers-meeting-adults`. */
  readonly id: string;
  readonly label: Label;
  /** `attendees / eligible` must pass this (法定到会人数). */
  readonly attendance?: Threshold;
  /** `votesFor / attendees` (of `present`) or `votesFor / eligible` must pass this. */
  readonly approval?: ApprovalThreshold;
}

/**
 * A quorum rule (会议有效和表决规则): the lawful forms of the meeting; a
 * meeting is valid when it passes the rules of the form it was held in.
 * @remarks Implements CORE-PROC-1.
 */
export interface QuorumRule {
  readonly forms: readonly QuorumForm[];
}

/**
 * The quorum of a step: inline, or the id of an effective-dated parameter
 * (in the parameter set given to `checkProcedure`) whose value is a
 * {@link QuorumRule}, read on the date of each meeting.
 */
export type StepQuorum =
  | (QuorumRule & { readonly parameter?: never })
  | { readonly parameter: string; readonly forms?: never };

/**
 * One step of a procedure (程序步骤) and the body (主体) that performs it.
 * @remarks Implements CORE-PROC-1.
 */
export interface ProcedureStep {
  /** Stable id, unique in the procedure, e.g. `township-approval`. */
  readonly id: string;
  readonly label: Label;
  /** Who performs it, e.g. `village-party-branch`, `township-government`, `district-poverty-office`. */
  readonly body: string;
  readonly bodyLabel?: Label;
  /** An optional step may be skipped; if it is performed, it must be in order. */
  readonly optional?: boolean;
  /**
   * Ids of the steps that must come before this one. When absent, the step
   * follows the previous step in the list (so a plain list is a chain) and the
   * first step follows nothing; `[]` means no step must come before it.
   * Steps with no ordering between them may run in parallel.
   */
  readonly after?: readonly string[];
  /** Quorum and majority rule of a meeting step. */
  readonly quorum?: StepQuorum;
}

/**
 * Where a procedure comes from: the document and article, the seed citation
 * and the spec rule IDs it implements.
 */
export interface ProcedureSource {
  /** Document title or 文号. */
  readonly document: string;
  /** Article or section, e.g. `§三(十一)2`. */
  readonly article?: string;
  /** Seed file and section, e.g. `001 §三(十一)2`. */
  readonly citation?: string;
  /** Spec rule IDs, e.g. `["CORE-PROC-2", "ASSET-DISP-2"]`. */
  readonly rules?: readonly string[];
  /** `false` when the steps are sannong's reading rather than the document's words. */
  readonly verified?: boolean;
  /** Why the steps are what they are. */
  readonly note?: string;
}

/**
 * A procedure (程序): 民主程序 or an approval chain, as data — steps, the
 * bodies that perform them, their order (some optional or parallel) and the
 * quorum of meeting steps.
 * @remarks Implements CORE-PROC-1.
 */
export interface Procedure {
  readonly id: string;
  readonly label: Label;
  readonly steps: readonly ProcedureStep[];
  readonly source?: ProcedureSource;
}

/**
 * A dated record that a step was performed (程序记录): by which body, and for
 * a meeting the number attending, entitled to attend and voting for.
 * @remarks Implements CORE-PROC-1.
 */
export interface ProcedureEvent {
  /** The step id. */
  readonly step: string;
  readonly date: LegalDate;
  /** The body that performed it; when absent the record is taken to mean the step's own body. */
  readonly body?: string;
  /** For a meeting: who attended (persons, or households for a household-based form). */
  readonly attendees?: number;
  /** For a meeting: who was entitled to attend (应到). */
  readonly eligible?: number;
  /** For a meeting: votes for the decision. */
  readonly votesFor?: number;
  /** For a meeting whose quorum rule has several forms: the form id it was held in. */
  readonly form?: string;
  readonly note?: string;
}

const labelSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

const shareSchema = z.string().superRefine((v, ctx) => {
  const f = readFraction(v);
  if (!f || f.num < 0n || f.num > f.den)
    addIssue(
      ctx,
      `应为 0 到 1 之间的比例（如 "1/2"、"2/3"），实际为 ${v}`,
      `expected a share between 0 and 1 (e.g. "1/2", "2/3"), got ${v}`,
      [],
      "invalid_share",
    );
});

function exactlyOne(t: { moreThan?: string | undefined; atLeast?: string | undefined }, ctx: z.RefinementCtx): void {
  if ((t.moreThan === undefined) === (t.atLeast === undefined)) {
    addIssue(
      ctx,
      "须且只须给出 moreThan（超过）或 atLeast（不少于）之一",
      "give exactly one of moreThan or atLeast",
      [],
      "invalid_threshold",
    );
  }
}

/** zod schema of a {@link Threshold}: exactly one of `moreThan`, `atLeast`. */
export const thresholdSchema = z
  .strictObject({ moreThan: shareSchema.optional(), atLeast: shareSchema.optional() })
  .superRefine(exactlyOne);

const approvalSchema = z
  .strictObject({
    moreThan: shareSchema.optional(),
    atLeast: shareSchema.optional(),
    of: z.enum(["present", "eligible"]),
  })
  .superRefine(exactlyOne);

/** zod schema of a {@link QuorumForm}. */
export const quorumFormSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  attendance: thresholdSchema.optional(),
  approval: approvalSchema.optional(),
});

/**
 * zod schema of a {@link QuorumRule}: at least one form, distinct form ids.
 * @remarks Implements CORE-PROC-1.
 */
export const quorumRuleSchema = z
  .strictObject({ forms: z.array(quorumFormSchema).min(1).max(20) })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    q.forms.forEach((f, i) => {
      if (seen.has(f.id))
        addIssue(ctx, `重复的会议形式 “${f.id}”`, `duplicate form id "${f.id}"`, ["forms", i, "id"], "duplicate_id");
      seen.add(f.id);
    });
  });

const stepQuorumSchema = z
  .strictObject({ parameter: idSchema.optional(), forms: z.array(quorumFormSchema).min(1).max(20).optional() })
  .superRefine((q, ctx) => {
    if ((q.parameter === undefined) === (q.forms === undefined)) {
      addIssue(
        ctx,
        "须且只须给出 parameter（参数）或 forms（会议形式）之一",
        "give exactly one of parameter or forms",
        [],
        "invalid_quorum",
      );
    }
    const seen = new Set<string>();
    (q.forms ?? []).forEach((f, i) => {
      if (seen.has(f.id))
        addIssue(ctx, `重复的会议形式 “${f.id}”`, `duplicate form id "${f.id}"`, ["forms", i, "id"], "duplicate_id");
      seen.add(f.id);
    });
  });

const stepSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  body: idSchema,
  bodyLabel: labelSchema.optional(),
  optional: z.boolean().optional(),
  after: z.array(idSchema).max(MAX_PROCEDURE_STEPS).optional(),
  quorum: stepQuorumSchema.optional(),
});

const sourceSchema = z.strictObject({
  document: z.string().min(1),
  article: z.string().optional(),
  citation: z.string().optional(),
  rules: z.array(z.string().min(1)).optional(),
  verified: z.boolean().optional(),
  note: z.string().optional(),
});

/**
 * The predecessors of each step, by index: `after` resolved, or the previous
 * step in the list when `after` is absent. Assumes a valid procedure.
 * @internal
 */
export function predecessorsOf(steps: readonly { id: string; after?: readonly string[] | undefined }[]): number[][] {
  const index = new Map(steps.map((s, i) => [s.id, i] as const));
  return steps.map((s, i) =>
    s.after === undefined ? (i > 0 ? [i - 1] : []) : s.after.map((a) => index.get(a) ?? -1).filter((j) => j >= 0),
  );
}

/**
 * zod schema of a {@link Procedure}: unknown keys rejected, step ids unique,
 * every `after` names another step of the procedure once, and the order has no
 * cycle.
 * @remarks Implements CORE-PROC-1.
 */
export const procedureSchema = z
  .strictObject({
    id: idSchema,
    label: labelSchema,
    steps: z.array(stepSchema).min(1).max(MAX_PROCEDURE_STEPS),
    source: sourceSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.steps.forEach((s, i) => {
      if (ids.has(s.id))
        addIssue(ctx, `重复的步骤标识 “${s.id}”`, `duplicate step id "${s.id}"`, ["steps", i, "id"], "duplicate_id");
      ids.add(s.id);
    });
    let refsOk = true;
    p.steps.forEach((s, i) => {
      const seen = new Set<string>();
      (s.after ?? []).forEach((a, j) => {
        if (a === s.id) {
          refsOk = false;
          addIssue(
            ctx,
            `步骤 “${s.id}” 不能排在自己之后`,
            `step "${s.id}" cannot come after itself`,
            ["steps", i, "after", j],
            "invalid_order",
          );
        } else if (!ids.has(a)) {
          refsOk = false;
          addIssue(
            ctx,
            `步骤 “${s.id}” 的前置步骤 “${a}” 不存在`,
            `step "${s.id}" comes after unknown step "${a}"`,
            ["steps", i, "after", j],
            "unknown_step",
          );
        } else if (seen.has(a)) {
          refsOk = false;
          addIssue(
            ctx,
            `步骤 “${s.id}” 的前置步骤 “${a}” 重复`,
            `step "${s.id}" lists "${a}" twice in after`,
            ["steps", i, "after", j],
            "duplicate_id",
          );
        }
        seen.add(a);
      });
    });
    if (!refsOk || ids.size !== p.steps.length) return;
    const cycleAt = findCycle(predecessorsOf(p.steps));
    if (cycleAt !== undefined) {
      const id = p.steps[cycleAt]?.id ?? "";
      addIssue(
        ctx,
        `步骤顺序有循环（涉及 “${id}”）`,
        `the order of the steps has a cycle (through "${id}")`,
        ["steps", cycleAt, "after"],
        "order_cycle",
      );
    }
  });

/** Index of a step on a cycle of the predecessor graph, or undefined. */
function findCycle(preds: readonly number[][]): number | undefined {
  const state = new Uint8Array(preds.length); // 0 new, 1 on stack, 2 done
  for (let start = 0; start < preds.length; start++) {
    if (state[start] !== 0) continue;
    const stack: { node: number; next: number }[] = [{ node: start, next: 0 }];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const list = preds[top.node]!;
      if (top.next < list.length) {
        const n = list[top.next++]!;
        if (state[n] === 1) return n;
        if (state[n] === 0) {
          state[n] = 1;
          stack.push({ node: n, next: 0 });
        }
      } else {
        state[top.node] = 2;
        stack.pop();
      }
    }
  }
  return undefined;
}

/**
 * zod schema of a {@link ProcedureEvent}: a step id, an existing date, and
 * for a meeting counts with `attendees ≤ eligible`, `votesFor ≤ attendees`,
 * `eligible ≥ 1`. Unknown keys are rejected.
 * @remarks Implements CORE-PROC-1.
 */
export const procedureEventSchema = z
  .strictObject({
    step: idSchema,
    date: legalDateSchema,
    body: idSchema.optional(),
    attendees: countSchema.optional(),
    eligible: countSchema.min(1).optional(),
    votesFor: countSchema.optional(),
    form: idSchema.optional(),
    note: z.string().max(2000).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.attendees !== undefined && e.eligible !== undefined && e.attendees > e.eligible) {
      addIssue(
        ctx,
        `到会人数 ${e.attendees} 多于应到人数 ${e.eligible}`,
        `attendees (${e.attendees}) exceed eligible (${e.eligible})`,
        ["attendees"],
        "out_of_range",
      );
    }
    if (e.votesFor !== undefined && e.attendees !== undefined && e.votesFor > e.attendees) {
      addIssue(
        ctx,
        `赞成票 ${e.votesFor} 多于到会人数 ${e.attendees}`,
        `votesFor (${e.votesFor}) exceed attendees (${e.attendees})`,
        ["votesFor"],
        "out_of_range",
      );
    }
    if (e.votesFor !== undefined && e.eligible !== undefined && e.votesFor > e.eligible) {
      addIssue(
        ctx,
        `赞成票 ${e.votesFor} 多于应到人数 ${e.eligible}`,
        `votesFor (${e.votesFor}) exceed eligible (${e.eligible})`,
        ["votesFor"],
        "out_of_range",
      );
    }
  });

function freezeDeep<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    for (const k of Object.keys(v)) freezeDeep((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

/**
 * Validates a procedure definition (定义程序) and returns a deep-frozen copy.
 *
 * @param def - id, label, steps (with bodies, optional/after/quorum), source
 * @returns the validated, frozen procedure (a new object; `def` is not touched)
 * @throws {@link ValidationError} `INVALID_INPUT` for unknown keys, duplicate
 *   step ids, an `after` naming an unknown step, or a cycle
 * @example
 * ```ts
 * import { defineProcedure } from "@sannong/core";
 * const p = defineProcedure({
 *   id: "demo", label: { zh: "示例", en: "demo" },
 *   steps: [
 *     { id: "decide", label: { zh: "民主决策", en: "decide" }, body: "villagers-meeting" },
 *     { id: "file", label: { zh: "报镇备案", en: "file" }, body: "township-government" },
 *   ],
 * });
 * p.steps.length; // → 2
 * ```
 * @remarks Implements CORE-PROC-1.
 */
export function defineProcedure(def: Procedure): Procedure {
  return freezeDeep(parseInput(procedureSchema, def, "defineProcedure") as unknown as Procedure);
}
