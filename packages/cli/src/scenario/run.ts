import {
  isSannongError,
  overlay,
  toJson,
  ValidationError,
  type Json,
  type ParameterSet,
  type SannongError,
} from "@sannong/core";
import { builtInRegistry } from "../registry";
import { closest } from "../internal/levenshtein";
import type { Registry } from "./computation";
import { compareExpected, parseFieldPath, valueAtPath, type Mismatch } from "./compare";
import { ScenarioError, formatPath, type ScenarioProblem } from "./errors";
import { sourceOf, sortProblems, type Scenario, type ScenarioCase } from "./load";
import { locate, problemAt, type Source } from "./source";
import { schemaProblems } from "./schemaProblems";

type Path = readonly (string | number)[];

/** Options of {@link runScenario} and {@link runCase}. */
export interface RunOptions {
  /** Where computations are looked up; the built-in registry by default. */
  readonly registry?: Registry;
}

/**
 * What happened to one case (用例结果):
 * - `computed`: it ran and states no expectation;
 * - `passed` / `failed`: it ran (or was refused) and the expectation held / did not;
 * - `refused`: the rule refused the input (a policy error) and no expectation said so;
 * - `invalid`: the case cannot run (unknown computation, input the schema
 *   refuses, unknown parameter …) — bad input;
 * - `crashed`: the computation threw something that is not a sannong error (a bug).
 * @remarks Implements CLI-TEST-1, CLI-SCEN-2.
 */
export type CaseStatus = "computed" | "passed" | "failed" | "refused" | "invalid" | "crashed";

/** The outcome of running one case. */
export interface CaseOutcome {
  readonly case: ScenarioCase;
  readonly status: CaseStatus;
  /** The computation's result as returned (Money, Decimal …). */
  readonly result?: unknown;
  /** The result as JSON data: money and decimals as strings. */
  readonly output?: Json;
  /** Differences from the expectation (for `failed`). */
  readonly mismatches?: readonly Mismatch[];
  /** The library's error, for `refused` (and for a `failed` case that was refused). */
  readonly error?: SannongError;
  /** Where the refused field is in the file (the computation's line when the error has no path). */
  readonly refusal?: ScenarioProblem;
  /** Why the case could not run (`invalid`, `crashed`), each at its line. */
  readonly problems?: readonly ScenarioProblem[];
  /** The parameter set used (the package's, with the overlay). */
  readonly parameters?: ParameterSet;
  /**
   * Overlaid parameters that the computation's trace never shows as used
   * (a parameter of another function, or a date before the overlay): a
   * warning, since the overlay then changed nothing. Empty when the result
   * has no trace to tell.
   */
  readonly unusedParameters?: readonly string[];
}

function at(
  src: Source | undefined,
  file: string,
  path: Path,
  init: Omit<ScenarioProblem, "file" | "line" | "column" | "frame" | "path">,
  key = false,
): ScenarioProblem {
  if (!src) return { ...init, file, path };
  return problemAt(src, locate(src, path, { key }).offset, { ...init, path });
}

function prepare(
  c: ScenarioCase,
  registry: Registry,
  src: Source | undefined,
): { problems: ScenarioProblem[]; parameters?: ParameterSet; checks?: Path[] } {
  const problems: ScenarioProblem[] = [];
  const comp = registry.get(c.computation);
  if (!comp) {
    const near = closest(c.computation, registry.ids());
    problems.push(
      at(src, c.file, c.computationAt, {
        code: "UNKNOWN_COMPUTATION",
        zh: `未知的计算 “${c.computation}”${near.length ? `，是否应为：${near.join("、")}？` : ""}（运行 sannong list 查看全部）`,
        en: `unknown computation "${c.computation}"${near.length ? `; did you mean: ${near.join(", ")}?` : ""} (run sannong list to see them all)`,
      }),
    );
    return { problems };
  }
  if (src)
    for (const p of schemaProblems(src, comp.inputSchema, c.input, [...c.at, "input"], "INVALID_INPUT", c.computation))
      problems.push(p);
  else if (!comp.inputSchema.safeParse(c.input).success)
    problems.push({
      code: "INVALID_INPUT",
      file: c.file,
      path: [...c.at, "input"],
      zh: "输入无效",
      en: "invalid input",
    });

  let set = comp.parameters;
  for (const [id, raw] of Object.entries(c.parameters ?? {})) {
    const where = c.parametersAt[id] ?? [...c.at, "parameters", id];
    if (!set) {
      problems.push(
        at(
          src,
          c.file,
          where,
          {
            code: "INVALID_PARAMETER",
            zh: `计算 ${c.computation} 不读取参数，不能覆盖 ${id}`,
            en: `${c.computation} reads no parameters, so ${id} cannot be overlaid`,
          },
          true,
        ),
      );
      continue;
    }
    if (!set.parameters.has(id)) {
      const near = closest(id, [...set.parameters.keys()]);
      problems.push(
        at(
          src,
          c.file,
          where,
          {
            code: "UNKNOWN_PARAMETER",
            zh: `未知参数 “${id}”${near.length ? `，是否应为：${near.join("、")}？` : ""}（运行 sannong params 查看全部）`,
            en: `unknown parameter "${id}"${near.length ? `; did you mean: ${near.join(", ")}?` : ""} (run sannong params to see them all)`,
          },
          true,
        ),
      );
      continue;
    }
    const override = raw === null || typeof raw !== "object" ? { value: raw } : raw;
    try {
      set = overlay(set, { [id]: override as never });
    } catch (e) {
      if (!isSannongError(e)) throw e;
      const issues = e instanceof ValidationError ? e.issues : [{ code: e.code, path: e.path, zh: e.zh, en: e.en }];
      for (const iss of issues) {
        const p = raw === null || typeof raw !== "object" ? where : [...where, ...iss.path];
        problems.push(
          at(src, c.file, p, {
            code: "INVALID_PARAMETER",
            zh: `参数 ${id} 的覆盖值无效：${iss.zh}`,
            en: `invalid overlay of parameter ${id}: ${iss.en}`,
          }),
        );
      }
    }
  }

  let checks: Path[] | undefined;
  if (c.check) {
    checks = [];
    c.check.forEach((text, i) => {
      const p = parseFieldPath(text);
      const where = [...c.at, "check", i];
      if (!p) {
        problems.push(
          at(src, c.file, where, {
            code: "INVALID_CHECK",
            zh: `无法识别的字段路径 “${text}”（示例：recipients[0].amount）`,
            en: `malformed field path "${text}" (e.g. recipients[0].amount)`,
          }),
        );
      } else if (valueAtPath(c.expected, p) === undefined) {
        problems.push(
          at(src, c.file, where, {
            code: "INVALID_CHECK",
            zh: `check 列出的 ${formatPath(p)} 在 expected 中没有写出`,
            en: `check lists ${formatPath(p)} but expected does not give it`,
          }),
        );
      } else {
        checks!.push(p);
      }
    });
  }
  return { problems, ...(set && set !== comp.parameters ? { parameters: set } : {}), ...(checks ? { checks } : {}) };
}

/** Overlaid ids that no trace in the output records as an overridden parameter in use (none when there is no trace). */
function unusedOverlays(ids: readonly string[], output: Json): string[] {
  if (!ids.length) return [];
  const seen = new Set<string>();
  let traced = false;
  const walk = (v: Json): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const o = v as { readonly [k: string]: Json };
    const isNode = typeof o["rule"] === "string" && typeof o["citation"] === "string";
    if (isNode) traced = true;
    if (isNode && Array.isArray(o["parameters"])) {
      for (const p of o["parameters"] as readonly Json[]) {
        const q = p as { readonly [k: string]: Json } | null;
        if (q && typeof q["id"] === "string" && q["overridden"] === true) seen.add(q["id"]);
      }
    }
    for (const x of Object.values(o)) walk(x);
  };
  walk(output);
  return traced ? ids.filter((id) => !seen.has(id)) : [];
}

/**
 * Runs one case (运行场景用例): looks up the computation, validates the input with the
 * computation's own schema, applies the parameter overlay, computes, and
 * compares with the expectation.
 * @param c - the case
 * @param options - the registry to use
 * @returns the outcome (never throws for bad input: see `status`)
 * @throws nothing for bad input or a refusal; only an error of the registry itself
 * @example
 * ```ts
 * const [c] = parseScenario(text, "a.yaml").cases;
 * runCase(c).status; // "passed"
 * ```
 * @remarks Implements CLI-SCEN-1, CLI-SCEN-2.
 */
export function runCase(c: ScenarioCase, options: RunOptions & { source?: Source } = {}): CaseOutcome {
  const registry = options.registry ?? builtInRegistry;
  const src = options.source;
  const prep = prepare(c, registry, src);
  if (prep.problems.length) return { case: c, status: "invalid", problems: sortProblems(prep.problems) };
  const comp = registry.get(c.computation)!;
  const used = prep.parameters ?? comp.parameters;
  let result: unknown;
  try {
    result = comp.run(c.input, prep.parameters ? { parameters: prep.parameters } : {});
  } catch (e) {
    const params = used ? { parameters: used } : {};
    if (!isSannongError(e)) {
      const msg = e instanceof Error ? e.message : String(e);
      return {
        case: c,
        status: "crashed",
        ...params,
        problems: [
          at(src, c.file, c.computationAt, {
            code: "INTERNAL_ERROR",
            zh: `计算 ${c.computation} 内部出错（这是 sannong 的缺陷，请报告）：${msg}`,
            en: `${c.computation} failed inside (a bug in sannong, please report it): ${msg}`,
          }),
        ],
      };
    }
    if (e instanceof ValidationError) {
      const problems = e.issues.map((iss) =>
        at(src, c.file, [...c.at, "input", ...iss.path], { code: "INVALID_INPUT", zh: iss.zh, en: iss.en }),
      );
      return { case: c, status: "invalid", ...params, error: e, problems };
    }
    const inInput = e.path.length > 0 && src !== undefined && locate(src, [...c.at, "input", ...e.path]).exact;
    const refusal = at(src, c.file, inInput ? [...c.at, "input", ...e.path] : c.computationAt, {
      code: e.code,
      zh: e.zh,
      en: e.en,
    });
    if (c.expectedError !== undefined) {
      return e.code === c.expectedError
        ? { case: c, status: "passed", ...params, error: e, refusal }
        : {
            case: c,
            status: "failed",
            ...params,
            error: e,
            refusal,
            mismatches: [{ path: ["error"], reason: "value", expected: c.expectedError, actual: e.code }],
          };
    }
    return { case: c, status: c.hasExpected ? "failed" : "refused", ...params, error: e, refusal };
  }
  const output = toJson(result);
  const unused = unusedOverlays(Object.keys(c.parameters ?? {}), output);
  const base = {
    case: c,
    result,
    output,
    ...(used ? { parameters: used } : {}),
    ...(unused.length ? { unusedParameters: unused } : {}),
  };
  if (c.expectedError !== undefined) {
    return {
      ...base,
      status: "failed",
      mismatches: [{ path: ["error"], reason: "missing", expected: c.expectedError }],
    };
  }
  if (!c.hasExpected) return { ...base, status: "computed" };
  const mismatches = compareExpected(c.expected, output, prep.checks);
  return { ...base, status: mismatches.length ? "failed" : "passed", ...(mismatches.length ? { mismatches } : {}) };
}

/**
 * Runs every case of a scenario (运行场景).
 * @param scenario - from {@link parseScenario} or {@link loadScenario}
 * @param options - the registry to use
 * @returns one outcome per case, in file order
 * @throws nothing for bad input: each case's problems are in its outcome
 * @example
 * ```ts
 * runScenario(loadScenario("examples/core/allocate.yaml")).map((o) => o.status); // ["passed", "passed", "passed"]
 * ```
 * @remarks Implements CLI-SCEN-1, CLI-SCEN-2.
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): CaseOutcome[] {
  const src = sourceOf(scenario);
  return scenario.cases.map((c) => runCase(c, { ...options, ...(src ? { source: src } : {}) }));
}

/**
 * Runs a scenario and returns its outputs (计算场景), throwing when a case
 * cannot run or the rule refuses it — the programmatic form of `sannong run`.
 * @param scenario - from {@link parseScenario} or {@link loadScenario}
 * @param options - the registry to use
 * @returns each case's output as JSON data (money as decimal strings)
 * @throws {@link ScenarioError} for a case that cannot run; the library's own error when the rule refuses
 * @example
 * ```ts
 * computeScenario(parseScenario(text, "a.yaml"))[0]; // ["33.34", "33.33", "33.33"]
 * ```
 * @remarks Implements CLI-RUN-1.
 */
export function computeScenario(scenario: Scenario, options: RunOptions = {}): Json[] {
  return runScenario(scenario, options).map((o) => {
    if (o.problems?.length) throw new ScenarioError(o.problems);
    if (o.error && o.output === undefined) throw o.error;
    return o.output as Json;
  });
}
