/**
 * The computations the `sannong` command knows. Adding one is one line:
 * `.register("<pkg>.<fn>", pkg.fn, pkg.fnInputSchema, pkg.<pkg>ParameterSet)`;
 * then add a scenario for it under `examples/`.
 */
import * as z from "zod";
import * as core from "@sannong/core";
import { createRegistry, type Registry } from "./scenario/computation";

/** core.allocate takes `(total, weights, options)`; the scenario input is `{ total, weights, options }`. */
function coreAllocate(input: z.input<typeof core.allocateInputSchema>): core.Money[] {
  return core.allocate(input.total as core.MoneyInput, input.weights as (number | string)[], input.options as core.AllocateOptions | undefined);
}

/**
 * The built-in registry (内置计算): every public computation of the sannong
 * packages that the command can run, and every package's parameters.
 * @remarks Implements CLI-SCEN-1, CLI-PARAM-1.
 */
export const builtInRegistry: Registry = createRegistry()
  // --- core ---
  .register("core.allocate", coreAllocate, core.allocateInputSchema, undefined, { label: { zh: "按比例分配", en: "proportional allocation" } });
