import * as z from "zod";
import {
  addDays,
  addIssue,
  addMonths,
  daysBetween,
  idSchema,
  isLegalDate,
  legalDateSchema,
  paramAt,
  parseInput,
  refineUniqueIds,
  traceStep,
  type LegalDate,
  type TraceNode,
} from "@sannong/core";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import { warning, type InsuranceWarning } from "../internal/warning";
import { P } from "../parameters";
import { RULES } from "../rules";

const placeSchema = z.strictObject({
  id: idSchema,
  /** The person on the list for this place. */
  personId: idSchema.optional(),
  /** 办理参保缴费手续 completed (enrolment and payment). */
  enrolledOn: legalDateSchema.optional(),
  /** 放弃参保: the person gave the place up. */
  gaveUpOn: legalDateSchema.optional(),
  /** 正当理由: a justified delay, accepted until this date (never beyond the place's validity). */
  justifiedDelay: z.strictObject({ until: legalDateSchema, reason: z.string().trim().min(1).max(500) }).optional(),
});

/** The input schema of {@link placeStatus} (strict: unknown keys are rejected). */
export const placeStatusInputSchema = z
  .strictObject({
    /** The date the status is wanted on. */
    asOf: legalDateSchema,
    /** 参保名单确定: the list was confirmed on this date (the validity counts from it). */
    listConfirmedOn: legalDateSchema,
    /** 上报: the list was reported on this date (the enrolment period counts from it); the confirmation date when absent (确定上报). */
    listReportedOn: legalDateSchema.optional(),
    places: z
      .array(placeSchema)
      .max(1_000_000)
      .superRefine((ps, ctx) => refineUniqueIds(ctx, ps)),
  })
  .superRefine((v, ctx) => {
    if (!isLegalDate(v.listConfirmedOn)) return;
    if (v.listReportedOn !== undefined && isLegalDate(v.listReportedOn) && v.listReportedOn < v.listConfirmedOn) {
      addIssue(
        ctx,
        `上报日期 ${v.listReportedOn} 早于名单确定日期 ${v.listConfirmedOn}`,
        `the list was reported (${v.listReportedOn}) before it was confirmed (${v.listConfirmedOn})`,
        ["listReportedOn"],
        "date_order",
      );
    }
    if (isLegalDate(v.asOf) && v.asOf < v.listConfirmedOn) {
      addIssue(
        ctx,
        `查询日期 ${v.asOf} 早于名单确定日期 ${v.listConfirmedOn}，名额尚不存在`,
        `asOf (${v.asOf}) is before the list was confirmed (${v.listConfirmedOn}): the places do not exist yet`,
        ["asOf"],
        "date_order",
      );
    }
    v.places.forEach((p, i) => {
      for (const k of ["enrolledOn", "gaveUpOn"] as const) {
        const d = p[k];
        if (d !== undefined && isLegalDate(d) && d < v.listConfirmedOn) {
          addIssue(
            ctx,
            `${k} ${d} 早于名单确定日期 ${v.listConfirmedOn}`,
            `${k} (${d}) is before the list was confirmed (${v.listConfirmedOn})`,
            ["places", i, k],
            "date_order",
          );
        }
      }
    });
  });

/** The input of {@link placeStatus}. */
export type PlaceStatusInput = z.input<typeof placeStatusInputSchema>;

/**
 * The status of a place on a date: `valid` (open, not yet used), `enrolled`,
 * `given-up` (放弃参保), `deemed-abandoned` (missed the enrolment period without
 * a justified reason: 视为放弃) or `lapsed` (the validity of at most one year
 * ended before enrolment).
 */
export type PlaceState = "valid" | "enrolled" | "given-up" | "deemed-abandoned" | "lapsed";

/** One place's status. */
export interface PlaceStatus {
  readonly id: string;
  readonly personId?: string;
  readonly status: PlaceState;
  /** True for given-up, deemed-abandoned and lapsed places: they return to the surplus (INS-MATCH-3). */
  readonly returnedToSurplus: boolean;
  /** The date the place returned to the surplus. */
  readonly returnedOn?: LegalDate;
  /** The last day to enrol (with any justified delay, never beyond `validUntil`). */
  readonly deadline: LegalDate;
  /** Days left to the deadline (0 on the deadline itself), for valid places. */
  readonly daysLeft?: number;
  readonly warnings: readonly InsuranceWarning[];
}

/** The result of {@link placeStatus}. */
export interface PlaceStatusResult {
  /** The last day every place of the list is valid (one year from confirmation by default). */
  readonly validUntil: LegalDate;
  /** The last day of the enrolment period (规定期限) before any justified delay. */
  readonly enrolmentDeadline: LegalDate;
  readonly places: readonly PlaceStatus[];
  /** How many places are in each state. */
  readonly counts: Readonly<Record<PlaceState, number>>;
  /** Places returned to the surplus as of `asOf`. */
  readonly returnedToSurplus: number;
  readonly trace: TraceNode;
}

/**
 * Computes the status of each insurance place on a date (即征即保). A place is
 * valid for at most one year from the date the list is confirmed; after the
 * list is reported the person must enrol and pay within the enrolment period;
 * without a justified reason a person who misses it is deemed to have given
 * up (视为放弃) and the place returns to the surplus. Periods follow 民法典
 * 第二百零一条、第二百零二条: the first day is not counted, and a period in
 * months or years ends on the corresponding day of the last month (its last
 * day when there is none) — so a list confirmed on 2024-02-29 is valid through
 * 2025-02-28. Events dated after `asOf` are not yet known and are ignored.
 *
 * @param input - `asOf`, `listConfirmedOn`, `listReportedOn?`, `places [{ id, personId?, enrolledOn?, gaveUpOn?, justifiedDelay? }]`
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet`
 * @returns `{ validUntil, enrolmentDeadline, places, counts, returnedToSurplus, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (bad or
 *   out-of-order dates, duplicate place ids, unknown keys)
 * @example
 * ```ts
 * import { placeStatus } from "@sannong/insurance";
 * const r = placeStatus({ asOf: "2024-06-15", listConfirmedOn: "2024-01-10", places: [
 *   { id: "q1", enrolledOn: "2024-03-01" }, { id: "q2" }, { id: "q3", gaveUpOn: "2024-02-01" } ] });
 * r.places.map((p) => p.status); // → ["enrolled", "deemed-abandoned", "given-up"]
 * // 90 days after 2024-01-10
 * r.enrolmentDeadline; // → "2024-04-09"
 * r.validUntil; // → "2025-01-10"
 * ```
 * @remarks Implements INS-VALID-1 (002 §三(四)).
 */
export function placeStatus(input: PlaceStatusInput, options?: InsuranceOptions): PlaceStatusResult {
  const data = parseInput(placeStatusInputSchema, input, "placeStatus");
  const set = resolveParameters(options, "placeStatus");
  const asOf = data.asOf;
  const confirmed = data.listConfirmedOn;
  const reported = data.listReportedOn ?? confirmed;
  const months = paramAt<number>(set, P.validityMonths, confirmed);
  const days = paramAt<number>(set, P.enrolmentDays, reported);
  const validUntil = addMonths(confirmed, months.value);
  const periodEnd = addDays(reported, days.value);
  const enrolmentDeadline = periodEnd < validUntil ? periodEnd : validUntil;

  const counts: Record<PlaceState, number> = { valid: 0, enrolled: 0, "given-up": 0, "deemed-abandoned": 0, lapsed: 0 };
  const places: PlaceStatus[] = data.places.map((p) => {
    const warnings: InsuranceWarning[] = [];
    let deadline = enrolmentDeadline;
    if (p.justifiedDelay !== undefined && p.justifiedDelay.until > deadline) {
      deadline = p.justifiedDelay.until < validUntil ? p.justifiedDelay.until : validUntil;
      if (p.justifiedDelay.until > validUntil) {
        warnings.push(
          warning(
            "DELAY_BEYOND_VALIDITY",
            `正当理由延期至 ${p.justifiedDelay.until}，但名额有效期至 ${validUntil} 止`,
            `the justified delay runs to ${p.justifiedDelay.until}, but the place is valid only through ${validUntil}`,
          ),
        );
      }
    }
    const enrolled = p.enrolledOn !== undefined && p.enrolledOn <= asOf ? p.enrolledOn : undefined;
    const gaveUp = p.gaveUpOn !== undefined && p.gaveUpOn <= asOf ? p.gaveUpOn : undefined;
    const dayAfter = addDays(deadline, 1);
    let status: PlaceState;
    let returnedOn: LegalDate | undefined;
    if (enrolled !== undefined && (gaveUp === undefined || enrolled < gaveUp) && enrolled <= deadline) {
      status = "enrolled";
    } else if (gaveUp !== undefined && gaveUp <= deadline) {
      status = "given-up";
      returnedOn = gaveUp;
    } else if (asOf > deadline) {
      // the one-year validity itself ran out, or the enrolment period was missed without a justified reason
      status = deadline === validUntil ? "lapsed" : "deemed-abandoned";
      returnedOn = dayAfter;
      if (enrolled !== undefined)
        warnings.push(
          warning(
            "ENROLLED_AFTER_DEADLINE",
            `${enrolled} 办理参保，已超过期限 ${deadline}`,
            `enrolled on ${enrolled}, after the deadline ${deadline}`,
          ),
        );
    } else {
      status = "valid";
    }
    counts[status] += 1;
    return {
      id: p.id,
      ...(p.personId !== undefined ? { personId: p.personId } : {}),
      status,
      returnedToSurplus: returnedOn !== undefined,
      ...(returnedOn !== undefined ? { returnedOn } : {}),
      deadline,
      ...(status === "valid" ? { daysLeft: daysBetween(asOf, deadline) } : {}),
      warnings,
    };
  });
  const returned = counts["given-up"] + counts["deemed-abandoned"] + counts.lapsed;
  const trace = traceStep(RULES["INS-VALID-1"], {
    inputs: { asOf, listConfirmedOn: confirmed, listReportedOn: reported, places: places.length },
    parameters: [months, days],
    output: { validUntil, enrolmentDeadline, counts, returnedToSurplus: returned },
    note: {
      zh: `名额有效期至 ${validUntil}（确定之日起 ${months.value} 个月）；上报后 ${days.value} 日内（至 ${enrolmentDeadline}）办理参保缴费，无正当理由逾期视为放弃，名额退回节余指标`,
      en: `places valid through ${validUntil} (${months.value} months from confirmation); enrol and pay within ${days.value} days of the report (through ${enrolmentDeadline}); missing it without a justified reason is deemed giving up, and the place returns to the surplus`,
    },
  });
  return { validUntil, enrolmentDeadline, places, counts, returnedToSurplus: returned, trace };
}
