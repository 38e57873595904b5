import * as z from "zod";
import {
  getParameter,
  paramAt,
  parseInput,
  plainObject,
  type LegalDate,
  type ParameterSet,
  type ParameterUse,
} from "@sannong/core";
import { insuranceParameterSet } from "../parameters";

/** The second argument of every public function: what is not data. */
export interface InsuranceOptions {
  /** An overlay of {@link insuranceParameterSet} (core `overlay`); the default set when absent. */
  readonly parameters?: ParameterSet;
}

const isParameterSet = (v: unknown): v is ParameterSet =>
  typeof v === "object" &&
  v !== null &&
  (v as { parameters?: unknown }).parameters instanceof Map &&
  Array.isArray((v as { overridden?: unknown }).overridden);

const optionsSchema = plainObject(
  z.strictObject({
    parameters: z
      .custom<ParameterSet>(isParameterSet, {
        message: "parameters must be a ParameterSet (build it with core parameterSet or overlay)",
      })
      .optional(),
  }),
).optional();

/** Validates the options argument and returns the parameter set to read. @internal */
export function resolveParameters(options: unknown, fn: string): ParameterSet {
  const o = parseInput(optionsSchema, options, `${fn} (options)`);
  return o?.parameters ?? insuranceParameterSet;
}

/**
 * Reads a parameter on a date, or — when no date is known — its newest value
 * (recorded as such in the trace by the caller). @internal
 */
export function readParam<T>(set: ParameterSet, id: string, date: LegalDate | undefined): ParameterUse<T> {
  if (date !== undefined) return paramAt<T>(set, id, date);
  const p = getParameter<T>(set, id);
  const last = p.values[p.values.length - 1]!;
  return paramAt<T>(set, id, last.from);
}
