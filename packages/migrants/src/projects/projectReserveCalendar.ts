import * as z from "zod";
import {
  addDays,
  compareDates,
  endOfMonth,
  formatDate,
  idSchema,
  legalDateSchema,
  monthOf,
  parseInput,
  traceStep,
  yearOf,
  type LegalDate,
  type ParameterSet,
  type ParameterUse,
  type Period,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { param, parametersOf, type MigrantsOptions } from "../internal/options";
import { RULES } from "../rules";

/** Input of {@link projectReserveCalendar}: the legal date asked about. */
export const projectReserveCalendarInputSchema = legalDateSchema;

/** Result of {@link projectReserveCalendar}. */
export interface ProjectReserveCalendarResult {
  readonly date: LegalDate;
  /** True when the date lies in an application month (集中申报入库). */
  readonly applicationsOpen: boolean;
  /** The application window open on the date, or else the next one to open (a whole month). */
  readonly nextApplicationWindow: Period;
  /** True when the date lies in a reserve-update month (储备项目库信息更新). */
  readonly reserveUpdating: boolean;
  /** The update window in progress on the date, or else the next one (a whole month). */
  readonly nextUpdate: Period;
  readonly trace: TraceNode;
}

function readMonths(use: ParameterUse<readonly number[]>): number[] {
  const ms = [...new Set(use.value)].sort((a, b) => a - b);
  if (ms.length === 0 || ms.some((m) => !Number.isInteger(m) || m < 1 || m > 12))
    fail("INVALID_PARAMETER", { id: use.id, reason: "months must be integers 1–12" });
  return ms;
}

/** The whole-month window containing `date`, or else the next one to start, among `months`. */
function windowFrom(date: LegalDate, months: readonly number[]): Period {
  const y = yearOf(date);
  for (const year of [y, y + 1]) {
    for (const m of months) {
      const w = { from: formatDate(year, m, 1), to: endOfMonth(formatDate(year, m, 1)) };
      if (compareDates(w.to, date) >= 0) return w;
    }
  }
  return fail("UNEXPECTED", { what: "no window within two years" });
}

/** @internal */
export function reserveMonths(
  set: ParameterSet,
  date: LegalDate,
): {
  app: ParameterUse<readonly number[]>;
  upd: ParameterUse<readonly number[]>;
  appMonths: number[];
  updMonths: number[];
} {
  const app = param<readonly number[]>(set, "migrants.projects.applicationMonths", date);
  const upd = param<readonly number[]>(set, "migrants.projects.updateMonths", date);
  return { app, upd, appMonths: readMonths(app), updMonths: readMonths(upd) };
}

/**
 * The project-reserve calendar on a date (项目储备库申报与更新时间): reserve
 * applications are accepted in March and September (集中申报入库) and the
 * reserve is updated in April and October (储备项目库信息更新) — each a whole
 * calendar month, the months being parameters. Says whether applications are
 * open and gives the application window and the update window that are open
 * on the date or come next.
 *
 * @param date - the legal date `YYYY-MM-DD`
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns `{ applicationsOpen, nextApplicationWindow: { from, to }, reserveUpdating, nextUpdate: { from, to }, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad date;
 *   {@link PolicyError} `PARAM_NOT_IN_FORCE` before 2016-10-18
 * @example
 * ```ts
 * import { projectReserveCalendar } from "@sannong/migrants";
 * const c = projectReserveCalendar("2024-05-20");
 * c.applicationsOpen; // → false
 * c.nextApplicationWindow; // → { from: "2024-09-01", to: "2024-09-30" }
 * c.nextUpdate; // → { from: "2024-10-01", to: "2024-10-31" }
 * ```
 * @remarks Implements MIG-PROJ-1 (004 §二(二)1).
 */
export function projectReserveCalendar(date: LegalDate, options?: MigrantsOptions): ProjectReserveCalendarResult {
  const d = parseInput(projectReserveCalendarInputSchema, date, "projectReserveCalendar");
  const set = parametersOf(options, "projectReserveCalendar");
  const { app, upd, appMonths, updMonths } = reserveMonths(set, d);
  const m = monthOf(d);
  const applicationsOpen = appMonths.includes(m);
  const reserveUpdating = updMonths.includes(m);
  const nextApplicationWindow = windowFrom(d, appMonths);
  const nextUpdate = windowFrom(d, updMonths);
  const trace = traceStep(RULES["MIG-PROJ-1"], {
    inputs: { date: d },
    parameters: [app, upd],
    output: { applicationsOpen, nextApplicationWindow, reserveUpdating, nextUpdate },
  });
  return { date: d, applicationsOpen, nextApplicationWindow, reserveUpdating, nextUpdate, trace };
}

/** Input of {@link checkReserveApplication}: the project applying and the date the application is filed. */
export const checkReserveApplicationInputSchema = z.strictObject({
  projectId: idSchema,
  date: legalDateSchema,
});

/** Input of {@link checkReserveApplication}. */
export type CheckReserveApplicationInput = z.input<typeof checkReserveApplicationInputSchema>;

/** Result of {@link checkReserveApplication} (an accepted application). */
export interface CheckReserveApplicationResult {
  readonly projectId: string;
  readonly accepted: true;
  /** The application window the filing falls in. */
  readonly window: Period;
  /** The reserve update that takes the project into the reserve: the first update window after the application window. */
  readonly reserveUpdate: Period;
  readonly trace: TraceNode;
}

/**
 * Accepts a project's application to the reserve (储备项目申报入库) when it is
 * filed in an application month, and says which reserve update takes it in;
 * refuses it otherwise with the next window.
 *
 * @param input - `{ projectId, date }`
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns the window, the reserve update, trace
 * @throws {@link ValidationError} `INVALID_INPUT`; {@link PolicyError}
 *   `APPLICATION_WINDOW_CLOSED` (details: `from`, `to` of the next window)
 * @example
 * ```ts
 * import { safe } from "@sannong/core";
 * import { checkReserveApplication } from "@sannong/migrants";
 * checkReserveApplication({ projectId: "P1", date: "2024-03-15" }).reserveUpdate; // → { from: "2024-04-01", to: "2024-04-30" }
 * const late = safe(() => checkReserveApplication({ projectId: "P1", date: "2024-05-02" }));
 * late.ok ? "ok" : [late.error.code, late.error.details]; // → ["APPLICATION_WINDOW_CLOSED", { date: "2024-05-02", from: "2024-09-01", to: "2024-09-30" }]
 * ```
 * @remarks Implements MIG-PROJ-1 (004 §二(二)1).
 */
export function checkReserveApplication(
  input: CheckReserveApplicationInput,
  options?: MigrantsOptions,
): CheckReserveApplicationResult {
  const d = parseInput(checkReserveApplicationInputSchema, input, "checkReserveApplication");
  const set = parametersOf(options, "checkReserveApplication");
  const { app, upd, appMonths, updMonths } = reserveMonths(set, d.date);
  const window = windowFrom(d.date, appMonths);
  if (compareDates(window.from, d.date) > 0)
    fail("APPLICATION_WINDOW_CLOSED", { date: d.date, from: window.from, to: window.to }, ["date"]);
  // windows are whole months, so the first update window ending on or after the day after the application window starts after it
  const reserveUpdate = windowFrom(addDays(window.to, 1), updMonths);
  const trace = traceStep(RULES["MIG-PROJ-1"], {
    inputs: { projectId: d.projectId, date: d.date },
    parameters: [app, upd],
    output: { accepted: true, window, reserveUpdate },
  });
  return { projectId: d.projectId, accepted: true, window, reserveUpdate, trace };
}
