import * as z from "zod";
import { addIssue, getParameter, paramAt, parseInput, valueAt, type LegalDate, type ParameterSet, type ParameterUse } from "@sannong/core";
import { migrantsParameterSet } from "../parameters";

/**
 * What every public function of @sannong/migrants accepts as its second
 * argument: what is not data — the parameter set (an overlay of
 * {@link migrantsParameterSet} with local standards).
 */
export interface MigrantsOptions {
  readonly parameters?: ParameterSet;
}

function isParameterSet(v: unknown): v is ParameterSet {
  return typeof v === "object" && v !== null && (v as { parameters?: unknown }).parameters instanceof Map && Array.isArray((v as { overridden?: unknown }).overridden);
}

/** zod schema of {@link MigrantsOptions} (strict; `parameters` must be a core ParameterSet). */
export const migrantsOptionsSchema = z.strictObject({
  parameters: z
    .unknown()
    .superRefine((v, ctx) => {
      if (!isParameterSet(v)) addIssue(ctx, "parameters 应为 core 的参数集（parameterSet / overlay 的结果）", "parameters must be a core ParameterSet (from parameterSet or overlay)", [], "invalid_parameter_set");
    })
    .optional(),
});

/** Validates the options argument and returns the parameter set to read. @internal */
export function parametersOf(options: unknown, fn: string): ParameterSet {
  if (options === undefined) return migrantsParameterSet;
  const o = parseInput(z.strictObject({ options: migrantsOptionsSchema }), { options }, fn);
  return (o.options.parameters as ParameterSet | undefined) ?? migrantsParameterSet;
}

/** The value of a migrants parameter on a date (recorded for the trace). @internal */
export function param<T>(set: ParameterSet, id: string, date: LegalDate): ParameterUse<T> {
  return paramAt<T>(set, id, date);
}

/**
 * The value of a migrants parameter on `date`, or — when no date is given —
 * its latest value (the newest standard), recorded for the trace either way.
 * @internal
 */
export function paramOn<T>(set: ParameterSet, id: string, date: LegalDate | undefined): ParameterUse<T> {
  if (date !== undefined) return paramAt<T>(set, id, date);
  const p = getParameter<T>(set, id);
  const overridden = set.overridden.some((r) => r.id === id);
  return valueAt(p, p.values[p.values.length - 1]!.from, overridden);
}
