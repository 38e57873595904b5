import {
  checkProcedure,
  coreParameterSet,
  VILLAGERS_MEETING_QUORUM,
  type CheckProcedureResult,
  type Procedure,
  type ProcedureEvent,
  type ParameterSet,
} from "@sannong/core";

/**
 * Checks events against a core procedure. Quorum rules are read from the
 * caller's parameter set when it holds them (a set that includes core's
 * procedure parameters, e.g. overlaid with a local quorum rule), otherwise
 * from core's `coreParameterSet`. @internal
 */
export function checkChain(procedure: Procedure, events: readonly object[], set: ParameterSet): CheckProcedureResult {
  const parameters = set.parameters.has(VILLAGERS_MEETING_QUORUM) ? set : coreParameterSet;
  return checkProcedure(procedure, events as unknown as ProcedureEvent[], { parameters });
}

/** zh / en list of missing steps of a procedure check. @internal */
export function describeGaps(procedure: Procedure, r: CheckProcedureResult): { zh: string; en: string } {
  const label = (id: string): { zh: string; en: string } =>
    procedure.steps.find((s) => s.id === id)?.label ?? { zh: id, en: id };
  const parts: { zh: string; en: string }[] = [];
  if (r.missing.length)
    parts.push({
      zh: `缺少：${r.missing.map((m) => label(m).zh).join("、")}`,
      en: `missing: ${r.missing.map((m) => label(m).en).join(", ")}`,
    });
  if (r.outOfOrder.length)
    parts.push({
      zh: `顺序不符：${r.outOfOrder.map((o) => `${label(o.step).zh}（应在${label(o.mustFollow).zh}之后）`).join("、")}`,
      en: `out of order: ${r.outOfOrder.map((o) => `${label(o.step).en} (must follow ${label(o.mustFollow).en})`).join(", ")}`,
    });
  if (r.wrongBody.length)
    parts.push({
      zh: `主体不符：${r.wrongBody.map((w) => label(w.step).zh).join("、")}`,
      en: `wrong body: ${r.wrongBody.map((w) => label(w.step).en).join(", ")}`,
    });
  if (r.failedVotes.length)
    parts.push({
      zh: `表决未通过：${r.failedVotes.map((f) => label(f.step).zh).join("、")}`,
      en: `failed vote: ${r.failedVotes.map((f) => label(f.step).en).join(", ")}`,
    });
  return { zh: parts.map((p) => p.zh).join("；") || "无", en: parts.map((p) => p.en).join("; ") || "none" };
}
