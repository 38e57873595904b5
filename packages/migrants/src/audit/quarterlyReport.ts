import * as z from "zod";
import {
  addDays,
  addIssue,
  compareDates,
  endOfQuarter,
  endOfYear,
  fraction,
  fractionFromDecimal,
  fractionToDecimalString,
  multiplyFractions,
  formatDate,
  idSchema,
  legalDateSchema,
  moneyFromFen,
  nonNegativeMoneySchema,
  parseInput,
  ratioSchema,
  refineUniqueIds,
  traceStep,
  yearOf,
  type LegalDate,
  type Money,
  type Period,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { param, parametersOf, type MigrantsOptions } from "../internal/options";
import { compareCodeUnits } from "../internal/select";
import { RULES } from "../rules";

/**
 * The quarterly reports of seed 004 §二(四)3: fund use (资金使用情况), project
 * progress (项目进度情况), progress of migrant work under construction
 * (在建水库移民工作进展情况) and supervision (监理情况).
 */
export const quarterlyReportKindSchema = z.enum([
  "fund-use",
  "project-progress",
  "construction-progress",
  "supervision",
]);
/** A kind of quarterly report. */
export type QuarterlyReportKind = z.output<typeof quarterlyReportKindSchema>;

const year = z.number().int().min(1900).max(2199);
const quarter = z.number().int().min(1).max(4);

/** A fund line: the unit that holds it, its budget for the year, and its dated payments. */
export const fundRecordSchema = z.strictObject({
  id: idSchema,
  unit: idSchema,
  budget: nonNegativeMoneySchema,
  payments: z.array(z.strictObject({ date: legalDateSchema, amount: nonNegativeMoneySchema })).max(100_000),
});

/** A project: its unit, planned completion, and dated progress readings (a ratio 0–1 of completion). */
export const projectRecordSchema = z.strictObject({
  id: idSchema,
  unit: idSchema,
  plannedCompletion: legalDateSchema.optional(),
  progress: z.array(z.strictObject({ date: legalDateSchema, completed: ratioSchema })).max(10_000),
});

/** A quarterly report filed by a unit. */
export const filedReportSchema = z.strictObject({
  unit: idSchema,
  kind: quarterlyReportKindSchema,
  year,
  quarter,
  submittedOn: legalDateSchema,
});

/** A yearly internal audit (内部审计, by a third party): the date it was carried out, and optionally by whom and what it covered. */
export const internalAuditSchema = z.strictObject({
  completedOn: legalDateSchema,
  by: z.string().min(1).max(200).optional(),
  scope: z.string().min(1).max(500).optional(),
});

/**
 * Input of {@link quarterlyReport}: the quarter, the reporting date, the fund
 * and project records, the units that must report (default: every unit in
 * the records), the report kinds required (default fund use and project
 * progress), the reports filed, and the internal audits with the first year
 * that needs one (default: the report's year).
 */
export const quarterlyReportInputSchema = z
  .strictObject({
    year,
    quarter,
    asOf: legalDateSchema,
    funds: z
      .array(fundRecordSchema)
      .max(100_000)
      .superRefine((fs, ctx) => refineUniqueIds(ctx, fs)),
    projects: z
      .array(projectRecordSchema)
      .max(100_000)
      .superRefine((ps, ctx) => refineUniqueIds(ctx, ps)),
    reportingUnits: z.array(idSchema).max(10_000).optional(),
    requiredKinds: z.array(quarterlyReportKindSchema).min(1).max(4).optional(),
    reports: z.array(filedReportSchema).max(1_000_000),
    audits: z.array(internalAuditSchema).max(1000).optional(),
    auditsSince: year.optional(),
  })
  .superRefine((d, ctx) => {
    // range checks do not stop zod, so only compare when year and quarter are valid
    if (
      !(
        d.quarter >= 1 &&
        d.quarter <= 4 &&
        d.year >= 1900 &&
        d.year <= 2199 &&
        Number.isInteger(d.quarter) &&
        Number.isInteger(d.year)
      )
    )
      return;
    if (compareDates(d.asOf, formatDate(d.year, d.quarter * 3 - 2, 1)) < 0) {
      addIssue(ctx, "报告日期早于所报季度的开始", "asOf is before the quarter being reported", ["asOf"], "too_early");
    }
  });

/** Input of {@link quarterlyReport}. */
export type QuarterlyReportInput = z.input<typeof quarterlyReportInputSchema>;

/** Fund figures of one fund line. */
export interface FundUseLine {
  readonly id: string;
  readonly unit: string;
  readonly budget: Money;
  /** Paid within the quarter. */
  readonly paidInQuarter: Money;
  /** Paid from the start of the year to the end of the quarter. */
  readonly paidYearToDate: Money;
  /** paidYearToDate ÷ budget, as a percentage with 2 decimals (null for a zero budget). */
  readonly spendingRate: string | null;
}

/** Progress of one project at the end of the quarter. */
export interface ProjectProgressLine {
  readonly id: string;
  readonly unit: string;
  /** Completion at the latest reading on or before the quarter end, as a percentage with 2 decimals (null without a reading). */
  readonly completed: string | null;
  readonly status: "completed" | "in-progress" | "behind-schedule" | "not-reported";
}

/** A report not filed by its due date. */
export interface OverdueReport {
  readonly unit: string;
  readonly kind: QuarterlyReportKind;
  readonly year: number;
  readonly quarter: number;
  readonly dueOn: LegalDate;
  /** Filed after the due date (late), or null when still missing on `asOf`. */
  readonly submittedOn: LegalDate | null;
}

/** Result of {@link quarterlyReport}. */
export interface QuarterlyReportResult {
  readonly period: Period;
  readonly funds: readonly FundUseLine[];
  readonly totals: {
    readonly budget: Money;
    readonly paidInQuarter: Money;
    readonly paidYearToDate: Money;
    readonly spendingRate: string | null;
  };
  readonly projects: readonly ProjectProgressLine[];
  /** Reports of this year's quarters up to this one that were missing on their due date (still missing, or filed late). */
  readonly overdueReports: readonly OverdueReport[];
  /** Years that ended on or before `asOf` without an internal audit carried out in them. */
  readonly auditsOverdue: readonly number[];
  readonly trace: TraceNode;
}

const pct = (num: bigint, den: bigint): string | null =>
  den === 0n ? null : fractionToDecimalString(fraction(num * 100n, den), 2);

/**
 * The quarterly report of migrant-fund use and project progress (资金使用情况、
 * 项目进度情况季报) and the check of the yearly internal audit (内审): per fund
 * line the budget, payments in the quarter and year to date, and the spending
 * rate; per project the completion at the quarter end and whether it is behind
 * its planned completion; the reports that were not filed by their due date
 * (the quarter end plus `migrants.audit.quarterlyReportDueDays`, an assumed
 * 10 days); and the years without an internal audit.
 *
 * A year counts as audited when an audit was carried out (`completedOn`) in
 * it; years from `auditsSince` (default the report's year) that ended on or
 * before `asOf` without one are listed.
 *
 * @param input - see {@link quarterlyReportInputSchema}
 * @param options - `parameters`: an overlay of the migrants parameter set
 * @returns period, fund lines and totals, project lines, overdue reports, overdue audits, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (duplicate ids, bad dates,
 *   a quarter outside 1–4, asOf before the quarter …)
 * @example
 * ```ts
 * import { quarterlyReport } from "@sannong/migrants";
 * const r = quarterlyReport({ year: 2024, quarter: 2, asOf: "2024-07-20",
 *   funds: [{ id: "F1", unit: "衢江区", budget: "1000000.00", payments: [{ date: "2024-05-10", amount: "250000.00" }] }],
 *   projects: [], reports: [] });
 * String(r.funds[0]?.paidInQuarter); // → "250000.00"
 * r.funds[0]?.spendingRate; // → "25.00"
 * // Q1 and Q2, fund use and project progress, none filed
 * r.overdueReports.length; // → 4
 * ```
 * @remarks Implements MIG-AUDIT-1 (004 §二(四)2, §二(四)3).
 */
export function quarterlyReport(input: QuarterlyReportInput, options?: MigrantsOptions): QuarterlyReportResult {
  const d = parseInput(quarterlyReportInputSchema, input, "quarterlyReport");
  const set = parametersOf(options, "quarterlyReport");
  const dueUse = param<number>(set, "migrants.audit.quarterlyReportDueDays", d.asOf);
  if (typeof dueUse.value !== "number" || !Number.isInteger(dueUse.value) || dueUse.value < 0)
    fail("INVALID_PARAMETER", { id: dueUse.id, reason: "days must be a non-negative integer" });
  const qStart = formatDate(d.year, d.quarter * 3 - 2, 1);
  const period: Period = { from: qStart, to: endOfQuarter(qStart) };
  const yStart = formatDate(d.year, 1, 1);
  const within = (date: LegalDate, from: LegalDate, to: LegalDate): boolean =>
    compareDates(date, from) >= 0 && compareDates(date, to) <= 0;

  const funds: FundUseLine[] = d.funds.map((f) => {
    let q = 0n;
    let ytd = 0n;
    for (const p of f.payments) {
      if (within(p.date, period.from, period.to)) q += p.amount.fen;
      if (within(p.date, yStart, period.to)) ytd += p.amount.fen;
    }
    return {
      id: f.id,
      unit: f.unit,
      budget: f.budget,
      paidInQuarter: moneyFromFen(q),
      paidYearToDate: moneyFromFen(ytd),
      spendingRate: pct(ytd, f.budget.fen),
    };
  });
  const tb = funds.reduce((a, f) => a + f.budget.fen, 0n);
  const tq = funds.reduce((a, f) => a + f.paidInQuarter.fen, 0n);
  const ty = funds.reduce((a, f) => a + f.paidYearToDate.fen, 0n);
  const totals = {
    budget: moneyFromFen(tb),
    paidInQuarter: moneyFromFen(tq),
    paidYearToDate: moneyFromFen(ty),
    spendingRate: pct(ty, tb),
  };

  const projects: ProjectProgressLine[] = d.projects.map((p) => {
    let latest: (typeof p.progress)[number] | undefined;
    for (const r of p.progress)
      if (compareDates(r.date, period.to) <= 0 && (!latest || compareDates(r.date, latest.date) >= 0)) latest = r;
    if (!latest) return { id: p.id, unit: p.unit, completed: null, status: "not-reported" };
    const done = latest.completed.gte(1);
    const behind = !done && p.plannedCompletion !== undefined && compareDates(p.plannedCompletion, period.to) <= 0;
    const completed = fractionToDecimalString(
      multiplyFractions(fractionFromDecimal(latest.completed), fraction(100n)),
      2,
    );
    return {
      id: p.id,
      unit: p.unit,
      completed,
      status: done ? "completed" : behind ? "behind-schedule" : "in-progress",
    };
  });

  const units =
    d.reportingUnits ??
    [...new Set([...d.funds.map((f) => f.unit), ...d.projects.map((p) => p.unit)])].sort(compareCodeUnits);
  const kinds = d.requiredKinds ?? (["fund-use", "project-progress"] as const);
  // earliest filing (on or before asOf) per unit, kind and quarter of the year
  const firstFiled = new Map<string, LegalDate>();
  for (const r of d.reports) {
    if (r.year !== d.year || compareDates(r.submittedOn, d.asOf) > 0) continue;
    const k = `${r.unit}\u0000${r.kind}\u0000${r.quarter}`;
    const prev = firstFiled.get(k);
    if (prev === undefined || compareDates(r.submittedOn, prev) < 0) firstFiled.set(k, r.submittedOn);
  }
  const overdueReports: OverdueReport[] = [];
  for (let q = 1; q <= d.quarter; q++) {
    const dueOn = addDays(endOfQuarter(formatDate(d.year, q * 3, 1)), dueUse.value);
    for (const unit of units)
      for (const kind of kinds) {
        const filed = firstFiled.get(`${unit}\u0000${kind}\u0000${q}`);
        const onTime = filed !== undefined && compareDates(filed, dueOn) <= 0;
        if (onTime) continue;
        if (filed !== undefined)
          overdueReports.push({ unit, kind, year: d.year, quarter: q, dueOn, submittedOn: filed });
        else if (compareDates(d.asOf, dueOn) > 0)
          overdueReports.push({ unit, kind, year: d.year, quarter: q, dueOn, submittedOn: null });
      }
  }

  const auditsOverdue: number[] = [];
  const since = d.auditsSince ?? d.year;
  for (let y = since; compareDates(endOfYear(formatDate(y, 1, 1)), d.asOf) < 0; y++) {
    const done = (d.audits ?? []).some((a) => yearOf(a.completedOn) === y && compareDates(a.completedOn, d.asOf) <= 0);
    if (!done) auditsOverdue.push(y);
  }

  const trace = traceStep(RULES["MIG-AUDIT-1"], {
    inputs: {
      year: d.year,
      quarter: d.quarter,
      asOf: d.asOf,
      funds: d.funds.length,
      projects: d.projects.length,
      units: units.length,
      kinds: [...kinds],
    },
    parameters: [dueUse],
    output: { totals, overdueReports: overdueReports.length, auditsOverdue },
    note: {
      zh: `季报应于季度结束后 ${dueUse.value} 日内报送；每个自然年应开展一次内部审计`,
      en: `quarterly reports are due within ${dueUse.value} days after the quarter; an internal audit is due in every calendar year`,
    },
  });
  return { period, funds, totals, projects, overdueReports, auditsOverdue, trace };
}
