import * as z from "zod";
import {
  addIssue,
  compareDates,
  idSchema,
  isSannongError,
  legalDateSchema,
  parseInput,
  PolicyError,
  traceStep,
  type LegalDate,
  type TraceNode,
} from "@sannong/core";
import {
  allocateByProjects,
  allocateCombined,
  type AllocateByProjectsInput,
  type AllocateByProjectsResult,
  type AllocateCombinedInput,
  type AllocateCombinedResult,
} from "@sannong/funds";
import { delegate } from "../internal/delegate";
import { parametersOf, type MigrantsOptions } from "../internal/options";
import { RULES } from "../rules";
import { checkReserveApplication } from "./projectReserveCalendar";

/** A project in the reserve: its id and the date its application was filed (in a March or September window). */
export const reserveEntrySchema = z.strictObject({ projectId: idSchema, appliedOn: legalDateSchema });

const reserveSchema = z
  .array(reserveEntrySchema)
  .max(100_000)
  .superRefine((rs, ctx) => {
    const seen = new Set<string>();
    rs.forEach((r, i) => {
      if (seen.has(r.projectId))
        addIssue(
          ctx,
          `储备库中重复的项目 “${r.projectId}”`,
          `project "${r.projectId}" is in the reserve twice`,
          [i, "projectId"],
          "duplicate_id",
        );
      seen.add(r.projectId);
    });
  });

/**
 * Input of {@link selectReserveProjects}: the selection date, the reserve,
 * and the project-method input (`method: "project"`, funds
 * `AllocateByProjectsInput`) or the combined input (`method: "combined"`,
 * funds `AllocateCombinedInput`) whose project part is screened against the
 * reserve. The funds part is validated by funds, errors under its key.
 */
export const selectReserveProjectsInputSchema = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("project"), date: legalDateSchema, reserve: reserveSchema, project: z.unknown() }),
  z.strictObject({
    method: z.literal("combined"),
    date: legalDateSchema,
    reserve: reserveSchema,
    combined: z.unknown(),
  }),
]);

/** Input of {@link selectReserveProjects}. */
export type SelectReserveProjectsInput =
  | {
      readonly method: "project";
      readonly date: LegalDate;
      readonly reserve: readonly { projectId: string; appliedOn: LegalDate }[];
      readonly project: AllocateByProjectsInput;
    }
  | {
      readonly method: "combined";
      readonly date: LegalDate;
      readonly reserve: readonly { projectId: string; appliedOn: LegalDate }[];
      readonly combined: AllocateCombinedInput;
    };

/** A reserve entry as read: when the project entered the reserve. */
export interface ReserveEntry {
  readonly projectId: string;
  readonly appliedOn: LegalDate;
  /** The last day of the reserve update that took it in (it can be selected from then on). */
  readonly inReserveFrom: LegalDate;
}

/** Result of {@link selectReserveProjects}. */
export type SelectReserveProjectsResult = {
  readonly reserve: readonly ReserveEntry[];
  /** Applicants screened out because they were not in the reserve on the date. */
  readonly notInReserve: readonly string[];
  readonly trace: TraceNode;
} & (
  | { readonly method: "project"; readonly project: AllocateByProjectsResult }
  | { readonly method: "combined"; readonly combined: AllocateCombinedResult }
);

const REASON =
  "不在储备项目库中（扶持项目原则上从储备项目库中抽取） / not in the project reserve (projects are drawn from the reserve)";

/** The projects with every applicant outside the reserve marked ineligible (new objects; the input is untouched). */
function screen(part: unknown, inReserve: ReadonlySet<string>, out: string[]): unknown {
  if (typeof part !== "object" || part === null || !Array.isArray((part as { projects?: unknown }).projects))
    return part;
  const projects = (part as { projects: unknown[] }).projects.map((p) => {
    if (typeof p !== "object" || p === null) return p;
    const id = (p as { id?: unknown }).id;
    if (typeof id !== "string" || inReserve.has(id.trim())) return p;
    out.push(id);
    if ((p as { eligible?: unknown }).eligible === false) return p;
    return { ...(p as object), eligible: false, ineligibleReason: REASON };
  });
  return { ...(part as object), projects };
}

/**
 * Selects the projects to fund from the project reserve (扶持项目原则上从储备项目库中
 * 抽取，遴选实施): a project is in the reserve from the end of the reserve
 * update that follows its application window (MIG-PROJ-1); applicants not in
 * the reserve on the selection date are screened out as ineligible with that
 * reason, and the rest compete by funds `allocateByProjects` (FUNDS-PROJECT-1)
 * or `allocateCombined` (FUNDS-COMBINED-1).
 *
 * @param input - `{ method: "project", date, reserve, project }` or `{ method: "combined", date, reserve, combined }`
 * @param options - `parameters`: an overlay of {@link migrantsParameterSet}
 * @returns the reserve entries with their dates, the applicants screened out, the funds result, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (paths under `project` /
 *   `combined` from funds); {@link PolicyError} `APPLICATION_WINDOW_CLOSED` for
 *   a reserve entry filed outside the windows (path `reserve.i.appliedOn`); the funds PolicyErrors
 * @example
 * ```ts
 * import { selectReserveProjects } from "@sannong/migrants";
 * const r = selectReserveProjects({ method: "project", date: "2024-06-01",
 *   reserve: [{ projectId: "P1", appliedOn: "2024-03-10" }],
 *   project: { budget: "100000.00", projects: [
 *     { id: "P1", requested: "60000.00", scores: [90] },
 *     { id: "P2", requested: "30000.00", scores: [95] },
 *   ] } });
 * r.notInReserve; // → ["P2"]
 * "project" in r && r.project.results.map((p) => p.status); // → ["funded", "ineligible"]
 * ```
 * @remarks Implements MIG-PROJ-2 (004 §二(二)1) on MIG-PROJ-1 and FUNDS-PROJECT-1 / FUNDS-COMBINED-1.
 */
export function selectReserveProjects(
  input: SelectReserveProjectsInput,
  options?: MigrantsOptions,
): SelectReserveProjectsResult {
  const fn = "selectReserveProjects";
  const d = parseInput(selectReserveProjectsInputSchema, input, fn);
  const parameters = parametersOf(options, fn);
  const reserve: ReserveEntry[] = d.reserve.map((r, i) => {
    try {
      const a = checkReserveApplication({ projectId: r.projectId, date: r.appliedOn }, { parameters });
      return { projectId: r.projectId, appliedOn: r.appliedOn, inReserveFrom: a.reserveUpdate.to };
    } catch (e) {
      if (isSannongError(e) && e.code === "APPLICATION_WINDOW_CLOSED")
        throw new PolicyError({
          code: e.code,
          zh: `储备项目 ${r.projectId}：${e.zh}`,
          en: `reserve project ${r.projectId}: ${e.en}`,
          path: ["reserve", i, "appliedOn"],
          details: e.details,
        });
      throw e;
    }
  });
  const inReserve = new Set(reserve.filter((r) => compareDates(r.inReserveFrom, d.date) <= 0).map((r) => r.projectId));
  const notInReserve: string[] = [];
  const reserveNode = traceStep(RULES["MIG-PROJ-2"], {
    inputs: { date: d.date, reserve: reserve.map((r) => ({ projectId: r.projectId, inReserveFrom: r.inReserveFrom })) },
    note: {
      zh: "储备项目于其申报期之后的储备库更新月末入库，此后方可遴选",
      en: "a project enters the reserve at the end of the update month after its application window and can be selected from then on",
    },
  });
  if (d.method === "project") {
    const part = screen(d.project, inReserve, notInReserve) as AllocateByProjectsInput;
    const project = delegate(fn, ["project"], () => allocateByProjects(part, { parameters }));
    const trace = traceStep(RULES["MIG-PROJ-2"], {
      inputs: { method: "project", date: d.date },
      output: { notInReserve },
      children: [reserveNode, project.trace],
    });
    return { method: "project", reserve, notInReserve, project, trace };
  }
  const c = d.combined;
  const combinedInput = (
    typeof c === "object" && c !== null
      ? { ...(c as object), project: screen((c as { project?: unknown }).project, inReserve, notInReserve) }
      : c
  ) as AllocateCombinedInput;
  const combined = delegate(fn, ["combined"], () => allocateCombined(combinedInput, { parameters }));
  const trace = traceStep(RULES["MIG-PROJ-2"], {
    inputs: { method: "combined", date: d.date },
    output: { notInReserve },
    children: [reserveNode, combined.trace],
  });
  return { method: "combined", reserve, notInReserve, combined, trace };
}
