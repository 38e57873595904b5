import { deepFreeze } from "../data/deepFreeze";
import * as z from "zod";
import type { LegalDate } from "../dates/date";
import { getParameter, valueAt, type Label, type ParameterSet, type ParameterUse } from "../params/parameter";
import { readFraction } from "../ratio/fraction";
import { traceStep, type RuleRef, type TraceNode } from "../trace/trace";
import { addIssue, idSchema, parseInput, plainObject } from "../validation/parse";
import { coreParameterSet } from "./parameters";
import {
  predecessorsOf,
  procedureEventSchema,
  procedureSchema,
  quorumRuleSchema,
  type Procedure,
  type ProcedureEvent,
  type ProcedureStep,
  type QuorumForm,
  type QuorumRule,
  type Threshold,
} from "./procedure";
import { PROCEDURE_RULES } from "./rules";

/** Most events one call may check. */
export const MAX_PROCEDURE_EVENTS = 100_000;

/** Options of {@link checkProcedure}. */
export interface CheckProcedureOptions {
  /** Where quorum parameters are read; default `coreParameterSet`. */
  readonly parameters?: ParameterSet;
  /**
   * Check only this step and the steps that must come before it (e.g.
   * `"resolution-disclosure"` of 五议两公开: the resolution may be acted on
   * before the result of its implementation is published).
   */
  readonly through?: string;
}

/** A step performed before a step it must follow. */
export interface OutOfOrderStep {
  readonly step: string;
  /** The step that had to come first (for a skipped optional step, the step before it). */
  readonly mustFollow: string;
  /** The date of the latest valid record of `step`. */
  readonly date: LegalDate;
  /** The date `mustFollow` was done. */
  readonly mustFollowDate: LegalDate;
}

/** A record of a step by a body other than the step's. */
export interface WrongBody {
  readonly step: string;
  readonly expected: string;
  readonly actual: string;
  readonly date: LegalDate;
}

/** A meeting record that fails its quorum or majority rule. */
export interface FailedVote {
  readonly step: string;
  readonly date: LegalDate;
  readonly reason: Label;
}

/** How a step stands in the record. */
export interface StepStatus {
  readonly step: string;
  /** `done` in order; `out-of-order`; `missing` (required, no valid record); `skipped` (optional, no valid record). */
  readonly status: "done" | "out-of-order" | "missing" | "skipped";
  /** The date it counts as done (for `out-of-order`, its latest valid record). */
  readonly date?: LegalDate;
}

/** The result of {@link checkProcedure}. */
export interface CheckProcedureResult {
  readonly procedure: string;
  /** Every required step has a valid record in order and no performed step is out of order. */
  readonly complete: boolean;
  /** Required steps without a valid record (none, or only records by a wrong body or with a failed vote), in step order. */
  readonly missing: readonly string[];
  readonly outOfOrder: readonly OutOfOrderStep[];
  /** Every record by a wrong body (also those superseded by a valid record). */
  readonly wrongBody: readonly WrongBody[];
  /** Every meeting record that fails its rule (also those superseded by a valid record). */
  readonly failedVotes: readonly FailedVote[];
  /** Step ids in the events that the procedure does not have, sorted. They never complete anything. */
  readonly unknownSteps: readonly string[];
  /** Each checked step, in the procedure's order. */
  readonly steps: readonly StepStatus[];
  /** When complete: the date of the last step that completed it. */
  readonly completedOn?: LegalDate;
  readonly trace: TraceNode;
}

const parameterSetSchema = z.custom<ParameterSet>(
  (v) =>
    typeof v === "object" &&
    v !== null &&
    (v as { parameters?: unknown }).parameters instanceof Map &&
    Array.isArray((v as { overridden?: unknown }).overridden),
  { message: "expected a ParameterSet (from parameterSet or overlay)" },
);

/**
 * zod schema of {@link checkProcedure}'s arguments `{ procedure, events, options }`.
 * @remarks Implements CORE-PROC-1.
 */
export const checkProcedureInputSchema = z
  .strictObject({
    procedure: procedureSchema,
    events: z.array(procedureEventSchema).max(MAX_PROCEDURE_EVENTS),
    options: plainObject(
      z.strictObject({ parameters: parameterSetSchema.optional(), through: idSchema.optional() }),
    ).optional(),
  })
  .superRefine((v, ctx) => {
    const through = v.options?.through;
    if (through !== undefined && !v.procedure.steps.some((s) => s.id === through)) {
      addIssue(
        ctx,
        `程序 “${v.procedure.id}” 没有步骤 “${through}”`,
        `procedure "${v.procedure.id}" has no step "${through}"`,
        ["options", "through"],
        "unknown_step",
      );
    }
  });

const frac = (s: string): { num: bigint; den: bigint } => readFraction(s) as { num: bigint; den: bigint };

/** True when count/base passes the threshold (base > 0). */
function passes(t: Threshold, count: number, base: number): boolean {
  if (base <= 0) return false;
  const f = frac(t.moreThan ?? t.atLeast ?? "1");
  const lhs = BigInt(count) * f.den;
  const rhs = f.num * BigInt(base);
  return t.moreThan !== undefined ? lhs > rhs : lhs >= rhs;
}

function showThreshold(t: Threshold): Label {
  return t.moreThan !== undefined
    ? { zh: `超过 ${t.moreThan}`, en: `more than ${t.moreThan}` }
    : { zh: `不少于 ${t.atLeast ?? ""}`, en: `at least ${t.atLeast ?? ""}` };
}

interface Vote {
  readonly ok: boolean;
  readonly reason?: Label;
  readonly use?: ParameterUse;
}

function checkVote(step: ProcedureStep, ev: ProcedureEvent, set: ParameterSet, rules: Map<string, QuorumRule>): Vote {
  const q = step.quorum;
  if (!q) return { ok: true };
  let rule: QuorumRule;
  let use: ParameterUse | undefined;
  if (q.parameter !== undefined) {
    const param = getParameter(set, q.parameter);
    const first = param.values[0]?.from ?? "?";
    const inForce = param.values.some((v) => v.from <= ev.date && (v.until === undefined || ev.date <= v.until));
    if (!inForce) {
      return {
        ok: false,
        reason: {
          zh: `${ev.date} 无有效的表决规则（参数 ${q.parameter} 自 ${first} 起有值）`,
          en: `no quorum rule in force on ${ev.date} (parameter ${q.parameter} has values from ${first})`,
        },
      };
    }
    use = valueAt(param, ev.date);
    const key = `${use.id}@${use.from}`;
    const cached = rules.get(key);
    rule =
      cached ??
      (parseInput(quorumRuleSchema, use.value, `checkProcedure parameter ${q.parameter}`) as unknown as QuorumRule);
    if (!cached) rules.set(key, rule);
  } else {
    rule = q as QuorumRule;
  }
  const fail = (zh: string, en: string): Vote => ({ ok: false, reason: { zh, en }, ...(use ? { use } : {}) });
  let form: QuorumForm | undefined;
  if (ev.form !== undefined) {
    form = rule.forms.find((f) => f.id === ev.form);
    if (!form)
      return fail(
        `未知的会议形式 “${ev.form}”（可用：${rule.forms.map((f) => f.id).join("、")}）`,
        `unknown meeting form "${ev.form}" (one of: ${rule.forms.map((f) => f.id).join(", ")})`,
      );
  } else if (rule.forms.length === 1) {
    form = rule.forms[0];
  } else {
    return fail(
      `记录未说明会议形式（form：${rule.forms.map((f) => f.id).join("、")}）`,
      `the record does not say which form the meeting took (form: ${rule.forms.map((f) => f.id).join(", ")})`,
    );
  }
  if (!form) return fail("无会议形式", "no meeting form");
  const { attendees, eligible, votesFor } = ev;
  if (form.attendance) {
    if (attendees === undefined || eligible === undefined)
      return fail(
        `${form.label.zh}：记录缺少到会人数或应到人数`,
        `${form.label.en}: the record lacks attendees or eligible`,
      );
    if (!passes(form.attendance, attendees, eligible)) {
      const t = showThreshold(form.attendance);
      return fail(
        `${form.label.zh}：到会 ${attendees}，应到 ${eligible}，未达到法定人数（须${t.zh}）`,
        `${form.label.en}: ${attendees} of ${eligible} attended, below the quorum (${t.en})`,
      );
    }
  }
  if (form.approval) {
    const base = form.approval.of === "present" ? attendees : eligible;
    if (votesFor === undefined || base === undefined) {
      return fail(
        `${form.label.zh}：记录缺少赞成票数或${form.approval.of === "present" ? "到会人数" : "应到人数"}`,
        `${form.label.en}: the record lacks votesFor or ${form.approval.of === "present" ? "attendees" : "eligible"}`,
      );
    }
    if (!passes(form.approval, votesFor, base)) {
      const t = showThreshold(form.approval);
      const of =
        form.approval.of === "present"
          ? { zh: "到会人员", en: "those present" }
          : { zh: "应到会人员", en: "those entitled to attend" };
      return fail(
        `${form.label.zh}：赞成 ${votesFor}，${of.zh} ${base}，未获通过（须${t.zh}）`,
        `${form.label.en}: ${votesFor} for out of ${base} ${of.en}, not passed (${t.en})`,
      );
    }
  }
  return { ok: true, ...(use ? { use } : {}) };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Checks a record of dated events against a procedure (程序核查): whether it
 * completes the procedure and, if not, which steps are missing, out of order,
 * performed by the wrong body or failed their vote.
 *
 * How the record is read (deterministic; the order of `events` never matters):
 * - Order: a step must follow the steps in its `after`; when `after` is
 *   absent, the previous step in the list (so a plain list is a chain). Steps
 *   with no order between them may happen in either order. Dates have no time,
 *   so a step dated the same day as its predecessor is in order. A skipped
 *   optional step passes its own predecessors on to the steps after it.
 * - A record is valid when its body is the step's body (a record without a
 *   body is taken to be by the step's body) and, for a meeting step, it passes
 *   the quorum rule in force on its date. Invalid records are listed in
 *   `wrongBody` / `failedVotes` even when a valid record of the step exists.
 * - A step is done on the earliest valid record dated on or after every step it
 *   must follow; if every valid record is earlier, the step is out of order
 *   (measured at its latest valid record). A required step without a valid
 *   record is missing; an optional one is skipped.
 * - Events of step ids the procedure does not have are listed in
 *   `unknownSteps` and otherwise ignored.
 *
 * @param procedure - the procedure (e.g. a built-in such as `ASSET_DISPOSAL`)
 * @param events - what was done: `{ step, date, body?, attendees?, eligible?, votesFor?, form?, note? }`
 * @param options - `parameters` (default `coreParameterSet`), `through` (check up to a step)
 * @returns `{ complete, missing, outOfOrder, wrongBody, failedVotes, unknownSteps, steps, completedOn?, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for a malformed procedure
 *   (duplicate step ids, unknown `after`, cycles) or events (unknown keys,
 *   dates such as 2023-02-30, attendees above eligible); {@link PolicyError}
 *   `UNKNOWN_PARAMETER` when a quorum parameter is not in the set. An
 *   incomplete record never throws.
 * @example
 * ```ts
 * import { checkProcedure, ASSET_DISPOSAL } from "@sannong/core";
 * const r = checkProcedure(ASSET_DISPOSAL, [
 *   { step: "township-approval", date: "2024-03-01", body: "township-government" },
 *   { step: "district-filing", date: "2024-03-05" },
 *   { step: "disposal", date: "2024-04-01" },
 * ]);
 * r.complete; // → false
 * r.missing; // → ["valuation", "valuation-publication"]
 * ```
 * @remarks Implements CORE-PROC-1 (001 §三(八)2, §三(十)1, §三(十一)2; 002 §三(三); 000 §二; 004 §二(三)1).
 */
export function checkProcedure(
  procedure: Procedure,
  events: readonly ProcedureEvent[],
  options?: CheckProcedureOptions,
): CheckProcedureResult {
  const input = parseInput(
    checkProcedureInputSchema,
    options === undefined ? { procedure, events } : { procedure, events, options },
    "checkProcedure",
  );
  const proc = input.procedure as unknown as Procedure;
  const evs = input.events as unknown as ProcedureEvent[];
  const set = input.options?.parameters ?? coreParameterSet;
  const steps = proc.steps;
  const n = steps.length;
  const preds = predecessorsOf(steps);
  const indexOf = new Map(steps.map((s, i) => [s.id, i] as const));

  // Steps in scope: all, or `through` and everything before it.
  const inScope = new Array<boolean>(n).fill(input.options?.through === undefined);
  if (input.options?.through !== undefined) {
    const stack = [indexOf.get(input.options.through)!];
    while (stack.length) {
      const i = stack.pop()!;
      if (inScope[i]) continue;
      inScope[i] = true;
      stack.push(...preds[i]!);
    }
  }
  // Every quorum parameter must exist, whether or not it is needed.
  steps.forEach((s, i) => {
    if (inScope[i] && s.quorum?.parameter !== undefined) getParameter(set, s.quorum.parameter);
  });

  const ruleCache = new Map<string, QuorumRule>();
  const unknown = new Set<string>();
  const wrongBody: WrongBody[] = [];
  const failedVotes: FailedVote[] = [];
  const validDates: LegalDate[][] = steps.map(() => []);
  const uses: Map<string, ParameterUse>[] = steps.map(() => new Map());
  for (const ev of evs) {
    const i = indexOf.get(ev.step);
    if (i === undefined) {
      unknown.add(ev.step);
      continue;
    }
    if (!inScope[i]) continue;
    const step = steps[i]!;
    const bodyOk = ev.body === undefined || ev.body === step.body;
    if (!bodyOk) wrongBody.push({ step: step.id, expected: step.body, actual: ev.body!, date: ev.date });
    const vote = checkVote(step, ev, set, ruleCache);
    if (vote.use) uses[i]!.set(`${vote.use.id}@${vote.use.from}`, vote.use);
    if (!vote.ok) failedVotes.push({ step: step.id, date: ev.date, reason: vote.reason! });
    if (bodyOk && vote.ok) validDates[i]!.push(ev.date);
  }
  for (const d of validDates) d.sort(cmp);

  // Topological order, ties by list position.
  const order: number[] = [];
  const placed = new Array<boolean>(n).fill(false);
  while (order.length < n) {
    for (let i = 0; i < n; i++) {
      if (!placed[i] && preds[i]!.every((p) => placed[p])) {
        placed[i] = true;
        order.push(i);
        break;
      }
    }
  }

  const at = new Map<number, LegalDate>();
  const status = new Array<StepStatus["status"]>(n).fill("missing");
  const outOfOrder: OutOfOrderStep[] = [];
  const constraintMemo = new Map<number, Map<number, LegalDate>>();
  // The performed steps a step must follow: its predecessors, or, for one not performed, that one's own.
  const constraintsOf = (i: number): Map<number, LegalDate> => {
    const memo = constraintMemo.get(i);
    if (memo) return memo;
    const out = new Map<number, LegalDate>();
    for (const p of preds[i]!) {
      const d = at.get(p);
      if (d !== undefined) out.set(p, d);
      else for (const [q, dq] of constraintsOf(p)) out.set(q, dq);
    }
    constraintMemo.set(i, out);
    return out;
  };
  for (const i of order) {
    if (!inScope[i]) continue;
    const step = steps[i]!;
    const cons = [...constraintsOf(i)].sort((a, b) => a[0] - b[0]);
    const bound = cons.reduce<LegalDate>((m, [, d]) => (d > m ? d : m), "");
    const dates = validDates[i]!;
    if (dates.length === 0) {
      status[i] = step.optional ? "skipped" : "missing";
      continue;
    }
    const inOrder = dates.find((d) => d >= bound);
    if (inOrder !== undefined) {
      at.set(i, inOrder);
      status[i] = "done";
    } else {
      const latest = dates[dates.length - 1]!;
      at.set(i, latest);
      status[i] = "out-of-order";
      for (const [p, d] of cons)
        if (d > latest) outOfOrder.push({ step: step.id, mustFollow: steps[p]!.id, date: latest, mustFollowDate: d });
    }
  }

  const missing = steps.filter((_, i) => inScope[i] && status[i] === "missing").map((s) => s.id);
  const complete = missing.length === 0 && outOfOrder.length === 0;
  const stepOrder = (id: string): number => indexOf.get(id) ?? -1;
  wrongBody.sort((a, b) => stepOrder(a.step) - stepOrder(b.step) || cmp(a.date, b.date) || cmp(a.actual, b.actual));
  failedVotes.sort(
    (a, b) => stepOrder(a.step) - stepOrder(b.step) || cmp(a.date, b.date) || cmp(a.reason.en, b.reason.en),
  );
  const unknownSteps = [...unknown].sort(cmp);
  const stepStatuses: StepStatus[] = steps.flatMap((s, i) => {
    if (!inScope[i]) return [];
    const d = at.get(i);
    return [{ step: s.id, status: status[i]!, ...(d !== undefined ? { date: d } : {}) }];
  });
  const completedOn = complete
    ? stepStatuses.reduce<LegalDate | undefined>(
        (m, s) => (s.date !== undefined && (m === undefined || s.date > m) ? s.date : m),
        undefined,
      )
    : undefined;

  const trace = buildTrace(proc, input.options?.through, evs.length, stepStatuses, uses, inScope, {
    complete,
    missing,
    outOfOrder,
    wrongBody,
    failedVotes,
    unknownSteps,
    completedOn,
  });
  return {
    procedure: proc.id,
    complete,
    missing,
    outOfOrder,
    wrongBody,
    failedVotes,
    unknownSteps,
    steps: stepStatuses,
    ...(completedOn !== undefined ? { completedOn } : {}),
    trace,
  };
}

const STATUS_LABEL: Record<StepStatus["status"], Label> = /*#__PURE__*/ deepFreeze({
  done: { zh: "已完成", en: "done" },
  "out-of-order": { zh: "顺序错误", en: "out of order" },
  missing: { zh: "缺失", en: "missing" },
  skipped: { zh: "已跳过（可选）", en: "skipped (optional)" },
});

function buildTrace(
  proc: Procedure,
  through: string | undefined,
  eventCount: number,
  statuses: readonly StepStatus[],
  uses: readonly Map<string, ParameterUse>[],
  inScope: readonly boolean[],
  summary: {
    complete: boolean;
    missing: readonly string[];
    outOfOrder: readonly OutOfOrderStep[];
    wrongBody: readonly WrongBody[];
    failedVotes: readonly FailedVote[];
    unknownSteps: readonly string[];
    completedOn: LegalDate | undefined;
  },
): TraceNode {
  const src = proc.source;
  const citation = src
    ? (src.citation ?? [src.document, src.article].filter(Boolean).join(" "))
    : PROCEDURE_RULES["CORE-PROC-1"].citation;
  const stepRule = (label: Label): RuleRef => ({ id: "CORE-PROC-1", citation, label });
  const children: TraceNode[] = [];
  if (src) {
    const ruleId = src.rules?.includes("CORE-PROC-2") ? "CORE-PROC-2" : (src.rules?.[0] ?? "CORE-PROC-1");
    children.push(
      traceStep(
        { id: ruleId, citation, label: proc.label },
        {
          inputs: { document: src.document, article: src.article, rules: src.rules, verified: src.verified },
          ...(src.note ? { note: { zh: src.note, en: src.note } } : {}),
        },
      ),
    );
  }
  let k = 0;
  proc.steps.forEach((s, i) => {
    if (!inScope[i]) return;
    const st = statuses[k++]!;
    const issues = [
      ...summary.outOfOrder
        .filter((o) => o.step === s.id)
        .map((o) => ({
          zh: `须在 ${o.mustFollow}（${o.mustFollowDate}）之后`,
          en: `must follow ${o.mustFollow} (${o.mustFollowDate})`,
        })),
      ...summary.wrongBody
        .filter((w) => w.step === s.id)
        .map((w) => ({
          zh: `${w.date} 由 ${w.actual} 办理，应为 ${w.expected}`,
          en: `${w.date} by ${w.actual}, expected ${w.expected}`,
        })),
      ...summary.failedVotes
        .filter((f) => f.step === s.id)
        .map((f) => ({ zh: `${f.date} ${f.reason.zh}`, en: `${f.date} ${f.reason.en}` })),
    ];
    children.push(
      traceStep(stepRule(s.label), {
        inputs: { step: s.id, body: s.body, after: s.after, optional: s.optional },
        output: { status: st.status, date: st.date },
        parameters: [...uses[i]!.values()].sort((a, b) => cmp(a.id, b.id) || cmp(a.from, b.from)),
        note: {
          zh: [STATUS_LABEL[st.status].zh, ...issues.map((x) => x.zh)].join("；"),
          en: [STATUS_LABEL[st.status].en, ...issues.map((x) => x.en)].join("; "),
        },
      }),
    );
  });
  return traceStep(PROCEDURE_RULES["CORE-PROC-1"], {
    inputs: { procedure: proc.id, label: proc.label, events: eventCount, through },
    output: {
      complete: summary.complete,
      completedOn: summary.completedOn,
      missing: summary.missing,
      outOfOrder: summary.outOfOrder.length,
      wrongBody: summary.wrongBody.length,
      failedVotes: summary.failedVotes.length,
      unknownSteps: summary.unknownSteps,
    },
    children,
  });
}
