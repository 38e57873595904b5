import * as z from "zod";
import {
  getParameter,
  paramAt,
  parseInput,
  plainObject,
  valueAt,
  type LegalDate,
  type ParameterSet,
  type ParameterUse,
} from "@sannong/core";
import { migrantsOptionsSchema, migrantsParameterSet, type MigrantsOptions } from "../parameters";

export type { MigrantsOptions };

/** Validates the options argument and returns the parameter set to read. @internal */
export function parametersOf(options: unknown, fn: string): ParameterSet {
  if (options === undefined) return migrantsParameterSet;
  // plainObject: a Date, a Map or a class instance has no own keys and would read as "no options".
  const o = parseInput(z.strictObject({ options: plainObject(migrantsOptionsSchema) }), { options }, fn);
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
  return valueAt(p, p.values[p.values.length - 1]!.from);
}
