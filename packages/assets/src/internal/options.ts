import * as z from "zod";
import { parseInput, plainObject, type ParameterSet } from "@sannong/core";
import { assetsParameterSet } from "../parameters";

/**
 * What every function of `@sannong/assets` takes besides its input data: a
 * parameter set (the package default overlaid with a local standard).
 */
export interface AssetsOptions {
  /** Parameter set to read the open numbers from; default `assetsParameterSet`. */
  readonly parameters?: ParameterSet;
}

const optionsSchema = plainObject(
  z.strictObject({
    parameters: z
      .custom<ParameterSet>(
        (v) =>
          typeof v === "object" &&
          v !== null &&
          (v as { parameters?: unknown }).parameters instanceof Map &&
          Array.isArray((v as { overridden?: unknown }).overridden),
        {
          message: "expected a ParameterSet (build one with parameterSet or overlay)",
        },
      )
      .optional(),
  }),
).optional();

/** The parameter set of a call (validated options). @internal */
export function paramsOf(options: unknown, fn: string): ParameterSet {
  if (options === undefined) return assetsParameterSet;
  const o = parseInput(optionsSchema, options, `${fn} options`);
  return o?.parameters ?? assetsParameterSet;
}
