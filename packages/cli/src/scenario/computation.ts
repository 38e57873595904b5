import type * as z from "zod";
import { PolicyError, type Label, type Parameter, type ParameterSet } from "@sannong/core";

/** What a registered computation receives besides its input. */
export interface ComputationOptions {
  /** The package's parameter set with the scenario's overlay applied. */
  readonly parameters?: ParameterSet;
}

/**
 * The shape every sannong public function has: `fooBar(input, options?)`.
 * The input is typed `never` here so any function's input type fits; the
 * registry validates the input with the function's own schema before calling.
 */
export type ComputationFn = (input: never, options?: ComputationOptions) => unknown;

/**
 * A computation the `sannong` command can run (可运行的计算): a public function
 * of a sannong package with its exported input schema and, when it reads
 * parameters, the package's default parameter set (the base of a scenario's
 * `parameters:` overlay).
 * @remarks Implements CLI-SCEN-1.
 */
export interface Computation {
  /** `<package>.<function>`, e.g. `funds.allocateByFactors`. */
  readonly id: string;
  /** Runs the function on an input already checked by `inputSchema`. */
  readonly run: (input: unknown, options: ComputationOptions) => unknown;
  /** The function's own exported zod input schema. */
  readonly inputSchema: z.ZodType;
  /** The package's default parameter set, when the function reads parameters. */
  readonly parameters?: ParameterSet;
  /** Optional bilingual title shown in tables and `sannong list`. */
  readonly label?: Label;
}

/** Optional extras of {@link Registry.register}. */
export interface RegisterOptions {
  /** Bilingual title of the computation. */
  readonly label?: Label;
}

/**
 * A registry of computations (计算登记表) and of the built-in parameter lists
 * shown by `sannong params`.
 * @remarks Implements CLI-SCEN-1, CLI-PARAM-1.
 */
export interface Registry {
  /**
   * Registers a computation in one line:
   * `register("funds.allocateByFactors", funds.allocateByFactors, funds.allocateByFactorsInputSchema, funds.fundsParameterSet)`.
   * @throws {@link PolicyError} `DUPLICATE_COMPUTATION` when the id is taken
   */
  register(
    id: string,
    fn: ComputationFn,
    inputSchema: z.ZodType,
    parameters?: ParameterSet,
    options?: RegisterOptions,
  ): Registry;
  /** Adds a package's built-in parameters to the `sannong params` listing. */
  registerParameters(pkg: string, parameters: readonly Parameter[]): Registry;
  /** The computation with an id, or `undefined`. */
  get(id: string): Computation | undefined;
  /** Every computation id, sorted. */
  ids(): string[];
  /** Every registered parameter with the package it belongs to, in id order. */
  parameters(): { readonly pkg: string; readonly parameter: Parameter }[];
}

/**
 * Creates an empty registry of computations (计算登记表); the built-in one is
 * `builtInRegistry`. Pass your own to `runScenario` or `main` to run your
 * own functions from scenario files.
 * @returns a registry with no computation and no parameter
 * @throws never
 * @example
 * ```ts
 * const r = createRegistry().register("core.allocate", allocateAdapter, allocateInputSchema);
 * r.ids(); // ["core.allocate"]
 * ```
 * @remarks Implements CLI-SCEN-1.
 */
export function createRegistry(): Registry {
  const computations = new Map<string, Computation>();
  const params = new Map<string, { pkg: string; parameter: Parameter }>();
  const registry: Registry = {
    register(id, fn, inputSchema, parameters, options = {}) {
      if (computations.has(id)) {
        throw new PolicyError({
          code: "DUPLICATE_COMPUTATION",
          zh: `计算 ${id} 重复登记`,
          en: `computation ${id} is registered twice`,
          details: { id },
        });
      }
      const call = fn as unknown as (input: unknown, options?: ComputationOptions) => unknown;
      computations.set(
        id,
        Object.freeze({
          id,
          run: (input: unknown, opts: ComputationOptions) =>
            opts.parameters ? call(input, { parameters: opts.parameters }) : call(input),
          inputSchema,
          ...(parameters ? { parameters } : {}),
          ...(options.label ? { label: options.label } : {}),
        }),
      );
      return registry;
    },
    registerParameters(pkg, list) {
      for (const p of list) {
        if (params.has(p.id)) {
          throw new PolicyError({
            code: "PARAM_DUPLICATE",
            zh: `参数 ${p.id} 重复登记`,
            en: `parameter ${p.id} is registered twice`,
            details: { id: p.id },
          });
        }
        params.set(p.id, { pkg, parameter: p });
      }
      return registry;
    },
    get: (id) => computations.get(id),
    ids: () => [...computations.keys()].sort(),
    parameters: () =>
      [...params.values()].sort((a, b) =>
        a.parameter.id < b.parameter.id ? -1 : a.parameter.id > b.parameter.id ? 1 : 0,
      ),
  };
  return registry;
}
